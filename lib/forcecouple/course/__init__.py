"""The course floor: what the book teaches on top of the model.

Weeks of use and disuse (adaptation), the postural assessment's tables, the
corrective programme (the four steps, their doses, a plan and following it) and
the chapters' quizzes. Data and numbers only: nothing here draws or displays.
"""

from . import adaptation, assessment, fix, photo, programme, quiz
from .adaptation import *  # noqa: F403
from .assessment import *  # noqa: F403
from .fix import *  # noqa: F403
from .photo import *  # noqa: F403
from .programme import *  # noqa: F403
from .quiz import *  # noqa: F403

__all__ = [*adaptation.__all__, *assessment.__all__, *fix.__all__, *photo.__all__, *programme.__all__, *quiz.__all__]
