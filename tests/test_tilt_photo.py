"""Measuring tilt on a side photo: the rule, its checks, and the widget's spec."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forcecouple import (
    TiltPhoto,
    equilibrium,
    pelvis,
    photo_data,
    sample_svg,
    tilt_from_points,
    tilt_photo,
)


def place(tilt: float, facing: int, lean: float = 0.0, span: float = 110.0) -> tuple:
    """ASIS, PSIS and a level reference line in image pixels (y down) for a known tilt (deg),
    a person facing right (+1) or left (-1), and a camera tipped by ``lean`` degrees."""
    psis = (300.0, 400.0)
    t, r = math.radians(tilt), math.radians(lean)
    # in the scene: ASIS ahead of the PSIS and lower by the tilt; then the whole photo turns by the lean
    dx, dy = facing * span * math.cos(t), span * math.sin(t)
    rot = lambda x, y: (x * math.cos(r) + y * math.sin(r), -x * math.sin(r) + y * math.cos(r))  # noqa: E731
    ax, ay = rot(dx, dy)
    asis = (psis[0] + ax, psis[1] + ay)
    (fx, fy) = rot(500.0, 0.0)
    reference = ((100.0, 700.0), (100.0 + fx, 700.0 + fy))
    return asis, psis, reference


@given(st.floats(-40, 40), st.sampled_from([1, -1]), st.floats(-30, 30))
def test_the_reading_is_the_tilt_whichever_way_the_person_faces_and_the_camera_leans(tilt, facing, lean):
    asis, psis, reference = place(tilt, facing, lean)
    assert tilt_from_points(asis, psis, reference) == pytest.approx(tilt, abs=1e-9)


def test_anterior_is_positive_when_the_asis_is_lower():
    assert tilt_from_points((400, 420), (300, 400)) > 0   # facing right, ASIS lower (y down)
    assert tilt_from_points((200, 420), (300, 400)) > 0   # facing left, ASIS lower
    assert tilt_from_points((400, 380), (300, 400)) < 0   # ASIS higher: posterior
    assert tilt_from_points((400, 400), (300, 400)) == 0.0


@given(st.floats(-30, 30))
def test_a_vertical_reference_gives_the_same_reading_as_a_level_one(lean):
    """A door frame's side, tipped with the camera, reads as the floor line tipped the same way."""
    asis, psis, floor = place(12.0, 1, lean)
    r = math.radians(lean)
    side = ((100.0, 700.0), (100.0 - 500.0 * math.sin(r), 700.0 - 500.0 * math.cos(r)))
    assert tilt_from_points(asis, psis, side) == pytest.approx(tilt_from_points(asis, psis, floor), abs=1e-9)


def test_the_reference_line_direction_does_not_matter():
    a, p = (412.0, 530.0), (300.0, 505.0)
    forwards = tilt_from_points(a, p, ((0, 700), (800, 742)))
    assert forwards == pytest.approx(tilt_from_points(a, p, ((800, 742), (0, 700))))


@pytest.mark.parametrize(("kwargs", "message"), [
    (dict(asis=(1, 2), psis=(1, 2)), "asis and psis must be different points"),
    (dict(asis=(1, 2), psis=(3, 4), reference=((0, 0), (0, 0))), "two different points"),
    (dict(asis=(math.nan, 2), psis=(3, 4)), r"asis\[0\] must be a finite number"),
    (dict(asis=(1, 2), psis=(3, 4), reference=((0, 0),)), "reference must be two points"),
    (dict(asis=(1, 2), psis="3, 4"), "psis must be a point"),
    (dict(asis=(1, 2, 3), psis=(3, 4)), r"asis must be a point \(x, y\) of shape \(2,\)"),
    (dict(asis=(1e6, 2), psis=(3, 4)), r"asis\[0\]"),
])
def test_bad_points_are_refused_by_name(kwargs, message):
    with pytest.raises(ValueError, match=message):
        tilt_from_points(**kwargs)


def test_the_sample_drawing_has_its_stickers_at_the_known_points():
    sample = photo_data()["sample"]
    svg = sample_svg()
    width, height = sample["size"]
    assert f'viewBox="0 0 {width} {height}"' in svg
    for x, y in (sample["asis"], sample["psis"]):
        assert f'cx="{x:g}" cy="{y:g}"' in svg or f'cx="{x}" cy="{y}"' in svg
    assert tilt_from_points(sample["asis"], sample["psis"]) == pytest.approx(12.0, abs=0.05)


def test_the_widget_spec_carries_numbers_from_the_library_and_never_an_image_trait():
    w = tilt_photo()
    spec = w.spec
    assert spec["model"]["neutral"] == pytest.approx(equilibrium(pelvis("neutral")).angle)
    assert spec["model"]["lower_crossed"] == pytest.approx(equilibrium(pelvis("lower_crossed")).angle)
    assert spec["published"] == photo_data()["published"]
    assert spec["sample"]["url"].startswith("data:image/svg+xml;base64,")
    synced = set(w.keys) - {"_esm", "_css", "spec", "layout", "tabbable", "tooltip", "_dom_classes"}
    assert {k for k in synced if not k.startswith("_")} == {"asis", "psis", "reference", "tilt"}
    assert w.reading() is None  # before the page has placed the markers
    w.asis, w.psis, w.reference = [412.0, 530.0], [300.0, 505.0], [[0.0, 0.0], [1.0, 0.0]]
    assert w.reading() == pytest.approx(tilt_from_points((412, 530), (300, 505)))


def test_the_widget_refuses_a_bad_title():
    with pytest.raises(TypeError, match="title"):
        TiltPhoto(title=5)
