"""FixExplorer: the least-effort fix of a joint, for a target tilt, in the static book.

The reader chooses a target rest angle and which muscle groups stay as they are
(locks); the page shows the activations that bring the joint to rest there for
the least effort (:func:`forcecouple.course.fix.least_effort`, the sum of
squared activations), drawn solid, over a dashed ghost of the joint as it is now.

No optimisation runs on the page. Python solves ``least_effort`` for every
combination of locks on a grid of targets (``grid_step`` degrees) and sends each
free muscle's activation along the grid as float32 (``spec["fix"]``); the page
interpolates linearly between grid targets, sets those activations as the
explorer's values and finds the rest angle with the explorer's own equilibrium
rule on the solver's grid, exactly as for any slider setting. The drawing is
:class:`~forcecouple.view.widgets.joint.JointExplorer`'s (the same ES module, in
"fix mode"). In a live kernel ``target`` and ``locks`` reach Python, which solves
the exact problem and keeps ``answer``, ``values`` and ``description`` current.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import traitlets

from ... import _validate as check
from ...course.fix import LeastEffort, least_effort
from ...model import Joint, equilibrium
from ..words import label as reader_label
from ..words import tilt_text
from .base import ArrayTable
from .joint import JointExplorer

#: Activations below this (a fraction of fmax) count as "no change" in the sentence.
UNCHANGED = 0.001


def _join(words: Sequence[str]) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def fix_sentence(joint: Joint, now: Mapping[str, float], answer: Mapping[str, float], held: Sequence[str],
                 angle: float) -> str:
    """One sentence: what goes up and what goes down in the least-effort fix (the page writes the same)."""
    names = [m.name for m in joint.muscles]
    ups = [reader_label(n) for n in names if n not in held and answer[n] - now[n] > UNCHANGED]
    downs = [reader_label(n) for n in names if n not in held and now[n] - answer[n] > UNCHANGED]
    parts = []
    if ups:
        parts.append(f"{_join(ups)} {'works' if len(ups) == 1 else 'work'} harder")
    if downs:
        parts.append(f"{_join(downs)} {'eases' if len(downs) == 1 else 'ease'} off")
    what = "; ".join(parts) if parts else "nothing needs to change"
    return f"To rest at {tilt_text(angle, joint.directions)} for the least effort, {what}."


@functools.lru_cache(maxsize=8)
def _fix_table(joint: Joint, locks: tuple[tuple[str, ...], ...], low: float, high: float,
               step: float) -> tuple[tuple[float, np.ndarray], ...]:
    """For each combination of locks (bit k set: lock k held): the first target of the
    reachable run of grid targets and the activations there (targets x muscles)."""
    names = [m.name for m in joint.muscles]
    now = {m.name: float(m.activation) for m in joint.muscles}
    targets = [round(low + k * step, 6) for k in range(round((high - low) / step) + 1)]
    out = []
    for mask in range(2 ** len(locks)):
        fixed = {n: now[n] for k, group in enumerate(locks) if mask >> k & 1 for n in group}
        rows: list[tuple[float, list[float]] | None] = []
        for t in targets:
            try:
                fit = least_effort(joint, t, fixed=fixed)
            except ValueError:
                rows.append(None)
                continue
            rows.append((t, [fit.activations[n] for n in names]))
        # the longest run of reachable grid targets (targets where least_effort raises are left out)
        best, run = (0, 0), None
        for k, row in enumerate([*rows, None]):
            if row is not None and run is None:
                run = k
            elif row is None and run is not None:
                if k - run > best[1] - best[0]:
                    best = (run, k)
                run = None
        if best[1] - best[0] < 2:
            raise ValueError(f"locks: with {', '.join(n for g in locks for n in g)} held (combination {mask}) "
                             f"no target from {low:g} to {high:g} degrees can be reached")
        kept = rows[best[0]:best[1]]
        out.append((kept[0][0], np.array([row[1] for row in kept])))
    return tuple(out)


class FixExplorer(JointExplorer):
    """Choose a target tilt; see the least-effort activations that rest the joint there.

    Parameters
    ----------
    joint : Joint
        The joint as it is now (its activations are "now"); every muscle needs an fmax.
    locks : mapping of label -> muscle names
        Up to three toggles; a checked one holds its muscles at their activation now.
    target : float
        The target rest angle shown first, degrees, within ``target_range``.
    locked : sequence of bool or None
        Which locks start checked (default: none).
    target_range : (low, high)
        Targets the tool offers (degrees, within the joint's limits); each lock
        combination offers the reachable part of it.
    grid_step : float
        Spacing of the precomputed targets, degrees (0.1 to 5).
    now_label : str
        What the ghost of the joint as it is now is called (e.g. "lower crossed").
    **kwargs
        Passed to :class:`JointExplorer` (``title``, ``normal_range``, ``anatomy``).
    """

    target = traitlets.Float(10.0).tag(sync=True)
    locks = traitlets.List(traitlets.Bool()).tag(sync=True)
    answer = traitlets.Dict().tag(sync=True)

    def __init__(self, joint: Joint, locks: Mapping[str, Sequence[str]], target: float = 10.0,
                 locked: Sequence[bool] | None = None, target_range: tuple[float, float] = (-5.0, 40.0),
                 grid_step: float = 0.5, now_label: str = "now", **kwargs: Any) -> None:
        check.instance("joint", joint, Joint)
        missing = [m.name for m in joint.muscles if m.fmax is None]
        if missing:
            raise ValueError(f"joint: every muscle needs a maximal force (fmax) for the fix tool; "
                             f"{', '.join(missing)} has none")
        lock_map = check.mapping("locks", locks, "a mapping of label -> list of muscle names")
        if not 1 <= len(lock_map) <= 3:
            raise ValueError(f"locks must name one to three toggles; got {len(lock_map)}")
        self._locks: dict[str, tuple[str, ...]] = {}
        seen: set[str] = set()
        for label, names in lock_map.items():
            check.name_text("locks key", label)
            if isinstance(names, str) or not isinstance(names, list | tuple) or not names:
                raise ValueError(f"locks[{label!r}] must be a non-empty list of muscle names; got {check.show(names)}")
            for name in names:
                check.choice(f"locks[{label!r}] muscle", name, list(joint.names))
                if name in seen:
                    raise ValueError(f"locks[{label!r}]: muscle {name!r} is already held by another lock")
                seen.add(name)
            self._locks[str(label)] = tuple(names)
        if len(seen) == len(joint.names):
            raise ValueError("locks must leave at least one muscle free to change; together they hold all of them")
        lo_limit, hi_limit = joint.limits
        low, high = check.interval("target_range", target_range, low=lo_limit, high=hi_limit, unit="degrees")
        step = check.number("grid_step", grid_step, low=0.1, high=5.0, unit="degrees")
        if (high - low) / step > 400:
            raise ValueError(f"grid_step: {step:g} degrees over {low:g} to {high:g} makes more than 400 targets")
        if locked is None:
            locked = [False] * len(self._locks)
        locked = list(check.sequence("locked", locked, "one bool per lock"))
        for i, v in enumerate(locked):
            if not isinstance(v, bool | np.bool_):
                raise ValueError(f"locked[{i}] must be True or False; got {check.show(v)}")
        locked = [bool(v) for v in locked]
        if len(locked) != len(self._locks):
            raise ValueError(f"locked must hold one bool per lock ({len(self._locks)}); got {len(locked)}")
        check.name_text("now_label", now_label)
        self._joint = joint
        self._now = {m.name: float(m.activation) for m in joint.muscles}
        self._step = step
        self._table = _fix_table(joint, tuple(self._locks.values()), low, high, step)
        target = check.number("target", target, low=low, high=high, unit="degrees")
        first, last = self.reachable(locked)
        if not first <= target <= last:
            raise ValueError(f"target {target:g} degrees cannot be reached with these locks; reachable targets: "
                             f"from {first:.1f} to {last:.1f} degrees")
        start = self._fit(target, locked)
        self._answer_joint = joint.with_activations(start.activations)
        super().__init__(self._answer_joint, controls=None, unit="%", slider_max=100.0, slider_step=0.1,
                         presets=None, target=target, locks=locked, **kwargs)
        self.spec = {**self.spec, "fix": self._fix_spec(low, high, now_label, target, locked)}
        self.observe(self._refit, names=["target", "locks"])
        self._refit()

    # -- the precomputed grid ---------------------------------------------------
    def _mask(self, locked: Sequence[bool]) -> int:
        return sum(1 << k for k, on in enumerate(locked) if on)

    def reachable(self, locked: Sequence[bool]) -> tuple[float, float]:
        """The lowest and highest target (degrees) the tool offers with these locks."""
        first, acts = self._table[self._mask(locked)]
        return first, round(first + (len(acts) - 1) * self._step, 6)

    def _held(self, locked: Sequence[bool]) -> dict[str, float]:
        return {n: self._now[n] for on, names in zip(locked, self._locks.values(), strict=True) if on for n in names}

    def _fit(self, target: float, locked: Sequence[bool]) -> LeastEffort:
        """The exact least-effort answer; at a grid's edge, where SLSQP may just miss, the nearest grid target."""
        try:
            return least_effort(self._joint, target, fixed=self._held(locked))
        except ValueError:
            first, last = self.reachable(locked)
            near = min(max(round((target - first) / self._step) * self._step + first, first), last)
            return least_effort(self._joint, near, fixed=self._held(locked))

    def _fix_spec(self, low: float, high: float, now_label: str, target: float, locked: list[bool]) -> dict:
        names = list(self._joint.names)
        table = ArrayTable()
        combos = []
        for mask, (first, acts) in enumerate(self._table):
            held = {n for k, group in enumerate(self._locks.values()) if mask >> k & 1 for n in group}
            combos.append({"from": first, "count": len(acts),
                           "arrays": [None if n in held else table.add(acts[:, i], zero_as_null=True)
                                      for i, n in enumerate(names)]})
        return {
            "step": self._step,
            "range": [low, high],
            "now": [self._now[n] for n in names],
            "now_label": now_label,
            "locks": [{"label": label, "muscles": [names.index(n) for n in group]}
                      for label, group in self._locks.items()],
            "start": {"target": target, "locks": locked},
            "combos": combos,
            "arrays": table.items,
            "unchanged": UNCHANGED,
        }

    # -- live kernel ------------------------------------------------------------
    def _refit(self, change: object = None) -> None:
        locked = [bool(v) for v in self.locks]
        if len(locked) != len(self._locks):
            return  # a half-updated state from the page
        first, last = self.reachable(locked)
        asked = float(self.target)
        target = min(max(asked, first), last) if math.isfinite(asked) else first
        note = "" if target == asked else (
            f"Target {asked:g}° is out of reach with these locks (reachable: {first:.1f}° to {last:.1f}°); "
            f"set to {target:.1f}°.")
        fit = self._fit(target, locked)
        names = list(self._joint.names)
        held = self._held(locked)
        self.answer = {
            "target": target,
            "note": note,
            "angle": fit.result.angle,
            "activations": dict(fit.activations),
            "change": dict(fit.change),
            "held": sorted(held),
            "sentence": fix_sentence(self._joint, self._now, fit.activations, list(held), fit.result.angle),
        }
        self.values = [round(fit.activations[n] * 100.0, 9) for n in names]
        self._update()

    def _update(self, change: object = None) -> None:
        super()._update(change)
        if getattr(self, "answer", None):
            self.description = f"{self.answer['sentence']} {self.description}"

    # -- static twin ------------------------------------------------------------
    def figure(self) -> Any:
        """The answer drawn (solid) beside bars of each muscle's activation now and in the answer."""
        import matplotlib.pyplot as plt

        from ..figures import draw_joint
        from ..style import CHART_AXIS, muscle_styles

        joint = self.joint()
        fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.6), gridspec_kw={"width_ratios": [3, 2]})
        draw_joint(joint, equilibrium(joint), ax=left, title=self.spec.get("title") or None,
                   anatomy=self._anatomy, show_readout=False)
        names = list(self._joint.names)
        y = np.arange(len(names))
        colours = [c for c, _ in muscle_styles(self._joint)]
        answer = self.answer.get("activations", {})
        right.barh(y - 0.2, [100 * self._now[n] for n in names], height=0.38, color="none", edgecolor=CHART_AXIS,
                   hatch="//", label="now")
        right.barh(y + 0.2, [100 * answer.get(n, 0.0) for n in names], height=0.38, color=colours,
                   label="least effort")
        right.set_yticks(y, [reader_label(n) for n in names])
        right.invert_yaxis()
        right.set_xlabel("activation (% of maximal force)")
        right.legend(loc="lower right")
        right.set_title(f"Target {self.answer.get('target', self.target):.1f}°", fontsize=10)
        fig.tight_layout()
        return fig
