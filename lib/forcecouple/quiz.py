"""The chapters' self-check quizzes, kept as data (``data/quizzes/<chapter>.json``).

One source feeds three places: the interactive quiz on each chapter page
(jupyterquiz, which works in the static HTML book with no network), the
questions printed in the PDF, and the answer key of the instructor guide.

The questions use jupyterquiz's JSON format: ``multiple_choice`` questions with
exactly one correct answer, and ``numeric`` questions whose first correct
answer is a ``value`` (the number to enter, in the unit the question names).
"""

from __future__ import annotations

import copy
import functools
import json
from importlib import resources
from typing import Any

from . import _validate as check

# Options are lettered "a)", "b)": the book's Markdown would turn "(c)" into ©.
_LETTERS = "abcdefgh"


def _folder():
    return resources.files("forcecouple").joinpath("data", "quizzes")


@functools.cache
def quiz_chapters() -> tuple[str, ...]:
    """The chapter stems that have a quiz (e.g. ``"force_couples"``), sorted."""
    return tuple(sorted(p.name.removesuffix(".json") for p in _folder().iterdir() if p.name.endswith(".json")))


@functools.cache
def _load(chapter: str) -> list[dict[str, Any]]:
    return json.loads(_folder().joinpath(f"{chapter}.json").read_text("utf-8"))


def quiz_questions(chapter: str) -> list[dict[str, Any]]:
    """The questions of ``chapter``'s quiz (a fresh copy the caller may change)."""
    check.choice("chapter", chapter, quiz_chapters())
    return copy.deepcopy(_load(chapter))


def correct_answer(question: dict[str, Any]) -> dict[str, Any]:
    """The correct answer entry of one question (its text or value, and its feedback)."""
    return next(a for a in question["answers"] if a["correct"])


def show_quiz(chapter: str) -> None:
    """Display ``chapter``'s quiz with jupyterquiz (answers in a fixed order), and
    glue its printed version (:func:`questions_markdown`) as ``quiz_questions``,
    which the chapter's ``{only} latex`` block shows in the PDF.

    jupyterquiz's outputs (HTML and JavaScript) are shown with a Markdown comment
    as their fallback instead of their plain-text one ("<IPython.core.display.HTML
    object>"): the PDF, which cannot run the quiz, prints nothing there (the
    chapter prints :func:`questions_markdown` instead), and neither does an
    untrusted notebook.
    """
    from IPython.display import Markdown, display
    from IPython.utils.capture import capture_output
    from jupyterquiz import display_quiz
    from myst_nb import glue

    with capture_output() as captured:
        display_quiz(quiz_questions(chapter), shuffle_answers=False)
    for output in captured.outputs:
        data = {mime: value for mime, value in output.data.items() if mime != "text/plain"}
        data["text/markdown"] = "<!-- an interactive quiz: it needs HTML and JavaScript -->"
        display(data, metadata=output.metadata, raw=True)
    glue("quiz_questions", Markdown(questions_markdown(chapter)), display=False)


def questions_markdown(chapter: str) -> str:
    """The quiz as a numbered Markdown list for print: options lettered, no answers."""
    lines = []
    for n, q in enumerate(quiz_questions(chapter), start=1):
        # Two trailing spaces end a line (a hard break), so each option has its own line.
        lines.append(f"{n}. {q['question']}  ")
        if q["type"] == "numeric":
            lines.append("   *(Answer with a number.)*")
        else:
            lines += [f"   {_LETTERS[i]}) {a['answer']}  " for i, a in enumerate(q["answers"])]
        lines.append("")
    return "\n".join(lines)


def answers_markdown(chapter: str) -> str:
    """The quiz's answers as a numbered Markdown list: the right option and why."""
    lines = []
    for n, q in enumerate(quiz_questions(chapter), start=1):
        right = correct_answer(q)
        if q["type"] == "numeric":
            answer = f"{right['value']:g}"
        else:
            answer = f"{_LETTERS[q['answers'].index(right)]}) {right['answer']}"
        why = right["feedback"].removeprefix("Right. ")
        lines.append(f"{n}. {q['question']}  ")
        lines.append(f"   **Answer:** {answer}. {why}")
        lines.append("")
    return "\n".join(lines)
