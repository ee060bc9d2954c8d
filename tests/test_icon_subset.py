"""The icon font cut (_ext/icon_subset.py) works on a fresh build and again on a rebuild
into the same folder, where the stylesheet already points at the cut font."""

from __future__ import annotations

import pathlib
import shutil
import sys
from types import SimpleNamespace

import pydata_sphinx_theme

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "_ext"))
import icon_subset  # noqa: E402

THEME = pathlib.Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"


def test_the_font_is_cut_on_a_build_and_again_on_a_rebuild(tmp_path):
    static = tmp_path / "_static"
    (static / "styles").mkdir(parents=True)
    (static / icon_subset.WEBFONTS).mkdir(parents=True)
    shutil.copy(THEME / "styles" / "pydata-sphinx-theme.css", static / "styles")
    shutil.copy(THEME / icon_subset.WEBFONTS / "fa-solid-900.ttf", static / icon_subset.WEBFONTS)
    (tmp_path / "index.html").write_text('<i class="fa-solid fa-sun"></i>', "utf-8")
    app = SimpleNamespace(outdir=str(tmp_path), builder=SimpleNamespace(format="html"))
    cut = static / icon_subset.WEBFONTS / "fa-solid-900-subset.woff"
    for _ in range(2):  # the second run meets a stylesheet already pointed at the cut font
        cut.unlink(missing_ok=True)
        icon_subset.subset_icons(app, None)
        css = (static / "styles" / "pydata-sphinx-theme.css").read_text("utf-8")
        assert icon_subset.SUBSET_FACE in css and not icon_subset.FONT_FACE.search(css)
        assert 0 < cut.stat().st_size < 20_000
