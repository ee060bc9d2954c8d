"""Browser tests: the built book in Debian's Chromium, offline, over file://.

Playwright's own browser download is not reachable here, so the tests drive the
system Chromium (``apt-get install -y chromium``). Without it they skip with a
message, unless FORCECOUPLE_REQUIRE_BROWSER=1 (set by .ci/run), where a skip
would hide a broken set-up, so they fail instead.
"""

from __future__ import annotations

import os
import pathlib
import shutil

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _missing(what: str) -> None:
    if os.environ.get("FORCECOUPLE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} (FORCECOUPLE_REQUIRE_BROWSER=1 turns this skip into a failure)")
    pytest.skip(what)


def chromium_path() -> str | None:
    return os.environ.get("FORCECOUPLE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = chromium_path()
    if path is None:
        _missing("Chromium not found: install it (Debian: apt-get install -y chromium) "
                 "or set FORCECOUPLE_CHROMIUM to its path")
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def built_book() -> pathlib.Path:
    if not (HTML / "index.html").exists():
        _missing("the book is not built: run `make html` (make test does it first)")
    return HTML


class Offline:
    """A page that may load only file:// URLs; it records what it was denied."""

    def __init__(self, page, root: pathlib.Path) -> None:
        self.page, self.root = page, root
        self.aborted: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        page.route("**/*", self._route)
        page.on("requestfailed", lambda r: self.failed.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.aborted.append(route.request.url)
            route.abort()

    def open(self, path: str):
        self.page.goto((self.root / path).as_uri(), wait_until="load")
        return self.page


@pytest.fixture
def offline(page, built_book):
    """Open pages of the built book offline; afterwards nothing may have been denied."""
    session = Offline(page, built_book)
    yield session
    assert session.aborted == [], f"requests to the network: {session.aborted}"
    assert session.errors == [], f"page errors: {session.errors}"
    assert session.failed == [], f"failed file requests: {session.failed}"
