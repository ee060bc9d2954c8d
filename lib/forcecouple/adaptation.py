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
import functools
import json
import math
from importlib import resources
from typing import Any

import numpy as np

from . import _validate as check
from .joint import Joint
from .muscle import Muscle, thelen_passive
from .presets import pelvis, scapula
from .solve import equilibrium

_PRESETS = {"pelvis": pelvis, "scapula": scapula}


@functools.cache
def adaptation_data() -> dict[str, Any]:
    """The habits and rates (a dict, read from ``data/adaptation.json``)."""
    text = resources.files("forcecouple").joinpath("data", "adaptation.json").read_text("utf-8")
    return json.loads(text)


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


def _approach(x: float, rate: float, dose: float, cap: float) -> float:
    """One week's step of ``x`` toward ``cap`` (exponential approach)."""
    return x + rate * dose * (cap - x) / abs(cap - 1.0)


def adapted_joint(start: Joint, strength: dict[str, float], length: dict[str, float],
                  rest_lengths: dict[str, float]) -> Joint:
    """``start`` with each muscle's pull scaled by ``strength`` and its resting
    (slack) length set to ``length`` x ``rest_lengths`` (cm), pulling passively
    on the Thelen curve beyond it."""
    muscles = []
    for m in start.muscles:
        s, ell, rest = strength[m.name], length[m.name], rest_lengths[m.name]
        muscles.append(Muscle(m.name, m.insertion, m.origin, pull=m.pull * s, fmax=m.fmax * s,
                              slack=rest * ell, origin_turns=m.origin_turns,
                              passive=thelen_passive(m.fmax * s, fibre_length=rest)))
    return Joint(muscles, stiffness=start.stiffness, rest_angle=start.rest_angle, limits=start.limits,
                 load=start.load, landmarks=start.landmarks, outline=start.outline, name=start.name,
                 directions=start.directions)


def string_lengths(joint: Joint, angle: float) -> dict[str, float]:
    """Each string's length (cm) with the bone at ``angle`` (degrees)."""
    ins, org = joint.string_ends(angle)
    return {name: float(math.dist(p, q)) for name, p, q in zip(joint.names, ins, org, strict=True)}


def simulate(habit: str, hours: float, weeks: int | None = None) -> AdaptationHistory:
    """Apply ``habit`` for ``hours`` a day (0 to 24) over ``weeks`` weeks (1 to 520).

    Starts from the habit's preset in its neutral pattern, at its equilibrium.
    """
    data = adaptation_data()
    check.choice("habit", habit, list(data["habits"]))
    hours = check.number("hours", hours, low=0.0, high=24.0, unit="hours a day")
    weeks = data["weeks"] if weeks is None else int(check.number("weeks", weeks, low=1, high=520, unit="weeks"))
    h = data["habits"][habit]
    rates = data["rates"]
    dose = hours / data["full_dose_hours"]
    start = _PRESETS[h["preset"]]("neutral")
    start_angle = equilibrium(start).angle
    rest = string_lengths(start, start_angle)
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
                    strength[name] = _approach(strength[name], r["value"], dose, 1.0 + r["cap"])
                if name in h["idle"]:
                    r = rates["strength_loss_per_week"]
                    strength[name] = _approach(strength[name], r["value"], dose, 1.0 - r["cap"])
                r = rates["length_change_per_week"]
                if name in h["short"]:
                    length[name] = _approach(length[name], r["value"], dose, 1.0 - r["cap"])
                if name in h["long"]:
                    length[name] = _approach(length[name], r["value"], dose, 1.0 + r["cap"])
        result = equilibrium(adapted_joint(start, strength, length, rest))
        if week:
            feels += rates["feels_level_per_week"]["value"] * (result.angle - feels)
        rows.append(([strength[n] for n in names], [length[n] for n in names],
                     [start.muscle(n).pull * strength[n] for n in names], result.angle, result.at_limit, feels))
    s, ell, pull, tilt, limit, feel = zip(*rows, strict=True)
    return AdaptationHistory(habit=habit, hours=hours, weeks=np.arange(weeks + 1), names=names,
                             strength=np.array(s).T, length=np.array(ell).T, pull=np.array(pull).T,
                             tilt=np.array(tilt), at_limit=np.array(limit), feels_level=np.array(feel))
