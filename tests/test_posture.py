"""The assessment chapter's drawings of the overhead squat."""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_hex

from forcecouple import compensations, posture_alt, posture_drawings, posture_figure, posture_gallery, style


def test_every_compensation_and_both_ideal_views_are_drawn():
    keys = [key for key, _, _ in posture_drawings()]
    assert keys[:2] == ["squat_front", "squat_side"]
    assert set(keys[2:]) == set(compensations())


@pytest.mark.parametrize(("key", "finding", "view"), posture_drawings())
def test_each_drawing_has_a_sentence_for_its_alt_text(key, finding, view):
    alt = posture_alt(finding, view)
    assert alt.endswith(".") and len(alt.split()) >= 12
    fig = posture_figure(finding, view)
    rings = [p for p in fig.axes[0].patches if to_hex(p.get_edgecolor()).upper() == style.HIGHLIGHT.upper()]
    assert (len(rings) > 0) == (finding is not None)  # a compensation rings what changed
    plt.close(fig)


def test_the_gallery_is_accessible_html():
    html = posture_gallery()
    figures = re.findall(r'<figure class="fc-posture" id="posture-(\w+)">', html)
    assert len(figures) == len(posture_drawings())
    assert html.count('role="img"') == len(figures) and html.count("<title>") == len(figures)
    assert 'href="#try-it-the-interactive-checklist" data-finding="knees_cave_in"' in html


@pytest.mark.parametrize(("finding", "view", "error"), [("knee_pain", None, "finding must be one of"),
                                                        (None, "top", "view must be one of")])
def test_unknown_drawings_are_refused(finding, view, error):
    with pytest.raises(ValueError, match=error):
        posture_figure(finding, view)
    with pytest.raises(ValueError, match=error):
        posture_alt(finding, view)
