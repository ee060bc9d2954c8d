"""Ready-made joints: the floating bone, the pelvis and the shoulder girdle.

The numbers live in ``forcecouple/data/*.json``, each with its source; the
functions here only place them in the joint's frame. Activations come from the
data's patterns; the tilt comes from the solver, never typed in.
"""

from __future__ import annotations

import math
from typing import Any

from .. import _data
from .. import _validate as check
from .geometry import rotate
from .joint import Joint, Weight
from .muscle import Muscle

__all__ = [
    "PELVIS_PATTERNS", "SCAPULA_PATTERNS", "floating_bone", "joint_drawing", "pattern_activations", "pelvis",
    "pelvis_table_pose", "preset_data", "preset_drawing", "preset_groups", "scapula",
]

PELVIS_PATTERNS = ("neutral", "lower_crossed")
SCAPULA_PATTERNS = ("neutral", "shrugged")
#: Every preset with data, by name.
PRESET_NAMES = ("floating_bone", "pelvis", "scapula")


def preset_data(name: str) -> dict[str, Any]:
    """The data (a dict, read from JSON) behind preset ``name``."""
    check.choice("name", name, PRESET_NAMES)
    return _data.load(f"{name}.json")


def preset_groups(name: str) -> dict[str, list[str]]:
    """Muscle groups of preset ``name``, in order: label -> muscle names."""
    return {label: list(names) for label, names in preset_data(name)["groups"].items()}


def pattern_activations(name: str, pattern: str) -> dict[str, float]:
    """Activation (fraction of fmax) of every muscle in ``pattern`` of preset ``name``."""
    patterns = preset_data(name)["patterns"]
    check.choice("pattern", pattern, list(patterns))
    by_group = patterns[pattern]["activations"]
    return {m: a for group, a in by_group.items() for m in preset_groups(name)[group]}


def floating_bone(left: float = 0.0, right: float = 0.0, insertion: float | None = None) -> Joint:
    """The article's bone floating in space, held by two opposing strings.

    A straight bone pinned at its middle. The ``left`` string pulls up on the
    left end (turning it clockwise), the ``right`` string on the right
    (counter-clockwise); each pull is in N, 0 to ``fmax`` (100 N). ``insertion``
    is the right string's distance from the pivot along the bone, cm (2 to 25;
    default 20, the left string's); its anchor sits straight above it, so at
    angle 0 its torque is exactly pull x insertion. A weak joint spring stands
    for the rest of the body.
    """
    d = preset_data("floating_bone")
    fmax = d["fmax"]
    left = check.number("left", left, low=0.0, high=fmax, unit="N")
    right = check.number("right", right, low=0.0, high=fmax, unit="N")
    lo, hi = d["insertion_range"]
    x_right = check.number("insertion", d["left_insertion"] if insertion is None else insertion,
                           low=lo, high=hi, unit="cm")
    x_left, h, half = d["left_insertion"], d["string_height"], d["half_length"]
    muscles = [
        Muscle("left", insertion=(-x_left, 0.0), origin=(-x_left, h), pull=left, fmax=fmax),
        Muscle("right", insertion=(x_right, 0.0), origin=(x_right, h), pull=right, fmax=fmax),
    ]
    outline = [(-half, -1.5), (half, -1.5), (half, 1.5), (-half, 1.5)]
    return Joint(muscles, stiffness=d["spring"]["stiffness"], rest_angle=d["spring"]["rest_angle"],
                 limits=tuple(d["limits"]), outline=outline, name="bone",
                 landmarks={"left end": (-half, 0.0), "right end": (half, 0.0)})


def pelvis_table_pose() -> float:
    """ASIS-PSIS angle (degrees, anterior positive) of the source table's pose."""
    lm = preset_data("pelvis")["landmarks"]
    (ax, ay), (px, py) = lm["ASIS"], lm["PSIS"]
    return math.degrees(math.atan2(py - ay, ax - px))


def _pelvis_frame(point: list[float], pose: float) -> tuple[float, float]:
    """Table point (x anterior) -> preset bone frame (x posterior, tilt 0)."""
    x, y = rotate((-point[0], point[1]), -pose)
    return (float(x), float(y))


@_data.register_preset("pelvis")
def pelvis(pattern: str = "neutral") -> Joint:
    """Sagittal pelvis about the hip, seen from the right side (anterior to the left).

    ``angle`` is the clinical tilt, the ASIS-PSIS angle in degrees: 0 when ASIS
    and PSIS are level, positive for anterior tilt. Seven strings (both sides
    together) from Gait2392; ``pattern`` is "neutral" or "lower_crossed" and sets
    the activations (fractions of fmax) from the preset data.
    """
    check.choice("pattern", pattern, PELVIS_PATTERNS)
    d = preset_data("pelvis")
    pose = pelvis_table_pose()
    muscles = []
    for m in d["muscles"]:
        turns = m.get("origin_turns", 0.0)
        # A turning origin is given where it sits at the table's pose.
        origin = rotate((-m["anchor"][0], m["anchor"][1]), -pose * turns)
        muscles.append(Muscle(m["name"], insertion=_pelvis_frame(m["pelvic_point"], pose),
                              origin=(float(origin[0]), float(origin[1])),
                              fmax=2.0 * m["fmax_per_side"], origin_turns=turns))
    joint = Joint(muscles, stiffness=d["spring"]["stiffness"], rest_angle=d["spring"]["rest_angle"],
                  limits=tuple(d["limits"]), name="pelvis",
                  landmarks={k: _pelvis_frame(v, pose) for k, v in d["landmarks"].items()},
                  outline=[_pelvis_frame(p, pose) for p in d["outline"]],
                  directions=("forward", "back"))
    return joint.with_activations(pattern_activations("pelvis", pattern))


@_data.register_preset("scapula")
def scapula(pattern: str = "neutral") -> Joint:
    """Right shoulder girdle seen from behind, turning about the SC joint.

    ``angle`` is shoulder elevation in degrees (positive up). Upper trapezius
    and levator scapulae lift, lower trapezius pulls down; the arm hangs from the
    acromion. ``pattern`` is "neutral" or "shrugged". The geometry is a
    construction of this project, not validated (see the preset data).
    """
    check.choice("pattern", pattern, SCAPULA_PATTERNS)
    d = preset_data("scapula")
    muscles = [Muscle(m["name"], insertion=tuple(m["insertion"]), origin=tuple(m["origin"]),
                      fmax=m["fmax"]) for m in d["muscles"]]
    landmarks = {k: tuple(v) for k, v in d["landmarks"].items()}
    load = Weight(d["load"]["force"], landmarks[d["load"]["at"]])
    joint = Joint(muscles, stiffness=d["spring"]["stiffness"], rest_angle=d["spring"]["rest_angle"],
                  limits=tuple(d["limits"]), load=load, landmarks=landmarks,
                  outline=[tuple(p) for p in d["outline"]], name="shoulder",
                  directions=("up", "down"))
    return joint.with_activations(pattern_activations("scapula", pattern))


# -- pictures ------------------------------------------------------------------

#: Presets whose data has a "drawing" section (anatomy for the pictures only).
DRAWN_PRESETS = ("pelvis", "scapula")


def preset_drawing(name: str) -> dict[str, Any]:
    """What the pictures draw around preset ``name``'s bone, in the joint's frame (cm).

    The data's "drawing" section (for drawing only: the model never reads it),
    with every point and direction placed where the joint's own geometry is at
    angle 0: ``parts`` (each with ``moves``: True when it turns with the bone),
    ``view`` as [x min, y min, x max, y max], and, when the preset has them,
    ``lumbar_spine``, ``column``, ``tilt_line``, ``marks`` (landmark names to
    label), ``rise`` (the landmark whose height is reported) and
    ``normal_range`` (the preset's band of normal angles, degrees).
    """
    check.choice("name", name, DRAWN_PRESETS)
    d = preset_data(name)["drawing"]
    if name == "pelvis":
        pose = pelvis_table_pose()

        def point(p: list[float], moves: bool) -> list[float]:
            return list(_pelvis_frame(p, pose)) if moves else [float(-p[0]), float(p[1])]

        def direction(v: list[float], moves: bool) -> list[float]:
            return [float(c) for c in rotate((-v[0], v[1]), -pose if moves else 0.0)]

        xs = sorted(-x for x in d["view"]["x"])
    else:
        def point(p: list[float], moves: bool) -> list[float]:
            return [float(p[0]), float(p[1])]

        direction = point
        xs = sorted(float(x) for x in d["view"]["x"])
    ys = sorted(float(y) for y in d["view"]["y"])
    parts = []
    for part in d["parts"]:
        moves = part["on"] != "fixed"
        out = {"name": part["name"], "moves": moves, "style": part["style"], "shape": part["shape"],
               "label": part.get("label")}
        if part["shape"] == "circle":
            out.update(centre=point(part["centre"], moves), radius=float(part["radius"]))
        else:
            out["points"] = [point(p, moves) for p in part["points"]]
        parts.append(out)
    drawing: dict[str, Any] = {"preset": name, "view": [xs[0], ys[0], xs[1], ys[1]], "parts": parts,
                               "marks": list(d.get("marks", [])), "tilt_line": d.get("tilt_line"),
                               "rise": d.get("rise"), "lumbar_spine": None, "column": None,
                               "normal_range": preset_data(name).get("normal_range")}
    if "lumbar_spine" in d:
        s = d["lumbar_spine"]
        landmarks = preset_data(name)["landmarks"]
        drawing["lumbar_spine"] = {
            "base": point(landmarks[s["base"]], True), "base_direction": direction(s["base_direction"], True),
            "middle": point(s["middle"], True), "middle_direction": direction(s["middle_direction"], True),
            "top": point(s["top"], False), "top_direction": direction(s["top_direction"], False),
            "lumbar": list(s["lumbar"]), "thoracic": list(s["thoracic"]), "body": list(s["body"]),
            "label": s.get("label")}
    if "column" in d:
        c = d["column"]
        drawing["column"] = {"x": float(c["x"]), "vertebrae": [[n, float(y)] for n, y in c["vertebrae"]],
                             "cervical_box": list(c["cervical_box"]), "thoracic_box": list(c["thoracic_box"]),
                             "labels": list(c.get("labels", []))}
    return drawing


def joint_drawing(joint: Joint) -> dict[str, Any] | None:
    """:func:`preset_drawing` of the preset ``joint`` was made from (same outline), or None."""
    check.instance("joint", joint, Joint)
    if not joint.outline:
        return None
    for name in DRAWN_PRESETS:
        if _data.preset(name).outline == joint.outline:
            return preset_drawing(name)
    return None


def check_drawing(name: str, value: object) -> dict[str, Any]:
    """``value`` as a drawing in :func:`preset_drawing`'s form, or ``ValueError`` naming
    the parameter ``name`` and the key or index that is wrong (points in cm)."""
    what = "a drawing in preset_drawing()'s form (a mapping)"
    d = dict(check.mapping(name, value, what))
    missing = [k for k in ("preset", "view", "parts", "marks", "tilt_line", "rise", "lumbar_spine", "column",
                           "normal_range") if k not in d]
    if missing:
        raise ValueError(f"{name} must be {what}; it lacks {', '.join(map(repr, missing))}")
    check.choice(f"{name}['preset']", d["preset"], DRAWN_PRESETS)
    x0, y0, x1, y1 = check.numbers(f"{name}['view']", d["view"], shape=(4,), unit="cm",
                                   low=-check.MAX_LENGTH, high=check.MAX_LENGTH)
    if not (x0 < x1 and y0 < y1):
        raise ValueError(f"{name}['view'] must be [x min, y min, x max, y max] with min < max; got {d['view']!r}")
    for i, part in enumerate(check.sequence(f"{name}['parts']", d["parts"], "parts")):
        at = f"{name}['parts'][{i}]"
        part = check.mapping(at, part)
        for key in ("name", "style", "shape"):
            check.name_text(f"{at}[{key!r}]", part.get(key))
        check.boolean(f"{at}['moves']", part.get("moves"))
        if part.get("label") is not None:
            check.name_text(f"{at}['label']", part["label"])
        if part["shape"] == "circle":
            check.point(f"{at}['centre']", part.get("centre"))
            check.number(f"{at}['radius']", part.get("radius"), low=0.0, high=check.MAX_LENGTH, unit="cm")
        else:
            check.points(f"{at}['points']", part.get("points"))
    check.names(f"{name}['marks']", d["marks"], what="landmark names")
    if d["tilt_line"] is not None:
        check.word_pair(f"{name}['tilt_line']", d["tilt_line"], "two landmark names")
    if d["rise"] is not None:
        check.name_text(f"{name}['rise']", d["rise"])
    for key in ("lumbar_spine", "column"):
        if d[key] is not None:
            check.mapping(f"{name}[{key!r}]", d[key])
    if d["normal_range"] is not None:
        check.interval(f"{name}['normal_range']", d["normal_range"], unit="degrees", strict=False)
    return d
