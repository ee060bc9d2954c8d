"""Plane geometry for a bone pinned at the origin: rotations and lever arms.

Points are ``(x, y)`` in cm. Angles at the public API are degrees,
counter-clockwise positive; inside, radians.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from .. import _validate as check

__all__ = ["foot_of_perpendicular", "rotate"]

#: Shortest distance (cm) between two points that fix a line.
MIN_GAP = 1e-9


def rotate(points: ArrayLike, angle_deg: ArrayLike) -> np.ndarray:
    """Rotate ``points`` (cm, shape ``(..., 2)``) counter-clockwise about the origin.

    With a scalar angle the result has the shape of ``points``; with an array of
    ``m`` angles and a single point, the result has shape ``(m, 2)`` (and with
    ``m`` points of shape ``(m, 2)``, each point turns by its own angle).
    Coordinates lie within ±1000 cm; an angle is any finite number of degrees.
    """
    p = check.points("points", points)
    a = check.angles("angle_deg", angle_deg)
    if a.ndim and a.size != 1 and p.shape[:-1] not in ((), a.shape):
        raise ValueError(f"angle_deg must be one angle, or one per point ({p.shape[:-1]}); "
                         f"got {a.size} angles for points of shape {p.shape}")
    a = np.radians(a)
    c, s = np.cos(a), np.sin(a)
    x = c * p[..., 0] - s * p[..., 1]
    y = s * p[..., 0] + c * p[..., 1]
    return np.stack([x, y], axis=-1)


def foot_of_perpendicular(start: ArrayLike, end: ArrayLike) -> np.ndarray:
    """Point on the line through ``start`` and ``end`` nearest the origin (cm).

    The segment from the origin to this point is the lever arm that drawings show.
    ``start`` and ``end`` are points (cm, within ±1000 cm) at least 1e-9 cm apart.
    """
    s = np.array(check.point("start", start))
    d = np.array(check.point("end", end)) - s
    if math.hypot(*d) < MIN_GAP:
        raise ValueError(f"end must lie at least {MIN_GAP:g} cm from start, so that they fix a line; "
                         f"got start {tuple(s)} and end {check.show(end)}")
    t = -np.dot(s, d) / np.dot(d, d)
    return s + t * d
