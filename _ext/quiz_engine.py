"""jupyterquiz's engine in one cached file instead of inside every quiz.

Each quiz cell's JavaScript (``forcecouple.view.quiz.show_quiz``) is jupyterquiz's
whole engine (its ``js/*.js``, about 38 KB) plus that quiz's questions, so every
chapter carried the same engine again. After an HTML build each page's copy is
replaced by one call, ``var show_questions = window.fcQuizEngine(MathJax);``, and
``_static/quiz-engine.js`` defines ``fcQuizEngine``: a function that runs the engine
with the ``MathJax`` it is given (the quiz's stand-in) and returns its
``show_questions``, the one name a quiz's own code calls. The engine file is a
plain script placed just before the page's first quiz, so it has run when the quiz
does, from file:// too. Notebooks (JupyterLab, Colab) keep the self-contained script.
"""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import pathlib
import re

from html_pages import rewrite_pages
from sphinx.application import Sphinx
from widget_assets import compact_module

SHARED = "quiz-engine.js"
CALL = "var show_questions = window.fcQuizEngine(MathJax);\n"
#: Where a quiz's script starts (view/quiz.py's wrapper around jupyterquiz's script).
QUIZ_START = '<script type="application/javascript">(function (MathJax) {'


def engine() -> str:
    """jupyterquiz's engine exactly as ``build_script`` puts it in a quiz: its js/*.js, sorted."""
    folder = importlib.resources.files("jupyterquiz").joinpath("js")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".js")), key=lambda f: f.name)
    return "".join(f.read_bytes().decode("utf-8") for f in files)


def shared_script(text: str) -> str:
    """The file that defines ``window.fcQuizEngine`` around the engine ``text``."""
    version = importlib.metadata.version("jupyterquiz")
    return (f"// jupyterquiz {version}'s engine (its js/*.js), shared by the book's quizzes: "
            "_ext/quiz_engine.py\nwindow.fcQuizEngine = function (MathJax) {\n"
            f"{compact_module(text)}return show_questions;\n}};\n")


def share(page: str, text: str, up: str) -> str:
    """``page``'s HTML with every copy of the engine ``text`` replaced by :data:`CALL`, and the
    shared script (at ``up`` + ``_static/``) before its first quiz; unchanged if it has none."""
    if text not in page:
        return page
    page = page.replace(text, CALL)
    return page.replace(QUIZ_START, f'<script src="{up}_static/{SHARED}"></script>{QUIZ_START}', 1)


def rewrite(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = pathlib.Path(app.outdir)
    text = engine()
    (outdir / "_static" / SHARED).write_text(shared_script(text), "utf-8")
    rewrite_pages(outdir, lambda html, page: share(html, text, "../" * (len(page.parts) - 1)))

def inline_again(page: str, text: str) -> str:
    """The inverse of :func:`share` (for the old-stack copy in ``make bench``)."""
    page = re.sub(r'<script src="(?:\.\./)*_static/' + re.escape(SHARED) + r'"></script>', "", page)
    return page.replace(CALL, text)


def setup(app: Sphinx) -> dict:
    app.connect("build-finished", rewrite)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
