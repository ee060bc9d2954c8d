"""The programme builder in the built static book, offline: predict first."""

import pytest
from playwright.sync_api import expect

from forcecouple import simulate_programme

PAGES = ["chapters/four_steps.html", "chapters/assessment.html"]


def builder(page):
    root = page.locator(".fc-plan").first
    expect(root).to_be_visible(timeout=20_000)
    return root


@pytest.mark.parametrize("path", PAGES)
def test_predict_first_hides_the_weeks_until_reveal(offline, path):
    page = offline.open(path)
    root = builder(page)
    summary, verdict = root.locator("[data-role=summary]"), root.locator("[data-role=verdict]")
    pelvis = simulate_programme(["low_back_arches"], "pelvis", weeks=12, days=3)
    root.get_by_role("button", name="predict first").click()
    expect(root.get_by_role("button", name="predict first")).to_have_attribute("aria-pressed", "true")
    expect(root.locator("svg.fc-chart")).to_have_count(0)
    expect(summary).to_contain_text("hidden until you reveal")
    expect(summary).to_contain_text(f"starts at {pelvis.tilt[0]:.1f}°")  # the starting point stays given
    expect(root.locator("table")).to_contain_text("Activate")  # the plan itself is not the answer
    assert f"{pelvis.tilt[-1]:.1f}" not in root.inner_text()
    root.get_by_label("Your prediction (the lower-crossed pelvis after 12 weeks, degrees of anterior tilt)").fill("12")
    root.get_by_role("button", name="reveal").click()
    expect(verdict).to_have_text(f"You predicted 12.0°; the model says {pelvis.tilt[-1]:.1f}° for the "
                                 f"lower-crossed pelvis after 12 weeks: off by {abs(12 - pelvis.tilt[-1]):.1f}°.")
    expect(root.locator("svg.fc-chart")).to_have_count(2)
    expect(summary).to_contain_text(f"from {pelvis.tilt[0]:.1f} to {pelvis.tilt[-1]:.1f} degrees")


def test_a_new_finding_hides_it_again_and_the_shoulder_can_be_predicted_by_keyboard(offline):
    page = offline.open(PAGES[0])
    root = builder(page)
    verdict = root.locator("[data-role=verdict]")
    root.get_by_role("button", name="predict first").click()
    root.get_by_label("Your prediction", exact=False).fill("15")
    root.get_by_role("button", name="reveal").click()
    expect(root.locator("svg.fc-chart")).to_have_count(2)
    root.get_by_label("shoulders elevate", exact=False).check()  # the chapter's second guess
    expect(root.locator("svg.fc-chart")).to_have_count(0)
    expect(verdict).to_have_text("")
    target = root.get_by_label("Predict for")
    target.focus()
    page.keyboard.press("ArrowDown")  # the shrugged shoulder
    expect(target).to_have_value("scapula")
    page.keyboard.press("Tab")
    guess = root.get_by_label("Your prediction (the shrugged shoulder after 12 weeks, degrees of elevation)")
    expect(guess).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    shoulder = simulate_programme(["low_back_arches", "shoulders_elevate"], "scapula", weeks=12, days=3)
    expect(verdict).to_contain_text(f"You predicted 3.0°; the model says {shoulder.tilt[-1]:.1f}° for the "
                                    "shrugged shoulder after 12 weeks")
    expect(root.locator("svg.fc-chart")).to_have_count(2)


def test_reveal_with_nothing_ticked_says_so(offline):
    root = builder(offline.open(PAGES[0]))
    root.get_by_role("button", name="predict first").click()
    root.get_by_label("low back arches", exact=False).uncheck()
    root.get_by_role("button", name="reveal").click()
    expect(root.locator("[data-role=verdict]")).to_have_text("Tick at least one finding first.")
    expect(root.locator("[data-role=summary]")).to_have_text("Tick at least one finding to see a plan.")
