"""A learner's install: `pip install forcecouple` (no extra) runs every learner notebook.

The module's fixture builds the wheel from a copy of what ships (pyproject.toml,
README.md, the licences, lib/), installs it with no extra, plus ipykernel, into
a fresh virtual environment (versions held to requirements.txt's, so pip's cache
serves them), and runs each learner notebook (``make notebooks``:
``_build/notebooks/<page>.ipynb``) in a kernel of that environment, from a
folder outside the repository: no error, nothing on stderr, and the explorers'
widgets where the chapter shows explorers. Without myst-nb and Sphinx in that
environment, a notebook that needs them fails here. And where the library is
missing and cannot be installed (no git on PATH), the install cell must stop the
notebook with a RuntimeError that says what to do.

``FORCECOUPLE_LEARNER_NOTEBOOKS=<folder>`` runs the notebooks of another folder
(``chapters`` itself, say) instead of ``_build/notebooks``.

The quick checks beside it: Binder's and the ``[book]`` extra's pins agree with
requirements.txt, the runtime dependencies have bounds that requirements.txt's
pins meet, every chapter's install cell installs the library with no extra, and glue is
skipped without myst-nb.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
import tomllib
import yaml
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from forcecouple import book
from forcecouple.view import PUBLIC

ROOT = Path(__file__).resolve().parents[1]
LEARNER = Path(os.environ.get("FORCECOUPLE_LEARNER_NOTEBOOKS", ROOT / "_build" / "notebooks"))
CHAPTERS = sorted((ROOT / "chapters").rglob("*.ipynb"))
SHIPPED = ("pyproject.toml", "README.md", "LICENSE", "LICENSE-CONTENT.md", "lib")
LICENCES = ("LICENSE", "LICENSE-CONTENT.md")
WIDGET = "application/vnd.jupyter.widget-view+json"
#: What shows an explorer: the explorers' functions and the widget classes.
EXPLORERS = re.compile(r"\b({})\(".format("|".join(
    name for name in (*PUBLIC["explorers"], *PUBLIC["widgets"]) if name[0].islower() or name.endswith("Explorer"))))
KERNEL = "forcecouple-learner"
CELL_TIMEOUT = 120  # seconds, as the book's execute.timeout


def pins(lines: list[str]) -> dict[str, str]:
    """``name==version`` lines (comments, options and other lines skipped), by canonical name."""
    found = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if "==" in line and not line.startswith("-"):
            requirement = Requirement(line)
            found[canonicalize_name(requirement.name)] = str(requirement.specifier).removeprefix("==")
    return found


def requirement_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


PINNED = pins(requirement_lines(ROOT / "requirements.txt"))
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def first_code_cell(notebook: Path) -> dict:
    return next(c for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code")


def chapter_id(path: Path) -> str:
    return str(path.relative_to(ROOT / "chapters").with_suffix(""))


# --- quick checks ----------------------------------------------------------------------------


def test_binder_pins_are_requirements_pins():
    binder = pins(requirement_lines(ROOT / "binder" / "requirements.txt"))
    assert {name: PINNED.get(name) for name in binder} == binder
    runtime = {canonicalize_name(Requirement(r).name) for r in PROJECT["dependencies"]}
    assert runtime | {"jupyterlab", "jupyterlab-widgets", "ipykernel"} <= set(binder)


def test_binder_requirements_install_before_the_repository_is_copied():
    """repo2docker installs a requirements.txt before copying the repository only
    when no line refers to a local path (``-e .``, ``./``, ``file:``, another file)."""
    local = [line for line in requirement_lines(ROOT / "binder" / "requirements.txt")
             if re.match(r"\s*(-e|--editable|-r|-c|\.|/|file:)", line)]
    assert local == []
    assert "pip install --no-cache-dir --no-deps ." in (ROOT / "binder" / "postBuild").read_text(encoding="utf-8")
    assert os.access(ROOT / "binder" / "postBuild", os.X_OK)


def test_the_book_extra_pins_the_toolchain_as_requirements_does():
    book = [Requirement(r) for r in PROJECT["optional-dependencies"]["book"]]
    assert {canonicalize_name(r.name): str(r.specifier).removeprefix("==") for r in book} == {
        canonicalize_name(r.name): PINNED[canonicalize_name(r.name)] for r in book}
    assert {"jupyter-book", "sphinx", "myst-nb"} <= {canonicalize_name(r.name) for r in book}


@pytest.mark.parametrize("requirement", PROJECT["dependencies"])
def test_each_runtime_dependency_has_bounds_that_the_pins_meet(requirement):
    parsed = Requirement(requirement)
    operators = {spec.operator for spec in parsed.specifier}
    assert operators == {">=", "<"} or (operators == {"=="} and str(parsed.specifier).endswith(".*")), requirement
    assert parsed.specifier.contains(PINNED[canonicalize_name(parsed.name)]), (requirement, "requirements.txt")


@pytest.mark.parametrize("notebook", CHAPTERS, ids=chapter_id)
def test_each_install_cell_installs_the_library_with_no_extra_and_stops_loudly(notebook):
    cell = first_code_cell(notebook)
    source = "".join(cell["source"])
    url = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]["url"]
    assert f'%pip install --quiet "forcecouple @ git+{url}"' in source
    assert "raise RuntimeError" in source and "Could not install forcecouple" in source
    assert {"remove-cell", "install"} <= set(cell["metadata"].get("tags", []))


def test_glue_is_skipped_without_myst_nb(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setitem(sys.modules, "myst_nb", None)  # `import myst_nb` now raises ImportError
    assert book.glue("hidden", 1.5, display=False) is None
    assert book.glue_number("tilt", 20.64) is None
    assert capsys.readouterr().out == ""
    book.glue("shown", "a value myst-nb would show")
    assert "a value myst-nb would show" in capsys.readouterr().out


# --- the fresh environment -------------------------------------------------------------------


@dataclass(frozen=True)
class Learner:
    """A fresh environment with the wheel installed, and a kernel spec for it."""

    wheel: Path
    python: Path
    kernels: Path
    home: Path
    install_seconds: float
    megabytes: int

    def execute(self, notebook: nbformat.NotebookNode, cwd: Path, env: dict[str, str] | None = None) -> None:
        """Run ``notebook`` in place, in a kernel of this environment started in ``cwd``."""
        manager = KernelManager(kernel_name=KERNEL,
                                kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(self.kernels)]))
        client = NotebookClient(notebook, km=manager, timeout=CELL_TIMEOUT, resources={"metadata": {"path": str(cwd)}})
        client.execute(env=env or self.env())

    def env(self, **changes: str) -> dict[str, str]:
        """The kernel's environment: the fresh one's ``bin`` first, no trace of the book's .venv."""
        env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "MPLBACKEND")}
        env.update(PATH=f"{self.python.parent}{os.pathsep}{env.get('PATH', '')}",
                   MPLCONFIGDIR=str(self.home / "matplotlib"))
        return env | changes


def run(*args: str | Path, cwd: Path | None = None) -> None:
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(map(str, args))} failed:\n{done.stdout}\n{done.stderr}"


def megabytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink()) // 2**20


@pytest.fixture(scope="module")
def learner(tmp_path_factory: pytest.TempPathFactory) -> Learner:
    tmp = tmp_path_factory.mktemp("learner")
    source = tmp / "source"
    source.mkdir()
    for name in SHIPPED:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(ROOT / name, source / name)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", tmp / "dist", source)
    wheel = next((tmp / "dist").glob("forcecouple-*.whl"))
    # requirements.txt's pins as constraints: the versions the book is tested with, from pip's cache.
    constraints = tmp / "constraints.txt"
    constraints.write_text("".join(f"{name}=={version}\n" for name, version in PINNED.items()), encoding="utf-8")
    venv = tmp / "venv"
    start = time.perf_counter()
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    # --no-compile: no .pyc written at install (Python compiles what a notebook imports
    # when it imports it); the same files otherwise, in under half the time (19 s, not 43 s).
    run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-compile",
        "--constraint", constraints, wheel, "ipykernel")
    seconds = time.perf_counter() - start
    size = megabytes(venv)
    print(f"\nlearner install: `pip install forcecouple` (no extra) + ipykernel in a fresh venv: "
          f"{seconds:.1f} s, {size} MB")
    kernels = tmp / "kernels"
    (kernels / KERNEL).mkdir(parents=True)
    spec = {"argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "forcecouple (learner)", "language": "python"}
    (kernels / KERNEL / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    found = Learner(wheel, python, kernels, tmp, seconds, size)
    # Matplotlib's first import builds its font cache and says so on stderr: once, here.
    subprocess.run([python, "-c", "import matplotlib.pyplot"], env=found.env(), check=True, capture_output=True)
    return found


@pytest.fixture(scope="module")
def learner_notebooks() -> Path:
    """``_build/notebooks`` (``make notebooks`` writes it when it is missing)."""
    if not LEARNER.is_dir():
        done = subprocess.run(["make", "--no-print-directory", "notebooks"], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, f"make notebooks failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return LEARNER


def test_the_wheel_ships_both_licences_and_needs_no_book_toolchain(learner: Learner):
    with zipfile.ZipFile(learner.wheel) as wheel:
        names = wheel.namelist()
        metadata = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert {f"licenses/{name}" for name in LICENCES} <= {n.split(".dist-info/", 1)[-1] for n in names}
    base = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:") and "extra ==" not in line]
    assert base and not [line for line in base if re.search(r"myst|sphinx|jupyter-book", line, re.IGNORECASE)]
    installed = subprocess.run([learner.python, "-c", "import importlib.util as u; "
                                "print([m for m in ('myst_nb', 'sphinx') if u.find_spec(m)])"],
                               capture_output=True, text=True, check=True).stdout.strip()
    assert installed == "[]"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=chapter_id)
def test_each_learner_notebook_runs_on_the_library_alone(learner: Learner, learner_notebooks: Path,
                                                        chapter: Path, tmp_path: Path):
    name = chapter.relative_to(ROOT)
    source = learner_notebooks / name
    if not source.exists():  # the folder holds the chapters themselves (FORCECOUPLE_LEARNER_NOTEBOOKS=chapters)
        source = learner_notebooks / chapter.relative_to(ROOT / "chapters")
    assert source.exists(), f"no learner notebook for {name} in {learner_notebooks}"
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy2(source, work / source.name)
    notebook = nbformat.read(work / source.name, as_version=4)
    start = time.perf_counter()
    try:
        learner.execute(notebook, work)
    except CellExecutionError as error:
        plain = re.sub(r"\x1b\[[0-9;]*m", "", str(error))  # IPython's colours
        pytest.fail(f"{name} failed in a fresh `pip install forcecouple` kernel:\n{plain[-3000:]}")
    print(f"{name}: {time.perf_counter() - start:.1f} s")
    code = [c for c in notebook.cells if c.cell_type == "code"]
    stderr = [o.text for c in code for o in c.outputs if o.output_type == "stream" and o.name == "stderr"]
    assert stderr == [], f"{name} wrote to stderr"
    shows_explorers = any(EXPLORERS.search(c.source) for c in code)
    widgets = [c.id for c in code if any(WIDGET in o.get("data", {}) for o in c.outputs)]
    assert bool(widgets) == shows_explorers, f"{name}: widget outputs in cells {widgets}"


def test_the_install_cell_stops_the_notebook_with_what_to_do(learner: Learner, tmp_path: Path):
    """No library and no way to install it (no git on PATH): the cell raises, saying what failed and what to do."""
    shadow = tmp_path / "shadow" / "forcecouple"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text('raise ImportError("forcecouple is not installed (a test stand-in)")\n')
    cell = first_code_cell(CHAPTERS[0])
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("".join(cell["source"]))])
    env = learner.env(PYTHONPATH=str(shadow.parent), PATH=str(learner.python.parent))
    with pytest.raises(CellExecutionError) as raised:
        learner.execute(notebook, tmp_path, env)
    message = str(raised.value)
    assert "RuntimeError" in message and "Could not install forcecouple" in message
    assert "Check your internet connection" in message and "restart the kernel" in message
    assert 'pip install "forcecouple @ git+' in message
