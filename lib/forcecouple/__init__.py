"""forcecouple: a bone pinned at a joint, pulled by muscles as strings.

Three floors, each importing only from the floors below it:

- :mod:`forcecouple.model`: geometry, muscles, joints, the equilibrium rule and
  the preset joints (numpy only);
- :mod:`forcecouple.course`: adaptation, the postural assessment, the corrective
  programme and the quizzes, as data and numbers;
- :mod:`forcecouple.view`: colours, sentences, figures and widgets.

Every public name is importable from here (``from forcecouple import pelvis,
pelvis_explorer``); :mod:`forcecouple.book` adds the chapters' cell helpers. The
model and the course load at once; a name of the view loads matplotlib or
anywidget only when it is first asked for.

Units at the API: cm, N, N·m, degrees (counter-clockwise positive).
"""

from __future__ import annotations

import importlib
from typing import Any

from . import book, course, model, view
from .book import *  # noqa: F403
from .course import *  # noqa: F403
from .model import *  # noqa: F403

#: Modules reachable by their short name (``from forcecouple import style``).
_MODULES = {"style": "forcecouple.view.style", "assessment": "forcecouple.course.assessment"}


def __getattr__(name: str) -> Any:
    if name in view.__all__:
        value = getattr(view, name)
    elif name in _MODULES:
        value = importlib.import_module(_MODULES[name])
    else:
        raise AttributeError(f"module 'forcecouple' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *view.__all__, *_MODULES})


__all__ = [*model.__all__, *course.__all__, *view.__all__, *book.__all__]
__version__ = "0.1.0"
