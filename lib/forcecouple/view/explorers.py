"""The book's explorers: each preset with its sliders, buttons and ranges.

Settings only; the widgets are in :mod:`forcecouple.view.widgets`.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np

from .. import _data
from .. import _validate as check
from ..course import AdaptationHistory, adaptation_data, habit_preset, simulate
from ..model import Joint, floating_bone, pelvis, preset_data, preset_drawing, preset_groups, scapula
from .figures import PANELS, history_figure, history_lines
from .widgets import FixExplorer, JointExplorer, ProgrammeExplorer, SeriesExplorer
from .words import habit_prediction, habit_summary

#: Right-string insertions (cm) the floating bone's insertion slider offers (from its data).
_GRID = preset_data("floating_bone")["explorer_insertions"]
BONE_INSERTIONS = tuple(float(x) for x in np.arange(_GRID["from"], _GRID["to"] + _GRID["step"] / 2, _GRID["step"]))


def floating_bone_explorer(left: float = 50.0, right: float = 50.0, insertion: float = 20.0) -> JointExplorer:
    """Two strings on a floating bone, pulls in N, and where the right one is tied."""
    insertion = check.number_choice("insertion", insertion, BONE_INSERTIONS, unit="cm")
    variants = [floating_bone(left, right, insertion=x) for x in BONE_INSERTIONS]
    at = BONE_INSERTIONS.index
    presets = {
        "equal pulls": (variants[at(20.0)].with_pulls({"left": 50, "right": 50}), at(20.0)),
        "right pulls harder": (variants[at(20.0)].with_pulls({"left": 50, "right": 70}), at(20.0)),
        "right harder, tied closer": (variants[at(10.0)].with_pulls({"left": 50, "right": 70}), at(10.0)),
    }
    return JointExplorer(variants, controls=preset_groups("floating_bone"), unit="N", slider_max=100,
                         slider_step=1, presets=presets, variant_label="right string's distance from pivot",
                         variant_values=BONE_INSERTIONS, variant_unit="cm", start_variant=at(insertion),
                         title="A bone held by two strings", anatomy=None)


def pelvis_explorer(pattern: str = "neutral") -> JointExplorer:
    """The pelvis with one slider per muscle group (% of maximal force)."""
    return JointExplorer(pelvis(pattern), controls=preset_groups("pelvis"), unit="%", slider_max=20,
                         slider_step=0.1, presets={"neutral": pelvis("neutral"),
                                                   "lower crossed": pelvis("lower_crossed")},
                         normal_range=tuple(preset_data("pelvis")["normal_range"]),
                         title="The pelvis, seen from the right (front to the left)",
                         anatomy=preset_drawing("pelvis"))


def scapula_explorer(pattern: str = "neutral") -> JointExplorer:
    """The shoulder girdle: upper trapezius and levator against lower trapezius."""
    # 50 % at the top, so that an arrow key's 1 % of the range is one 0.5 % step.
    return JointExplorer(scapula(pattern), controls=preset_groups("scapula"), unit="%", slider_max=50,
                         slider_step=0.5, presets={"neutral": scapula("neutral"), "shrugged": scapula("shrugged")},
                         title="The right shoulder girdle, seen from behind", anatomy=preset_drawing("scapula"))


#: The fix tool's locks: what the reader may hold as it is, by muscle group of the pelvis.
FIX_LOCKS = {
    "hip flexors": "hip flexors stay as they are (you cannot stop sitting)",
    "low back": "low back stays as it is",
    "abdominals": "abdominals stay as they are",
}


@functools.cache
def _fix_joint(pattern: str) -> Joint:
    """One Joint per pattern, so the fix tool's precomputed grid (cached by joint) is solved once."""
    return pelvis(pattern)


def fix_explorer(pattern: str = "lower_crossed", target: float = 10.0) -> FixExplorer:
    """The least-effort fix of the pelvis: choose a target tilt and what stays as it is.

    Each muscle's activation in the answer minimises the sum of squared
    activations (:func:`forcecouple.course.fix.least_effort`); targets from -5 to
    40 degrees, as far as the locks allow.
    """
    pattern = check.choice("pattern", pattern, list(preset_data("pelvis")["patterns"]))
    joint = _fix_joint(pattern)
    target = check.number("target", target, low=-5.0, high=40.0, unit="degrees")
    groups = preset_groups("pelvis")
    return FixExplorer(joint, locks={text: groups[group] for group, text in FIX_LOCKS.items()}, target=target,
                       target_range=(-5.0, 40.0), grid_step=0.5, now_label=pattern.replace("_", " "),
                       normal_range=tuple(preset_data("pelvis")["normal_range"]),
                       title="The least-effort fix, seen from the right (front to the left)",
                       anatomy=preset_drawing("pelvis"))


@functools.cache
def _habit_joint(habit: str) -> Joint:
    """The joint a habit acts on, in its neutral pattern (for its name and directions)."""
    return _data.preset(habit_preset(habit))


def _habit_summary(history: AdaptationHistory) -> str:
    """One sentence on where a habit leaves the joint (words for the page)."""
    label = adaptation_data()["habits"][history.habit]["label"]
    return habit_summary(history, label, _habit_joint(history.habit))


def _habit_prediction(history: AdaptationHistory) -> dict[str, Any]:
    """What "predict first" asks for: how far the joint moves over the weeks."""
    return habit_prediction(history, _habit_joint(history.habit))


def adaptation_explorer(habit: str = "long_sitting", hours: float = 4) -> SeriesExplorer:
    """Weeks of a habit: pick it and its hours a day; tilt, strength and length move.

    Every habit and every hours choice in the data is simulated here, in Python.
    """
    data = adaptation_data()
    names = list(data["habits"])
    hours_choices = data["hours_choices"]
    check.choice("habit", habit, names)
    check.number_choice("hours", hours, hours_choices)
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


def programme_builder(start: tuple[str, ...] = ("low_back_arches",), days: float = 3) -> ProgrammeExplorer:
    """Tick the compensations you saw; see the plan and 12 simulated weeks of following it."""
    return ProgrammeExplorer(start=start, weeks=12, days=days)
