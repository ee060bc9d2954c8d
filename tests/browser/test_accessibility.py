"""axe-core audit of every page of the built book: no serious or critical violation.

axe-core 4.14.1 is vendored in tests/browser/vendor/axe-core (MPL-2.0): the
audit needs no network. Pages with widgets are audited after they render.
``preload: false`` stops axe re-fetching the stylesheets (an XHR that file://
pages refuse); it only feeds the css-orientation-lock rule.
"""

from __future__ import annotations

import pathlib

import pytest
from book_pages import toc_pages
from playwright.sync_api import expect

AXE = pathlib.Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("page_name", toc_pages())
def test_no_serious_or_critical_violations(offline, page_name):
    page = offline.open(f"{page_name}.html")
    html = (offline.root / f"{page_name}.html").read_text(encoding="utf-8")
    if "application/vnd.jupyter.widget-view+json" in html:
        expect(page.locator(".fc-explorer").first).to_be_visible(timeout=20_000)
    page.wait_for_load_state("load")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations'], preload: false});
        return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; ')}`);
    }""")
    assert violations == []
