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

PassiveCurve = Callable[[Any], Any]


def thelen_passive_force(strain: Any, fmax: float = 1.0) -> Any:
    """Passive tension (N) of a muscle at fibre ``strain`` (dimensionless, >= 0).

    ``fPE = (exp(kPE * strain / e0) - 1) / (exp(kPE) - 1)`` times ``fmax`` with
    kPE = 4 and e0 = 0.6 (Thelen 2003; values from Gait2392). Negative strains
    (a slack muscle) give zero. Works on numbers and numpy arrays.
    """
    s = np.maximum(np.asarray(strain, dtype=float), 0.0)
    f = fmax * np.expm1(THELEN_KPE * s / THELEN_STRAIN_AT_FMAX) / math.expm1(THELEN_KPE)
    return f if f.ndim else float(f)


def thelen_passive(fmax: float, fibre_length: float) -> PassiveCurve:
    """A passive curve for ``Muscle(passive=...)``: stretch (cm) -> tension (N).

    ``fibre_length`` (cm) converts stretch beyond slack into fibre strain; the
    optimal fibre lengths of a published model (e.g. Gait2392) are a labelled
    modelling choice for it.
    """
    fmax = check.number("fmax", fmax, low=0.0, unit="N")
    fibre_length = check.number("fibre_length", fibre_length, low=1e-9, unit="cm")

    def curve(stretch: Any) -> Any:
        return thelen_passive_force(np.asarray(stretch, dtype=float) / fibre_length, fmax)

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
        Attachment on the bone, in the bone's frame (cm); must not be the pivot.
    origin : (x, y)
        The far end, in the world (cm). With ``origin_turns`` k it turns about
        the pivot by ``k`` times the bone's angle (k = 1 keeps the lever arm
        constant, as when the far end follows the bone).
    pull : float
        Active tension, N (>= 0).
    fmax : float or None
        Maximal isometric force, N (> 0); sliders in % of maximal force use it.
    stiffness : float
        Linear passive stiffness beyond the slack length, N/cm (>= 0).
    slack : float or None
        Slack length, cm (> 0); default: the string's length at angle 0.
    origin_turns : float
        How far the origin turns with the bone (dimensionless).
    passive : callable or None
        Stretch beyond slack (cm, array) -> passive tension (N), e.g.
        :func:`thelen_passive`; used instead of ``stiffness``.
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
        if not isinstance(self.name, str) or not self.name.strip():
            raise ValueError(f"name must be a non-empty string; got {self.name!r}")
        set_ = object.__setattr__
        set_(self, "insertion", check.point(f"{self.name}: insertion", self.insertion))
        set_(self, "origin", check.point(f"{self.name}: origin", self.origin))
        if self.insertion == (0.0, 0.0):
            raise ValueError(f"{self.name}: insertion must not sit on the pivot (0, 0); "
                             "a string there has no lever arm")
        set_(self, "pull", check.number(f"{self.name}: pull", self.pull, low=0.0, unit="N"))
        if self.fmax is not None:
            set_(self, "fmax", check.number(f"{self.name}: fmax", self.fmax, low=1e-12, unit="N"))
        set_(self, "stiffness",
             check.number(f"{self.name}: stiffness", self.stiffness, low=0.0, unit="N/cm"))
        set_(self, "origin_turns", check.number(f"{self.name}: origin_turns", self.origin_turns))
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
            set_(self, "slack", check.number(f"{self.name}: slack", self.slack, low=1e-12, unit="cm"))

    @property
    def activation(self) -> float | None:
        """Active pull as a fraction of ``fmax`` (None when ``fmax`` is unset)."""
        return None if self.fmax is None else self.pull / self.fmax

    def with_pull(self, pull: float) -> Muscle:
        """A copy of this muscle pulling with ``pull`` N."""
        return dataclasses.replace(self, pull=pull)

    def passive_tension(self, length: Any) -> Any:
        """Passive tension (N) at string ``length`` (cm, number or array); >= 0.

        Zero up to the slack length; beyond it ``passive(stretch)`` when the muscle
        has a curve, else ``stiffness x stretch``. The one passive-tension rule of
        the model: the joint's vectorised and scalar torques both call it.
        """
        if isinstance(length, float):  # the solver's hot path: plain floats
            stretch = length - self.slack  # type: ignore[operator]
            if stretch <= 0.0:
                return 0.0
            return max(float(self.passive(stretch)), 0.0) if self.passive else self.stiffness * stretch
        stretch = np.maximum(np.asarray(length, dtype=float) - self.slack, 0.0)
        if self.passive is not None:
            tension = np.maximum(np.asarray(self.passive(stretch), dtype=float), 0.0)
        else:
            tension = self.stiffness * stretch
        return tension if tension.ndim else float(tension)
