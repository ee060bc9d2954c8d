"""FixExplorer: the precomputed least-effort grid, its interpolation, its size, the live kernel, bad input;
and what the sensitivity bars of the pelvis and shoulder explorers are sent."""

import gzip
import json

import numpy as np
import pytest

from forcecouple import (
    FixExplorer,
    equilibrium,
    fix_explorer,
    floating_bone_explorer,
    pelvis,
    pelvis_explorer,
    preset_groups,
    scapula_explorer,
)
from forcecouple.course.fix import least_effort
from forcecouple.view.widgets import unpack_floats

LOCKS = ("hip flexors", "low back", "abdominals")


@pytest.fixture(scope="module")
def widget():
    return fix_explorer()


def held(mask):
    """The lower-crossed activations of the muscles a lock combination holds."""
    joint, groups = pelvis("lower_crossed"), preset_groups("pelvis")
    return {n: joint.muscle(n).activation for k, g in enumerate(LOCKS) if mask >> k & 1 for n in groups[g]}


def page_activations(fix, names, mask, target):
    """What the page computes: linear interpolation along the grid, held muscles as they are now."""
    combo = fix["combos"][mask]
    x = (target - combo["from"]) / fix["step"]
    j0 = min(int(np.floor(x)), combo["count"] - 2)
    f = x - j0
    locked = {i for k, lock in enumerate(fix["locks"]) if mask >> k & 1 for i in lock["muscles"]}
    out = {}
    for i, name in enumerate(names):
        if i in locked:
            out[name] = fix["now"][i]
        elif combo["arrays"][i] is None:
            out[name] = 0.0
        else:
            a = unpack_floats(fix["arrays"][combo["arrays"][i]]).astype(float)
            out[name] = a[j0] + (a[j0 + 1] - a[j0]) * f
    return out


def test_spec_has_a_grid_per_lock_combination(widget):
    fix = widget.spec["fix"]
    names = [m["name"] for m in widget.spec["muscles"]]
    assert len(fix["combos"]) == 8 and len(fix["locks"]) == 3
    assert fix["step"] == 0.5 and fix["range"] == [-5.0, 40.0]
    assert [lock["label"].split(" ")[0] for lock in fix["locks"]] == ["hip", "low", "abdominals"]
    assert fix["now"] == pytest.approx([pelvis("lower_crossed").muscle(n).activation for n in names])
    for mask, combo in enumerate(fix["combos"]):
        assert len(combo["arrays"]) == len(names)
        locked = {i for k, lock in enumerate(fix["locks"]) if mask >> k & 1 for i in lock["muscles"]}
        for i in locked:
            assert combo["arrays"][i] is None
        for k in combo["arrays"]:
            if k is not None:
                assert len(unpack_floats(fix["arrays"][k])) == combo["count"]
    # hip flexors and low back held: the tool cannot tilt the pelvis beyond 23.5 deg forward
    assert widget.reachable([True, True, False]) == (-5.0, 23.5)
    assert widget.reachable([False, False, False]) == (-5.0, 40.0)
    assert widget.spec["controls"][0]["unit"] == "%" and len(widget.spec["controls"]) == len(names)


def test_grid_reproduces_least_effort_at_grid_points(widget):
    fix = widget.spec["fix"]
    names = [m["name"] for m in widget.spec["muscles"]]
    joint = pelvis("lower_crossed")
    for mask in range(8):
        combo = fix["combos"][mask]
        for j in (0, combo["count"] // 3, combo["count"] - 1):
            target = combo["from"] + j * fix["step"]
            exact = least_effort(joint, target, fixed=held(mask)).activations
            page = page_activations(fix, names, mask, target)
            for n in names:
                assert page[n] == pytest.approx(exact[n], abs=1e-6), (mask, target, n)


def test_interpolation_at_midpoints_is_within_tolerance(widget):
    fix = widget.spec["fix"]
    names = [m["name"] for m in widget.spec["muscles"]]
    joint = pelvis("lower_crossed")
    worst_act = worst_angle = 0.0
    for mask in range(8):
        combo = fix["combos"][mask]
        for j in range(0, combo["count"] - 1, 4):
            target = combo["from"] + (j + 0.5) * fix["step"]
            exact = least_effort(joint, target, fixed=held(mask))
            page = page_activations(fix, names, mask, target)
            worst_act = max(worst_act, max(abs(page[n] - exact.activations[n]) for n in names))
            rest = equilibrium(joint.with_activations(page)).angle
            worst_angle = max(worst_angle, abs(rest - exact.result.angle))
    print(f"midpoints: activation within {worst_act:.2e}, angle within {worst_angle:.3f} deg")
    assert worst_act <= 0.01
    assert worst_angle <= 0.2


def test_the_widget_adds_at_most_50_kb_gzip(widget):
    state = json.dumps({"spec": widget.spec, "_esm": widget._esm})
    size = len(gzip.compress(state.encode("utf-8")))
    print(f"fix widget state: {size / 1024:.1f} KB gzip")
    assert size <= 50 * 1024


def test_live_kernel_solves_the_exact_problem(widget):
    w = fix_explorer(target=13.37)
    exact = least_effort(pelvis("lower_crossed"), 13.37)
    assert w.answer["angle"] == pytest.approx(exact.result.angle, abs=1e-6)
    assert w.angle == pytest.approx(13.37, abs=0.1)
    assert w.values == pytest.approx([100 * exact.activations[n] for n in pelvis().names], abs=1e-6)
    assert w.description.startswith("To rest at 13.4° forward for the least effort")
    w.locks = [True, True, False]
    w.target = 35.0
    assert w.answer["target"] == 23.5
    assert "out of reach" in w.answer["note"]
    assert w.answer["held"] == ["erector_spinae", "iliopsoas", "rectus_femoris"]
    assert w.answer["activations"]["iliopsoas"] == pytest.approx(pelvis("lower_crossed").muscle("iliopsoas").activation)
    assert w.angle == pytest.approx(23.5, abs=0.1)
    fig = w.figure()
    assert len(fig.axes) == 2


@pytest.mark.parametrize(("kwargs", "param"), [
    (dict(target=100.0), "target"),
    (dict(target=float("nan")), "target"),
    (dict(target="10"), "target"),
    (dict(pattern="upside_down"), "pattern"),
    (dict(pattern=["neutral"]), "pattern"),
])
def test_factory_refuses_bad_input(kwargs, param):
    with pytest.raises(ValueError, match=param):
        fix_explorer(**kwargs)


@pytest.mark.parametrize(("kwargs", "param"), [
    (dict(locks={}), "locks"),
    (dict(locks={"a": ["erector_spinae"], "b": ["iliopsoas"], "c": ["hamstrings"], "d": ["rectus_femoris"]}), "locks"),
    (dict(locks={"a": ["no_such_muscle"]}), "locks"),
    (dict(locks={"a": "erector_spinae"}), "locks"),
    (dict(locks={"a": ["erector_spinae"], "b": ["erector_spinae"]}), "locks"),
    (dict(locked=[True, False]), "locked"),
    (dict(locked=["yes"]), "locked"),
    (dict(grid_step=0.0), "grid_step"),
    (dict(target_range=(50.0, 60.0)), "target_range"),
    (dict(target=30.0), "target"),
    (dict(now_label=""), "now_label"),
])
def test_widget_refuses_bad_input(kwargs, param):
    args = dict(joint=pelvis("lower_crossed"), locks={"low back": ["erector_spinae"]}, target=12.0,
                target_range=(8.0, 16.0), grid_step=1.0)
    with pytest.raises(ValueError, match=param):
        FixExplorer(**{**args, **kwargs})


def test_a_joint_without_maximal_forces_is_refused():
    from forcecouple import Joint, Muscle
    joint = Joint([Muscle("a", (1.0, 0.0), (1.0, 5.0), 10.0)], stiffness=1.0, limits=(-30.0, 30.0))
    with pytest.raises(ValueError, match="joint"):
        FixExplorer(joint, locks={"a": ["a"]}, target=0.0, target_range=(-5.0, 5.0))


def test_explorers_send_what_the_sensitivity_bars_need():
    for make in (pelvis_explorer, scapula_explorer):
        spec = make().spec
        assert spec["sensitivity_step"] == 0.10
        assert all(isinstance(m["fmax"], float) and m["fmax"] > 0 for m in spec["muscles"])
    # the floating bone's strings are pulled in newtons: no sensitivity bars there
    assert floating_bone_explorer().spec["sensitivity_step"] is None
