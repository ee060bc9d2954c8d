"""The hips' published passive moment beside the model's lumped spring."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from forcecouple import (
    equilibrium,
    hip_passive_moment,
    moment_arm,
    pelvis,
    pelvis_table_pose,
    spring_evidence,
)


def riener(h: float, k: float = 0.0) -> float:
    """Riener & Edrich (1999) as written in the project's domain facts (N·m, one hip)."""
    return math.exp(1.4655 - 0.0034 * k - 0.075 * h) - math.exp(1.3403 - 0.0226 * k + 0.0305 * h) + 8.072


@given(st.floats(-30, 120), st.floats(0, 130))
def test_the_fit_matches_the_published_formula(h, k):
    assert hip_passive_moment(h, k) == pytest.approx(riener(h, k), abs=1e-9)


def test_a_straight_relaxed_hip_resists_extension_and_the_moment_crosses_zero_near_27_degrees():
    assert hip_passive_moment(0.0) == pytest.approx(8.58, abs=0.01)
    e = spring_evidence()
    assert 26 < e.hips_zero_tilt - e.table_pose < 28
    assert abs(2 * hip_passive_moment(e.hips_zero_tilt - e.table_pose)) < 1e-6
    assert np.all(np.diff(e.hips) < 0), "the hips' moment falls as the hip flexes"


def test_the_spring_and_the_hips_disagree_in_sign_between_the_pose_and_the_zero_crossing():
    e = spring_evidence()
    between = (e.tilt > e.table_pose + 0.5) & (e.tilt < e.hips_zero_tilt - 0.5)
    assert between.sum() > 20
    assert np.all(e.spring[between] < 0) and np.all(e.hips[between] > 0)
    assert e.table_pose == pytest.approx(pelvis_table_pose())


@pytest.mark.parametrize("pattern", ["neutral", "lower_crossed"])
def test_the_reported_share_is_the_springs_part_of_the_backward_torque(pattern):
    e = spring_evidence(pattern)
    rest = equilibrium(pelvis(pattern))
    backward = -sum(t for t in rest.torques.values() if t < 0)
    assert e.angle == rest.angle
    assert e.spring_at_angle == pytest.approx(rest.torques["spring"])
    assert e.spring_share == pytest.approx(-rest.torques["spring"] / backward)
    assert 0 < e.spring_share < 1


def test_lower_crossed_leans_on_the_spring_more_than_neutral():
    assert spring_evidence("lower_crossed").spring_share > spring_evidence("neutral").spring_share + 0.2


@pytest.mark.parametrize("bad, name", [(math.nan, "hip_flexion"), (500.0, "hip_flexion"), ("5", "hip_flexion")])
def test_bad_angles_name_the_parameter(bad, name):
    with pytest.raises((ValueError, TypeError), match=name):
        hip_passive_moment(bad)


def test_bad_knee_and_pattern_name_the_parameter():
    with pytest.raises(ValueError, match="knee_flexion"):
        hip_passive_moment(0.0, -5.0)
    with pytest.raises(ValueError, match="pattern"):
        spring_evidence("slouched")


@given(st.floats(-40, 40))
def test_fixing_a_turning_origin_keeps_the_string_where_it_is_at_that_angle(angle):
    erector = pelvis().muscle("erector_spinae")
    tied = erector.with_origin_fixed(angle)
    assert tied.origin_turns == 0.0
    assert moment_arm(tied, angle) == pytest.approx(moment_arm(erector, angle), abs=1e-9)


def test_an_erector_tied_to_the_thorax_loses_its_lever_by_20_degrees():
    erector = pelvis().muscle("erector_spinae")
    tied = erector.with_origin_fixed(pelvis_table_pose())
    assert abs(moment_arm(erector, 20.0)) > 5
    assert abs(moment_arm(tied, 20.0)) < 0.5
