"""The package's three floors, read from the source with ``ast``.

model/ imports nothing from course/ or view/; course/ nothing from view/;
neither imports a display or notebook library, not even inside a function. No
module reads another module's private (``_name``) members or imports them; the
package's own helper modules ``_validate`` and ``_data`` are the exception
they are made for.
"""

from __future__ import annotations

import ast
import json
import pathlib
import re

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parent.parent / "lib" / "forcecouple"
FLOORS = ("model", "course", "view")
#: Which floors each floor may not import.
ABOVE = {"model": {"course", "view"}, "course": {"view"}}
DISPLAY = {"matplotlib", "anywidget", "ipywidgets", "IPython", "traitlets", "jupyterquiz", "myst_nb"}
#: Private modules of the package that every floor may import.
SHARED_HELPERS = {"_validate", "_data"}
#: IPython's display protocol: called on ``super()``, named with a leading underscore.
PROTOCOL_PREFIXES = ("_repr_", "_ipython_")


def dotted(path: pathlib.Path, package: pathlib.Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: pathlib.Path, package: pathlib.Path) -> list[tuple[str, list[str], int]]:
    """(absolute module, names imported from it, line) for every import in ``path``, nested ones too."""
    here = dotted(path, package)
    parent = here if path.name == "__init__.py" else here.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, [], node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = parent.split(".")[:len(parent.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            out.append((module, [a.name for a in node.names], node.lineno))
    return out


def floor(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in FLOORS else None


def floor_breaches(path: pathlib.Path, package: pathlib.Path) -> list[str]:
    """Imports of ``path`` that reach a floor above its own, or a display library below view/."""
    here = floor(dotted(path, package))
    if here not in ABOVE:
        return []
    found = []
    for module, names, line in imports(path, package):
        reached = [t for t in [module] + [f"{module}.{n}" for n in names] if floor(t) in ABOVE[here]]
        if reached:
            found.append(f"{path.name}:{line} imports {reached[-1]} ({here}/ may not use {sorted(ABOVE[here])})")
        if module.split(".")[0] in DISPLAY:
            found.append(f"{path.name}:{line} imports {module}, a display library")
    return found


def private_reads(path: pathlib.Path, package: pathlib.Path) -> list[str]:
    """Private modules or names that ``path`` imports, and private members it reads off other objects."""
    found = []
    for module, names, line in imports(path, package):
        last = module.rsplit(".", 1)[-1]
        if last.startswith("_") and not last.startswith("__") and last not in SHARED_HELPERS:
            found.append(f"{path.name}:{line} imports the private module {module}")
        found += [f"{path.name}:{line} imports the private name {n} from {module}"
                  for n in names if n.startswith("_") and n not in SHARED_HELPERS]
    tree = ast.parse(path.read_text("utf-8"))
    own = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.ClassDef)}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")):
            continue
        owner = node.value
        if isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
            continue
        if isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name) and owner.func.id == "super":
            continue
        # IPython's protocol, and a module's own helpers reached through its own
        # objects (``joint._basis`` inside joint.py), are not another module's privates.
        if node.attr.startswith(PROTOCOL_PREFIXES) or node.attr in own:
            continue
        found.append(f"{path.name}:{node.lineno} reads the private member .{node.attr}")
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))
IDS = [str(p.relative_to(PACKAGE)) for p in MODULES]


def test_the_three_floors_exist():
    assert all((PACKAGE / name / "__init__.py").is_file() for name in FLOORS)


@pytest.mark.parametrize("path", MODULES, ids=IDS)
def test_no_floor_imports_a_floor_above_it_nor_model_or_course_a_display_library(path):
    assert floor_breaches(path, PACKAGE) == []


@pytest.mark.parametrize("path", MODULES, ids=IDS)
def test_no_module_imports_or_reads_another_modules_private_members(path):
    assert private_reads(path, PACKAGE) == []


def test_the_checks_catch_a_broken_floor_and_a_private_read(tmp_path):
    package = tmp_path / "forcecouple"
    for folder in ("model", "course", "view"):
        (package / folder).mkdir(parents=True)
    bad = package / "model" / "bad.py"
    bad.write_text("from ..course import adaptation\n\n\ndef f(joint):\n"
                   "    from ..view.style import INK\n    import matplotlib.pyplot\n"
                   "    from ..course.programme import _follow\n    return joint._geometry_cache, INK\n")
    breaches = floor_breaches(bad, package)
    assert len(breaches) == 4, breaches  # course, view.style, matplotlib, course.programme
    assert any("forcecouple.view.style" in b for b in breaches)
    privates = private_reads(bad, package)
    assert any("_follow" in p for p in privates) and any("._geometry_cache" in p for p in privates)
    good = package / "course" / "good.py"
    good.write_text("from .. import _validate as check\nfrom ..model import pelvis\n\n\n"
                    "class A:\n    def f(self):\n        return self._x, super()._repr_png_()\n")
    assert floor_breaches(good, package) == [] and private_reads(good, package) == []


HEX = re.compile(r"""["'`]#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})["'`]""")
ROOT = PACKAGE.parent.parent


def colour_sources() -> list[pathlib.Path]:
    """Code that could carry a colour: the library's Python and JavaScript, the chapters, the extensions."""
    files = [*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.js"), *(ROOT / "chapters").rglob("*.ipynb"),
             *(ROOT / "_ext").glob("*.py")]
    return sorted(f for f in files if f != PACKAGE / "view" / "style.py")


def code_of(path: pathlib.Path) -> str:
    """A file's text; for a notebook, its cells' sources."""
    if path.suffix == ".ipynb":
        return "\n".join("".join(cell["source"]) for cell in json.loads(path.read_text("utf-8"))["cells"])
    return path.read_text("utf-8")


def test_every_colour_is_written_in_view_style_only():
    found = [f"{path.relative_to(ROOT)}: {m.group()}" for path in colour_sources()
             for m in HEX.finditer(code_of(path))]
    assert found == [], "colours belong in forcecouple/view/style.py (the widgets get them through their spec)"


def test_the_colour_check_sees_a_colour():
    assert HEX.search('ax.plot(x, y, color="#000000")') and HEX.search("stroke: '#e5e5e5'")
    assert not HEX.search("## Exercises") and not HEX.search('"#1 rule"')


CHAPTERS = sorted((ROOT / "chapters").rglob("*.ipynb"))
MAGIC = re.compile(r"^(\s*)[%!].*$", re.MULTILINE)


@pytest.mark.parametrize("path", CHAPTERS, ids=[str(p.relative_to(ROOT / "chapters")) for p in CHAPTERS])
def test_chapters_import_the_library_only_from_its_top(path):
    """``from forcecouple import x``: the package's inner layout may move without touching a chapter."""
    found = []
    for cell in json.loads(path.read_text("utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        # IPython's magics (%pip, !cmd) are not Python: read them as `pass`.
        source = MAGIC.sub(r"\1pass", "".join(cell["source"]))
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("forcecouple."):
                found.append(f"from {node.module} import ...")
            elif isinstance(node, ast.Import):
                found += [f"import {a.name}" for a in node.names if a.name.startswith("forcecouple.")]
    assert found == []
