"""The equilibrium rule on hand-made cases whose answers are known."""

import math

import pytest

from forcecouple import SCAN_STEP, Joint, Muscle, equilibrium, steps_between


def test_steps_between_steps_and_ends_exactly_on_the_limit():
    g = steps_between(0.1, 1.0)
    assert g[0] == pytest.approx(0.35) and g[-1] == 1.0 and len(g) == 4
    g = steps_between(0.0, -1.0)
    assert list(g) == [-0.25, -0.5, -0.75, -1.0]
    assert SCAN_STEP <= 0.25


def test_constant_load_against_a_spring_has_the_closed_form_answer():
    joint = Joint([], stiffness=100.0, rest_angle=0.0, limits=(-90, 90), load=5.0)
    r = equilibrium(joint)
    assert r.angle == pytest.approx(math.degrees(5.0 / 100.0), abs=1e-9)
    assert abs(r.residual) < 1e-9 and r.stable and not r.at_limit
    assert r.torques["load"] == 5.0 and r.torques["spring"] == pytest.approx(-5.0, abs=1e-9)
    assert r.rest_torque == 5.0


def test_a_bone_with_nothing_to_stop_it_rests_on_the_limit():
    joint = Joint([], stiffness=0.0, limits=(-30, 40), load=-2.0)
    r = equilibrium(joint)
    assert r.at_limit and r.angle == -30.0 and r.stable and r.residual == -2.0


def test_zero_torque_at_rest_leaves_the_bone_there_even_when_unstable():
    # a weight straight above the pivot: balanced, but tipping would grow
    from forcecouple import Weight
    joint = Joint([], stiffness=0.0, limits=(-45, 45), load=Weight(10.0, (0.0, 10.0)))
    r = equilibrium(joint)
    assert r.angle == 0.0 and r.residual == 0.0 and not r.stable


def test_the_first_crossing_wins_not_the_deepest_well():
    # a spring with rest 0 and a constant load: crossing at +2.86 deg; a second,
    # stronger string far out would make another zero, but the bone stops first.
    m = Muscle("far", insertion=(10.0, 0.0), origin=(10.0, -30.0), pull=0.0)
    joint = Joint([m], stiffness=100.0, limits=(-80, 80), load=5.0)
    assert equilibrium(joint).angle == pytest.approx(math.degrees(0.05), abs=1e-6)


def test_rest_on_a_limit_pushed_outward_stays_there():
    joint = Joint([], stiffness=0.0, rest_angle=40.0, limits=(-30, 40), load=1.0)
    r = equilibrium(joint)
    assert r.at_limit and r.angle == 40.0 and r.residual == 1.0


def test_pull_only_copies_share_the_geometry_cache_but_never_a_stale_answer():
    from forcecouple import pelvis
    base = pelvis("neutral")
    equilibrium(base)  # fills the cache
    copy = base.with_pulls({"iliopsoas": 3000.0, "gluteus_maximus": 0.0})
    probe = base.geometry_cached("probe", object)
    assert copy.geometry_cached("probe", object) is probe
    fresh = Joint([Muscle(m.name, m.insertion, m.origin, m.pull, fmax=m.fmax, origin_turns=m.origin_turns)
                   for m in copy.muscles], stiffness=copy.stiffness, rest_angle=copy.rest_angle,
                  limits=copy.limits)
    assert fresh.geometry_cached("probe", object) is not probe
    assert equilibrium(copy).angle == pytest.approx(equilibrium(fresh).angle, abs=1e-12)
    assert equilibrium(copy).angle > equilibrium(base).angle


def test_steps_between_holds_rest_and_both_limits_exactly():
    from forcecouple import scan_grid
    joint = Joint([], stiffness=1.0, rest_angle=6.34, limits=(-15, 40))
    grid, r = scan_grid(joint)
    assert grid[0] == -15 and grid[-1] == 40 and grid[r] == 6.34
    steps = abs(grid[1:] - grid[:-1])
    assert steps.max() <= 0.25 + 1e-12 and bool((steps > 0).all())


def test_a_torque_that_is_zero_up_to_rounding_leaves_the_bone_at_rest():
    from forcecouple import ZERO_TORQUE
    joint = Joint([], stiffness=0.0, limits=(-30, 30), load=ZERO_TORQUE / 2)
    assert equilibrium(joint).angle == 0.0
    joint = Joint([], stiffness=0.0, limits=(-30, 30), load=ZERO_TORQUE * 2)
    assert equilibrium(joint).angle == 30.0
