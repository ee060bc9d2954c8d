"""What would fix it: the least-effort change of activations, and which pull matters most.

:func:`least_effort` is static optimisation as OpenSim does it by default: find
the activations (fractions of each muscle's maximal force) that put the joint at
rest at a target angle and minimise the sum of squared activations (Anderson &
Pandy 2001); ``power=3`` gives the cubed variant (after Crowninshield & Brand
1981). At a fixed angle the net torque is linear in the activations, so the
constraint is one linear equation; scipy's SLSQP solves the problem. The answer
is then checked with :func:`forcecouple.equilibrium`, so it is the same stable
rest the rest of the book uses.

:func:`sensitivity` asks, muscle by muscle, how far the rest angle moves when
that muscle's pull rises (or falls) by a step of its maximal force.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import numpy as np

from .. import _validate as check
from ..model import Equilibrium, Joint, equilibrium, moment_arm

__all__ = ["LeastEffort", "Sensitivity", "least_effort", "sensitivity"]

#: How close (degrees) the checked rest angle must come to the target.
TARGET_TOLERANCE = 0.1


@dataclasses.dataclass(frozen=True)
class LeastEffort:
    """The answer of :func:`least_effort`.

    Attributes
    ----------
    target : float
        The asked rest angle, degrees.
    activations : mapping
        Every muscle with a maximal force: its activation (0 to 1) in the answer;
        fixed muscles keep theirs.
    change : mapping
        The same muscles: answer minus the joint's current activation.
    cost : float
        Sum of activations to ``power`` over the muscles that were free to change.
    power : int
        2 (sum of squares, the default) or 3.
    result : Equilibrium
        :func:`equilibrium` of the joint with the answer's activations.
    """

    target: float
    activations: Mapping[str, float]
    change: Mapping[str, float]
    cost: float
    power: int
    result: Equilibrium

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "target", check.number("target", self.target, low=-360.0, high=360.0, unit="degrees"))
        acts = check.mapping("activations", self.activations)
        if not acts:
            raise ValueError("activations must name at least one muscle; got none")
        names = [check.name_text("activations key", k) for k in acts]
        set_(self, "activations", check.number_mapping("activations", acts, names, low=0.0, high=1.0))
        change = check.number_mapping("change", self.change, names, low=-1.0, high=1.0)
        missing = [n for n in names if n not in change]
        if missing:
            raise ValueError(f"change must name the same muscles as activations; it has no entry for "
                             f"{', '.join(map(repr, missing))}")
        set_(self, "change", change)
        set_(self, "cost", check.number("cost", self.cost, low=0.0, high=1e6))
        set_(self, "power", check.integer("power", self.power, low=2, high=3))
        check.instance("result", self.result, Equilibrium)


@dataclasses.dataclass(frozen=True)
class Sensitivity:
    """The answer of :func:`sensitivity`.

    Attributes
    ----------
    angle : float
        The joint's rest angle as it is, degrees.
    step : float
        The change of activation tried, a fraction of each muscle's maximal force.
    changes : mapping
        Each muscle with a maximal force: ``(up, down)``, the change of rest angle
        (degrees) when its activation rises by ``step`` (capped at 1) and falls by
        ``step``; ``down`` is None where the activation is already below ``step``.
    notes : mapping
        Muscles whose raised or lowered pull puts the joint against a limit: why
        that change stops there.
    """

    angle: float
    step: float
    changes: Mapping[str, tuple[float, float | None]]
    notes: Mapping[str, str]

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "angle", check.number("angle", self.angle, low=-360.0, high=360.0, unit="degrees"))
        set_(self, "step", check.number("step", self.step, low=0.001, high=1.0))
        changes = {}
        for n, pair in check.mapping("changes", self.changes).items():
            check.name_text("changes key", n)
            items = check.sequence(f"changes[{n!r}]", pair, what="(up, down) changes")
            if len(items) != 2:
                raise ValueError(f"changes[{n!r}] must be a pair (up, down) in degrees; got {items!r}")
            up, down = items
            changes[n] = (check.number(f"changes[{n!r}][0]", up, low=-720.0, high=720.0, unit="degrees"),
                          None if down is None else check.number(f"changes[{n!r}][1]", down, low=-720.0,
                                                                 high=720.0, unit="degrees"))
        set_(self, "changes", changes)
        notes = check.mapping("notes", self.notes)
        set_(self, "notes", {check.name_text("notes key", k): check.name_text(f"notes[{k!r}]", v)
                             for k, v in notes.items()})

    def ranked(self) -> list[str]:
        """Muscle names, largest rise of pull's effect (absolute degrees) first."""
        return sorted(self.changes, key=lambda n: -abs(self.changes[n][0]))


def _driven(joint: Joint) -> list[str]:
    names = [m.name for m in joint.muscles if m.fmax is not None]
    if not names:
        raise ValueError("joint must have at least one muscle with a maximal force (fmax); it has none")
    return names


def _activations(joint: Joint, names: list[str]) -> dict[str, float]:
    return {n: float(joint.muscle(n).activation) for n in names}


def _balance(joint: Joint, base: Joint, start: Mapping[str, float], free: list[str],
             angle: float) -> tuple[np.ndarray, float]:
    """The net torque at ``angle`` (N·m) as ``offset + gain @ a`` in the free muscles' activations ``a``.

    ``base`` is ``joint`` with the ``start`` activations; the active torque of a muscle
    is its pull times its lever arm, so each gain is fmax times the lever arm (m).
    """
    gain = np.array([joint.muscle(n).fmax * moment_arm(joint.muscle(n), angle) / 100.0 for n in free])
    return gain, base.net_torque_at(angle) - float(gain @ np.array([start[n] for n in free]))


def _reaches(gain: np.ndarray, offset: float, lows: np.ndarray, highs: np.ndarray, slack: float = 0.0) -> bool:
    """Whether some activations within ``[lows, highs]`` make ``offset + gain @ a`` zero."""
    least = offset + np.minimum(gain * lows, gain * highs).sum()
    most = offset + np.maximum(gain * lows, gain * highs).sum()
    return bool(least - slack <= 0.0 <= most + slack)


def least_effort(joint: Joint, target: float, *, fixed: Mapping[str, float] | None = None,
                 bounds: Mapping[str, tuple[float, float]] | None = None, power: int = 2) -> LeastEffort:
    """The activations that bring ``joint`` to rest at ``target`` degrees for the least effort.

    ``fixed`` holds named muscles at given activations (0 to 1; e.g. "the hip
    flexors stay as they are"); ``bounds`` gives a muscle a narrower activation
    range than 0 to 1. Effort is the sum of activations squared (``power=2``) or
    cubed (``power=3``) over the muscles free to change. Raises ``ValueError`` with
    the reachable range of targets when ``target`` cannot be reached.
    """
    check.instance("joint", joint, Joint)
    lo_limit, hi_limit = joint.limits
    target = check.number("target", target, low=lo_limit, high=hi_limit, unit="degrees")
    power = check.integer("power", power, low=2, high=3)
    names = _driven(joint)
    held = check.number_mapping("fixed", {} if fixed is None else fixed, names, low=0.0, high=1.0)
    box = {n: (0.0, 1.0) for n in names}
    for n, pair in check.mapping("bounds", {} if bounds is None else bounds).items():
        check.choice("bounds key", n, names)
        box[n] = check.interval(f"bounds[{n!r}]", pair, low=0.0, high=1.0, strict=False)
    free = [n for n in names if n not in held]
    if not free:
        raise ValueError("fixed must leave at least one muscle free to change; it holds all of them")
    start = {**_activations(joint, names), **held}
    base = joint.with_activations(start)
    lows, highs = np.array([box[n][0] for n in free]), np.array([box[n][1] for n in free])
    gain, offset = _balance(joint, base, start, free, target)
    if not _reaches(gain, offset, lows, highs, slack=1e-9):
        low, high = reachable_targets(joint, held, box)
        span = "none in the joint's range" if low is None else f"from {low:.1f} to {high:.1f} degrees"
        raise ValueError(f"target {target:g} degrees cannot be reached with these muscles and bounds; "
                         f"reachable targets: {span}")
    from scipy.optimize import minimize  # here: importing forcecouple stays quick

    x0 = np.clip(np.array([start[n] for n in free]), lows, highs)
    scale = float(np.abs(gain).max()) or 1.0
    answer = minimize(lambda a: float(np.sum(a ** power)), x0, jac=lambda a: power * a ** (power - 1),
                      method="SLSQP", bounds=list(zip(lows, highs, strict=True)),
                      constraints=[{"type": "eq", "fun": lambda a: (offset + gain @ a) / scale,
                                    "jac": lambda a: gain / scale}],
                      options={"ftol": 1e-12, "maxiter": 500})
    a = np.clip(answer.x, lows, highs)
    if not answer.success or abs(offset + gain @ a) > 1e-6 * max(1.0, scale):
        raise ValueError(f"target {target:g} degrees: the optimiser did not converge ({answer.message})")
    activations = {**start, **dict(zip(free, map(float, a), strict=True))}
    result = equilibrium(joint.with_activations(activations))
    if abs(result.angle - target) > TARGET_TOLERANCE:
        raise ValueError(f"target {target:g} degrees: the least-effort activations balance the joint there, but "
                         f"released from its rest angle it settles at {result.angle:.2f} degrees (an unstable "
                         "balance or a nearer one); choose another target or fix fewer muscles")
    current = _activations(joint, names)
    return LeastEffort(target=target, activations=activations,
                       change={n: activations[n] - current[n] for n in names},
                       cost=float(np.sum(a ** power)), power=power, result=result)


def reachable_targets(joint: Joint, fixed: Mapping[str, float],
                      box: Mapping[str, tuple[float, float]]) -> tuple[float | None, float | None]:
    """The lowest and highest angles (degrees, on a 0.5 deg grid) at which some activations
    within ``box`` (fixed muscles held) balance ``joint``; (None, None) when there are none."""
    names = _driven(joint)
    start = {**_activations(joint, names), **fixed}
    base = joint.with_activations(start)
    free = [n for n in names if n not in fixed]
    lo_limit, hi_limit = joint.limits
    lows, highs = np.array([box[n][0] for n in free]), np.array([box[n][1] for n in free])
    ok = [float(angle) for angle in np.arange(lo_limit, hi_limit + 1e-9, 0.5)
          if _reaches(*_balance(joint, base, start, free, float(angle)), lows, highs)]
    return (min(ok), max(ok)) if ok else (None, None)


def sensitivity(joint: Joint, step: float = 0.10) -> Sensitivity:
    """How far ``joint``'s rest angle moves (degrees) when each muscle's activation rises
    or falls by ``step`` (a fraction of its maximal force, 0.001 to 1)."""
    check.instance("joint", joint, Joint)
    step = check.number("step", step, low=0.001, high=1.0)
    names = _driven(joint)
    now = _activations(joint, names)
    base = equilibrium(joint)
    changes: dict[str, tuple[float, float | None]] = {}
    notes: dict[str, str] = {}
    for n in names:
        up_result = equilibrium(joint.with_activations({n: min(1.0, now[n] + step)}))
        down_result = None if now[n] < step else equilibrium(joint.with_activations({n: now[n] - step}))
        changes[n] = (up_result.angle - base.angle, None if down_result is None else down_result.angle - base.angle)
        if up_result.at_limit or (down_result is not None and down_result.at_limit):
            notes[n] = "the change reaches a limit of the joint: the angle stops there"
    return Sensitivity(angle=base.angle, step=step, changes=changes, notes=notes)
