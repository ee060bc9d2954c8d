"""Drop duplicate <script> entries from each page's ``script_files``.

sphinx-thebe 0.3.1 registers its inline config script (``const THEBE_JS_URL = ...``)
with ``app.add_js_file(None, body=...)`` at ``env-before-read-docs``, which puts
``_JavaScript(None, body=...)`` on the HTML builder. Sphinx 7.4's
``StandaloneHTMLBuilder.prepare_writing`` then re-adds every registry script as
``add_js_file(filename or '', ...)``; ``_JavaScript('')`` != ``_JavaScript(None)``, so
the body lands on every page twice and the second copy throws
``SyntaxError: Identifier 'THEBE_JS_URL' has already been declared``.
This keeps the first of any entries with the same filename (``None`` == ``''``),
body and attributes.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def _key(js: Any) -> tuple:
    filename = getattr(js, "filename", js)
    attributes = dict(getattr(js, "attributes", {}) or {})
    priority = getattr(js, "priority", None)
    return (filename or "", tuple(sorted((k, str(v)) for k, v in attributes.items())), priority)


def dedupe_script_files(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any
) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen: set[tuple] = set()
    unique = []
    for js in scripts:
        key = _key(js)
        if key in seen:
            continue
        seen.add(key)
        unique.append(js)
    if len(unique) != len(scripts):
        context["script_files"] = unique


def setup(app: Sphinx) -> dict[str, Any]:
    # Run after every other html-page-context handler (myst-nb adds per-page scripts there).
    app.connect("html-page-context", dedupe_script_files, priority=900)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
