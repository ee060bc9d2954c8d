"""Measuring a standing pelvic tilt from a side photo.

On a side view, the tilt is the angle of the line from the PSIS to the ASIS
against a reference line that is level in the scene (drawn by the reader along
the floor or a door frame's top), or square to one that is vertical (a door
frame's side). Anterior is positive whichever way the
person faces: the ASIS lower than the PSIS is an anterior tilt. Points are in
image pixels with y pointing down, as a photo's pixels are.

The published numbers a reading is compared with are data
(``data/photo.json``), with the project's sample drawing.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from typing import Any

from .. import _data
from .. import _validate as check

__all__ = ["photo_data", "tilt_from_points"]

#: Coordinates a photo's pixels can take (a 100 000 px image is far beyond any camera).
MAX_PIXELS = 1e5


def photo_data() -> dict[str, Any]:
    """The published tilt numbers and the sample drawing (a copy of ``data/photo.json``)."""
    return copy.deepcopy(_data.load("photo.json"))


def _pixels(name: str, value: object, shape: tuple[int, ...], what: str) -> Any:
    return check.numbers(name, value, low=-MAX_PIXELS, high=MAX_PIXELS, unit="pixels", shape=shape,
                         what=what).tolist()


def tilt_from_points(asis: Sequence[float], psis: Sequence[float],
                     reference: Sequence[Sequence[float]] = ((0.0, 0.0), (1.0, 0.0))) -> float:
    """The pelvic tilt (degrees, anterior positive) from the ASIS and PSIS on a side photo.

    ``asis``, ``psis``: (x, y) in image pixels, y down. ``reference``: two points
    of a line that is level in the scene (default: the photo's own horizontal),
    or of a vertical one (a door frame's side): a line steeper than 45 degrees
    is taken as vertical, and level as square to it. The angle is that of the
    PSIS-to-ASIS line against level, positive when the ASIS is lower, whichever
    way the person faces.
    """
    a = _pixels("asis", asis, (2,), "a point (x, y)")
    p = _pixels("psis", psis, (2,), "a point (x, y)")
    ends = check.sequence("reference", reference, what="two points ((x, y), (x, y)) of a level line")
    if len(ends) != 2:
        raise ValueError(f"reference must be two points ((x, y), (x, y)) of a level line; got {len(ends)} items")
    (x0, y0), (x1, y1) = (_pixels(f"reference[{i}]", p, (2,), "a point (x, y)") for i, p in enumerate(ends))
    length = math.hypot(x1 - x0, y1 - y0)
    if length < 1e-9:
        raise ValueError(f"reference must be two different points; got {check.show(reference)}")
    rx, ry = (x1 - x0) / length, (y1 - y0) / length
    if abs(ry) > abs(rx):  # steeper than 45 degrees: a vertical (a door frame's side); level is square to it
        rx, ry = -ry, rx
    if rx < 0:  # the line's direction does not matter: take the one pointing right
        rx, ry = -rx, -ry
    dx, dy = a[0] - p[0], a[1] - p[1]
    if math.hypot(dx, dy) < 1e-9:
        raise ValueError(f"asis and psis must be different points; both are {check.show(a)}")
    along = dx * rx + dy * ry          # along the level line (sign: which way the person faces)
    down = -dx * ry + dy * rx          # across it, positive when the ASIS is lower (y points down)
    return math.degrees(math.atan2(down, abs(along)))
