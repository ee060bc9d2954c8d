"""JointExplorer: the curves it sends, the live-kernel observer, and bad input."""

import base64

import numpy as np
import pytest

from forcecouple import (
    BONE_INSERTIONS,
    Joint,
    JointExplorer,
    Muscle,
    equilibrium,
    floating_bone,
    floating_bone_explorer,
    pelvis,
    pelvis_explorer,
    scan_grid,
    scapula,
    scapula_explorer,
    torque_basis,
)
from forcecouple.view.widgets import PACK_BITS, unpack_floats


def curve(spec, index, size):
    return np.zeros(size) if index is None else unpack_floats(spec["arrays"][index])


def assert_packed(actual, desired):
    """``actual`` holds ``desired`` within pack_floats' bound: half a step of its largest |value|."""
    desired = np.asarray(desired, dtype=float)
    bound = np.max(np.abs(desired), initial=0.0) * 2.0 ** -(PACK_BITS + 1) * (1 + 1e-9)
    assert actual.shape == desired.shape
    assert np.max(np.abs(actual - desired), initial=0.0) <= bound


def test_traits_hold_the_solver_grid_and_the_torque_basis():
    w = pelvis_explorer()
    grid, rest = scan_grid(pelvis())
    assert w.spec["rest_index"] == rest
    assert_packed(unpack_floats(w.spec["grid"]), grid)
    basis = torque_basis(pelvis(), grid)
    v = w.spec["variants"][0]
    for i in range(len(basis.names)):
        assert_packed(curve(w.spec, v["arms"][i], grid.size), basis.arms[i])
        assert_packed(curve(w.spec, v["strings"][i], grid.size), basis.strings[i])
    assert_packed(curve(w.spec, v["spring"], grid.size), basis.spring)
    assert v["load"] is None  # the pelvis has no load: an all-zero curve is not sent


def test_identical_curves_across_variants_are_sent_once():
    w = floating_bone_explorer()
    left = {v["arms"][0] for v in w.spec["variants"]}
    right = {v["arms"][1] for v in w.spec["variants"]}
    assert len(left) == 1 and len(right) == len(BONE_INSERTIONS)


def test_live_kernel_observer_keeps_the_angle_exact():
    w = pelvis_explorer()
    assert w.angle == pytest.approx(equilibrium(pelvis("neutral")).angle, abs=1e-12)
    w.values = [4.5, 6.0, 1.2, 0.5, 1.0]  # the lower-crossed pattern, % of fmax per group
    assert w.angle == pytest.approx(equilibrium(pelvis("lower_crossed")).angle, abs=1e-9)
    assert w.torques["erector_spinae"] > 0 > w.torques["hamstrings"]
    assert w.description.startswith("The pelvis tilted")
    before = w.angle
    w.set_values(glutes=15)
    assert w.angle < before - 10
    assert w.angle == pytest.approx(equilibrium(w.joint()).angle, abs=1e-12)


def test_variant_slider_switches_geometry():
    w = floating_bone_explorer(left=50, right=70)
    assert w.angle > 0
    w.variant = BONE_INSERTIONS.index(10.0)
    assert w.angle == pytest.approx(equilibrium(floating_bone(50, 70, insertion=10)).angle, abs=1e-9)
    assert w.angle < 0


def test_presets_reproduce_the_preset_joints():
    w = scapula_explorer()
    shrugged = next(p for p in w.spec["presets"] if p["label"] == "shrugged")
    w.values = shrugged["values"]
    assert w.angle == pytest.approx(equilibrium(scapula("shrugged")).angle, abs=1e-9)
    w = floating_bone_explorer()
    closer = next(p for p in w.spec["presets"] if p["label"] == "right harder, tied closer")
    assert BONE_INSERTIONS[closer["variant"]] == 10.0


def test_the_limit_is_reported_not_hidden():
    w = floating_bone_explorer(left=0, right=100, insertion=20)
    w.values = [0.0, 100.0]
    j = Joint([Muscle("only", (10, 0), (10, 30), pull=500)], stiffness=1.0, limits=(-30, 30))
    w2 = JointExplorer(j, unit="N", slider_max=1000)
    assert w2.at_limit and w2.angle == 30.0
    assert "rests against its limit at 30.0 degrees" in w2.description
    assert not w.at_limit


def test_static_twin_travels_with_the_widget_bundle():
    data = pelvis_explorer()._repr_mimebundle_()
    data = data[0] if isinstance(data, tuple) else data
    assert "application/vnd.jupyter.widget-view+json" in data
    png = base64.b64decode(data["image/png"])
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000


@pytest.mark.parametrize("kwargs, words", [
    (dict(controls={"psoas": ["psoas"]}), ["controls['psoas']", "unknown muscle 'psoas'", "iliopsoas"]),
    (dict(controls={"a": ["iliopsoas"], "b": ["iliopsoas"]}), ["controls['b']", "already set"]),
    (dict(controls={"a": []}), ["controls['a']", "non-empty"]),
    (dict(controls={}), ["controls", "at least one"]),
    (dict(slider_max=-5.0), ["slider_max", "-5"]),
    (dict(slider_max=20.0, slider_step=0.0), ["slider_step", "0"]),
    (dict(unit="kg"), ["unit", "'kg'"]),
    (dict(normal_range=(15, 5)), ["normal_range[1]", "5"]),
    (dict(slider_max=1.0), ["slider", "must lie in [0, 1] %", "got 2.5"]),
])
def test_bad_explorer_input(kwargs, words):
    with pytest.raises(ValueError) as err:
        JointExplorer(pelvis(), **{"controls": {"hip flexors": ["iliopsoas", "rectus_femoris"],
                                                "low back": ["erector_spinae"]}, **kwargs})
    for w in words:
        assert w in str(err.value)


def test_bad_variants_presets_and_units():
    with pytest.raises(ValueError, match="variant 1 must have the same muscles"):
        JointExplorer([pelvis(), scapula()])
    with pytest.raises(ValueError, match=r"slider 'hip flexors'.*different values"):
        JointExplorer(pelvis().with_pulls({"iliopsoas": 10.0}),
                      controls={"hip flexors": ["iliopsoas", "rectus_femoris"]})
    with pytest.raises(ValueError, match="has no fmax"):
        JointExplorer(Joint([Muscle("m", (5, 0), (5, 30))]), unit="%")
    with pytest.raises(ValueError, match="one number per variant"):
        JointExplorer([floating_bone(), floating_bone(insertion=10)], unit="N", variant_values=[1])
    with pytest.raises(ValueError, match="insertion must be one of"):
        floating_bone_explorer(insertion=3.0)
    with pytest.raises(ValueError, match=r"slider must be one of 'hip_flexors'"):
        pelvis_explorer().set_values(psoas=3)
    with pytest.raises(ValueError, match="must lie in"):
        pelvis_explorer().set_values(glutes=50)
