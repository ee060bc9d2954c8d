"""Offline link check of the built book: every internal link and anchor resolves,
and every picture, script and stylesheet a page loads from the book is there.

External links are listed (run with -s to see them), never fetched. Needs the
built book (make test builds it first); skips with a message otherwise.
"""

from __future__ import annotations

import html.parser
import pathlib
import urllib.parse

import pytest

HTML = pathlib.Path(__file__).resolve().parents[1] / "_build" / "html"


class Page(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.resources: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        source = a.get("src") if tag in ("img", "script") else a.get("href") if tag == "link" else None
        if source and not source.startswith("data:"):
            self.resources.append(source)


def parse(path: pathlib.Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def pages() -> dict[pathlib.Path, Page]:
    if not (HTML / "index.html").exists():
        pytest.skip("the book is not built: run `make html` (make test does it first)")
    return {p.resolve(): parse(p) for p in HTML.rglob("*.html")}


def test_internal_links_and_anchors_resolve(pages):
    broken, external = [], set()
    for path, page in pages.items():
        for href in page.links:
            url = urllib.parse.urlparse(href)
            if url.scheme in ("http", "https", "mailto"):
                external.add(href)
                continue
            target = path if not url.path else (path.parent / urllib.parse.unquote(url.path)).resolve()
            if not target.exists():
                broken.append(f"{path.relative_to(HTML.resolve())}: {href} (no such file)")
            elif url.fragment and target.suffix == ".html" and url.fragment not in pages[target].ids:
                broken.append(f"{path.relative_to(HTML.resolve())}: {href} (no such anchor)")
    print(f"{len(external)} external links (not fetched):", *sorted(external), sep="\n  ")
    assert broken == []
    assert sum(len(p.links) for p in pages.values()) > 100  # the check really looked at links


def test_every_picture_script_and_stylesheet_a_page_loads_is_in_the_book(pages):
    missing, kinds = [], set()
    for path, page in pages.items():
        if path.relative_to(HTML.resolve()).parts[0] == "_static":
            continue  # the theme's templates (webpack-macros.html), not pages
        for source in page.resources:
            url = urllib.parse.urlparse(source)
            if url.scheme or not url.path:
                continue
            target = (path.parent / urllib.parse.unquote(url.path)).resolve()
            kinds.add(target.suffix)
            if not target.is_file():
                missing.append(f"{path.relative_to(HTML.resolve())}: {source}")
    assert missing == []
    assert {".webp", ".js", ".css"} <= kinds  # figures, scripts and stylesheets were all looked at
