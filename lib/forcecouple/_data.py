"""The package's data: one JSON loader, and the one registry of preset joints.

Every number of the model, the course and the quizzes lives as JSON in
``forcecouple/data/`` (each with its source); :func:`load` reads a file once.
Preset factories (``pelvis``, ``scapula``, ``floating_bone``) register
themselves with :func:`register_preset`, so that every module that turns a
preset's name into a joint asks :func:`preset` instead of keeping a map.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from importlib import resources
from typing import Any

from . import _validate as check

_PRESETS: dict[str, Callable[..., Any]] = {}


@functools.cache
def _read(path: tuple[str, ...]) -> Any:
    return json.loads(resources.files("forcecouple").joinpath("data", *path).read_text("utf-8"))


def load(*path: str) -> Any:
    """The JSON file ``data/<path>`` (e.g. ``load("pelvis.json")``), read once and cached.

    The result is shared: callers that change it must copy it first.
    """
    return _read(tuple(path))


def data_files(*folder: str) -> tuple[str, ...]:
    """Names of the JSON files in ``data/<folder>``, without ``.json``, sorted."""
    where = resources.files("forcecouple").joinpath("data", *folder)
    return tuple(sorted(p.name.removesuffix(".json") for p in where.iterdir() if p.name.endswith(".json")))


def register_preset(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: list a preset factory ``f(pattern)`` under ``name``."""
    def add(factory: Callable[..., Any]) -> Callable[..., Any]:
        _PRESETS[name] = factory
        return factory
    return add


def preset_names() -> tuple[str, ...]:
    """The registered presets' names, in registration order."""
    return tuple(_PRESETS)


def preset(name: str, pattern: str = "neutral") -> Any:
    """The preset joint ``name`` (e.g. "pelvis") in ``pattern`` (e.g. "lower_crossed")."""
    check.choice("preset", name, preset_names())
    return _PRESETS[name](pattern)
