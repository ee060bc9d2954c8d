"""MyST Markdown to plain Jupyter Markdown, for the constructs the book uses.

:func:`parse` splits a Markdown text into plain chunks and directive blocks
(colon or backtick fences, nested fences with more colons); :func:`render` turns
both into Markdown that Jupyter, Colab and VS Code show as the book means it.
A :class:`Context` carries what rendering needs from outside the text: the book's
pages, labels and references (:class:`learner.book.Book`) and the glued values of
the executed notebook. An unknown directive or role raises :class:`MystError`.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml
from myst_nb.core.variables import format_plain_text

if TYPE_CHECKING:
    from .book import Book

FENCE = re.compile(r"^(?P<indent> *)(?P<marker>`{3,}|~{3,}|:{3,})(?P<info>.*)$")
DIRECTIVE_INFO = re.compile(r"^\{(?P<name>[A-Za-z][\w:+-]*)\}\s*(?P<argument>.*)$")
OPTION = re.compile(r"^:(?P<key>[\w-]+):\s*(?P<value>.*)$")
# A code span, with the role whose content it is, if any: {name}`content`.
ROLE = re.compile(r"(?:\{(?P<role>[A-Za-z][\w:+-]*)\})?(?P<ticks>`+)(?P<content>.+?)(?<!`)(?P=ticks)(?!`)")
TARGET_LINE = re.compile(r"^\s*\((?P<label>[^()\s]+)\)=\s*$")
COMMENT_LINE = re.compile(r"^\s*(%.*|\+\+\+.*)$")
LABELLED = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)

ADMONITIONS = {
    "note": "Note", "tip": "Tip", "hint": "Hint", "important": "Important", "warning": "Warning",
    "caution": "Caution", "attention": "Attention", "danger": "Danger", "error": "Error", "seealso": "See also",
}
GATED = {"exercise-start", "exercise-end", "solution-start", "solution-end"}
IMAGE_TYPES = {"image/png": "png", "image/jpeg": "jpg", "image/svg+xml": "svg"}


class MystError(ValueError):
    """A MyST construct that the transform does not render (or cannot resolve)."""


@dataclass
class Directive:
    """One fenced directive: ``{name} argument``, its ``:key: value`` options and its body."""

    name: str
    argument: str
    options: dict[str, str]
    body: str
    indent: str = ""

    @property
    def classes(self) -> list[str]:
        """The words of its ``:class:`` option."""
        return self.options.get("class", "").split()


@dataclass
class Context:
    """What rendering one page needs, and what it counts while rendering it."""

    book: Book
    docname: str
    glue: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    exercises: int = 0
    citations: int = 0
    cited: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    glued: list[str] = field(default_factory=list)
    attachments: dict[str, dict[str, str]] = field(default_factory=dict)

    def glued_data(self, key: str) -> Mapping[str, Any]:
        """The glued output ``key`` (``doc::key`` for another page's), as a MIME bundle."""
        docname, sep, name = key.partition("::")
        if sep:
            target = self.book.resolve(self.docname, docname)
            data = self.book.glue.get(target, {}).get(name)
        else:
            data = self.glue.get(key)
        if data is None:
            raise MystError(f"no glued value named {key!r}")
        self.glued.append(key)
        return data

    def link(self, text: str, docname: str, anchor: str = "") -> str:
        """A Markdown link to ``docname`` (and ``anchor``) in the published book."""
        url = self.book.url(docname, anchor)
        self.links.append(url)
        return f"[{text}]({url})"

    def attach(self, data: Mapping[str, Any]) -> str:
        """Attach the first image of ``data`` to the cell; returns its ``attachment:`` name."""
        for mime, ext in IMAGE_TYPES.items():
            if mime in data:
                value = data[mime]
                if mime == "image/svg+xml":
                    value = base64.b64encode(("".join(value) if isinstance(value, list) else value).encode()).decode()
                name = f"glue-{len(self.attachments) + 1}.{ext}"
                self.attachments[name] = {mime: value}
                return f"attachment:{name}"
        raise MystError(f"glued value has no image ({', '.join(data)})")


# ---------------------------------------------------------------- parsing


def _closing_line(lines: list[str], start: int, marker: str) -> int:
    """The index of the line that closes the fence opened by ``marker`` on ``start - 1``."""
    close = re.compile(rf"^ *{re.escape(marker[0])}{{{len(marker)},}} *$")
    k = start
    while k < len(lines):
        if close.match(lines[k]):
            return k
        opening = FENCE.match(lines[k])
        if marker[0] == ":" and opening and (opening["marker"][0] != ":" or opening["info"].strip()):
            k = _closing_line(lines, k + 1, opening["marker"]) + 1  # skip a nested fence whole
            continue
        k += 1
    raise MystError(f"unclosed fence {marker!r} (opened at line {start})")


def _directive(match: re.Match[str], body_lines: list[str]) -> Directive:
    """A :class:`Directive` from its opening fence and the lines inside it."""
    info = DIRECTIVE_INFO.match(match["info"].strip())
    assert info is not None
    indent = match["indent"]
    lines = [line[len(indent):] if line.startswith(indent) else line.lstrip() for line in body_lines]
    options: dict[str, str] = {}
    if lines and lines[0].strip() == "---":
        end = lines.index("---", 1)
        options = {str(k): str(v) for k, v in (yaml.safe_load("\n".join(lines[1:end])) or {}).items()}
        lines = lines[end + 1:]
    while lines and (option := OPTION.match(lines[0])):
        options[option["key"]] = option["value"].strip()
        lines = lines[1:]
    return Directive(info["name"], info["argument"].strip(), options, "\n".join(lines).strip("\n"), indent)


def parse(text: str) -> list[str | Directive]:
    """Split ``text`` into plain Markdown chunks and :class:`Directive` blocks, in order.

    Plain code fences stay inside the chunks, verbatim.
    """
    lines = text.split("\n")
    nodes: list[str | Directive] = []
    chunk: list[str] = []
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        info = match["info"].strip() if match else ""
        if match is None or (match["marker"][0] == ":" and not info):
            chunk.append(lines[i])
            i += 1
            continue
        end = _closing_line(lines, i + 1, match["marker"])
        if DIRECTIVE_INFO.match(info):
            if chunk:
                nodes.append("\n".join(chunk))
                chunk = []
            nodes.append(_directive(match, lines[i + 1:end]))
        else:
            chunk.extend(lines[i:end + 1])  # a code block (or a colon fence without a name)
        i = end + 1
    if chunk:
        nodes.append("\n".join(chunk))
    return nodes


def only_kept(argument: str) -> bool:
    """Whether an ``{only}`` block with this expression shows in the HTML book."""
    expression = " ".join(argument.split())
    if expression in ("html", "not latex"):
        return True
    if expression in ("latex", "not html"):
        return False
    raise MystError(f"{{only}} expression {argument!r} not understood")


def directives(text: str) -> Iterator[Directive]:
    """Every directive of ``text`` in document order, nested ones included, none from dropped blocks."""
    for node in parse(text):
        if isinstance(node, Directive):
            if node.name == "only" and not only_kept(node.argument):
                continue
            yield node
            yield from directives(node.body)


# ---------------------------------------------------------------- inline roles


def _split_labelled(content: str) -> tuple[str, str]:
    """``text <target>`` as (text, target); a bare ``target`` as ("", target)."""
    match = LABELLED.match(content)
    return (match["text"].strip(), match["target"].strip()) if match else ("", content.strip())


def _role_glue_text(content: str, ctx: Context) -> str:
    key, spec = content, "s"
    head, sep, tail = content.rpartition(":")
    if sep and not head.endswith(":") and head:
        key, spec = head, tail
    data = ctx.glued_data(key)
    if "text/plain" not in data:
        raise MystError(f"glued value {key!r} has no text/plain")
    return format_plain_text(data["text/plain"], spec)


def _role_glue_md(content: str, ctx: Context) -> str:
    key, _, fmt = content.partition(":")
    data = ctx.glued_data(key)
    if "text/markdown" not in data:
        raise MystError(f"glued value {key!r} has no text/markdown")
    text = str(data["text/markdown"]).strip()
    return render(text, ctx) if fmt == "myst" else text


def _role_glue_any(content: str, ctx: Context) -> str:
    data = ctx.glued_data(content)
    if "text/markdown" in data:
        return str(data["text/markdown"]).strip()
    if any(mime in data for mime in IMAGE_TYPES):
        return f"![{content}]({ctx.attach(data)})"
    return format_plain_text(data.get("text/plain", ""), "")


def _cite(content: str, ctx: Context, textual: bool) -> str:
    keys = [k.strip() for k in content.split(",") if k.strip()]
    ctx.citations += len(keys)
    for key in keys:
        ctx.book.bibliography.check(key)
        if key not in ctx.cited:
            ctx.cited.append(key)
    return ctx.book.bibliography.textual(keys) if textual else ctx.book.bibliography.parenthetical(keys)


def _role_doc(content: str, ctx: Context) -> str:
    text, target = _split_labelled(content)
    docname = ctx.book.resolve(ctx.docname, target)
    return ctx.link(text or ctx.book.titles[docname], docname)


def _role_ref(content: str, ctx: Context, numbered: bool = False) -> str:
    text, label = _split_labelled(content)
    target = ctx.book.target(label)
    if numbered:
        if target.number is None:
            raise MystError(f"{{numref}} to {label!r}, which has no number")
        caption = target.numbered
        text = text.replace("%s", str(target.number)).replace("{number}", str(target.number)) if text else caption
        text = text.replace("{name}", target.title)
    return ctx.link(text or target.reference_text, target.docname, label)


def _plain_word(content: str, ctx: Context) -> str:
    text, target = _split_labelled(content)
    return text or target.lstrip("!")


ROLES: dict[str, Callable[[str, Context], str]] = {
    "glue:text": _role_glue_text,
    "glue:md": _role_glue_md,
    "glue": _role_glue_any,
    "glue:any": _role_glue_any,
    "cite": lambda c, ctx: _cite(c, ctx, textual=False),
    "cite:p": lambda c, ctx: _cite(c, ctx, textual=False),
    "cite:ps": lambda c, ctx: _cite(c, ctx, textual=False),
    "cite:t": lambda c, ctx: _cite(c, ctx, textual=True),
    "cite:ts": lambda c, ctx: _cite(c, ctx, textual=True),
    "doc": _role_doc,
    "ref": _role_ref,
    "numref": lambda c, ctx: _role_ref(c, ctx, numbered=True),
    "term": _plain_word,
    "index": _plain_word,  # Sphinx shows the word and indexes it; the index is the book's
    "abbr": lambda c, ctx: re.sub(r"\s*\(.*\)\s*$", "", c),
    "math": lambda c, ctx: f"${c}$",
    "eq": lambda c, ctx: f"({_split_labelled(c)[1]})",
    "sub": lambda c, ctx: f"<sub>{c}</sub>",
    "sup": lambda c, ctx: f"<sup>{c}</sup>",
}


def render_inline(text: str, ctx: Context) -> str:
    """Replace every role in prose ``text``; plain code spans stay as they are."""

    def replace(match: re.Match[str]) -> str:
        role = match["role"]
        if role is None:
            return match[0]
        if role not in ROLES:
            raise MystError(f"unknown role {{{role}}}")
        return ROLES[role](match["content"], ctx)

    return ROLE.sub(replace, text)


def _render_chunk(text: str, ctx: Context) -> list[str]:
    """A plain chunk: target and comment lines dropped, roles rendered, code blocks verbatim."""
    out: list[str] = []
    prose: list[str] = []
    fence = ""
    for line in text.split("\n"):
        if fence:
            out.append(line)
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            continue
        match = FENCE.match(line)
        if match and match["marker"][0] != ":":
            out.extend(render_inline("\n".join(prose), ctx).split("\n") if prose else [])
            prose, fence = [], match["marker"]
            out.append(line)
        elif not (TARGET_LINE.match(line) or COMMENT_LINE.match(line)):
            prose.append(line)
    if prose:
        out.extend(render_inline("\n".join(prose), ctx).split("\n"))
    return out


# ---------------------------------------------------------------- directives


def blockquote(title: str, body: str) -> str:
    """A headed blockquote: ``> **title**``, then the body, every line quoted."""
    lines = [f"> **{title}**", ">"] if title else []
    lines += [f"> {line}" if line.strip() else ">" for line in body.split("\n")]
    while lines and lines[-1] == ">":
        lines.pop()
    return "\n".join(lines)


def details(summary: str, body: str, is_open: bool = False) -> str:
    """A ``<details>`` block, closed unless ``is_open``, with blank lines so its Markdown renders."""
    return f"<details{' open' if is_open else ''}>\n<summary>{summary}</summary>\n\n{body}\n\n</details>"


def _admonition(d: Directive, ctx: Context) -> str:
    if d.name == "admonition":
        title, body = d.argument, d.body
    else:
        title = ADMONITIONS[d.name]
        body = f"{d.argument}\n{d.body}" if d.argument else d.body
    text = render(body, ctx)
    if "dropdown" in d.classes or "toggle" in d.classes:
        return details(render_inline(title, ctx), text)
    return blockquote(render_inline(title, ctx), text)


def _exercise(d: Directive, ctx: Context) -> str:
    if "nonumber" in d.options:
        title = "Exercise"
    else:
        ctx.exercises += 1
        label = d.options.get("label")
        if label and ctx.book.target(label).number != ctx.exercises:
            raise MystError(f"exercise {label!r} numbered {ctx.exercises} here but not in the book's labels")
        title = f"Exercise {ctx.exercises}"
    heading = f"{title} ({render_inline(d.argument, ctx)})" if d.argument else title
    text = render(d.body, ctx)
    return details(heading, text) if "dropdown" in d.classes else blockquote(heading, text)


def _solution(d: Directive, ctx: Context) -> str:
    target = ctx.book.target(d.argument)
    if target.kind != "exercise":
        raise MystError(f"{{solution}} {d.argument!r} names no exercise")
    return details(f"Solution to {target.numbered}", render(d.body, ctx))


def _glue_directive(d: Directive, ctx: Context) -> str:
    data = ctx.glued_data(d.argument)
    if d.name == "glue:md" or (d.name in ("glue", "glue:any") and "text/markdown" in data):
        text = str(data.get("text/markdown", "")).strip()
        return render(text, ctx) if d.options.get("format") == "myst" else text
    if d.name == "glue:math":
        return f"$$\n{format_plain_text(data.get('text/latex', data.get('text/plain', '')), '').strip('$')}\n$$"
    if d.name == "glue:figure" or any(mime in data for mime in IMAGE_TYPES):
        caption = render(d.body, ctx) if d.body else ""
        image = f"![{d.options.get('alt', caption or d.argument)}]({ctx.attach(data)})"
        return f"{image}\n\n*{caption}*" if caption else image
    return "```\n" + format_plain_text(data.get("text/plain", ""), "") + "\n```"


def _only(d: Directive, ctx: Context) -> str | None:
    return render(d.body, ctx) if only_kept(d.argument) else None


def _dropdown(d: Directive, ctx: Context) -> str:
    return details(render_inline(d.argument, ctx), render(d.body, ctx), is_open="open" in d.options)


def _code(d: Directive, ctx: Context) -> str:
    return f"```{d.argument}\n{d.body}\n```"


DIRECTIVES: dict[str, Callable[[Directive, Context], str | None]] = {
    "admonition": _admonition,
    **dict.fromkeys(ADMONITIONS, _admonition),
    "exercise": _exercise,
    "solution": _solution,
    **dict.fromkeys(("glue", "glue:", "glue:any", "glue:md", "glue:figure", "glue:math"), _glue_directive),
    "only": _only,
    "dropdown": _dropdown,
    "math": lambda d, ctx: f"$$\n{d.body}\n$$",
    **dict.fromkeys(("code", "code-block", "sourcecode"), _code),
}


def render(text: str, ctx: Context) -> str:
    """``text`` (MyST Markdown) as plain Jupyter Markdown."""
    out: list[str] = []
    for node in parse(text):
        if isinstance(node, str):
            lines = _render_chunk(node, ctx)
            while out and out[-1] == "" and lines and not lines[0].strip():
                lines = lines[1:]
            out.extend(lines)
            continue
        handler = DIRECTIVES.get(node.name)
        if handler is None:
            hint = " (the gated form is not supported: use one directive)" if node.name in GATED else ""
            raise MystError(f"unknown directive {{{node.name}}}{hint}")
        block = handler(node, ctx)
        if block is None:
            continue
        if out and out[-1].strip():
            out.append("")
        out.extend(node.indent + line if line else "" for line in block.split("\n"))
        out.append("")
    return "\n".join(out).strip("\n")
