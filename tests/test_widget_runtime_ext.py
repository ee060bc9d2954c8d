"""_ext/widget_runtime.py: the static twin in each widget's place, and only anywidgets.

The check runs on crafted widget states, then in two small Sphinx builds of a
notebook with saved widget state (no execution): one with an anywidget (its PNG
twin lands in the widget's place, with alt text), one with an ipywidgets IntSlider
(the build stops and names the page).
"""

from __future__ import annotations

import base64
import io
import json
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

import widget_assets  # noqa: E402
import widget_runtime  # noqa: E402

LAYOUT = {"model_module": "@jupyter-widgets/base", "model_name": "LayoutModel", "model_module_version": "2.0.0",
          "state": {"_model_module": "@jupyter-widgets/base", "_model_name": "LayoutModel"}}


def anywidget_model(**state) -> dict:
    return {"model_module": "anywidget", "model_name": "AnyModel", "model_module_version": "~0.11.*",
            "state": {"_model_module": "anywidget", "_model_name": "AnyModel", "_anywidget_id": "t.Demo",
                      "_esm": "export default { render({ el }) { el.textContent = 'hi'; } };",
                      "_css": "", "layout": "IPY_MODEL_l1", **state}}


SLIDER = {"model_module": "@jupyter-widgets/controls", "model_name": "IntSliderModel",
          "model_module_version": "2.0.0", "state": {"value": 3, "layout": "IPY_MODEL_l1"}}


def test_anywidgets_and_their_layout_models_pass():
    state = {"state": {"a1": anywidget_model(), "l1": LAYOUT}}
    assert widget_runtime.unknown_models(state) == []
    widget_runtime.check_widget_state("chapters/x", state)  # no error


def test_an_ipywidgets_slider_is_refused_with_the_page_named():
    state = {"state": {"a1": anywidget_model(), "l1": LAYOUT, "s1": SLIDER}}
    assert widget_runtime.unknown_models(state) == ["IntSliderModel from @jupyter-widgets/controls (model s1)"]
    with pytest.raises(widget_runtime.UnknownWidgetError, match=r"page 'chapters/x'.*IntSliderModel.*anywidget"):
        widget_runtime.check_widget_state("chapters/x", state)


def test_alt_text_comes_from_the_widgets_title_and_description():
    assert widget_runtime.alt_text(anywidget_model(spec={"title": "The pelvis."}, description="Tilted 5°.")) \
        == "The pelvis. Tilted 5°."
    assert widget_runtime.alt_text(anywidget_model(spec={"title": "Plan"})) == "Plan"
    assert widget_runtime.alt_text(anywidget_model()) == widget_runtime.FALLBACK_ALT


def png_base64() -> str:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def notebook(models: dict) -> dict:
    view = {"version_major": 2, "version_minor": 1, "model_id": "a1"}
    state = {"application/vnd.jupyter.widget-state+json": {"version_major": 2, "version_minor": 0, "state": models}}
    return {"nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                         "widgets": state},
            "cells": [{"cell_type": "markdown", "id": "m", "metadata": {}, "source": "# A widget page"},
                      {"cell_type": "code", "id": "c", "metadata": {}, "execution_count": 1, "source": "demo()",
                       "outputs": [{"output_type": "display_data", "metadata": {}, "data": {
                           "text/plain": "Demo()", "image/png": png_base64(),
                           "application/vnd.jupyter.widget-view+json": view}}]}]}


def build(tmp_path: pathlib.Path, models: dict) -> subprocess.CompletedProcess:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT / '_ext')!r})\n"
        "extensions = ['myst_nb', 'widget_runtime', 'widget_assets']\nroot_doc = 'page'\nnb_execution_mode = 'off'\n"
        "nb_ipywidgets_js = {'widgets-runtime.js': {'defer': 'defer'}}\n")
    (src / "page.ipynb").write_text(json.dumps(notebook(models)))
    return subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", str(src), str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)


def test_an_anywidget_page_holds_its_twin_in_the_widgets_place(tmp_path):
    result = build(tmp_path, {"a1": anywidget_model(spec={"title": "Demo widget"}), "l1": LAYOUT})
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "page.html").read_text("utf-8")
    place = html[html.index('<div class="widget-place" data-widget-view="a1">'):]
    place = place[:place.index("</div>")]
    assert '<img alt="Demo widget"' in place and "widget-twin" in place and 'loading="lazy"' in place
    assert '<script type="application/vnd.jupyter.widget-view+json">' in place and '"model_id": "a1"' in place
    assert html.count("application/vnd.jupyter.widget-view+json") == 1
    assert "widgets-runtime.js" in html
    # the module and stylesheet left the saved state for cached files, loaded before the runtime
    state = json.loads(html[html.index('widget-state+json">') + 19:].split("</script>")[0])
    esm = state["state"]["a1"]["state"]["_esm"]
    assert esm.startswith(widget_assets.STATIC_PREFIX) and "render" not in esm
    name = esm[len(widget_assets.STATIC_PREFIX):]
    module = (tmp_path / "out" / "_static" / "widgets" / name).read_text("utf-8")
    assert "el.textContent = 'hi'" in module
    assert html.index(f"_static/widgets/{name}") < html.index("_static/widgets-runtime.js")


def test_a_page_with_an_ipywidgets_slider_stops_the_build(tmp_path):
    result = build(tmp_path, {"a1": anywidget_model(), "l1": LAYOUT, "s1": SLIDER})
    assert result.returncode != 0
    message = result.stdout + result.stderr
    assert "Unknown widget type" in message and "page 'page'" in message
    assert "IntSliderModel from @jupyter-widgets/controls" in message
