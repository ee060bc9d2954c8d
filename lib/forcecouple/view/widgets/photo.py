"""TiltPhoto: measure a standing pelvic tilt on a side photo, in the page.

The reader opens a photo (or the project's sample drawing), drags the ASIS and
PSIS markers onto the landmarks and levels a reference line; the page reads the
angle with the rule of :func:`forcecouple.tilt_from_points` and sets it beside
published ranges and the model's tilts. The photo never leaves the page: no
trait holds it, so nothing of it reaches a kernel, and nothing is stored. Only
the numbers (the markers' pixels and the reading sent as a target) are synced.
"""

from __future__ import annotations

import base64
import functools
from typing import Any

import traitlets

from ... import _validate as check
from ...course import photo_data, tilt_from_points
from ...model import equilibrium, pelvis
from .. import style
from .base import STATIC, BookWidget, joined

#: The tool's heading.
TITLE = "Measure your tilt on a side photo"
#: Where a marker starts on any picture, as fractions of its width and height.
START = {"asis": (0.64, 0.46), "psis": (0.36, 0.46), "ref0": (0.1, 0.94), "ref1": (0.9, 0.94)}


def _svg_points(points: list[list[float]]) -> str:
    return " ".join(f"{x:g},{y:g}" for x, y in points)


@functools.cache
def sample_svg() -> str:
    """The project's sample drawing as SVG text: a person seen from the side with a
    sticker on the ASIS and one on the PSIS, a floor line and a door frame (image
    pixels, y down; from ``data/photo.json``)."""
    d = photo_data()["sample"]
    width, height = d["size"]
    c = style.SAMPLE_COLOURS
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}">', f'<rect width="{width}" height="{height}" fill="{c["paper"]}"/>']
    for (x0, y0), (x1, y1) in (d["floor"], d["door"]):
        parts.append(f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y1}" stroke="{c["edge"]}" stroke-width="6"/>')
    for shape in d["shapes"]:
        paint = f'fill="{c[shape["role"]]}" stroke="{c["edge"]}" stroke-width="3"'
        if shape["kind"] == "circle":
            (cx, cy), r = shape["centre"], shape["radius"]
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" {paint}/>')
        else:
            parts.append(f'<polygon points="{_svg_points(shape["points"])}" {paint}/>')
    for x, y in (d["asis"], d["psis"]):
        parts.append(f'<circle cx="{x}" cy="{y}" r="7" fill="{c["sticker"]}" stroke="{c["sticker_edge"]}" '
                     'stroke-width="2"/>')
    parts.append("</svg>")
    return "".join(parts)


class TiltPhoto(BookWidget):
    """Measure pelvic tilt on a side photo: markers on the ASIS and PSIS, a level line.

    Traits (numbers only, never the photo): ``asis``, ``psis`` (x, y in image
    pixels, y down), ``reference`` (two points of the level line) and ``tilt``,
    the reading (degrees, anterior positive) the reader last sent as a target.
    """

    _esm = STATIC / "photo.js"
    _css = joined(STATIC / "explorer.css", STATIC / "photo.css")

    asis = traitlets.List(traitlets.Float()).tag(sync=True)
    psis = traitlets.List(traitlets.Float()).tag(sync=True)
    reference = traitlets.List(traitlets.List(traitlets.Float())).tag(sync=True)
    tilt = traitlets.Float(None, allow_none=True).tag(sync=True)

    def __init__(self, title: str = TITLE, **kwargs: Any) -> None:
        check.name_text("title", title, empty=True)
        data = photo_data()
        sample = data["sample"]
        width, height = sample["size"]
        spec = {
            "title": title,
            "sample": {"url": "data:image/svg+xml;base64," + base64.b64encode(sample_svg().encode()).decode("ascii"),
                       "width": width, "height": height, "alt": sample["title"]},
            "start": {k: list(v) for k, v in START.items()},
            "published": data["published"],
            "scale": data["scale"],
            "model": {p: equilibrium(pelvis(p)).angle for p in ("neutral", "lower_crossed")},
            "fix_page": "what_would_fix_it.html",
            "fix_anchor": "the-least-effort-fix",
            "colours": dict(style.PHOTO_COLOURS),
        }
        super().__init__(spec=spec, **kwargs)

    def reading(self) -> float | None:
        """The tilt (degrees) the markers give now, by :func:`tilt_from_points`; None before the page placed them."""
        if len(self.asis) != 2 or len(self.psis) != 2 or len(self.reference) != 2:
            return None
        return tilt_from_points(self.asis, self.psis, self.reference)

    def figure(self) -> Any:
        """The static twin: the sample drawing with the markers on its stickers and the reading."""
        import matplotlib.pyplot as plt
        from matplotlib.patches import Circle, Polygon

        d = photo_data()["sample"]
        width, height = d["size"]
        fig, ax = plt.subplots(figsize=(4.2, 4.2 * height / width + 0.5), layout="constrained")
        c = style.SAMPLE_COLOURS
        for (x0, y0), (x1, y1) in (d["floor"], d["door"]):
            ax.plot([x0, x1], [y0, y1], color=c["edge"], lw=3)
        for shape in d["shapes"]:
            patch = (Circle(shape["centre"], shape["radius"]) if shape["kind"] == "circle"
                     else Polygon(shape["points"], closed=True))
            patch.set(facecolor=c[shape["role"]], edgecolor=c["edge"], lw=1.5)
            ax.add_patch(patch)
        colours = style.PHOTO_COLOURS
        (ax_, ay), (px, py) = d["asis"], d["psis"]
        ax.plot([px, ax_], [py, ay], color=colours["line"], lw=2)
        ax.plot([40, 560], [ay, ay], color=colours["reference"], lw=2, ls="--")
        for name, (x, y) in (("ASIS", d["asis"]), ("PSIS", d["psis"])):
            ax.plot(x, y, "o", ms=9, color=colours[name.lower()], mec="white", mew=1.5)
            ax.annotate(name, (x, y), xytext=(6, -14), textcoords="offset points", fontsize=11, weight="bold")
        tilt = tilt_from_points(d["asis"], d["psis"])
        ax.set_title(f"Sample drawing: pelvic tilt {tilt:.1f}° anterior")
        ax.set_xlim(0, width)
        ax.set_ylim(height, 0)
        ax.set_aspect("equal")
        ax.axis("off")
        return fig


def tilt_photo(title: str = TITLE) -> TiltPhoto:
    """The photo tool of the pelvic-tilt chapter (starts on the sample drawing)."""
    return TiltPhoto(title=title)
