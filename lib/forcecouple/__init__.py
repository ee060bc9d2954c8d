"""forcecouple: a bone pinned at a joint, pulled by muscles as strings.

Units at the API: cm, N, N·m, degrees (counter-clockwise positive).
"""

from .joint import Joint, TorqueBasis, Weight, moment_arm, torque_basis
from .muscle import Muscle, thelen_passive, thelen_passive_force
from .presets import floating_bone, pelvis, scapula
from .solve import Equilibrium, equilibrium

__all__ = [
    "Equilibrium", "Joint", "Muscle", "TorqueBasis", "Weight", "equilibrium", "floating_bone",
    "moment_arm", "pelvis", "scapula", "thelen_passive", "thelen_passive_force", "torque_basis",
]
__version__ = "0.1.0"
