"""A copy of the built book on the OLD widget stack, for make bench's comparison only.

Before issue 18 the static book loaded require.js, @jupyter-widgets/html-manager's
embed-amd.js and anywidget's AMD bundle on every widget page (and the theme's whole
solid icon font on every page). :func:`build_old_copy` fetches that stack from npm
(``tools/old_widget_stack.sh``, at the versions the book used) and writes
``_build/html-old-stack``: the current build with each page's widget runtime swapped
for the old scripts, the widgets' static twins taken out, the full icon font put
back, and the other page-weight work of issue 18 undone: each widget's module and
stylesheet back inside the page's saved state (as anywidget's bundle needs them; the
text stays the compacted one), jupyterquiz's engine back inside every quiz, the
figures back to palette PNGs (decoded from the lossless WebPs: the same pixels) and
the launch logos eager, i.e. the book as readers got it before. Never shipped.
"""

from __future__ import annotations

import json
import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))
from images import shrink  # noqa: E402
from quiz_engine import engine, inline_again  # noqa: E402
from widget_assets import ASSET_FOLDER, STATIC_PREFIX, registered_text  # noqa: E402
from widget_runtime import STATE_MIME  # noqa: E402

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


STATE_SCRIPT = re.compile(r'(<script type="' + re.escape(STATE_MIME) + r'">)(.*?)(</script>)', re.S)
ASSET_TAG = re.compile(r'\s*<(?:script defer="defer" src|link rel="stylesheet" type="text/css" href)='
                       r'"(?:\.\./)*_static/' + ASSET_FOLDER + r'/[0-9a-f]{16}\.(?:js|css)[^"]*"[^>]*>(?:</script>)?')
LAZY_LOGO = re.compile(r'<img loading="lazy" (alt="[^"]*logo")')


def inline_assets(page: str, html: pathlib.Path) -> str:
    """The page with its widgets' moved-out modules and stylesheets back in the saved state."""
    def text_of(name: str) -> str:
        text = (html / "_static" / ASSET_FOLDER / name).read_text("utf-8")
        return registered_text(text) if name.endswith(".js") else text

    def inline(match: re.Match) -> str:
        state = json.loads(match[2])
        for entry in state.get("state", {}).values():
            values = entry.get("state", {})
            for key in ("_esm", "_css"):
                value = values.get(key)
                if isinstance(value, str) and value.startswith(STATIC_PREFIX):
                    values[key] = "\n".join(text_of(n) for n in value[len(STATIC_PREFIX):].split("+"))
        return match[1] + json.dumps(state, ensure_ascii=False).replace("</", "<\\/") + match[3]
    return ASSET_TAG.sub("", STATE_SCRIPT.sub(inline, page))


def png_again(dest: pathlib.Path) -> None:
    """Each figure back to the palette PNG the book served before (same pixels)."""
    from PIL import Image

    for webp in (dest / "_images").glob("*.webp"):
        png = webp.with_suffix(".png")
        with Image.open(webp) as im:
            im.save(png, format="PNG")
        shrink(png)
        webp.unlink()


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
    png_again(dest)
    quiz = engine()
    for page in dest.rglob("*.html"):
        text = page.read_text("utf-8")
        old = LAZY_LOGO.sub(r"<img \1", inline_again(text, quiz))
        old = re.sub(r"(_images/[^\"'/<>\s]+)\.webp\b", r"\1.png", old)
        if "widgets-runtime.js" in old:
            old = RUNTIME_TAG.sub(lambda m: old_scripts(m["up"]), inline_assets(old, dest))
            old = TWIN.sub("", old)
        if old != text:
            page.write_text(old, "utf-8")
    css = dest / "_static" / "styles" / "pydata-sphinx-theme.css"
    css.write_text(css.read_text("utf-8").replace(SUBSET_FACE, FULL_FACE), "utf-8")
    return dest


if __name__ == "__main__":
    print(build_old_copy(ROOT / "_build" / "html"))
