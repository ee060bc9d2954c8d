"""Hypothesis strategies for random but well-posed joints."""

from __future__ import annotations

import math

from hypothesis import strategies as st

from forcecouple import Joint, Muscle, Weight
from forcecouple._validate import MAX_FORCE, MAX_JOINT_STIFFNESS, MAX_STRING_STIFFNESS, MAX_TORQUE, MAX_TURNS

LIMITS = (-60.0, 60.0)


@st.composite
def points(draw, r_min: float, r_max: float):
    r = draw(st.floats(r_min, r_max))
    a = draw(st.floats(-math.pi, math.pi))
    return (r * math.cos(a), r * math.sin(a))


@st.composite
def muscles(draw, name: str, max_pull: float = 400.0):
    """A string whose origin lies far enough out that it never shrinks to zero."""
    return Muscle(
        name,
        insertion=draw(points(1.0, 15.0)),
        origin=draw(points(20.0, 40.0)),
        pull=draw(st.floats(0.0, max_pull)),
        stiffness=draw(st.one_of(st.just(0.0), st.floats(0.0, 20.0))),
        origin_turns=draw(st.sampled_from([0.0, 0.0, 0.5, 1.0])),
    )


@st.composite
def joints(draw, max_muscles: int = 5, with_load: bool = True, limits=None, rest_angle=None):
    """A joint of 1 to ``max_muscles`` strings; ``limits`` (a strategy) and ``rest_angle``
    (limits -> strategy) default to LIMITS and -30 to 30 degrees."""
    n = draw(st.integers(1, max_muscles))
    ms = [draw(muscles(f"m{i}")) for i in range(n)]
    load = None
    if with_load:
        load = draw(st.one_of(st.none(), st.floats(-20.0, 20.0),
                              st.builds(Weight, st.floats(0.0, 100.0), points(0.5, 15.0))))
    stiffness = draw(st.floats(5.0, 300.0))
    lo, hi = LIMITS if limits is None else draw(limits)
    rest = draw(st.floats(-30.0, 30.0) if rest_angle is None else rest_angle(lo, hi))
    return Joint(ms, stiffness=stiffness, rest_angle=rest, limits=(lo, hi), load=load)


@st.composite
def limit_pairs(draw):
    """Joint limits (low < high, degrees) anywhere in [-180, 180], from a hair's width to the whole turn."""
    lo = draw(st.floats(-180.0, 179.0))
    return lo, draw(st.floats(min(lo + 1e-6, 180.0), 180.0))


def rest_angles(lo: float, hi: float):
    """Rest angles in [lo, hi], often on a limit or within 1e-9 degrees of one, where
    the scan grid's first step is shorter than any tolerance."""
    near = st.floats(0.0, 1e-9)
    return st.one_of(st.floats(lo, hi), st.sampled_from([lo, hi]),
                     near.map(lambda d: max(lo, hi - d)), near.map(lambda d: min(hi, lo + d)))


@st.composite
def extreme_joints(draw):
    """A joint drawn from the whole range the model accepts (cm, N, N·m): points to
    ±1000 cm, pulls to 1e6 N, string stiffness to 1e4 N/cm, turns to ±10, joint
    stiffness to 1e6 N·m/rad, loads to 1e6 N·m or a 1e6 N weight."""
    lo, hi = draw(limit_pairs())
    ms = [Muscle(f"m{i}", insertion=draw(points(1e-3, 700.0)), origin=draw(points(701.0, 1000.0)),
                 pull=draw(st.floats(0.0, MAX_FORCE)), stiffness=draw(st.floats(0.0, MAX_STRING_STIFFNESS)),
                 origin_turns=draw(st.floats(-MAX_TURNS, MAX_TURNS))) for i in range(draw(st.integers(0, 5)))]
    load = draw(st.one_of(st.none(), st.floats(-MAX_TORQUE, MAX_TORQUE),
                          st.builds(Weight, st.floats(0.0, MAX_FORCE), points(0.0, 700.0))))
    return Joint(ms, stiffness=draw(st.floats(0.0, MAX_JOINT_STIFFNESS)), rest_angle=draw(rest_angles(lo, hi)),
                 limits=(lo, hi), load=load)
