"""Execute the chapter notebooks and assemble the learner notebooks from them.

Execution is the slow part (about 35 s for the book), so each executed notebook
is cached under ``_build/.notebooks-cache`` with a key made of its code, the
library's files and ``requirements.txt``; the Markdown transform always runs.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import subprocess
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbformat import NotebookNode

from .book import Book
from .myst import Context, MystError, render

KERNEL = "python3"
TIMEOUT = 120  # seconds a cell may run, as the book's execute.timeout
CACHE_FORMAT = 2  # bump when what the cache holds changes
GENERATED = ("*This notebook is generated from the Force Couples book ([{title}]({url})); "
             "the book has the full layout.*")


@dataclass
class Summary:
    """What a build wrote and filled in."""

    notebooks: list[Path] = field(default_factory=list)
    executed: int = 0
    cached: int = 0
    glued: int = 0
    citations: int = 0
    links: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        return (f"{len(self.notebooks)} learner notebooks ({self.executed} executed, {self.cached} from the cache) "
                f"in {self.seconds:.1f} s: {self.glued} glued values filled, {self.citations} citations, "
                f"{self.links} links into the book")


class BuildError(RuntimeError):
    """The MyST constructs that could not be rendered, one line each, with their files."""


def tree_hash(paths: Iterable[Path]) -> str:
    """A digest of the files' names and contents."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def environment_key(root: Path) -> str:
    """What every execution depends on besides the notebook: the library and the pinned packages."""
    library = [p for p in (root / "lib" / "forcecouple").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return tree_hash([*library, root / "requirements.txt"])


def execution_key(notebook: NotebookNode, environment: str) -> str:
    """The cache key of one notebook's execution."""
    code = [c.source for c in notebook.cells if c.cell_type == "code"]
    return hashlib.sha256(json.dumps([CACHE_FORMAT, environment, code]).encode()).hexdigest()


def execute(source: Path, cached: Path, environment: str) -> tuple[NotebookNode, bool]:
    """``source`` executed (from ``cached`` when its key still matches); True if it ran now."""
    notebook = nbformat.read(source, as_version=4)
    key = execution_key(notebook, environment)
    if cached.exists():
        previous = nbformat.read(cached, as_version=4)
        if previous.metadata.get("learner_cache_key") == key:
            return previous, False
    client = NotebookClient(notebook, timeout=TIMEOUT, kernel_name=KERNEL, allow_errors=False, record_timing=False,
                            resources={"metadata": {"path": str(source.parent)}})
    try:
        # The kernel's own stderr is only its start-up chatter; a cell's error comes back as a message.
        client.execute(stderr=subprocess.DEVNULL)
    except CellExecutionError as error:
        raise BuildError(f"{source}: a cell failed: {error.ename}: {error.evalue}") from error
    notebook.metadata["learner_cache_key"] = key
    write(notebook, cached)
    return notebook, True


def write(notebook: NotebookNode, path: Path) -> None:
    """Write ``notebook`` to ``path`` atomically (another build may read it meanwhile)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    nbformat.write(notebook, partial)
    partial.replace(path)


def glue_outputs(notebook: NotebookNode) -> dict[str, dict[str, Any]]:
    """The glued values of an executed notebook, name to MIME bundle (myst-nb's ``scrapbook`` outputs)."""
    values: dict[str, dict[str, Any]] = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            record = output.get("metadata", {}).get("scrapbook")
            if record:
                prefix = len(record.get("mime_prefix", ""))
                values[record["name"]] = {mime[prefix:]: value for mime, value in output["data"].items()}
    return values


def _hidden_glue(output: Mapping[str, Any]) -> bool:
    """A glue output the book never shows (``display=False``)."""
    return bool(output.get("metadata", {}).get("scrapbook", {}).get("mime_prefix"))


def code_cell(cell: NotebookNode, ctx: Context) -> NotebookNode:
    """A code cell for learners: hidden glue outputs dropped, the book's tags as Jupyter metadata."""
    cell = copy.deepcopy(cell)
    tags = set(cell.metadata.get("tags", []))
    outputs = [o for o in cell.outputs if not _hidden_glue(o)]
    if "remove-output" in tags:
        outputs = []
    outputs = [o for o in outputs if not (o.output_type == "stream" and f"remove-{o.name}" in tags)]
    if cell.metadata.get("mystnb", {}).get("markdown_format") == "myst":
        for output in outputs:
            if "text/markdown" in output.get("data", {}):
                output.data["text/markdown"] = render(str(output.data["text/markdown"]), ctx)
    cell.outputs = outputs
    jupyter = cell.metadata.setdefault("jupyter", {})
    if tags & {"remove-input", "hide-input", "hide-cell"}:
        jupyter["source_hidden"] = True
    if tags & {"hide-output", "hide-cell"}:
        jupyter["outputs_hidden"] = True
    if not jupyter:
        del cell.metadata["jupyter"]
    return cell


def markdown_cell(source: str, ctx: Context, cell_id: str, metadata: Mapping[str, Any] | None = None
                  ) -> NotebookNode | None:
    """A Markdown cell of ``source`` rendered, with any glued images attached; None if nothing is left.

    Cell ids come from the chapter's, so that a rebuild writes the same notebook.
    """
    ctx.attachments = {}
    text = render(source, ctx)
    if not text.strip():
        return None
    cell = nbformat.v4.new_markdown_cell(text, metadata=dict(metadata or {}), id=cell_id[:64])
    if ctx.attachments:
        cell.attachments = ctx.attachments
    return cell


def _header(cells: list[NotebookNode], ctx: Context) -> list[NotebookNode]:
    """The first Markdown cell split after its H1, which gets the line that says where it came from."""
    first = next(i for i, c in enumerate(cells) if c.cell_type == "markdown")
    lines = cells[first].source.split("\n")
    h1 = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if h1 is None:
        raise MystError("the first Markdown cell has no H1 title")
    note = GENERATED.format(title=ctx.book.titles[ctx.docname], url=ctx.book.url(ctx.docname))
    ctx.links.append(ctx.book.url(ctx.docname))
    head = nbformat.v4.new_markdown_cell("\n".join([*lines[: h1 + 1], "", note]), id="learner-header")
    rest = "\n".join(lines[h1 + 1:]).strip("\n")
    if rest:
        cells[first].source = rest
        return [*cells[:first], head, *cells[first:]]
    return [*cells[:first], head, *cells[first + 1:]]


def learner_notebook(book: Book, docname: str, executed: NotebookNode) -> tuple[NotebookNode, Context]:
    """The learner notebook of page ``docname`` from its executed notebook.

    Raises :class:`BuildError` listing every cell whose Markdown could not be rendered.
    """
    ctx = Context(book, docname, glue=book.glue.get(docname, {}))
    cells: list[NotebookNode] = []
    errors: list[str] = []
    figures = 0
    for index, cell in enumerate(executed.cells):
        tags = set(cell.metadata.get("tags", []))
        if ("remove-cell" in tags and "install" not in tags) or cell.cell_type == "raw":
            continue
        try:
            if cell.cell_type == "markdown":
                cells.append(markdown_cell(cell.source, ctx, cell.id, cell.metadata))
                continue
            cells.append(code_cell(cell, ctx))
            caption = cell.metadata.get("mystnb", {}).get("figure", {}).get("caption")
            if caption:
                figures += 1
                if cells[-1].outputs:
                    cells.append(markdown_cell(f"**Fig. {figures}.** {caption}", ctx, f"{cell.id}-caption"))
        except MystError as error:
            errors.append(f"{book.pages[docname]}, cell {index}: {error}")
    if errors:
        raise BuildError("\n".join(errors))
    cells = _header([c for c in cells if c is not None], ctx)
    if ctx.cited:
        entries = sorted(ctx.cited, key=lambda k: (book.bibliography.authors(k).lower(), book.bibliography.year(k)))
        references = "\n".join(f"- {book.bibliography.reference(k)}" for k in entries)
        cells.append(nbformat.v4.new_markdown_cell(f"## References\n\n{references}", id="learner-references"))
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {k: v for k, v in executed.metadata.items() if k in ("kernelspec", "language_info", "widgets")}
    return notebook, ctx


def build(root: Path, out: Path, cache: Path, jobs: int = 2) -> Summary:
    """Execute every notebook page of ``root``'s ``_toc.yml`` and write its learner notebook under ``out``."""
    start = time.perf_counter()
    book = Book.load(root)
    docnames = book.notebooks()
    environment = environment_key(root)

    def run(docname: str) -> tuple[NotebookNode, bool]:
        return execute(book.pages[docname], cache / f"{docname}.ipynb", environment)

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        results = dict(zip(docnames, pool.map(run, docnames), strict=True))
    book.glue = {docname: glue_outputs(notebook) for docname, (notebook, _) in results.items()}
    summary = Summary(executed=sum(ran for _, ran in results.values()))
    summary.cached = len(docnames) - summary.executed
    errors: list[str] = []
    written: dict[Path, NotebookNode] = {}
    for docname, (notebook, _) in results.items():
        try:
            learner, ctx = learner_notebook(book, docname, notebook)
        except (BuildError, MystError) as error:
            errors.append(str(error) if isinstance(error, BuildError) else f"{book.pages[docname]}: {error}")
            continue
        written[out / f"{docname}.ipynb"] = learner
        summary.glued += len(ctx.glued)
        summary.citations += ctx.citations
        summary.links += len(ctx.links)
    if errors:
        raise BuildError("\n".join(errors))
    for path, learner in written.items():
        nbformat.validate(learner)
        write(learner, path)
    summary.notebooks = list(written)
    summary.seconds = time.perf_counter() - start
    return summary
