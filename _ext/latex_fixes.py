"""Fixes for the PDF (LaTeX) build.

sphinx-exercise 1.2.1 labels an exercise in LaTeX as ``exercise:<label>``, while a
``{ref}`` to it from another page points at ``<document>:<label>``, so every such
reference printed as "??". A raw LaTeX label ``<document>:<label>`` placed just
before each exercise gives the references the label they expect, with the exercise's number (as
in the HTML book) as the text that ``\ref`` prints. (A docutils
target would not do: the LaTeX writer skips a target that precedes a numbered
node.)
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx_exercise.nodes import exercise_enumerable_node, exercise_node


def add_exercise_targets(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "latex":
        return
    exercises = list(doctree.findall(lambda n: isinstance(n, exercise_enumerable_node | exercise_node)))
    registry = getattr(app.env, "sphinx_exercise_registry", {})
    for node in exercises:
        label = node.get("label")
        if label in registry and node.parent is not None:
            doc = registry[label]["docname"]
            number = app.env.toc_fignumbers.get(doc, {}).get("exercise", {}).get(label, ())
            tex = (rf"\makeatletter\def\@currentlabel{{{'.'.join(map(str, number))}}}\makeatother"
                   rf"\phantomsection\label{{\detokenize{{{doc}:{label}}}}}")
            node.parent.insert(node.parent.index(node), nodes.raw("", tex + "\n", format="latex"))


def setup(app: Sphinx) -> dict:
    app.connect("doctree-resolved", add_exercise_targets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
