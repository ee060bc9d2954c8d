"""The view floor: what the reader sees of the model and the course.

Colours (:mod:`.style`), sentences (:mod:`.words`), matplotlib figures
(:mod:`.figures`), the interactive diagrams (:mod:`.widgets`), the book's
explorers (:mod:`.explorers`) and the quizzes on the page (:mod:`.quiz`).

A name loads its module (and so matplotlib or anywidget) when it is first asked
for, so that ``import forcecouple`` stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

#: Every public name of the view, by the module that holds it.
PUBLIC = {
    "style": ("NEGATIVE_COLOURS", "POSITIVE_COLOURS", "muscle_styles", "page_colours"),
    "words": ("PROGRAMME_JOINTS", "SENTENCES", "describe", "describe_parts", "dose_table", "format_torque",
              "group_torques",
              "join_words", "label", "readout_lines", "tilt_text"),
    "figures": ("PANELS", "changed_muscles", "draw_joint", "history_figure", "history_lines", "pelvis_sheet",
                "programme_figure",
                "readout_text", "small_multiples", "torque_bars"),
    "widgets": ("FixExplorer", "JointExplorer", "PlanExplorer", "ProgrammeExplorer", "SeriesExplorer", "TiltPhoto",
                "plan_summary", "programme_summary", "sample_svg", "tilt_photo"),
    "explorers": ("BONE_INSERTIONS", "FIX_LOCKS", "adaptation_explorer", "fix_explorer", "floating_bone_explorer",
                  "pelvis_explorer",
                  "programme_builder", "scapula_explorer"),
    "quiz": ("show_quiz",),
    "evidence": ("spring_figure",),
    "effort": ("effort_figure", "sensitivity_figure"),
    "posture": ("posture_alt", "posture_drawings", "posture_figure", "posture_gallery", "show_postures"),
}
_HOME = {name: module for module, names in PUBLIC.items() for name in names}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'forcecouple.view' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOME])


__all__ = sorted(_HOME)
