"""A copy of the built book on the OLD widget stack, for make bench's comparison only.

Before issue 18 the static book loaded require.js, @jupyter-widgets/html-manager's
embed-amd.js and anywidget's AMD bundle on every widget page (and the theme's whole
solid icon font on every page). :func:`build_old_copy` fetches that stack from npm
(``tools/old_widget_stack.sh``, at the versions the book used) and writes
``_build/html-old-stack``: the current build with each page's widget runtime swapped
for the old scripts, the widgets' static twins taken out and the full icon font put
back, i.e. the book as readers got it before. Never shipped.
"""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess

ROOT = pathlib.Path(__file__).resolve().parent.parent
STACK = ROOT / "_build" / "old-widget-stack"
RUNTIME_TAG = re.compile(r'<script defer="defer" src="(?P<up>(?:\.\./)*)_static/widgets-runtime\.js[^"]*"></script>')
TWIN = re.compile(r'<img [^>]*class="widget-twin"[^>]*>\n?')
SUBSET_FACE = 'url(../vendor/fontawesome/webfonts/fa-solid-900-subset.woff) format("woff")'
FULL_FACE = ('url(../vendor/fontawesome/webfonts/fa-solid-900.woff2) format("woff2"),'
             'url(../vendor/fontawesome/webfonts/fa-solid-900.ttf) format("truetype")')


def old_scripts(up: str) -> str:
    """The three script tags myst-nb wrote on widget pages before (nb_ipywidgets_js then)."""
    return (f'<script src="{up}_static/widgets-vendor/require.js"></script>\n'
            f'    <script src="{up}_static/widgets-require-config.js"></script>\n'
            f'    <script data-jupyter-widgets-cdn="_static/widgets-vendor/no-cdn/" '
            f'src="{up}_static/widgets-vendor/html-manager/embed-amd.js"></script>')


def build_old_copy(html: pathlib.Path, dest: pathlib.Path | None = None) -> pathlib.Path:
    """Write the old-stack copy of the built book ``html``; return its folder."""
    dest = dest or html.parent / "html-old-stack"
    subprocess.run(["bash", str(ROOT / "tools" / "old_widget_stack.sh"), str(STACK)], check=True)
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(html, dest)
    vendor = dest / "_static" / "widgets-vendor"
    shutil.copytree(STACK, vendor)
    shutil.copy(ROOT / "benchmarks" / "old_stack" / "widgets-require-config.js", dest / "_static")
    for page in dest.rglob("*.html"):
        text = page.read_text("utf-8")
        if "widgets-runtime.js" not in text:
            continue
        text = RUNTIME_TAG.sub(lambda m: old_scripts(m["up"]), text)
        page.write_text(TWIN.sub("", text), "utf-8")
    css = dest / "_static" / "styles" / "pydata-sphinx-theme.css"
    css.write_text(css.read_text("utf-8").replace(SUBSET_FACE, FULL_FACE), "utf-8")
    return dest


if __name__ == "__main__":
    print(build_old_copy(ROOT / "_build" / "html"))
