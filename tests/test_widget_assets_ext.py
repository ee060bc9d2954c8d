"""_ext/widget_assets.py: widget modules and stylesheets as cached files, one per part."""

from __future__ import annotations

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

import widget_assets  # noqa: E402
from test_widget_runtime_ext import LAYOUT, anywidget_model  # noqa: E402


def test_compact_module_drops_whole_line_comments_and_indentation_only():
    source = (
        "/* A header\n"
        " * comment. */\n"
        "// a comment\n"
        "  /* one line */\n"
        "/* kept: code follows */ let a = 1;\n"
        "const SVG = \"http://www.w3.org/2000/svg\";  // kept: after code\n"
        "\n"
        "function f() {\n"
        "    // indented comment\n"
        "    return `a\n"
        "    // inside a template literal\n"
        "    b`;\n"
        "}\n"
        "const s = \"one \\\n"
        "    two\";\n")
    assert widget_assets.compact_module(source) == (
        "/* kept: code follows */ let a = 1;\n"
        "const SVG = \"http://www.w3.org/2000/svg\";  // kept: after code\n"
        "function f() {\n"
        "return `a\n"
        "    // inside a template literal\n"
        "    b`;\n"
        "}\n"
        "const s = \"one \\\n"
        "    two\";\n")


def test_compact_css_drops_comments_and_indentation():
    assert widget_assets.compact_css("/* a\n b */\n.x {\n  color: red; /* c */\n}\n\n") == ".x {\ncolor: red;\n}\n"


def test_a_joined_text_is_cut_into_its_parts():
    from forcecouple.view.widgets.base import STATIC, joined

    js = joined(STATIC / "common.js", STATIC / "photo.js")
    assert widget_assets.parts(js) == ["\n" + (STATIC / "common.js").read_text("utf-8") + "\n",
                                        "\n" + (STATIC / "photo.js").read_text("utf-8")]
    css = joined(STATIC / "explorer.css", STATIC / "photo.css")
    assert [p.strip() for p in widget_assets.parts(css)] == [
        (STATIC / name).read_text("utf-8").strip() for name in ("explorer.css", "photo.css")]
    assert widget_assets.parts("plain text") == ["plain text"]


def test_a_part_two_widgets_share_is_one_file():
    from forcecouple.view.widgets.base import STATIC, es_module, joined

    state = {"state": {
        "e": anywidget_model(_esm=es_module(STATIC / "explorer.js"), _css=(STATIC / "explorer.css").read_text()),
        "p": anywidget_model(_esm=es_module(STATIC / "photo.js"),
                             _css=joined(STATIC / "explorer.css", STATIC / "photo.css"))}}
    moved, files = widget_assets.externalise(state)
    esm = {k: moved["state"][k]["state"]["_esm"].removeprefix(widget_assets.STATIC_PREFIX).split("+")
           for k in ("e", "p")}
    css = {k: moved["state"][k]["state"]["_css"].removeprefix(widget_assets.STATIC_PREFIX).split("+")
           for k in ("e", "p")}
    assert len(esm["e"]) == len(esm["p"]) == 2 and esm["e"][0] == esm["p"][0]  # common.js once
    assert css["e"] == css["p"][:1] and len(css["p"]) == 2  # explorer.css once
    assert len(files) == 5


def test_externalise_moves_each_module_and_stylesheet_once():
    model = anywidget_model(_css=".a { color: red; }")
    state = {"state": {"a1": model, "a2": anywidget_model(_css=".a { color: red; }"), "l1": LAYOUT}}
    moved, files = widget_assets.externalise(state)
    assert state["state"]["a1"]["state"]["_esm"] == model["state"]["_esm"]  # the input is left alone
    assert sorted(pathlib.PurePath(n).suffix for n in files) == [".css", ".js"]
    js = next(n for n in files if n.endswith(".js"))
    css = next(n for n in files if n.endswith(".css"))
    for key in ("a1", "a2"):
        assert moved["state"][key]["state"]["_esm"] == widget_assets.STATIC_PREFIX + js
        assert moved["state"][key]["state"]["_css"] == widget_assets.STATIC_PREFIX + css
    assert moved["state"]["l1"] == LAYOUT
    # the script registers the module's text under its file name
    head = f'(window.fcWidgetModules = window.fcWidgetModules || {{}})["{js}"] = '
    assert files[js].startswith(head)
    assert widget_assets.registered_text(files[js]) == widget_assets.compact_module(
        model["state"]["_esm"])
    # moving again changes nothing; an empty stylesheet is not a file
    assert widget_assets.externalise(moved) == (moved, {})
    assert len(widget_assets.externalise({"state": {"a1": anywidget_model()}})[1]) == 1
