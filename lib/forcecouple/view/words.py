"""Every sentence the book builds from a result, in one place.

The joint explorer's page module fills the same templates (:data:`SENTENCES`,
sent in its spec) with the numbers it computes, so the page and Python say the
same thing; a browser test compares them with the numbers masked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .. import _validate as check
from ..course import STEPS, step
from ..model import ZERO_TORQUE, Equilibrium, Joint

#: The sentences that describe an equilibrium, with ``{placeholders}``. Torques
#: are magnitudes in N·m; ``{toward}`` is " forward" / " back" (the joint's
#: directions), or "" when the number shows as zero. The parts "Pulling",
#: "Tissues" and "Load" add up, within rounding, to the "net" torque.
SENTENCES = {
    "tilted": "The {bone} tilted {angle} degrees{toward}.",
    "at_limit": "The {bone} rests against its limit at {angle} degrees{toward}.",
    "pulling": "Pulling {direction}: {names}, {torque} N·m.",
    "tissues": "Tissues: {torque} N·m{toward}.",
    "load": "Load: {torque} N·m{toward}.",
    "net": "Net torque at this angle: {torque} N·m{toward}.",
    "net_at_limit": "Net torque at this angle: {torque} N·m{toward}, held by the joint's limit.",
    "release": "At the release angle ({angle}), the net torque was {torque} N·m{toward}: "
               "that imbalance set the bone moving.",
    "release_balanced": "At the release angle ({angle}), the torques were balanced: the bone stayed there.",
}


def label(name: str) -> str:
    """A name as readers see it ("rectus_femoris" -> "rectus femoris")."""
    check.name_text("name", name, empty=True)
    return name.replace("_", " ")


def join_words(words: Sequence[str]) -> str:
    """["a", "b", "c"] -> "a, b and c" (a list of non-empty strings)."""
    words = list(check.names("words", words, what="words"))
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def format_torque(value: float) -> str:
    """A torque magnitude (N·m, any finite number) for readers: one decimal below 10 N·m, whole above."""
    size = abs(check.number("value", value, unit="N·m"))
    return f"{size:.1f}" if size < 10 else f"{size:.0f}"


def toward(value: float, words: tuple[str, str], shown: str) -> str:
    """" forward" / " back" for a signed value, or "" when ``shown`` reads as zero."""
    if float(shown) == 0.0:
        return ""
    return " " + (words[0] if value >= 0 else words[1])


def tilt_text(angle: float, directions: tuple[str, str]) -> str:
    """An angle (degrees, within [-180, 180]) as the explorer's heading shows it, e.g. "20.6° forward";
    ``directions`` are the words for a positive and a negative turn."""
    angle = check.number("angle", angle, low=-180.0, high=180.0, unit="degrees")
    directions = check.word_pair("directions", directions, "two words (positive, negative)")
    shown = f"{abs(angle):.1f}"
    return f"{shown}°{toward(angle, directions, shown)}"


def group_torques(result: Equilibrium, groups: Mapping[str, Sequence[str]]) -> dict[str, float]:
    """Torque (N·m) of each group of muscles at the answer: label -> sum.

    ``groups`` maps a label to names of ``result.torques`` (muscles, "spring", "load").
    """
    check.instance("result", result, Equilibrium)
    groups = check.groups("groups", groups, result.torques)
    return {name: sum(result.torques[m] for m in members) for name, members in groups.items()}


def _torque_words(value: float, directions: tuple[str, str]) -> dict[str, str]:
    shown = format_torque(value)
    return {"torque": shown, "toward": toward(value, directions, shown)}


def describe_parts(joint: Joint, result: Equilibrium,
                   groups: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """The sentences of :func:`describe`, one a part (see :data:`SENTENCES`)."""
    result = check_result(joint, result)
    groups = None if groups is None else check.groups("groups", groups, joint.names)
    groups = groups or {label(name): [name] for name in joint.names}
    d = joint.directions
    shown = f"{abs(result.angle):.1f}"
    angle = {"bone": joint.name, "angle": shown, "toward": toward(result.angle, d, shown)}
    parts = [SENTENCES["at_limit" if result.at_limit else "tilted"].format(**angle)]
    torques = group_torques(result, groups)
    for direction, sign in ((d[0], 1), (d[1], -1)):
        names = [name for name, t in torques.items() if sign * t > 0]
        if names:
            total = sum(torques[name] for name in names)
            parts.append(SENTENCES["pulling"].format(direction=direction, names=join_words(names),
                                                     torque=format_torque(total)))
    parts.append(SENTENCES["tissues"].format(**_torque_words(result.torques["spring"], d)))
    if joint.load is not None:
        parts.append(SENTENCES["load"].format(**_torque_words(result.torques["load"], d)))
    parts.append(SENTENCES["net_at_limit" if result.at_limit else "net"].format(**_torque_words(result.residual, d)))
    balanced = abs(result.rest_torque) <= ZERO_TORQUE
    parts.append(SENTENCES["release_balanced" if balanced else "release"].format(
        angle=tilt_text(joint.rest_angle, d), **_torque_words(result.rest_torque, d)))
    return parts


def check_result(joint: object, result: object) -> Equilibrium:
    """``result`` if ``joint`` is a Joint and ``result`` an Equilibrium of it (its torques
    name the joint's muscles and its angle lies within the limits), else ``ValueError``."""
    check.instance("joint", joint, Joint)
    check.instance("result", result, Equilibrium)
    wanted = {*joint.names, "spring", "load"}
    if set(result.torques) != wanted or not joint.limits[0] <= result.angle <= joint.limits[1]:
        raise ValueError(f"result must be an equilibrium of joint (equilibrium(joint)): torques of "
                         f"{', '.join(sorted(wanted))} at an angle within {joint.limits}; got {check.show(result)}")
    return result


def describe(joint: Joint, result: Equilibrium, groups: Mapping[str, Sequence[str]] | None = None) -> str:
    """The equilibrium in words: the tilt, who pulls which way, the tissues, the load,
    the net torque (the sum of those parts) and the imbalance that set the bone moving.

    ``groups`` maps a label (e.g. "hip flexors") to muscle names; by default each
    muscle is its own group. Angles to 0.1 deg; torques as :func:`format_torque`.
    """
    return " ".join(describe_parts(joint, result, groups))


def readout_lines(joint: Joint, result: Equilibrium, groups: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """The text readout beside a picture: the sentences of :func:`describe`, one a line."""
    return [part.removesuffix(".") for part in describe_parts(joint, result, groups)]


# -- histories: weeks of a habit, weeks of a programme -----------------------

#: How the programme's two joints are named on the page: preset -> (title, y label).
PROGRAMME_JOINTS = {"pelvis": ("Lower-crossed pelvis", "degrees of anterior tilt"),
                    "scapula": ("Shrugged shoulder", "degrees of elevation")}

def habit_summary(history: Any, habit_label: str, joint: Joint) -> str:
    """One sentence on where ``history`` (an AdaptationHistory) leaves ``joint``."""
    pos, neg = joint.directions
    start, end = history.tilt[0], history.tilt[-1]
    weeks = int(history.weeks[-1])
    if history.hours == 0:
        return f"With no time spent {habit_label}, nothing changes: the {joint.name} stays at {start:.1f} degrees."
    changes = []
    for i in history.changed_muscles():
        parts = []
        if history.strength[i, -1] != 1.0:
            parts.append(f"strength {100 * (history.strength[i, -1] - 1):+.0f}%")
        if history.length[i, -1] != 1.0:
            parts.append(f"resting length {100 * (history.length[i, -1] - 1):+.1f}%")
        changes.append(f"{label(history.names[i])} {', '.join(parts)}")
    return (f"After {weeks} weeks of {habit_label}, {history.hours:g} hours a day, the {joint.name} moves from "
            f"{start:.1f} to {end:.1f} degrees ({abs(end - start):.1f} degrees {pos if end >= start else neg}); "
            f"what feels level has drifted to {history.feels_level[-1]:.1f} degrees. " + "; ".join(changes) + ".")


def habit_prediction(history: Any, joint: Joint) -> dict[str, Any]:
    """What "predict first" asks of a habit: how far the joint moves over the weeks."""
    weeks = int(history.weeks[-1])
    return {"label": f"change in the {joint.name} angle over {weeks} weeks, degrees, + is {joint.directions[0]}",
            "value": history.tilt_change, "after": f"over {weeks} weeks",
            "given": f"The {joint.name} starts at {history.tilt[0]:.1f} degrees."}


def programme_summary_text(p: Any, findings_labels: Sequence[str], histories: Mapping[str, Any],
                           weeks: int, days: float) -> str:
    """The sentence for plan ``p`` and its ``histories`` (preset -> ProgrammeHistory)."""
    parts = [f"Plan for {join_words(list(findings_labels))}:"]
    if p.overactive:
        parts.append(f"inhibit and lengthen {join_words(list(p.overactive))};")
    if p.underactive:
        parts.append(f"activate {join_words(list(p.underactive))};")
    parts.append("then integrate in whole movements.")
    for preset, h in histories.items():
        name = PROGRAMME_JOINTS[preset][0].lower()
        if not (h.activated or h.lengthened):
            parts.append(f"The plan does not address the {name}, which stays at {h.tilt[0]:.1f} degrees.")
            continue
        parts.append(f"In the model, {weeks} weeks at {days:g} days a week move the {name} from "
                     f"{h.tilt[0]:.1f} to {h.tilt[-1]:.1f} degrees (neutral: {h.neutral_tilt:.1f}).")
    return " ".join(parts)


def dose_table() -> list[tuple[str, str, str, str, str]]:
    """Every dose quantity of every step: (step label, quantity, amount, unit, note).

    The step label stands on the step's first row only; ``amount`` is the range
    ("1–2"), a single value ("about 30") or the listed values ("3-5").
    """
    rows = []
    for name in STEPS:
        for i, (quantity, d) in enumerate(step(name)["dose"].items()):
            if isinstance(d.get("value"), list):
                amount = "-".join(map(str, d["value"]))
            elif "value" in d:
                amount = f"about {d['value']:g}"
            else:
                amount = f"{d['low']:g}–{d['high']:g}"
            what = label(quantity.removesuffix("_s")).replace("rpe", "RPE")
            rows.append((step(name)["label"] if i == 0 else "", what, amount, d["unit"], d.get("note", "")))
    return rows
