"""Physical invariants of the equilibrium rule, as property tests.

Each test states its precondition in its docstring.
"""

import math

import numpy as np
import reference as ref
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from strategies import LIMITS, extreme_joints, joints, limit_pairs, muscles, points, rest_angles

from forcecouple import Joint, Muscle, Weight, equilibrium, moment_arm
from forcecouple.model.solve import RESIDUAL_TOL

SETTINGS = settings(max_examples=80, deadline=None)


def mirror_muscle(m: Muscle, name: str) -> Muscle:
    return Muscle(name, insertion=(-m.insertion[0], m.insertion[1]),
                  origin=(-m.origin[0], m.origin[1]), pull=m.pull, stiffness=m.stiffness,
                  origin_turns=m.origin_turns)


def mirror_joint(j: Joint) -> Joint:
    load = j.load
    if isinstance(load, Weight):
        load = Weight(load.force, (-load.at[0], load.at[1]))
    elif load is not None:
        load = -load
    return Joint([mirror_muscle(m, m.name) for m in j.muscles], stiffness=j.stiffness,
                 rest_angle=-j.rest_angle, limits=(-j.limits[1], -j.limits[0]), load=load)


@st.composite
def right_side_muscles(draw, name: str):
    """A string with insertion and origin both right of the pivot (x > 0)."""
    def point(r_min, r_max):
        r = draw(st.floats(r_min, r_max))
        a = draw(st.floats(-1.4, 1.4))  # radians: the right half-plane, away from the y axis
        return (r * math.cos(a), r * math.sin(a))
    return Muscle(name, insertion=point(1.0, 15.0), origin=point(20.0, 40.0), pull=draw(st.floats(0.0, 400.0)),
                  stiffness=draw(st.one_of(st.just(0.0), st.floats(0.0, 20.0))))


@SETTINGS
@given(st.lists(right_side_muscles("m"), min_size=1, max_size=3), st.floats(1.0, 300.0))
def test_mirror_symmetric_joint_rests_at_zero(half, stiffness):
    """Precondition: every string has a mirror twin (x -> -x) with the same pull and
    stiffness, the strings are uncrossed (each pair on its own side), there is a
    joint spring and rest_angle is 0."""
    ms = [Muscle(f"a{i}", m.insertion, m.origin, m.pull, stiffness=m.stiffness) for i, m in enumerate(half)]
    ms += [mirror_muscle(m, f"b{i}") for i, m in enumerate(ms)]
    result = equilibrium(Joint(ms, stiffness=stiffness, rest_angle=0.0, limits=LIMITS))
    assert abs(result.angle) < 1e-9


@SETTINGS
@given(joints())
def test_mirroring_negates_the_angle(joint):
    """Precondition: none. Mirroring all geometry, the load, the limits and the rest
    angle mirrors the torque curve, so the answer is negated."""
    a, b = equilibrium(joint), equilibrium(mirror_joint(joint))
    assert abs(a.angle + b.angle) < 1e-7
    assert a.at_limit == b.at_limit


@st.composite
def lifting_strings(draw):
    """A string tied on the bone's axis right of the pivot (x <= 15 cm), its anchor
    straight above at h >= 30 cm: r x F is x (h cos t - x sin t) > 0 for |t| <= 60
    deg, so its moment arm is positive over the whole range (checked in the test)."""
    x = draw(st.floats(1.0, 15.0))
    return Muscle("lift", insertion=(x, 0.0), origin=(x, draw(st.floats(30.0, 200.0))),
                  pull=draw(st.floats(0.0, 200.0)), origin_turns=draw(st.sampled_from([0.0, 1.0])))


@SETTINGS
@given(joints(max_muscles=4), lifting_strings(), st.floats(1.0, 500.0))
def test_more_pull_on_a_positive_arm_never_lowers_the_angle(joint, lift, extra):
    """Precondition: the chosen string's moment arm is positive over the whole range
    (built into the strategy, and checked here)."""
    joint = Joint([*joint.muscles, lift], stiffness=joint.stiffness, rest_angle=joint.rest_angle,
                  limits=joint.limits, load=joint.load)
    assert bool(np.all(moment_arm(lift, np.linspace(*joint.limits, 481)) > 0))
    before = equilibrium(joint)
    after = equilibrium(joint.with_pulls({"lift": lift.pull + extra}))
    assert after.angle >= before.angle - 1e-9


@SETTINGS
@given(st.lists(muscles("m", max_pull=1.0), min_size=1, max_size=4), st.floats(50.0, 300.0))
def test_small_pulls_follow_the_spring_law(ms, stiffness):
    """Precondition: string stiffness 0, no load, rest_angle 0, small pulls (<= 1 N).
    Then the tilt is the rest-angle torque over the joint stiffness."""
    ms = [Muscle(f"m{i}", m.insertion, m.origin, m.pull, origin_turns=m.origin_turns)
          for i, m in enumerate(ms)]
    joint = Joint(ms, stiffness=stiffness, rest_angle=0.0, limits=LIMITS)
    expected = math.degrees(joint.net_torque(0.0) / stiffness)
    got = equilibrium(joint).angle
    assert abs(got - expected) <= 0.02 * abs(expected) + 1e-9


@SETTINGS
@given(joints())
def test_residual_is_tiny_off_the_limits(joint):
    """Precondition: none."""
    r = equilibrium(joint)
    if not r.at_limit:
        assert abs(r.residual) < 1e-6
        assert abs(ref.net_torque(joint, r.angle)) < 1e-6
    else:
        assert r.angle in joint.limits
        assert r.residual == ref.net_torque(joint, r.angle) or abs(
            r.residual - ref.net_torque(joint, r.angle)) < 1e-9


@SETTINGS
@given(joints())
def test_stable_answers_have_a_negative_slope(joint):
    """Precondition: the answer is off the limits and the torque curve is not flat there."""
    r = equilibrium(joint)
    assume(not r.at_limit)
    h = 1e-4
    lo, hi = max(r.angle - h, joint.limits[0]), min(r.angle + h, joint.limits[1])
    slope = (ref.net_torque(joint, hi) - ref.net_torque(joint, lo)) / (hi - lo)
    assume(abs(slope) > 1e-6)
    assert r.stable == (slope < 0)
    assert r.stable  # the rule only stops where the torque falls through zero


@SETTINGS
@given(joints())
def test_solver_follows_the_rule(joint):
    """Precondition: none. The answer is the brute-force scan-and-bisect answer."""
    want, at_limit = ref.equilibrium_angle(joint)
    got = equilibrium(joint)
    assert got.at_limit == at_limit
    assert abs(got.angle - want) < 1e-7


@SETTINGS
@given(joints())
def test_torques_at_the_answer_add_up(joint):
    """Precondition: none. The split adds up to the residual and matches r x F."""
    r = equilibrium(joint)
    assert abs(sum(r.torques.values()) - r.residual) < 1e-9
    for m in joint.muscles:
        want = ref.tension(m, r.angle) * ref.moment_arm(m, r.angle) / 100
        assert abs(r.torques[m.name] - want) < 1e-9
    assert abs(r.rest_torque - ref.net_torque(joint, joint.rest_angle)) < 1e-9


@settings(max_examples=30, deadline=None)
@given(points(1.0, 10.0), st.floats(0, 100))
def test_weight_on_the_right_of_the_pivot_turns_clockwise(at, force):
    """Precondition: the weight hangs right of the pivot at angle 0 (x > 0)."""
    assume(at[0] > 0.1)
    joint = Joint([], stiffness=10.0, limits=(-5, 5), load=Weight(force, at))
    assert joint.net_torque(0.0) <= 0.0


def assert_a_valid_answer(joint: Joint, r) -> None:
    """Within the limits, every number finite, at rest or on a limit."""
    lo, hi = joint.limits
    assert lo <= r.angle <= hi
    assert all(math.isfinite(x) for x in (r.angle, r.residual, r.rest_torque, *r.torques.values()))
    if r.at_limit:
        assert r.angle in (lo, hi)
    else:
        assert abs(r.residual) < 1e-6


@settings(max_examples=150, deadline=None)
@given(joints(limits=limit_pairs(), rest_angle=rest_angles))
def test_an_equilibrium_exists_even_when_released_at_a_limits_edge(joint):
    """Precondition: none. Limits anywhere in [-180, 180] (as narrow as 1e-6 deg) and
    rest angles on a limit or within 1e-9 deg of one, where the scan grid's first
    step is far shorter than 0.25 deg."""
    r = equilibrium(joint)
    assert_a_valid_answer(joint, r)
    if not r.at_limit:
        assert abs(ref.net_torque(joint, r.angle)) < 1e-6


@settings(max_examples=150, deadline=None)
@given(extreme_joints())
def test_any_accepted_joint_gets_a_valid_answer_or_a_clear_error(joint):
    """Precondition: none; joints from the whole range the model accepts. Where the
    floats cannot bring the net torque below 1e-6 N·m (torques of 1e8 N·m on strings
    a hair long), the solver says so with ValueError instead of answering."""
    try:
        r = equilibrium(joint)
    except ValueError as err:
        assert str(err).startswith("joint: ") and f"{RESIDUAL_TOL:g} N·m" in str(err)
        return
    assert_a_valid_answer(joint, r)
