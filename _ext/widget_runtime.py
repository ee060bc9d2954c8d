"""Widgets in the static HTML book: their static twin in place, and only anywidgets.

The book's widgets are anywidgets; in the HTML book ``_book_static/widgets-runtime.js``
(loaded through myst-nb's ``nb_ipywidgets_js`` on pages with widget state only)
renders them from the page's saved state. This extension does the build's half:

* **The static twin as the widget's initial content.** A widget's output carries
  both its view (``application/vnd.jupyter.widget-view+json``) and a PNG of its
  figure (``BookWidget._repr_mimebundle_``); myst-nb keeps only the view for HTML.
  Before myst-nb picks (a post-transform ahead of ``SelectMimeType``), the view is
  wrapped in ``<div class="widget-place" data-widget-view="<model id>">`` together
  with the PNG (class ``widget-twin``, alt text from the widget's saved state), so a
  reader without JavaScript sees the figure and the runtime swaps in the live widget.
  The PDF (LaTeX) keeps choosing the PNG, as before.
* **Only anywidgets.** The runtime implements anywidget's front-end contract, not
  ipywidgets' controls: a page whose saved state holds any other widget model (an
  ipywidgets IntSlider, an Output, ...) stops the build with a message naming the
  page (:func:`check_widget_state`). ``@jupyter-widgets/base``'s Layout and Style
  models are allowed: every anywidget carries a Layout model, which nothing draws.
* **Each widget module once, cached.** Every anywidget's saved state carries its
  whole ES module (``_esm``) and stylesheet (``_css``): the same 60-90 KB on every
  page with an explorer. On each HTML page (:func:`move_assets`) they are moved to
  ``_static/widgets/<hash>.js`` (a classic script that registers the module's text in
  ``window.fcWidgetModules``: ES module files cannot be loaded from file:// pages)
  and ``<hash>.css``, one file per part (``common.js``, ``explorer.css``... shared by
  several widgets), comments and indentation left out (:func:`compact_module`); the
  state then holds ``"fc-static:<file>+<file>"`` and the runtime joins the registered
  texts. A reader's browser fetches each file once for the whole book.
"""

from __future__ import annotations

import copy
import hashlib
import json
import pathlib
import re
from typing import Any

from docutils import nodes
from myst_nb.sphinx_ import NbMetadataCollector
from sphinx.application import Sphinx
from sphinx.builders.html._assets import _JavaScript
from sphinx.errors import SphinxError
from sphinx.transforms.post_transforms import SphinxPostTransform

STATE_MIME = "application/vnd.jupyter.widget-state+json"
VIEW_MIME = "application/vnd.jupyter.widget-view+json"
#: Models that may sit beside anywidgets: they hold a widget's layout or style, no view.
AUXILIARY = {("@jupyter-widgets/base", "LayoutModel"), ("@jupyter-widgets/base", "StyleModel")}
#: What the saved state holds in place of a module or stylesheet moved to a file.
STATIC_PREFIX = "fc-static:"
#: Where those files go, under the HTML output folder's ``_static``.
ASSET_FOLDER = "widgets"
FALLBACK_ALT = "A picture of the interactive widget (with JavaScript on, the widget itself shows here)"


class UnknownWidgetError(SphinxError):
    category = "Unknown widget type"


def unknown_models(state: dict[str, Any]) -> list[str]:
    """The models of a saved widget state (``{"state": {id: ...}}``) the runtime cannot render."""
    found = []
    for model_id, entry in (state.get("state") or {}).items():
        module = entry.get("model_module") or entry.get("state", {}).get("_model_module", "")
        name = entry.get("model_name") or entry.get("state", {}).get("_model_name", "")
        if module != "anywidget" and (module, name) not in AUXILIARY:
            found.append(f"{name or '?'} from {module or '?'} (model {model_id})")
    return found


def check_widget_state(docname: str, state: dict[str, Any]) -> None:
    """Raise :class:`UnknownWidgetError`, naming the page, if ``state`` has a non-anywidget model."""
    unknown = unknown_models(state)
    if unknown:
        raise UnknownWidgetError(
            f"page {docname!r} has widgets of an unknown type: {'; '.join(unknown)}. The static "
            "book's widget runtime (_book_static/widgets-runtime.js) renders only anywidgets "
            "(model module 'anywidget', e.g. forcecouple's BookWidget); ipywidgets controls have "
            "no front end there. Use an anywidget, or keep that cell's output out of the book.")


def page_state(env: Any, docname: str) -> dict[str, Any]:
    """The saved widget state myst-nb collected for ``docname`` ({} when it has none)."""
    try:
        entry = NbMetadataCollector.get_js_files(env, docname).get("ipywidgets_state")
    except KeyError:
        return {}
    if not entry:
        return {}
    return json.loads(entry[1]["body"])


def check_page(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.docname
    check_widget_state(docname, page_state(app.env, docname))


def alt_text(model: dict[str, Any]) -> str:
    """Alt text for a widget's static twin: its title and its own description, if any."""
    state = model.get("state", {})
    spec = state.get("spec") if isinstance(state.get("spec"), dict) else {}
    parts = [str(spec.get("title") or "").strip().rstrip("."), str(state.get("description") or "").strip()]
    text = ". ".join(p for p in parts if p)
    return text or FALLBACK_ALT


class WidgetTwin(SphinxPostTransform):
    """Put each widget view and its PNG twin in one element (HTML builders only)."""

    default_priority = 3  # before myst-nb's SelectMimeType (4) drops the PNG
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        models = page_state(self.env, self.env.docname).get("state", {})
        bundles = [n for n in self.document.findall(nodes.container) if n.get("nb_element") == "mime_bundle"]
        for bundle in bundles:
            by_mime = {child.get("mime_type"): child for child in bundle.children}
            view = by_mime.get(VIEW_MIME)
            if view is None:
                continue
            raws = [n for n in view.findall(nodes.raw)]
            text = raws[0].astext() if raws else ""
            start, end = text.find(">") + 1, text.rfind("</script>")
            try:
                model_id = json.loads(text[start:end].replace(r"<\/", "</"))["model_id"]
            except (ValueError, KeyError):
                continue
            twin = None
            png = by_mime.get("image/png")
            if png is not None:
                images = list(png.findall(nodes.image))
                if images:
                    twin = copy.deepcopy(images[0])
                    twin["alt"] = alt_text(models.get(model_id, {}))
                    twin["classes"] = [*twin.get("classes", []), "widget-twin"]
                    # Lazy: with JavaScript on, a twin the runtime has already replaced
                    # (or one far down the page) is never fetched; browsers load lazy
                    # images eagerly when scripting is off.
                    twin["loading"] = "lazy"
            place = [nodes.raw("", f'<div class="widget-place" data-widget-view="{model_id}">\n',
                               format="html")]
            if twin is not None:
                place.append(twin)
            place += [*raws, nodes.raw("", "</div>\n", format="html")]
            view.children = []
            view.extend(place)


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
    for path in (pathlib.Path(app.outdir) / "_static").glob("widgets-runtime.js"):
        path.write_text(compact_module(path.read_text("utf-8")), "utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", compact_runtime)
    app.connect("doctree-read", check_page)
    # after myst-nb's own html-page-context handler (500) adds the state script
    app.connect("html-page-context", move_assets, priority=600)
    app.add_post_transform(WidgetTwin)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
