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

Each widget's module and stylesheet leave the page for cached files in
``_ext/widget_assets.py``.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from docutils import nodes
from myst_nb.sphinx_ import NbMetadataCollector
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.transforms.post_transforms import SphinxPostTransform

STATE_MIME = "application/vnd.jupyter.widget-state+json"
VIEW_MIME = "application/vnd.jupyter.widget-view+json"
#: Models that may sit beside anywidgets: they hold a widget's layout or style, no view.
AUXILIARY = {("@jupyter-widgets/base", "LayoutModel"), ("@jupyter-widgets/base", "StyleModel")}
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


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("doctree-read", check_page)
    app.add_post_transform(WidgetTwin)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
