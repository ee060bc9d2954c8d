"""The book's explorers: each preset with its sliders, buttons and ranges.

Settings only; the widget is :class:`forcecouple.widget.JointExplorer`.
"""

from __future__ import annotations

import numpy as np

from .presets import floating_bone, pelvis, preset_data, preset_groups, scapula
from .widget import JointExplorer

#: Right-string insertions (cm) the floating bone's insertion slider offers.
BONE_INSERTIONS = tuple(float(x) for x in np.arange(2.0, 23.0, 2.0))


def floating_bone_explorer(left: float = 50.0, right: float = 50.0, insertion: float = 20.0) -> JointExplorer:
    """Two strings on a floating bone, pulls in N, and where the right one is tied."""
    if insertion not in BONE_INSERTIONS:
        raise ValueError(f"insertion must be one of {', '.join(f'{x:g}' for x in BONE_INSERTIONS)} cm; "
                         f"got {insertion!r}")
    variants = [floating_bone(left, right, insertion=x) for x in BONE_INSERTIONS]
    at = BONE_INSERTIONS.index
    presets = {
        "equal pulls": variants[at(20.0)].with_pulls({"left": 50, "right": 50}),
        "right pulls harder": variants[at(20.0)].with_pulls({"left": 50, "right": 70}),
        "right harder, tied closer": variants[at(10.0)].with_pulls({"left": 50, "right": 70}),
    }
    return JointExplorer(variants, controls=preset_groups("floating_bone"), unit="N", slider_max=100,
                         slider_step=1, presets=presets, variant_label="right string's distance from pivot",
                         variant_values=BONE_INSERTIONS, variant_unit="cm", start_variant=at(insertion),
                         title="A bone held by two strings")


def pelvis_explorer(pattern: str = "neutral") -> JointExplorer:
    """The pelvis with one slider per muscle group (% of maximal force)."""
    return JointExplorer(pelvis(pattern), controls=preset_groups("pelvis"), unit="%", slider_max=20,
                         slider_step=0.1, presets={"neutral": pelvis("neutral"),
                                                   "lower crossed": pelvis("lower_crossed")},
                         normal_range=tuple(preset_data("pelvis")["normal_range"]),
                         title="The pelvis, seen from the right (front to the left)")


def scapula_explorer(pattern: str = "neutral") -> JointExplorer:
    """The shoulder girdle: upper trapezius and levator against lower trapezius."""
    return JointExplorer(scapula(pattern), controls=preset_groups("scapula"), unit="%", slider_max=40,
                         slider_step=0.5, presets={"neutral": scapula("neutral"), "shrugged": scapula("shrugged")},
                         title="The right shoulder girdle, seen from behind")
