"""The adaptation explorer in the built static book, offline."""

from playwright.sync_api import expect

from forcecouple.explorers import adaptation_explorer

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
    from forcecouple.explorers import programme_builder

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
