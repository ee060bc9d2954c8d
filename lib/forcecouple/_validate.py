"""Input checks shared by the public API.

Every check raises ``ValueError`` whose message names the parameter, the value
that was given and what is allowed, so that a reader sees at once what to fix.
A value of the wrong type raises :class:`ArgumentTypeError`: a ``TypeError``
that is also a ``ValueError``, so that ``except ValueError`` still catches every
bad input. For an item of a mapping or a sequence the message names its key or
index too (``activations['upper_trapezius']``, ``outline[3]``).

The model's physical ranges live here as well, so that each rule is in one
place; they are generous for a human body and keep every sum of torques far
from overflow and rounding trouble (units: cm, N, N·m, degrees).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from numbers import Real
from typing import Any

import numpy as np

#: Largest coordinate (cm) of any point of the model: insertions, origins,
#: landmarks, outlines, weights (10 m from the pivot).
MAX_LENGTH = 1000.0
#: Longest slack length of a string (cm).
MAX_SLACK = 10_000.0
#: Largest force (N): a pull, a maximal isometric force, a weight.
MAX_FORCE = 1e6
#: Largest linear stiffness of a string beyond its slack length (N/cm).
MAX_STRING_STIFFNESS = 1e4
#: Largest joint-spring stiffness (N·m/rad).
MAX_JOINT_STIFFNESS = 1e6
#: Largest constant load torque (N·m), either way.
MAX_TORQUE = 1e6
#: Largest rate at which a string's origin turns with the bone (either way).
MAX_TURNS = 10.0
#: Largest number (either way) a widget sends to the page, which packs numbers
#: as float32 (whose range ends near 3.4e38).
MAX_PAGE_NUMBER = 1e30


class ArgumentTypeError(TypeError, ValueError):
    """A value of the wrong type: a ``TypeError``, and a ``ValueError`` like every bad input."""


def show(value: object, width: int = 80) -> str:
    """``repr(value)`` on one line, cut to ``width`` characters, for a message."""
    text = " ".join(repr(value).split())
    return text if len(text) <= width else text[:width - 3] + "..."


def _fmt(x: float) -> str:
    return f"{x:g}"


def _unit(unit: str) -> str:
    return f" ({unit})" if unit else ""


def _range(name: str, x: float, low: float, high: float, unit: str) -> None:
    if x < low or x > high:
        range_unit = f" {unit}" if unit else ""
        raise ValueError(f"{name} must lie in [{_fmt(low)}, {_fmt(high)}]{range_unit}; got {_fmt(x)}")


def number(name: str, value: object, *, low: float = -math.inf, high: float = math.inf,
           unit: str = "") -> float:
    """Return ``value`` as a finite float in ``[low, high]`` or raise ``ValueError``.

    A bool, a str or any other non-number raises :class:`ArgumentTypeError`.
    """
    if type(value) is float:  # the common case, at once
        x = value
    elif isinstance(value, bool | np.bool_) or not isinstance(value, Real | np.floating | np.integer):
        raise ArgumentTypeError(f"{name} must be a number{_unit(unit)}; got {show(value)}")
    else:
        try:
            x = float(value)
        except OverflowError:  # an int beyond float's range
            x = math.inf if value > 0 else -math.inf  # type: ignore[operator]
    if not math.isfinite(x):
        raise ValueError(f"{name} must be a finite number{_unit(unit)}; got {show(value)}")
    if x < low or x > high:
        _range(name, x, low, high, unit)
    return x


def integer(name: str, value: object, *, low: int, high: int, unit: str = "") -> int:
    """Return ``value`` (an ``int``, not a bool or a float) if it lies in ``[low, high]``."""
    if isinstance(value, bool | np.bool_) or not isinstance(value, int | np.integer):
        in_unit = f", {unit}" if unit else ""
        raise ArgumentTypeError(f"{name} must be a whole number (an int{in_unit}); got {show(value)}")
    x = int(value)
    if x < low or x > high:
        range_unit = f" {unit}" if unit else ""
        raise ValueError(f"{name} must lie in [{low}, {high}]{range_unit}; got {show(x)}")
    return x


def boolean(name: str, value: object) -> bool:
    """Return ``value`` if it is a real bool (True or False), not a truthy stand-in."""
    if not isinstance(value, bool | np.bool_):
        raise ArgumentTypeError(f"{name} must be True or False; got {show(value)}")
    return bool(value)


def name_text(name: str, value: object, *, empty: bool = False) -> str:
    """Return ``value`` if it is a str (non-blank unless ``empty``)."""
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be a string; got {show(value)}")
    if not empty and not value.strip():
        raise ValueError(f"{name} must be a non-empty string; got {value!r}")
    return value


def instance(name: str, value: object, kind: type | tuple[type, ...], what: str | None = None) -> Any:
    """Return ``value`` if it is a ``kind`` (e.g. a Joint)."""
    if not isinstance(value, kind):
        what = what or f"a {kind.__name__}"  # type: ignore[union-attr]
        raise ArgumentTypeError(f"{name} must be {what}; got {show(value)}")
    return value


def function(name: str, value: object, what: str = "a callable") -> Any:
    """Return ``value`` if it can be called."""
    if not callable(value):
        raise ArgumentTypeError(f"{name} must be {what}; got {show(value)}")
    return value


def mapping(name: str, value: object, what: str = "a mapping (a dict)") -> Mapping:
    """Return ``value`` if it is a mapping (a dict, not a list of pairs)."""
    if not isinstance(value, Mapping):
        raise ArgumentTypeError(f"{name} must be {what}; got {show(value)}")
    return value


def sequence(name: str, value: object, what: str = "items") -> tuple:
    """Return ``value``'s items as a tuple: a list, a tuple or another iterable.

    A str, bytes or a mapping is refused, not read letter by letter or key by key.
    """
    if isinstance(value, str | bytes):
        raise ArgumentTypeError(f"{name} must be a list of {what}, not a single string; got {show(value)} "
                                f"(pass a list of {what}, e.g. [{show(value)}])")
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise ArgumentTypeError(f"{name} must be a list of {what}; got {show(value)}")
    return tuple(value)


def names(name: str, value: object, allowed: Iterable[str] | None = None, what: str = "names") -> tuple[str, ...]:
    """Return ``value`` as a tuple of strings, each one of ``allowed`` when given."""
    items = sequence(name, value, what)
    options = None if allowed is None else list(allowed)
    for i, item in enumerate(items):
        if options is None:
            name_text(f"{name}[{i}]", item)
        else:
            choice(f"{name}[{i}]", item, options)
    return items


def number_mapping(name: str, value: object, keys: Iterable[str], *, low: float = -math.inf,
                   high: float = math.inf, unit: str = "") -> dict[str, float]:
    """Return a mapping of names (each one of ``keys``) to numbers in ``[low, high]``.

    A bad number is named by its key, e.g. ``pulls['left']``.
    """
    given = mapping(name, value)
    options = list(keys)
    out = {}
    for key, x in given.items():
        choice(f"{name} key", key, options)
        out[key] = number(f"{name}[{key!r}]", x, low=low, high=high, unit=unit)
    return out


def choice(name: str, value: object, allowed: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``allowed`` (names) or raise listing them."""
    options = list(allowed)
    listed = ", ".join(map(repr, options))
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be one of {listed}; got {show(value)}")
    if value not in options:
        raise ValueError(f"{name} must be one of {listed}; got {value!r}")
    return value


def number_choice(name: str, value: object, allowed: Iterable[float], unit: str = "") -> float:
    """Return ``value`` as a float if it is one of the numbers ``allowed``."""
    options = list(allowed)
    listed = f"{', '.join(map(_fmt, options))}{' ' + unit if unit else ''}"
    try:
        x = number(name, value, unit=unit)
    except ArgumentTypeError:
        raise ArgumentTypeError(f"{name} must be one of {listed}; got {show(value)}") from None
    if x not in options:
        raise ValueError(f"{name} must be one of {listed}; got {show(value)}")
    return x


def _float_array(name: str, value: object, what: str, flat: bool = False) -> np.ndarray:
    """``value`` as a float array, refusing str, bytes, bools and objects (and, when
    ``flat``, a list or tuple holding anything but numbers)."""
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            if not flat and isinstance(item, list | tuple | np.ndarray):
                continue  # a row of a 2-D array: numpy checks it below
            if isinstance(item, bool | np.bool_) or not isinstance(item, Real | np.floating | np.integer):
                raise ArgumentTypeError(f"{name}[{i}] must be a number; got {show(item)}")
            if isinstance(item, int) and abs(item) > 2 ** 1023:
                raise ValueError(f"{name}[{i}] must be a finite number; got {show(item)}")
    if not isinstance(value, str | bytes | bool | np.bool_):
        try:
            arr = np.asarray(value)
        except (TypeError, ValueError):  # ragged lists
            arr = None
        if arr is not None and arr.dtype.kind in "iuf":
            return arr.astype(float)
    if isinstance(value, list | tuple) and any(isinstance(item, Real | np.number) for item in value):
        for i, item in enumerate(value):  # numbers mixed with lists: name the first list
            if not isinstance(item, Real | np.number):
                raise ArgumentTypeError(f"{name}[{i}] must be a number like the others ({name}: {what}); "
                                        f"got {show(item)}")
    raise ArgumentTypeError(f"{name} must be {what}; got {show(value)}")


def _first_bad(arr: np.ndarray, bad: np.ndarray) -> tuple[str, float]:
    """The index text ('' for a scalar, '[i]' or '[i, j]') and value of the first bad entry."""
    index = tuple(int(i) for i in np.argwhere(bad)[0])
    text = "" if not index else "[" + ", ".join(map(str, index)) + "]"
    return text, float(arr[index])


def numbers(name: str, value: object, *, low: float = -math.inf, high: float = math.inf, unit: str = "",
            shape: tuple[int | None, ...] | None = None, what: str = "numbers") -> np.ndarray:
    """Return ``value`` as a float array of finite numbers in ``[low, high]``.

    ``shape`` (None for any length along an axis) fixes the number of axes and
    lengths; a bad entry is named by its index, e.g. ``pulls[2]``.
    """
    arr = _float_array(name, value, what, flat=shape is not None and len(shape) == 1)
    if shape is not None and (arr.ndim != len(shape) or any(
            n is not None and n != m for n, m in zip(shape, arr.shape, strict=True))):
        want = "(" + ", ".join("n" if n is None else str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"
        raise ValueError(f"{name} must be {what} of shape {want}; got shape {arr.shape}")
    bad = ~np.isfinite(arr)
    if bad.any():
        index, x = _first_bad(arr, bad)
        raise ValueError(f"{name}{index} must be a finite number{_unit(unit)}; got {_fmt(x)}")
    if arr.size:
        outside = (arr < low) | (arr > high)
        if outside.any():
            index, x = _first_bad(arr, outside)
            _range(f"{name}{index}", x, low, high, unit)
    return arr


def point(name: str, value: object, bound: float = MAX_LENGTH) -> tuple[float, float]:
    """Return ``value`` as an ``(x, y)`` pair of finite floats (cm), each within ``±bound``."""
    try:
        items = () if isinstance(value, str | bytes | Mapping) else tuple(value)  # type: ignore[arg-type]
    except TypeError:
        items = ()
    if len(items) != 2:
        raise ValueError(f"{name} must be a point (x, y) in cm; got {show(value)}")
    return (number(f"{name}[0]", items[0], low=-bound, high=bound, unit="cm"),
            number(f"{name}[1]", items[1], low=-bound, high=bound, unit="cm"))


def points(name: str, value: object, bound: float = MAX_LENGTH) -> np.ndarray:
    """Return ``value`` as a float array of points, shape ``(..., 2)``, each coordinate within ±``bound`` cm."""
    if isinstance(value, list | tuple) and any(isinstance(p, list | tuple | np.ndarray) for p in value):
        for i, p in enumerate(value):
            point(f"{name}[{i}]", p, bound)
    arr = numbers(name, value, low=-bound, high=bound, unit="cm", what="a point (x, y) or an array of points")
    if arr.ndim == 0 or arr.shape[-1] != 2:
        raise ValueError(f"{name} must be a point (x, y) or an array of points of shape (..., 2) in cm; "
                         f"got shape {arr.shape}")
    return arr


def interval(name: str, value: object, *, low: float = -math.inf, high: float = math.inf, unit: str = "",
             strict: bool = True) -> tuple[float, float]:
    """Return ``value`` as a pair ``(low, high)`` of finite numbers in ``[low, high]``, in order
    (``strict``: low < high; else low <= high)."""
    try:
        items = () if isinstance(value, str | bytes | Mapping) else tuple(value)  # type: ignore[arg-type]
    except TypeError:
        items = ()
    in_unit = f" in {unit}" if unit else ""
    if len(items) != 2:
        raise ValueError(f"{name} must be a pair (low, high){in_unit}; got {show(value)}")
    lo = number(f"{name}[0]", items[0], low=low, high=high, unit=unit)
    hi = number(f"{name}[1]", items[1], low=low if strict else lo, high=high, unit=unit)
    if strict and not lo < hi:
        raise ValueError(f"{name} must be in increasing order (low < high) {unit}; got ({lo:g}, {hi:g})")
    return (lo, hi)


def word_pair(name: str, value: object, what: str = "two words") -> tuple[str, str]:
    """Return ``value`` (a tuple or list of two non-empty strings) as a tuple."""
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise ValueError(f"{name} must be {what}; got {show(value)}")
    for i, word in enumerate(value):
        if not isinstance(word, str) or not word.strip():
            raise ValueError(f"{name}[{i}] must be a non-empty string ({name}: {what}); got {show(word)}")
    return (str(value[0]), str(value[1]))


def same_names(name: str, value: object, expected: tuple[str, ...], what: str) -> tuple[str, ...]:
    """Return ``value`` if it holds exactly the names ``expected``, in order (``what``
    says whose names they are); a difference is named by its index."""
    given = names(name, value, what="names")
    for i, (got, want) in enumerate(zip(given, expected, strict=False)):
        if got != want:
            raise ValueError(f"{name}[{i}] must be {want!r} ({name}: {what}, in order); got {got!r}")
    if len(given) != len(expected):
        raise ValueError(f"{name} must hold {len(expected)} names ({what}, in order); got {len(given)}")
    return given


def angle(name: str, value: object, limits: tuple[float, float] | None = None) -> float:
    """Return ``value`` (one angle, degrees: a number or a 0-d array) as a float, within ``limits`` if given."""
    arr = angles(name, value, limits)
    if arr.ndim:
        raise ValueError(f"{name} must be one angle in degrees; got an array of shape {arr.shape}")
    return float(arr)


def angles(name: str, value: object, limits: tuple[float, float] | None = None) -> np.ndarray:
    """Return ``value`` (a number or a 1-D sequence, degrees) as a float array.

    A scalar gives a 0-d array. Any finite angle is accepted; with ``limits``,
    every angle must lie inside them. A str, a bool or an object is refused.
    """
    arr = _float_array(name, value, "a number or a 1-D array of angles in degrees")
    if arr.ndim > 1:
        raise ValueError(f"{name} must be a number or a 1-D array of angles in degrees; "
                         f"got an array of shape {arr.shape}")
    bad = ~np.isfinite(arr)
    if bad.any():
        index, x = _first_bad(arr, bad)
        raise ValueError(f"{name}{index} must be finite angles in degrees; got {_fmt(x)}")
    if limits is not None and arr.size:
        lo, hi = limits
        worst = float(arr.min()) if arr.min() < lo else float(arr.max())
        if arr.min() < lo or arr.max() > hi:
            raise ValueError(f"{name} must lie within the joint's limits [{_fmt(lo)}, {_fmt(hi)}] "
                             f"degrees; got {_fmt(worst)}")
    return arr


def week_axis(name: str, value: object) -> np.ndarray:
    """Return ``value`` as the integer array 0, 1, ..., w (weeks of a history, w >= 0)."""
    arr = numbers(name, value, shape=(None,), low=0.0, unit="weeks", what="week numbers 0, 1, ..., w")
    if not arr.size or not np.array_equal(arr, np.arange(arr.size)):
        raise ValueError(f"{name} must be the week numbers 0, 1, ..., w; got {show(value)}")
    return np.arange(arr.size)


def flags(name: str, value: object, size: int) -> np.ndarray:
    """Return ``value`` as a bool array of ``size`` entries (True or False each)."""
    arr = np.asarray(value) if isinstance(value, list | tuple | np.ndarray) else None
    if arr is None or arr.dtype != bool or arr.shape != (size,):
        raise ValueError(f"{name} must be {size} bools (True or False), one a week; got {show(value)}")
    return arr


def groups(name: str, value: object, members: Iterable[str] | None = None) -> dict[str, list[str]]:
    """Return ``value`` (a mapping of label -> list of names) as a dict of lists; with
    ``members``, every name must be one of them."""
    given = mapping(name, value, "a mapping of label -> list of names")
    options = None if members is None else list(members)
    return {name_text(f"{name} key", label): list(names(f"{name}[{label!r}]", items, options))
            for label, items in given.items()}
