"""Learner notebooks (tools/learner_notebooks.py, `make notebooks`): clean Jupyter Markdown, nothing lost.

The module fixture builds every learner notebook into a temporary folder. It reuses
the executions that `make notebooks` cached (so under `make test` only the Markdown
transform runs); without them it executes the chapters itself (about a minute).
The glued values are read here straight from those executed notebooks, not through
the tool.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from pathlib import Path
from typing import Any

import latexcodec  # noqa: F401  (registers the "ulatex" codec)
import nbformat
import pytest
import yaml
from myst_nb.core.variables import format_plain_text
from pybtex.database import parse_file

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from learner.book import BOOK_URL, Bibliography, Book  # noqa: E402
from learner.build import BuildError, build, learner_notebook  # noqa: E402
from learner.myst import Context, MystError, render  # noqa: E402

CACHE = ROOT / "_build" / ".notebooks-cache"
HTML = ROOT / "_build" / "html"


def toc_docnames(node: Any) -> list[str]:
    """Every ``file`` of _toc.yml (and its root)."""
    if isinstance(node, dict):
        found = [node[k] for k in ("root", "file") if k in node]
        return found + [d for v in node.values() if isinstance(v, list | dict) for d in toc_docnames(v)]
    return [d for item in node for d in toc_docnames(item)] if isinstance(node, list) else []


TOC = toc_docnames(yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8")))
PAGES = [d for d in TOC if (ROOT / f"{d}.ipynb").exists()]
MYST = re.compile(r":::\{|```\{|\{glue|\{cite|\{doc\}|\{term\}|\{ref\}|\{numref\}|\{exercise\}|\{solution|"
                  r"\{dropdown\}|\{index\}|\{eq\}|^\s*\([^()\s]+\)=\s*$", re.MULTILINE)
LATEX_ONLY = re.compile(r"^(?P<fence>:{3,}|`{3,})\{only\} latex\n.*?^(?P=fence)\s*$", re.MULTILINE | re.DOTALL)
LINK = re.compile(r"\]\((?P<url>[^)\s]+)\)")


def source_markdown(docname: str) -> str:
    """A chapter's Markdown cells as the HTML book shows them (``{only} latex`` blocks out)."""
    cells = json.loads((ROOT / f"{docname}.ipynb").read_text(encoding="utf-8"))["cells"]
    text = "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return LATEX_ONLY.sub("", text)


def markdown(notebook: nbformat.NotebookNode) -> str:
    return "\n\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")


def glue_values(executed: nbformat.NotebookNode) -> dict[str, dict[str, Any]]:
    """myst-nb's glued outputs: a ``scrapbook`` record in the output's metadata, MIME types prefixed."""
    values = {}
    for cell in executed.cells:
        for output in cell.get("outputs", []):
            record = output.get("metadata", {}).get("scrapbook")
            if record:
                prefix = record.get("mime_prefix", "")
                values[record["name"]] = {k.removeprefix(prefix): v for k, v in output["data"].items()}
    return values


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, nbformat.NotebookNode]:
    out = tmp_path_factory.mktemp("notebooks")
    build(ROOT, out, CACHE)
    return {d: nbformat.read(out / f"{d}.ipynb", as_version=4) for d in PAGES}


@pytest.fixture(scope="module")
def executed(built: dict[str, nbformat.NotebookNode]) -> dict[str, nbformat.NotebookNode]:
    return {d: nbformat.read(CACHE / f"{d}.ipynb", as_version=4) for d in PAGES}


def test_every_notebook_page_of_the_toc_is_built(built):
    assert PAGES and set(built) == set(PAGES)
    assert {"chapters/force_couples", "chapters/handouts/pelvis_sheet", "chapters/instructor/answer_key"} <= set(built)


@pytest.mark.parametrize("docname", PAGES)
def test_no_myst_is_left_in_the_markdown(built, docname):
    nb = built[docname]
    texts = [c.source for c in nb.cells if c.cell_type == "markdown"]
    texts += [o.data["text/markdown"] for c in nb.cells if c.cell_type == "code"
              for o in c.outputs if "text/markdown" in o.get("data", {})]
    left = [m.group(0) for text in texts for m in MYST.finditer(text)]
    assert not left, f"{docname}: MyST left in the learner notebook: {left}"


@pytest.mark.parametrize("docname", PAGES)
def test_one_title_then_where_the_notebook_comes_from(built, docname):
    nb = built[docname]
    h1 = [line for line in markdown(nb).split("\n") if line.startswith("# ")]
    assert len(h1) == 1, h1
    first = nb.cells[0].source.split("\n")
    assert first[0] == h1[0] and "generated from the Force Couples book" in nb.cells[0].source
    assert f"{BOOK_URL}{docname}.html" in nb.cells[0].source


@pytest.mark.parametrize("docname", PAGES)
def test_every_glued_value_is_filled_in(built, executed, docname):
    text, glue, source = markdown(built[docname]), glue_values(executed[docname]), source_markdown(docname)
    for match in re.finditer(r"\{glue(?::text)?\}`(?P<key>[^`:]+)(?::(?P<spec>[^`]+))?`", source):
        value = format_plain_text(glue[match["key"]]["text/plain"], match["spec"] or "s")
        assert value in text, f"{docname}: {match[0]} ({value!r}) is not in the Markdown"
    glued_md = re.findall(r"\{glue:md\}`([^`:]+)|^[:`]{3,}\{glue:md\}\s+(\S+)", source, re.MULTILINE)
    for key in {a or b for a, b in glued_md}:
        plain = [line for line in glue[key]["text/markdown"].split("\n") if line.strip() and "{" not in line]
        missing = [line for line in plain if line.strip() not in text]
        assert plain and not missing, f"{docname}: glued Markdown {key!r} lacks {missing[:2]}"
    hidden = [mime for c in built[docname].cells if c.cell_type == "code" for o in c.outputs
              for mime in o.get("data", {}) if mime.startswith("application/papermill.record/")]
    assert not hidden, "glue outputs the book hides must not show in the notebook"


@pytest.mark.parametrize("docname", PAGES)
def test_exercises_are_numbered_and_solutions_closed(built, docname):
    text, source = markdown(built[docname]), source_markdown(docname)
    numbers = [int(n) for n in re.findall(r"^> \*\*Exercise (\d+)", text, re.MULTILINE)]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) == len(re.findall(r"^:{3,}\{exercise\}", source, re.MULTILINE))
    solutions = re.findall(r"<details>\n<summary>Solution to Exercise (\d+)</summary>\n\n(.*?)\n\n</details>",
                           text, re.DOTALL)
    assert len(solutions) == len(re.findall(r"^:{3,}\{solution\}", source, re.MULTILINE))
    assert all(int(n) in numbers and body.strip() for n, body in solutions)
    assert "<details open" not in text


@pytest.mark.parametrize("docname", PAGES)
def test_every_citation_is_in_the_reference_list(built, docname):
    keys = {k.strip() for group in re.findall(r"\{cite(?::\w+)?\}`([^`]+)`", source_markdown(docname))
            for k in group.split(",")}
    cells = [c.source for c in built[docname].cells if c.source.startswith("## References")]
    if not keys:
        assert not cells
        return
    assert len(cells) == 1 and built[docname].cells[-1].source == cells[0]
    entries = parse_file(str(ROOT / "references.bib")).entries
    for key in keys:
        title = codecs.decode(entries[key].fields["title"], "ulatex").replace("{", "").replace("}", "")
        assert title in cells[0], f"{docname}: {key} is not in the reference list"
    assert cells[0].count("\n- ") == len(keys)


def test_links_point_at_pages_and_anchors_of_the_book(built):
    links = [m["url"] for nb in built.values() for m in LINK.finditer(markdown(nb))]
    book = [url.removeprefix(BOOK_URL) for url in links if url.startswith(BOOK_URL)]
    assert len(book) > len(built)  # each notebook's own page, and more
    for link in book:
        page, _, anchor = link.partition("#")
        assert page.endswith(".html") and page.removesuffix(".html") in TOC, link
        if HTML.exists():
            html = (HTML / page).read_text(encoding="utf-8")
            assert not anchor or f'id="{anchor}"' in html, f"{link}: no such anchor in the HTML book"


@pytest.mark.parametrize("docname", PAGES)
def test_code_cells_keep_install_cells_and_hide_what_the_book_hides(built, docname):
    source = [c for c in nbformat.read(ROOT / f"{docname}.ipynb", as_version=4).cells if c.cell_type == "code"]
    kept = [c for c in source if "remove-cell" not in c.metadata.get("tags", []) or "install" in c.metadata.tags]
    learner = [c for c in built[docname].cells if c.cell_type == "code"]
    assert [c.source for c in learner] == [c.source for c in kept]
    for cell in learner:
        tags = set(cell.metadata.get("tags", []))
        hidden = cell.metadata.get("jupyter", {}).get("source_hidden", False)
        assert hidden == bool(tags & {"remove-input", "hide-input", "hide-cell"}), cell.source[:60]
        if "remove-output" in tags:
            assert not cell.outputs


# ---------------------------------------------------------------- the transform on small snippets

BIB = """
@article{smith2020, author = {Smith, Ann}, title = {Strings}, journal = {J. Bones}, year = {2020}}
@book{jones2021, author = {Jones, Bo and Br{\\"o}wn, Cy}, title = {Pulls}, publisher = {Press}, year = {2021}}
"""
CHAPTER = """# Chapter A

(sec-a)=
## Torque first

:::{exercise}
:label: ex-a-1
One.
:::

:::{exercise} Harder
:label: ex-a-2
Two.
:::
"""
URL_A = f"{BOOK_URL}chapters/a.html"


@pytest.fixture
def ctx() -> Context:
    book = Book({"chapters/a": Path("chapters/a.ipynb"), "chapters/b": Path("chapters/b.ipynb")}, {}, {},
                Bibliography.from_string(BIB))
    book.scan("chapters/a", CHAPTER)
    book.scan("chapters/b", "# Chapter B\n")
    glue = {"tilt": {"text/plain": "20.64"}, "word": {"text/plain": "'hamstrings'"},
            "table": {"text/markdown": "| a |\n|---|\n| see {cite}`smith2020` |", "text/plain": "<Markdown>"}}
    return Context(book, "chapters/b", glue=glue)


def test_an_admonition_is_a_headed_blockquote(ctx):
    text = ":::{admonition} Predict first\n:class: hint\nWhich way?\n\n- up\n- down\n:::\nAfter."
    assert render(text, ctx) == "> **Predict first**\n>\n> Which way?\n>\n> - up\n> - down\n\nAfter."
    assert render("```{warning}\nCareful.\n```", ctx) == "> **Warning**\n>\n> Careful."


def test_a_nested_fence_is_a_blockquote_in_a_blockquote(ctx):
    text = "::::{admonition} Outer\n:::{note}\nInner.\n:::\nOuter again.\n::::"
    assert render(text, ctx) == "> **Outer**\n>\n> > **Note**\n> >\n> > Inner.\n>\n> Outer again."


def test_a_dropdown_is_a_closed_details_block(ctx):
    text = ":::{admonition} What happened\n:class: note dropdown\nIt tipped.\n:::"
    assert render(text, ctx) == "<details>\n<summary>What happened</summary>\n\nIt tipped.\n\n</details>"


def test_exercises_are_numbered_and_solutions_hidden(ctx):
    ctx.docname = "chapters/a"
    out = render(":::{exercise}\n:label: ex-a-1\nOne.\n:::\n\n:::{solution} ex-a-1\n:class: dropdown\nYes.\n:::", ctx)
    assert out == ("> **Exercise 1**\n>\n> One.\n\n"
                   "<details>\n<summary>Solution to Exercise 1</summary>\n\nYes.\n\n</details>")
    assert render(":::{exercise} Harder\n:label: ex-a-2\nTwo.\n:::", ctx).startswith("> **Exercise 2 (Harder)**")
    assert render("See {numref}`ex-a-2`.", ctx) == f"See [Exercise 2]({URL_A}#ex-a-2)."


def test_citations_are_author_year(ctx):
    assert render("Known {cite}`smith2020,jones2021`.", ctx) == "Known (Smith, 2020; Jones and Bröwn, 2021)."
    assert render("{cite:t}`smith2020` found it.", ctx) == "Smith (2020) found it."
    assert ctx.cited == ["smith2020", "jones2021"]
    assert ctx.book.bibliography.reference("smith2020") == "Smith, Ann (2020). Strings. *J. Bones*."
    with pytest.raises(MystError, match="nobody2000"):
        render("{cite}`nobody2000`", ctx)


def test_references_link_to_the_book(ctx):
    assert render("{ref}`sec-a`", ctx) == f"[Torque first]({URL_A}#sec-a)"
    assert render("{ref}`the torque part <sec-a>`", ctx) == f"[the torque part]({URL_A}#sec-a)"
    assert render("{ref}`ex-a-1`", ctx) == f"[Exercise 1]({URL_A}#ex-a-1)"
    assert render("{doc}`a` and {doc}`that one </chapters/a>`", ctx) == f"[Chapter A]({URL_A}) and [that one]({URL_A})"
    with pytest.raises(MystError, match="unknown label"):
        render("{ref}`nowhere`", ctx)


def test_glued_values_are_filled_in_with_their_format(ctx):
    assert render("Tilt {glue:text}`tilt:.1f`° by {glue:text}`word`; {glue}`tilt`.", ctx) == \
        "Tilt 20.6° by hamstrings; 20.64."
    assert render(":::{glue:md} table\n:format: myst\n:::", ctx) == "| a |\n|---|\n| see (Smith, 2020) |"
    ctx.glue = {**ctx.glue, "fig": {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"}}
    assert render(":::{glue:figure} fig\n:alt: A bone\n:::", ctx) == "![A bone](attachment:glue-1.png)"
    assert ctx.attachments == {"glue-1.png": {"image/png": "iVBORw0KGgo="}}
    with pytest.raises(MystError, match="missing"):
        render("{glue:text}`missing`", ctx)


def test_targets_terms_index_and_only_blocks(ctx):
    text = ("(sec-x)=\n## Head\n\nA {term}`lever arm`, a {term}`pull <force>`, an {index}`index entry`.\n\n"
            ":::{only} latex\nPrint only.\n:::\n\n:::{only} html\nScreen only.\n:::")
    assert render(text, ctx) == "## Head\n\nA lever arm, a pull, an index entry.\n\nScreen only."


def test_code_is_left_alone(ctx):
    text = "```python\nprint('{cite}`smith2020`')\n```\nAnd `{term}` here."
    assert render(text, ctx) == text


def test_an_unknown_directive_fails_naming_it_and_the_file(ctx):
    with pytest.raises(MystError, match=r"unknown directive \{card\}"):
        render(":::{card} A card\nText.\n:::", ctx)
    with pytest.raises(MystError, match=r"unknown role \{kbd\}"):
        render("Press {kbd}`Enter`.", ctx)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# B\n\n:::{card}\nx\n:::")])
    with pytest.raises(BuildError, match=r"chapters/b\.ipynb, cell 0: unknown directive \{card\}"):
        learner_notebook(ctx.book, "chapters/b", notebook)
