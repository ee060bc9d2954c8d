"""Matplotlib line charts of histories (weeks of a habit), the static twins of the
SeriesExplorer. No model here: the numbers come from ``adaptation.simulate``."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from .adaptation import AdaptationHistory, adaptation_data
from .presets import pelvis, scapula
from .style import muscle_styles

_JOINTS = {"pelvis": pelvis, "scapula": scapula}


def changed_muscles(history: AdaptationHistory) -> list[int]:
    """Indices of the muscles whose strength or resting length changed."""
    return [i for i in range(len(history.names))
            if np.any(history.strength[i] != 1.0) or np.any(history.length[i] != 1.0)]


def history_lines(history: AdaptationHistory) -> list[list[dict]]:
    """Lines for three panels: tilt (and what feels level), strength %, length %."""
    joint = _JOINTS[adaptation_data()["habits"][history.habit]["preset"]]("neutral")
    styles = muscle_styles(joint)
    shown = changed_muscles(history) or list(range(len(history.names)))
    label = [n.replace("_", " ") for n in history.names]
    return [
        [{"label": f"{joint.name} angle (degrees)", "values": history.tilt, "colour": "#000000", "dash": "solid"},
         {"label": "what feels level (illustrative)", "values": history.feels_level, "colour": "#999999",
          "dash": "dashed"}],
        [{"label": label[i], "values": 100 * history.strength[i], "colour": styles[i][0], "dash": styles[i][1]}
         for i in shown],
        [{"label": label[i], "values": 100 * history.length[i], "colour": styles[i][0], "dash": styles[i][1]}
         for i in shown],
    ]


PANELS = (("Tilt", "degrees"), ("Strength", "% of start"), ("Resting length", "% of start"))


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
