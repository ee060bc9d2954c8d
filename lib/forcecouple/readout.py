"""Words for what the model computed: the live description read by screen readers.

The same sentence is built by the widget's JavaScript from the same numbers
(decisions: tilt, the muscles pulling each way, the tissues, the load, and the
imbalance at the rest angle that tipped the bone).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .joint import Joint
from .solve import Equilibrium


def join_words(words: Sequence[str]) -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def format_torque(value: float) -> str:
    """A torque magnitude for readers: one decimal below 10 N·m, whole above."""
    size = abs(value)
    return f"{size:.1f}" if size < 10 else f"{size:.0f}"


def toward(value: float, words: tuple[str, str], shown: str) -> str:
    """" forward" / " back" for a signed value, or "" when ``shown`` reads as zero."""
    if float(shown) == 0.0:
        return ""
    return " " + (words[0] if value >= 0 else words[1])


def group_torques(result: Equilibrium, groups: Mapping[str, Sequence[str]]) -> dict[str, float]:
    """Torque (N·m) of each group of muscles at the answer: label -> sum."""
    return {label: sum(result.torques[name] for name in names) for label, names in groups.items()}


def describe(joint: Joint, result: Equilibrium, groups: Mapping[str, Sequence[str]] | None = None) -> str:
    """One sentence per idea: the tilt, who pulls which way, tissues, load, imbalance.

    ``groups`` maps a label (e.g. "hip flexors") to muscle names; by default each
    muscle is its own group. Angles to 0.1 deg; torques as :func:`format_torque`.
    """
    groups = groups or {name.replace("_", " "): [name] for name in joint.names}
    pos, neg = joint.directions
    verb = "rests against its limit at" if result.at_limit else "tilted"
    shown = f"{abs(result.angle):.1f}"
    parts = [f"{joint.name} {verb} {shown} degrees{toward(result.angle, joint.directions, shown)}."]
    torques = group_torques(result, groups)
    for direction, sign in ((pos, 1), (neg, -1)):
        labels = [label for label, t in torques.items() if sign * t > 0]
        if labels:
            total = sum(torques[label] for label in labels)
            parts.append(f"Pulling {direction}: {join_words(labels)}, {format_torque(total)} N·m.")
    others = [("Tissues", result.torques["spring"])]
    if joint.load is not None:
        others.append(("Load", result.torques["load"]))
    others.append(("Imbalance at the rest angle", result.rest_torque))
    for label, t in others:
        shown = format_torque(t)
        parts.append(f"{label}: {shown} N·m{toward(t, joint.directions, shown)}.")
    return " ".join(parts)
