"""The chapters' quizzes on the page: jupyterquiz for the HTML book, print for the PDF.

The questions and their checks are data in :mod:`forcecouple.course.quiz`.
"""

from __future__ import annotations

from ..course import questions_markdown, quiz_questions
from .style import QUIZ_COLOURS


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
        display_quiz(quiz_questions(chapter), shuffle_answers=False, colors=QUIZ_COLOURS)
    for output in captured.outputs:
        data = {mime: value for mime, value in output.data.items() if mime != "text/plain"}
        data["text/markdown"] = "<!-- an interactive quiz: it needs HTML and JavaScript -->"
        display(data, metadata=output.metadata, raw=True)
    glue("quiz_questions", Markdown(questions_markdown(chapter)), display=False)


