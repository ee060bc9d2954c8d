"""JointExplorer: an anywidget that moves in a live kernel and in the static book.

Python computes every physical curve once, on the solver's own scan grid
(``solve.scan_grid``: 0.25 deg steps from the rest angle to both limits), with
``torque_basis``. The page's ES module (``static/explorer.js``) only mixes
those curves for the slider values, applies the same equilibrium rule on the
grid (scan from rest the way the torque points, first sign change, linear
interpolation, or the limit) and draws. In a live kernel the sliders also
reach Python, which keeps ``angle``, ``at_limit``, ``torques`` and
``description`` up to date with the exact solver.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import traitlets

from ... import _validate as check
from ...model import ZERO_TORQUE, Equilibrium, Joint, Weight, equilibrium, joint_drawing, scan_grid, torque_basis
from ...model.presets import check_drawing
from ..style import muscle_styles, page_colours
from ..words import SENTENCES, describe
from ..words import label as reader_label
from .base import STATIC, ArrayTable, BookWidget, pack_floats

#: A preset button: a joint with the explorer's muscles, or (joint, variant index)
#: when it is one of the explorer's geometry variants other than the first.
Preset = Joint | tuple[Joint, int]

#: The step of activation (fraction of fmax) the sensitivity bars try, as
#: :func:`forcecouple.course.fix.sensitivity`'s default.
SENSITIVITY_STEP = 0.10


class JointExplorer(BookWidget):
    """Pull the strings of a joint and watch it settle.

    Parameters
    ----------
    joint : Joint or sequence of Joint
        The joint, or variants of it that differ in geometry (e.g. insertion
        points) but share muscle names, limits and rest angle; a slider labelled
        ``variant_label`` chooses among them.
    controls : mapping of label -> muscle names
        One slider per entry, setting the pull of every listed muscle. Default:
        one slider per muscle.
    unit : "%" or "N"
        Sliders in % of each muscle's fmax, or in newtons.
    slider_max : float
        Top of every slider, in ``unit`` (> 0, at most 1e6).
    slider_step : float
        Slider step, in ``unit`` (> 0, at most ``slider_max``).
    presets : mapping of label -> Joint or (Joint, variant index)
        Buttons that set the sliders to a joint's pulls and, with an index, the
        variant slider too (the joint's geometry must match that variant's).
    variant_label, variant_values, variant_unit
        Text and numbers the variant slider shows (e.g. "right insertion", cm).
    normal_range : (low, high) or None
        Angles (degrees, within [-180, 180], low <= high) shaded as the normal range.
    title : str
        Heading shown above the picture.
    start_variant : int
        The variant shown first (an index).
    anatomy : mapping, None or "auto"
        What the picture draws around the bone (femur, spine, landmarks...), in
        the joint's frame: :func:`~forcecouple.model.preset_drawing`'s form.
        "auto" (default) uses the drawing of the preset the joint was made from,
        if any; None draws the bone and strings alone.
    """

    _esm = STATIC / "explorer.js"

    values = traitlets.List(traitlets.Float()).tag(sync=True)
    variant = traitlets.Int(0).tag(sync=True)
    angle = traitlets.Float(0.0).tag(sync=True)
    at_limit = traitlets.Bool(False).tag(sync=True)
    torques = traitlets.Dict().tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)

    def __init__(self, joint: Joint | Sequence[Joint], controls: Mapping[str, Sequence[str]] | None = None,
                 unit: str = "%", slider_max: float = 100.0, slider_step: float | None = None,
                 presets: Mapping[str, Preset] | None = None, variant_label: str = "variant",
                 variant_values: Sequence[float] | None = None, variant_unit: str = "",
                 normal_range: tuple[float, float] | None = None, title: str = "",
                 start_variant: int = 0, anatomy: Mapping[str, Any] | str | None = "auto",
                 **kwargs: Any) -> None:
        variants = [joint] if isinstance(joint, Joint) else list(check.sequence("joint", joint, "Joint variants"))
        self._variants = self._check_variants(variants)
        first = self._variants[0]
        self._unit = check.choice("unit", unit, ("%", "N"))
        self._slider_max = check.number("slider_max", slider_max, low=1e-9, high=check.MAX_FORCE, unit=unit)
        step = slider_max / 200 if slider_step is None else slider_step
        self._slider_step = check.number("slider_step", step, low=1e-9, high=slider_max, unit=unit)
        self._controls = self._check_controls(first, controls)
        if unit == "%":
            for label, names in self._controls.items():
                for name in names:
                    if first.muscle(name).fmax is None:
                        raise ValueError(f"controls[{label!r}]: muscle {name!r} has no fmax, so a slider "
                                         "in % cannot set it; use unit='N'")
        start_variant = check.integer("start_variant", start_variant, low=0, high=len(self._variants) - 1)
        if variant_values is None:
            variant_values = list(range(len(self._variants)))
        variant_values = check.numbers("variant_values", variant_values, shape=(len(self._variants),),
                                       what="one number per variant")
        for key, text in (("variant_label", variant_label), ("variant_unit", variant_unit), ("title", title)):
            check.name_text(key, text, empty=True)
        if normal_range is not None:
            normal_range = check.interval("normal_range", normal_range, low=-180.0, high=180.0, unit="degrees",
                                          strict=False)
        self._presets = {}
        for label, preset in check.mapping("presets", {} if presets is None else presets,
                                           "a mapping of label -> Joint or (Joint, variant)").items():
            check.name_text("presets key", label)
            self._presets[label] = self._preset_values(preset, f"presets[{label!r}]")
        if isinstance(anatomy, str):
            check.choice("anatomy", anatomy, ("auto",))
            anatomy = joint_drawing(first)
        elif anatomy is not None:
            anatomy = check_drawing("anatomy", anatomy)
        self._anatomy = None if anatomy is None else dict(anatomy)
        start_values = self._values_of(self._variants[start_variant])
        spec = self._build_spec(title, variant_label, [float(v) for v in variant_values], variant_unit,
                                normal_range, start_values, start_variant)
        super().__init__(spec=spec, values=start_values, variant=start_variant, **kwargs)
        self.observe(self._update, names=["values", "variant"])
        self._update()

    # -- checks ---------------------------------------------------------------
    @staticmethod
    def _check_variants(variants: list[Joint]) -> list[Joint]:
        if not variants:
            raise ValueError("joint must be a Joint or a non-empty sequence of Joint variants; got none")
        for i, v in enumerate(variants):
            if not isinstance(v, Joint):
                raise ValueError(f"joint[{i}] must be a Joint; got {v!r}")
        first = variants[0]
        for i, v in enumerate(variants[1:], 1):
            if v.names != first.names or v.limits != first.limits or v.rest_angle != first.rest_angle:
                raise ValueError(f"joint variant {i} must have the same muscles, limits and rest angle as "
                                 f"variant 0; got {v!r}")
        return variants

    @staticmethod
    def _check_controls(joint: Joint, controls: Mapping[str, Sequence[str]] | None) -> dict[str, list[str]]:
        if controls is None:
            return {reader_label(name): [name] for name in joint.names}
        if not check.mapping("controls", controls, "a mapping of label -> list of muscle names"):
            raise ValueError("controls must name at least one slider; got an empty mapping")
        out: dict[str, list[str]] = {}
        seen: set[str] = set()
        for label, names in controls.items():
            check.name_text("controls key", label)
            if (isinstance(names, str) or not isinstance(names, list | tuple)) or not names:
                raise ValueError(f"controls[{label!r}] must be a non-empty list of muscle names; got "
                                 f"{check.show(names)}")
            for i, name in enumerate(names):
                check.name_text(f"controls[{label!r}][{i}]", name)
                if name not in joint.names:
                    raise ValueError(f"controls[{label!r}]: unknown muscle {name!r}; the joint's muscles "
                                     f"are {', '.join(joint.names)}")
                if name in seen:
                    raise ValueError(f"controls[{label!r}]: muscle {name!r} is already set by another slider")
                seen.add(name)
            out[str(label)] = list(names)
        return out

    def _scale(self, joint: Joint, name: str) -> float:
        """Newtons of pull per slider unit for muscle ``name``."""
        return joint.muscle(name).fmax / 100.0 if self._unit == "%" else 1.0

    def _values_of(self, joint: Joint) -> list[float]:
        """Slider values that reproduce ``joint``'s pulls (each group must agree)."""
        values = []
        for label, names in self._controls.items():
            per = [joint.muscle(n).pull / self._scale(joint, n) for n in names]
            if max(per) - min(per) > 1e-9 * max(1.0, max(per)):
                raise ValueError(f"preset sets the muscles of slider {label!r} to different values "
                                 f"({', '.join(f'{v:g}' for v in per)} {self._unit}); one slider cannot show that")
            values.append(self._clamp(round(per[0], 9), label))  # drop float noise (2.5000000000000004)
        return values

    def _clamp(self, value: float, label: str) -> float:
        if not 0.0 <= value <= self._slider_max:
            raise ValueError(f"slider {label!r} value must lie in [0, {self._slider_max:g}] {self._unit}; "
                             f"got {value:g}")
        return float(value)

    def _preset_values(self, preset: Preset, where: str = "preset") -> tuple[list[float], int]:
        joint, variant = preset if isinstance(preset, tuple) and len(preset) == 2 else (preset, 0)
        if not isinstance(joint, Joint) or joint.names != self._variants[0].names:
            raise ValueError(f"{where} must be a Joint with the explorer's muscles, or (Joint, variant); "
                             f"got {check.show(preset)}")
        variant = check.integer(f"{where} variant", variant, low=0, high=len(self._variants) - 1)
        shape = self._variants[variant]
        for m, v in zip(joint.muscles, shape.muscles, strict=True):
            if (m.insertion, m.origin, m.origin_turns) != (v.insertion, v.origin, v.origin_turns):
                raise ValueError(f"preset: muscle {m.name!r} is not attached as in variant {variant}; "
                                 "pass (joint, variant) with the variant it was made from")
        return self._values_of(joint), variant

    # -- what the page gets ---------------------------------------------------
    def _build_spec(self, title: str, variant_label: str, variant_values: list[float], variant_unit: str,
                    normal_range: tuple[float, float] | None, start_values: list[float],
                    start_variant: int) -> dict:
        first = self._variants[0]
        grid, rest_index = scan_grid(first)
        table = ArrayTable()
        variants = []
        extent = 0.0
        for joint in self._variants:
            basis = torque_basis(joint, grid)
            variants.append({
                "insertion": [list(m.insertion) for m in joint.muscles],
                "origin": [list(m.origin) for m in joint.muscles],
                "turns": [m.origin_turns for m in joint.muscles],
                "outline": [list(p) for p in joint.outline],
                "arms": [table.add(a, zero_as_null=True) for a in basis.arms],
                "strings": [table.add(a, zero_as_null=True) for a in basis.strings],
                "spring": table.add(basis.spring, zero_as_null=True),
                "load": table.add(basis.load, zero_as_null=True),
            })
            # Frame the bone (twice its outline's reach); long strings run off the edge.
            points = joint.outline or [*(m.insertion for m in joint.muscles), *(m.origin for m in joint.muscles)]
            extent = max(extent, (2.0 if joint.outline else 1.0) * max(math.hypot(*p) for p in points))
        tension_top = max(self._slider_max * max(self._scale(first, n) for n in names)
                          for names in self._controls.values())
        # Arrow keys move a slider 1 % of its range (a whole number of steps), PageUp/PageDown 10 %.
        def steps(fraction: float) -> float:
            return max(1, round(fraction * self._slider_max / self._slider_step)) * self._slider_step
        return {
            "title": title,
            "bone": first.name,
            "directions": list(first.directions),
            "limits": list(first.limits),
            "rest_index": int(rest_index),
            "rest_angle": first.rest_angle,
            "grid": pack_floats(grid),
            "zero_torque": ZERO_TORQUE,
            "normal_range": list(normal_range) if normal_range else None,
            "muscles": [{"name": m.name, "label": reader_label(m.name), "colour": c, "dash": d, "fmax": m.fmax}
                        for m, (c, d) in zip(first.muscles, muscle_styles(first), strict=True)],
            # "Which pull matters most here?": the page raises each activation by this
            # fraction of fmax (capped at 1) and re-solves, as course.fix.sensitivity does;
            # only for sliders in % of fmax (not pulls in newtons, as the floating bone's).
            "sensitivity_step": SENSITIVITY_STEP if self._unit == "%" and all(
                m.fmax is not None for m in first.muscles) else None,
            "controls": [{"label": label, "muscles": [first.names.index(n) for n in names],
                          "scale": [self._scale(first, n) for n in names], "unit": self._unit,
                          "max": self._slider_max, "step": self._slider_step,
                          "key_step": steps(0.01), "page_step": steps(0.1)}
                         for label, names in self._controls.items()],
            "variant_control": None if len(self._variants) == 1 else {
                "label": variant_label, "values": variant_values, "unit": variant_unit},
            "variants": variants,
            "arrays": table.items,
            "presets": [{"label": label, "values": values, "variant": variant}
                        for label, (values, variant) in self._presets.items()],
            "start": {"values": start_values, "variant": start_variant},
            "extent": extent,
            "arrow_scale": 0.35 * extent / max(tension_top * 0.25, 1e-9),
            "colours": page_colours(),
            "landmarks": {k: list(v) for k, v in first.landmarks.items()},
            "load": ({"force": first.load.force, "at": list(first.load.at)}
                     if isinstance(first.load, Weight) else None),
            "anatomy": self._anatomy,
            "words": SENTENCES,
        }

    # -- live kernel ----------------------------------------------------------
    def joint(self) -> Joint:
        """The joint with the pulls the sliders set now."""
        base = self._variants[self.variant]
        pulls = {}
        for value, names in zip(self.values, self._controls.values(), strict=True):
            for name in names:
                pulls[name] = value * self._scale(base, name)
        return base.with_pulls(pulls)

    def result(self) -> Equilibrium:
        """Exact equilibrium for the current sliders."""
        return equilibrium(self.joint())

    def _update(self, change: object = None) -> None:
        n = len(self._controls)
        if len(self.values) != n or not 0 <= self.variant < len(self._variants):
            return  # a half-updated state from the page; the next message completes it
        joint = self.joint()
        result = equilibrium(joint)
        self.angle, self.at_limit = result.angle, result.at_limit
        self.torques = dict(result.torques)
        self.description = describe(joint, result, self._controls)

    def set_values(self, **values: float) -> None:
        """Set sliders by label (spaces as underscores), e.g. ``set_values(glutes=5)``."""
        labels = {label.replace(" ", "_"): i for i, label in enumerate(self._controls)}
        new = list(self.values)
        for key, value in values.items():
            check.choice("slider", key, list(labels))
            new[labels[key]] = self._clamp(check.number(key, value, unit=self._unit), key)
        self.values = new

    # -- static twin ----------------------------------------------------------
    def figure(self) -> Any:
        """The static picture (matplotlib figure) for the current settings."""
        from ..figures import draw_joint
        joint = self.joint()
        return draw_joint(joint, equilibrium(joint), title=self.spec.get("title") or None,
                          anatomy=self._anatomy, groups=self._controls)
