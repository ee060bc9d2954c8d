"""What every book widget shares: ES module loading, packed float arrays, the array
table and the static twin.

A widget declares its ES module file and its traits, as anywidget's own
template does::

    class SeriesExplorer(BookWidget):
        _esm = STATIC / "series.js"
        choice = traitlets.List(traitlets.Int()).tag(sync=True)

and :class:`BookWidget` does the rest: it puts the shared ``common.js`` in
front of the module (anywidget loads a module as one string, so it cannot
import its siblings), gives every widget the book's CSS and a ``spec`` trait
(the precomputed data the page draws from), and adds the static twin, a PNG of
:meth:`BookWidget.figure`, to the display bundle: the HTML book renders the
widget, the PDF and front ends without widget support show the picture.
"""

from __future__ import annotations

import base64
import io
import math
import pathlib
from collections.abc import Iterable
from typing import Any

import anywidget
import numpy as np
import traitlets

STATIC = pathlib.Path(__file__).parent / "static"


def joined(*paths: pathlib.Path) -> str:
    """The texts of ``paths`` (.js or .css files in ``static/``) as one, each behind a
    marker line (``// @fc-part <name>`` or ``/* @fc-part <name> */``): the HTML book's
    build (``_ext/widget_assets.py``) serves each part as its own cached file."""
    texts = []
    for path in map(pathlib.Path, paths):
        marker = f"/* @fc-part {path.name} */" if path.suffix == ".css" else f"// @fc-part {path.name}"
        texts.append(f"{marker}\n{path.read_text('utf-8')}")
    return "\n".join(texts)


def es_module(path: pathlib.Path) -> str:
    """The widget module at ``path`` with the shared ``common.js`` in front."""
    return joined(STATIC / "common.js", path)


#: Fixed-point resolution of :func:`pack_floats`: a step of (largest |value|) x 2^-20,
#: so no value moves by more than 2^-21 (under half a millionth) of the largest: far
#: below anything the page shows (a tenth of a degree, a tenth of a N·m).
PACK_BITS = 20


def pack_floats(values: Iterable[float] | np.ndarray) -> str:
    """1-D finite values (any unit) as compact text that ``decode`` in common.js reads.

    Each value becomes an integer multiple of ``step`` = (largest |value|) x
    2^-:data:`PACK_BITS` (a power of two times that largest value: no value moves by
    more than ``step / 2``); the text is ``"<step>:<n0>,<n1>,..."`` with the integers' second
    differences (the first two carry the start). A smooth curve gives small, repeating
    integers, which gzip packs five to seven times tighter than base64 float32 bytes.
    :func:`unpack_floats` reads it back exactly as the page does.
    """
    if isinstance(values, (str, bytes)):
        raise TypeError(f"values must be numbers (a list or array), got {type(values).__name__} {values!r:.40}")
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError) as error:
        raise TypeError(f"values must be numbers (a list or array), got {values!r:.60}") from error
    if array.ndim != 1:
        raise ValueError(f"values must be one-dimensional, got an array of shape {array.shape}")
    if not np.all(np.isfinite(array)):
        bad = array[~np.isfinite(array)][0]
        raise ValueError(f"values must be finite numbers, got {bad} at index {int(np.argmax(~np.isfinite(array)))}")
    largest = float(np.max(np.abs(array))) if array.size else 0.0
    step = math.ldexp(largest, -PACK_BITS) if largest > 0 else 1.0
    whole = np.rint(array / step).astype(np.int64)
    second = np.diff(np.diff(whole, prepend=0), prepend=0)
    return f"{step!r}:" + ",".join(map(str, second.tolist()))


def unpack_floats(text: str) -> np.ndarray:
    """The values :func:`pack_floats` packed into ``text``, as the page decodes them."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str from pack_floats, got {type(text).__name__}")
    head, sep, body = text.partition(":")
    try:
        step = float(head)
        second = np.array([int(n) for n in body.split(",")] if body else [], dtype=np.int64)
    except ValueError as error:
        raise ValueError(f"text must be pack_floats' '<step>:<n0>,<n1>,...', got {text[:40]!r}") from error
    if not sep or not math.isfinite(step):
        raise ValueError(f"text must be pack_floats' '<step>:<n0>,<n1>,...', got {text[:40]!r}")
    return np.cumsum(np.cumsum(second)) * step


class ArrayTable:
    """Packed arrays, each sent once: identical curves share one entry (``items``)."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def add(self, values: Iterable[float] | np.ndarray, zero_as_null: bool = False) -> int | None:
        """The index of ``values`` in ``items`` (added if new); None for an all-zero
        array when ``zero_as_null`` (the page reads None as zeros)."""
        if zero_as_null and not np.any(values):
            return None
        text = pack_floats(values)
        if text not in self._index:
            self._index[text] = len(self.items)
            self.items.append(text)
        return self._index[text]


class BookWidget(anywidget.AnyWidget):
    """Base of the book's widgets: subclasses set ``_esm`` to a file in ``static/``."""

    _css = STATIC / "explorer.css"
    spec = traitlets.Dict().tag(sync=True)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        esm = cls.__dict__.get("_esm")
        if isinstance(esm, pathlib.Path):
            cls._esm = es_module(esm)
        super().__init_subclass__(**kwargs)

    def figure(self) -> Any:
        """The static twin (a matplotlib figure), or None for no picture."""
        return None

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = super()._repr_mimebundle_(**kwargs)
        data, meta = bundle if isinstance(bundle, tuple) else (bundle, {})
        fig = self.figure() if data is not None else None
        if fig is None:
            return bundle
        import matplotlib.pyplot as plt
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=90)
        plt.close(fig)
        data = {**data, "image/png": base64.b64encode(buffer.getvalue()).decode("ascii")}
        return (data, meta) if isinstance(bundle, tuple) else data


#: The earlier name of :class:`BookWidget`'s static-twin behaviour.
StaticTwin = BookWidget
