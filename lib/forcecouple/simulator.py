"""Following a corrective plan for weeks: the tilt, week by week (a teaching model).

Starts from the imbalanced preset (the lower-crossed pelvis or the shrugged
shoulder) at its equilibrium. Each week, at ``days`` sessions a week (dose
``days / 5``):

- *activate* strengthens the plan's underactive strings toward +15 %;
- *lengthen* lengthens the overactive strings' resting length toward +2 %
  (stretching mostly raises tolerance, so this is small);
- *integrate* moves the brain's pattern of effort 1 % of the way toward the
  neutral pattern, on a joint the plan addresses (one whose strings it activates
  or lengthens); a plan for other joints leaves this one as it is;
- *inhibit* has no lasting effect: its acute effect fades within about 30 minutes.

All rates are modelling choices in ``data/programme.json``, kept small on purpose
because trials of posture correction found small or no change in tilt.
"""

from __future__ import annotations

import dataclasses
import functools

import numpy as np

from . import _validate as check
from .adaptation import _approach, adapted_joint, string_lengths
from .assessment import Plan, model_strings, plan
from .presets import pattern_activations, pelvis, scapula
from .programme import programme_data
from .solve import equilibrium

_START = {"pelvis": (pelvis, "lower_crossed"), "scapula": (scapula, "shrugged")}


@dataclasses.dataclass(frozen=True)
class ProgrammeHistory:
    """Week-by-week state of a joint following a plan.

    ``weeks`` (w + 1,), ``tilt`` (w + 1,) degrees, ``strength`` / ``length`` /
    ``activation`` (n, w + 1) relative strength, relative resting length and
    activation (fraction of fmax); ``activated`` and ``lengthened`` name the
    strings the plan moves; ``neutral_tilt`` is the preset's neutral angle.
    """

    preset: str
    plan: Plan
    days: float
    weeks: np.ndarray
    names: tuple[str, ...]
    tilt: np.ndarray
    strength: np.ndarray
    length: np.ndarray
    activation: np.ndarray
    activated: tuple[str, ...]
    lengthened: tuple[str, ...]
    neutral_tilt: float


def _strings_of(muscles: tuple[str, ...], preset: str) -> tuple[str, ...]:
    out: list[str] = []
    for m in muscles:
        for s in model_strings(m):
            p, name = s.split(":")
            if p == preset and name not in out:
                out.append(name)
    return tuple(out)


def simulate_programme(findings: list[str] | tuple[str, ...], preset: str = "pelvis", weeks: int = 12,
                       days: float = 3) -> ProgrammeHistory:
    """Follow ``plan(findings)`` on ``preset`` ("pelvis" or "scapula") for ``weeks``
    weeks (1 to 104) at ``days`` sessions a week (0 to 7)."""
    check.choice("preset", preset, list(_START))
    weeks = int(check.number("weeks", weeks, low=1, high=104, unit="weeks"))
    days = check.number("days", days, low=0, high=7, unit="days a week")
    the_plan = plan(findings)
    activated = _strings_of(the_plan.underactive, preset)
    lengthened = _strings_of(the_plan.overactive, preset)
    names, tilt, strength, length, activation, neutral_tilt = _follow(preset, activated, lengthened, weeks, days)
    return ProgrammeHistory(preset=preset, plan=the_plan, days=days, weeks=np.arange(weeks + 1), names=names,
                            tilt=tilt.copy(), strength=strength.copy(), length=length.copy(),
                            activation=activation.copy(), activated=activated, lengthened=lengthened,
                            neutral_tilt=neutral_tilt)


@functools.lru_cache(maxsize=256)
def _follow(preset: str, activated: tuple[str, ...], lengthened: tuple[str, ...], weeks: int, days: float):
    """The weekly loop; depends only on which strings the plan moves (cached)."""
    sim = programme_data()["simulation"]
    dose = days / sim["full_dose_days"]
    make, pattern = _START[preset]
    start = make(pattern)
    neutral = pattern_activations(preset, "neutral")
    activation = {m.name: m.activation for m in start.muscles}
    rest = string_lengths(start, equilibrium(start).angle)
    names = start.names
    strength = dict.fromkeys(names, 1.0)
    length = dict.fromkeys(names, 1.0)
    rows = []
    for week in range(weeks + 1):
        if week:
            r = sim["activate_strength_gain_per_week"]
            for n in activated:
                strength[n] = _approach(strength[n], r["value"], dose, 1.0 + r["cap"])
            r = sim["lengthen_length_gain_per_week"]
            for n in lengthened:
                length[n] = _approach(length[n], r["value"], dose, 1.0 + r["cap"])
            addressed = bool(activated or lengthened)
            shift = sim["integrate_pattern_shift_per_week"]["value"] * dose * addressed
            for n in names:
                activation[n] += shift * (neutral[n] - activation[n])
        joint = adapted_joint(start.with_activations(activation), strength, length, rest)
        rows.append((equilibrium(joint).angle, [strength[n] for n in names], [length[n] for n in names],
                     [activation[n] for n in names]))
    tilt, s, ell, act = (np.array(x) for x in zip(*rows, strict=True))
    for a in (tilt, s, ell, act):
        a.flags.writeable = False
    return names, tilt, s.T, ell.T, act.T, equilibrium(make("neutral")).angle
