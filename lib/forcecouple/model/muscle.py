"""A muscle modelled as a string, and the passive force-length curve.

A ``Muscle`` runs from its *insertion*, a point fixed on the bone (bone frame,
cm), to its *origin*, a point fixed in the world (cm). It pulls with an active
tension ``pull`` (N) and, once stretched beyond its slack length, passively as
well. A string only pulls; it never pushes.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from typing import Any

import numpy as np

from .. import _validate as check

__all__ = ["THELEN_KPE", "THELEN_STRAIN_AT_FMAX", "Muscle", "thelen_passive", "thelen_passive_force"]

#: Passive force-length parameters of the Thelen (2003) curve as used in the
#: Gait2392 model (Delp et al. 1990; Thelen 2003): exponential shape factor and the
#: fibre strain at which passive force equals the maximal isometric force.
THELEN_KPE = 4.0
THELEN_STRAIN_AT_FMAX = 0.6
#: Largest fibre strain the curve accepts (10,000 % stretch, beyond any muscle;
#: the tension there is still a finite number).
MAX_STRAIN = 100.0

PassiveCurve = Callable[[Any], Any]


def thelen_passive_force(strain: Any, fmax: float = 1.0) -> Any:
    """Passive tension (N) of a muscle at fibre ``strain`` (dimensionless, >= 0).

    ``fPE = (exp(kPE * strain / e0) - 1) / (exp(kPE) - 1)`` times ``fmax`` with
    kPE = 4 and e0 = 0.6 (Thelen 2003; values from Gait2392). Negative strains
    (a slack muscle) give zero. Works on numbers and numpy arrays of finite
    strains up to 100; ``fmax`` in [0, 1e6] N.
    """
    strain = check.numbers("strain", strain, high=MAX_STRAIN, what="a fibre strain or an array of them")
    return _thelen(strain, check.number("fmax", fmax, low=0.0, high=check.MAX_FORCE, unit="N"))


def _thelen(strain: Any, fmax: float) -> Any:
    """:func:`thelen_passive_force` of a checked strain (number or array) and ``fmax``."""
    s = np.maximum(strain, 0.0)
    f = fmax * np.expm1(THELEN_KPE * s / THELEN_STRAIN_AT_FMAX) / math.expm1(THELEN_KPE)
    return f if np.ndim(f) else float(f)


def thelen_passive(fmax: float, fibre_length: float) -> PassiveCurve:
    """A passive curve for ``Muscle(passive=...)``: stretch (cm) -> tension (N).

    ``fibre_length`` (cm, 1e-9 to 10,000) converts stretch beyond slack into
    fibre strain; the optimal fibre lengths of a published model (e.g. Gait2392)
    are a labelled modelling choice for it. ``fmax`` in [0, 1e6] N. The curve
    takes finite stretches (cm) up to 100 fibre lengths (see :data:`MAX_STRAIN`).
    """
    fmax = check.number("fmax", fmax, low=0.0, high=check.MAX_FORCE, unit="N")
    fibre_length = check.number("fibre_length", fibre_length, low=1e-9, high=check.MAX_SLACK, unit="cm")

    def curve(stretch: Any) -> Any:
        if not (type(stretch) is float and stretch <= MAX_STRAIN * fibre_length):  # the solver's floats pass at once
            stretch = check.numbers("stretch", stretch, high=MAX_STRAIN * fibre_length, unit="cm",
                                    what="a stretch or an array of them")
        return _thelen(stretch / fibre_length, fmax)

    curve.__doc__ = f"Thelen passive tension (N) for fmax={fmax:g} N, fibre length {fibre_length:g} cm."
    return curve


@dataclasses.dataclass(frozen=True)
class Muscle:
    """A string from ``insertion`` (on the bone) to ``origin`` (in the world).

    Parameters
    ----------
    name : str
        Identifier, unique within a joint (e.g. ``"iliopsoas"``).
    insertion : (x, y)
        Attachment on the bone, in the bone's frame (cm, each coordinate within
        ±1000); must not be the pivot.
    origin : (x, y)
        The far end, in the world (cm, within ±1000). With ``origin_turns`` k it
        turns about the pivot by ``k`` times the bone's angle (k = 1 keeps the
        lever arm constant, as when the far end follows the bone).
    pull : float
        Active tension, N (0 to 1e6).
    fmax : float or None
        Maximal isometric force, N (1e-12 to 1e6); sliders in % of maximal force use it.
    stiffness : float
        Linear passive stiffness beyond the slack length, N/cm (0 to 1e4).
    slack : float or None
        Slack length, cm (1e-12 to 1e4); default: the string's length at angle 0.
    origin_turns : float
        How far the origin turns with the bone (dimensionless, -10 to 10).
    passive : callable or None
        Stretch beyond slack (cm, array) -> passive tension (N), e.g.
        :func:`thelen_passive`; used instead of ``stiffness``. It must return
        finite tensions; a negative one counts as zero.
    """

    name: str
    insertion: tuple[float, float]
    origin: tuple[float, float]
    pull: float = 0.0
    fmax: float | None = None
    stiffness: float = 0.0
    slack: float | None = None
    origin_turns: float = 0.0
    passive: PassiveCurve | None = None

    def __post_init__(self) -> None:
        check.name_text("name", self.name)
        set_ = object.__setattr__
        set_(self, "insertion", check.point(f"{self.name}: insertion", self.insertion))
        set_(self, "origin", check.point(f"{self.name}: origin", self.origin))
        if self.insertion == (0.0, 0.0):
            raise ValueError(f"{self.name}: insertion must not sit on the pivot (0, 0); "
                             "a string there has no lever arm")
        set_(self, "pull", check.number(f"{self.name}: pull", self.pull, low=0.0, high=check.MAX_FORCE, unit="N"))
        if self.fmax is not None:
            set_(self, "fmax", check.number(f"{self.name}: fmax", self.fmax, low=1e-12, high=check.MAX_FORCE,
                                            unit="N"))
        set_(self, "stiffness", check.number(f"{self.name}: stiffness", self.stiffness, low=0.0,
                                             high=check.MAX_STRING_STIFFNESS, unit="N/cm"))
        set_(self, "origin_turns", check.number(f"{self.name}: origin_turns", self.origin_turns,
                                                low=-check.MAX_TURNS, high=check.MAX_TURNS))
        if self.passive is not None:
            if not callable(self.passive):
                raise ValueError(f"{self.name}: passive must be a callable from stretch (cm) to "
                                 f"tension (N) or None; got {self.passive!r}")
            if self.stiffness:
                raise ValueError(f"{self.name}: give either stiffness or passive, not both; "
                                 f"got stiffness={self.stiffness:g} N/cm and a passive curve")
        if self.slack is None:
            gap = math.dist(self.insertion, self.origin)
            if gap == 0.0:
                raise ValueError(f"{self.name}: insertion and origin coincide at angle 0, so the "
                                 "string has zero length; move one of them")
            set_(self, "slack", gap)
        else:
            set_(self, "slack", check.number(f"{self.name}: slack", self.slack, low=1e-12, high=check.MAX_SLACK,
                                             unit="cm"))

    @property
    def activation(self) -> float | None:
        """Active pull as a fraction of ``fmax`` (None when ``fmax`` is unset)."""
        return None if self.fmax is None else self.pull / self.fmax

    def with_pull(self, pull: float) -> Muscle:
        """A copy of this muscle pulling with ``pull`` N."""
        return dataclasses.replace(self, pull=pull)

    def with_origin_fixed(self, angle: float) -> Muscle:
        """A copy whose far end stays where it is when the bone is at ``angle`` degrees.

        For a muscle whose origin turns with the bone (``origin_turns`` = 1, say a
        spine that follows the pelvis), this is the same string tied instead to a
        point fixed in the world: its lever arm then changes as the bone turns.
        """
        angle = check.number("angle", angle, low=-360.0, high=360.0, unit="degrees")
        t = math.radians(self.origin_turns * angle)
        x, y = self.origin
        fixed = (x * math.cos(t) - y * math.sin(t), x * math.sin(t) + y * math.cos(t))
        return dataclasses.replace(self, origin=fixed, origin_turns=0.0)

    def passive_tension(self, length: Any) -> Any:
        """Passive tension (N) at string ``length`` (cm, number or array); >= 0.

        Zero up to the slack length; beyond it ``passive(stretch)`` when the muscle
        has a curve, else ``stiffness x stretch``. The one passive-tension rule of
        the model: the joint's vectorised and scalar torques both call it.
        ``length`` is finite, 0 to 1e4 cm.
        """
        if not (type(length) is float and 0.0 <= length <= check.MAX_SLACK):  # the solver's floats pass at once
            arr = check.numbers("length", length, low=0.0, high=check.MAX_SLACK, unit="cm",
                                what="a length or an array of lengths")
            length = float(arr) if arr.ndim == 0 else arr
        return self._tension(length)

    def _tension(self, length: Any) -> Any:
        """:meth:`passive_tension` of a checked ``length``."""
        if isinstance(length, float):  # the solver's hot path: plain floats
            stretch = length - self.slack  # type: ignore[operator]
            if stretch <= 0.0:
                return 0.0
            if not self.passive:
                return self.stiffness * stretch
            tension = float(self.passive(stretch))
            if not math.isfinite(tension):
                self._bad_curve(tension, stretch)
            return max(tension, 0.0)
        stretch = np.maximum(np.asarray(length, dtype=float) - self.slack, 0.0)
        if self.passive is not None:
            tension = np.asarray(self.passive(stretch), dtype=float)
            if not np.all(np.isfinite(tension)):
                self._bad_curve(float(tension[~np.isfinite(tension)].flat[0]), float(np.max(stretch)))
            tension = np.maximum(tension, 0.0)
        else:
            tension = self.stiffness * stretch
        return tension if tension.ndim else float(tension)

    def _bad_curve(self, tension: float, stretch: float) -> None:
        raise ValueError(f"{self.name}: passive must return finite tensions (N); it gave {tension:g} N "
                         f"at a stretch of {stretch:g} cm")
