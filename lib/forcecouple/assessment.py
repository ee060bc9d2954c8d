"""Postural assessment: compensations -> over- and underactive muscles -> a weekly plan.

The NASM tables are data (``data/assessment.json``), each compensation with its
source: table A (CPT 7th edition, verified) or table B (older editions, known
only from third-party transcriptions). :func:`plan` turns observed
compensations into the four steps with the article's doses.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Iterable
from importlib import resources
from typing import Any

from . import _validate as check
from .programme import dose_text, step


@functools.cache
def assessment_data() -> dict[str, Any]:
    """Checkpoints, distortion patterns, compensations and the name map (from JSON)."""
    text = resources.files("forcecouple").joinpath("data", "assessment.json").read_text("utf-8")
    return json.loads(text)


def compensations() -> dict[str, dict[str, Any]]:
    """Every compensation by name, with its label, view, checkpoint, source and muscles."""
    return {c["name"]: c for c in assessment_data()["compensations"]}


def model_strings(muscle: str) -> list[str]:
    """The preset strings ("preset:muscle") a NASM muscle name moves; [] if none."""
    return list(assessment_data()["model_strings"].get(muscle, []))


@dataclasses.dataclass(frozen=True)
class Plan:
    """A weekly corrective plan.

    Attributes
    ----------
    findings : the compensations it answers, in the order given.
    overactive, underactive : NASM muscle names, first-seen order.
    conflicts : muscles listed as overactive by one finding and underactive by
        another (by name, or through the model strings they move); they are left
        out of both lists and need a clinician's judgement.
    steps : (step name, label, muscles or movements, dose in words) for inhibit,
        lengthen, activate, integrate.
    sources : the table ("A" or "B") behind each finding.
    unmodelled : muscles of the plan that no preset models.
    """

    findings: tuple[str, ...]
    overactive: tuple[str, ...]
    underactive: tuple[str, ...]
    conflicts: tuple[str, ...]
    steps: tuple[tuple[str, str, tuple[str, ...], str], ...]
    sources: dict[str, str]
    unmodelled: tuple[str, ...]


def _conflicts(over: list[str], under: list[str]) -> tuple[str, ...]:
    """Muscles asked to be both calmed and strengthened: the same name on both
    lists, or names that move the same model string ("abdominals" underactive
    and "rectus abdominis" overactive)."""
    clash = [m for m in over if m in under]
    for o in over:
        for u in under:
            if set(model_strings(o)) & set(model_strings(u)):
                clash += [o, u]
    return tuple(dict.fromkeys(m for m in [*over, *under] if m in clash))


def plan(findings: Iterable[str]) -> Plan:
    """The four steps for the observed ``findings`` (compensation names).

    Inhibit and lengthen the overactive muscles, activate the underactive ones,
    then integrate; doses from :mod:`forcecouple.programme`. Deterministic: the
    same findings in the same order give the same plan.
    """
    table = compensations()
    findings = tuple(findings)
    if not findings:
        raise ValueError(f"findings must name at least one compensation; valid: {', '.join(table)}")
    for f in findings:
        check.choice("finding", f, list(table))
    over: list[str] = []
    under: list[str] = []
    for f in dict.fromkeys(findings):
        over += [m for m in table[f]["overactive"] if m not in over]
        under += [m for m in table[f]["underactive"] if m not in under]
    conflicts = _conflicts(over, under)
    over = [m for m in over if m not in conflicts]
    under = [m for m in under if m not in conflicts]
    integrate = tuple(step("integrate")["examples"])
    steps = tuple((name, step(name)["label"], tuple(muscles), dose_text(name)) for name, muscles in
                  (("inhibit", over), ("lengthen", over), ("activate", under), ("integrate", integrate)))
    unmodelled = tuple(m for m in [*over, *under] if not model_strings(m))
    return Plan(findings=findings, overactive=tuple(over), underactive=tuple(under), conflicts=conflicts,
                steps=steps, sources={f: table[f]["source"] for f in findings}, unmodelled=unmodelled)
