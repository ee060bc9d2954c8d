"""Postural assessment: what you see (compensations) -> over- and underactive muscles.

The NASM tables are data (``data/assessment.json``), each compensation with its
source: table A (CPT 7th edition, verified) or table B (older editions, known
only from third-party transcriptions). :func:`forcecouple.course.programme.plan`
turns observed compensations into the four steps with the article's doses.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .. import _data
from .. import _validate as check
from ..model.presets import PRESET_NAMES

__all__ = ["assessment_data", "compensations", "mapped_muscles", "model_strings", "strings_in"]


def assessment_data() -> dict[str, Any]:
    """Checkpoints, distortion patterns, compensations and the name map (from JSON)."""
    return _data.load("assessment.json")


def compensations() -> dict[str, dict[str, Any]]:
    """Every compensation by name, with its label, view, checkpoint, source and muscles."""
    return {c["name"]: c for c in assessment_data()["compensations"]}


def model_strings(muscle: str) -> list[str]:
    """The preset strings ("preset:muscle") a NASM muscle name moves; [] if none."""
    check.name_text("muscle", muscle)
    return list(assessment_data()["model_strings"].get(muscle, []))


def strings_in(muscles: Iterable[str], preset: str) -> tuple[str, ...]:
    """The strings of ``preset`` (e.g. "pelvis") that the NASM ``muscles`` (a list of names) move,
    first-seen order."""
    muscles = check.names("muscles", muscles, what="NASM muscle names")
    check.choice("preset", preset, PRESET_NAMES)
    out: list[str] = []
    for m in muscles:
        for s in model_strings(m):
            where, name = s.split(":")
            if where == preset and name not in out:
                out.append(name)
    return tuple(out)


def mapped_muscles() -> list[str]:
    """The NASM muscle names that the name map knows, in its order."""
    return list(assessment_data()["model_strings"])
