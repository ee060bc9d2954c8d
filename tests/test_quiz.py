"""The quizzes as data: well formed, and printed with and without their answers."""

from __future__ import annotations

import json
import pathlib

import pytest

from forcecouple import answers_markdown, correct_answer, questions_markdown, quiz_chapters, quiz_questions

CHAPTERS = pathlib.Path(__file__).resolve().parents[1] / "chapters"


def test_every_chapter_with_exercises_has_a_quiz():
    with_exercises = {p.stem for p in CHAPTERS.glob("*.ipynb") if ":::{exercise}" in p.read_text()}
    assert with_exercises and with_exercises == set(quiz_chapters())


@pytest.mark.parametrize("chapter", quiz_chapters())
def test_each_quiz_is_well_formed(chapter):
    questions = quiz_questions(chapter)
    assert 3 <= len(questions) <= 6
    assert {q["type"] for q in questions} == {"multiple_choice", "numeric"}, "both kinds in every quiz"
    for q in questions:
        assert q["answers"] and all(a.get("feedback") for a in q["answers"]), q["question"]
        if q["type"] == "multiple_choice":
            assert sum(a["correct"] for a in q["answers"]) == 1, q["question"]
        else:
            assert correct_answer(q)["type"] == "value", q["question"]
            assert q["answers"][-1]["type"] == "range", "a catch-all last answer gives feedback to any number"


def test_the_quizzes_ask_both_kinds_of_question():
    kinds = [q["type"] for c in quiz_chapters() for q in quiz_questions(c)]
    assert kinds.count("numeric") >= 5 and kinds.count("multiple_choice") >= 15


@pytest.mark.parametrize("chapter", quiz_chapters())
def test_the_printed_questions_hide_the_answers_and_the_key_gives_them(chapter):
    questions = quiz_questions(chapter)
    printed, key = questions_markdown(chapter), answers_markdown(chapter)
    for n, q in enumerate(questions, start=1):
        right = correct_answer(q)
        why = right["feedback"].removeprefix("Right. ")
        assert f"{n}. {q['question']}" in printed and f"{n}. {q['question']}" in key
        assert why not in printed
        assert why in key
        if q["type"] == "numeric":
            assert f"**Answer:** {right['value']:g}." in key
        else:
            letter = "abcdefgh"[q["answers"].index(right)]
            assert f"{letter}) {right['answer']}" in printed
            assert f"**Answer:** {letter}) {right['answer']}" in key


def test_questions_are_a_copy_the_caller_may_change():
    first = quiz_questions("force_couples")
    first[0]["question"] = "changed"
    assert quiz_questions("force_couples")[0]["question"] != "changed"


def test_an_unknown_chapter_is_refused_by_name():
    with pytest.raises(ValueError, match=r"chapter must be one of .*'force_couples'.*got 'nope'"):
        quiz_questions("nope")


def test_the_quiz_files_are_valid_json_in_the_package():
    folder = pathlib.Path(__import__("forcecouple").__file__).parent / "data" / "quizzes"
    assert sorted(p.stem for p in folder.glob("*.json")) == list(quiz_chapters())
    for p in folder.glob("*.json"):
        json.loads(p.read_text("utf-8"))


def test_the_right_answer_is_not_always_in_the_same_place():
    """With answers in a fixed order, a pattern in where the right one sits would give it away."""
    places = [[a["correct"] for a in q["answers"]].index(True)
              for c in quiz_chapters() for q in quiz_questions(c) if q["type"] == "multiple_choice"]
    assert len(set(places)) == 4
    assert max(places.count(p) for p in set(places)) <= len(places) / 2
