"""The book's interactive diagrams (anywidget): one base, three explorers.

Each moves in a live kernel and in the static HTML book with no kernel: Python
precomputes what the page needs, the ES modules in ``static/`` look up and draw.
"""

from .base import PACK_BITS, STATIC, ArrayTable, BookWidget, StaticTwin, es_module, pack_floats, unpack_floats
from .fix import FixExplorer
from .joint import JointExplorer
from .photo import TiltPhoto, sample_svg, tilt_photo
from .programme import PlanExplorer, ProgrammeExplorer, plan_summary, programme_summary
from .series import SeriesExplorer

__all__ = [
    "PACK_BITS", "STATIC", "ArrayTable", "BookWidget", "FixExplorer", "JointExplorer", "PlanExplorer",
    "ProgrammeExplorer", "SeriesExplorer", "StaticTwin", "TiltPhoto", "es_module", "pack_floats",
    "plan_summary", "programme_summary", "sample_svg", "tilt_photo", "unpack_floats",
]
