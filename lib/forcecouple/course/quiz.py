"""The chapters' self-check quizzes, kept as data (``data/quizzes/<chapter>.json``).

One source feeds three places: the interactive quiz on each chapter page
(shown by :func:`forcecouple.view.quiz.show_quiz` with jupyterquiz, which works in
the static HTML book with no network), the questions printed in the PDF, and the
answer key of the instructor guide. This module holds the questions and their
checks; it displays nothing.

The questions use jupyterquiz's JSON format: ``multiple_choice`` questions with
exactly one correct answer, and ``numeric`` questions whose first correct
answer is a ``value`` (the number to enter, in the unit the question names).
"""

from __future__ import annotations

import copy
from typing import Any

from .. import _data
from .. import _validate as check

__all__ = ["answers_markdown", "correct_answer", "questions_markdown", "quiz_chapters", "quiz_questions"]

# Options are lettered "a)", "b)": the book's Markdown would turn "(c)" into ©.
_LETTERS = "abcdefgh"


def quiz_chapters() -> tuple[str, ...]:
    """The chapter stems that have a quiz (e.g. ``"force_couples"``), sorted."""
    return _data.data_files("quizzes")


def quiz_questions(chapter: str) -> list[dict[str, Any]]:
    """The questions of ``chapter``'s quiz (a fresh copy the caller may change)."""
    check.choice("chapter", chapter, quiz_chapters())
    return copy.deepcopy(_data.load("quizzes", f"{chapter}.json"))


def correct_answer(question: dict[str, Any]) -> dict[str, Any]:
    """The correct answer entry of one question (its text or value, and its feedback).

    ``question`` is one of :func:`quiz_questions`: a mapping whose ``"answers"`` list
    holds mappings with a bool ``"correct"``, exactly one of them True.
    """
    answers = check.sequence("question['answers']", check.mapping("question", question).get("answers"), "answers")
    right = [a for i, a in enumerate(answers)
             if check.boolean(f"question['answers'][{i}]['correct']", check.mapping(
                 f"question['answers'][{i}]", a).get("correct"))]
    if len(right) != 1:
        raise ValueError(f"question['answers'] must mark exactly one answer correct; got {len(right)}")
    return right[0]


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
