"""_ext/quiz_engine.py and _ext/images.py: the shared quiz engine and the lighter pictures."""

from __future__ import annotations

import pathlib
import sys

import numpy as np
import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

import images  # noqa: E402
import quiz_engine  # noqa: E402


def quiz_page(engine: str, quizzes: int = 2) -> str:
    script = (f'{quiz_engine.QUIZ_START}\nvar questionsX=[];\n\nif (typeof Question === \'undefined\') {{\n'
              f'{engine}function try_show() {{}}\n}}\n\n}})(standin);</script>')
    return "<html><body>" + "<p>quiz</p>".join([script] * quizzes) + "</body></html>"


def test_every_copy_of_the_engine_becomes_one_call_and_the_file_comes_first():
    text = quiz_engine.engine()
    page = quiz_page(text)
    shared = quiz_engine.share(page, text, "../")
    assert text not in shared and shared.count(quiz_engine.CALL) == 2
    tag = '<script src="../_static/quiz-engine.js"></script>'
    assert shared.count(tag) == 1 and shared.index(tag) < shared.index(quiz_engine.QUIZ_START)
    assert quiz_engine.inline_again(shared, text) == page
    assert quiz_engine.share("<p>no quiz</p>", text, "") == "<p>no quiz</p>"


def test_the_engine_is_jupyterquizs_own_and_the_file_returns_show_questions():
    text = quiz_engine.engine()
    assert "function show_questions(" in text and "function try_show" not in text  # the suffix is the quiz's
    script = quiz_engine.shared_script(text)
    assert script.splitlines()[1] == "window.fcQuizEngine = function (MathJax) {"
    assert script.rstrip().endswith("return show_questions;\n};")
    assert len(script) < len(text)  # comments and indentation left out


def picture(path: pathlib.Path) -> np.ndarray:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1, 2], [0, 1, 0.5], color="#0072B2")
    ax.set_title("a line")
    fig.savefig(path, dpi=80)
    plt.close(fig)
    from PIL import Image

    with Image.open(path) as im:
        return np.asarray(im.convert("RGBA"))


def test_a_figure_becomes_a_smaller_lossless_webp_of_its_palette_pixels(tmp_path):
    from PIL import Image

    png = tmp_path / "f.png"
    picture(png)
    images.shrink(png)
    with Image.open(png) as im:
        assert im.mode == "P"
        palette_pixels = np.asarray(im.convert("RGBA"))
    size = png.stat().st_size
    webp = images.to_webp(png)
    assert webp == tmp_path / "f.webp" and not png.exists()
    assert webp.stat().st_size < size
    with Image.open(webp) as im:
        np.testing.assert_array_equal(np.asarray(im.convert("RGBA")), palette_pixels)


@pytest.mark.parametrize("logo", ["Colab", "Binder"])
def test_launch_logos_load_lazily(logo):
    src = f'src="../_static/images/logo_{logo.lower()}.png">'
    assert images.lazy_logos(f'<img alt="{logo} logo" {src}') == f'<img loading="lazy" alt="{logo} logo" {src}'
