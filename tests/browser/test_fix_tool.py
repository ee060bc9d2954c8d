"""The least-effort fix tool in the built book, offline: page vs Python, phone and desktop,
keyboard, the ?target= address and the target-tilt event."""

from __future__ import annotations

import random

import pytest
from playwright.sync_api import expect

from forcecouple import fix_explorer, pelvis, preset_groups
from forcecouple.course.fix import least_effort

PAGE = "chapters/what_would_fix_it.html"
LOCKS = ("hip flexors", "low back", "abdominals")
SEND = ("t => window.dispatchEvent(new CustomEvent('forcecouple:target-tilt', {detail: {tilt: t}}))")


def tool(page):
    root = page.locator(".fc-explorer").filter(has=page.locator("[data-role=fix]")).first
    expect(root).to_be_visible(timeout=20_000)
    return root


def held(locks):
    joint, groups = pelvis("lower_crossed"), preset_groups("pelvis")
    return {n: joint.muscle(n).activation for on, g in zip(locks, LOCKS, strict=True) if on for n in groups[g]}


def set_locks(root, locks):
    boxes = root.locator("[data-role=fix-lock]")
    for k, on in enumerate(locks):
        if boxes.nth(k).is_checked() != on:
            boxes.nth(k).click()


def page_answer(root):
    angle = float(root.locator("[data-role=fix-angle]").get_attribute("data-angle"))
    rows = root.locator("[data-role=fix-row]")
    acts = {rows.nth(k).get_attribute("data-muscle"): float(rows.nth(k).get_attribute("data-answer"))
            for k in range(rows.count())}
    return angle, acts


def check_against_python(root, target, locks):
    exact = least_effort(pelvis("lower_crossed"), target, fixed=held(locks))
    angle, acts = page_answer(root)
    assert angle == pytest.approx(exact.result.angle, abs=0.2), (target, locks)
    assert set(acts) == set(exact.activations)
    diff = max(abs(acts[n] - exact.activations[n]) for n in acts)
    assert diff <= 0.01, (target, locks, acts, exact.activations)
    return abs(angle - exact.result.angle), diff


def test_page_and_python_agree_on_random_settings(offline):
    root = tool(offline.open(PAGE))
    python = fix_explorer()
    rng = random.Random("fix-settings")
    settings = [(13.37, (False, False, False)), (13.37, (True, True, True)), (22.81, (True, True, False))]
    while len(settings) < 12:
        locks = tuple(rng.random() < 0.5 for _ in LOCKS)
        lo, hi = python.reachable(locks)
        settings.append((round(rng.uniform(lo, hi), 2), locks))
    worst_angle = worst_act = 0.0
    for target, locks in settings:
        set_locks(root, locks)
        offline.page.evaluate(SEND, target)
        a, d = check_against_python(root, target, locks)
        worst_angle, worst_act = max(worst_angle, a), max(worst_act, d)
        # the muscles held keep their lower-crossed activations; the rows say so
        rows = root.locator("[data-role=fix-row]")
        for k in range(rows.count()):
            row = rows.nth(k)
            if row.get_attribute("data-muscle") in held(locks):
                assert float(row.get_attribute("data-answer")) == pytest.approx(float(row.get_attribute("data-now")))
                assert "(held)" in row.inner_text()
    print(f"fix tool page vs Python: angle within {worst_angle:.4f} deg, activation within {worst_act:.2e}")


def test_the_picture_shows_the_answer_over_a_ghost_of_now(offline):
    root = tool(offline.open(PAGE))
    kept = root.locator("[data-role=kept]")
    assert float(kept.get_attribute("data-angle")) == pytest.approx(20.72, abs=0.1)
    assert float(root.get_attribute("data-angle")) == pytest.approx(10.0, abs=0.2)
    assert "now (lower crossed)" in root.locator("[data-role=kept] .fc-kept-label").text_content()
    sentence = root.locator("[data-role=fix-sentence]").inner_text()
    assert sentence.startswith("To rest at 10.0° forward for the least effort")
    assert root.locator("[data-role=keep]").is_hidden()
    assert root.locator("[data-role=predict]").count() == 0


@pytest.mark.parametrize("width", [1280, 390])
def test_fits_and_touch_targets(offline, width):
    offline.page.set_viewport_size({"width": width, "height": 900})
    root = tool(offline.open(PAGE))
    assert offline.page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    outer = root.bounding_box()
    assert outer["x"] + outer["width"] <= width
    targets = [root.locator("[data-role=fix-target]")] + [root.locator(".fc-switch").nth(k) for k in range(3)]
    for t in targets:
        box = t.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, box
    for row in root.locator("[data-role=fix-row]").all():
        box = row.bounding_box()
        assert box["x"] + box["width"] <= outer["x"] + outer["width"] + 0.5
    # the lock labels name what they hold
    labels = [root.locator(".fc-switch").nth(k).inner_text() for k in range(3)]
    assert labels[0].startswith("hip flexors stay as they are") and labels[1] == "low back stays as it is"


def test_keyboard_moves_the_target_and_toggles_the_locks(offline):
    root = tool(offline.open(PAGE))
    slider = root.locator("[data-role=fix-target]")
    slider.focus()
    for _ in range(3):
        offline.page.keyboard.press("ArrowRight")
    offline.page.keyboard.press("PageUp")
    check_against_python(root, 11.3, (False, False, False))
    assert root.locator("[data-role=fix-target-value]").inner_text() == "11.3°"
    offline.page.keyboard.press("End")
    check_against_python(root, 40.0, (False, False, False))
    offline.page.keyboard.press("Tab")
    lock = root.locator("[data-role=fix-lock]").first
    expect(lock).to_be_focused()
    offline.page.keyboard.press("Space")
    assert lock.is_checked()
    offline.page.keyboard.press("Tab")
    offline.page.keyboard.press("Space")
    # hip flexors and low back held: 40 deg is out of reach; clamped to 23.5 and said so
    note = root.locator("[data-role=fix-clamp]")
    expect(note).to_contain_text("out of reach")
    expect(note).to_contain_text("set to 23.5°")
    check_against_python(root, 23.5, (True, True, False))
    offline.page.keyboard.press("Space")  # low back free again; the target stays where it was clamped
    check_against_python(root, 23.5, (True, False, False))


def test_an_unreachable_target_is_clamped_and_said(offline):
    root = tool(offline.open(PAGE))
    set_locks(root, (True, True, True))
    offline.page.evaluate(SEND, 35.0)
    expect(root.locator("[data-role=fix-clamp]")).to_contain_text("From the photo: target 35.0° is out of reach")
    check_against_python(root, 23.0, (True, True, True))
    assert "23.0°" in root.locator("[data-role=fix-range]").inner_text()
    offline.page.evaluate(SEND, "tilted")
    expect(root.locator("[data-role=fix-clamp]")).to_contain_text("could not read")
    check_against_python(root, 23.0, (True, True, True))


@pytest.mark.parametrize(("query", "target", "clamped"), [("13.37", 13.37, False), ("-20", -5.0, True),
                                                          ("99", 40.0, True)])
def test_target_from_the_address(offline, query, target, clamped):
    offline.page.goto((offline.root / PAGE).as_uri() + f"?target={query}", wait_until="load")
    root = tool(offline.page)
    check_against_python(root, target, (False, False, False))
    note = root.locator("[data-role=fix-clamp]")
    if clamped:
        expect(note).to_contain_text("From the link: target")
        expect(note).to_contain_text("out of reach")
    else:
        expect(note).to_have_text("")


def test_the_event_sets_the_target(offline):
    root = tool(offline.open(PAGE))
    offline.page.evaluate(SEND, 17.25)
    check_against_python(root, 17.25, (False, False, False))
    assert root.locator("[data-role=fix-target-value]").inner_text() == "17.3°"
