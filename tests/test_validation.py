"""Bad input raises ValueError naming the parameter, the value and what is allowed."""

import math

import numpy as np
import pytest

from forcecouple import (
    Joint,
    JointExplorer,
    Muscle,
    SeriesExplorer,
    Weight,
    check_dose,
    equilibrium,
    floating_bone,
    moment_arm,
    pattern_activations,
    pelvis,
    plan,
    preset_data,
    rotate,
    scapula,
    simulate,
    steps_between,
    thelen_passive,
    thelen_passive_force,
    torque_basis,
)

GOOD = dict(name="m", insertion=(5.0, 0.0), origin=(5.0, 30.0))


def muscle(**kw):
    return Muscle(**{**GOOD, **kw})


@pytest.mark.parametrize("kw, words", [
    (dict(pull=-1.0), ["m: pull", "-1", "[0, 1e+06]"]),
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
    with pytest.raises(ValueError, match=r"load.force must lie in \[0, 1e\+06\] N; got -3"):
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
    with pytest.raises(ValueError, match=r"activations\['hamstrings'\] must lie in \[0, 1\]; got 1.5"):
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


# -- the reproductions of the robustness review ------------------------------------

def _series(**kw):
    args = dict(choices={"a": ["one"]}, run=lambda i: {"panels": [[{"label": "l", "values": [0.0]}]], "summary": ""},
                x=[0.0], panels=[("t", "y")])
    return SeriesExplorer(**{**args, **kw})


def _bone_explorer(**kw):
    return JointExplorer(floating_bone(), unit="N", **kw)


@pytest.mark.parametrize("call, error, words", [
    (lambda: Muscle("a", (5, 0), (5, 10), pull=10**400), ValueError, ["a: pull", "finite", "1000000"]),
    (lambda: floating_bone().with_pulls({"left": 1e308, "right": 1e308}), ValueError,
     ["pulls['left']", "[0, 1e+06] N", "1e+308"]),
    (lambda: Muscle("a", (1e300, 0.0), (5, 10)), ValueError, ["a: insertion[0]", "[-1000, 1000] cm", "1e+300"]),
    (lambda: Joint([], stiffness=1e308), ValueError, ["stiffness", "[0, 1e+06] N·m/rad", "1e+308"]),
    (lambda: Muscle("a", (5, 0), (5, 10), origin_turns=1e20), ValueError, ["a: origin_turns", "[-10, 10]", "1e+20"]),
    (lambda: Joint([], load=-1e308), ValueError, ["load", "[-1e+06, 1e+06]", "-1e+308"]),
    (lambda: pattern_activations("pelvis", "bogus"), ValueError, ["pattern", "'neutral'", "'bogus'"]),
    (lambda: Joint([], landmarks=[(1.0, 2.0)]), TypeError, ["landmarks", "mapping", "[(1.0, 2.0)]"]),
    (lambda: scapula().with_activations([0.1]), TypeError, ["activations", "mapping", "[0.1]"]),
    (lambda: scapula().with_activations({"upper_trapezius": math.nan}), ValueError,
     ["activations['upper_trapezius']", "finite", "nan"]),
    (lambda: scapula().with_pulls([0.1]), TypeError, ["pulls", "mapping", "[0.1]"]),
    (lambda: _bone_explorer(controls=[["left"]]), TypeError, ["controls", "mapping", "[['left']]"]),
    (lambda: _bone_explorer(presets=[floating_bone()]), TypeError, ["presets", "mapping"]),
    (lambda: _bone_explorer(presets={"p": (floating_bone(), 0, 1)}), ValueError, ["presets['p']", "(Joint, variant)"]),
    (lambda: _series(choices=[["one"]]), TypeError, ["choices", "mapping", "[['one']]"]),
    (lambda: _bone_explorer(normal_range=[]), ValueError, ["normal_range", "pair (low, high)", "[]"]),
    (lambda: _bone_explorer(normal_range={}), ValueError, ["normal_range", "pair (low, high)", "{}"]),
    (lambda: pelvis(np.array(["neutral", "lower_crossed"])), TypeError, ["pattern", "'neutral'", "array("]),
    (lambda: pelvis().muscle(np.zeros((2, 2))), TypeError, ["name", "'iliopsoas'", "array("]),
    (lambda: thelen_passive_force(math.nan), ValueError, ["strain", "finite", "nan"]),
    (lambda: thelen_passive_force(1.0, fmax=-1.0), ValueError, ["fmax", "[0, 1e+06] N", "-1"]),
    (lambda: thelen_passive_force("2"), TypeError, ["strain", "'2'"]),
    (lambda: torque_basis(pelvis(), [0.0]).net([math.nan] * 7), ValueError, ["pulls[0]", "finite", "nan"]),
    (lambda: rotate((1, 2), math.nan), ValueError, ["angle_deg", "finite", "nan"]),
    (lambda: rotate((1, math.inf), 5.0), ValueError, ["points[1]", "finite", "inf"]),
    (lambda: pelvis().net_torque("5"), TypeError, ["angles", "'5'"]),
    (lambda: pelvis().net_torque(True), TypeError, ["angles", "True"]),
    (lambda: pelvis().net_torque([1.0, True]), TypeError, ["angles[1]", "True"]),
    (lambda: pelvis().net_torque(np.array([1.0, None])), TypeError, ["angles", "dtype=object"]),
    (lambda: pelvis().net_torque_at(math.nan), ValueError, ["angle", "nan"]),
    (lambda: check_dose("activate", allow_outside="no", sets=4), TypeError, ["allow_outside", "True or False", "'no'"]),
    (lambda: simulate("long_sitting", 2.0, weeks=2.9), TypeError, ["weeks", "an int", "2.9"]),
    (lambda: simulate("long_sitting", 2.0, weeks=True), TypeError, ["weeks", "an int", "True"]),
    (lambda: plan("head_forward"), TypeError, ["findings", "pass a list of findings", "'head_forward'"]),
    (lambda: plan(["head_forward", 3]), TypeError, ["findings[1]", "3"]),
    (lambda: steps_between(0.0, 1.0, 1e-12), ValueError, ["step", "[0.001, 360] degrees", "1e-12"]),
])
def test_bad_input_of_the_review_is_refused(call, error, words):
    """Each raises ValueError, or TypeError for a wrong type, naming the parameter (and
    key or index), the value and what is allowed; a TypeError is a ValueError too."""
    with pytest.raises(error) as err:
        call()
    assert isinstance(err.value, ValueError)
    for w in words:
        assert w in str(err.value)


@pytest.mark.parametrize("rest_angle", [90 - 1e-12, 90 - 2.4e-10, 90.0, -90 + 1e-12, -90.0])
def test_a_release_a_hair_from_a_limit_solves(rest_angle):
    joint = Joint([Muscle("a", (5, 0), (5, 10), pull=10)], stiffness=1, rest_angle=rest_angle)
    r = equilibrium(joint)
    assert joint.limits[0] <= r.angle <= joint.limits[1]
    assert all(map(math.isfinite, (r.angle, r.residual, r.rest_torque, *r.torques.values())))
    assert r.at_limit or abs(r.residual) < 1e-6


def test_the_scan_grid_steps_to_an_end_closer_than_a_step():
    assert list(steps_between(90 - 1e-12, 90.0)) == [90.0]
    assert steps_between(5.0, 5.0).size == 0


@pytest.mark.parametrize("passive, words", [
    (lambda s: s * math.nan, ["a: passive", "finite", "nan"]),
    (lambda s: np.where(np.asarray(s) > 0.5, 1e5, 0.0), ["joint", "1e-06 N·m", "jumps"]),
])
def test_a_solve_that_cannot_answer_says_so(passive, words):
    """A passive curve that gives NaN, or jumps so that no angle has a net torque
    below 1e-6 N·m, gets ValueError, never an answer with a NaN or a large residual."""
    joint = Joint([Muscle("a", (5, 0), (5, 10), passive=passive), Muscle("b", (-5, 0), (-5, 10), pull=1e3)],
                  rest_angle=0.0)
    with pytest.raises(ValueError) as err:
        equilibrium(joint)
    for w in words:
        assert w in str(err.value)
