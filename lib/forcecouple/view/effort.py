"""Figures of what would fix a joint: which pull matters most (sensitivity) and
the least-effort change of activations.

The numbers come from :func:`forcecouple.sensitivity` and
:func:`forcecouple.least_effort`; colours and line styles are the muscles' own
(:func:`~forcecouple.view.style.muscle_styles`), so a bar looks like its string.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from .. import _validate as check
from ..course import LeastEffort, sensitivity
from ..model import Joint
from . import style
from .figures import label_signed_bars, style_bar
from .words import label


def sensitivity_figure(joint: Joint, step: float = 0.10, title: str | None = None) -> Figure:
    """Sorted horizontal bars: how far ``joint``'s rest angle moves (degrees) when each
    muscle's activation rises by ``step`` of its maximal force (0.001 to 1).

    The largest effect is on top; a bar to the right tips the bone the joint's
    positive way (``joint.directions[0]``). Each bar carries its number.
    """
    check.instance("joint", joint, Joint)
    if title is not None:
        check.name_text("title", title, empty=True)
    s = sensitivity(joint, step)
    order = s.ranked()
    values = np.array([s.changes[n][0] for n in order])
    styles = dict(zip(joint.names, style.muscle_styles(joint), strict=True))
    fig, ax = plt.subplots(figsize=(7.6, 0.5 * len(order) + 1.6), layout="constrained")
    y = np.arange(len(order))[::-1]
    for bar, name in zip(ax.barh(y, values, height=0.62), order, strict=True):
        style_bar(bar, *styles[name])
    ax.axvline(0.0, color=style.INK, lw=1)
    texts = [f"{v:+.1f}°" + (" (stops at a limit)" if name in s.notes else "") for v, name in zip(values, order,
                                                                                               strict=True)]
    span = label_signed_bars(ax, y, values, texts, gap=0.03, color=style.TEXT)
    ax.set_xlim(-1.45 * span, 1.45 * span)
    ax.set_yticks(y, [label(n) for n in order])
    ax.tick_params(axis="y", length=0)
    pos, neg = joint.directions
    ax.set_xlabel(f"change of the rest angle (degrees) if the pull rises by {100 * s.step:g} % of maximal force\n"
                  f"← tips it {neg}        tips it {pos} →")
    ax.grid(axis="x", color=style.CHART_GRID, lw=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(title if title is not None else f"Which pull matters most at {s.angle:.1f}°?")
    return fig


def effort_figure(joint: Joint, answers: Mapping[str, LeastEffort]) -> Figure:
    """One panel per answer of :func:`least_effort`: each muscle's activation now
    (grey outline) and in the answer (its colour), in % of maximal force.

    ``answers`` maps a panel title (e.g. "all free") to an answer for ``joint``; 1 to 3 panels.
    """
    check.instance("joint", joint, Joint)
    panels = check.mapping("answers", answers, "a mapping of panel title -> LeastEffort")
    if not panels or len(panels) > 3:
        raise ValueError(f"answers must hold 1 to 3 answers (panels); got {len(panels)}")
    for key, answer in panels.items():
        check.name_text("answers key", key)
        check.instance(f"answers[{key!r}]", answer, LeastEffort)
        if set(answer.activations) != {m.name for m in joint.muscles if m.fmax is not None}:
            raise ValueError(f"answers[{key!r}] is not an answer for this joint's muscles "
                             f"({', '.join(joint.names)})")
    names = [m.name for m in joint.muscles if m.fmax is not None]
    styles = dict(zip(joint.names, style.muscle_styles(joint), strict=True))
    now = np.array([100 * joint.muscle(n).activation for n in names])
    top = max(float(now.max()), *(100 * max(a.activations.values()) for a in panels.values()))
    fig, axes = plt.subplots(1, len(panels), figsize=(2.3 * len(panels) + 1.6, 0.55 * len(names) + 1.9),
                             layout="constrained", sharey=True, squeeze=False)
    y = np.arange(len(names))[::-1]
    for ax, (key, answer) in zip(axes[0], panels.items(), strict=True):
        after = np.array([100 * answer.activations[n] for n in names])
        ax.barh(y + 0.2, now, height=0.36, facecolor="none", edgecolor=style.CHART_AXIS, lw=1.2,
                label="now")
        for bar, n in zip(ax.barh(y - 0.2, after, height=0.36, label="least effort"), names, strict=True):
            style_bar(bar, *styles[n])
        for yi, a in zip(y, after, strict=True):
            ax.text(a + 0.02 * top, yi - 0.2, f"{a:.1f}", va="center", ha="left", color=style.TEXT)
        ax.set_xlim(0, 1.35 * top)
        ax.set_title(f"{key}\n(rest at {answer.result.angle:.1f}°)")
        ax.set_xlabel("% of maximal force")
        ax.grid(axis="x", color=style.CHART_GRID, lw=0.8)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    axes[0][0].set_yticks(y, [label(n) for n in names])
    axes[0][0].tick_params(axis="y", length=0)
    axes[0][0].legend(loc="lower right", frameon=False)
    return fig


__all__ = ["effort_figure", "sensitivity_figure"]
