"""Bad input raises ValueError naming the parameter, the value and what is allowed."""

import math

import numpy as np
import pytest

from forcecouple import (
    Joint,
    Muscle,
    Weight,
    equilibrium,
    floating_bone,
    moment_arm,
    pelvis,
    preset_data,
    scapula,
    thelen_passive,
    torque_basis,
)

GOOD = dict(name="m", insertion=(5.0, 0.0), origin=(5.0, 30.0))


def muscle(**kw):
    return Muscle(**{**GOOD, **kw})


@pytest.mark.parametrize("kw, words", [
    (dict(pull=-1.0), ["m: pull", "-1", "[0, inf]"]),
    (dict(pull=math.nan), ["m: pull", "nan", "finite"]),
    (dict(pull=math.inf), ["m: pull", "inf", "finite"]),
    (dict(fmax=-5.0), ["m: fmax", "-5"]),
    (dict(fmax=0.0), ["m: fmax", "0"]),
    (dict(stiffness=-0.1), ["m: stiffness", "-0.1", "N/cm"]),
    (dict(slack=0.0), ["m: slack", "0"]),
    (dict(insertion=(0.0, 0.0)), ["m: insertion", "pivot"]),
    (dict(insertion=(1.0, math.nan)), ["m: insertion[1]", "nan"]),
    (dict(insertion=(1.0, 2.0, 3.0)), ["m: insertion", "(x, y)"]),
    (dict(origin="up"), ["m: origin", "'up'"]),
    (dict(origin=(5.0, 0.0)), ["m", "zero length"]),
    (dict(origin_turns=math.inf), ["m: origin_turns", "inf"]),
    (dict(passive=3.0), ["m: passive", "callable"]),
    (dict(stiffness=1.0, passive=thelen_passive(100, 10)), ["stiffness or passive"]),
    (dict(name=""), ["name", "''"]),
    (dict(pull="a lot"), ["m: pull", "'a lot'"]),
])
def test_bad_muscles(kw, words):
    with pytest.raises(ValueError) as err:
        muscle(**kw)
    for w in words:
        assert w in str(err.value)


@pytest.mark.parametrize("kw, words", [
    (dict(stiffness=-1.0), ["stiffness", "-1", "N·m/rad"]),
    (dict(stiffness=math.nan), ["stiffness", "nan"]),
    (dict(limits=(10, -10)), ["limits", "increasing", "(10, -10)"]),
    (dict(limits=(5, 5)), ["limits", "increasing"]),
    (dict(limits=(-200, 10)), ["limits[0]", "-200", "[-180, 180]"]),
    (dict(limits=3), ["limits", "pair"]),
    (dict(rest_angle=50.0, limits=(-10, 10)), ["rest_angle", "50", "[-10, 10]"]),
    (dict(rest_angle=math.inf), ["rest_angle", "inf"]),
    (dict(load=math.nan), ["load", "nan"]),
    (dict(load="heavy"), ["load", "'heavy'"]),
    (dict(landmarks={"ASIS": (1.0,)}), ["landmarks['ASIS']", "(x, y)"]),
    (dict(directions=("up",)), ["directions", "two words"]),
])
def test_bad_joints(kw, words):
    with pytest.raises(ValueError) as err:
        Joint([muscle()], **kw)
    for w in words:
        assert w in str(err.value)


def test_joint_rejects_a_string_that_reaches_zero_length_within_the_limits():
    # insertion (10, 0) meets an origin at (0, 10) when the bone turns 90 degrees
    m = Muscle("reacher", insertion=(10.0, 0.0), origin=(0.0, 10.0))
    with pytest.raises(ValueError, match=r"'reacher'.*zero length at angle 90 degrees"):
        Joint([m], limits=(-100, 100))
    Joint([m], limits=(-80, 80))  # the same string is fine if the bone cannot get there


def test_joint_rejects_duplicate_and_reserved_names_and_non_muscles():
    with pytest.raises(ValueError, match="'m' appears 2 times"):
        Joint([muscle(), muscle()])
    with pytest.raises(ValueError, match="'spring' is reserved"):
        Joint([muscle(name="spring")])
    with pytest.raises(ValueError, match=r"muscles\[0\] must be a Muscle"):
        Joint(["biceps"])


def test_weight_validates():
    with pytest.raises(ValueError, match=r"load.force must lie in \[0, inf\] N; got -3"):
        Weight(-3.0, (1, 1))
    with pytest.raises(ValueError, match=r"load\.at"):
        Weight(3.0, None)


@pytest.mark.parametrize("angles, words", [
    (np.zeros((2, 2)), ["angles", "shape (2, 2)"]),
    ([0.0, math.nan], ["angles", "finite"]),
    ("ten", ["angles", "'ten'"]),
    (95.0, ["angles", "limits [-90, 90]", "95"]),
])
def test_bad_angles(angles, words):
    joint = Joint([muscle()])
    for call in (joint.net_torque, lambda a: torque_basis(joint, a)):
        with pytest.raises(ValueError) as err:
            call(angles)
        for w in words:
            assert w in str(err.value)


def test_moment_arm_and_solver_reject_wrong_types():
    with pytest.raises(ValueError, match="muscle must be a Muscle"):
        moment_arm("psoas", 0.0)
    with pytest.raises(ValueError, match=r"angles.*shape \(1, 1\)"):
        moment_arm(muscle(), [[1.0]])
    with pytest.raises(ValueError, match="joint must be a Joint"):
        equilibrium("pelvis")
    with pytest.raises(ValueError, match="joint must be a Joint"):
        torque_basis(None, [0.0])


def test_unknown_presets_patterns_and_names():
    with pytest.raises(ValueError, match=r"pattern must be one of 'neutral', 'lower_crossed'; got 'slouch'"):
        pelvis("slouch")
    with pytest.raises(ValueError, match=r"pattern must be one of 'neutral', 'shrugged'"):
        scapula("hunched")
    with pytest.raises(ValueError, match=r"name must be one of 'floating_bone'"):
        preset_data("knee")
    with pytest.raises(ValueError, match=r"pulls key must be one of .*'iliopsoas'.*got 'psoas'"):
        pelvis().with_pulls({"psoas": 10})
    with pytest.raises(ValueError, match=r"activation of hamstrings must lie in \[0, 1\]; got 1.5"):
        pelvis().with_activations({"hamstrings": 1.5})
    with pytest.raises(ValueError, match="name must be one of 'ASIS'"):
        pelvis().landmark("navel", 0.0)
    with pytest.raises(ValueError, match="has no fmax"):
        Joint([muscle()]).with_activations({"m": 0.5})


def test_floating_bone_checks_its_sliders():
    with pytest.raises(ValueError, match=r"insertion must lie in \[2, 25\] cm; got 0"):
        floating_bone(insertion=0)
    with pytest.raises(ValueError, match=r"left must lie in \[0, 100\] N; got 150"):
        floating_bone(left=150)
    with pytest.raises(ValueError, match=r"right must lie in \[0, 100\] N; got -1"):
        floating_bone(right=-1)


def test_basis_net_checks_the_pull_count():
    basis = torque_basis(pelvis(), [0.0, 1.0])
    with pytest.raises(ValueError, match=r"one value per muscle \(7\); got shape \(2,\)"):
        basis.net([1.0, 2.0])
