"""Self-check quizzes in the static book, offline: right answers accepted, wrong rejected."""

from __future__ import annotations

import json
import pathlib

from playwright.sync_api import expect

QUIZ = pathlib.Path(__file__).resolve().parents[2] / "chapters" / "quizzes" / "force_couples.json"


def test_a_quiz_accepts_the_right_answer_and_rejects_a_wrong_one(offline):
    questions = json.loads(QUIZ.read_text())
    first = next(q for q in questions if q["type"] == "multiple_choice")
    right = next(a for a in first["answers"] if a["correct"])
    wrong = next(a for a in first["answers"] if not a["correct"])
    page = offline.open("chapters/force_couples.html")
    quiz = page.locator(".Quiz").first
    expect(quiz).to_be_visible(timeout=20_000)
    quiz.locator("label.MCButton", has_text=wrong["answer"]).click()
    feedback = quiz.locator(".Feedback").first
    expect(feedback).to_contain_text(wrong["feedback"])
    quiz.locator("label.MCButton", has_text=right["answer"]).click()
    expect(feedback).to_contain_text(right["feedback"])


def test_every_chapter_quiz_is_well_formed():
    files = sorted(QUIZ.parent.glob("*.json"))
    assert len(files) >= 7
    for f in files:
        questions = json.loads(f.read_text())
        assert 3 <= len(questions) <= 6, f.name
        for q in questions:
            assert q["answers"] and all(a.get("feedback") for a in q["answers"]), (f.name, q["question"])
            if q["type"] == "multiple_choice":
                assert sum(a["correct"] for a in q["answers"]) == 1, (f.name, q["question"])
