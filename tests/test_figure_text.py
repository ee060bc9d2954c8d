"""Text in every figure the library draws is legible where it is shown.

On a 1280 px desktop the book's text column shows a figure at most 700 CSS px
wide (narrower figures at their own width, 100 px an inch); in the PDF a figure
wider than the text (6.3 in) is scaled down to it. Targets: at least 11 CSS px
on the page and 8 pt in the PDF.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from matplotlib.text import Text

from forcecouple import (
    draw_joint,
    effort_figure,
    floating_bone,
    history_figure,
    least_effort,
    pelvis,
    posture_figure,
    programme_figure,
    scapula,
    sensitivity_figure,
    simulate,
    simulate_programme,
    small_multiples,
    spring_figure,
    torque_bars,
)

COLUMN_PX, DPI, TEXT_WIDTH_IN = 700, 100, 6.3


def smallest_text(fig) -> tuple[float, float]:
    """(smallest text on the page in CSS px, smallest in the PDF in pt) of ``fig``."""
    fig.canvas.draw()
    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    width = fig.get_figwidth()
    px_per_pt = min(DPI * width, COLUMN_PX) / width / 72
    return min(sizes) * px_per_pt, min(sizes) * min(1.0, TEXT_WIDTH_IN / width)


FIGURES = {
    "draw_joint pelvis": lambda: draw_joint(pelvis("lower_crossed")),
    "draw_joint shoulder": lambda: draw_joint(scapula("shrugged")),
    "draw_joint bone": lambda: draw_joint(floating_bone(50, 70)),
    "small_multiples": lambda: small_multiples([pelvis("neutral"), pelvis("lower_crossed")], ["a", "b"]),
    "torque_bars": lambda: torque_bars(pelvis("lower_crossed")),
    "history_figure": lambda: history_figure(simulate("long_sitting", 8)),
    "programme_figure": lambda: programme_figure({p: simulate_programme(["low_back_arches"], p)
                                                  for p in ("pelvis", "scapula")}, mark_week=12),
    "posture_figure": lambda: posture_figure("knees_cave_in"),
    "spring_figure": spring_figure,
    "sensitivity_figure": lambda: sensitivity_figure(pelvis("lower_crossed")),
    "effort_figure": lambda: effort_figure(pelvis("lower_crossed"), {
        title: least_effort(pelvis("lower_crossed"), 10.0, fixed=fixed) for title, fixed in (
            ("all free", {}), ("hip flexors kept", {"iliopsoas": 0.045}),
            ("hip flexors and low back kept", {"iliopsoas": 0.045, "erector_spinae": 0.06}))}),
}


@pytest.mark.parametrize("name", list(FIGURES))
def test_figure_text_is_legible_on_the_page_and_in_print(name):
    fig = FIGURES[name]()
    page_px, print_pt = smallest_text(fig)
    plt.close(fig)
    assert page_px >= 11, f"{name}: smallest text {page_px:.1f} CSS px on the page"
    assert print_pt >= 8, f"{name}: smallest text {print_pt:.1f} pt in the PDF"


def test_the_measure_sees_small_text():
    fig, ax = plt.subplots(figsize=(12, 3))
    ax.set_title("tiny", fontsize=7)
    page_px, print_pt = smallest_text(fig)
    plt.close(fig)
    assert page_px < 11 and print_pt < 8
