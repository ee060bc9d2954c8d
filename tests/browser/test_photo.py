"""The photo tool in the built book, offline: a generated photo, markers moved by
mouse and by keyboard, the reading against the known angle; nothing leaves the page.

The test images are drawn here: a plain picture with an orange dot (ASIS) and a
blue dot (PSIS) at known pixels. The tool must read the angle of the line
between them within 0.5 degrees after the markers are dragged onto the dots, and
again after they are moved with the arrow keys only.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from matplotlib import pyplot as plt

from forcecouple import photo_data, tilt_from_points

PAGE = "chapters/anterior_pelvic_tilt.html"
TOLERANCE = 0.5  # degrees
#: (name, ASIS, PSIS, image size): facing left with an anterior tilt, facing right with a posterior one.
IMAGES = [
    ("left-anterior", (180.0, 380.0), (620.0, 286.5), (800, 600)),
    ("right-posterior", (610.0, 300.0), (170.0, 338.5), (800, 600)),
]


def make_image(path, asis, psis, size) -> None:
    """A plain photo-like picture with the two landmark dots at exact pixels."""
    width, height = size
    yy, xx = np.mgrid[0:height, 0:width]
    image = np.ones((height, width, 3)) * np.array([0.93, 0.9, 0.86])
    for (x, y), colour in ((asis, (0.84, 0.37, 0.0)), (psis, (0.0, 0.45, 0.7))):
        image[(xx - x) ** 2 + (yy - y) ** 2 <= 36] = colour
    plt.imsave(path, image)


def tool(page):
    return page.locator(".fc-photo").first


def open_image(offline, tmp_path, name, asis, psis, size, width=1280):
    page = offline.page
    page.set_viewport_size({"width": width, "height": 900})
    offline.open(PAGE)
    root = tool(page)
    root.scroll_into_view_if_needed()
    path = tmp_path / f"{name}.png"
    make_image(path, asis, psis, size)
    offline.stored = storage(page)
    root.locator("input[type=file]").set_input_files(str(path))
    page.wait_for_function("""() => {
        const i = document.querySelector('.fc-photo image');
        return i && i.getAttribute('href').startsWith('data:image/png') }""")
    return root


def screen_point(page, x, y):
    """Image pixel (x, y) in the page's viewport coordinates."""
    return page.evaluate("""([x, y]) => {
        const svg = document.querySelector('.fc-photo-svg');
        const p = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM());
        return [p.x, p.y] }""", [x, y])


def marker_centre(root, key):
    box = root.locator(f"[data-point={key}] .fc-handle-dot").bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def reading(root) -> float:
    return float(root.locator("[data-role=tilt-readout]").get_attribute("data-tilt"))


def storage(page) -> dict:
    """What the page keeps in the browser's storage (the theme keeps its colour mode there)."""
    return page.evaluate("""async () => ({
        local: Object.fromEntries(Object.entries(localStorage)), session: sessionStorage.length,
        cookie: document.cookie, databases: indexedDB.databases ? (await indexedDB.databases()).length : 0 })""")


def nothing_stored(page, before: dict) -> None:
    """The tool wrote nothing: storage is as the theme left it when the page loaded."""
    assert storage(page) == before
    assert set(before["local"]) <= {"theme", "mode"} and before["session"] == 0 and before["cookie"] == ""
    assert before["databases"] == 0


@pytest.mark.parametrize(("name", "asis", "psis", "size"), IMAGES, ids=[i[0] for i in IMAGES])
@pytest.mark.parametrize("width", [1280, 390])
def test_mouse_drags_give_the_known_angle(offline, tmp_path, name, asis, psis, size, width):
    root = open_image(offline, tmp_path, name, asis, psis, size, width)
    page = offline.page
    for key, (x, y) in (("asis", asis), ("psis", psis)):
        start = marker_centre(root, key)
        target = screen_point(page, x, y)
        page.mouse.move(*start)
        page.mouse.down()
        page.mouse.move(*target, steps=6)
        page.mouse.up()
    known = tilt_from_points(asis, psis)
    print(f"\nphoto tool, mouse, {name} at {width} px: read {reading(root):.2f}, known {known:.2f} degrees")
    assert abs(reading(root) - known) <= TOLERANCE, (reading(root), known)
    nothing_stored(page, offline.stored)


@pytest.mark.parametrize(("name", "asis", "psis", "size"), IMAGES, ids=[i[0] for i in IMAGES])
def test_arrow_keys_alone_give_the_known_angle(offline, tmp_path, name, asis, psis, size):
    root = open_image(offline, tmp_path, name, asis, psis, size)
    page = offline.page
    start = {key: page.evaluate(f"""() => {{
        const c = document.querySelector('.fc-photo [data-point={key}] .fc-handle-dot');
        return [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))] }}""") for key in ("asis", "psis")}
    for key, goal in (("asis", asis), ("psis", psis)):
        root.locator(f"[data-point={key}]").focus()
        for axis, (plus, minus) in enumerate((("ArrowRight", "ArrowLeft"), ("ArrowDown", "ArrowUp"))):
            steps = round(goal[axis] - start[key][axis])
            key_name = plus if steps > 0 else minus
            tens, ones = divmod(abs(steps), 10)
            for _ in range(tens):
                page.keyboard.press(f"Shift+{key_name}")
            for _ in range(ones):
                page.keyboard.press(key_name)
    known = tilt_from_points(asis, psis)
    print(f"\nphoto tool, keyboard, {name}: read {reading(root):.2f}, known {known:.2f} degrees")
    assert abs(reading(root) - known) <= TOLERANCE, (reading(root), known)
    nothing_stored(page, offline.stored)


def test_markers_are_named_focusable_and_touch_sized(offline):
    offline.open(PAGE)
    root = tool(offline.page)
    root.scroll_into_view_if_needed()
    for key, name in (("asis", "ASIS"), ("psis", "PSIS"), ("ref0", "reference line"), ("ref1", "reference line")):
        marker = root.locator(f"[data-point={key}]")
        assert marker.get_attribute("tabindex") == "0"
        assert name in marker.get_attribute("aria-label")
        box = marker.locator(".fc-handle-hit").bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (key, box)
    assert "never uploads or stores" in root.locator("[data-role=privacy]").inner_text()


def test_the_sample_reads_its_known_tilt_and_the_link_carries_it_to_the_fix_tool(offline):
    page = offline.page
    offline.open(PAGE)
    root = tool(page)
    root.scroll_into_view_if_needed()
    d = photo_data()["sample"]
    for key, (x, y) in (("asis", d["asis"]), ("psis", d["psis"])):
        page.mouse.move(*marker_centre(root, key))
        page.mouse.down()
        page.mouse.move(*screen_point(page, x, y), steps=4)
        page.mouse.up()
    assert abs(reading(root) - tilt_from_points(d["asis"], d["psis"])) <= TOLERANCE
    assert "anterior" in root.locator("[data-role=tilt-readout]").inner_text()
    assert "inside the range" in root.locator("[data-role=compare]").inner_text()
    link = root.locator("[data-role=fix-link]")
    href = link.get_attribute("href")
    assert href.startswith("what_would_fix_it.html?target=12.")
    link.click()
    page.wait_for_load_state("load")
    fix = page.locator(".fc-explorer").filter(has=page.locator("[data-role=fix]")).first
    fix.locator("[data-role=fix-target-value]").wait_for()
    assert fix.locator("[data-role=fix-target-value]").inner_text().startswith("12.")


def test_a_phone_shows_the_tool_without_overflow(offline):
    page = offline.page
    page.set_viewport_size({"width": 390, "height": 800})
    offline.open(PAGE)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Whichever widget's stylesheet the page adds last (the order widgets finish loading
    # varies), the tool's buttons stay touch-sized: add the explorers' own sheet again, last.
    page.evaluate("""() => { for (const s of [...document.querySelectorAll('style')])
        if (s.textContent.includes('.fc-explorer button') && !s.textContent.includes('.fc-photo'))
          document.head.appendChild(s.cloneNode(true)); }""")
    for button in tool(page).locator("button").all():
        box = button.bounding_box()
        assert box["height"] >= 44, button.inner_text()
    assert math.isfinite(reading(tool(page)))
