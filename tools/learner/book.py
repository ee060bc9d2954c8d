"""The book as the transform sees it: pages in ``_toc.yml``, their titles and labels, references.

Links point at the published book, :data:`BOOK_URL`: a page is its path plus
``.html``, a label is the anchor (MyST's ``(label)=`` target, an exercise's
``:label:``, a figure's ``name``: Sphinx makes each the HTML id).
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pybtex.database import BibliographyData, Entry, Person, parse_file, parse_string
from pybtex.plugin import find_plugin
from pybtex.richtext import Text

from .myst import TARGET_LINE, Directive, MystError, directives, parse

# The published HTML book; the repository is https://github.com/force-couples/force-couples-book.
BOOK_URL = "https://force-couples.github.io/force-couples-book/"
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")


TEXT_BACKEND = find_plugin("pybtex.backends", "text")()  # looked up once: each look-up scans entry points


@functools.cache
def latex_text(value: str) -> str:
    """A BibTeX field (braces, accents) as plain text."""
    return Text.from_latex(value).render(TEXT_BACKEND)


@dataclass(frozen=True)
class Target:
    """Something a ``{ref}`` or ``{numref}`` can point at."""

    docname: str
    kind: str  # "section", "exercise", "figure" or "admonition"
    title: str
    number: int | None = None

    @property
    def numbered(self) -> str:
        """"Exercise 2" or "Fig. 3", as ``{numref}`` shows it."""
        return f"{'Exercise' if self.kind == 'exercise' else 'Fig.'} {self.number}"

    @property
    def reference_text(self) -> str:
        """What a ``{ref}`` without text shows: the heading, caption or title; an exercise's number."""
        return self.numbered if self.kind == "exercise" else self.title


@dataclass
class Bibliography:
    """``references.bib``, cited author-year as the book does (``bibtex_reference_style: author_year``)."""

    data: BibliographyData

    @classmethod
    def from_file(cls, path: Path) -> Bibliography:
        return cls(parse_file(str(path)))

    @classmethod
    def from_string(cls, text: str) -> Bibliography:
        return cls(parse_string(text, "bibtex"))

    def check(self, key: str) -> Entry:
        """The entry ``key``; :class:`MystError` if ``references.bib`` lacks it."""
        if key not in self.data.entries:
            raise MystError(f"citation key {key!r} is not in references.bib")
        return self.data.entries[key]

    def _persons(self, key: str) -> list[Person]:
        entry = self.check(key)
        return entry.persons.get("author") or entry.persons.get("editor") or []

    def authors(self, key: str) -> str:
        """"Smith", "Smith and Jones" or "Smith et al."."""
        names = [latex_text(" ".join(p.prelast_names + p.last_names)) for p in self._persons(key)]
        if not names:
            return latex_text(self.check(key).fields.get("title", key))
        return names[0] if len(names) == 1 else " and ".join(names) if len(names) == 2 else f"{names[0]} et al."

    def year(self, key: str) -> str:
        return self.check(key).fields.get("year", "n.d.")

    def parenthetical(self, keys: list[str]) -> str:
        """``{cite}``: "(Smith, 2020; Jones, 2021)"."""
        return "(" + "; ".join(f"{self.authors(k)}, {self.year(k)}" for k in keys) + ")"

    def textual(self, keys: list[str]) -> str:
        """``{cite:t}``: "Smith (2020)"."""
        return ", ".join(f"{self.authors(k)} ({self.year(k)})" for k in keys)

    def reference(self, key: str) -> str:
        """One entry of the reference list: authors (year). Title. Journal or publisher."""
        entry = self.check(key)
        people = [
            ", ".join(filter(None, (latex_text(" ".join(p.prelast_names + p.last_names)),
                                    latex_text(" ".join(p.first_names + p.middle_names)))))
            for p in self._persons(key)
        ]
        authors = people[0] if len(people) < 2 else ", ".join(people[:-1]) + " and " + people[-1]
        fields = {name: latex_text(value) for name, value in entry.fields.items()}
        where = fields.get("journal") or fields.get("publisher") or fields.get("howpublished") or ""
        details = [fields[f] + (f"({fields['number']})" if f == "volume" and "number" in fields else "")
                   for f in ("volume", "pages") if f in fields]
        parts = [f"{authors or self.authors(key)} ({self.year(key)}).", f"{fields.get('title', key)}."]
        if where:
            parts.append(", ".join([f"*{where}*", *details]) + ".")
        return " ".join(parts)


def toc_files(toc: dict[str, Any]) -> Iterator[str]:
    """The ``file`` entries of a Jupyter Book ``_toc.yml``, root first, in reading order."""
    if "root" in toc:
        yield toc["root"]
    for key in ("parts", "chapters", "sections"):
        for item in toc.get(key, []):
            if "file" in item:
                yield item["file"]
            yield from toc_files({k: v for k, v in item.items() if k != "file"})


def markdown_cells(path: Path) -> list[str]:
    """A page's Markdown: the Markdown cells of a notebook, or the text of a ``.md`` page."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown" and not _removed(c)]
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[-1]
    return [text]


def _removed(cell: dict[str, Any]) -> bool:
    tags = cell.get("metadata", {}).get("tags", [])
    return "remove-cell" in tags and "install" not in tags


def figure_cells(path: Path) -> Iterator[dict[str, str]]:
    """The ``mystnb.figure`` metadata (``name``, ``caption``) of a notebook's figure cells, in order."""
    if path.suffix != ".ipynb":
        return
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        figure = cell.get("metadata", {}).get("mystnb", {}).get("figure")
        if cell["cell_type"] == "code" and figure and figure.get("caption") and not _removed(cell):
            yield figure


def _plain_heading(text: str) -> str:
    """A heading's text without emphasis marks and code ticks."""
    return re.sub(r"[*_`]", "", text).strip()


@dataclass
class Book:
    """The pages of ``_toc.yml`` (docname: source), their titles, labels and the bibliography."""

    pages: dict[str, Path]
    titles: dict[str, str]
    targets: dict[str, Target]
    bibliography: Bibliography
    glue: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> Book:
        """Read ``_toc.yml``, every page it lists and ``references.bib`` under ``root``."""
        toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
        pages: dict[str, Path] = {}
        for name in toc_files(toc):
            docname = str(Path(name).with_suffix("")) if Path(name).suffix in (".md", ".ipynb") else name
            found = [p for p in (root / f"{docname}.ipynb", root / f"{docname}.md") if p.exists()]
            if not found:
                raise MystError(f"_toc.yml lists {name!r}, which has no .ipynb or .md file")
            pages[docname] = found[0]
        book = cls(pages, {}, {}, Bibliography.from_file(root / "references.bib"))
        for docname, path in pages.items():
            book.scan(docname, "\n\n".join(markdown_cells(path)), figure_cells(path))
        return book

    def scan(self, docname: str, markdown: str, figures: Iterable[dict[str, str]] = ()) -> None:
        """Record the page's title (its H1) and every label it defines."""
        pending = ""  # a (label)= line waiting for what it labels

        def settle(kind: str, title: str) -> str:
            if pending:
                self.add(pending, Target(docname, kind, title or pending))
            return ""

        for node in parse(markdown):
            if isinstance(node, Directive):
                pending = settle("admonition", node.argument)
                continue
            for line in node.split("\n"):
                heading = HEADING.match(line)
                if target := TARGET_LINE.match(line):
                    pending = settle("section", "") or target["label"]
                elif heading:
                    if len(heading["hashes"]) == 1:
                        self.titles.setdefault(docname, _plain_heading(heading["text"]))
                    pending = settle("section", _plain_heading(heading["text"]))
                elif line.strip():
                    pending = settle("section", "")
        settle("section", "")
        exercises = 0
        for directive in directives(markdown):
            if directive.name == "exercise" and "nonumber" not in directive.options:
                exercises += 1
                if "label" in directive.options:
                    self.add(directive.options["label"], Target(docname, "exercise", directive.argument, exercises))
            elif "name" in directive.options:
                self.add(directive.options["name"], Target(docname, "admonition", directive.argument))
        for number, figure in enumerate(figures, start=1):
            if figure.get("name"):
                self.add(figure["name"], Target(docname, "figure", figure["caption"], number))
        if docname not in self.titles:
            raise MystError(f"{docname} has no H1 title")

    def add(self, label: str, target: Target) -> None:
        if label in self.targets:
            raise MystError(f"label {label!r} defined twice ({self.targets[label].docname}, {target.docname})")
        self.targets[label] = target

    def notebooks(self) -> list[str]:
        """The docnames of the notebook pages, in the order of ``_toc.yml``."""
        return [docname for docname, path in self.pages.items() if path.suffix == ".ipynb"]

    def target(self, label: str) -> Target:
        if label not in self.targets:
            raise MystError(f"unknown label {label!r}")
        return self.targets[label]

    def resolve(self, current: str, target: str) -> str:
        """The docname a ``{doc}`` target written on page ``current`` means."""
        target = target.removesuffix(".ipynb").removesuffix(".md")
        docname = target.lstrip("/") if target.startswith("/") else posixpath.join(posixpath.dirname(current), target)
        docname = posixpath.normpath(docname)
        if docname not in self.pages:
            raise MystError(f"{{doc}} {target!r} is no page of _toc.yml")
        return docname

    def url(self, docname: str, anchor: str = "") -> str:
        """The published page (and anchor) of ``docname``."""
        return f"{BOOK_URL}{docname}.html" + (f"#{anchor}" if anchor else "")
