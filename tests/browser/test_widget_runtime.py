"""The book's widget runtime (_book_static/widgets-runtime.js) in Chromium, offline.

Widget pages load the runtime and nothing of the old stack (require.js,
html-manager, anywidget's bundle); pages without widgets load no widget code; with
JavaScript off every widget's place shows its static picture with alt text; and the
heaviest widget page's first visit stays within its byte budget (sizes are
deterministic, so they are asserted here; times are only in `make bench`).
"""

from __future__ import annotations

import gzip
import json
import pathlib
import re
import urllib.parse

import pytest
from book_pages import ROOT
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect
from test_console import every_page

HTML = ROOT / "_build" / "html"
VIEW = "application/vnd.jupyter.widget-view+json"
OLD_STACK = ("require.js", "html-manager", "embed-amd", "widgets-vendor", "anywidget", "widgets-require-config")


def settle(page) -> None:
    """Let late requests (fonts, lazy pictures) start. Not "networkidle" alone: on a busy
    machine a page's blob: and font requests can keep it from ever counting as idle."""
    try:
        page.wait_for_load_state("networkidle", timeout=5_000)
    except PlaywrightTimeout:
        pass
    page.wait_for_timeout(500)


def widget_pages() -> list[str]:
    """Pages whose built HTML places at least one widget (empty before a build)."""
    return [name for name in every_page()
            if (HTML / f"{name}.html").is_file() and VIEW in (HTML / f"{name}.html").read_text("utf-8")]


def places(name: str) -> int:
    return (HTML / f"{name}.html").read_text("utf-8").count(VIEW)


def local_requests(page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda r: urls.append(urllib.parse.unquote(r.url.split("?")[0])))
    return urls


@pytest.mark.parametrize("name", widget_pages())
def test_a_widget_page_loads_the_runtime_and_no_old_stack(offline, name):
    urls = local_requests(offline.page)
    page = offline.open(f"{name}.html")
    rendered = page.locator("[data-widget-view][data-widget-rendered=true]")
    expect(rendered).to_have_count(places(name), timeout=20_000)
    settle(page)
    names = [pathlib.PurePosixPath(u).name for u in urls]
    assert "widgets-runtime.js" in names
    assert [u for u in urls if any(old in u for old in OLD_STACK)] == []
    # the live widget replaced the picture
    expect(page.locator("[data-widget-view] .widget-twin")).to_have_count(0)


def test_a_page_without_widgets_loads_no_widget_code(offline):
    urls = local_requests(offline.page)
    page = offline.open("chapters/welcome.html")
    settle(page)
    assert VIEW not in (HTML / "chapters/welcome.html").read_text("utf-8")
    assert [u for u in urls if "widget" in u or any(old in u for old in OLD_STACK)] == []


@pytest.mark.parametrize("name", widget_pages())
def test_without_javascript_every_widget_shows_its_picture(browser, built_book, name):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    page.goto((built_book / f"{name}.html").as_uri(), wait_until="load")
    spots = page.locator("[data-widget-view]")
    expect(spots).to_have_count(places(name))
    for i in range(spots.count()):
        img = spots.nth(i).locator("img.widget-twin")
        expect(img).to_have_count(1)
        img.scroll_into_view_if_needed()
        expect(img).to_be_visible()
        assert (img.get_attribute("alt") or "").strip(), f"{name}: widget {i} has no alt text"
        assert img.evaluate("(im) => im.complete && im.naturalWidth > 0"), f"{name}: widget {i}'s picture did not load"
    context.close()


def test_the_heaviest_widget_pages_first_visit_is_within_budget(browser, built_book):
    """≤ 400 KB gzip and ≤ 1.5 MB raw (decimal: 400,000 and 1,500,000 bytes) for every file a
    first visit loads, on the widget page that weighs most."""
    worst = (0, 0, "")
    for name in widget_pages():
        context = browser.new_context()
        page = context.new_page()
        urls = local_requests(page)
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        page.goto((built_book / f"{name}.html").as_uri(), wait_until="load")
        expect(page.locator("[data-widget-rendered=true]")).to_have_count(places(name), timeout=20_000)
        settle(page)
        raw = gz = 0
        for url in set(urls):
            path = pathlib.Path(urllib.parse.urlparse(url).path)
            data = path.read_bytes() if path.is_file() else b""
            raw += len(data)
            gz += len(gzip.compress(data, compresslevel=6))
        worst = max(worst, (gz, raw, name))
        context.close()
    gz, raw, name = worst
    print(f"heaviest widget page, first visit: {name}, {gz / 1000:.0f} kB gzip, {raw / 1000:.0f} kB raw")
    assert gz <= 400_000, f"{name}: {gz / 1000:.0f} kB gzip on a first visit"
    assert raw <= 1_500_000, f"{name}: {raw / 1000:.0f} kB raw on a first visit"


@pytest.mark.parametrize("name", widget_pages())
def test_widget_modules_and_styles_are_cached_files_not_page_text(built_book, name):
    """Each anywidget's ES module and stylesheet left the saved state for _static/widgets/,
    which the page loads (module scripts before the runtime)."""
    html = (built_book / f"{name}.html").read_text("utf-8")
    state = json.loads(re.search(r'widget-state\+json">(.*?)</script>', html, re.S)[1])
    anywidgets = [e["state"] for e in state["state"].values() if e["model_module"] == "anywidget"]
    assert anywidgets
    for values in anywidgets:
        for key in ("_esm", "_css"):
            assert values[key].startswith("fc-static:"), f"{name}: {key} is still in the page"
            for file in values[key].removeprefix("fc-static:").split("+"):
                assert (built_book / "_static" / "widgets" / file).is_file()
                assert f"_static/widgets/{file}" in html
                if key == "_esm":
                    assert html.index(f"_static/widgets/{file}") < html.index("_static/widgets-runtime.js")
