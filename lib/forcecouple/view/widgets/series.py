"""SeriesExplorer: precomputed curves picked by the reader's choices.

Python computes one run (several panels of lines over a shared x axis, and a
summary sentence) for every combination of the choices; the page's ES module
(``static/series.js``) only looks up the run for the current choices and draws
line charts. Like every interactive in the book it works in the static HTML
page with no kernel.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import traitlets

from ... import _validate as check
from .. import style
from .base import STATIC, BookWidget, pack_floats


class SeriesExplorer(BookWidget):
    """Line charts of precomputed runs, one run per combination of choices.

    Parameters
    ----------
    choices : mapping of label -> list of option labels
        Each becomes a group of radio buttons (or a slider with ``sliders``).
    run : callable
        ``run(*option_indices)`` -> dict with ``"panels"``: a list (one per panel)
        of lists of lines ``{"label", "values", "colour", "dash"}``, and
        ``"summary"``: a sentence. Called once per combination, in Python.
        Optionally ``"predict"``: ``{"label", "value", "after", "given"}``, the
        number the "predict first" button asks for (label of the input, the
        model's value, words after it in the verdict, a sentence shown while the
        charts are hidden). Either every run has it or none does.
    x : sequence of float
        The shared x values (e.g. weeks).
    panels : sequence of (title, y label)
        Panel headings and y-axis labels.
    x_label, title : text.
    sliders : labels of choices shown as a slider instead of radio buttons.
    static_figure : callable or None
        ``static_figure(*option_indices)`` -> matplotlib figure, the static twin.
    start : option index of each choice at first (default: all 0).
    """

    _esm = STATIC / "series.js"

    choice = traitlets.List(traitlets.Int()).tag(sync=True)

    def __init__(self, choices: Mapping[str, Sequence[str]], run: Callable[..., dict], x: Sequence[float],
                 panels: Sequence[tuple[str, str]], x_label: str = "", title: str = "",
                 sliders: Sequence[str] = (), static_figure: Callable[..., Any] | None = None,
                 start: Sequence[int] | None = None, **kwargs: Any) -> None:
        if not choices or any(not options for options in choices.values()):
            raise ValueError(f"choices must name at least one choice, each with options; got {dict(choices)!r}")
        for label in sliders:
            check.choice("sliders", label, list(choices))
        sizes = [len(options) for options in choices.values()]
        start = [0] * len(sizes) if start is None else list(start)
        if len(start) != len(sizes):
            raise ValueError(f"start must give one option index per choice ({len(sizes)}); got {start!r}")
        for k, (label, size) in enumerate(zip(choices, sizes, strict=True)):
            start[k] = int(check.number(f"start[{label!r}]", start[k], low=0, high=size - 1))
        runs = {}
        for combo in itertools.product(*(range(n) for n in sizes)):
            result = run(*combo)
            if len(result["panels"]) != len(panels):
                raise ValueError(f"run{combo} must return one list of lines per panel ({len(panels)}); "
                                 f"got {len(result['panels'])}")
            key = ",".join(map(str, combo))
            runs[key] = {
                "summary": result["summary"],
                "panels": [[{"label": line["label"], "colour": line.get("colour", style.ANGLE_LINE),
                             "dash": line.get("dash", "solid"), "values": pack_floats(line["values"])}
                            for line in lines] for lines in result["panels"]],
                "ranges": [self._range(lines) for lines in result["panels"]],
            }
            if "predict" in result:
                runs[key]["predict"] = {**result["predict"], "value": float(result["predict"]["value"])}
        predict = {"predict" in r for r in runs.values()}
        if len(predict) > 1:
            raise ValueError("run must return a 'predict' entry for every combination of choices or for none")
        self._static_figure = static_figure
        spec = {"predict": predict == {True}, "title": title, "x_label": x_label, "x": pack_floats(x),
                "colours": style.page_colours(),
                "choices": [{"label": label, "options": list(options), "slider": label in sliders}
                            for label, options in choices.items()],
                "panels": [{"title": t, "y_label": y} for t, y in panels], "runs": runs}
        super().__init__(spec=spec, choice=start, **kwargs)

    @staticmethod
    def _range(lines: Sequence[Mapping[str, Any]]) -> list[float]:
        values = np.concatenate([np.asarray(line["values"], dtype=float) for line in lines])
        lo, hi = float(values.min()), float(values.max())
        pad = max((hi - lo) * 0.08, 1e-6 + abs(hi) * 0.01)
        return [lo - pad, hi + pad]

    def summary(self) -> str:
        """The summary sentence of the run for the current choices."""
        return self.spec["runs"][",".join(map(str, self.choice))]["summary"]

    def figure(self) -> Any:
        """The static twin for the current choices (None without ``static_figure``)."""
        return None if self._static_figure is None else self._static_figure(*self.choice)

