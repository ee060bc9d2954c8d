"""Input checks shared by the public API.

Every check raises ``ValueError`` whose message names the parameter, the value
that was given and what is allowed, so that a reader sees at once what to fix.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from numbers import Real

import numpy as np


def number(name: str, value: object, *, low: float = -math.inf, high: float = math.inf,
           unit: str = "") -> float:
    """Return ``value`` as a finite float in ``[low, high]`` or raise ``ValueError``."""
    unit_text = f" ({unit})" if unit else ""
    if isinstance(value, bool) or not isinstance(value, Real | np.floating | np.integer):
        raise ValueError(f"{name} must be a number{unit_text}; got {value!r}")
    x = float(value)
    if not math.isfinite(x):
        raise ValueError(f"{name} must be a finite number{unit_text}; got {value!r}")
    if x < low or x > high:
        range_unit = f" {unit}" if unit else ""
        raise ValueError(f"{name} must lie in [{_fmt(low)}, {_fmt(high)}]{range_unit}; got {_fmt(x)}")
    return x


def point(name: str, value: object) -> tuple[float, float]:
    """Return ``value`` as an ``(x, y)`` pair of finite floats (cm)."""
    try:
        items = () if isinstance(value, str | bytes) else tuple(value)  # type: ignore[arg-type]
    except TypeError:
        items = ()
    if len(items) != 2:
        raise ValueError(f"{name} must be a point (x, y) in cm; got {value!r}")
    return (number(f"{name}[0]", items[0], unit="cm"), number(f"{name}[1]", items[1], unit="cm"))


def angles(name: str, value: object, limits: tuple[float, float] | None = None) -> np.ndarray:
    """Return ``value`` (a number or a 1-D sequence, degrees) as a float array.

    A scalar gives a 0-d array. With ``limits``, every angle must lie inside them.
    """
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number or a 1-D array of angles in degrees; "
                         f"got {value!r}") from None
    if arr.ndim > 1:
        raise ValueError(f"{name} must be a number or a 1-D array of angles in degrees; "
                         f"got an array of shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite angles in degrees; got {value!r}")
    if limits is not None and arr.size:
        lo, hi = limits
        worst = float(arr.min()) if arr.min() < lo else float(arr.max())
        if arr.min() < lo or arr.max() > hi:
            raise ValueError(f"{name} must lie within the joint's limits [{_fmt(lo)}, {_fmt(hi)}] "
                             f"degrees; got {_fmt(worst)}")
    return arr


def choice(name: str, value: object, allowed: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``allowed`` or raise ``ValueError`` listing them."""
    options = list(allowed)
    if value not in options:
        raise ValueError(f"{name} must be one of {', '.join(map(repr, options))}; got {value!r}")
    return str(value)


def _fmt(x: float) -> str:
    return f"{x:g}"
