"""Weeks of use and disuse: strength, resting length and tilt (a teaching model).

Each habit (data in ``data/adaptation.json``) says which muscles it uses, leaves
idle, holds short or holds long. For ``hours`` a day the dose is
``hours / full_dose_hours`` (1 at 8 h). Every week each muscle's strength and
resting length move toward their caps by ``rate x dose`` of the remaining way,
an exponential approach:

    x[w+1] = x[w] + rate * dose * (cap - x[w]) / |cap - 1|

Strength multiplies the muscle's pull at its habitual activation. A resting
length below the string's length at the starting posture makes it pull
passively (Thelen curve). The solver gives the tilt every week. All rates are
modelling choices, set below the studies they are anchored to, and stated in
the data with those anchors.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from .. import _data
from .. import _validate as check
from ..model import Joint, Muscle, equilibrium, thelen_passive

__all__ = [
    "AdaptationHistory", "adapt", "adaptation_data", "adapted_joint", "approach", "habit_preset", "habits",
    "resting_lengths", "simulate", "string_lengths",
]

#: Largest relative strength or resting length (1 = unchanged).
MAX_RELATIVE = 100.0


def adaptation_data() -> dict[str, Any]:
    """The habits and rates (a dict, read from ``data/adaptation.json``)."""
    return _data.load("adaptation.json")


def habit_preset(habit: str) -> str:
    """The preset (e.g. "pelvis") that ``habit`` acts on."""
    check.choice("habit", habit, list(adaptation_data()["habits"]))
    return adaptation_data()["habits"][habit]["preset"]


def habits() -> dict[str, str]:
    """Habit names and their labels."""
    return {name: h["label"] for name, h in adaptation_data()["habits"].items()}


@dataclasses.dataclass(frozen=True)
class AdaptationHistory:
    """Week-by-week state of a joint under a habit.

    Attributes
    ----------
    habit, hours : the habit's name and hours a day.
    weeks : (w + 1,) week numbers, 0 = before the habit.
    names : muscle names, in the joint's order.
    strength : (n, w + 1) strength relative to the start (1 = unchanged).
    length : (n, w + 1) resting length relative to the start (1 = unchanged).
    pull : (n, w + 1) resting pull, N (activation x fmax x strength).
    tilt : (w + 1,) joint angle, degrees.
    at_limit : (w + 1,) whether the joint rests on a limit.
    feels_level : (w + 1,) the angle that feels level, degrees (illustrative).

    ``names`` are the muscles of the habit's preset; ``weeks`` is 0, 1, ..., w;
    every number is finite: strength and length 0 to 100, pulls 0 to 1e6 N,
    angles within [-180, 180] degrees.
    """

    habit: str
    hours: float
    weeks: np.ndarray
    names: tuple[str, ...]
    strength: np.ndarray
    length: np.ndarray
    pull: np.ndarray
    tilt: np.ndarray
    at_limit: np.ndarray
    feels_level: np.ndarray

    @property
    def tilt_change(self) -> float:
        """Degrees the joint moved from week 0 to the last week (positive: the first direction)."""
        return float(self.tilt[-1] - self.tilt[0])

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        preset = habit_preset(self.habit)
        set_(self, "hours", check.number("hours", self.hours, low=0.0, high=24.0, unit="hours a day"))
        set_(self, "weeks", check.week_axis("weeks", self.weeks))
        set_(self, "names", check.same_names("names", self.names, _data.preset(preset).names,
                                             f"the muscles of the {preset}"))
        rows = (len(self.names), self.weeks.size)
        for key, high in (("strength", MAX_RELATIVE), ("length", MAX_RELATIVE), ("pull", check.MAX_FORCE)):
            set_(self, key, check.numbers(key, getattr(self, key), shape=rows, low=0.0, high=high))
        for key in ("tilt", "feels_level"):
            set_(self, key, check.numbers(key, getattr(self, key), shape=rows[1:], low=-180.0, high=180.0,
                                          unit="degrees"))
        set_(self, "at_limit", check.flags("at_limit", self.at_limit, rows[1]))

    def changed_muscles(self) -> list[int]:
        """Indices of the muscles whose strength or resting length changed."""
        return [i for i in range(len(self.names))
                if np.any(self.strength[i] != 1.0) or np.any(self.length[i] != 1.0)]


def approach(x: float, rate: float, dose: float, cap: float) -> float:
    """One week's step of ``x`` toward ``cap`` (exponential approach).

    ``x[w+1] = x[w] + rate * dose * (cap - x[w]) / |cap - 1|``: ``x`` and ``cap``
    are relative to the start (1 = unchanged; 0 to 100, and ``cap`` not 1),
    ``rate`` a fraction a week (0 to 1) and ``dose`` the week's share of a full
    dose (dimensionless, 0 to 10).
    """
    x = check.number("x", x, low=0.0, high=MAX_RELATIVE)
    rate = check.number("rate", rate, low=0.0, high=1.0, unit="a week")
    dose = check.number("dose", dose, low=0.0, high=10.0)
    cap = check.number("cap", cap, low=0.0, high=MAX_RELATIVE)
    if cap == 1.0:
        raise ValueError("cap must differ from 1 (no change has nowhere to go); got 1")
    return x + rate * dose * (cap - x) / abs(cap - 1.0)


def adapt(start: Joint, strength: Mapping[str, float] | None = None, length: Mapping[str, float] | None = None,
          rest_lengths: Mapping[str, float] | None = None) -> Joint:
    """``start`` after adapting: each muscle's pull and fmax scaled by ``strength``
    (relative, 1 = unchanged) and its resting (slack) length set to ``length`` x
    ``rest_lengths`` (relative x cm), pulling passively on the Thelen curve beyond it.

    A muscle missing from ``strength`` or ``length`` keeps 1; ``rest_lengths``
    defaults to :func:`resting_lengths` of ``start`` (its strings at its equilibrium).
    Every muscle of ``start`` needs an ``fmax``; ``strength`` and ``length`` lie in
    [0.01, 100], rest lengths in [1e-6, 1e4] cm, one for every muscle.
    """
    check.instance("start", start, Joint)
    for m in start.muscles:
        if m.fmax is None:
            raise ValueError(f"start: muscle {m.name!r} has no fmax, which adapting scales; give it one")
    strength, length = ({} if given is None else check.number_mapping(what, given, start.names, low=0.01,
                                                                       high=MAX_RELATIVE)
                        for what, given in (("strength", strength), ("length", length)))
    if rest_lengths is None:
        rest = resting_lengths(start)
    else:
        rest = check.number_mapping("rest_lengths", rest_lengths, start.names, low=1e-6, high=check.MAX_SLACK,
                                    unit="cm")
        missing = [n for n in start.names if n not in rest]
        if missing:
            raise ValueError(f"rest_lengths must give every muscle's length (cm); it lacks "
                             f"{', '.join(map(repr, missing))}")
    muscles = []
    for m in start.muscles:
        s, ell, r = strength.get(m.name, 1.0), length.get(m.name, 1.0), rest[m.name]
        muscles.append(Muscle(m.name, m.insertion, m.origin, pull=m.pull * s, fmax=m.fmax * s,
                              slack=r * ell, origin_turns=m.origin_turns,
                              passive=thelen_passive(m.fmax * s, fibre_length=r)))
    return Joint(muscles, stiffness=start.stiffness, rest_angle=start.rest_angle, limits=start.limits,
                 load=start.load, landmarks=start.landmarks, outline=start.outline, name=start.name,
                 directions=start.directions)


#: The earlier name of :func:`adapt`.
adapted_joint = adapt


def string_lengths(joint: Joint, angle: float) -> dict[str, float]:
    """Each string's length (cm) with the bone at ``angle`` (degrees, within the joint's limits)."""
    check.instance("joint", joint, Joint)
    ins, org = joint.string_ends(angle)
    return {name: float(math.dist(p, q)) for name, p, q in zip(joint.names, ins, org, strict=True)}


def resting_lengths(joint: Joint) -> dict[str, float]:
    """Each string's length (cm) at ``joint``'s equilibrium: where adaptation starts from."""
    return string_lengths(joint, equilibrium(joint).angle)


def simulate(habit: str, hours: float, weeks: int | None = None) -> AdaptationHistory:
    """Apply ``habit`` for ``hours`` a day (0 to 24) over ``weeks`` weeks (1 to 520).

    Starts from the habit's preset in its neutral pattern, at its equilibrium.
    """
    data = adaptation_data()
    check.choice("habit", habit, list(data["habits"]))
    hours = check.number("hours", hours, low=0.0, high=24.0, unit="hours a day")
    weeks = data["weeks"] if weeks is None else check.integer("weeks", weeks, low=1, high=520, unit="weeks")
    h = data["habits"][habit]
    rates = data["rates"]
    dose = hours / data["full_dose_hours"]
    start = _data.preset(h["preset"], "neutral")
    start_angle = equilibrium(start).angle
    rest = resting_lengths(start)
    names = start.names
    strength = dict.fromkeys(names, 1.0)
    length = dict.fromkeys(names, 1.0)
    feels = start_angle
    rows: list[tuple] = []
    for week in range(weeks + 1):
        if week:
            for name in names:
                if name in h["used"]:
                    r = rates["strength_gain_per_week"]
                    strength[name] = approach(strength[name], r["value"], dose, 1.0 + r["cap"])
                if name in h["idle"]:
                    r = rates["strength_loss_per_week"]
                    strength[name] = approach(strength[name], r["value"], dose, 1.0 - r["cap"])
                r = rates["length_change_per_week"]
                if name in h["short"]:
                    length[name] = approach(length[name], r["value"], dose, 1.0 - r["cap"])
                if name in h["long"]:
                    length[name] = approach(length[name], r["value"], dose, 1.0 + r["cap"])
        result = equilibrium(adapt(start, strength, length, rest))
        if week:
            feels += rates["feels_level_per_week"]["value"] * (result.angle - feels)
        rows.append(([strength[n] for n in names], [length[n] for n in names],
                     [start.muscle(n).pull * strength[n] for n in names], result.angle, result.at_limit, feels))
    s, ell, pull, tilt, limit, feel = zip(*rows, strict=True)
    return AdaptationHistory(habit=habit, hours=hours, weeks=np.arange(weeks + 1), names=names,
                             strength=np.array(s).T, length=np.array(ell).T, pull=np.array(pull).T,
                             tilt=np.array(tilt), at_limit=np.array(limit), feels_level=np.array(feel))
