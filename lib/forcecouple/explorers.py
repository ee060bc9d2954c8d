"""The book's explorers: each preset with its sliders, buttons and ranges.

Settings only; the widget is :class:`forcecouple.widget.JointExplorer`.
"""

from __future__ import annotations

import functools

import numpy as np

from . import _validate as check
from .adaptation import adaptation_data, simulate
from .plan_widget import PlanExplorer
from .presets import floating_bone, pelvis, preset_data, preset_groups, scapula
from .series_widget import SeriesExplorer
from .widget import JointExplorer

#: Right-string insertions (cm) the floating bone's insertion slider offers.
BONE_INSERTIONS = tuple(float(x) for x in np.arange(2.0, 23.0, 2.0))


def floating_bone_explorer(left: float = 50.0, right: float = 50.0, insertion: float = 20.0) -> JointExplorer:
    """Two strings on a floating bone, pulls in N, and where the right one is tied."""
    if insertion not in BONE_INSERTIONS:
        raise ValueError(f"insertion must be one of {', '.join(f'{x:g}' for x in BONE_INSERTIONS)} cm; "
                         f"got {insertion!r}")
    variants = [floating_bone(left, right, insertion=x) for x in BONE_INSERTIONS]
    at = BONE_INSERTIONS.index
    presets = {
        "equal pulls": variants[at(20.0)].with_pulls({"left": 50, "right": 50}),
        "right pulls harder": variants[at(20.0)].with_pulls({"left": 50, "right": 70}),
        "right harder, tied closer": variants[at(10.0)].with_pulls({"left": 50, "right": 70}),
    }
    return JointExplorer(variants, controls=preset_groups("floating_bone"), unit="N", slider_max=100,
                         slider_step=1, presets=presets, variant_label="right string's distance from pivot",
                         variant_values=BONE_INSERTIONS, variant_unit="cm", start_variant=at(insertion),
                         title="A bone held by two strings")


def pelvis_explorer(pattern: str = "neutral") -> JointExplorer:
    """The pelvis with one slider per muscle group (% of maximal force)."""
    return JointExplorer(pelvis(pattern), controls=preset_groups("pelvis"), unit="%", slider_max=20,
                         slider_step=0.1, presets={"neutral": pelvis("neutral"),
                                                   "lower crossed": pelvis("lower_crossed")},
                         normal_range=tuple(preset_data("pelvis")["normal_range"]),
                         title="The pelvis, seen from the right (front to the left)")


def scapula_explorer(pattern: str = "neutral") -> JointExplorer:
    """The shoulder girdle: upper trapezius and levator against lower trapezius."""
    return JointExplorer(scapula(pattern), controls=preset_groups("scapula"), unit="%", slider_max=40,
                         slider_step=0.5, presets={"neutral": scapula("neutral"), "shrugged": scapula("shrugged")},
                         title="The right shoulder girdle, seen from behind")


@functools.cache
def _habit_joint(habit_name: str):
    """A habit's data and its preset joint (for the joint's name and directions)."""
    habit = adaptation_data()["habits"][habit_name]
    return habit, pelvis() if habit["preset"] == "pelvis" else scapula()


def _habit_summary(history) -> str:
    """One sentence on where a habit leaves the joint (words for the page)."""
    from .charts import changed_muscles
    habit, joint = _habit_joint(history.habit)
    pos, neg = joint.directions
    start, end = history.tilt[0], history.tilt[-1]
    weeks = int(history.weeks[-1])
    if history.hours == 0:
        return f"With no time spent {habit['label']}, nothing changes: the {joint.name} stays at {start:.1f} degrees."
    changes = []
    for i in changed_muscles(history):
        parts = []
        if history.strength[i, -1] != 1.0:
            parts.append(f"strength {100 * (history.strength[i, -1] - 1):+.0f}%")
        if history.length[i, -1] != 1.0:
            parts.append(f"resting length {100 * (history.length[i, -1] - 1):+.1f}%")
        changes.append(f"{history.names[i].replace('_', ' ')} {', '.join(parts)}")
    return (f"After {weeks} weeks of {habit['label']}, {history.hours:g} hours a day, the {joint.name} moves from "
            f"{start:.1f} to {end:.1f} degrees ({abs(end - start):.1f} degrees {pos if end >= start else neg}); "
            f"what feels level has drifted to {history.feels_level[-1]:.1f} degrees. " + "; ".join(changes) + ".")


def _habit_prediction(history) -> dict:
    """What "predict first" asks for: how far the joint moves over the weeks (the chapter's question)."""
    _, joint = _habit_joint(history.habit)
    weeks = int(history.weeks[-1])
    return {"label": f"change in the {joint.name} angle over {weeks} weeks, degrees, + is {joint.directions[0]}",
            "value": float(history.tilt[-1] - history.tilt[0]), "after": f"over {weeks} weeks",
            "given": f"The {joint.name} starts at {history.tilt[0]:.1f} degrees."}


def adaptation_explorer(habit: str = "long_sitting", hours: float = 4) -> SeriesExplorer:
    """Weeks of a habit: pick it and its hours a day; tilt, strength and length move.

    Every habit and every hours choice in the data is simulated here, in Python.
    """
    from .charts import PANELS, history_figure, history_lines
    data = adaptation_data()
    names = list(data["habits"])
    hours_choices = data["hours_choices"]
    check.choice("habit", habit, names)
    if hours not in hours_choices:
        raise ValueError(f"hours must be one of {', '.join(map(str, hours_choices))}; got {hours!r}")
    cache = {}

    def history(i: int, j: int):
        if (i, j) not in cache:
            cache[i, j] = simulate(names[i], hours_choices[j])
        return cache[i, j]

    def run(i: int, j: int) -> dict:
        h = history(i, j)
        return {"panels": history_lines(h), "summary": _habit_summary(h), "predict": _habit_prediction(h)}

    return SeriesExplorer({"habit": [data["habits"][n]["label"] for n in names],
                           "hours a day": [f"{h:g} h" for h in hours_choices]},
                          run, x=list(range(data["weeks"] + 1)), panels=PANELS, x_label="week",
                          title="Weeks of a habit (a teaching model)", sliders=["hours a day"],
                          static_figure=lambda i, j: history_figure(history(i, j)),
                          start=[names.index(habit), hours_choices.index(hours)])


def programme_builder(start: tuple[str, ...] = ("low_back_arches",), days: float = 3) -> PlanExplorer:
    """Tick the compensations you saw; see the plan and 12 simulated weeks of following it."""
    return PlanExplorer(start=start, weeks=12, days=days)
