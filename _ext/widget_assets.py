"""Each widget's ES module and stylesheet once, in cached files, not in every page.

Every anywidget's saved state carries its whole ES module (``_esm``) and stylesheet
(``_css``): the same 60-90 KB on every page with an explorer. On each HTML page
(:func:`move_assets`) they are moved to ``_static/widgets/<hash>.js`` (a classic
script that registers the module's text in ``window.fcWidgetModules``: ES module
files cannot be loaded from file:// pages) and ``<hash>.css``, one file per part
(``common.js``, ``explorer.css``... shared by several widgets: :func:`parts`),
comments and indentation left out (:func:`compact_module`); the state then holds
``"fc-static:<file>+<file>"`` and ``_book_static/widgets-runtime.js`` joins the
registered texts. A reader's browser fetches each file once for the whole book.
The runtime itself is served compacted too (:func:`compact_runtime`).
"""

from __future__ import annotations

import copy
import hashlib
import json
import pathlib
import re
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.html._assets import _JavaScript
from widget_runtime import STATE_MIME

#: What the saved state holds in place of a module or stylesheet moved to a file.
STATIC_PREFIX = "fc-static:"
#: Where those files go, under the HTML output folder's ``_static``.
ASSET_FOLDER = "widgets"


def compact_module(text: str) -> str:
    """JavaScript without whole-line comments, indentation or blank lines.

    Whole lines only: ``//`` lines, and ``/* ... */`` comments that start a line and end
    one (a ``//`` after code may sit in a string: "http://..."). Lines inside a template
    literal that spans lines, and a line after one ending in ``\\`` (a string
    continued), are kept exactly; lines stay lines, so automatic semicolon insertion
    reads the code as before.
    """
    out: list[str] = []
    literal = False  # inside a `...` that spans lines
    comment = False  # inside a /* ... */ that started a line
    for line in text.splitlines():
        stripped = line.strip()
        if comment:
            comment = not stripped.endswith("*/")
            continue
        if literal or (out and out[-1].endswith("\\")):
            out.append(line)
        elif stripped.startswith("/*") and "*/" not in stripped[2:-2]:
            comment = not stripped.endswith("*/") or len(stripped) < 4
            continue
        elif stripped and not stripped.startswith("//"):
            out.append(stripped)
        else:
            continue
        if (line.count("`") - line.count("\\`")) % 2:
            literal = not literal
    return "\n".join(out) + "\n"


#: A marker line from ``forcecouple.view.widgets.base.joined``: a file's text starts after it.
PART = re.compile(r"^(?://|/\*) @fc-part (\S+?)(?: \*/)?$", re.M)


def parts(text: str) -> list[str]:
    """``text`` cut at its ``@fc-part`` marker lines (the whole text when it has none)."""
    pieces = PART.split(text)
    found = [pieces[0]] if pieces[0].strip() else []
    return found + pieces[2::2]


def compact_css(text: str) -> str:
    """A stylesheet without comments, indentation or blank lines."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"


def asset_name(text: str, suffix: str) -> str:
    """The file name of a moved module or stylesheet: 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] + suffix


def module_script(name: str, module: str) -> str:
    """The classic script that registers ``module``'s text under ``name`` for the runtime."""
    return (f"(window.fcWidgetModules = window.fcWidgetModules || {{}})[{json.dumps(name)}] = "
            f"{json.dumps(module)};\n")


def registered_text(script: str) -> str:
    """The module text that :func:`module_script` wrote into ``script``."""
    return json.loads(script[script.index("] = ") + 4:].rstrip().removesuffix(";"))


def externalise(state: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """``state`` with each anywidget's ``_esm`` and ``_css`` moved out, and the files.

    Each text is cut into its parts (:func:`parts`: ``common.js`` and the widget's own
    module; ``explorer.css`` and the photo tool's sheet), each part compacted and
    named by its hash, so a part two widgets share is one file. Returns the new state
    (a copy; ``"fc-static:<file>+<file>..."`` where the text was) and ``{file name: file
    text}``: ``<hash>.js`` (:func:`module_script`) and ``<hash>.css``. A value that is
    already a reference, or empty, stays as it is.
    """
    state = copy.deepcopy(state)
    files: dict[str, str] = {}
    for entry in (state.get("state") or {}).values():
        if entry.get("model_module") != "anywidget":
            continue
        values = entry.get("state", {})
        for key, suffix in (("_esm", ".js"), ("_css", ".css")):
            text = values.get(key)
            if not isinstance(text, str) or not text.strip() or text.startswith(STATIC_PREFIX):
                continue
            names = []
            for part in parts(text):
                compact = compact_module(part) if suffix == ".js" else compact_css(part)
                name = asset_name(compact, suffix)
                files[name] = module_script(name, compact) if suffix == ".js" else compact
                names.append(name)
            values[key] = STATIC_PREFIX + "+".join(names)
    return state, files


def move_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """On an HTML page with widget state, move the widgets' modules and styles to files.

    Runs after myst-nb has put the page's state script in ``script_files``; the module
    scripts go before the runtime (priority 450 < 500, all deferred: they run in order)
    and the stylesheets into ``css_files``. The runtime itself is served compacted
    (:func:`compact_runtime`).
    """
    scripts = context.get("script_files") or []
    for index, script in enumerate(scripts):
        attributes = getattr(script, "attributes", {}) or {}
        if attributes.get("type") != STATE_MIME or not attributes.get("body"):
            continue
        state, files = externalise(json.loads(attributes["body"]))
        folder = pathlib.Path(app.outdir) / "_static" / ASSET_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            path = folder / name
            if not path.is_file() or path.read_text("utf-8") != text:
                path.write_text(text, "utf-8")
            if name.endswith(".js"):
                app.add_js_file(f"{ASSET_FOLDER}/{name}", priority=450, defer="defer")
            else:
                app.add_css_file(f"{ASSET_FOLDER}/{name}")
        body = json.dumps(state, ensure_ascii=False).replace("</", "<\\/")
        scripts[index] = _JavaScript(script.filename, priority=script.priority, **{**attributes, "body": body})


def compact_runtime(app: Sphinx, exception: Exception | None) -> None:
    """Serve ``widgets-runtime.js`` without its comments (its source keeps them)."""
    if exception is not None or app.builder.format != "html":
        return
    path = pathlib.Path(app.outdir) / "_static" / "widgets-runtime.js"
    if path.is_file():
        path.write_text(compact_module(path.read_text("utf-8")), "utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", compact_runtime)
    # after myst-nb's own html-page-context handler (500) adds the state script
    app.connect("html-page-context", move_assets, priority=600)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
