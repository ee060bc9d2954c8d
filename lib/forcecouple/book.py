"""Small helpers for the chapters' cells: a number to glue, a Markdown table, a label.

They replace code that every chapter wrote again. ``glue`` is myst-nb's: a
glued value reaches the prose as ``{glue:text}`name` ``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["glue_number", "glue_text", "markdown_table"]


def glue_text(name: str, text: str) -> None:
    """Glue ``text`` as ``name`` (not displayed).

    Returns nothing, so that a glue on a cell's last line prints nothing on the page.
    """
    from myst_nb import glue

    if not isinstance(name, str) or not name:
        raise ValueError(f"name must be a non-empty string; got {name!r}")
    glue(name, str(text), display=False)


def glue_number(name: str, value: float, digits: int = 1, signed: bool = False) -> None:
    """Glue ``value`` as ``name`` with ``digits`` decimals (a leading + when ``signed``).

    ``glue_number("tilt", 20.64)`` glues "20.6". A value that rounds to zero reads
    "0.0", never "-0.0". Returns nothing (see :func:`glue_text`).
    """
    if isinstance(value, bool) or (not isinstance(value, int | float) and not hasattr(value, "__float__")):
        raise TypeError(f"value of {name!r} must be a number; got {value!r}")
    if not isinstance(digits, int) or digits < 0:
        raise ValueError(f"digits must be a whole number >= 0; got {digits!r}")
    text = f"{float(value):{'+' if signed else ''}.{digits}f}"
    if float(text) == 0.0:
        text = text.lstrip("+-")
    glue_text(name, text)


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[Any]], align: str | None = None) -> Any:
    """A Markdown table (an IPython ``Markdown`` object) with ``header`` and ``rows``.

    Every row must have one cell per header; cells are shown with ``str``.
    ``align`` gives one letter a column: "l" (the default), "c" or "r".
    """
    from IPython.display import Markdown

    header = [str(h) for h in header]
    if not header:
        raise ValueError("header must name at least one column; got none")
    align = align or "l" * len(header)
    if len(align) != len(header) or set(align) - set("lcr"):
        raise ValueError(f"align must give one of l, c, r per column ({len(header)}); got {align!r}")
    rules = {"l": "---", "c": ":-:", "r": "--:"}
    lines = ["| " + " | ".join(header) + " |", "|" + "".join(rules[a] + "|" for a in align)]
    for i, row in enumerate(rows):
        cells = [str(c) for c in row]
        if len(cells) != len(header):
            raise ValueError(f"rows[{i}] must have {len(header)} cells (one per column); got {len(cells)}")
        lines.append("| " + " | ".join(cells) + " |")
    return Markdown("\n".join(lines))
