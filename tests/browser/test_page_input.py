"""Bad input in the built book's widgets, offline: clamped and said, never a silent crash.

A script (or a stale saved state) can hand a widget a value its controls would
never give: the hours slider of the adaptation explorer at 25, -3, NaN or 7.5, a
"Predict for" that names no joint, a prediction of 1e400. The widget must use the
nearest allowed value and say so (.fc-clamp), or answer with what is allowed.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from forcecouple import adaptation_explorer

ADAPTATION = "chapters/adaptation.html"
# Past the browser's own range check: the slider reports `raw` as its value for one
# input event (an own `value` property over the prototype's), then is itself again.
SET_RAW = """(el, raw) => {
    const real = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value");
    Object.defineProperty(el, "value", {configurable: true, get: () => raw, set: (v) => real.set.call(el, v)});
    try { el.dispatchEvent(new Event("input", {bubbles: true})); } finally { delete el.value; }
}"""
RANGE = "type a number between -180° and 180°"


def console_problems(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    return problems


def series(page):
    root = page.locator(".fc-series").first
    expect(root).to_be_visible(timeout=20_000)
    return root


@pytest.mark.parametrize(("raw", "used", "said"), [
    ("25", 5, "got 25"),
    ("-3", 0, "got -3"),
    ("NaN", 5, "got NaN (not a number)"),  # not a number: the setting stays where it was (8 h)
    ("7.5", 5, "got 7.5"),
    ("2.4", 2, "got 2.4"),                  # in range but off the grid: the nearest position
])
def test_hours_slider_out_of_range_is_clamped_and_said(offline, raw, used, said):
    problems = console_problems(offline.page)
    page = offline.open(ADAPTATION)
    root = series(page)
    python = adaptation_explorer(habit="long_sitting", hours=8)
    habit, start = python.choice
    assert start == 5
    clamp = root.locator(".fc-clamp")
    expect(clamp).to_be_hidden()
    slider = root.get_by_role("slider", name="hours a day")
    slider.evaluate(SET_RAW, raw)
    label = python.spec["choices"][1]["options"][used]
    expect(clamp).to_be_visible()
    expect(clamp).to_have_text(f"Out of range, clamped: hours a day set to {label} (slider position {used}; "
                               f"allowed: positions 0 to 5 in whole steps, 0 h to 8 h; {said}).")
    expect(slider).to_have_value(str(used))
    expect(root.locator("output")).to_have_text(label)
    assert root.get_attribute("data-run") == f"{habit},{used}"
    python.choice = [habit, used]
    expect(root.locator("[data-role=summary]")).to_have_text(python.summary())
    expect(root.locator("svg.fc-chart")).to_have_count(3)
    # the next ordinary change clears the message
    root.get_by_label("carrying a heavy bag on one shoulder").check()
    expect(clamp).to_be_hidden()
    expect(clamp).to_have_text("")
    assert problems == []
    assert offline.errors == []


PREDICT_PAGES = {
    "adaptation": ("chapters/adaptation.html", ".fc-series"),
    "joint": ("chapters/force_couples.html", ".fc-joint"),
    "programme": ("chapters/four_steps.html", ".fc-plan"),
}


@pytest.mark.parametrize("widget", list(PREDICT_PAGES))
def test_predict_box_names_the_allowed_range(offline, widget):
    path, selector = PREDICT_PAGES[widget]
    problems = console_problems(offline.page)
    page = offline.open(path)
    root = page.locator(selector).first
    expect(root).to_be_visible(timeout=20_000)
    root.get_by_role("button", name="predict first").click()
    guess = root.locator(".fc-predict input[type=number]")
    verdict = root.locator("[data-role=verdict]")
    reveal = root.get_by_role("button", name="reveal")
    for typed, answer in [("1e400", f"That number is too large: {RANGE}."),
                          ("1e308", f"That number is too large: {RANGE}."),
                          ("-1e400", f"That number is too small: {RANGE}."),
                          ("-1e308", f"That number is too small: {RANGE}."),
                          ("180.5", f"That number is too large: {RANGE}."),
                          ("", "Type a number first.")]:
        guess.fill(typed)
        reveal.click()
        expect(verdict).to_have_text(answer)
        text = root.inner_text()
        assert "NaN" not in text and "Infinity" not in text, (typed, text)
        expect(root.locator("svg.fc-chart")).to_have_count(0)  # nothing revealed
    # typed key by key, too: the box itself cannot read "1e400", the widget still can
    guess.fill("")
    guess.press_sequentially("1e400")
    reveal.click()
    expect(verdict).to_have_text(f"That number is too large: {RANGE}.")
    guess.fill("-12.5")
    reveal.click()
    expect(verdict).to_contain_text("You predicted -12.5°; the model says ")
    assert problems == []
    assert offline.errors == []


def test_predict_for_a_joint_that_is_not_there_is_clamped_and_said(offline):
    problems = console_problems(offline.page)
    page = offline.open("chapters/four_steps.html")
    root = page.locator(".fc-plan").first
    expect(root).to_be_visible(timeout=20_000)
    root.get_by_role("button", name="predict first").click()
    target = root.get_by_label("Predict for")
    target.evaluate("(el) => { el.value = 'knee'; el.dispatchEvent(new Event('change', {bubbles: true})); }")
    clamp = root.locator(".fc-clamp")
    expect(clamp).to_have_text("Out of range, clamped: Predict for set to lower-crossed pelvis (allowed: "
                               "lower-crossed pelvis or shrugged shoulder; got no joint).")
    expect(target).to_have_value("pelvis")
    root.get_by_label("Your prediction", exact=False).fill("12")
    root.get_by_role("button", name="reveal").click()
    expect(root.locator("[data-role=verdict]")).to_contain_text("for the lower-crossed pelvis after 12 weeks")
    target.select_option("scapula")
    expect(clamp).to_be_hidden()
    assert problems == []
    assert offline.errors == []
