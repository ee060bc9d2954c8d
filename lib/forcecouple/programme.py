"""The four corrective steps (inhibit, lengthen, activate, integrate) and their doses.

The steps and doses are data (``data/programme.json``), as the source article
retells NASM's course. :func:`check_dose` accepts a dose inside the article's
ranges; outside them it raises ``ValueError`` unless the caller says so with
``allow_outside=True``.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from . import _validate as check

STEPS = ("inhibit", "lengthen", "activate", "integrate")


@functools.cache
def programme_data() -> dict[str, Any]:
    """The steps, methods, examples and dose ranges (a dict from JSON)."""
    text = resources.files("forcecouple").joinpath("data", "programme.json").read_text("utf-8")
    return json.loads(text)


def step(name: str) -> dict[str, Any]:
    """One step's data: label, method, what it does to the strings, dose ranges."""
    check.choice("step", name, STEPS)
    return next(s for s in programme_data()["steps"] if s["name"] == name)


def dose_ranges(name: str) -> dict[str, tuple[float, float]]:
    """(low, high) of every numeric dose quantity of step ``name``."""
    return {q: (d["low"], d["high"]) for q, d in step(name)["dose"].items() if "low" in d}


def check_dose(name: str, allow_outside: bool = False, **dose: float) -> dict[str, float]:
    """Validate a dose for step ``name`` (e.g. ``check_dose("activate", sets=2, reps=12)``).

    Every quantity must be one the step knows and lie in the article's range;
    with ``allow_outside=True`` a finite, non-negative value outside the range is
    accepted. Returns the dose as floats.
    """
    ranges = dose_ranges(name)
    out = {}
    for quantity, value in dose.items():
        check.choice(f"{name} dose quantity", quantity, list(ranges))
        lo, hi = ranges[quantity]
        unit = step(name)["dose"][quantity]["unit"]
        x = check.number(f"{name} {quantity}", value, low=0.0, unit=unit)
        if not allow_outside and not lo <= x <= hi:
            raise ValueError(f"{name} {quantity} must lie in [{lo:g}, {hi:g}] {unit} (the article's dose); "
                             f"got {x:g}. Pass allow_outside=True to use a dose outside that range")
        out[quantity] = x
    return out


def dose_text(name: str) -> str:
    """The step's dose in words, e.g. "3-5 days a week; 1-2 sets; ..." ."""
    parts = []
    for quantity, d in step(name)["dose"].items():
        if quantity.startswith("contract_relax"):
            continue
        if isinstance(d.get("value"), list):
            parts.append(f"{'-'.join(map(str, d['value']))} {d['unit']}")
        elif "value" in d:
            parts.append(f"about {d['value']:g} {d['unit']}")
        elif d.get("low") == d.get("high"):
            parts.append(f"{d['low']:g} {d['unit']}")
        else:
            parts.append(f"{d['low']:g}-{d['high']:g} {d['unit']}")
    return "; ".join(parts)
