"""Learner notebooks: the book's chapter notebooks as clean Jupyter notebooks.

A chapter's Markdown is MyST, which Jupyter, Colab and VS Code show raw. This
package executes each notebook page of ``_toc.yml`` and writes a copy in which
every MyST construct the book uses is plain Jupyter Markdown:

- glued values (``{glue:text}``, ``{glue}``, ``{glue:md}`` roles and directives)
  filled in from the executed notebook, glued MyST rendered in turn;
- admonitions as headed blockquotes, dropdowns as closed ``<details>``;
- sphinx-exercise exercises numbered per chapter, their solutions in closed
  ``<details>``;
- ``{cite}`` as "(Author, year)", with a References cell at the end;
- ``{doc}``, ``{ref}`` and ``{numref}`` as links to the published book;
- ``{term}``, ``{index}``, ``{math}``, ``{eq}``, ``(label)=`` targets and ``{only}``
  blocks reduced to what a reader sees in the HTML book.

Anything else fails the build, naming the construct and the file. Code cells are
kept with their outputs; the book's cell tags become Jupyter's own metadata.
``tools/learner_notebooks.py`` is the command line; :mod:`learner.myst` is the
Markdown transform, :mod:`learner.book` the book's pages, labels and references,
:mod:`learner.build` the execution and the notebook assembly.
"""
