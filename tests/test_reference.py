"""net_torque, moment_arm and torque_basis agree with the plain r x F reference."""

import numpy as np
import pytest
import reference as ref
from hypothesis import given, settings
from strategies import joints

from forcecouple import Joint, Muscle, moment_arm, pelvis, scapula, thelen_passive, torque_basis

ANGLES = np.linspace(-60.0, 60.0, 37)


@settings(max_examples=60, deadline=None)
@given(joints())
def test_net_torque_matches_reference(joint):
    got = joint.net_torque(ANGLES)
    want = [ref.net_torque(joint, a) for a in ANGLES]
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-9)
    assert joint.net_torque(12.5) == pytest.approx(ref.net_torque(joint, 12.5), abs=1e-9)
    # the solver's scalar path is the same function
    assert joint.net_torque_at(-7.0) == pytest.approx(ref.net_torque(joint, -7.0), abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(joints(with_load=False))
def test_moment_arm_matches_reference(joint):
    for m in joint.muscles:
        np.testing.assert_allclose(moment_arm(m, ANGLES), [ref.moment_arm(m, a) for a in ANGLES],
                                   rtol=0, atol=1e-9)
        assert isinstance(moment_arm(m, 3.0), float)


@settings(max_examples=60, deadline=None)
@given(joints())
def test_torque_basis_matches_reference(joint):
    basis = torque_basis(joint, ANGLES)
    np.testing.assert_allclose(basis.spring, [ref.spring_torque(joint, a) for a in ANGLES], atol=1e-9)
    np.testing.assert_allclose(basis.load, [ref.load_torque(joint, a) for a in ANGLES], atol=1e-9)
    for i, m in enumerate(joint.muscles):
        np.testing.assert_allclose(basis.strings[i], [ref.passive_string_torque(m, a) for a in ANGLES],
                                   atol=1e-9)
        np.testing.assert_allclose(basis.arms[i], [ref.moment_arm(m, a) / 100 for a in ANGLES],
                                   atol=1e-11)
    pulls = [m.pull for m in joint.muscles]
    np.testing.assert_allclose(basis.net(pulls), [ref.net_torque(joint, a) for a in ANGLES], atol=1e-9)


@pytest.mark.parametrize("joint", [pelvis("neutral"), pelvis("lower_crossed"), scapula("shrugged")],
                         ids=["pelvis-neutral", "pelvis-lower-crossed", "scapula-shrugged"])
def test_presets_match_reference(joint):
    angles = np.linspace(*joint.limits, 23)
    np.testing.assert_allclose(joint.net_torque(angles), [ref.net_torque(joint, a) for a in angles],
                               atol=1e-9)


def test_thelen_passive_string_matches_reference():
    m = Muscle("hamstring", insertion=(5, -3), origin=(4, -40), pull=10.0,
               passive=thelen_passive(1000.0, fibre_length=10.0), slack=35.0)
    joint = Joint([m], stiffness=10.0, limits=(-40, 40))
    angles = np.linspace(-40, 40, 17)
    np.testing.assert_allclose(joint.net_torque(angles), [ref.net_torque(joint, a) for a in angles],
                               atol=1e-9)
    basis = torque_basis(joint, angles)
    assert abs(basis.strings).max() > 1.0  # the passive curve really is stretched somewhere
