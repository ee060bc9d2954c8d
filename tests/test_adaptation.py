"""The adaptation teaching model: documented rates, caps, and the direction of change."""

import itertools

import numpy as np
import pytest

from forcecouple import adaptation_data, equilibrium, habits, pelvis, scapula, simulate

RATES = adaptation_data()["rates"]


def test_rates_are_the_documented_ones():
    assert RATES["strength_gain_per_week"]["value"] == 0.01 and RATES["strength_gain_per_week"]["cap"] == 0.15
    assert RATES["strength_loss_per_week"]["value"] == 0.02 and RATES["strength_loss_per_week"]["cap"] == 0.15
    assert RATES["length_change_per_week"]["value"] == 0.005 and RATES["length_change_per_week"]["cap"] == 0.05
    for r in RATES.values():
        assert "choice" in r["note"].lower()


@pytest.mark.parametrize("hours", [2.0, 8.0])
def test_first_week_moves_by_rate_times_dose(hours):
    h = simulate("long_sitting", hours, weeks=1)
    dose = hours / 8.0
    s = dict(zip(h.names, h.strength[:, 1], strict=True))
    ell = dict(zip(h.names, h.length[:, 1], strict=True))
    assert s["erector_spinae"] == 1.0  # sitting trains nothing: no muscle gets stronger
    assert s["gluteus_maximus"] == pytest.approx(1 - 0.02 * dose)
    assert ell["iliopsoas"] == pytest.approx(1 - 0.005 * dose)
    assert ell["hamstrings"] == pytest.approx(1 - 0.005 * dose)  # held short over the bent knee
    assert ell["gluteus_maximus"] == pytest.approx(1 + 0.005 * dose)
    carry = simulate("one_sided_carrying", hours, weeks=1)
    used = dict(zip(carry.names, carry.strength[:, 1], strict=True))
    assert used["upper_trapezius"] == pytest.approx(1 + 0.01 * dose)


def test_no_habit_changes_nothing():
    h = simulate("long_sitting", 0.0)
    assert np.all(h.strength == 1.0) and np.all(h.length == 1.0)
    assert np.allclose(h.tilt, equilibrium(pelvis("neutral")).angle, atol=1e-9)


@pytest.mark.parametrize("habit", list(habits()))
@pytest.mark.parametrize("hours", [1.0, 8.0, 24.0])
def test_strength_and_length_stay_positive_within_their_caps_and_move_one_way(habit, hours):
    h = simulate(habit, hours, weeks=200)
    assert np.all(h.strength > 0) and np.all(h.pull >= 0)
    assert np.all(h.strength <= 1.15 + 1e-12) and np.all(h.strength >= 0.85 - 1e-12)
    assert np.all(h.length <= 1.05 + 1e-12) and np.all(h.length >= 0.95 - 1e-12)
    steps_s, steps_l = np.diff(h.strength, axis=1), np.diff(h.length, axis=1)
    for i in range(len(h.names)):
        assert np.all(steps_s[i] >= -1e-15) or np.all(steps_s[i] <= 1e-15)
        assert np.all(steps_l[i] >= -1e-15) or np.all(steps_l[i] <= 1e-15)


def test_long_sitting_tilts_the_pelvis_forward_more_with_more_hours():
    start = equilibrium(pelvis("neutral")).angle
    ends = [simulate("long_sitting", hours).tilt[-1] for hours in (0, 2, 4, 8)]
    assert ends[0] == pytest.approx(start)
    assert all(b > a for a, b in itertools.pairwise(ends))
    assert ends[-1] - start < 5  # conservative: a few degrees at most in 24 weeks


def test_one_sided_carrying_raises_the_shoulder():
    h = simulate("one_sided_carrying", 6.0)
    assert h.tilt[0] == pytest.approx(equilibrium(scapula("neutral")).angle, abs=1e-9)
    assert h.tilt[-1] > h.tilt[0] and np.all(np.diff(h.tilt) >= -1e-9)


def test_what_feels_level_follows_the_posture_held():
    h = simulate("long_sitting", 8.0)
    assert h.feels_level[0] == pytest.approx(h.tilt[0], abs=1e-9)
    assert h.tilt[0] < h.feels_level[-1] <= h.tilt[-1] + 1e-9


@pytest.mark.parametrize("kwargs, words", [
    (dict(habit="slouching", hours=2), ["habit must be one of", "'long_sitting'", "'slouching'"]),
    (dict(habit="long_sitting", hours=-1), ["hours must lie in [0, 24] hours a day", "-1"]),
    (dict(habit="long_sitting", hours=float("nan")), ["hours", "nan"]),
    (dict(habit="long_sitting", hours=2, weeks=0), ["weeks must lie in [1, 520]", "0"]),
])
def test_bad_input(kwargs, words):
    with pytest.raises(ValueError) as err:
        simulate(**kwargs)
    for w in words:
        assert w in str(err.value)
