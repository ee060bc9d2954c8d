"""ProgrammeExplorer: tick what you saw, get the plan and its simulated weeks.

Python computes, for every combination of the assessment's findings, the plan
(:func:`forcecouple.course.plan`) and the tilt week by week of the
lower-crossed pelvis and the shrugged shoulder following it
(:func:`forcecouple.course.simulate_programme`). The page's ES module
(``static/programme.js``) only looks up the ticked combination and draws; it
works in the static book with no kernel. Its "predict first" button asks for one
joint's tilt at the last week (``run["end"]``) before showing the curves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import traitlets

from ... import _validate as check
from ...course import assessment_data, compensations, plan, simulate_programme
from ..style import page_colours
from ..words import PROGRAMME_JOINTS, join_words, programme_summary_text
from .base import STATIC, ArrayTable, BookWidget, pack_floats


def _summary(p: Any, histories: dict[str, Any], weeks: int, days: float) -> str:
    labels = [compensations()[f]["label"] for f in p.findings]
    return programme_summary_text(p, labels, histories, weeks, days)


def programme_summary(findings: Sequence[str], weeks: int = 12, days: float = 3) -> str:
    """The plan for ``findings`` and what the model says it does, in words."""
    histories = {preset: simulate_programme(findings, preset, weeks=weeks, days=days) for preset in PROGRAMME_JOINTS}
    return _summary(plan(findings), histories, weeks, days)


#: The earlier name of :func:`programme_summary`.
plan_summary = programme_summary


class ProgrammeExplorer(BookWidget):
    """Checkboxes for the assessment's findings; the plan and 12 simulated weeks.

    Parameters
    ----------
    start : findings ticked at first (a list of compensation names).
    weeks : weeks simulated (1 to 52, an int).
    days : sessions a week (1 to 7).
    """

    _esm = STATIC / "programme.js"

    findings = traitlets.List(traitlets.Unicode()).tag(sync=True)

    def __init__(self, start: Sequence[str] = ("low_back_arches",), weeks: int = 12, days: float = 3,
                 **kwargs: Any) -> None:
        table = compensations()
        for i, f in enumerate(check.sequence("start", start, "findings")):
            check.choice(f"start[{i}]: start finding", f, list(table))
        weeks = check.integer("weeks", weeks, low=1, high=52, unit="weeks")
        days = check.number("days", days, low=1, high=7, unit="days a week")
        self._weeks, self._days = weeks, days
        names = list(table)
        curves = ArrayTable()
        runs: dict[str, Any] = {}
        ranges = {preset: [np.inf, -np.inf] for preset in PROGRAMME_JOINTS}
        neutral = {}
        for mask in range(1, 2 ** len(names)):
            chosen = [n for k, n in enumerate(names) if mask >> k & 1]
            p = plan(chosen)
            histories = {preset: simulate_programme(chosen, preset, weeks=weeks, days=days)
                         for preset in PROGRAMME_JOINTS}
            run = {"steps": [[label, join_words(list(items)) or "none", dose] for _, label, items, dose in p.steps],
                   "conflicts": list(p.conflicts), "unmodelled": list(p.unmodelled),
                   "summary": _summary(p, histories, weeks, days), "curves": {},
                   "end": {preset: float(h.tilt[-1]) for preset, h in histories.items()}}
            for preset, h in histories.items():
                run["curves"][preset] = curves.add(h.tilt)
                neutral[preset] = h.neutral_tilt
                lo, hi = ranges[preset]
                ranges[preset] = [min(lo, float(h.tilt.min()), h.neutral_tilt), max(hi, float(h.tilt.max()))]
            runs[str(mask)] = run
        spec = {
            "title": "From what you see to a programme (a teaching model)",
            "weeks": pack_floats(range(weeks + 1)), "days": days,
            "findings": [{"name": n, "label": c["label"], "view": c["view"], "source": c["source"],
                          "checkpoint": c["checkpoint"]} for n, c in table.items()],
            "checkpoints": [[c["name"], c["label"]] for c in assessment_data()["checkpoints"]],
            "sources": assessment_data()["sources"],
            "presets": [[preset, label, unit] for preset, (label, unit) in PROGRAMME_JOINTS.items()],
            "neutral": neutral,
            "ranges": {k: [lo - 1.0, hi + 1.0] for k, (lo, hi) in ranges.items()},
            "curves": curves.items, "runs": runs, "colours": page_colours(),
        }
        super().__init__(spec=spec, findings=list(start), **kwargs)

    def plan(self):
        """The plan for the ticked findings (None when nothing is ticked)."""
        return plan(self.findings) if self.findings else None

    def summary(self) -> str:
        """The page's sentence for the ticked findings."""
        if not self.findings:
            return "Tick at least one finding to see a plan."
        order = list(compensations())
        return programme_summary(sorted(self.findings, key=order.index), self._weeks, self._days)

    def figure(self) -> Any:
        """Static twin: the two joints' weeks for the ticked findings."""
        from ..figures import programme_figure
        return programme_figure({preset: simulate_programme(self.findings, preset, weeks=self._weeks, days=self._days)
                                 if self.findings else None for preset in PROGRAMME_JOINTS})


#: The earlier name of :class:`ProgrammeExplorer`.
PlanExplorer = ProgrammeExplorer
