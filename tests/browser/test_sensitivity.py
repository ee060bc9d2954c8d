"""'Which pull matters most here?': the sensitivity bars of the pelvis and shoulder explorers, offline."""

from __future__ import annotations

import random

import pytest
from book_pages import SET_VALUE, move_to_random_values
from playwright.sync_api import expect

from forcecouple import pelvis_explorer, scapula_explorer
from forcecouple.course.fix import sensitivity

PAGES = {
    "pelvis": ("chapters/anterior_pelvic_tilt.html", pelvis_explorer),
    "shoulder": ("chapters/upper_trapezius.html", scapula_explorer),
}


def explorer(page):
    root = page.locator(".fc-explorer").filter(has=page.locator("[data-role=sensitivity]")).first
    expect(root).to_be_visible(timeout=20_000)
    return root


def shown(root) -> list[tuple[str, float, str]]:
    """(muscle, change in degrees, visible text) of each row, top to bottom."""
    rows = root.locator("[data-role=sensitivity-row]")
    return [(rows.nth(k).get_attribute("data-muscle"), float(rows.nth(k).get_attribute("data-change")),
             rows.nth(k).inner_text()) for k in range(rows.count())]


@pytest.mark.parametrize("name", list(PAGES))
def test_sensitivity_bars_match_python_on_random_settings(offline, name):
    path, make = PAGES[name]
    root = explorer(offline.open(path))
    python = make()
    controls = python.spec["controls"]
    sliders = root.locator(".fc-controls input[type=range]")
    rng = random.Random(f"sensitivity-{name}")
    worst = 0.0
    for trial in range(12):
        if trial:  # the first trial: the explorer as it opens
            python.values = move_to_random_values(sliders, controls, rng)
        reference = sensitivity(python.joint())
        rows = shown(root)
        assert sorted(n for n, _, _ in rows) == sorted(python.joint().names)
        sizes = [abs(c) for _, c, _ in rows]
        assert sizes == sorted(sizes, reverse=True), rows  # largest first
        for muscle, change, text in rows:
            up = reference.changes[muscle][0]
            worst = max(worst, abs(change - up))
            assert change == pytest.approx(up, abs=0.2), (muscle, python.values)
            if round(abs(change), 1) >= 0.1:
                word = python.spec["directions"][0 if change > 0 else 1]
                assert f"{'+' if change > 0 else '−'}{abs(change):.1f}° {word}" in text
            at_limit = root.locator(f"[data-muscle={muscle}]").get_attribute("data-at-limit") == "true"
            assert ("limit" in text) == at_limit
            assert not at_limit or muscle in reference.notes
    print(f"{name}: sensitivity page vs Python within {worst:.3f} deg")


def test_sensitivity_bars_follow_the_slider(offline):
    root = explorer(offline.open(PAGES["pelvis"][0]))
    before = shown(root)
    slider = root.locator(".fc-controls input[type=range]").nth(1)  # low back
    slider.evaluate(SET_VALUE, 15)
    assert shown(root) != before


def test_the_floating_bone_has_no_sensitivity_bars(offline):
    page = offline.open("chapters/force_couples.html")
    expect(page.locator(".fc-explorer").first).to_be_visible(timeout=20_000)
    assert page.locator(".fc-explorer").first.locator("[data-role=sensitivity]").count() == 0


@pytest.mark.parametrize("width", [1280, 390])
def test_sensitivity_bars_fit_and_read_as_text(offline, width):
    offline.page.set_viewport_size({"width": width, "height": 900})
    root = explorer(offline.open(PAGES["pelvis"][0]))
    box = root.locator("[data-role=sensitivity]")
    assert offline.page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    outer = root.bounding_box()
    inner = box.bounding_box()
    assert inner["x"] >= outer["x"] and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 0.5
    # a list with a heading: screen readers read the names and the numbers
    heading = box.get_attribute("aria-labelledby")
    assert root.locator(f"#{heading}").inner_text() == "Which pull matters most here?"
    assert box.locator("ol > li").count() == 7
    assert box.locator("[data-role=sensitivity-bar]").first.evaluate(
        "e => e.parentElement.getAttribute('aria-hidden')") == "true"
