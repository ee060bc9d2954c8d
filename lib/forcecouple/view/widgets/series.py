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
        The shared x values (e.g. weeks): finite, at least one; every line has one value per x.
        The page packs numbers as float32, so x and values lie within ±1e30.
    panels : sequence of (title, y label)
        Panel headings and y-axis labels (text).
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
        choices = check.mapping("choices", choices, "a mapping of label -> list of option labels")
        if not choices or any(isinstance(options, list | tuple) and not options for options in choices.values()):
            raise ValueError(f"choices must name at least one choice, each with options; got {dict(choices)!r}")
        choices = {check.name_text("choices key", label): check.names(f"choices[{label!r}]", options, what="options")
                   for label, options in choices.items()}
        check.function("run", run, "a callable run(*option_indices) -> dict")
        x = check.numbers("x", x, shape=(None,), low=-check.MAX_PAGE_NUMBER, high=check.MAX_PAGE_NUMBER,
                          what="numbers (the x values)")
        if not x.size:
            raise ValueError("x must hold at least one value; got none")
        panels = check.sequence("panels", panels, "(title, y label) pairs")
        if not panels:
            raise ValueError("panels must name at least one panel (title, y label); got none")
        for i, panel in enumerate(panels):
            if not isinstance(panel, tuple | list) or len(panel) != 2:
                raise ValueError(f"panels[{i}] must be a pair (title, y label); got {check.show(panel)}")
            for j, text in enumerate(panel):
                check.name_text(f"panels[{i}][{j}]", text, empty=True)
        check.name_text("x_label", x_label, empty=True)
        check.name_text("title", title, empty=True)
        for i, label in enumerate(check.sequence("sliders", sliders, "choice labels")):
            check.choice(f"sliders[{i}]: sliders", label, list(choices))
        if static_figure is not None:
            check.function("static_figure", static_figure, "a callable or None")
        sizes = [len(options) for options in choices.values()]
        start = [0] * len(sizes) if start is None else list(check.sequence("start", start, "option indices"))
        if len(start) != len(sizes):
            raise ValueError(f"start must give one option index per choice ({len(sizes)}); got {start!r} "
                             f"(choices: {', '.join(map(repr, choices))})")
        for k, (label, size) in enumerate(zip(choices, sizes, strict=True)):
            start[k] = check.integer(f"start[{k}]: start[{label!r}]", start[k], low=0, high=size - 1)
        runs = {}
        for combo in itertools.product(*(range(n) for n in sizes)):
            result = self._checked_run(run, combo, x.size)
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
    def _checked_run(run: Callable[..., dict], combo: tuple[int, ...], n: int) -> Mapping[str, Any]:
        """``run(*combo)``, checked: a mapping with a "summary" sentence and "panels" of lines,
        each a mapping with a "label" and ``n`` finite "values"."""
        where = f"run{combo}"
        result = check.mapping(where, run(*combo), "a mapping with 'panels' and 'summary'")
        check.name_text(f"{where}['summary']", result.get("summary"), empty=True)
        for i, lines in enumerate(check.sequence(f"{where}['panels']", result.get("panels"), "lists of lines")):
            for j, line in enumerate(check.sequence(f"{where}['panels'][{i}]", lines, "lines")):
                at = f"{where}['panels'][{i}][{j}]"
                check.name_text(f"{at}['label']", check.mapping(at, line).get("label"), empty=True)
                check.numbers(f"{at}['values']", line.get("values"), shape=(n,), low=-check.MAX_PAGE_NUMBER,
                              high=check.MAX_PAGE_NUMBER, what="one value per x")
        if "predict" in result:
            check.number(f"{where}['predict']['value']", check.mapping(f"{where}['predict']", result["predict"])
                         .get("value"))
        return result

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

