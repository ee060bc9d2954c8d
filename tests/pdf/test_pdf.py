"""Checks of the PDF book that `make pdf` builds (run by `make pdf`, not by `make test`).

They read what LaTeX wrote: its log (errors, glyphs the fonts lack, undefined
references), the .tex (which images it includes) and the PDF's own text (pypdf).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import pathlib
import re

import pytest
from pypdf import PdfReader

from forcecouple import quiz_chapters, quiz_questions

ROOT = pathlib.Path(__file__).resolve().parents[2]
LATEX = ROOT / "_build" / "latex"
PDF, LOG, TEX = (LATEX / f"force-couples.{ext}" for ext in ("pdf", "log", "tex"))
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def log() -> str:
    assert LOG.exists(), "run `make pdf` first"
    return LOG.read_text(encoding="utf-8", errors="replace")


@functools.cache
def pdf_text() -> str:
    """The text of every page, with whitespace and hyphenation evened out."""
    text = "\n".join(page.extract_text() or "" for page in PdfReader(PDF).pages)
    return plain(text.replace("-\n", "").replace("\u00ad", ""))


def plain(s: str) -> str:
    """``s`` with straight quotes (the book's typography curls them) and no spaces
    (pypdf drops many of the spaces in justified lines)."""
    return re.sub(r"\s+", "", s.translate(str.maketrans("‘’“”", "''\"\"")))


def words(s: str, n: int = 8) -> str:
    """The first ``n`` words of ``s`` (enough to find it in the PDF's text)."""
    return plain(" ".join(s.split()[:n]))


def test_latex_ran_without_errors(log):
    errors = [line for line in log.splitlines() if line.startswith("!")]
    assert errors == []
    assert "Output written on force-couples.pdf" in log


def test_every_character_has_a_glyph(log):
    assert re.findall(r"Missing character: .*", log) == []


def test_every_reference_and_citation_resolves(log):
    assert re.findall(r"(?:Reference|Citation) `[^']*' on page \d+ undefined", log) == []
    assert "There were undefined references" not in log


def test_the_pdf_has_the_pages_latex_reported(log):
    reported = int(re.findall(r"Output written on force-couples.pdf \((\d+) pages", log)[-1])
    assert len(PdfReader(PDF).pages) == reported > 50


def test_every_part_and_chapter_is_in_the_pdf():
    text = pdf_text()
    for title in ("The model", "What to do about it", "For teachers", "Force couples", "Adaptation",
                  "Anterior pelvic tilt", "The four corrective steps", "Instructor guide", "Quiz answer key",
                  "The four steps on one page", "Assessment sheet"):
        assert plain(title) in text, title


def executed_widget_outputs() -> list[dict]:
    """The widget outputs of the executed chapters (from the execution cache)."""
    found = []
    for path in sorted((ROOT / "_build" / ".jupyter_cache" / "executed").glob("*/base.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            found += [o["data"] for o in cell.get("outputs", []) if WIDGET_MIME in o.get("data", {})]
    return found


def test_every_widget_appears_as_its_static_figure():
    tex = TEX.read_text(encoding="utf-8")
    widgets = executed_widget_outputs()
    assert len(widgets) >= 6
    for data in widgets:
        assert "image/png" in data, "a widget without a static twin"
        name = hashlib.sha256(base64.b64decode(data["image/png"])).hexdigest()
        assert f"\\sphinxincludegraphics{{{{{name}}}.png}}" in tex
        assert (LATEX / f"{name}.png").exists()


@pytest.mark.parametrize("chapter", quiz_chapters())
def test_each_quiz_is_printed_with_its_answers_in_the_key(chapter):
    text = pdf_text()
    for q in quiz_questions(chapter):
        assert text.count(words(q["question"])) == 2, "once in the chapter, once in the answer key"
        right = next(a for a in q["answers"] if a["correct"])
        assert words(right["feedback"].removeprefix("Right. ")) in text


def test_no_interactive_leftovers_in_print():
    text = pdf_text()
    assert "IPython.core.display" not in text
    assert "Predictfirst" in text  # the prompts stay; the answers are the static figures
