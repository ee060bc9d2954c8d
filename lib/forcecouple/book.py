"""Small helpers for the chapters' cells: a number to glue, a Markdown table, a label.

They replace code that every chapter wrote again. :func:`glue` is myst-nb's
where myst-nb is installed (a book build): a glued value reaches the prose as
``{glue:text}`name` ``. A learner's notebook needs only ``pip install
forcecouple``, without myst-nb or Sphinx: there nothing is glued.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from . import _validate as check

__all__ = ["glue", "glue_number", "glue_text", "markdown_table"]


def glue(name: str, value: Any, display: bool = True) -> None:
    """myst-nb's ``glue(name, value, display)`` in a book build; without myst-nb, no glue.

    Without myst-nb (a learner's notebook, ``pip install forcecouple``) nothing is
    stored and nothing is printed; only a ``display=True`` value is shown, as
    myst-nb would show it. Returns nothing, so that a glue on a cell's last line
    prints nothing on the page.
    """
    check.name_text("name", name)
    check.boolean("display", display)
    if value is None:
        raise ValueError(f"value of {name!r} must be something to show; got None")
    try:
        from myst_nb import glue as myst_glue
    except ImportError:
        if display:
            from IPython.display import display as show

            show(value)
        return
    myst_glue(name, value, display=display)


def glue_text(name: str, text: str) -> None:
    """Glue ``text`` as ``name`` (not displayed), with :func:`glue`.

    Returns nothing, so that a glue on a cell's last line prints nothing on the page.
    """
    check.name_text("name", name)
    if text is None or (isinstance(text, float) and text != text):
        raise ValueError(f"text of {name!r} must be words or a number; got {text!r}")
    glue(name, str(text), display=False)


def glue_number(name: str, value: float, digits: int = 1, signed: bool = False) -> None:
    """Glue ``value`` as ``name`` with ``digits`` decimals (a leading + when ``signed``).

    ``glue_number("tilt", 20.64)`` glues "20.6". A value that rounds to zero reads
    "0.0", never "-0.0". Returns nothing (see :func:`glue_text`).
    """
    check.name_text("name", name)
    x = check.number("value", value)
    digits = check.integer("digits", digits, low=0, high=12)
    check.boolean("signed", signed)
    text = f"{x:{'+' if signed else ''}.{digits}f}"
    if float(text) == 0.0:
        text = text.lstrip("+-")
    glue_text(name, text)


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[Any]], align: str | None = None) -> Any:
    """A Markdown table (an IPython ``Markdown`` object) with ``header`` and ``rows``.

    Every row must have one cell per header; cells are shown with ``str``.
    ``align`` gives one letter a column: "l" (the default), "c" or "r".
    """
    from IPython.display import Markdown

    header = [str(h) for h in check.sequence("header", header, what="column names")]
    rows = [check.sequence(f"rows[{i}]", row, what="cells") for i, row in enumerate(check.sequence("rows", rows))]
    if not header:
        raise ValueError("header must name at least one column; got none")
    align = "l" * len(header) if align is None else check.name_text("align", align)
    if len(align) != len(header) or set(align) - set("lcr"):
        raise ValueError(f"align must give one of l, c, r per column of header ({len(header)}); got {align!r}")
    rules = {"l": "---", "c": ":-:", "r": "--:"}
    lines = ["| " + " | ".join(header) + " |", "|" + "".join(rules[a] + "|" for a in align)]
    for i, row in enumerate(rows):
        cells = [str(c) for c in row]
        if len(cells) != len(header):
            raise ValueError(f"rows[{i}] must have {len(header)} cells (one per column); got {len(cells)}")
        lines.append("| " + " | ".join(cells) + " |")
    return Markdown("\n".join(lines))
