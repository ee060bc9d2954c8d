"""Accessibility fixes to the HTML that myst-nb and sphinxcontrib-bibtex write.

axe-core (in the browser tests) found three patterns on every page that has them:

- myst-nb's hidden-code toggles are ``<summary aria-label="Toggle hidden content">``
  whose visible text ("Show code cell source") differs from that label
  (label-content-name-mismatch): the label is dropped, so the name is the text;
- the bibliography is ``<div role="list" class="citation-list">`` whose entries
  are not list items (aria-required-children): the role is dropped;
- the navigation's expand toggle for an entry with sections is an empty
  ``<summary>`` (summary-name): it is named after the entry, "Sections of ...".

Both are rewritten in the written files once the build has finished.
"""

from __future__ import annotations

import html
import re

from html_pages import rewrite_pages
from sphinx.application import Sphinx

REPLACEMENTS = (
    ('<summary aria-label="Toggle hidden content">', "<summary>"),
    ('<div role="list" class="citation-list">', '<div class="citation-list">'),
)

# <a ...>Title</a><details><summary><span class="toctree-toggle" ...>
NAV_TOGGLE = re.compile(
    r'(<a class="(?:current )?reference internal" href="[^"]*">([^<]*)</a><details(?: open="open")?>)<summary>'
)


def name_toggle(match: re.Match) -> str:
    title = html.unescape(match.group(2))
    return f'{match.group(1)}<summary aria-label="{html.escape(f"Sections of {title}")}">'


def rewrite(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    rewrite_pages(app.outdir, lambda text, _: fix(text))


def fix(text: str) -> str:
    """One page's HTML with the three fixes made."""
    for old, replacement in REPLACEMENTS:
        text = text.replace(old, replacement)
    return NAV_TOGGLE.sub(name_toggle, text)


def setup(app: Sphinx) -> dict:
    app.connect("build-finished", rewrite)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
