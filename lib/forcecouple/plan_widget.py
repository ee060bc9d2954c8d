"""PlanExplorer: tick what you saw, get the plan and its simulated weeks.

Python computes, for every combination of the assessment's findings, the plan
(:func:`forcecouple.assessment.plan`) and the tilt week by week of the
lower-crossed pelvis and the shrugged shoulder following it
(:func:`forcecouple.simulator.simulate_programme`). The page's ES module
(``static/plan.js``) only looks up the ticked combination and draws; it works
in the static book with no kernel. Its "predict first" button asks for one
joint's tilt at the last week (``run["end"]``) before showing the curves.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Any

import anywidget
import numpy as np
import traitlets

from . import _validate as check
from .assessment import assessment_data, compensations, plan
from .readout import join_words
from .simulator import simulate_programme
from .widget import STATIC, StaticTwin, es_module

PRESETS = (("pelvis", "Lower-crossed pelvis", "degrees of anterior tilt"),
           ("scapula", "Shrugged shoulder", "degrees of elevation"))


def _b64(values: Sequence[float]) -> str:
    return base64.b64encode(np.asarray(values, dtype="<f4").tobytes()).decode("ascii")


def _summary(p, histories, weeks: int, days: float) -> str:
    """The sentence for plan ``p`` and its ``histories`` (preset -> ProgrammeHistory)."""
    labels = [compensations()[f]["label"] for f in p.findings]
    parts = [f"Plan for {join_words(labels)}:"]
    if p.overactive:
        parts.append(f"inhibit and lengthen {join_words(list(p.overactive))};")
    if p.underactive:
        parts.append(f"activate {join_words(list(p.underactive))};")
    parts.append("then integrate in whole movements.")
    for preset, label, _ in PRESETS:
        h = histories[preset]
        if not (h.activated or h.lengthened):
            parts.append(f"The plan does not address the {label.lower()}, which stays at {h.tilt[0]:.1f} degrees.")
            continue
        parts.append(f"In the model, {weeks} weeks at {days:g} days a week move the {label.lower()} from "
                     f"{h.tilt[0]:.1f} to {h.tilt[-1]:.1f} degrees (neutral: {h.neutral_tilt:.1f}).")
    return " ".join(parts)


def plan_summary(findings: Sequence[str], weeks: int = 12, days: float = 3) -> str:
    """The plan for ``findings`` and what the model says it does, in words."""
    histories = {preset: simulate_programme(findings, preset, weeks=weeks, days=days) for preset, _, _ in PRESETS}
    return _summary(plan(findings), histories, weeks, days)


class PlanExplorer(StaticTwin, anywidget.AnyWidget):
    """Checkboxes for the assessment's findings; the plan and 12 simulated weeks.

    Parameters
    ----------
    start : findings ticked at first (compensation names).
    weeks : weeks simulated (1 to 52).
    days : sessions a week (1 to 7).
    """

    _esm = es_module("plan.js")
    _css = STATIC / "explorer.css"

    spec = traitlets.Dict().tag(sync=True)
    findings = traitlets.List(traitlets.Unicode()).tag(sync=True)

    def __init__(self, start: Sequence[str] = ("low_back_arches",), weeks: int = 12, days: float = 3,
                 **kwargs: Any) -> None:
        table = compensations()
        for f in start:
            check.choice("start finding", f, list(table))
        weeks = int(check.number("weeks", weeks, low=1, high=52, unit="weeks"))
        days = check.number("days", days, low=1, high=7, unit="days a week")
        self._weeks, self._days = weeks, days
        names = list(table)
        curves: list[str] = []
        index: dict[str, int] = {}

        def curve(values: Sequence[float]) -> int:
            text = _b64(values)
            if text not in index:
                index[text] = len(curves)
                curves.append(text)
            return index[text]

        runs: dict[str, Any] = {}
        ranges = {preset: [np.inf, -np.inf] for preset, _, _ in PRESETS}
        neutral = {}
        for mask in range(1, 2 ** len(names)):
            chosen = [n for k, n in enumerate(names) if mask >> k & 1]
            p = plan(chosen)
            histories = {preset: simulate_programme(chosen, preset, weeks=weeks, days=days)
                         for preset, _, _ in PRESETS}
            run = {"steps": [[label, join_words(list(items)) or "none", dose] for _, label, items, dose in p.steps],
                   "conflicts": list(p.conflicts), "unmodelled": list(p.unmodelled),
                   "summary": _summary(p, histories, weeks, days), "curves": {},
                   "end": {preset: float(h.tilt[-1]) for preset, h in histories.items()}}
            for preset, h in histories.items():
                run["curves"][preset] = curve(h.tilt)
                neutral[preset] = h.neutral_tilt
                lo, hi = ranges[preset]
                ranges[preset] = [min(lo, float(h.tilt.min()), h.neutral_tilt), max(hi, float(h.tilt.max()))]
            runs[str(mask)] = run
        spec = {
            "title": "From what you see to a plan (a teaching model)",
            "weeks": _b64(range(weeks + 1)), "days": days,
            "findings": [{"name": n, "label": c["label"], "view": c["view"], "source": c["source"],
                          "checkpoint": c["checkpoint"]} for n, c in table.items()],
            "checkpoints": [[c["name"], c["label"]] for c in assessment_data()["checkpoints"]],
            "sources": assessment_data()["sources"],
            "presets": [[preset, label, unit] for preset, label, unit in PRESETS],
            "neutral": neutral,
            "ranges": {k: [lo - 1.0, hi + 1.0] for k, (lo, hi) in ranges.items()},
            "curves": curves, "runs": runs,
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
        return plan_summary(sorted(self.findings, key=order.index), self._weeks, self._days)

    def figure(self):
        """Static twin: the two presets' weeks for the ticked findings."""
        import matplotlib.pyplot as plt
        fig, axes = plt.subplots(1, 2, figsize=(10, 3.4), layout="constrained")
        for ax, (preset, label, unit) in zip(axes, PRESETS, strict=True):
            if self.findings:
                h = simulate_programme(self.findings, preset, weeks=self._weeks, days=self._days)
                ax.plot(h.weeks, h.tilt, color="#000000", lw=2, label="following the plan")
                ax.axhline(h.neutral_tilt, color="#009E73", ls="--", label="neutral pattern")
            ax.set_title(label)
            ax.set_xlabel("week")
            ax.set_ylabel(unit)
            ax.grid(alpha=0.3)
            ax.legend(fontsize=8, frameon=False)
        return fig



__all__ = ["PlanExplorer", "plan_summary"]
