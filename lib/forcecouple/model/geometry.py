"""Plane geometry for a bone pinned at the origin: rotations and lever arms.

Points are ``(x, y)`` in cm. Angles at the public API are degrees,
counter-clockwise positive; inside, radians.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["foot_of_perpendicular", "rotate"]


def rotate(points: ArrayLike, angle_deg: ArrayLike) -> np.ndarray:
    """Rotate ``points`` (cm, shape ``(..., 2)``) counter-clockwise about the origin.

    With a scalar angle the result has the shape of ``points``; with an array of
    ``m`` angles and a single point, the result has shape ``(m, 2)``.
    """
    p = np.asarray(points, dtype=float)
    a = np.radians(np.asarray(angle_deg, dtype=float))
    c, s = np.cos(a), np.sin(a)
    x = c * p[..., 0] - s * p[..., 1]
    y = s * p[..., 0] + c * p[..., 1]
    return np.stack([x, y], axis=-1)


def foot_of_perpendicular(start: ArrayLike, end: ArrayLike) -> np.ndarray:
    """Point on the line through ``start`` and ``end`` nearest the origin (cm).

    The segment from the origin to this point is the lever arm that drawings show.
    """
    s = np.asarray(start, dtype=float)
    d = np.asarray(end, dtype=float) - s
    t = -np.dot(s, d) / np.dot(d, d)
    return s + t * d
