"""The printable handouts fit on one sheet when printed from the browser, offline."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from forcecouple import STEPS, dose_text, step

HANDOUTS = ("chapters/assessment_sheet.html", "chapters/handouts/four_steps_summary.html",
            "chapters/handouts/pelvis_sheet.html")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("handout", HANDOUTS)
def test_a_handout_prints_on_one_page(offline, handout, paper):
    page = offline.open(handout)
    page.emulate_media(media="print")
    margin = {side: "1cm" for side in ("top", "right", "bottom", "left")}  # as a browser prints
    pdf = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True, margin=margin)))
    text = pdf.pages[0].extract_text()
    assert len(pdf.pages) == 1, f"{handout} takes {len(pdf.pages)} pages on {paper}"
    assert "not medical advice" in text.replace("\n", " ") or "not a diagnosis" in text.replace("\n", " ")


def test_the_four_steps_handout_lists_every_step_with_its_dose(offline):
    text = offline.open(HANDOUTS[1]).inner_text("main")
    for name in STEPS:
        assert step(name)["label"] in text
        assert dose_text(name) in text
