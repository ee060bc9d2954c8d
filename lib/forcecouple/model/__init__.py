"""The model floor: a bone pinned at a joint, pulled by strings, and where it rests.

numpy only; nothing here knows about figures, widgets or the course.
"""

from . import geometry, joint, muscle, presets, solve, tissues
from .geometry import *  # noqa: F403
from .joint import *  # noqa: F403
from .muscle import *  # noqa: F403
from .presets import *  # noqa: F403
from .solve import *  # noqa: F403
from .tissues import *  # noqa: F403

__all__ = [*geometry.__all__, *joint.__all__, *muscle.__all__, *presets.__all__, *solve.__all__, *tissues.__all__]
