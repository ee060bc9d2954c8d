"""Shrink the book's PNG figures: 256-colour palette PNGs, about a quarter the bytes.

Matplotlib's line art needs far fewer than 256 colours, and PNG pixels barely
compress again over the network, so this is where a chapter's page weight goes.
After an HTML build, every PNG in ``_images/`` is re-encoded as a palette PNG
(alpha kept) when that is smaller. Pages without figures are unaffected.
"""

from __future__ import annotations

import io
import pathlib

from PIL import Image
from sphinx.application import Sphinx


def shrink(path: pathlib.Path) -> None:
    with Image.open(path) as im:
        if im.mode == "P":
            return
        palette = im.convert("RGBA").quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    palette.save(buffer, format="PNG", optimize=True)
    if buffer.tell() < path.stat().st_size:
        path.write_bytes(buffer.getvalue())


def shrink_all(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for path in (pathlib.Path(app.outdir) / "_images").glob("*.png"):
        shrink(path)


def setup(app: Sphinx) -> dict:
    app.connect("build-finished", shrink_all)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
