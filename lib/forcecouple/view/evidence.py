"""Figures that set the model beside published data: where they agree and where not."""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from ..model import SpringEvidence, preset_data, spring_evidence
from . import style


def spring_figure(evidence: SpringEvidence | None = None) -> Figure:
    """The model's tissue spring and both hips' published passive moment against tilt.

    Torques in N·m on the pelvis (positive tips it forward), tilt in degrees; the
    neutral band shaded, the pattern's equilibrium marked. ``evidence`` defaults to
    :func:`spring_evidence` of the lower crossed pattern.
    """
    e = spring_evidence() if evidence is None else evidence
    if not isinstance(e, SpringEvidence):
        raise TypeError(f"evidence must be a SpringEvidence (from spring_evidence()); got {type(e).__name__}")
    low, high = preset_data("pelvis")["normal_range"]
    fig, ax = plt.subplots(figsize=(8.5, 4.6), layout="constrained")
    ax.axvspan(low, high, color=style.NORMAL_RANGE_FILL, alpha=0.12, lw=0)
    ax.text((low + high) / 2, 0.98, "neutral band", transform=ax.get_xaxis_transform(), ha="center", va="top",
            color=style.TEXT)
    ax.axhline(0.0, color=style.CHART_AXIS, lw=1)
    ax.plot(e.tilt, e.spring, color=style.MODEL_LINE, lw=2.5, label="the model's spring (lumped)")
    ax.plot(e.tilt, e.hips, color=style.PUBLISHED_LINE, lw=2.5, ls="--",
            label="both hips, published fit (knee straight)")
    ax.axvline(e.angle, color=style.MARKER_LINE, lw=1, ls=":")
    ax.annotate(f"{e.pattern.replace('_', ' ')} rest, {e.angle:.1f}°", (e.angle, e.spring_at_angle),
                xytext=(8, -4), textcoords="offset points", va="top", color=style.TEXT)
    ax.plot([e.angle, e.angle], [e.spring_at_angle, e.hips_at_angle], "o", color=style.TEXT, ms=5)
    ax.set_xlabel("anterior pelvic tilt (degrees)")
    ax.set_ylabel("torque on the pelvis (N·m)\n+ tips it forward, − back")
    ax.set_xlim(e.tilt[0], e.tilt[-1])
    ax.grid(color=style.CHART_GRID, lw=0.8)
    ax.legend(loc="lower left", frameon=False)
    return fig

