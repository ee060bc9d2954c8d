"""The static figures show what the model computed."""

import matplotlib.pyplot as plt
import pytest

from forcecouple import (
    draw_joint,
    equilibrium,
    floating_bone,
    pelvis,
    preset_groups,
    readout_lines,
    scapula,
    small_multiples,
    torque_bars,
)


@pytest.mark.parametrize("joint", [pelvis("lower_crossed"), scapula("shrugged"), floating_bone(30, 60)])
def test_draw_joint_draws_every_string_and_reads_out_the_tilt(joint):
    fig = draw_joint(joint)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(labels) == len(joint.muscles)
    r = equilibrium(joint)
    texts = " ".join(t.get_text() for t in ax.texts)
    assert f"{abs(r.angle):.1f}°" in texts
    plt.close(fig)


def test_readout_names_the_directions_and_the_limit():
    joint = floating_bone(left=0, right=100, insertion=25)
    lines = readout_lines(joint, equilibrium(joint))
    assert lines[0].startswith("The bone tilted")
    pelvic = readout_lines(pelvis("lower_crossed"), equilibrium(pelvis("lower_crossed")))
    assert "forward" in pelvic[0] and any(x.startswith("Pulling back") for x in pelvic)


def test_small_multiples_one_panel_per_joint_and_titles_checked():
    fig = small_multiples([floating_bone(50, 50), floating_bone(50, 70)], ["a", "b"])
    assert [ax.get_title() for ax in fig.axes] == ["a", "b"]
    plt.close(fig)
    with pytest.raises(ValueError, match="one title per joint"):
        small_multiples([floating_bone()], ["a", "b"])


@pytest.mark.parametrize(("joint", "extra"), [(pelvis("lower_crossed"), ["spring"]),
                                             (scapula("shrugged"), ["spring", "load"])])
def test_torque_bars_one_bar_per_muscle_and_tissue_with_the_equilibrium_torques(joint, extra):
    r = equilibrium(joint)
    fig = torque_bars(joint, r)
    bars = fig.axes[0].containers[0]
    keys = [*joint.names, *extra]
    assert len(bars) == len(keys)
    assert [b.get_width() for b in bars] == pytest.approx([r.torques[k] for k in keys])
    assert joint.directions[0] in fig.axes[0].get_xlabel()
    plt.close(fig)


def test_torque_bars_groups_order_the_bars_and_reject_unknown_muscles():
    joint = pelvis("neutral")
    groups = preset_groups("pelvis")
    fig = torque_bars(joint, groups=groups, title="t")
    ax = fig.axes[0]
    order = [n for names in groups.values() for n in names]
    r = equilibrium(joint)
    assert [b.get_width() for b in ax.containers[0]] == pytest.approx([r.torques[n] for n in [*order, "spring"]])
    assert "iliopsoas (hip flexors)" in [t.get_text() for t in ax.get_yticklabels()]
    assert ax.get_title() == "t"
    plt.close(fig)
    with pytest.raises(ValueError, match="not a muscle"):
        torque_bars(joint, groups={"x": ["deltoid"]})


def test_small_multiples_names_the_strings_once():
    fig = small_multiples([pelvis("neutral"), pelvis("lower_crossed")], ["neutral", "lower crossed"])
    texts = [t.get_text() for t in fig.legends[0].get_texts()]
    assert texts == [name.replace("_", " ") for name in pelvis().names]
    plt.close(fig)
