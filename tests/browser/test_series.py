"""The adaptation explorer in the built static book, offline."""

from playwright.sync_api import expect

from forcecouple import adaptation_explorer

PAGE = "chapters/adaptation.html"


def test_choices_switch_the_precomputed_run(offline):
    page = offline.open(PAGE)
    root = page.locator(".fc-series").first
    expect(root).to_be_visible(timeout=20_000)
    python = adaptation_explorer(habit="long_sitting", hours=8)
    expect(root.locator("[data-role=summary]")).to_have_text(python.summary())
    before = root.locator("svg.fc-chart").first.inner_html()
    root.get_by_label("carrying a heavy bag on one shoulder").check()
    python.choice = [1, 5]
    expect(root.locator("[data-role=summary]")).to_have_text(python.summary())
    assert root.locator("svg.fc-chart").first.inner_html() != before
    slider = root.get_by_role("slider", name="hours a day")
    slider.focus()
    page.keyboard.press("ArrowLeft")  # 8 h -> 6 h, by keyboard
    python.choice = [1, 4]
    expect(root.locator("[data-role=summary]")).to_have_text(python.summary())
    assert root.get_attribute("data-run") == "1,4"


def test_ticking_findings_changes_the_plan_and_the_curve(offline):
    from forcecouple import programme_builder

    page = offline.open("chapters/four_steps.html")
    root = page.locator(".fc-plan").first
    expect(root).to_be_visible(timeout=20_000)
    python = programme_builder()
    expect(root.locator("[data-role=summary]")).to_have_text(python.summary())
    before_plan = root.locator("table").inner_text()
    before_curve = root.locator("svg.fc-chart").nth(1).inner_html()
    root.get_by_label("shoulders elevate", exact=False).check()
    python.findings = ["low_back_arches", "shoulders_elevate"]
    expect(root.locator("[data-role=summary]")).to_have_text(python.summary())
    assert root.locator("table").inner_text() != before_plan
    assert root.locator("svg.fc-chart").nth(1).inner_html() != before_curve  # the shoulder now has a plan
    assert "upper trapezius" in root.locator("table").inner_text()


def test_predict_first_hides_the_charts_until_reveal(offline):
    from forcecouple import simulate

    page = offline.open(PAGE)
    root = page.locator(".fc-series").first
    expect(root).to_be_visible(timeout=20_000)
    summary, verdict = root.locator("[data-role=summary]"), root.locator("[data-role=verdict]")
    toggle = root.get_by_role("button", name="predict first")
    toggle.focus()
    page.keyboard.press("Enter")  # all by keyboard: toggle, type, tab to reveal, press it
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(root.locator("svg.fc-chart")).to_have_count(0)
    expect(summary).to_contain_text("hidden until you reveal")
    sit = simulate("long_sitting", 8)
    change = sit.tilt[-1] - sit.tilt[0]
    assert f"{sit.tilt[-1]:.1f}" not in root.inner_text()
    guess = root.get_by_label("Your prediction (change in the pelvis angle over 24 weeks")
    guess.focus()
    guess.fill("5")
    page.keyboard.press("Tab")
    expect(root.get_by_role("button", name="reveal")).to_be_focused()
    page.keyboard.press("Enter")
    expect(verdict).to_have_text(f"You predicted 5.0°; the model says {change:.1f}° over 24 weeks: "
                                 f"off by {abs(5 - change):.1f}°.")
    expect(root.locator("svg.fc-chart")).to_have_count(3)
    expect(summary).to_contain_text(f"from {sit.tilt[0]:.1f} to {sit.tilt[-1]:.1f} degrees")
    # another choice hides the answer again, and the question follows the habit
    root.get_by_label("carrying a heavy bag on one shoulder").check()
    expect(root.locator("svg.fc-chart")).to_have_count(0)
    expect(verdict).to_have_text("")
    carry = simulate("one_sided_carrying", 8)
    root.get_by_label("Your prediction (change in the shoulder angle over 24 weeks, degrees, + is up)").fill("1")
    root.get_by_role("button", name="reveal").click()
    expect(verdict).to_contain_text(f"the model says {carry.tilt[-1] - carry.tilt[0]:.1f}° over 24 weeks")
    toggle.click()  # predicting off: everything shows, the box goes away
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(root.locator(".fc-predict")).to_be_hidden()
    expect(root.locator("svg.fc-chart")).to_have_count(3)
