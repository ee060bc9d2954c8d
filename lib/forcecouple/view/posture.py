"""Stick figures of the overhead squat: the ideal pose and each compensation.

The poses are data (``data/posture.json``, drawing only); each drawing of a
compensation shows the ideal pose faintly behind it and rings the body part
that changed, labelled, so the difference reads at a glance. Every drawing has
a full-sentence description for its alt text (:func:`posture_alt`).
"""

from __future__ import annotations

import base64
import html
import io
import re
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from .. import _data
from .. import _validate as check
from ..course import compensations
from . import style

__all__ = ["posture_alt", "posture_drawings", "posture_figure", "posture_gallery", "show_postures"]

#: Body segments drawn as lines, by view: pairs of point names.
SEGMENTS = {
    "front": [("neck", "shoulder_l"), ("neck", "shoulder_r"), ("shoulder_l", "elbow_l"), ("elbow_l", "wrist_l"),
              ("shoulder_r", "elbow_r"), ("elbow_r", "wrist_r"), ("hip_l", "hip_r"), ("hip_l", "knee_l"),
              ("knee_l", "ankle_l"), ("ankle_l", "toe_l"), ("hip_r", "knee_r"), ("knee_r", "ankle_r"),
              ("ankle_r", "toe_r")],
    "side": [("neck", "shoulder"), ("shoulder", "elbow"), ("elbow", "wrist"), ("hip", "knee"), ("knee", "ankle"),
             ("heel", "toe")],
}
HEAD_RADIUS = 11.0
#: The assessment chapter's section with the programme builder (its heading's id).
CHECKLIST_ANCHOR = "try-it-the-interactive-checklist"


def _data_of() -> dict[str, Any]:
    return _data.load("posture.json")


def _pose(finding: str | None, view: str | None) -> tuple[str, dict[str, np.ndarray], list[str]]:
    """(view, points, marked point names) of ``finding`` (or the ideal pose in ``view``)."""
    data = _data_of()
    view = _check_view(finding, view)
    if finding is None:
        moves, marks = {}, []
    else:
        entry = data["compensations"][finding]
        moves, marks = entry["moves"], entry["mark"]
    points = {k: np.array(v, dtype=float) for k, v in {**data["views"][view]["points"], **moves}.items()}
    return view, points, marks


def _check_view(finding: object, view: object) -> str:
    """The view to draw: ``view`` ("front" or "side") for the ideal pose, or the view of
    ``finding`` (a compensation), with which a given ``view`` must agree."""
    data = _data_of()
    if finding is None and view is None:
        raise ValueError("finding and view are both None; give a finding (a compensation name) or a view "
                         f"({', '.join(map(repr, data['views']))})")
    if view is not None:
        check.choice("view", view, list(data["views"]))
    if finding is None:
        return view  # type: ignore[return-value]
    own = data["compensations"][check.choice("finding", finding, list(data["compensations"]))]["view"]
    if view not in (None, own):
        raise ValueError(f"view must be None or {own!r}, the view finding {finding!r} is drawn in; got {view!r}")
    return own


def _draw(ax: Axes, view: str, points: dict[str, np.ndarray], colour: str, width: float, dashed: bool) -> None:
    ls = (0, (3, 3)) if dashed else "-"
    for a, b in SEGMENTS[view]:
        ax.plot(*np.transpose([points[a], points[b]]), color=colour, lw=width, ls=ls, solid_capstyle="round")
    if view == "front":
        mid_hip = (points["hip_l"] + points["hip_r"]) / 2
        ax.plot(*np.transpose([points["neck"], mid_hip]), color=colour, lw=width, ls=ls)
    else:  # the spine: neck, shoulder blade level, low back, pelvis, as one smooth curve
        t = np.linspace(0.0, 1.0, 40)[:, None]
        p0, p1, p2 = points["shoulder"], points["low_back"], points["hip"]
        control = 2 * p1 - (p0 + p2) / 2  # the curve passes through the low back
        curve = (1 - t) ** 2 * p0 + 2 * (1 - t) * t * control + t ** 2 * p2
        ax.plot(curve[:, 0], curve[:, 1], color=colour, lw=width, ls=ls)
    ax.add_patch(Circle(tuple(points["head"]), HEAD_RADIUS, fill=False, ec=colour, lw=width, ls=ls))


def posture_figure(finding: str | None = None, view: str | None = None, ax: Axes | None = None,
                   titled: bool = True) -> Figure:
    """The overhead squat with compensation ``finding`` (a name from the assessment
    tables), or the ideal pose seen from ``view`` ("front" or "side") when
    ``finding`` is None; ``titled=False`` leaves the name to a caption; ``ax``: matplotlib Axes
    to draw in, or None for a new figure."""
    view, points, marks = _pose(finding, view)
    check.boolean("titled", titled)
    if ax is not None:
        check.instance("ax", ax, Axes, "matplotlib Axes or None")
    if ax is None:
        fig, ax = plt.subplots(figsize=(2.6, 3.2), layout="constrained")
    else:
        fig = ax.figure
    if finding is not None:
        _, ideal, _ = _pose(None, view)
        _draw(ax, view, ideal, style.GHOST_EDGE, 1.6, dashed=True)
    _draw(ax, view, points, style.INK, 3.0, dashed=False)
    for name in marks:
        ax.add_patch(Circle(tuple(points[name]), 13, fill=False, ec=style.HIGHLIGHT, lw=2.5))
    if titled:
        title = _data_of()["views"][view]["label"] if finding is None else compensations()[finding]["label"]
        ax.set_title(title, fontsize=11)
    ax.set_aspect("equal")
    ax.set_xlim(-75, 125 if view == "side" else 75)
    ax.set_ylim(-8, 240)
    ax.axis("off")
    return fig


def posture_alt(finding: str | None = None, view: str | None = None) -> str:
    """The full-sentence description of :func:`posture_figure`'s drawing (its alt text)."""
    data = _data_of()
    view = _check_view(finding, view)
    return data["views"][view]["alt"] if finding is None else data["compensations"][finding]["alt"]


def posture_drawings() -> list[tuple[str, str | None, str | None]]:
    """Every drawing the assessment chapter shows: (key, finding, view), ideal poses first."""
    ideal = [(f"squat_{view}", None, view) for view in _data_of()["views"]]
    return ideal + [(name, name, None) for name in _data_of()["compensations"]]


def _svg(fig: Figure, title: str) -> str:
    """``fig`` as inline SVG with ``role="img"`` and ``title`` as its accessible name."""
    buffer = io.StringIO()
    with plt.rc_context({"svg.fonttype": "none"}):  # text stays text: small, sharp and searchable
        fig.savefig(buffer, format="svg")
    plt.close(fig)
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)
    text = text.replace("<svg ", '<svg role="img" class="fc-posture-svg" ', 1)
    head_end = text.index(">") + 1
    return text[:head_end] + f"<title>{html.escape(title)}</title>" + text[head_end:]


def posture_gallery() -> str:
    """Every drawing of :func:`posture_drawings` as HTML: a grid of figures, each an
    inline SVG (``role="img"``, its alt text as ``<title>``) with a caption.

    A drawing of a finding has the id ``posture-<finding>`` (the programme
    builder rings it when its finding is ticked); its caption links to the
    chapter's checklist section and names the finding (``data-finding``), so the
    builder can put the focus on that finding's tick box.
    """
    cells = []
    for key, finding, view in posture_drawings():
        svg = _svg(posture_figure(finding, view, titled=False), posture_alt(finding, view))
        if finding is None:
            caption = html.escape(_data_of()["views"][view]["label"])
        else:
            caption = (f'<a href="#{CHECKLIST_ANCHOR}" data-finding="{finding}">'
                       f'{html.escape(compensations()[finding]["label"])}</a>')
        cells.append(f'<figure class="fc-posture" id="posture-{key}">{svg}<figcaption>{caption}</figcaption></figure>')
    return '<div class="fc-postures">' + "".join(cells) + "</div>"


def show_postures() -> None:
    """Display :func:`posture_gallery` (HTML) with a PNG of all the drawings for print."""
    from IPython.display import display

    items = posture_drawings()
    columns = 3  # 6.3 in wide: the PDF's text width, so its titles print at 11 pt
    rows = -(-len(items) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(2.1 * columns, 2.5 * rows), layout="constrained")
    for ax in axes.flat[len(items):]:
        ax.axis("off")
    for ax, (_, finding, view) in zip(axes.flat, items, strict=False):
        posture_figure(finding, view, ax=ax)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    display({"text/html": posture_gallery(), "image/png": base64.b64encode(buffer.getvalue()).decode("ascii"),
             "text/plain": "Drawings of the overhead squat and its compensations."}, raw=True)
