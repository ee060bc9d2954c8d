"""What readers click: the explorers in the built static book, offline."""

from __future__ import annotations

import random
import re

import pytest
from book_pages import SET_VALUE, move_to_random_values
from playwright.sync_api import expect

from forcecouple import equilibrium, floating_bone_explorer, pelvis, pelvis_explorer, scapula_explorer

PAGES = {
    "bone": ("chapters/force_couples.html", floating_bone_explorer),
    "pelvis": ("chapters/anterior_pelvic_tilt.html", pelvis_explorer),
    "shoulder": ("chapters/upper_trapezius.html", scapula_explorer),
}


NUMBER = re.compile(r"\d+(?:\.\d+)?")
PART = re.compile(r"^(Pulling (?P<side>\w[\w-]*):.*, |Tissues: |Load: |Net torque at this angle: )(?P<value>[\d.]+) N·m"
                  r"(?: (?P<toward>[\w-]+))?")


def masked(sentence: str) -> str:
    """The sentence with every number replaced by #: the words must match exactly."""
    return NUMBER.sub("#", sentence)


def parts_add_up(sentence: str, directions: list[str]) -> None:
    """The shown torques (pulling each way, tissues, load) sum to the stated net torque, within rounding."""
    signed, slack, net = [], 0.0, None
    for part in sentence.split(". "):
        m = PART.match(part)
        if not m:
            continue
        value = float(m["value"])
        word = m["side"] or m["toward"]
        sign = 0.0 if word is None else (1.0 if word == directions[0] else -1.0)
        rounding = 0.05 if "." in m["value"] else 0.5
        if part.startswith("Net torque"):
            net = sign * value
            slack += rounding
        else:
            signed.append(sign * value)
            slack += rounding
    assert net is not None, sentence
    assert sum(signed) == pytest.approx(net, abs=slack + 1e-9), sentence


def explorer(page):
    root = page.locator(".fc-explorer").first
    expect(root).to_be_visible(timeout=20_000)
    return root


def angle(root) -> float:
    return float(root.get_attribute("data-angle"))


def sliders(root):
    return root.locator(".fc-controls input[type=range]")


@pytest.mark.parametrize("name", list(PAGES))
def test_explorer_renders_and_moves_with_the_slider(offline, name):
    path, make = PAGES[name]
    root = explorer(offline.open(path))
    python = make()
    assert angle(root) == pytest.approx(python.angle, abs=0.1)
    before_svg = root.locator("svg.fc-picture").inner_html()
    before_text = root.locator("[data-role=tilt]").inner_text()
    first = sliders(root).first
    first.evaluate(SET_VALUE, float(first.get_attribute("max")))
    assert root.locator("svg.fc-picture").inner_html() != before_svg
    assert root.locator("[data-role=tilt]").inner_text() != before_text
    assert root.get_attribute("data-description").startswith(f"The {python.spec['bone']}")
    # screen readers hear it once the slider rests
    expect(root.locator("[data-role=live]")).to_have_text(root.get_attribute("data-description"))


@pytest.mark.parametrize("name", list(PAGES))
def test_page_and_python_agree_on_random_settings(offline, name):
    path, make = PAGES[name]
    root, python = explorer(offline.open(path)), make()
    controls, rng, worst = python.spec["controls"], random.Random(f"settings-{name}"), 0.0
    for _ in range(20):
        values = move_to_random_values(sliders(root), controls, rng)
        if python.spec["variant_control"]:
            variant = rng.randrange(len(python.spec["variants"]))
            sliders(root).nth(len(controls)).evaluate(SET_VALUE, variant)
            python.variant = variant
        python.values = values
        page_angle = angle(root)
        worst = max(worst, abs(page_angle - python.angle))
        assert page_angle == pytest.approx(python.angle, abs=0.1), (values, python.description)
        assert (root.get_attribute("data-at-limit") == "true") == python.at_limit
        page_sentence = root.get_attribute("data-description")
        assert masked(page_sentence) == masked(python.description)
        for sentence in (page_sentence, python.description):
            parts_add_up(sentence, python.spec["directions"])
    print(f"{name}: largest page-vs-Python difference {worst:.2e} deg")


def test_keyboard_moves_a_slider_and_the_bone(offline):
    root = explorer(offline.open(PAGES["pelvis"][0]))
    slider = sliders(root).first
    start = angle(root)
    control = pelvis_explorer().spec["controls"][0]
    assert control["key_step"] == pytest.approx(control["max"] / 100)  # an arrow key: 1 % of the range
    assert control["page_step"] == pytest.approx(control["max"] / 10)  # PageUp/PageDown: 10 %
    slider.focus()
    for _ in range(10):
        offline.page.keyboard.press("ArrowRight")
    assert float(slider.input_value()) == pytest.approx(2.5 + 10 * 0.2)  # 20 % range: 0.2 a press
    assert angle(root) > start
    offline.page.keyboard.press("PageUp")
    assert float(slider.input_value()) == pytest.approx(4.5 + 2.0)
    offline.page.keyboard.press("PageDown")
    offline.page.keyboard.press("ArrowLeft")
    assert float(slider.input_value()) == pytest.approx(4.5 - 0.2)
    python = pelvis_explorer()
    python.set_values(hip_flexors=4.3)
    assert angle(root) == pytest.approx(python.angle, abs=0.1)
    offline.page.keyboard.press("Tab")  # focus moves on to the next slider
    expect(sliders(root).nth(1)).to_be_focused()


def test_preset_buttons_set_the_pattern(offline):
    root = explorer(offline.open(PAGES["pelvis"][0]))
    root.get_by_role("button", name="lower crossed").click()
    assert angle(root) == pytest.approx(equilibrium(pelvis("lower_crossed")).angle, abs=0.1)
    root.get_by_role("button", name="reset").click()
    assert angle(root) == pytest.approx(equilibrium(pelvis("neutral")).angle, abs=0.1)


def test_the_limit_is_announced(offline):
    root = explorer(offline.open(PAGES["pelvis"][0]))
    note = root.locator("[data-role=limit]")
    expect(note).to_have_text("")
    for k, v in enumerate([20, 20, 0, 0, 0]):  # flexors and low back full on, the rest off
        sliders(root).nth(k).evaluate(SET_VALUE, v)
    python = pelvis_explorer()
    python.values = [20.0, 20.0, 0.0, 0.0, 0.0]
    assert python.at_limit and angle(root) == python.angle == 40.0
    assert root.get_attribute("data-at-limit") == "true"
    expect(note).to_contain_text("end of its range")
    expect(root.locator("[data-role=live]")).to_contain_text("rests against its limit at 40.0 degrees forward")


def test_predict_first_hides_then_reveals(offline):
    root = explorer(offline.open(PAGES["shoulder"][0]))
    root.get_by_role("button", name="predict first").click()
    root.get_by_role("button", name="shrugged").click()
    expect(root.locator("[data-role=tilt]")).to_contain_text("?")
    expect(root.locator("[data-role=live]")).to_contain_text("hidden")
    root.locator("input[type=number]").fill("3")
    root.get_by_role("button", name="reveal").click()
    expect(root.locator("[data-role=verdict]")).to_contain_text("You predicted 3.0°")
    expect(root.locator("[data-role=tilt]")).to_contain_text("up")


def test_every_control_has_a_label(offline):
    root = explorer(offline.open(PAGES["bone"][0]))
    for i in range(sliders(root).count()):
        s = sliders(root).nth(i)
        assert s.get_attribute("aria-label")
        assert root.locator(f"label[for='{s.get_attribute('id')}']").count() == 1


# -- the picture: labelled, kept for comparison, legible, touch-sized, themed ----------

#: Names the picture must show besides the slider groups.
LANDMARKS = {"bone": [], "pelvis": ["ASIS", "PSIS"], "shoulder": ["acromion"]}
PICTURE_TEXT = "(svg) => [...svg.querySelectorAll('text')].map((t) => t.textContent.trim())"


@pytest.mark.parametrize("name", list(PAGES))
def test_the_picture_names_every_slider_group_and_its_landmarks(offline, name):
    path, make = PAGES[name]
    root = explorer(offline.open(path))
    texts = root.locator("svg.fc-picture").evaluate(PICTURE_TEXT)
    for control in make().spec["controls"]:
        assert control["label"] in texts, (control["label"], texts)
    for landmark in LANDMARKS[name]:
        assert landmark in texts, (landmark, texts)
    # each group's name is drawn in its strings' colour, next to them (inside the picture)
    for label in root.locator("svg.fc-picture [data-role=group-label]").all():
        assert label.get_attribute("fill")
        assert label.evaluate("(t) => getComputedStyle(t).visibility") == "visible"


def test_the_shoulder_shows_the_acromions_rise_and_the_arms_weight(offline):
    root = explorer(offline.open(PAGES["shoulder"][0]))
    texts = " ".join(root.locator("svg.fc-picture").evaluate(PICTURE_TEXT))
    assert re.search(r"(rises|drops) \d+\.\d cm", texts), texts
    assert re.search(r"\d+ N", texts), texts
    before = root.locator("[data-role=rise-text]").text_content()
    root.get_by_role("button", name="shrugged").click()
    after = root.locator("[data-role=rise-text]").text_content()
    assert float(NUMBER.search(after).group()) > float(NUMBER.search(before).group())


@pytest.mark.parametrize("name", list(PAGES))
def test_keep_for_comparison_pins_a_ghost_that_stays(offline, name):
    root = explorer(offline.open(PAGES[name][0]))
    svg = root.locator("svg.fc-picture")
    kept = svg.locator("[data-role=kept]")
    expect(kept).to_have_count(0)
    root.locator("[data-role=keep]").click()
    expect(kept).to_have_count(1)
    pinned = float(kept.get_attribute("data-angle"))
    assert pinned == pytest.approx(angle(root), abs=1e-9)
    ghost = kept.locator("[data-role=kept-bone]").get_attribute("points")
    first = sliders(root).first
    first.evaluate(SET_VALUE, float(first.get_attribute("max")))  # the live pose moves...
    assert angle(root) != pytest.approx(pinned, abs=0.05)
    expect(kept).to_have_count(1)  # ...the kept one stays where it was
    assert float(kept.get_attribute("data-angle")) == pinned
    assert kept.locator("[data-role=kept-bone]").get_attribute("points") == ghost
    root.locator("[data-role=keep]").click()  # pressing again replaces it
    expect(kept).to_have_count(1)
    assert float(kept.get_attribute("data-angle")) == pytest.approx(angle(root), abs=1e-9)
    root.locator("[data-role=clear-kept]").click()
    expect(kept).to_have_count(0)


def picture_text_sizes(root) -> list[float]:
    """CSS px of every visible text in the picture, at the size it is drawn."""
    return root.locator("svg.fc-picture").evaluate("""(svg) => [...svg.querySelectorAll('text')]
        .filter((t) => t.textContent.trim() && getComputedStyle(t).visibility !== 'hidden')
        .map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)""")


@pytest.mark.parametrize("name", list(PAGES))
def test_picture_text_is_legible_on_a_desktop(offline, name):
    offline.page.set_viewport_size({"width": 1280, "height": 800})
    root = explorer(offline.open(PAGES[name][0]))
    root.locator("[data-role=keep]").click()  # the kept pose's note too
    sizes = picture_text_sizes(root)
    assert sizes and min(sizes) >= 11 - 1e-3, sizes
    box = root.locator("svg.fc-picture").bounding_box()
    assert box["width"] >= 340, box


@pytest.mark.parametrize("name", list(PAGES))
def test_on_a_phone_sliders_are_touch_sized_and_nothing_overflows(offline, name):
    offline.page.set_viewport_size({"width": 390, "height": 844})
    root = explorer(offline.open(PAGES[name][0]))
    for box in [s.bounding_box() for s in sliders(root).all()]:
        assert box["height"] >= 44, box
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    card = root.bounding_box()
    assert card["x"] >= 0 and card["x"] + card["width"] <= 390 + 0.5, card
    assert root.evaluate("(el) => el.scrollWidth <= el.clientWidth + 1")


