"""The corrective programme: the four steps and their doses, the plan for what an
assessment found, and following that plan for weeks (a teaching model).

The steps and doses are data (``data/programme.json``), as the source article
retells NASM's course. :func:`check_dose` accepts a dose inside the article's
ranges; outside them it raises ``ValueError`` unless the caller says so with
``allow_outside=True``. :func:`plan` turns observed compensations
(:mod:`forcecouple.course.assessment`) into the four steps with those doses.

:func:`simulate_programme` follows a plan from the imbalanced preset (the
lower-crossed pelvis or the shrugged shoulder) at its equilibrium. Each week, at
``days`` sessions a week (dose ``days / 5``):

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
from collections.abc import Iterable
from typing import Any

import numpy as np

from .. import _data
from .. import _validate as check
from ..model import Joint, equilibrium, pattern_activations
from .adaptation import MAX_RELATIVE, adapt, approach, resting_lengths
from .assessment import compensations, model_strings, strings_in

__all__ = [
    "START_PATTERNS", "STEPS", "Plan", "ProgrammeHistory", "check_dose", "dose_ranges",
    "dose_text", "plan", "programme_data", "simulate_programme", "step",
]

STEPS = ("inhibit", "lengthen", "activate", "integrate")
#: The imbalanced pattern a plan starts from, for each preset it can follow.
START_PATTERNS = {"pelvis": "lower_crossed", "scapula": "shrugged"}


def programme_data() -> dict[str, Any]:
    """The steps, methods, examples and dose ranges (a dict from JSON)."""
    return _data.load("programme.json")


def step(name: str) -> dict[str, Any]:
    """One step's data: label, method, what it does to the strings, dose ranges."""
    check.choice("name: step", name, STEPS)
    return next(s for s in programme_data()["steps"] if s["name"] == name)


def dose_ranges(name: str) -> dict[str, tuple[float, float]]:
    """(low, high) of every numeric dose quantity of step ``name``."""
    return {q: (d["low"], d["high"]) for q, d in step(name)["dose"].items() if "low" in d}


def check_dose(name: str, allow_outside: bool = False, **dose: float) -> dict[str, float]:
    """Validate a dose for step ``name`` (e.g. ``check_dose("activate", sets=2, reps=12)``).

    Every quantity must be one the step knows and lie in the article's range;
    with ``allow_outside=True`` (a bool) a finite, non-negative value outside the
    range is accepted. Returns the dose as floats.
    """
    allow_outside = check.boolean("allow_outside", allow_outside)
    ranges = dose_ranges(name)
    out = {}
    for quantity, value in dose.items():
        check.choice(f"{name} dose quantity", quantity, list(ranges))
        lo, hi = ranges[quantity]
        unit = step(name)["dose"][quantity]["unit"]
        x = check.number(f"{name} {quantity}", value, low=0.0, unit=unit)
        if not allow_outside and not lo <= x <= hi:
            raise ValueError(f"{name} {quantity} must lie in [{lo:g}, {hi:g}] {unit} (the article's dose); "
                             f"got {x:g}. Pass allow_outside=True to use a dose outside that range")
        out[quantity] = x
    return out


def dose_text(name: str) -> str:
    """The step's dose in words, e.g. "3-5 days a week; 1-2 sets; ..." ."""
    parts = []
    for quantity, d in step(name)["dose"].items():
        if quantity.startswith("contract_relax"):
            continue
        if isinstance(d.get("value"), list):
            parts.append(f"{'-'.join(map(str, d['value']))} {d['unit']}")
        elif "value" in d:
            parts.append(f"about {d['value']:g} {d['unit']}")
        elif d.get("low") == d.get("high"):
            parts.append(f"{d['low']:g} {d['unit']}")
        else:
            parts.append(f"{d['low']:g}-{d['high']:g} {d['unit']}")
    return "; ".join(parts)


@dataclasses.dataclass(frozen=True)
class Plan:
    """A weekly corrective plan.

    Attributes
    ----------
    findings : the compensations it answers, in the order given.
    overactive, underactive : NASM muscle names, first-seen order.
    conflicts : muscles listed as overactive by one finding and underactive by
        another (by name, or through the model strings they move); they are left
        out of both lists and need a clinician's judgement.
    steps : (step name, label, muscles or movements, dose in words) for inhibit,
        lengthen, activate, integrate.
    sources : the table ("A" or "B") behind each finding.
    unmodelled : muscles of the plan that no preset models.

    ``findings`` are names of :func:`~forcecouple.course.compensations`; every
    other entry is text.
    """

    findings: tuple[str, ...]
    overactive: tuple[str, ...]
    underactive: tuple[str, ...]
    conflicts: tuple[str, ...]
    steps: tuple[tuple[str, str, tuple[str, ...], str], ...]
    sources: dict[str, str]
    unmodelled: tuple[str, ...]

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "findings", _findings(self.findings))
        for key in ("overactive", "underactive", "conflicts", "unmodelled"):
            set_(self, key, check.names(key, getattr(self, key), what="muscle names"))
        steps = check.sequence("steps", self.steps, "steps (name, label, muscles, dose)")
        for i, s in enumerate(steps):
            if not isinstance(s, tuple | list) or len(s) != 4:
                raise ValueError(f"steps[{i}] must be a step (name, label, muscles, dose); got {check.show(s)}")
            check.choice(f"steps[{i}][0]", s[0], STEPS)
            check.name_text(f"steps[{i}][1]", s[1])
            check.names(f"steps[{i}][2]", s[2], what="muscles or movements")
            check.name_text(f"steps[{i}][3]", s[3])
        set_(self, "steps", tuple((s[0], s[1], tuple(s[2]), s[3]) for s in steps))
        sources = check.mapping("sources", self.sources, "a mapping of finding -> table")
        set_(self, "sources", {check.choice("sources key", f, self.findings): check.name_text(f"sources[{f!r}]", t)
                               for f, t in sources.items()})


def _conflicts(over: list[str], under: list[str]) -> tuple[str, ...]:
    """Muscles asked to be both calmed and strengthened: the same name on both
    lists, or names that move the same model string ("abdominals" underactive
    and "rectus abdominis" overactive)."""
    clash = [m for m in over if m in under]
    for o in over:
        for u in under:
            if set(model_strings(o)) & set(model_strings(u)):
                clash += [o, u]
    return tuple(dict.fromkeys(m for m in [*over, *under] if m in clash))


def _findings(findings: object) -> tuple[str, ...]:
    """``findings`` as a non-empty tuple of compensation names (a str alone is refused)."""
    table = list(compensations())
    findings = check.sequence("findings", findings, "findings")
    if not findings:
        raise ValueError(f"findings must name at least one compensation; valid: {', '.join(table)}")
    for i, f in enumerate(findings):
        check.choice(f"findings[{i}]: finding", f, table)
    return findings


def plan(findings: Iterable[str]) -> Plan:
    """The four steps for the observed ``findings`` (a list of compensation names).

    Inhibit and lengthen the overactive muscles, activate the underactive ones,
    then integrate; doses from :func:`dose_text`. Deterministic: the
    same findings in the same order give the same plan.
    """
    table = compensations()
    findings = _findings(findings)
    over: list[str] = []
    under: list[str] = []
    for f in dict.fromkeys(findings):
        over += [m for m in table[f]["overactive"] if m not in over]
        under += [m for m in table[f]["underactive"] if m not in under]
    conflicts = _conflicts(over, under)
    over = [m for m in over if m not in conflicts]
    under = [m for m in under if m not in conflicts]
    integrate = tuple(step("integrate")["examples"])
    steps = tuple((name, step(name)["label"], tuple(muscles), dose_text(name)) for name, muscles in
                  (("inhibit", over), ("lengthen", over), ("activate", under), ("integrate", integrate)))
    unmodelled = tuple(m for m in [*over, *under] if not model_strings(m))
    return Plan(findings=findings, overactive=tuple(over), underactive=tuple(under), conflicts=conflicts,
                steps=steps, sources={f: table[f]["source"] for f in findings}, unmodelled=unmodelled)


@dataclasses.dataclass(frozen=True)
class ProgrammeHistory:
    """Week-by-week state of a joint following a plan.

    ``weeks`` (w + 1,), ``tilt`` (w + 1,) degrees, ``strength`` / ``length`` /
    ``activation`` (n, w + 1) relative strength, relative resting length and
    activation (fraction of fmax); ``activated`` and ``lengthened`` name the
    strings the plan moves; ``neutral_tilt`` is the preset's neutral angle.

    ``names`` are the preset's muscles; ``weeks`` is 0, 1, ..., w; every number
    is finite: ``days`` 0 to 7, angles within [-180, 180] degrees, strength and
    length 0 to 100, activation 0 to 1.
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

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        check.choice("preset", self.preset, list(START_PATTERNS))
        check.instance("plan", self.plan, Plan)
        set_(self, "days", check.number("days", self.days, low=0.0, high=7.0, unit="days a week"))
        set_(self, "weeks", check.week_axis("weeks", self.weeks))
        names = check.same_names("names", self.names, _data.preset(self.preset).names,
                                 f"the muscles of the {self.preset}")
        set_(self, "names", names)
        rows = (len(names), self.weeks.size)
        set_(self, "tilt", check.numbers("tilt", self.tilt, shape=rows[1:], low=-180.0, high=180.0, unit="degrees"))
        for key, high in (("strength", MAX_RELATIVE), ("length", MAX_RELATIVE), ("activation", 1.0)):
            set_(self, key, check.numbers(key, getattr(self, key), shape=rows, low=0.0, high=high))
        for key in ("activated", "lengthened"):
            set_(self, key, check.names(key, getattr(self, key), names, what="muscle names"))
        set_(self, "neutral_tilt", check.number("neutral_tilt", self.neutral_tilt, low=-180.0, high=180.0,
                                                unit="degrees"))

    def joint_at(self, week: int) -> Joint:
        """The joint after ``week`` weeks of the plan (0 = the start; an int): its activations,
        strengths and resting lengths of that week."""
        week = check.integer("week", week, low=0, high=int(self.weeks[-1]), unit="weeks")
        start = _data.preset(self.preset, START_PATTERNS[self.preset])
        state = {k: dict(zip(self.names, getattr(self, k)[:, week], strict=True))
                 for k in ("activation", "strength", "length")}
        return adapt(start.with_activations(state["activation"]), state["strength"], state["length"],
                     resting_lengths(start))


def simulate_programme(findings: list[str] | tuple[str, ...], preset: str = "pelvis", weeks: int = 12,
                       days: float = 3) -> ProgrammeHistory:
    """Follow ``plan(findings)`` on ``preset`` ("pelvis" or "scapula") for ``weeks``
    weeks (1 to 104, an int) at ``days`` sessions a week (0 to 7)."""
    check.choice("preset", preset, list(START_PATTERNS))
    weeks = check.integer("weeks", weeks, low=1, high=104, unit="weeks")
    days = check.number("days", days, low=0, high=7, unit="days a week")
    the_plan = plan(findings)
    activated = strings_in(the_plan.underactive, preset)
    lengthened = strings_in(the_plan.overactive, preset)
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
    start = _data.preset(preset, START_PATTERNS[preset])
    neutral = pattern_activations(preset, "neutral")
    activation = {m.name: m.activation for m in start.muscles}
    rest = resting_lengths(start)
    names = start.names
    strength = dict.fromkeys(names, 1.0)
    length = dict.fromkeys(names, 1.0)
    rows = []
    for week in range(weeks + 1):
        if week:
            r = sim["activate_strength_gain_per_week"]
            for n in activated:
                strength[n] = approach(strength[n], r["value"], dose, 1.0 + r["cap"])
            r = sim["lengthen_length_gain_per_week"]
            for n in lengthened:
                length[n] = approach(length[n], r["value"], dose, 1.0 + r["cap"])
            addressed = bool(activated or lengthened)
            shift = sim["integrate_pattern_shift_per_week"]["value"] * dose * addressed
            for n in names:
                activation[n] += shift * (neutral[n] - activation[n])
        joint = adapt(start.with_activations(activation), strength, length, rest)
        rows.append((equilibrium(joint).angle, [strength[n] for n in names], [length[n] for n in names],
                     [activation[n] for n in names]))
    tilt, s, ell, act = (np.array(x) for x in zip(*rows, strict=True))
    for a in (tilt, s, ell, act):
        a.flags.writeable = False
    return names, tilt, s.T, ell.T, act.T, equilibrium(_data.preset(preset, "neutral")).angle
