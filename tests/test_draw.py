"""The static figures show what the model computed."""

import matplotlib.pyplot as plt
import pytest

from forcecouple import equilibrium, floating_bone, pelvis, scapula
from forcecouple.draw import draw_joint, readout_lines, small_multiples


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
    assert lines[0].startswith("bone at")
    pelvic = readout_lines(pelvis("lower_crossed"), equilibrium(pelvis("lower_crossed")))
    assert "forward" in pelvic[0] and any("pulling back" in x for x in pelvic)


def test_small_multiples_one_panel_per_joint_and_titles_checked():
    fig = small_multiples([floating_bone(50, 50), floating_bone(50, 70)], ["a", "b"])
    assert [ax.get_title() for ax in fig.axes] == ["a", "b"]
    plt.close(fig)
    with pytest.raises(ValueError, match="one title per joint"):
        small_multiples([floating_bone()], ["a", "b"])
