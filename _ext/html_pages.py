"""The one loop over the written HTML pages that several build-finished fixes share."""

from __future__ import annotations

import pathlib
from collections.abc import Callable


def rewrite_pages(outdir: str | pathlib.Path, change: Callable[[str, pathlib.Path], str]) -> None:
    """Apply ``change(html, path relative to outdir)`` to every ``.html`` file under
    ``outdir``; write back only the pages it changed."""
    outdir = pathlib.Path(outdir)
    for path in outdir.rglob("*.html"):
        text = path.read_text("utf-8")
        new = change(text, path.relative_to(outdir))
        if new != text:
            path.write_text(new, "utf-8")
