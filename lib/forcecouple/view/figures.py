"""Matplotlib pictures: a joint at its equilibrium, its torques, and histories
(weeks of a habit or of a programme); the static figures, the widgets' twins, the PDF.

No physics here: positions, tensions and torques come from the model and the
course. Colours and line styles come from :mod:`forcecouple.view.style`, the
same as the widgets': safe for colour-blind readers, and the two sides of a
force couple also differ in line style, not colour alone.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import Arc, FancyArrowPatch, Polygon

from .. import _data
from ..course import AdaptationHistory, ProgrammeHistory, adaptation_data
from ..model import Equilibrium, Joint, equilibrium, foot_of_perpendicular, rotate
from . import style
from .style import BONE_EDGE, BONE_FILL, muscle_styles
from .words import PROGRAMME_JOINTS, label, readout_lines


def readout_text(joint: Joint, result: Equilibrium, width: int = 44) -> str:
    """:func:`~forcecouple.view.words.readout_lines` wrapped at ``width`` characters, for a figure."""
    return "\n".join(textwrap.fill(line, width, subsequent_indent="  ") for line in readout_lines(joint, result))


def draw_joint(joint: Joint, result: Equilibrium | None = None, ax: Axes | None = None,
               title: str | None = None, arrow_scale: float | None = None,
               show_readout: bool = True) -> Figure:
    """Draw ``joint`` at its equilibrium and return the figure.

    The bone (and a faint ghost of it at angle 0), each string with an arrow
    scaled to its tension, its lever arm as a dotted line from the pivot, the tilt
    arc, and a text readout. ``arrow_scale`` is cm of arrow per N (default: the
    largest tension draws an arrow a third of the picture's size).
    """
    result = equilibrium(joint) if result is None else result
    if ax is None:
        fig, ax = plt.subplots(figsize=(6.4, 4.2), layout="constrained")
    else:
        fig = ax.figure
    angle = result.angle
    ins, org = joint.string_ends(angle)
    tension = joint.tensions(angle)
    extent = float(np.abs(np.vstack([ins, org, np.array(joint.outline).reshape(-1, 2)])).max())
    scale = arrow_scale if arrow_scale is not None else (extent / 3) / max(float(tension.max()), 1e-9)

    if joint.outline:
        ax.add_patch(Polygon(np.array(joint.outline), closed=True, fill=False, ls=":",
                             ec=style.GHOST_EDGE, lw=1))
        ax.add_patch(Polygon(rotate(np.array(joint.outline), angle), closed=True,
                             fc=BONE_FILL, ec=BONE_EDGE, lw=1.2, zorder=1))
    ax.plot([0], [0], "o", color=style.INK, ms=7, zorder=5)
    for i, (name, (colour, dash)) in enumerate(zip(joint.names, muscle_styles(joint), strict=True)):
        line_style = "-" if dash == "solid" else "--"
        (x0, y0), (x1, y1) = ins[i], org[i]
        ax.plot([x0, x1], [y0, y1], line_style, color=colour, lw=1.2 + 2.5 * tension[i] / max(tension.max(), 1e-9),
                label=f"{label(name)} ({tension[i]:.0f} N)", zorder=3)
        if tension[i] > 0:
            direction = (org[i] - ins[i]) / np.linalg.norm(org[i] - ins[i])
            tip = ins[i] + direction * tension[i] * scale
            ax.add_patch(FancyArrowPatch(tuple(ins[i]), tuple(tip), arrowstyle="-|>",
                                         mutation_scale=14, color=colour, lw=2, zorder=4))
        foot = foot_of_perpendicular(ins[i], org[i])
        ax.plot([0, foot[0]], [0, foot[1]], ":", color=colour, lw=1, zorder=2)
    radius = 0.35 * extent
    lo, hi = sorted((0.0, angle))
    ax.add_patch(Arc((0, 0), 2 * radius, 2 * radius, theta1=lo, theta2=hi, color=style.INK, lw=1.5))
    ax.text(radius * 1.05 * np.cos(np.radians(angle / 2)), radius * 1.05 * np.sin(np.radians(angle / 2)),
            f"{angle:.1f}°", fontsize=9)
    ax.set_aspect("equal")
    ax.autoscale_view()
    ax.margins(0.08)
    ax.set_xlabel("cm")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=8, frameon=False)
    if show_readout:
        ax.text(1.02, 0.0, readout_text(joint, result), transform=ax.transAxes,
                fontsize=8, va="bottom", family="monospace")
    if title:
        ax.set_title(title)
    return fig


def small_multiples(joints: Sequence[Joint], titles: Sequence[str]) -> Figure:
    """The same kind of joint under several settings, side by side, one readout each.

    One legend names the strings (their colours and styles are the same in every
    panel); each panel's readout sits under it.
    """
    if len(joints) != len(titles) or not joints:
        raise ValueError(f"titles must give one title per joint ({len(joints)}); got {len(titles)}")
    results = [equilibrium(j) for j in joints]
    scale = (max(float(np.abs(np.array(j.outline)).max()) for j in joints) / 3) / max(
        max(float(j.tensions(r.angle).max()) for j, r in zip(joints, results, strict=True)), 1e-9)
    fig, axes = plt.subplots(1, len(joints), figsize=(4.2 * len(joints), 4.2), layout="constrained",
                             sharex=True, sharey=True, squeeze=False)
    for ax, joint, result, title in zip(axes[0], joints, results, titles, strict=True):
        draw_joint(joint, result, ax=ax, title=title, arrow_scale=scale, show_readout=False)
        ax.get_legend().remove()
        ax.text(0.5, -0.16, readout_text(joint, result), transform=ax.transAxes,
                ha="center", va="top", fontsize=10, family="monospace")
    handles, labels = axes[0][0].get_legend_handles_labels()
    names = [label.split(" (")[0] for label in labels]  # the tensions differ from panel to panel
    fig.legend(handles, names, loc="outside right center", frameon=False, fontsize=10)
    return fig


def torque_bars(joint: Joint, result: Equilibrium | None = None, ax: Axes | None = None,
                title: str | None = None, groups: Mapping[str, Sequence[str]] | None = None) -> Figure:
    """Horizontal bars of each torque on ``joint`` at its equilibrium (N·m).

    One bar per muscle (active plus passive torque), then the tissues (joint
    spring) and, when the joint carries one, the load, in grey. A bar to the
    right tips the bone the joint's positive way (``joint.directions[0]``).
    Muscle colours and line styles are :func:`forcecouple.view.style.muscle_styles`;
    the muscles that tip the bone the negative way at rest are also hatched, so
    colour is never the only cue. ``groups`` (label -> muscle names, e.g.
    ``preset_groups("pelvis")``) orders the muscles by group and names each
    group in the bar labels; every muscle still gets its own bar.
    """
    result = equilibrium(joint) if result is None else result
    if ax is None:
        fig, ax = plt.subplots(figsize=(6.4, 0.42 * (len(joint.names) + 2) + 1.2), layout="constrained")
    else:
        fig = ax.figure
    styles = dict(zip(joint.names, muscle_styles(joint), strict=True))
    if groups:
        listed = [n for names in groups.values() for n in names]
        for n in listed:
            if n not in joint.names:
                raise ValueError(f"groups: {n!r} is not a muscle of the {joint.name}; "
                                 f"choose from {', '.join(joint.names)}")
        group_of = {n: g for g, names in groups.items() for n in names}
        order = listed + [n for n in joint.names if n not in group_of]
        labels = [f"{label(n)} ({group_of[n]})" if n in group_of and group_of[n] != label(n) else label(n)
                  for n in order]
    else:
        order, labels = list(joint.names), [label(n) for n in joint.names]
    keys = [*order, "spring"] + (["load"] if joint.load is not None else [])
    labels += ["tissues (joint spring)"] + (["load"] if joint.load is not None else [])
    values = np.array([result.torques[k] for k in keys], dtype=float)
    y = np.arange(len(keys))[::-1]
    others = {"spring": style.TISSUES_COLOUR, "load": style.LOAD_COLOUR}
    bars = ax.barh(y, values, height=0.62, color=[others.get(k, style.TISSUES_COLOUR) for k in keys],
                   edgecolor=style.CHART_AXIS)
    for bar, key in zip(bars, keys, strict=True):
        if key in styles:
            colour, dash = styles[key]
            if dash == "solid":
                bar.set_facecolor(colour)
                bar.set_edgecolor(colour)
            else:
                bar.set_facecolor(to_rgba(colour, 0.35))
                bar.set_edgecolor(colour)
                bar.set_hatch("///")
                bar.set_linestyle("--")
        bar.set_linewidth(1.2)
    ax.axvline(0.0, color=style.INK, lw=1)
    span = max(float(np.abs(values).max()), 1e-9)
    for yi, v in zip(y, values, strict=True):
        ax.text(v + (0.02 * span if v >= 0 else -0.02 * span), yi, f"{v:+.1f}", va="center",
                ha="left" if v >= 0 else "right", fontsize=9)
    ax.set_xlim(-1.4 * span, 1.4 * span)
    ax.set_yticks(y, labels)
    ax.tick_params(axis="y", length=0)
    pos, neg = joint.directions
    ax.set_xlabel(f"torque at {result.angle:.1f}° (N·m)\n← tips the {joint.name} {neg}  |  {pos} →")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if title:
        ax.set_title(title)
    return fig


# -- histories ---------------------------------------------------------------

#: The panels of a habit's history: (title, y label).
PANELS = (("Tilt", "degrees"), ("Strength", "% of start"), ("Resting length", "% of start"))


def changed_muscles(history: AdaptationHistory) -> list[int]:
    """Indices of the muscles whose strength or resting length changed."""
    return history.changed_muscles()


def history_lines(history: AdaptationHistory) -> list[list[dict]]:
    """Lines for three panels: tilt (and what feels level), strength %, length %."""
    joint = _data.preset(adaptation_data()["habits"][history.habit]["preset"])
    styles = muscle_styles(joint)
    shown = history.changed_muscles() or list(range(len(history.names)))
    return [
        [{"label": f"{joint.name} angle (degrees)", "values": history.tilt, "colour": style.ANGLE_LINE,
          "dash": "solid"},
         {"label": "what feels level (illustrative)", "values": history.feels_level, "colour": style.FEELS_LEVEL_LINE,
          "dash": "dashed"}],
        [{"label": label(history.names[i]), "values": 100 * history.strength[i], "colour": styles[i][0],
          "dash": styles[i][1]} for i in shown],
        [{"label": label(history.names[i]), "values": 100 * history.length[i], "colour": styles[i][0],
          "dash": styles[i][1]} for i in shown],
    ]


def history_figure(history: AdaptationHistory) -> Figure:
    """Tilt, strength and resting length week by week, side by side."""
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.6), layout="constrained")
    for ax, (title, unit), lines in zip(axes, PANELS, history_lines(history), strict=True):
        for line in lines:
            ax.plot(history.weeks, line["values"], color=line["colour"],
                    ls="--" if line["dash"] == "dashed" else "-", lw=2, label=line["label"])
        ax.set_title(title)
        ax.set_xlabel("week")
        ax.set_ylabel(unit)
        ax.legend(fontsize=7, frameon=False)
        ax.grid(alpha=0.3)
    return fig


def programme_figure(histories: Mapping[str, ProgrammeHistory | None], mark_week: int | None = None,
                     **subplots: Any) -> Figure:
    """Each joint's angle week by week following a plan, with its neutral angle.

    ``histories`` maps a preset ("pelvis", "scapula") to its history, or to None
    for an empty panel; ``mark_week`` draws a dotted line at that week.
    """
    fig, axes = plt.subplots(1, len(histories), squeeze=False, layout="constrained",
                             **{"figsize": (10, 3.4), **subplots})
    for ax, (preset, h) in zip(axes[0], histories.items(), strict=True):
        title, unit = PROGRAMME_JOINTS[preset]
        if h is not None:
            ax.plot(h.weeks, h.tilt, color=style.ANGLE_LINE, lw=2, label="following the plan")
            ax.axhline(h.neutral_tilt, color=style.NEUTRAL_LINE, ls="--", label="neutral pattern")
        if mark_week is not None:
            ax.axvline(mark_week, color=style.MARKER_LINE, ls=":", label=f"week {mark_week}")
        ax.set(title=title, xlabel="week", ylabel=unit)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8, frameon=False)
    return fig
