"""The figures of what would fix a joint show the library's numbers, sorted and labelled."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from forcecouple import effort_figure, label, least_effort, pelvis, scapula, sensitivity, sensitivity_figure


@pytest.mark.parametrize("joint", [pelvis("lower_crossed"), scapula("shrugged")], ids=["pelvis", "shoulder"])
def test_sensitivity_bars_are_the_library_numbers_sorted_by_size(joint):
    fig = sensitivity_figure(joint)
    ax = fig.axes[0]
    widths = [bar.get_width() for bar in sorted(ax.patches, key=lambda b: -b.get_y())]
    names = [t.get_text() for t in sorted(ax.get_yticklabels(), key=lambda t: -t.get_position()[1])]
    expected = sensitivity(joint)
    assert names == [label(n) for n in expected.ranked()]
    assert widths == pytest.approx([expected.changes[n][0] for n in expected.ranked()])
    assert [abs(w) for w in widths] == sorted((abs(w) for w in widths), reverse=True)
    plt.close(fig)


def test_effort_bars_show_now_and_the_answer_in_percent():
    joint = pelvis("lower_crossed")
    answer = least_effort(joint, 10.0)
    fig = effort_figure(joint, {"all free": answer})
    heights = sorted(((round(b.get_y(), 3), b.get_width()) for b in fig.axes[0].patches), reverse=True)
    now = [w for _, w in heights[0::2]]
    after = [w for _, w in heights[1::2]]
    assert now == pytest.approx([100 * m.activation for m in joint.muscles])
    assert after == pytest.approx([100 * answer.activations[m.name] for m in joint.muscles])
    plt.close(fig)


def test_effort_figure_refuses_an_answer_for_another_joint():
    with pytest.raises(ValueError, match=r"answers\['x'\] is not an answer for this joint"):
        effort_figure(pelvis(), {"x": least_effort(scapula("shrugged"), 2.0)})
    with pytest.raises(ValueError, match="1 to 3 answers"):
        effort_figure(pelvis(), {})
