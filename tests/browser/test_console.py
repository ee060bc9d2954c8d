"""A clean browser console on every page of the built book, offline.

No console message of type error or warning and no page error, on any page, once
its widgets have rendered. (Two used to show: the theme's "Got invalid theme mode"
error on every page, fixed by html_context default_mode in _config.yml, and on widget
pages html-manager's Ajv "strict mode: use allowUnionTypes" warnings, gone with
html-manager: the book's own widget runtime, _book_static/widgets-runtime.js, renders
the widgets now.)
"""

from __future__ import annotations

import pathlib

import pytest
import yaml
from book_pages import ROOT, toc_pages
from playwright.sync_api import expect

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def every_page() -> list[str]:
    """toc_pages() and the sections under its chapters (the instructor pages), in order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())

    def sections(entries: list[dict]) -> list[str]:
        found = []
        for entry in entries:
            found += [s["file"] for s in entry.get("sections", [])] + sections(entry.get("sections", []))
        return found

    nested = sections([c for part in toc["parts"] for c in part["chapters"]])
    return list(dict.fromkeys(toc_pages() + nested))


def widget_views(root: pathlib.Path, name: str) -> int:
    """How many widget views the page embeds (each renders as one .fc-explorer)."""
    return (root / f"{name}.html").read_text(encoding="utf-8").count(WIDGET_VIEW)


@pytest.mark.parametrize("name", every_page())
def test_no_console_errors_or_warnings(offline, name):
    messages: list[str] = []
    offline.page.on("console", lambda m: messages.append(f"console.{m.type}: {m.text} ({m.location.get('url', '')})")
                    if m.type in ("error", "warning") else None)
    page = offline.open(f"{name}.html")
    views = widget_views(offline.root, name)
    if views:
        explorers = page.locator(".fc-explorer")
        expect(explorers).to_have_count(views, timeout=20_000)
        for i in range(views):
            expect(explorers.nth(i)).to_be_visible()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # anything logged just after the widgets drew
    assert page.evaluate("document.documentElement.dataset.mode") in ("auto", "light", "dark")
    assert messages == [], "\n".join(messages)
    assert offline.errors == [], offline.errors


def test_every_page_is_covered():
    """The list above reaches the nested instructor pages as well as the chapters."""
    pages = every_page()
    assert len(pages) > len(toc_pages())
    assert "chapters/instructor/answer_key" in pages
