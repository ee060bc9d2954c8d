"""The pages of the built book, in the table of contents' order."""

from __future__ import annotations

import pathlib

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]


def toc_pages() -> list[str]:
    """Every page of ``_toc.yml`` (root first), without its extension."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    return [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]


#: Set an <input type=range> to a value as a reader's drag would (an "input" event).
SET_VALUE = "(el, v) => { el.value = String(v); el.dispatchEvent(new Event('input', {bubbles: true})); }"


def move_to_random_values(sliders, controls: list[dict], rng) -> list[float]:
    """Move slider k (of the locator ``sliders``) to a random value on control k's step
    grid, for each of the widget spec's ``controls``; return the values."""
    values = [round(rng.randint(0, round(c["max"] / c["step"])) * c["step"], 6) for c in controls]
    for k, v in enumerate(values):
        sliders.nth(k).evaluate(SET_VALUE, v)
    return values
