"""Launch and download: every notebook can be opened alone (Colab) and points at one repository."""

from __future__ import annotations

import importlib.util
import json
import pathlib
import subprocess
import sys

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("set_repository_url", ROOT / "tools" / "set_repository_url.py")
tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tool)

NOTEBOOKS = tool.notebooks()
HTML = ROOT / "_build" / "html"


def test_the_repository_url_is_set():
    assert tool.repository_url().startswith("https://github.com/")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_notebook_first_installs_the_library_from_the_repository(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    first_code = next(c for c in cells if c["cell_type"] == "code")
    assert set(tool.install_urls(notebook)) == {tool.repository_url()}
    assert "forcecouple @ git+" in "".join(first_code["source"]), "the install cell must run first"
    assert {"remove-cell", "install"} <= set(first_code["metadata"].get("tags", []))


def test_the_tool_rewrites_the_install_cells(tmp_path, monkeypatch):
    book = tmp_path / "book"
    (book / "chapters").mkdir(parents=True)
    (book / "_config.yml").write_text("repository:\n  url: https://github.com/someone/their-copy\n  branch: main\n")
    copy = book / "chapters" / NOTEBOOKS[0].name
    copy.write_text(NOTEBOOKS[0].read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(tool, "ROOT", book)
    assert tool.main() == 0
    assert set(tool.install_urls(copy)) == {"https://github.com/someone/their-copy"}


@pytest.mark.skipif(not HTML.exists(), reason="needs the built book (make test builds it)")
@pytest.mark.parametrize("notebook", [p for p in NOTEBOOKS if "instructor" not in p.parts], ids=lambda p: p.stem)
def test_each_chapter_page_has_binder_colab_and_download_buttons(notebook):
    rel = notebook.relative_to(ROOT).with_suffix("")
    page = (HTML / rel).with_suffix(".html").read_text(encoding="utf-8")
    repo = tool.repository_url().removeprefix("https://github.com/")
    branch = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]["branch"]
    assert branch == "notebooks", "launch buttons open the learner notebooks (README: Publishing)"
    assert f"https://mybinder.org/v2/gh/{repo}/{branch}?urlpath=lab/tree/{rel}.ipynb" in page
    assert f"https://colab.research.google.com/github/{repo}/blob/{branch}/{rel}.ipynb" in page
    assert f"_sources/{rel}.ipynb" in page


@pytest.mark.skipif(not HTML.exists(), reason="needs the built book (make test builds it)")
@pytest.mark.parametrize("page", ["chapters/instructor/index", "chapters/glossary", "chapters/troubleshooting"])
def test_markdown_pages_offer_their_source_for_download(page):
    html = (HTML / f"{page}.html").read_text(encoding="utf-8")
    assert f"_sources/{page}.md" in html
    assert (HTML / "_sources" / f"{page}.md").exists()


def test_a_jupyterhub_url_adds_a_jupyterhub_button(tmp_path):
    """Setting `launch_buttons.jupyterhub_url` (README) gives each notebook page a JupyterHub button.

    A two-page book with the project's own `repository` and `launch_buttons` settings, built
    with the pinned Jupyter Book, stands in for the real one (whose build takes a minute).
    """
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    hub = "https://hub.example.edu"
    small = {
        "title": "launch check",
        "only_build_toc_files": True,
        "execute": {"execute_notebooks": "off"},
        "repository": config["repository"],
        "launch_buttons": {**config["launch_buttons"], "jupyterhub_url": hub},
    }
    (tmp_path / "_config.yml").write_text(yaml.safe_dump(small), encoding="utf-8")
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: chapters/force_couples\n")
    (tmp_path / "intro.md").write_text("# Intro\n")
    (tmp_path / "chapters").mkdir()
    nb = {"cells": [{"cell_type": "markdown", "id": "t", "metadata": {}, "source": ["# A chapter\n"]}],
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "chapters" / "force_couples.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    jb = pathlib.Path(sys.executable).parent / "jupyter-book"
    subprocess.run([str(jb), "build", str(tmp_path), "--quiet"], check=True, capture_output=True)
    page = (tmp_path / "_build" / "html" / "chapters" / "force_couples.html").read_text(encoding="utf-8")
    repo_url = config["repository"]["url"]
    assert f"{hub}/hub/user-redirect/git-pull?repo={repo_url}" in page.replace("%3A", ":").replace("%2F", "/")
    assert "mybinder.org" in page and "colab.research.google.com" in page
