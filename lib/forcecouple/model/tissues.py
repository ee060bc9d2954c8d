"""The passive tissues at the hip, from a published fit, beside the model's lumped spring.

The pelvis preset holds the pelvis back with one spring (``Joint.stiffness``,
relaxed at the source model's pose): a lumped model choice. Here is what one
published measurement says the hips' own passive tissues do over the same range
(Riener & Edrich 1999), so the book can show where the two disagree.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from .. import _data
from .. import _validate as check
from .presets import PELVIS_PATTERNS, pelvis, pelvis_table_pose
from .solve import equilibrium

__all__ = ["SpringEvidence", "hip_passive_moment", "spring_evidence"]


def _fit() -> dict[str, Any]:
    return _data.load("tissues.json")["hip_passive"]


def hip_passive_moment(hip_flexion: Any, knee_flexion: float = 0.0) -> Any:
    """Passive moment (N·m) of one hip at ``hip_flexion`` degrees, knee at ``knee_flexion`` degrees.

    The exponential fit of Riener & Edrich (1999); positive moments flex the hip.
    ``hip_flexion`` may be a number or a 1-D array, within -30 to 120 degrees;
    ``knee_flexion`` within 0 to 130 degrees (the ranges this project accepts).
    """
    fit = _fit()
    h = check.angles("hip_flexion", hip_flexion, tuple(fit["hip_flexion_range"]))
    k = check.number("knee_flexion", knee_flexion, low=fit["knee_flexion_range"][0],
                     high=fit["knee_flexion_range"][1], unit="degrees")
    a, b = fit["a"], fit["b"]
    m = (np.exp(a["const"] + a["knee"] * k + a["hip"] * h)
         - np.exp(b["const"] + b["knee"] * k + b["hip"] * h) + fit["c"])
    return m if m.ndim else float(m)


@dataclasses.dataclass(frozen=True)
class SpringEvidence:
    """The pelvis's lumped spring beside the two hips' published passive moment.

    Attributes
    ----------
    tilt : numpy.ndarray
        ASIS-PSIS tilt, degrees (the pelvis's range, 0.5 deg apart).
    spring : numpy.ndarray
        The model's spring torque on the pelvis at each tilt, N·m (positive tips it forward).
    hips : numpy.ndarray
        Both hips' passive moment on the pelvis (Riener & Edrich 1999, knee straight,
        femur still), N·m, same sign.
    table_pose : float
        Tilt (degrees) at which the hip is at 0 deg of flexion and the spring is relaxed.
    hips_at_table_pose : float
        Both hips' moment there, N·m (positive: forward).
    hips_zero_tilt : float
        Tilt (degrees) at which the hips' moment crosses zero.
    pattern : str
        The pattern whose equilibrium is reported below.
    angle : float
        That pattern's equilibrium tilt, degrees.
    spring_at_angle, hips_at_angle : float
        The spring's and the hips' torque at that tilt, N·m.
    spring_share : float
        The spring's share of all the backward torque there (0 to 1).
    """

    tilt: np.ndarray
    spring: np.ndarray
    hips: np.ndarray
    table_pose: float
    hips_at_table_pose: float
    hips_zero_tilt: float
    pattern: str
    angle: float
    spring_at_angle: float
    hips_at_angle: float
    spring_share: float

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        tilt = check.numbers("tilt", self.tilt, low=-360.0, high=360.0, unit="degrees", shape=(None,))
        set_(self, "tilt", tilt)
        if tilt.size < 2:
            raise ValueError(f"tilt must hold at least two angles (degrees); got {tilt.size}")
        for name in ("spring", "hips"):
            values = check.numbers(name, getattr(self, name), low=-1e9, high=1e9, unit="N·m", shape=(None,))
            if values.shape != tilt.shape:
                raise ValueError(f"{name} must hold one torque (N·m) per tilt: tilt has {tilt.size} angles, "
                                 f"{name} has {values.size}")
            set_(self, name, values)
        for name in ("table_pose", "hips_zero_tilt", "angle"):
            set_(self, name, check.number(name, getattr(self, name), low=-360.0, high=360.0, unit="degrees"))
        for name in ("hips_at_table_pose", "spring_at_angle", "hips_at_angle"):
            set_(self, name, check.number(name, getattr(self, name), low=-1e9, high=1e9, unit="N·m"))
        set_(self, "spring_share", check.number("spring_share", self.spring_share, low=0.0, high=1.0))
        set_(self, "pattern", check.choice("pattern", self.pattern, PELVIS_PATTERNS))


def _both_hips(tilt: Any, table_pose: float) -> Any:
    """Both hips' passive moment on the pelvis at ``tilt`` (femur still, knee straight), N·m."""
    return 2.0 * hip_passive_moment(np.asarray(tilt, dtype=float) - table_pose)


def spring_evidence(pattern: str = "lower_crossed") -> SpringEvidence:
    """The pelvis's spring torque and the hips' published passive moment over the pelvis's
    range, and how much of the backward torque the spring carries at ``pattern``'s rest.
    """
    check.choice("pattern", pattern, PELVIS_PATTERNS)
    joint = pelvis(pattern)
    pose = pelvis_table_pose()
    low, high = joint.limits
    fit_low, fit_high = _fit()["hip_flexion_range"]
    tilt = np.arange(max(low, pose + fit_low), min(high, pose + fit_high) + 1e-9, 0.5)
    spring = np.array([joint.torques_at(float(t))["spring"] for t in tilt])
    hips = _both_hips(tilt, pose)
    # the hips' moment falls as the hip flexes: one sign change, found by bisection
    lo, hi = pose, pose + fit_high
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if _both_hips(mid, pose) > 0 else (lo, mid)
    rest = equilibrium(joint)
    backward = -sum(t for t in rest.torques.values() if t < 0)
    spring_at = rest.torques["spring"]
    return SpringEvidence(tilt=tilt, spring=spring, hips=hips, table_pose=pose,
                          hips_at_table_pose=float(_both_hips(pose, pose)), hips_zero_tilt=0.5 * (lo + hi),
                          pattern=pattern, angle=rest.angle, spring_at_angle=spring_at,
                          hips_at_angle=float(_both_hips(rest.angle, pose)),
                          spring_share=(-spring_at / backward) if backward > 0 and spring_at < 0 else 0.0)


