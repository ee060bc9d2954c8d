"""Hypothesis strategies for random but well-posed joints."""

from __future__ import annotations

import math

from hypothesis import strategies as st

from forcecouple import Joint, Muscle, Weight

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
def joints(draw, max_muscles: int = 5, with_load: bool = True):
    n = draw(st.integers(1, max_muscles))
    ms = [draw(muscles(f"m{i}")) for i in range(n)]
    load = None
    if with_load:
        load = draw(st.one_of(st.none(), st.floats(-20.0, 20.0),
                              st.builds(Weight, st.floats(0.0, 100.0), points(0.5, 15.0))))
    return Joint(ms, stiffness=draw(st.floats(5.0, 300.0)),
                 rest_angle=draw(st.floats(-30.0, 30.0)), limits=LIMITS, load=load)
