"""The theme's Font Awesome "solid" font cut down to the icons the book shows (page weight).

pydata-sphinx-theme's stylesheet loads ``fa-solid-900.woff2`` (156 KB, ~1,400 icons)
on every page's first visit, for the two dozen icons of the navigation bar, buttons
and admonitions. After an HTML build this writes ``fa-solid-900-subset.woff`` with
only the glyphs the book can ask for, and points the stylesheet's solid @font-face at
it. Kept: every Font Awesome class named in a built page or in a theme script
(``fa-sun``, ``fa-magnifying-glass``, ...), and every icon character written straight
into a stylesheet (the theme's ``--pst-icon-*`` admonition and link icons). WOFF
(zlib), not WOFF2: fontTools writes WOFF2 only with brotli, which the book does not need.
"""

from __future__ import annotations

import pathlib
import re

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)
WEBFONTS = "vendor/fontawesome/webfonts"
FONT_FACE = re.compile(r'url\(\.\./vendor/fontawesome/webfonts/fa-solid-900\.woff2\) format\("woff2"\),'
                       r'url\(\.\./vendor/fontawesome/webfonts/fa-solid-900\.ttf\) format\("truetype"\)')
SUBSET_FACE = 'url(../vendor/fontawesome/webfonts/fa-solid-900-subset.woff) format("woff")'
CLASS_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:(?:before|after),?)+)\{content:"\\([0-9a-f]+)"\}')
CLASS_NAME = re.compile(r"\bfa-[a-z0-9-]+")
ESCAPE = re.compile(r'"\\([ef][0-9a-f]{3})"')
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def icon_table(css: str) -> dict[str, int]:
    """Font Awesome class name -> code point, from the stylesheet's ``.fa-x:before{content:...}`` rules."""
    table = {}
    for selectors, code in CLASS_RULE.findall(css):
        for name in re.findall(r"\.(fa-[a-z0-9-]+):", selectors):
            table[name] = int(code, 16)
    return table


def wanted(static: pathlib.Path, pages: list[pathlib.Path]) -> set[int]:
    """Code points the book can show: classes named in pages and theme scripts, icons in stylesheets."""
    table: dict[str, int] = {}
    points: set[int] = set()
    for css_file in static.rglob("*.css"):
        css = css_file.read_text("utf-8", errors="replace")
        table.update(icon_table(css))
        rest = CLASS_RULE.sub("", css)
        points |= {int(c, 16) for c in ESCAPE.findall(rest)} | {ord(c) for c in PRIVATE_USE.findall(rest)}
    scripts = [p for p in static.rglob("*.js") if "fontawesome" not in p.parts]
    for path in [*pages, *scripts]:
        text = path.read_text("utf-8", errors="replace")
        points |= {table[name] for name in CLASS_NAME.findall(text) if name in table}
        points |= {ord(c) for c in PRIVATE_USE.findall(text)}
    return points


def subset_icons(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from fontTools import subset

    out = pathlib.Path(app.outdir)
    static = out / "_static"
    css_path = static / "styles" / "pydata-sphinx-theme.css"
    font = static / WEBFONTS / "fa-solid-900.ttf"
    if not css_path.is_file() or not font.is_file():
        return
    css = css_path.read_text("utf-8")
    # A build into an existing _build/html finds the stylesheet already pointed at the
    # subset (Sphinx copies an unchanged static file once): cut the font again, keep the CSS.
    pointed = SUBSET_FACE in css
    if not pointed and not FONT_FACE.search(css):
        logger.warning("icon_subset: the theme's solid icon @font-face has changed; icons left as they are")
        return
    points = wanted(static, list(out.rglob("*.html")))
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]
    loaded = subset.load_font(str(font), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=points)
    subsetter.subset(loaded)
    subset.save_font(loaded, str(static / WEBFONTS / "fa-solid-900-subset.woff"), options)
    if not pointed:
        css_path.write_text(FONT_FACE.sub(SUBSET_FACE, css), "utf-8")


def setup(app: Sphinx) -> dict:
    app.connect("build-finished", subset_icons)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
