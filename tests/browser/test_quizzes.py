"""Self-check quizzes in the static book, offline: right answers accepted, wrong rejected."""

from __future__ import annotations

import pytest
from book_pages import ROOT
from playwright.sync_api import expect

from forcecouple import quiz_questions

HTML = ROOT / "_build" / "html"
QUIZ_PAGES = sorted(p.stem for p in (HTML / "chapters").glob("*.html") if "fcQuizEngine" in p.read_text("utf-8"))


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



@pytest.mark.parametrize("name", QUIZ_PAGES)
def test_every_quiz_runs_on_the_one_shared_engine(offline, name):
    """The engine (jupyterquiz's js/*.js) is in _static/quiz-engine.js, not in the page."""
    html = (HTML / "chapters" / f"{name}.html").read_text("utf-8")
    assert "function show_questions(" not in html and html.count('_static/quiz-engine.js"') == 1
    page = offline.open(f"chapters/{name}.html")
    quiz = page.locator(".Quiz").first
    expect(quiz).to_be_visible(timeout=20_000)
    expect(quiz.locator("label.MCButton, input.Input-text").first).to_be_visible()
