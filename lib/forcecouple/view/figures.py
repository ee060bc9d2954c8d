"""Matplotlib pictures: a joint at its equilibrium, its torques, and histories
(weeks of a habit or of a programme); the static figures, the widgets' twins, the PDF.

No physics here: positions, tensions and torques come from the model and the
course. Colours and line styles come from :mod:`forcecouple.view.style`, the
same as the widgets': safe for colour-blind readers, and the two sides of a
force couple also differ in line style, not colour alone.
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import Arc, Circle, FancyArrowPatch, FancyBboxPatch, Polygon, Rectangle, Wedge

from .. import _data
from .. import _validate as check
from ..course import AdaptationHistory, ProgrammeHistory, adaptation_data
from ..model import (
    Equilibrium,
    Joint,
    Weight,
    equilibrium,
    foot_of_perpendicular,
    joint_drawing,
    pelvis,
    preset_drawing,
    preset_groups,
    rotate,
)
from ..model.presets import check_drawing
from . import style
from .style import BONE_EDGE, BONE_FILL, muscle_styles
from .words import PROGRAMME_JOINTS, check_result, label, readout_lines

# The book's text sizes for every figure drawn after this import, the chapters' own too.
plt.rcParams.update(style.MATPLOTLIB_RC)


def readout_text(joint: Joint, result: Equilibrium, width: int = 44) -> str:
    """:func:`~forcecouple.view.words.readout_lines` wrapped at ``width`` characters (10 to 1000), for a figure."""
    width = check.integer("width", width, low=10, high=1000, unit="characters")
    return "\n".join(textwrap.fill(line, width, subsequent_indent="  ") for line in readout_lines(joint, result))


def draw_joint(joint: Joint, result: Equilibrium | None = None, ax: Axes | None = None,
               title: str | None = None, arrow_scale: float | None = None,
               show_readout: bool = True, anatomy: Mapping[str, Any] | str | None = "auto",
               groups: Mapping[str, Sequence[str]] | None = None) -> Figure:
    """Draw ``joint`` at its equilibrium and return the figure.

    The bone, each string with an arrow scaled to its tension, its lever arm as
    a dotted line from the pivot, the tilt, and a text readout. ``arrow_scale``
    is cm of arrow per N (default: the largest tension draws an arrow a third of
    the picture's size).

    ``anatomy`` is what the widget draws around the bone
    (:func:`~forcecouple.model.preset_drawing`'s form); "auto" (default) takes
    the drawing of the preset the joint was made from: for the pelvis the femur,
    sacrum, lumbar spine and trunk, ASIS and PSIS and the ASIS-PSIS line with its
    angle to the horizontal; for the shoulder the spine, clavicle, acromion, the
    acromion's rise and the arm's weight. Without one, the bone at angle 0 is
    drawn faintly behind it and the tilt is an arc at the pivot. Each string
    carries its group's name (``groups``, label -> muscle names; default the
    preset's groups, or one name per muscle).
    """
    result = equilibrium(joint) if result is None else check_result(joint, result)
    _check_figure_args(ax, title)
    if arrow_scale is not None:
        check.number("arrow_scale", arrow_scale, low=1e-9, high=1e6, unit="cm per N")
    check.boolean("show_readout", show_readout)
    if isinstance(anatomy, str) and anatomy != "auto":
        raise ValueError(f"anatomy must be 'auto', None or a drawing; got {anatomy!r}")
    drawing = joint_drawing(joint) if isinstance(anatomy, str) else (
        None if anatomy is None else check_drawing("anatomy", anatomy))
    if groups is not None:
        groups = check.groups("groups", groups)
    if groups is None:
        groups = (preset_groups(drawing["preset"]) if drawing and "preset" in drawing
                  else {label(n): [n] for n in joint.names})
    # Only groups whose strings this joint has are named (a bare outline names none).
    groups = {g: names for g, names in groups.items() if names and all(n in joint.names for n in names)}
    info = None
    if ax is None:
        # The picture on the left; the legend and the readout in a panel of their own on the right.
        fig = plt.figure(figsize=(6.5, 4.6), layout="constrained")
        grid = fig.add_gridspec(1, 2, width_ratios=(1.1, 1.0))
        ax = fig.add_subplot(grid[0])
        info = fig.add_subplot(grid[1])
        info.axis("off")
    else:
        fig = ax.figure
    angle = result.angle
    ins, org = joint.string_ends(angle)
    tension = joint.tensions(angle)
    outline = np.array(joint.outline).reshape(-1, 2)
    extent = float(np.abs(np.vstack([ins, org, outline])).max())
    scale = arrow_scale if arrow_scale is not None else (extent / 3) / max(float(tension.max(initial=0.0)), 1e-9)
    placer = _Placer(ax, drawing["view"] if drawing else None)

    if drawing:
        _draw_anatomy(ax, drawing, angle, placer)
    elif joint.outline:
        ax.add_patch(Polygon(outline, closed=True, fill=False, ls=":", ec=style.GHOST_EDGE, lw=1))
    if joint.outline:
        bone = rotate(outline, angle)
        ax.add_patch(Polygon(bone, closed=True, fc=BONE_FILL, ec=BONE_EDGE, lw=1.2, zorder=1))
        placer.polygons.append((bone, 6.0))
    if drawing:
        _draw_moving_parts(ax, drawing, angle, placer)
    ax.plot([0], [0], "o", color=style.INK, ms=7, zorder=5)
    styles = muscle_styles(joint)
    for i, (name, (colour, dash)) in enumerate(zip(joint.names, styles, strict=True)):
        line_style = "-" if dash == "solid" else "--"
        (x0, y0), (x1, y1) = ins[i], org[i]
        width = 1.2 + 2.5 * tension[i] / max(tension.max(initial=0.0), 1e-9)
        ax.plot([x0, x1], [y0, y1], line_style, color=colour, lw=width,
                label=f"{label(name)} ({tension[i]:.0f} N)", zorder=3)
        if tension[i] > 0:
            direction = (org[i] - ins[i]) / np.linalg.norm(org[i] - ins[i])
            tip = ins[i] + direction * tension[i] * scale
            ax.add_patch(FancyArrowPatch(tuple(ins[i]), tuple(tip), arrowstyle="-|>",
                                         mutation_scale=14, color=colour, lw=2, zorder=4))
        foot = foot_of_perpendicular(ins[i], org[i])
        ax.plot([0, foot[0]], [0, foot[1]], ":", color=colour, lw=1, zorder=2)
        placer.segment(ins[i], org[i], 45.0, group=name)
    if drawing and drawing.get("tilt_line"):
        _draw_tilt_line(ax, joint, drawing, angle, placer)
    else:
        reference = joint.landmarks.get(drawing["rise"]) if drawing and drawing.get("rise") else None
        start = float(np.degrees(np.arctan2(reference[1], reference[0]))) if reference else 0.0
        radius = 0.45 * float(np.hypot(*reference)) if reference else 0.35 * extent
        lo, hi = sorted((start, start + angle))
        ax.add_patch(Arc((0, 0), 2 * radius, 2 * radius, theta1=lo, theta2=hi, color=style.INK, lw=1.5))
        middle = np.radians(start + angle / 2)
        if drawing:
            placer.place(f"{angle:.1f}°", [((radius * np.cos(middle), radius * np.sin(middle)), d)
                                           for d in ((0, -1), (1, -1), (-1, -1), (1, 0))],
                         fontsize=10, weight="bold", color=style.TEXT)
        else:
            ax.text(radius * 1.05 * np.cos(middle), radius * 1.05 * np.sin(middle), f"{angle:.1f}°", fontsize=10)
    if drawing:
        _draw_marks(ax, joint, drawing, angle, placer)
        colours = dict(zip(joint.names, (c for c, _ in styles), strict=True))
        for group, names in groups.items():
            candidates = []
            for n in names:
                i = joint.names.index(n)
                candidates += placer.beside(ins[i], org[i])
            placer.place(group, candidates or [((0.0, 0.0), (1, 1))], fontsize=10, weight="bold",
                         color=colours[names[0]], own=set(names))
        _label_parts(drawing, angle, placer)
        ax.set_xlim(drawing["view"][0], drawing["view"][2])
        ax.set_ylim(drawing["view"][1], drawing["view"][3])
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
        for side in ax.spines.values():
            side.set_visible(False)
    else:
        ax.set_aspect("equal")
        ax.autoscale_view()
        ax.margins(0.08)
        ax.set_xlabel("cm", fontsize=10)
        ax.tick_params(labelsize=10)
    placer.draw()
    named = bool(ax.get_legend_handles_labels()[0])  # a bare outline has no strings to name
    if info is None:
        if named:
            ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=9, frameon=False)
        if show_readout:
            ax.text(1.02, 0.0, readout_text(joint, result, width=40), transform=ax.transAxes,
                    fontsize=9, va="bottom", family="monospace")
    else:
        if named:
            legend = ax.legend(loc="upper left", bbox_to_anchor=(0.0, 1.0), bbox_transform=info.transAxes,
                               fontsize=9, frameon=False, borderaxespad=0.0)
            legend.set_in_layout(False)
        if show_readout:
            info.text(0.0, 0.0, readout_text(joint, result, width=38), transform=info.transAxes,
                      fontsize=9, va="bottom", family="monospace")
    if title and info is not None:
        fig.suptitle(title, fontsize=11)
    elif title:
        ax.set_title(title, fontsize=11)
    return fig


def _check_figure_args(ax: object, title: object) -> None:
    """``ax`` must be None or matplotlib Axes, ``title`` None or a str."""
    if ax is not None:
        check.instance("ax", ax, Axes, "matplotlib Axes or None")
    if title is not None:
        check.name_text("title", title, empty=True)


class _Placer:
    """Puts labels where they cover least: other labels, strings, bones, the edge.

    Sizes are estimated from the font size and the axes' scale (cm per inch),
    so labels are only laid out at :meth:`draw`, once the figure has its layout.
    """

    def __init__(self, ax: Axes, view: Sequence[float] | None) -> None:
        self.ax, self.view = ax, view
        self.segments: list[tuple[np.ndarray, np.ndarray, float, str | None]] = []
        self.polygons: list[tuple[np.ndarray, float]] = []
        self.boxes: list[tuple[float, float, float, float]] = []
        self.pending: list[dict[str, Any]] = []

    def segment(self, p: Any, q: Any, weight: float, group: str | None = None) -> None:
        self.segments.append((np.asarray(p, float), np.asarray(q, float), weight, group))

    def polyline(self, points: Any, weight: float) -> None:
        pts = np.asarray(points, float)
        for p, q in itertools.pairwise(pts):
            self.segment(p, q, weight)

    def beside(self, p: Any, q: Any, ts: Sequence[float] = (0.5, 0.35, 0.65, 0.22, 0.8)) -> list:
        """Candidate spots on both sides of segment p-q, along its part inside the view."""
        p, q = np.asarray(p, float), np.asarray(q, float)
        part = _clip(p, q, self.view) if self.view else (0.0, 1.0)
        if part is None:
            return []
        a, b = p + (q - p) * part[0], p + (q - p) * part[1]
        n = np.array([-(b - a)[1], (b - a)[0]]) / max(float(np.hypot(*(b - a))), 1e-9)
        return [(a + (b - a) * t, s * n) for t in ts for s in (1, -1)]

    def place(self, text: str, candidates: list, fontsize: float = 9, color: str = style.TEXT,
              weight: str = "normal", style_: str = "normal", own: set[str] | None = None) -> None:
        self.pending.append({"text": text, "candidates": candidates, "fontsize": fontsize, "color": color,
                             "weight": weight, "style": style_, "own": own or set()})

    def draw(self) -> None:
        if not self.pending:
            return
        fig = self.ax.figure
        fig.draw_without_rendering()
        box = self.ax.get_window_extent()
        x0, x1 = self.ax.get_xlim()
        y0, y1 = self.ax.get_ylim()
        per_inch = max((x1 - x0) / (box.width / fig.dpi), (y1 - y0) / (box.height / fig.dpi))
        edge = self.view or (x0, y0, x1, y1)
        for item in self.pending:
            size = item["fontsize"] / 72 * per_inch
            w = len(item["text"]) * size * (0.64 if item["weight"] == "bold" else 0.58) + 0.3 * size
            h = 1.25 * size
            best = None
            for k, (at, d) in enumerate(item["candidates"]):
                d = np.asarray(d, float) / max(float(np.hypot(*d)), 1e-9)
                reach = abs(d[0]) * w / 2 + abs(d[1]) * h / 2
                c = np.asarray(at, float) + d * (0.35 * size + reach)
                b = (c[0] - w / 2, c[1] - h / 2, c[0] + w / 2, c[1] + h / 2)
                cost = 1.5 * k
                if b[0] < edge[0] or b[1] < edge[1] or b[2] > edge[2] or b[3] > edge[3]:
                    cost += 1000
                cost += sum(600 * _overlap(b, o) for o in self.boxes)
                cost += sum(12 if g in item["own"] else wt for p, q, wt, g in self.segments
                            if _clip(p, q, b) is not None)
                probes = [c, (b[0], b[1]), (b[2], b[1]), (b[0], b[3]), (b[2], b[3])]
                cost += sum(wt for poly, wt in self.polygons for pr in probes if _inside(pr, poly))
                if best is None or cost < best[0]:
                    best = (cost, c, b)
            self.boxes.append(best[2])
            self.ax.text(best[1][0], best[1][1], item["text"], ha="center", va="center", fontsize=item["fontsize"],
                         color=item["color"], fontweight=item["weight"], fontstyle=item["style"], zorder=8,
                         path_effects=[patheffects.withStroke(linewidth=3, foreground=style.LABEL_HALO)])
        self.pending = []


def _clip(p: np.ndarray, q: np.ndarray, box: Sequence[float]) -> tuple[float, float] | None:
    """The part (t0, t1) of segment p-q inside box (x0, y0, x1, y1), or None (Liang-Barsky)."""
    t0, t1 = 0.0, 1.0
    d = q - p
    for a, b in ((-d[0], p[0] - box[0]), (d[0], box[2] - p[0]), (-d[1], p[1] - box[1]), (d[1], box[3] - p[1])):
        if a == 0:
            if b < 0:
                return None
            continue
        r = b / a
        if a < 0:
            if r > t1:
                return None
            t0 = max(t0, r)
        else:
            if r < t0:
                return None
            t1 = min(t1, r)
    return (t0, t1) if t1 > t0 else None


def _overlap(a: Sequence[float], b: Sequence[float]) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h / ((a[2] - a[0]) * (a[3] - a[1])) if w > 0 and h > 0 else 0.0


def _inside(p: Sequence[float], poly: np.ndarray) -> bool:
    hit = False
    for (xi, yi), (xj, yj) in zip(poly, np.roll(poly, 1, axis=0), strict=True):
        if (yi > p[1]) != (yj > p[1]) and p[0] < (xj - xi) * (p[1] - yi) / (yj - yi) + xi:
            hit = not hit
    return hit


def _bezier(p0: np.ndarray, p1: np.ndarray, p2: np.ndarray, p3: np.ndarray, n: int = 14) -> np.ndarray:
    t = np.linspace(0.0, 1.0, n + 1)[:, None]
    s = 1 - t
    return s**3 * p0 + 3 * s * s * t * p1 + 3 * s * t * t * p2 + t**3 * p3


def spine_curve(spine: Mapping[str, Any], angle: float) -> np.ndarray:
    """The lumbar spine's centre line (cm) at a pelvic ``angle``, as the widget draws it.

    The top of the sacrum and L3 turn with the pelvis (as the model's erector
    spinae string does), the thoracolumbar junction stays put; two cubic curves
    join them, so anterior tilt deepens the lordosis.
    """
    base, bd = rotate(np.array(spine["base"]), angle), rotate(np.array(spine["base_direction"]), angle)
    mid, md = rotate(np.array(spine["middle"]), angle), rotate(np.array(spine["middle_direction"]), angle)
    top, td = np.array(spine["top"], float), np.array(spine["top_direction"], float)
    k1, k2 = np.hypot(*(mid - base)) / 3, np.hypot(*(top - mid)) / 3
    lower = _bezier(base, base + bd * k1, mid - md * k1, mid)
    upper = _bezier(mid, mid + md * k2, top - td * k2, top)
    return np.vstack([lower, upper[1:]])


def _along(points: np.ndarray, fractions: Sequence[float]) -> list[tuple[np.ndarray, np.ndarray]]:
    """(point, unit tangent) at each fraction of a polyline's length."""
    steps = np.diff(points, axis=0)
    lengths = np.hypot(steps[:, 0], steps[:, 1])
    cumulative = np.concatenate([[0.0], np.cumsum(lengths)])
    out = []
    for f in fractions:
        s = f * cumulative[-1]
        i = int(min(np.searchsorted(cumulative, s, side="right") - 1, len(steps) - 1))
        t = (s - cumulative[i]) / max(lengths[i], 1e-12)
        out.append((points[i] + steps[i] * t, steps[i] / max(lengths[i], 1e-12)))
    return out


def _body(ax: Axes, centre: np.ndarray, tangent: np.ndarray, size: Sequence[float], moving: bool = False) -> None:
    """A vertebral body: a box ``size`` (across, along) centred on the spine's line."""
    across, along = size
    deg = float(np.degrees(np.arctan2(tangent[1], tangent[0]))) - 90
    ax.add_patch(Rectangle((centre[0] - across / 2, centre[1] - along / 2), across, along, angle=deg,
                           rotation_point="center", fc=style.ANATOMY_FILL, ec=style.ANATOMY_EDGE, lw=0.9,
                           zorder=2 if moving else 0.5))


def _draw_anatomy(ax: Axes, drawing: Mapping[str, Any], angle: float, placer: _Placer) -> None:
    """The fixed parts: body outlines, fixed bones, the vertebral column."""
    for part in drawing["parts"]:
        if part["moves"]:
            continue
        if part["shape"] == "circle":
            ax.add_patch(Circle(part["centre"], part["radius"], fc=style.ANATOMY_FILL, ec=style.ANATOMY_EDGE,
                                lw=0.9, zorder=0.5))
            continue
        pts = np.array(part["points"], float)
        if part["style"] == "faint":
            ax.plot(pts[:, 0], pts[:, 1], color=style.FAINT_OUTLINE, lw=1, zorder=0.2)
        else:
            ax.add_patch(Polygon(pts, closed=True, fc=style.ANATOMY_FILL, ec=style.ANATOMY_EDGE, lw=0.9, zorder=0.5))
            placer.polygons.append((pts, 4.0))
    column = drawing.get("column")
    if column:
        for name, y in column["vertebrae"]:
            w, h = column["cervical_box"] if name.startswith("C") else column["thoracic_box"]
            ax.add_patch(FancyBboxPatch((column["x"] - w / 2, y - h / 2), w, h,
                                        boxstyle="round,pad=0,rounding_size=0.3", fc=style.ANATOMY_FILL,
                                        ec=style.ANATOMY_EDGE, lw=0.9, zorder=0.5))
            placer.boxes.append((column["x"] - w / 2, y - h / 2, column["x"] + w / 2, y + h / 2))
    spine = drawing.get("lumbar_spine")
    if spine:
        spacing = _length(spine_curve(spine, 0.0)) / len(spine["lumbar"])
        top, td = np.array(spine["top"], float), np.array(spine["top_direction"], float)
        for i in range(len(spine["thoracic"])):
            _body(ax, top + td * (i + 0.5) * spacing, td, spine["body"])


def _length(points: np.ndarray) -> float:
    steps = np.diff(points, axis=0)
    return float(np.hypot(steps[:, 0], steps[:, 1]).sum())


def _draw_moving_parts(ax: Axes, drawing: Mapping[str, Any], angle: float, placer: _Placer) -> None:
    """Parts that turn with the bone (sacrum, clavicle, spine of the scapula) and the lumbar spine."""
    for part in drawing["parts"]:
        if not part["moves"] or part["shape"] == "circle":
            continue
        pts = rotate(np.array(part["points"], float), angle)
        if part["style"] == "rod":
            ax.plot(pts[:, 0], pts[:, 1], color=BONE_EDGE, lw=6.5, solid_capstyle="round", zorder=1.5)
            ax.plot(pts[:, 0], pts[:, 1], color=BONE_FILL, lw=4.5, solid_capstyle="round", zorder=1.6)
            placer.polyline(pts, 20.0)
        elif part["style"] == "ridge":
            ax.plot(pts[:, 0], pts[:, 1], color=BONE_EDGE, lw=2, solid_capstyle="round", zorder=1.6)
            placer.polyline(pts, 20.0)
        else:
            ax.add_patch(Polygon(pts, closed=True, fc=style.ANATOMY_FILL, ec=BONE_EDGE, lw=1, zorder=1.5))
    spine = drawing.get("lumbar_spine")
    if spine:
        curve = spine_curve(spine, angle)
        ax.plot(curve[:, 0], curve[:, 1], color=style.ANATOMY_EDGE, lw=1, zorder=1.8)
        n = len(spine["lumbar"])
        for point, tangent in _along(curve, [(i + 0.5) / n for i in range(n)]):
            _body(ax, point, tangent, spine["body"], moving=True)
        placer.polyline(curve, 25.0)


def _draw_tilt_line(ax: Axes, joint: Joint, drawing: Mapping[str, Any], angle: float, placer: _Placer) -> None:
    """The clinical tilt: the ASIS-PSIS line against the horizontal, with its angle and the normal band."""
    a_name, p_name = drawing["tilt_line"]
    a, p = joint.landmark(a_name, angle), joint.landmark(p_name, angle)
    d = (p - a) / np.hypot(*(p - a))
    r = 0.42 * float(np.hypot(*(p - a)))
    beyond = p + d * r * 1.2
    ax.plot([a[0], beyond[0]], [a[1], beyond[1]], color=style.INK, lw=1.6, zorder=6,
            path_effects=[patheffects.withStroke(linewidth=3.2, foreground=style.LABEL_HALO)])
    ax.plot([p[0], p[0] + 1.25 * r], [p[1], p[1]], "--", color=style.INK, lw=1, zorder=6)
    line_angle = float(np.degrees(np.arctan2(d[1], d[0])))
    lo, hi = sorted((0.0, line_angle))
    ax.add_patch(Arc(tuple(p), 2 * r, 2 * r, theta1=lo, theta2=hi, color=style.INK, lw=1.4, zorder=6))
    band = drawing.get("normal_range")
    if band:
        ax.add_patch(Wedge(tuple(p), 1.25 * r, band[0], band[1], fc=style.NORMAL_RANGE_FILL, alpha=0.2, lw=0,
                           zorder=0.8))
    placer.segment(a, beyond, 40.0)
    end = p + np.array([1.25 * r, 0.0])
    placer.segment(p, end, 40.0)
    mid = np.array([np.cos(np.radians(line_angle / 2)), np.sin(np.radians(line_angle / 2))])
    placer.place(f"{angle:.1f}°", [(p + mid * r * 1.25, mid), (end, (1, 0)), (end, (0, -1)), (end, (1, -1)),
                                   (beyond, d), (beyond, (0, 1))], fontsize=10, weight="bold")


def _draw_marks(ax: Axes, joint: Joint, drawing: Mapping[str, Any], angle: float, placer: _Placer) -> None:
    """Landmarks with their names, the acromion's rise and the arm's weight."""
    for name in drawing.get("marks", []):
        if name not in joint.landmarks:
            continue
        at = joint.landmark(name, angle)
        ax.plot([at[0]], [at[1]], "o", color=style.INK, ms=5, mec=style.LABEL_HALO, mew=0.8, zorder=7)
        side = 1.0 if at[0] >= 0 else -1.0
        placer.place(name, [(at, (side, 0)), (at, (side, 1)), (at, (0, 1)), (at, (side, -1)), (at, (0, -1)),
                            (at, (-side, 1)), (at, (-side, 0))], fontsize=9.5, weight="bold")
    rise_name = drawing.get("rise")
    if rise_name and rise_name in joint.landmarks:
        ref = np.array(joint.landmarks[rise_name], float)
        now = joint.landmark(rise_name, angle)
        rise = float(now[1] - ref[1])
        x = ref[0] + 2.2
        ax.plot([ref[0] - 1.2, x + 1.5], [ref[1], ref[1]], "--", color=style.INK, lw=1, zorder=6)
        if abs(rise) >= 0.1:
            ax.plot([x, x], [ref[1], now[1]], color=style.INK, lw=1.2, zorder=6)
            for y in (ref[1], now[1]):
                ax.plot([x - 0.4, x + 0.4], [y, y], color=style.INK, lw=1.2, zorder=6)
        placer.segment((ref[0] - 1.2, ref[1]), (x + 1.5, ref[1]), 30.0)
        word = "rises" if rise >= 0 else "drops"
        mid = (x, (ref[1] + now[1]) / 2)
        placer.place(f"{word} {abs(rise):.1f} cm", [(mid, (1, 0)), (mid, (1, -1)), (mid, (1, 1)), (mid, (0, -1))],
                     fontsize=9.5, weight="bold")
    if isinstance(joint.load, Weight):
        at = rotate(np.array(joint.load.at, float), angle)
        tip = at + np.array([0.0, -6.0])
        ax.add_patch(FancyArrowPatch(tuple(at), tuple(tip), arrowstyle="-|>", mutation_scale=14,
                                     color=style.LOAD_COLOUR, lw=2, zorder=6))
        placer.segment(at, tip, 40.0)
        placer.place(f"arm's weight {joint.load.force:.0f} N",
                     [(tip, (0, -1)), (tip, (1, -1)), (tip, (-1, -1)), ((at + tip) / 2, (1, 0))],
                     fontsize=9.5, weight="bold")


def _label_parts(drawing: Mapping[str, Any], angle: float, placer: _Placer) -> None:
    """Names of the bones drawn for orientation (femur, clavicle, lumbar spine, vertebrae)."""
    view = drawing["view"]
    for part in drawing["parts"]:
        if not part.get("label") or part["shape"] == "circle":
            continue
        pts = np.array(part["points"], float)
        if part["moves"]:
            pts = rotate(pts, angle)
        inside = pts[(pts[:, 0] > view[0]) & (pts[:, 0] < view[2]) & (pts[:, 1] > view[1]) & (pts[:, 1] < view[3])]
        if part["shape"] == "polygon" and len(inside):
            mid_y = (inside[:, 1].min() + inside[:, 1].max()) / 2
            near = inside[np.abs(inside[:, 1] - mid_y) < 4]
            xs = near[:, 0] if len(near) else inside[:, 0]
            right, left = (xs.max(), mid_y), (xs.min(), mid_y)
            candidates = ([(right, d) for d in ((1, 0), (1, 1), (1, -1))]
                          + [(left, d) for d in ((-1, 0), (-1, 1), (-1, -1))])
        else:
            candidates = placer.beside(pts[0], pts[-1], (0.5, 0.3, 0.7, 0.15))
        placer.place(part["label"], candidates, fontsize=9, color=BONE_EDGE, style_="italic")
    spine = drawing.get("lumbar_spine")
    if spine and spine.get("label"):
        bodies = _along(spine_curve(spine, angle), [0.7, 0.5, 0.9])
        right = [(p + np.array([2.5, 0.0]), (1, 0)) for p, _ in bodies]
        placer.place(spine["label"], right + [(p, (-1, 0)) for p, _ in bodies], fontsize=9, color=BONE_EDGE,
                     style_="italic")
    column = drawing.get("column")
    if column:
        for name in column.get("labels", []):
            y = dict(column["vertebrae"]).get(name)
            if y is not None:
                w = column["thoracic_box"][0]
                placer.place(name, [((column["x"] - w / 2, y), (-1, 0)), ((column["x"] + w / 2, y), (1, 0))],
                             fontsize=9, color=BONE_EDGE, style_="italic")


def pelvis_sheet(angle: float = 10.0) -> Figure:
    """A blank side view of the pelvis to print and draw on: the outline, ASIS, PSIS,
    the hip joint (the pivot), the femur and the lumbar spine, tilted ``angle``
    degrees (-30 to 40), and no strings: the sketch of the pelvic-tilt lesson."""
    angle = check.number("angle", angle, low=-30.0, high=40.0, unit="degrees")
    shape = pelvis()
    bare = Joint([], limits=shape.limits, rest_angle=angle, landmarks=shape.landmarks, outline=shape.outline,
                 name=shape.name, directions=shape.directions)
    return draw_joint(bare, anatomy=preset_drawing("pelvis"), show_readout=False,
                      title="The pelvis seen from the right side: draw the strings")


def small_multiples(joints: Sequence[Joint], titles: Sequence[str]) -> Figure:
    """The same kind of joint under several settings, side by side, one readout each.

    One legend, under the panels, names the strings (their colours and styles are
    the same in every panel); each panel's readout sits under it. Two panels fit
    a 6.5 in page width, so the text prints at 9 pt or more.
    """
    joints = [check.instance(f"joints[{i}]", j, Joint)
              for i, j in enumerate(check.sequence("joints", joints, "Joints"))]
    titles = check.names("titles", titles, what="titles")
    if not joints:
        raise ValueError("joints must hold at least one Joint; got none")
    if len(joints) != len(titles):
        raise ValueError(f"titles must give one title per joint ({len(joints)}); got {len(titles)}")
    results = [equilibrium(j) for j in joints]
    scale = (max(float(np.abs(np.array(j.outline)).max()) for j in joints) / 3) / max(
        max(float(j.tensions(r.angle).max(initial=0.0)) for j, r in zip(joints, results, strict=True)), 1e-9)
    n = len(joints)
    width = min(4.2, max(2.6, 6.5 / n))
    font = 9 if width * n <= 6.5 else 10
    wrap = int(width * 72 / (0.6 * font)) - 2
    readouts = [readout_text(j, r, width=wrap) for j, r in zip(joints, results, strict=True)]
    # Tall enough for the picture (at its drawn aspect), the readout, the title and the legend.
    drawing = joint_drawing(joints[0])
    if drawing:
        aspect = (drawing["view"][3] - drawing["view"][1]) / (drawing["view"][2] - drawing["view"][0])
    else:
        ins, org = joints[0].string_ends(results[0].angle)
        pts = np.vstack([ins, org, np.array(joints[0].outline).reshape(-1, 2)])
        span = pts.max(axis=0) - pts.min(axis=0)
        aspect = span[1] / max(span[0], 1e-9)
    lines = max(r.count("\n") + 1 for r in readouts)
    rows = -(-len(joints[0].names) // min(4, len(joints[0].names)))  # of the legend
    height = (width - 0.2) * aspect + (lines + rows) * font * 1.35 / 72 + (1.0 if drawing else 1.4)
    fig, axes = plt.subplots(1, n, figsize=(width * n, height), layout="constrained",
                             sharex=True, sharey=True, squeeze=False)
    for ax, joint, result, title, text in zip(axes[0], joints, results, titles, readouts, strict=True):
        draw_joint(joint, result, ax=ax, title=title, arrow_scale=scale, show_readout=False)
        if ax.get_legend() is not None:
            ax.get_legend().remove()
        ax.set_anchor("N")  # the slack of an equal-aspect panel goes below it, where the readout is
        ax.annotate(text, (0.5, 0.0), xycoords="axes fraction", xytext=(0, -4 if drawing else -32),
                    textcoords="offset points", ha="center", va="top", fontsize=font, family="monospace")
    handles, labels = axes[0][0].get_legend_handles_labels()
    names = [label.split(" (")[0] for label in labels]  # the tensions differ from panel to panel
    fig.legend(handles, names, loc="outside lower center", ncol=min(4, len(names)), frameon=False, fontsize=font)
    return fig


def style_bar(bar: Any, colour: str, dash: str) -> None:
    """Paint a bar as its muscle's string: solid fill for a "solid" string, a pale
    hatched fill with a dashed edge for a "dashed" one (colour is never the only cue)."""
    if dash == "solid":
        bar.set_facecolor(colour)
        bar.set_edgecolor(colour)
    else:
        bar.set_facecolor(to_rgba(colour, 0.35))
        bar.set_edgecolor(colour)
        bar.set_hatch("///")
        bar.set_linestyle("--")
    bar.set_linewidth(1.2)


def label_signed_bars(ax: Axes, y: Sequence[float], values: Sequence[float], texts: Sequence[str],
                      gap: float = 0.02, **text_kw: Any) -> float:
    """Write ``texts`` at the ends of horizontal bars ``values`` (any sign), outside each
    bar by ``gap`` of the largest magnitude; returns that magnitude (the span to frame)."""
    span = max(float(np.abs(np.asarray(values, dtype=float)).max()), 1e-9)
    for yi, v, text in zip(y, values, texts, strict=True):
        ax.text(v + (gap * span if v >= 0 else -gap * span), yi, text, va="center",
                ha="left" if v >= 0 else "right", **text_kw)
    return span


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
    result = equilibrium(joint) if result is None else check_result(joint, result)
    _check_figure_args(ax, title)
    groups = None if groups is None else check.groups("groups", groups)
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
            style_bar(bar, *styles[key])
        bar.set_linewidth(1.2)
    ax.axvline(0.0, color=style.INK, lw=1)
    span = label_signed_bars(ax, y, values, [f"{v:+.1f}" for v in values], gap=0.02, fontsize=11)
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
    return check.instance("history", history, AdaptationHistory).changed_muscles()


def _merged(lines: list[dict]) -> list[dict]:
    """Lines with identical values drawn once, their labels joined, so none hides another."""
    out: list[dict] = []
    for line in lines:
        same = next((o for o in out if np.array_equal(o["values"], line["values"])), None)
        if same is None:
            out.append(dict(line))
        else:
            same["label"] = f"{same['label']}, {line['label']}"
    return out


def history_lines(history: AdaptationHistory) -> list[list[dict]]:
    """Lines for three panels: tilt (and what feels level), strength %, length %.

    Muscles whose curves are the same (e.g. four muscles that a habit leaves
    alike) share one line that names them all, so no line hides behind another.
    """
    check.instance("history", history, AdaptationHistory)
    joint = _data.preset(adaptation_data()["habits"][history.habit]["preset"])
    styles = muscle_styles(joint)
    shown = history.changed_muscles() or list(range(len(history.names)))
    return [
        [{"label": f"{joint.name} angle (degrees)", "values": history.tilt, "colour": style.ANGLE_LINE,
          "dash": "solid"},
         {"label": "what feels level (illustrative)", "values": history.feels_level, "colour": style.FEELS_LEVEL_LINE,
          "dash": "dashed"}],
        _merged([{"label": label(history.names[i]), "values": 100 * history.strength[i], "colour": styles[i][0],
                  "dash": styles[i][1]} for i in shown]),
        _merged([{"label": label(history.names[i]), "values": 100 * history.length[i], "colour": styles[i][0],
                  "dash": styles[i][1]} for i in shown]),
    ]


def _week_panel(ax: Axes, title: str, unit: str) -> None:
    """Title, axis labels and ticks of a panel plotted against weeks, at the book's text sizes."""
    ax.set_title(title, fontsize=12)
    ax.set_xlabel("week", fontsize=11)
    ax.set_ylabel(unit, fontsize=11)
    ax.tick_params(labelsize=11)


def history_figure(history: AdaptationHistory) -> Figure:
    """Tilt, strength and resting length week by week, side by side, each key under its panel."""
    check.instance("history", history, AdaptationHistory)
    fig, axes = plt.subplots(1, 3, figsize=(8.5, 4.6), layout="constrained")
    for ax, (title, unit), lines in zip(axes, PANELS, history_lines(history), strict=True):
        for line in lines:
            ax.plot(history.weeks, line["values"], color=line["colour"],
                    ls="--" if line["dash"] == "dashed" else "-", lw=2, label=textwrap.fill(line["label"], 18))
        _week_panel(ax, title, unit)
        ax.legend(fontsize=11, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.25))
        ax.grid(alpha=0.3)
    return fig


def programme_figure(histories: Mapping[str, ProgrammeHistory | None], mark_week: int | None = None,
                     **subplots: Any) -> Figure:
    """Each joint's angle week by week following a plan, with its neutral angle.

    ``histories`` maps a preset ("pelvis", "scapula") to its history, or to None
    for an empty panel; ``mark_week`` (an int, 0 to 1000) draws a dotted line at that week.
    """
    histories = check.mapping("histories", histories, "a mapping of preset -> ProgrammeHistory or None")
    if not histories:
        raise ValueError("histories must name at least one preset; got an empty mapping")
    for preset, h in histories.items():
        check.choice("histories key", preset, PROGRAMME_JOINTS)
        if h is not None:
            check.instance(f"histories[{preset!r}]", h, ProgrammeHistory, "a ProgrammeHistory or None")
    if mark_week is not None:
        check.integer("mark_week", mark_week, low=0, high=1000, unit="weeks")
    fig, axes = plt.subplots(1, len(histories), squeeze=False, layout="constrained",
                             **{"figsize": (8.5, 3.6), **subplots})
    for ax, (preset, h) in zip(axes[0], histories.items(), strict=True):
        title, unit = PROGRAMME_JOINTS[preset]
        if h is not None:
            ax.plot(h.weeks, h.tilt, color=style.ANGLE_LINE, lw=2, label="following the plan")
            ax.axhline(h.neutral_tilt, color=style.NEUTRAL_LINE, ls="--", label="neutral pattern")
        if mark_week is not None:
            ax.axvline(mark_week, color=style.MARKER_LINE, ls=":", label=f"week {mark_week}")
        _week_panel(ax, title, unit)
        ax.grid(alpha=0.3)
        if ax.get_legend_handles_labels()[0]:  # an empty panel (no plan for this joint) has no key
            ax.legend(fontsize=11, frameon=False)
    return fig
