"""The chapters' quizzes on the page: jupyterquiz for the HTML book, print for the PDF.

The questions and their checks are data in :mod:`forcecouple.course.quiz`.
"""

from __future__ import annotations

from ..book import glue
from ..course import questions_markdown, quiz_questions
from .style import QUIZ_COLOURS

#: What jupyterquiz's script sees as ``MathJax``: it runs inside a function whose
#: parameter ``MathJax`` is this stand-in, so it never reaches the page's global.
#:
#: Why: jupyterquiz (2.9.6.4, js/show_questions.js) finds a global ``MathJax`` of
#: version 3 without ``typeset`` -- JupyterLab 4's own bundled MathJax leaves just
#: that (version, config, loader) -- and then replaces ``window.MathJax`` with a
#: config object and adds a <script> from a CDN (a network request, and it clobbers
#: JupyterLab's global). Half a second later it reads ``MathJax.version[0]`` of
#: that config object, which has no version: "TypeError: Cannot read properties of
#: undefined (reading '0')", and so does every answer click (multiple_choice.js).
#:
#: The stand-in passes typesetting on to the page's MathJax whenever that one can
#: typeset (the HTML book's MathJax 3 or a notebook's MathJax 2, looked up at each
#: call, so a MathJax that loads after the quiz is used too) and otherwise reports
#: version "" (neither 2 nor 3), so jupyterquiz neither typesets nor loads anything.
#: In JupyterLab no MathJax can typeset the quiz, so TeX in a question (``$...$``)
#: would show as typed there; the quizzes' questions have none.
_MATHJAX_STANDIN = """(function () {
  function usable() {
    var m = window.MathJax;
    if (!m || typeof m.version !== "string") return null;
    if (m.version.charAt(0) === "3" && typeof m.typeset === "function") return m;
    if (m.version.charAt(0) === "2" && m.Hub && typeof m.Hub.Queue === "function") return m;
    return null;
  }
  return {
    get version() { var m = usable(); return m ? m.version : ""; },
    typeset: function (nodes) {
      var m = usable();
      if (m && typeof m.typeset === "function") {
        try { m.typeset(nodes); } catch (err) { console.warn("quiz: MathJax typeset failed", err); }
      }
    },
    Hub: {
      Queue: function () { var m = usable(); if (m && m.Hub) m.Hub.Queue.apply(m.Hub, arguments); }
    }
  };
})()"""


def _offline_script(script: str) -> str:
    """jupyterquiz's ``script`` run with :data:`_MATHJAX_STANDIN` as its ``MathJax``.

    Its top-level names (``questions<id>``, ``show_questions``, ``Question``...)
    become local to the wrapping function; jupyterquiz looks none of them up from
    outside its own script (its click handlers are closures), so each quiz keeps
    working, in a <script> of the HTML book as in JupyterLab's ``eval``.
    """
    return f"(function (MathJax) {{\n{script}\n}})({_MATHJAX_STANDIN});\n"


def show_quiz(chapter: str) -> None:
    """Display ``chapter``'s quiz with jupyterquiz (answers in a fixed order), and
    glue its printed version (:func:`questions_markdown`) as ``quiz_questions``,
    which the chapter's ``{only} latex`` block shows in the PDF.

    jupyterquiz's outputs (HTML and JavaScript) are shown with a Markdown comment
    as their fallback instead of their plain-text one ("<IPython.core.display.HTML
    object>"): the PDF, which cannot run the quiz, prints nothing there (the
    chapter prints :func:`questions_markdown` instead), and neither does an
    untrusted notebook. Its JavaScript runs through :func:`_offline_script`,
    so in JupyterLab it neither fetches MathJax from a CDN nor throws.
    """
    from IPython.display import Markdown, display
    from IPython.utils.capture import capture_output
    from jupyterquiz import display_quiz

    with capture_output() as captured:
        display_quiz(quiz_questions(chapter), shuffle_answers=False, colors=QUIZ_COLOURS)
    for output in captured.outputs:
        data = {mime: value for mime, value in output.data.items() if mime != "text/plain"}
        if "application/javascript" in data:
            data["application/javascript"] = _offline_script(data["application/javascript"])
        data["text/markdown"] = "<!-- an interactive quiz: it needs HTML and JavaScript -->"
        display(data, metadata=output.metadata, raw=True)
    glue("quiz_questions", Markdown(questions_markdown(chapter)), display=False)
