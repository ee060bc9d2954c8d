"""Where the bone comes to rest: the equilibrium rule.

The bone is released at the joint's ``rest_angle`` and turns the way the net
torque there points, until the first angle where the net torque crosses zero
from that sign, or until it meets a limit. The browser widget follows the same
rule on its precomputed grid, so page and kernel agree.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping
from types import MappingProxyType

import numpy as np

from .. import _validate as check
from .joint import Joint, TorqueBasis, torque_basis

__all__ = ["SCAN_STEP", "ZERO_TORQUE", "Equilibrium", "equilibrium", "scan_grid", "steps_between"]

#: Scan step, degrees: no coarser than 0.25 (the widget's grid uses the same).
SCAN_STEP = 0.25
#: A net torque at the rest angle at most this big (N·m) counts as zero: the bone
#: stays. It absorbs rounding (e.g. mirrored strings summing to 1e-17 N·m).
ZERO_TORQUE = 1e-9
#: Residual (N·m) below which the root is taken as exact.
TORQUE_TOL = 1e-10
#: Bracket width (degrees) below which the root is taken as exact.
ANGLE_TOL = 1e-12
#: Largest residual (N·m) an answer off the limits may have; a solve that
#: cannot get below it raises ``ValueError`` instead of answering.
RESIDUAL_TOL = 1e-6
#: Most angles :func:`steps_between` makes.
MAX_STEPS = 1_000_000
_RAMP = np.arange(1, 1441, dtype=float)


@dataclasses.dataclass(frozen=True)
class Equilibrium:
    """The answer of :func:`equilibrium`.

    Attributes
    ----------
    angle : float
        Degrees; at a limit, the limit.
    residual : float
        Net torque at ``angle``, N·m; below 1e-6 unless at a limit, where it is
        the torque pressing the bone against the limit.

    Every number is finite; ``stable`` and ``at_limit`` are bools.
    stable : bool
        True when the net torque falls as the angle rises (negative slope), and
        at a limit, which holds the bone.
    at_limit : bool
        True when the bone rests against a limit.
    torques : mapping
        Each muscle's torque (active plus passive), ``spring`` and ``load``, N·m
        at ``angle``.
    rest_torque : float
        Net torque at the rest angle, N·m: the imbalance that tipped the bone.
    """

    angle: float
    residual: float
    stable: bool
    at_limit: bool
    torques: Mapping[str, float]
    rest_torque: float

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "angle", check.number("angle", self.angle, low=-180.0, high=180.0, unit="degrees"))
        set_(self, "residual", check.number("residual", self.residual, unit="N·m"))
        set_(self, "stable", check.boolean("stable", self.stable))
        set_(self, "at_limit", check.boolean("at_limit", self.at_limit))
        torques = check.mapping("torques", self.torques, "a mapping of name -> torque (N·m)")
        set_(self, "torques", MappingProxyType({check.name_text("torques key", k): check.number(
            f"torques[{k!r}]", t, unit="N·m") for k, t in torques.items()}))
        set_(self, "rest_torque", check.number("rest_torque", self.rest_torque, unit="N·m"))


def steps_between(start: float, end: float, step: float = SCAN_STEP) -> np.ndarray:
    """Angles from ``start`` (excluded) to ``end`` (included) in ``step`` degrees.

    The last step is shortened so that the grid ends exactly on ``end``; a gap
    shorter than a step gives the one angle ``end``, and ``start == end`` none.
    ``start`` and ``end`` lie in [-360, 360] degrees, ``step`` in [1e-3, 360]
    degrees, and the grid holds at most a million angles.
    """
    start = check.number("start", start, low=-360.0, high=360.0, unit="degrees")
    end = check.number("end", end, low=-360.0, high=360.0, unit="degrees")
    step = check.number("step", step, low=1e-3, high=360.0, unit="degrees")
    if start == end:
        return np.empty(0)
    n = max(math.ceil(abs(end - start) / step - 1e-9), 1)
    if n > MAX_STEPS:
        raise ValueError(f"step must leave at most {MAX_STEPS} angles between start and end; "
                         f"got {step:g} degrees, which makes {n}")
    ramp = _RAMP[:n] if n <= _RAMP.size else np.arange(1, n + 1, dtype=float)
    grid = start + math.copysign(step, end - start) * ramp
    grid[-1] = end
    return grid


def _brent(f: Callable[[float], float], a: float, b: float, fa: float,
           fb: float) -> tuple[float, float]:
    """Root of ``f`` in [a, b] where fa and fb differ in sign (Brent-Dekker).

    Returns the root and ``f`` there.
    """
    if abs(fa) < abs(fb):
        a, b, fa, fb = b, a, fb, fa
    c, fc, d = a, fa, b - a
    bisected = True
    for _ in range(200):
        if fb == 0.0 or abs(fb) < TORQUE_TOL or abs(b - a) < ANGLE_TOL:
            return b, fb
        if fa != fc and fb != fc:  # inverse quadratic interpolation
            s = (a * fb * fc / ((fa - fb) * (fa - fc)) + b * fa * fc / ((fb - fa) * (fb - fc))
                 + c * fa * fb / ((fc - fa) * (fc - fb)))
        else:  # secant
            s = b - fb * (b - a) / (fb - fa)
        lo, hi = sorted(((3 * a + b) / 4, b))
        if (not lo < s < hi or (bisected and abs(s - b) >= abs(b - c) / 2)
                or (not bisected and abs(s - b) >= abs(c - d) / 2)):
            s, bisected = (a + b) / 2, True
        else:
            bisected = False
        fs = f(s)
        d, c, fc = c, b, fb
        if (fa < 0) == (fs < 0):
            a, fa = s, fs
        else:
            b, fb = s, fs
        if abs(fa) < abs(fb):
            a, b, fa, fb = b, a, fb, fa
    return b, fb


def _slope(joint: Joint, angle: float, h: float = 1e-5) -> float:
    """Central-difference slope of the net torque (N·m per degree) at ``angle``."""
    lo, hi = joint.limits
    a, b = max(angle - h, lo), min(angle + h, hi)
    return (joint.net_torque_at(b) - joint.net_torque_at(a)) / (b - a)


def _refine(f: Callable[[float], float], a: float, b: float, fa: float, fb: float) -> tuple[float, float]:
    """Bisect the sign change of ``f`` in [a, b] down to neighbouring floats.

    Returns the end with the smaller ``|f|``: the best answer the floats allow.
    """
    for _ in range(2100):
        mid = 0.5 * (a + b)
        if mid in (a, b):
            break
        fm = f(mid)
        if fm == 0.0:
            return mid, fm
        if (fa < 0) == (fm < 0):
            a, fa = mid, fm
        else:
            b, fb = mid, fm
    return (a, fa) if abs(fa) <= abs(fb) else (b, fb)


def scan_grid(joint: Joint) -> tuple[np.ndarray, int]:
    """The angles (degrees, ascending) the equilibrium rule scans, and where rest is.

    Steps of 0.25 deg out from ``rest_angle`` to both limits; the grid holds the
    rest angle and both limits exactly. The browser widget uses the same grid.
    """
    check.instance("joint", joint, Joint)
    lo, hi = joint.limits
    rest = joint.rest_angle
    down = steps_between(rest, lo)[::-1] if rest > lo else np.empty(0)
    up = steps_between(rest, hi) if rest < hi else np.empty(0)
    return np.concatenate([down, [rest], up]), down.size


def _grid_basis(joint: Joint) -> tuple[np.ndarray, int, TorqueBasis]:
    """Scan grid, rest index and torque basis on it, cached with the geometry."""
    def compute() -> tuple[np.ndarray, int, TorqueBasis]:
        grid, rest_index = scan_grid(joint)
        return grid, rest_index, torque_basis(joint, grid)
    return joint.geometry_cached("scan", compute)


def equilibrium(joint: Joint) -> Equilibrium:
    """Angle (degrees) where ``joint``'s bone comes to rest, with its torques.

    Released at ``rest_angle``, the bone turns the way the net torque there
    points until the net torque first crosses zero (scan in steps of 0.25 deg,
    then an exact Brent solve inside the bracket) or until it meets a limit. A
    net torque at the rest angle within ``ZERO_TORQUE`` (1e-9 N·m) of zero
    leaves the bone there. An answer always exists. The torque basis on the scan
    grid depends on geometry only, so it is cached and shared by ``with_pulls``
    copies of a joint.

    Every number of the answer is finite, and off the limits its residual is
    below 1e-6 N·m. Where the floats cannot meet that (forces far too large for
    strings far too short, or a passive curve that jumps), it raises
    ``ValueError`` instead of answering.
    """
    check.instance("joint", joint, Joint)
    f = joint.net_torque_at
    rest = joint.rest_angle
    rest_torque = _finite(joint, rest, f(rest))
    at_limit = False
    if abs(rest_torque) <= ZERO_TORQUE:
        angle, residual = rest, rest_torque
        stable = _slope(joint, angle) < 0.0
    else:
        sign = 1.0 if rest_torque > 0 else -1.0
        grid, r, basis = _grid_basis(joint)
        # The grid beyond rest in scan order, and the net torque on it.
        torque = basis.passive + joint.pulls @ basis.arms
        if sign > 0:
            angles, torque = grid[r + 1:], torque[r + 1:]
        else:
            angles, torque = grid[:r][::-1], torque[:r][::-1]
        past = sign * torque <= 0.0
        k = int(past.argmax()) if past.size else 0
        if past.size and past[k]:
            hit, hit_torque = float(angles[k]), float(torque[k])
            prev, prev_torque = (float(angles[k - 1]), float(torque[k - 1])) if k else (rest, rest_torque)
            if hit_torque == 0.0:
                angle, residual = hit, 0.0
                stable = _slope(joint, angle) < 0.0
            else:
                # The torque changes sign from the rest side to the other across
                # this bracket: it falls through zero, a stable rest.
                _finite(joint, hit, hit_torque)
                angle, residual = _brent(f, prev, hit, prev_torque, hit_torque)
                if not abs(residual) < RESIDUAL_TOL:
                    angle, residual = _refine(f, prev, hit, prev_torque, hit_torque)
                if not abs(residual) < RESIDUAL_TOL:
                    raise ValueError(
                        f"joint: no angle between {prev!r} and {hit!r} degrees brings the net torque below "
                        f"{RESIDUAL_TOL:g} N·m (the best is {residual:g} N·m at {angle!r}): the torque changes "
                        f"faster than the floats can follow (forces far too large for strings far too short, "
                        f"or a passive curve that jumps); got {joint!r}")
                stable = True
        else:
            end = joint.limits[1] if sign > 0 else joint.limits[0]
            angle, residual, at_limit, stable = end, _finite(joint, end, f(end)), True, True
    torques = {name: _finite(joint, angle, t) for name, t in joint.torques_at(angle).items()}
    return Equilibrium(angle=float(angle), residual=float(residual), stable=bool(stable),
                       at_limit=at_limit, torques=MappingProxyType(torques),
                       rest_torque=float(rest_torque))


def _finite(joint: Joint, angle: float, torque: float) -> float:
    """``torque`` (N·m, at ``angle`` degrees) as a float, or ``ValueError`` if it is not finite."""
    if not math.isfinite(torque):
        raise ValueError(f"joint: its net torque at {angle:g} degrees is {torque!r} N·m, not a finite "
                         f"number; check its forces, stiffnesses and passive curves; got {joint!r}")
    return float(torque)
