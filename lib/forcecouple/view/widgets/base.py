"""What every book widget shares: ES module loading, float32 packing, the array
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
import pathlib
from collections.abc import Iterable
from typing import Any

import anywidget
import numpy as np
import traitlets

STATIC = pathlib.Path(__file__).parent / "static"


def es_module(path: pathlib.Path) -> str:
    """The widget module at ``path`` with the shared ``common.js`` in front."""
    return (STATIC / "common.js").read_text("utf-8") + "\n" + pathlib.Path(path).read_text("utf-8")


def pack_floats(values: Iterable[float] | np.ndarray) -> str:
    """Little-endian float32 values as base64 text (4 bytes a value); ``decode`` in common.js reads it."""
    return base64.b64encode(np.asarray(values, dtype="<f4").tobytes()).decode("ascii")


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
