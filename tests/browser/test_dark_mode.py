"""The book's dark mode: explorers, their charts and the quizzes follow the theme."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from forcecouple import style

SET_THEME = "(theme) => { document.documentElement.dataset.theme = theme; }"
COLOURS = "(el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]"
CSS_COLOUR = ("(t) => { const c = t.getAttribute('fill'); const d = document.createElement('div'); d.style.color = c;"
              " document.body.append(d); const v = getComputedStyle(d).color; d.remove(); return v; }")


def luminance(rgb: str) -> float:
    """Relative luminance (0 black to 1 white) of a CSS rgb()/rgba() colour (WCAG 2)."""
    def linear(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(float(v) / 255) for v in re.findall(r"[\d.]+", rgb)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two CSS colours (1 to 21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def first_visible(page, selector: str):
    found = page.locator(selector).first
    expect(found).to_be_visible(timeout=20_000)
    return found


def test_the_explorer_follows_the_books_dark_mode(offline):
    page = offline.open("chapters/anterior_pelvic_tilt.html")
    root = first_visible(page, ".fc-explorer")
    page.evaluate(SET_THEME, "light")
    light_bg, light_text = root.evaluate(COLOURS)
    assert luminance(light_bg) > 0.8 and luminance(light_text) < 0.05
    page.evaluate(SET_THEME, "dark")
    dark_bg, dark_text = root.evaluate(COLOURS)
    assert dark_bg not in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    assert luminance(dark_bg) < 0.05 and contrast(dark_bg, dark_text) >= 7, (dark_bg, dark_text)
    # the picture's text and ink follow; the muscles keep their colours
    angle_text = root.locator("svg.fc-picture [data-role=angle]")
    assert luminance(angle_text.evaluate("(t) => getComputedStyle(t).fill")) > 0.5
    groups = root.locator("svg.fc-picture [data-role=group-label]")
    assert groups.first.evaluate("(t) => getComputedStyle(t).fill") == groups.first.evaluate(CSS_COLOUR)
    page.evaluate(SET_THEME, "light")
    assert root.evaluate(COLOURS)[0] == light_bg


def test_line_charts_follow_the_dark_mode(offline):
    """The adaptation explorer's charts: light text and axes, and the palette's black line
    (the hamstrings) drawn near-white, on the dark card."""
    page = offline.open("chapters/adaptation.html")
    root = first_visible(page, ".fc-series")
    chart = first_visible(root, "svg.fc-chart")
    black = [c for c in style.NEGATIVE_COLOURS if c == "#000000"]
    assert black, "the palette has a black line to test"
    for theme in ("light", "dark"):
        page.evaluate(SET_THEME, theme)
        card = root.evaluate(COLOURS)[0]
        paper = chart.evaluate("(s) => getComputedStyle(s).backgroundColor")
        behind = card if paper == "rgba(0, 0, 0, 0)" else paper
        text = chart.locator("text").first.evaluate("(t) => getComputedStyle(t).fill")
        assert contrast(text, behind) >= 4.5, (theme, text, behind)
        axis = chart.locator(".fc-axis").first.evaluate("(t) => getComputedStyle(t).stroke")
        assert contrast(axis, behind) >= 3, (theme, axis, behind)
        dark_lines = chart.locator('[data-role=line][stroke="#000000"]')
        if dark_lines.count():
            stroke = dark_lines.first.evaluate("(t) => getComputedStyle(t).stroke")
            assert contrast(stroke, behind) >= 3, (theme, stroke, behind)
    assert luminance(root.evaluate(COLOURS)[0]) < 0.05  # still dark: the last theme set


def test_quizzes_follow_the_dark_mode(offline):
    page = offline.open("chapters/force_couples.html")
    quiz = first_visible(page, ".Quiz")
    card = quiz.locator(".MultipleChoiceQn").first
    button = quiz.locator("label.MCButton").first
    seen = {}
    for theme in ("light", "dark"):
        page.evaluate(SET_THEME, theme)
        bg, fg = card.evaluate(COLOURS)
        assert contrast(bg, fg) >= 4.5, (theme, bg, fg)
        b_bg, b_fg = button.evaluate(COLOURS)
        assert contrast(b_bg, b_fg) >= 4.5, (theme, b_bg, b_fg)
        seen[theme] = bg
    assert luminance(seen["dark"]) < 0.05 and seen["dark"] != seen["light"], seen
