"""Search result snippets when the book is opened from file://.

Sphinx 7.4's ``searchtools.js`` cuts each result's snippet out of the result's
page, which it ``fetch()``es (``_displayItem``; ``html_sourcelink_suffix`` plays no
part since Sphinx 7.2). Browsers refuse ``fetch()`` of file:// URLs (Chromium: a
CORS error and "TypeError: Failed to fetch"), so from a folder on disk the results
came without snippets and with one console error each.

This extension writes ``_static/search-pages.js`` at the end of each HTML build:
for every page of the search index, the text of its main content (what
``Search.htmlToText`` reads: ``[role="main"]`` without ``.headerlink``, scripts and
styles), with every element that has an ``id`` kept as a ``<div id>`` around its
text, so a snippet for a section (``[role="main"] #anchor``) reads the same text
as on the page. The text is read from the written HTML files, so a partial
(incremental) build still lists every page.

``_book_static/offline-search.js`` is added to the search page only; over
file:// it loads ``search-pages.js`` (about 0.4 MB, never loaded over http) and
answers searchtools' ``fetch()`` of a book page from it. Over http nothing changes.
"""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: Written into the HTML output's _static folder (never a source folder).
DATA_FILE = "search-pages.js"
SCRIPT = "offline-search.js"

#: Elements without an end tag (HTML's void elements).
_VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
#: Elements whose text searchtools drops (``.headerlink`` too, by class), and
#: <template>, whose content is not part of textContent.
_DROPPED = frozenset(("script", "style", "template"))


class _Skeleton(HTMLParser):
    """Collects ``[role="main"]``'s text, with its ``id`` elements as ``<div id>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.found = False
        # One entry per open element: (tag, "main" / "id" / "drop" / "").
        self._open: list[tuple[str, str]] = []
        self._in_main = 0   # open elements from the main one inward (0: outside it)
        self._dropping = 0  # open dropped elements
        self._strip_newline = False  # the newline right after <pre> is not text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        values = dict(attrs)
        role = ""
        if not self._in_main:
            if values.get("role") == "main" and not self.found:
                self.found, role = True, "main"
        elif tag in _DROPPED or "headerlink" in (values.get("class") or "").split():
            role = "drop"
            self._dropping += 1
        elif values.get("id") and not self._dropping:
            role = "id"
            self.parts.append(f'<div id="{html.escape(values["id"] or "")}">')
        if self._in_main or role == "main":
            self._in_main += 1
        self._open.append((tag, role))
        self._strip_newline = tag in ("pre", "textarea", "listing")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # <x/>: no content (SVG shapes and void elements)

    def handle_endtag(self, tag: str) -> None:
        if all(open_tag != tag for open_tag, _ in self._open):
            return  # a stray end tag
        while self._open:
            open_tag, role = self._open.pop()
            if self._in_main:
                self._in_main -= 1
            if role == "drop":
                self._dropping -= 1
            elif role == "id":
                self.parts.append("</div>")
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._strip_newline and data.startswith("\n"):
            data = data[1:]
        self._strip_newline = False
        if self._in_main and not self._dropping:
            self.parts.append(html.escape(data, quote=False))


def page_skeleton(page_html: str) -> str | None:
    """The main content of a page as text, with its ``id`` elements kept as divs.

    ``None`` when the page has no ``[role="main"]`` element. Whitespace is kept as
    it is: searchtools cuts the snippet at character offsets of this text, so the
    same text gives the same snippet as over http.
    """
    parser = _Skeleton()
    parser.feed(page_html)
    parser.close()
    return "".join(parser.parts) if parser.found else None


def _docnames(outdir: Path) -> list[str]:
    """The pages of the search index (``searchindex.js``'s ``docnames``)."""
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1:text.rindex(")")])
    return list(index["docnames"])


def write_search_pages(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: write ``_static/search-pages.js`` (HTML builder only)."""
    if exception is not None or app.builder.name != "html":
        return
    outdir = Path(app.outdir)
    if not (outdir / "searchindex.js").exists():
        return
    pages: dict[str, str] = {}
    for docname in _docnames(outdir):
        path = outdir / f"{docname}{app.builder.out_suffix}"
        if not path.is_file():
            continue
        skeleton = page_skeleton(path.read_text(encoding="utf-8"))
        if skeleton is not None:
            pages[docname] = skeleton
    data = json.dumps(pages, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    target = outdir / "_static" / DATA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        "// Written by _ext/offline_search.py: the text of each page, for search snippets over file://.\n"
        f"window.FC_SEARCH_PAGES = {data};\n", encoding="utf-8")
    logger.info("offline_search: %d pages written to _static/%s", len(pages), DATA_FILE)


def add_script(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """html-page-context: the search page, and no other, gets ``offline-search.js``."""
    if pagename == "search":
        app.add_js_file(SCRIPT)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("html-page-context", add_script)
    app.connect("build-finished", write_search_pages)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
