"""A learner's notebook in a real JupyterLab: run it, answer a quiz, move the explorer.

The module starts JupyterLab (from this venv, on 127.0.0.1 and a free port, with
a token) on a temporary folder holding a copy of the force-couples learner
notebook (``_build/notebooks/chapters/force_couples.ipynb``, made by ``make
notebooks``; the chapter notebook itself while that does not exist yet), opens it
in Chromium, runs all cells once, and stops JupyterLab at the end. Then:

* the Markdown shows no raw MyST (learner notebook only);
* a quiz answers, with no request outside 127.0.0.1 and no console error
  (jupyterquiz used to fetch MathJax from a CDN here, then throw; see
  forcecouple.view.quiz);
* a slider of the floating-bone explorer, moved by keyboard, reaches Python.

The copy gets one more code cell at its end (``PROBE``): it prints the explorer's
state as Python sees it, and is run again after the slider moves.
"""

from __future__ import annotations

import importlib.util
import json
import os
import pathlib
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from forcecouple import floating_bone_explorer, quiz_questions

ROOT = pathlib.Path(__file__).resolve().parents[2]
LEARNER = ROOT / "_build" / "notebooks" / "chapters" / "force_couples.ipynb"
CHAPTER = ROOT / "chapters" / "force_couples.ipynb"
NOTEBOOK = "force_couples.ipynb"
TOKEN = "forcecouple-browser-test"
RAW_MYST = (":::{", "```{", "{glue", "{cite}", "{numref}", "{ref}", "{doc}", "{term}", "{eq}", "{download}")
PROBE_MARK = "FC-PROBE"
PROBE = f"""# test probe: the floating-bone explorer as Python sees it
import gc as _gc
import json as _json

from forcecouple.view.widgets.joint import JointExplorer as _JointExplorer

_explorer = next(o for o in _gc.get_objects() if isinstance(o, _JointExplorer))
print("{PROBE_MARK}", _json.dumps({{"values": list(_explorer.values), "angle": _explorer.angle}}))
"""
# Settings for this server only: no news or update checks (the network), and every
# cell kept in the page (no windowing), so the test sees the whole notebook.
SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}
# Run All has finished when the last cell (the probe: cells run in order, and an error
# stops the rest) has its execution count and no cell waits ("[*]"). Cells whose input
# is collapsed (hide-input: jupyter.source_hidden) show no prompt, so only these count.
ALL_RUN = """() => {
  const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')]
    .map((p) => p.textContent.trim());
  return prompts.length > 0 && /^\\[\\d+\\]:$/.test(prompts[prompts.length - 1])
    && !prompts.some((t) => t.includes('*'));
}"""

KERNEL_IDLE = """() => [...document.querySelectorAll('.jp-StatusBar-TextItem')]
  .some((e) => /\\| Idle$/.test(e.textContent.trim()) && !e.textContent.startsWith('No Kernel'))"""


def _missing(what: str) -> None:
    if os.environ.get("FORCECOUPLE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} (FORCECOUPLE_REQUIRE_BROWSER=1 turns this skip into a failure)")
    pytest.skip(what)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _learner_notebook() -> tuple[pathlib.Path, bool]:
    """The learner notebook (``make notebooks`` when it is missing and the target exists),
    else the chapter notebook; and whether it is the learner one."""
    if not LEARNER.exists():
        has_target = subprocess.run(["make", "-n", "notebooks"], cwd=ROOT, capture_output=True).returncode == 0
        if has_target:
            subprocess.run(["make", "notebooks"], cwd=ROOT, check=True, capture_output=True, timeout=600)
    if LEARNER.exists():
        return LEARNER, True
    return CHAPTER, False


def _with_probe(source: pathlib.Path, target: pathlib.Path) -> None:
    notebook = json.loads(source.read_text(encoding="utf-8"))
    notebook["cells"].append({"cell_type": "code", "execution_count": None, "id": "fc-probe",
                              "metadata": {}, "outputs": [], "source": PROBE})
    target.write_text(json.dumps(notebook, indent=1), encoding="utf-8")


@dataclass
class Lab:
    """JupyterLab with the notebook open and run once, and what its page did."""

    page: Page
    origin: str
    learner: bool
    seconds: dict[str, float]
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def outside(self) -> list[str]:
        """Requests that left 127.0.0.1 (blob: and data: URLs never leave the page)."""
        return [u for u in self.requests
                if not (u.startswith((self.origin + "/", "blob:" + self.origin + "/", "data:")))]

    def probe(self) -> dict[str, Any]:
        """The explorer's state printed by the probe cell (the notebook's last cell)."""
        output = self.page.locator(".jp-Notebook .jp-CodeCell").last.locator(".jp-OutputArea-output")
        expect(output).to_contain_text(PROBE_MARK, timeout=30_000)
        text = output.inner_text()
        return json.loads(text[text.index(PROBE_MARK) + len(PROBE_MARK):].strip().splitlines()[0])

    def rerun_probe(self) -> dict[str, Any]:
        """Run the probe cell again (click in it, Ctrl+Enter) and read what it prints."""
        cell = self.page.locator(".jp-Notebook .jp-CodeCell").last
        prompt = cell.locator(".jp-InputPrompt")
        previous = prompt.inner_text().strip()
        cell.locator(".jp-InputArea-editor").click()
        self.page.keyboard.press("Control+Enter")
        expect(prompt).not_to_have_text(previous, timeout=10_000)
        expect(prompt).to_have_text(re.compile(r"^\s*\[\d+\]:\s*$"), timeout=30_000)
        return self.probe()


#: A second notebook: the fix tool and the photo tool of issue 17, side by side.
TOOLS = "tools.ipynb"
TOOLS_MARK = "FC-TOOLS "
TOOLS_NOTEBOOK = {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {
    "display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}}, "cells": [
    {"cell_type": "code", "execution_count": None, "id": f"tools-{i}", "metadata": {}, "outputs": [], "source": source}
    for i, source in enumerate([
        "from forcecouple import fix_explorer, tilt_photo\n\nfix = fix_explorer()\nfix",
        "photo = tilt_photo()\nphoto",
        f"import json\nprint({TOOLS_MARK!r} + json.dumps({{'target': fix.target, 'tilt': photo.tilt, "
        "'reading': photo.reading()}))",
    ])]}


def _wait_for_server(origin: str, process: subprocess.Popen, log: pathlib.Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{origin}/api/status?token={TOKEN}", timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.25)
    raise RuntimeError(f"JupyterLab did not answer within 60 s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def lab(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    if importlib.util.find_spec("jupyterlab") is None:
        _missing("JupyterLab is not installed: pip install -r requirements.txt")
    start = time.monotonic()
    source, learner = _learner_notebook()
    base = tmp_path_factory.mktemp("jupyterlab")
    root, settings = base / "root", base / "settings"
    root.mkdir()
    _with_probe(source, root / NOTEBOOK)
    (root / TOOLS).write_text(json.dumps(TOOLS_NOTEBOOK, indent=1), encoding="utf-8")
    for name, values in SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings),
           "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces"), "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
           "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--ServerApp.token={TOKEN}",
               "--ip", "127.0.0.1", "--port", str(port), f"--ServerApp.root_dir={root}",
               "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               "--ServerApp.port_retries=0"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = base / "jupyterlab.log"
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for_server(origin, process, log)
        seconds = {"make notebooks and server": time.monotonic() - start}
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        session = Lab(page=page, origin=origin, learner=learner, seconds=seconds)
        page.on("request", lambda r: session.requests.append(r.url))
        # Whatever would leave the machine is recorded above and refused here.
        page.route(lambda url: not url.startswith((origin + "/", "blob:", "data:")), lambda route: route.abort())
        page.on("console", lambda m: session.console.append(f"console.{m.type}: {m.text}")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: session.errors.append(str(e)))
        page.goto(f"{origin}/lab/tree/{NOTEBOOK}?token={TOKEN}&reset", wait_until="load")
        expect(page.locator(".jp-Notebook .jp-Cell").first).to_be_visible(timeout=60_000)
        # The notebook's kernel has started ("Python 3 (ipykernel) | Idle" in the status bar;
        # the toolbar's indicator says idle even before, with "No Kernel | Initializing",
        # and Run All then asks which kernel to start).
        page.wait_for_function(KERNEL_IDLE, timeout=60_000, polling=250)
        seconds["open"] = time.monotonic() - start
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        try:
            page.wait_for_function(ALL_RUN, timeout=120_000, polling=250)
        except Exception as error:
            page.screenshot(path=str(base / "run-all.png"))
            prompts = page.locator(".jp-Notebook .jp-CodeCell .jp-InputPrompt").all_inner_texts()
            raise AssertionError(f"Run All did not finish: prompts {prompts}; screenshot {base / 'run-all.png'}; "
                                 f"server log {log}:\n{log.read_text()[-3000:]}") from error
        page.wait_for_function(KERNEL_IDLE, timeout=30_000, polling=250)
        seconds["run all"] = time.monotonic() - start
        yield session
        context.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_the_notebook_runs_without_errors(lab):
    errors = lab.page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']")
    assert errors.count() == 0, errors.all_inner_texts()
    assert lab.probe()["values"], "the probe cell found the explorer"
    print(f"\nJupyterLab timings (s, cumulative): {lab.seconds}")


def test_markdown_shows_no_raw_myst(lab):
    if not lab.learner:
        pytest.skip(f"{LEARNER.relative_to(ROOT)} does not exist yet (make notebooks): the chapter notebook "
                    "itself is MyST, so this check is only meaningful for the learner notebook")
    texts = lab.page.locator(".jp-MarkdownCell .jp-RenderedMarkdown").all_inner_texts()
    assert texts, "no rendered Markdown cells"
    raw = [(token, text[:200]) for text in texts for token in RAW_MYST if token in text]
    assert raw == [], raw


def test_a_quiz_answers_offline_without_console_errors(lab):
    questions = quiz_questions("force_couples")
    first = next(q for q in questions if q["type"] == "multiple_choice")
    right = next(a for a in first["answers"] if a["correct"])
    quiz = lab.page.locator(".jp-OutputArea .Quiz").first
    expect(quiz).to_be_visible(timeout=20_000)
    quiz.scroll_into_view_if_needed()
    quiz.locator("label.MCButton", has_text=right["answer"]).click()
    expect(quiz.locator(".Feedback").first).to_contain_text(right["feedback"])
    lab.page.wait_for_timeout(1000)  # jupyterquiz's MathJax step runs 500 ms after the quiz is drawn
    assert lab.outside() == [], f"requests outside 127.0.0.1: {lab.outside()}"
    assert lab.console == [], "\n".join(lab.console)
    assert lab.errors == [], lab.errors


def test_an_explorer_slider_moved_by_keyboard_reaches_python(lab):
    before = lab.probe()
    explorer = lab.page.locator(".jp-OutputArea .fc-explorer").first
    expect(explorer).to_be_visible(timeout=20_000)
    slider = explorer.locator("input[type=range]").first
    slider.scroll_into_view_if_needed()
    slider.focus()
    slider.press("ArrowRight")
    key_step = floating_bone_explorer().spec["controls"][0]["key_step"]
    expected = before["values"][0] + key_step
    expect(slider).to_have_value(f"{expected:g}")
    # The page sends the pulls once the slider rests; then run the probe cell again
    # (until Python has them: a few tries, in case the kernel hears them late).
    after = before
    for _ in range(10):
        lab.page.wait_for_timeout(500)
        after = lab.rerun_probe()
        if after["values"] != before["values"]:
            break
    assert after["values"][0] == pytest.approx(expected), (before, after)
    assert after["values"][1:] == before["values"][1:], (before, after)
    # Python solved the new pulls: its exact angle matches the page's (the page's grid
    # answer, 0.25 degree steps, linearly interpolated).
    assert after["angle"] != before["angle"]
    assert after["angle"] == pytest.approx(float(explorer.get_attribute("data-angle")), abs=0.05)
    assert lab.console == [], "\n".join(lab.console)
    assert lab.errors == [], lab.errors
    assert lab.outside() == [], f"requests outside 127.0.0.1: {lab.outside()}"


def test_the_fix_and_photo_tools_work_in_jupyterlab(lab):
    """Issue 17's tools in JupyterLab: both render; the photo's reading, sent as a target,
    moves the fix tool on the page and reaches Python as numbers (never the photo)."""
    page = lab.page
    page.goto(f"{lab.origin}/lab/tree/{TOOLS}?token={TOKEN}&reset", wait_until="load")
    expect(page.locator(".jp-Notebook .jp-Cell").first).to_be_visible(timeout=60_000)
    page.wait_for_function(KERNEL_IDLE, timeout=60_000, polling=250)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    try:
        page.wait_for_function(ALL_RUN, timeout=120_000, polling=250)
    except Exception as error:
        shot = ROOT / "_build" / "jupyterlab-tools.png"
        page.screenshot(path=str(shot))
        raise AssertionError(f"Run All did not finish in {TOOLS}: screenshot {shot}") from error
    photo = page.locator(".jp-OutputArea .fc-photo").first
    fix = page.locator(".jp-OutputArea .fc-explorer").filter(has=page.locator("[data-role=fix]")).first
    expect(photo).to_be_visible(timeout=20_000)
    expect(fix).to_be_visible(timeout=20_000)
    marker = photo.locator("[data-point=asis]")
    marker.scroll_into_view_if_needed()
    marker.focus()
    for _ in range(4):
        page.keyboard.press("Shift+ArrowDown")  # the ASIS 40 px lower: a forward tilt
    tilt = float(photo.locator("[data-role=tilt-readout]").get_attribute("data-tilt"))
    assert tilt > 0
    photo.locator("[data-role=send]").click()
    expect(fix.locator("[data-role=fix-target-value]")).to_have_text(f"{round(tilt, 1):.1f}°")
    cell = page.locator(".jp-Notebook .jp-CodeCell").last
    out = {}
    for _ in range(10):
        page.wait_for_timeout(500)
        cell.locator(".jp-InputArea-editor").click()
        page.keyboard.press("Control+Enter")
        page.wait_for_timeout(500)
        text = cell.locator(".jp-OutputArea-output").last.inner_text()
        if TOOLS_MARK in text:
            out = json.loads(text[text.index(TOOLS_MARK) + len(TOOLS_MARK):].strip().splitlines()[0])
            if out["tilt"] is not None and abs(out["target"] - round(tilt, 1)) < 0.051:
                break
    assert out["tilt"] == pytest.approx(tilt, abs=0.01), out
    assert out["reading"] == pytest.approx(tilt, abs=0.01), out
    assert out["target"] == pytest.approx(round(tilt, 1), abs=0.051), out
    assert lab.console == [], "\n".join(lab.console)
    assert lab.errors == [], lab.errors
    assert lab.outside() == [], f"requests outside 127.0.0.1: {lab.outside()}"
