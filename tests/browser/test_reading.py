"""What a reader meets on every page: answers behind the prediction, no sideways scroll on a phone."""

from __future__ import annotations

import re

import pytest
from book_pages import SET_VALUE, toc_pages
from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("page_name", toc_pages())
def test_no_page_scrolls_sideways_on_a_phone(offline, page_name):
    offline.page.set_viewport_size(PHONE)
    page = offline.open(f"{page_name}.html")
    if page.locator(".fc-explorer").count():
        expect(page.locator(".fc-explorer").first).to_be_visible(timeout=20_000)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page_name} is {width} px wide at {PHONE['width']} px"


CHAPTERS_WITH_ANSWERS = ["force_couples", "adaptation", "anterior_pelvic_tilt", "upper_trapezius", "four_steps",
                         "assessment"]


@pytest.mark.parametrize("chapter", CHAPTERS_WITH_ANSWERS)
def test_what_happened_stays_closed_until_clicked(offline, chapter):
    page = offline.open(f"chapters/{chapter}.html")
    box = page.locator(".admonition.dropdown", has_text="What happened").first
    expect(box).to_be_visible()
    body = box.locator("ol, p").last
    expect(body).to_be_hidden()
    box.locator(".admonition-title").click()
    expect(body).to_be_visible()


def test_leaving_predict_mode_shows_the_answer_again(offline):
    page = offline.open("chapters/upper_trapezius.html")
    root = page.locator(".fc-explorer").first
    expect(root).to_be_visible(timeout=20_000)
    root.get_by_role("button", name="predict first").click()
    expect(root.locator("[data-role=tilt]")).to_contain_text("?")
    root.get_by_role("button", name="leave predict mode").click()
    expect(root.locator("[data-role=tilt]")).not_to_contain_text("?")
    expect(root.get_by_role("button", name="predict first")).to_have_attribute("aria-pressed", "false")


STRAY = re.compile(r'class="output text_plain[^"]*"><div class="highlight"><pre><span></span>'
                   r"((?:'|&#39;)[^<\n]*(?:'|&#39;))\s*</pre>")


@pytest.mark.parametrize("page_name", toc_pages())
def test_no_cell_prints_a_stray_string(built_book, page_name):
    """A glue (or any call) on a cell's last line must not leave its value, e.g. '18.4', on the page."""
    html = (built_book / f"{page_name}.html").read_text(encoding="utf-8")
    assert STRAY.findall(html) == []


def test_the_assessment_page_shows_each_finding_and_ticking_rings_it(offline):
    page = offline.open("chapters/assessment.html")
    drawings = page.locator(".fc-postures svg[role=img]")
    assert drawings.count() >= 8  # the ideal squat from the front and the side, and every compensation
    for k in range(drawings.count()):
        title = drawings.nth(k).locator("title").text_content()
        assert len(title.split()) >= 8 and title.endswith("."), title  # a full sentence, for screen readers
    knees = page.locator("#posture-knees_cave_in")
    expect(knees).not_to_have_class(re.compile("fc-ticked"))
    expect(page.locator(".fc-explorer").first).to_be_visible(timeout=20_000)
    page.locator(".fc-explorer input[value=knees_cave_in]").check()
    expect(knees).to_have_class(re.compile("fc-ticked"))
    knees.locator("figcaption a").click()  # the caption leads to the finding's tick box
    expect(page.locator(".fc-explorer input[value=knees_cave_in]")).to_be_focused()




def test_the_screen_reader_sentence_is_hidden_from_view_and_never_stale(offline):
    page = offline.open("chapters/anterior_pelvic_tilt.html")
    root = page.locator(".fc-explorer").first
    expect(root).to_be_visible(timeout=20_000)
    live = root.locator("[data-role=live]")
    box = live.bounding_box()
    assert box is None or (box["width"] <= 1 and box["height"] <= 1)
    root.locator(".fc-controls input[type=range]").first.evaluate(SET_VALUE, 15)
    # read at once, before any pause: the same sentence as the readout now shows
    assert live.text_content() == root.get_attribute("data-description")
    assert live.get_attribute("aria-busy") == "true"
    expect(live).to_have_attribute("aria-busy", "false")


SMALLEST_CHART_TEXT = """() => Math.min(...Array.from(document.querySelectorAll('svg.fc-chart')).flatMap((svg) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Array.from(svg.querySelectorAll('text'), (t) => Number(t.getAttribute('font-size')) * scale);
}))"""


@pytest.mark.parametrize("chapter", ["adaptation", "assessment"])
def test_chart_text_is_at_least_11_px_on_a_desktop(offline, chapter):
    offline.page.set_viewport_size({"width": 1280, "height": 900})
    page = offline.open(f"chapters/{chapter}.html")
    expect(page.locator("svg.fc-chart").first).to_be_visible(timeout=20_000)
    assert page.evaluate(SMALLEST_CHART_TEXT) >= 11
