"""The presets hit their targets through the solver and keep the source geometry."""

import numpy as np
import pytest

from forcecouple import equilibrium, floating_bone, moment_arm, pelvis, pelvis_table_pose, preset_data, scapula

# Moment arms about the right hip (cm) in Gait2392 (Delp et al. 1990) at the neutral
# pose. The table's sign is negative for anterior tilt, the preset's positive, so the
# preset's arms are the negated table values.
TABLE_R_HIP = {"iliopsoas": -3.9, "rectus_femoris": -4.3, "erector_spinae": -5.7,
               "rectus_abdominis": 2.5, "external_oblique": 4.1, "gluteus_maximus": 5.8,
               "hamstrings": 5.3}  # the three hamstrings' force-weighted lever (biceps femoris alone: 5.7)
GAIT2392_FMAX_PER_SIDE = {"iliopsoas": 2186, "rectus_femoris": 1169, "erector_spinae": 2500,
                          "rectus_abdominis": 706, "external_oblique": 900, "gluteus_maximus": 1944,
                          "hamstrings": 2594}


def test_table_pose_is_the_landmarks_asis_psis_angle():
    assert pelvis_table_pose() == pytest.approx(6.34, abs=0.005)


def test_pelvis_moment_arms_match_the_table_at_its_pose():
    joint = pelvis()
    for m in joint.muscles:
        assert moment_arm(m, 6.34) == pytest.approx(-TABLE_R_HIP[m.name], abs=0.1), m.name


def test_pelvis_landmarks_are_level_at_zero_tilt_and_asis_drops_with_anterior_tilt():
    joint = pelvis()
    asis0, psis0 = joint.landmark("ASIS", 0.0), joint.landmark("PSIS", 0.0)
    assert asis0[1] == pytest.approx(psis0[1], abs=1e-9)
    asis, psis = joint.landmark("ASIS", 20.0), joint.landmark("PSIS", 20.0)
    tilt = np.degrees(np.arctan2(psis[1] - asis[1], abs(asis[0] - psis[0])))
    assert tilt == pytest.approx(20.0, abs=1e-9)


def test_pelvis_moment_arms_keep_their_sign_and_size_over_the_range():
    joint = pelvis()
    assert joint.limits == (-15.0, 40.0)
    full = np.linspace(-15, 40, 221)
    middle = np.linspace(0, 25, 101)
    for m in joint.muscles:
        table = -TABLE_R_HIP[m.name]
        assert np.all(np.sign(moment_arm(m, full)) == np.sign(table)), m.name
        ratio = moment_arm(m, middle) / table
        assert ratio.min() >= 0.5 and ratio.max() <= 1.5, m.name


def test_pelvis_forces_are_both_sides_of_gait2392():
    for m in pelvis().muscles:
        assert m.fmax == 2 * GAIT2392_FMAX_PER_SIDE[m.name]


def test_pelvis_patterns_hit_their_targets():
    neutral, crossed = equilibrium(pelvis("neutral")), equilibrium(pelvis("lower_crossed"))
    assert 5 <= neutral.angle <= 15 and not neutral.at_limit
    assert 18 <= crossed.angle <= 22 and not crossed.at_limit
    assert neutral.stable and crossed.stable


def test_lower_crossed_turns_up_the_forward_pullers_and_down_the_back_ones():
    n, c = pelvis("neutral"), pelvis("lower_crossed")
    for name in ("iliopsoas", "rectus_femoris", "erector_spinae"):
        assert c.muscle(name).pull > n.muscle(name).pull
    for name in ("rectus_abdominis", "external_oblique", "gluteus_maximus", "hamstrings"):
        assert c.muscle(name).pull < n.muscle(name).pull


def test_scapula_shrugged_sits_at_least_5_degrees_higher():
    neutral, shrugged = equilibrium(scapula("neutral")), equilibrium(scapula("shrugged"))
    assert shrugged.angle >= neutral.angle + 5
    assert not neutral.at_limit and not shrugged.at_limit
    assert scapula().limits == (-20.0, 45.0)
    acromion = scapula().landmark("acromion", [neutral.angle, shrugged.angle])
    assert acromion[1, 1] > acromion[0, 1]


def test_scapula_moment_arms_match_the_constructed_geometry():
    joint = scapula()
    assert moment_arm(joint.muscle("upper_trapezius"), 0.0) == pytest.approx(4.4, abs=0.05)
    assert moment_arm(joint.muscle("lower_trapezius"), 0.0) == pytest.approx(-5.6, abs=0.05)
    forces = {m["name"]: m["fmax"] for m in preset_data("scapula")["muscles"]}
    assert forces == {"upper_trapezius": 377, "levator_scapulae": 76, "lower_trapezius": 414}


def test_floating_bone_equal_pulls_rest_level_and_stable():
    r = equilibrium(floating_bone(left=60, right=60))
    assert r.angle == 0.0 and r.stable and not r.at_limit


def test_floating_bone_stronger_side_wins_unless_its_lever_is_short():
    assert equilibrium(floating_bone(left=40, right=60)).angle > 0
    assert equilibrium(floating_bone(left=60, right=40)).angle < 0
    # 60 N at 10 cm (6 N·m) loses to 40 N at 20 cm (8 N·m)
    assert equilibrium(floating_bone(left=40, right=60, insertion=10)).angle < 0


def test_floating_bone_torque_at_rest_is_pull_times_insertion():
    joint = floating_bone(left=0, right=50, insertion=12)
    assert joint.net_torque(0.0) == pytest.approx(50 * 0.12, abs=1e-12)


@pytest.mark.parametrize("make", [pelvis, scapula])
def test_every_preset_number_has_a_source_or_a_label(make):
    data = preset_data("pelvis" if make is pelvis else "scapula")
    assert data["source"]
    assert "choice" in data["spring"]["note"].lower()
    for pattern in data["patterns"].values():
        assert "choice" in pattern["note"].lower()
