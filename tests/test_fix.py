"""The least-effort fix and the sensitivity of the rest angle to each pull."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forcecouple import equilibrium, floating_bone, least_effort, moment_arm, pelvis, scapula, sensitivity


def test_two_strings_match_a_brute_force_search():
    bone = floating_bone(30.0, 60.0)
    target = 10.0
    answer = least_effort(bone, target)
    best = None
    grid = np.linspace(0.0, 1.0, 401)
    for left in grid:  # for each left activation, the right one that balances the bone at the target
        lo, hi = 0.0, 1.0
        net = lambda r, left=left: bone.with_activations({"left": left, "right": r}).net_torque_at(target)  # noqa: E731
        if np.sign(net(lo)) == np.sign(net(hi)):
            continue
        for _ in range(60):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if np.sign(net(mid)) == np.sign(net(lo)) else (lo, mid)
        cost = left ** 2 + lo ** 2
        if best is None or cost < best[0]:
            best = (cost, left, lo)
    assert answer.cost == pytest.approx(best[0], rel=2e-3, abs=1e-5)
    assert answer.activations["left"] == pytest.approx(best[1], abs=5e-3)
    assert answer.result.angle == pytest.approx(target, abs=0.1)


@pytest.mark.parametrize("power", [2, 3])
@pytest.mark.parametrize("target", [10.0, 14.0, 18.0])
def test_the_pelvis_answer_meets_the_kkt_conditions(target, power):
    joint = pelvis("lower_crossed")
    answer = least_effort(joint, target, power=power)
    a = np.array([answer.activations[n] for n in joint.names])
    g = np.array([joint.muscle(n).fmax * moment_arm(joint.muscle(n), target) / 100 for n in joint.names])
    grad = power * a ** (power - 1)
    inside = (a > 1e-6) & (a < 1 - 1e-6)
    assert inside.any()
    lam = np.mean(grad[inside] / g[inside])
    assert np.allclose(grad[inside], lam * g[inside], rtol=1e-3, atol=1e-6)
    at_zero = a <= 1e-6  # the cost could only fall by moving inward against the constraint
    assert np.all(grad[at_zero] - lam * g[at_zero] >= -1e-6)
    assert abs(answer.result.angle - target) <= 0.1


def test_fixed_muscles_stay_fixed_and_the_change_is_measured_from_now():
    joint = pelvis("lower_crossed")
    held = {"iliopsoas": joint.muscle("iliopsoas").activation, "rectus_femoris": 0.05}
    answer = least_effort(joint, 12.0, fixed=held)
    assert answer.activations["iliopsoas"] == held["iliopsoas"]
    assert answer.activations["rectus_femoris"] == 0.05
    for n in joint.names:
        assert answer.change[n] == pytest.approx(answer.activations[n] - joint.muscle(n).activation)


def test_an_unreachable_target_says_the_reachable_range():
    bone = floating_bone(0.0, 0.0)
    with pytest.raises(ValueError, match=r"reachable targets: from -?\d+\.\d to -?\d+\.\d degrees"):
        least_effort(bone, 50.0, bounds={"left": (0.0, 0.1), "right": (0.0, 0.1)})


@pytest.mark.parametrize(("kwargs", "name"), [
    (dict(target=float("nan")), "target"), (dict(target=90.0), "target"), (dict(target=10.0, power=4), "power"),
    (dict(target=10.0, fixed={"bogus": 0.1}), "fixed"), (dict(target=10.0, fixed={"iliopsoas": 2.0}), "fixed"),
    (dict(target=10.0, bounds={"hamstrings": (0.5, 0.2)}), "bounds"), (dict(target=10.0, fixed=[0.1]), "fixed"),
])
def test_bad_input_names_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=name):
        least_effort(pelvis(), **kwargs)


def test_sensitivity_signs_follow_the_lever_arms_and_steps_add_up_for_small_steps():
    for joint in (pelvis("lower_crossed"), scapula("shrugged")):
        s = sensitivity(joint, step=0.01)
        for n, (up, down) in s.changes.items():
            arm = moment_arm(joint.muscle(n), s.angle)
            assert np.sign(up) == np.sign(arm), (n, up, arm)
            if down is not None:
                assert np.sign(down) == -np.sign(arm)
        together = equilibrium(joint.with_activations(
            {n: joint.muscle(n).activation + 0.01 for n in s.changes})).angle - s.angle
        assert together == pytest.approx(sum(up for up, _ in s.changes.values()), rel=0.1, abs=0.05)


@settings(max_examples=15, deadline=None)
@given(st.floats(8.0, 19.0))
def test_any_target_between_neutral_and_lower_crossed_is_reached(target):
    assert abs(least_effort(pelvis("lower_crossed"), target).result.angle - target) <= 0.1


def test_sensitivity_refuses_a_bad_step():
    with pytest.raises(ValueError, match="step"):
        sensitivity(pelvis(), step=0.0)
