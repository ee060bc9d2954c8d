"""Following a plan for weeks: documented rates, safe directions, no promises."""

import itertools

import numpy as np
import pytest

from forcecouple import compensations, programme_data, simulate_programme

SIM = programme_data()["simulation"]


def test_rates_are_the_documented_ones():
    assert SIM["activate_strength_gain_per_week"]["value"] == 0.01
    assert SIM["activate_strength_gain_per_week"]["cap"] == 0.15
    assert SIM["lengthen_length_gain_per_week"]["value"] == 0.002
    assert SIM["lengthen_length_gain_per_week"]["cap"] == 0.02
    assert SIM["integrate_pattern_shift_per_week"]["value"] == 0.01
    h = simulate_programme(["low_back_arches"], "pelvis", weeks=1, days=5)
    s = dict(zip(h.names, h.strength[:, 1], strict=True))
    assert s["gluteus_maximus"] == pytest.approx(1.01) and s["iliopsoas"] == 1.0
    ell = dict(zip(h.names, h.length[:, 1], strict=True))
    assert ell["iliopsoas"] == pytest.approx(1.002)


@pytest.mark.parametrize("days", [1, 3, 5, 7])
def test_activating_the_underactive_never_increases_anterior_tilt(days):
    h = simulate_programme(["low_back_arches"], "pelvis", weeks=52, days=days)
    assert set(h.activated) == {"gluteus_maximus", "hamstrings", "rectus_abdominis", "external_oblique"}
    assert np.all(np.diff(h.tilt) <= 1e-9)


def test_the_shrugged_shoulder_comes_down_slowly_and_stays_above_neutral():
    h = simulate_programme(["shoulders_elevate"], "scapula", weeks=12, days=3)
    assert h.activated == ("lower_trapezius",)
    assert np.all(np.diff(h.tilt) <= 1e-9)
    assert h.tilt[-1] > h.neutral_tilt + 3  # the model does not promise a cure in 12 weeks


def test_twelve_weeks_change_the_pelvis_by_a_few_degrees_at_most():
    h = simulate_programme(["low_back_arches"], "pelvis", weeks=12, days=5)
    assert 0 < h.tilt[0] - h.tilt[-1] < 3


@pytest.mark.parametrize("preset", ["pelvis", "scapula"])
def test_no_programme_gives_a_negative_strength(preset):
    names = list(compensations())
    for findings in itertools.combinations(names, 2):
        h = simulate_programme(list(findings), preset, weeks=26, days=7)
        assert np.all(h.strength > 0) and np.all(h.activation >= 0) and np.all(h.length > 0)


def test_zero_days_change_nothing():
    h = simulate_programme(["low_back_arches"], "pelvis", weeks=8, days=0)
    assert np.allclose(h.tilt, h.tilt[0])


@pytest.mark.parametrize("kwargs, words", [
    (dict(findings=["low_back_arches"], preset="knee"), ["preset must be one of 'pelvis', 'scapula'"]),
    (dict(findings=["low_back_arches"], weeks=0), ["weeks must lie in [1, 104]"]),
    (dict(findings=["low_back_arches"], days=8), ["days must lie in [0, 7] days a week; got 8"]),
    (dict(findings=["bad_posture"]), ["finding must be one of", "'bad_posture'"]),
])
def test_bad_input(kwargs, words):
    with pytest.raises(ValueError) as err:
        simulate_programme(**kwargs)
    for w in words:
        assert w in str(err.value)


def test_a_plan_for_another_joint_leaves_this_one_alone():
    h = simulate_programme(["low_back_arches"], "scapula", weeks=12, days=5)
    assert h.activated == () and h.lengthened == ()
    assert np.allclose(h.tilt, h.tilt[0])
