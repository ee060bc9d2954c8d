"""Self-check quizzes in the static book, offline: right answers accepted, wrong rejected."""

from __future__ import annotations

from playwright.sync_api import expect

from forcecouple import quiz_questions


def test_a_quiz_accepts_the_right_answer_and_rejects_a_wrong_one(offline):
    questions = quiz_questions("force_couples")
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

