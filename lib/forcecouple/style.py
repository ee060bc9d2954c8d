"""Colours and line styles shared by the static figures and the widget.

Okabe & Ito (2008) colours, safe for colour-blind readers: warm colours and
solid lines for strings that turn the bone the positive way at its rest angle,
cool colours and dashed lines for the others, so colour is never the only cue.
A muscle keeps its colour whatever the pulls are.
"""

from __future__ import annotations

from .joint import Joint, moment_arm

POSITIVE_COLOURS = ("#D55E00", "#E69F00", "#CC79A7", "#F0E442")
NEGATIVE_COLOURS = ("#0072B2", "#56B4E9", "#009E73", "#000000")
BONE_FILL = "#DDDDDD"
BONE_EDGE = "#555555"
NORMAL_RANGE_FILL = "#009E73"


def muscle_styles(joint: Joint) -> list[tuple[str, str]]:
    """(colour, "solid" or "dashed") for each muscle of ``joint``, in order."""
    counts = {True: 0, False: 0}
    styles = []
    for m in joint.muscles:
        positive = moment_arm(m, joint.rest_angle) >= 0
        palette = POSITIVE_COLOURS if positive else NEGATIVE_COLOURS
        styles.append((palette[counts[positive] % len(palette)], "solid" if positive else "dashed"))
        counts[positive] += 1
    return styles
