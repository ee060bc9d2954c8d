"""Speed targets of the model library and the book build, as a printed table.

Run with ``make bench``. Targets come from the project's issues; a row says
"meets" or "misses". Not a test: timings vary with the machine.
"""

from __future__ import annotations

import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit

import numpy as np

from forcecouple import equilibrium, pelvis, torque_basis

ROOT = pathlib.Path(__file__).resolve().parent.parent


def median_seconds(fn, number: int, repeat: int = 15) -> float:
    """Median over ``repeat`` runs of the mean time of ``number`` calls, seconds."""
    return statistics.median(t / number for t in timeit.repeat(fn, number=number, repeat=repeat))


def build_seconds() -> tuple[float, float]:
    """Clean and no-op strict build times of the book (s), in a scratch folder."""
    jb = pathlib.Path(sys.executable).with_name("jupyter-book")
    with tempfile.TemporaryDirectory() as out:
        cmd = [str(jb), "build", str(ROOT), "-W", "-n", "--keep-going", "--path-output", out]
        times = []
        for _ in range(2):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        shutil.rmtree(out, ignore_errors=True)
    return times[0], times[1]


def main() -> None:
    lower_crossed = pelvis("lower_crossed")
    angles_10k = np.linspace(*lower_crossed.limits, 10_000)
    angles_721 = np.linspace(*lower_crossed.limits, 721)
    # A reader moving sliders: new pulls every call, geometry shared (with_pulls).
    rng = np.random.default_rng(1)
    varied = [lower_crossed.with_activations(dict(zip(lower_crossed.names, a, strict=True)))
              for a in rng.uniform(0.0, 0.1, size=(400, len(lower_crossed.names)))]
    equilibrium(lower_crossed)
    varied_times = []
    for joint in varied:
        start = time.perf_counter()
        equilibrium(joint)
        varied_times.append(time.perf_counter() - start)
    cold = [pelvis("lower_crossed") for _ in range(200)]
    cold_times = []
    for joint in cold:
        start = time.perf_counter()
        equilibrium(joint)
        cold_times.append(time.perf_counter() - start)
    rows = [
        ("equilibrium(pelvis), same joint", median_seconds(lambda: equilibrium(lower_crossed), 200) * 1e6,
         "us", 100),
        ("equilibrium(pelvis), new pulls", statistics.median(varied_times) * 1e6, "us", 100),
        ("equilibrium(pelvis), cold (new joint)", statistics.median(cold_times) * 1e6, "us", None),
        ("net_torque, 10,000 angles", median_seconds(lambda: lower_crossed.net_torque(angles_10k), 20) * 1e3,
         "ms", 2),
        ("torque_basis(pelvis), 721 angles",
         median_seconds(lambda: torque_basis(lower_crossed, angles_721), 50) * 1e3, "ms", 5),
    ]
    clean, noop = build_seconds()
    rows += [("book build, clean (strict)", clean, "s", None), ("book build, no-op", noop, "s", None)]
    test_file = ROOT / "_build" / "make-test-seconds"
    if test_file.exists():
        rows.append(("make test (last run)", float(test_file.read_text()), "s", 600))
    pdf_file, pdf_log = ROOT / "_build" / "make-pdf-seconds", ROOT / "_build" / "latex" / "force-couples.log"
    if pdf_file.exists() and pdf_log.exists():
        pages = re.findall(r"Output written on force-couples.pdf \((\d+) pages", pdf_log.read_text(errors="replace"))
        rows.append(("make pdf (last run)", float(pdf_file.read_text()), "s", None))
        if pages:
            rows.append(("PDF pages", float(pages[-1]), "page", None))
    print(f"{'benchmark':36s} {'median':>10s} {'unit':4s} {'target':>8s}  verdict")
    for name, value, unit, target in rows:
        verdict = "" if target is None else ("meets" if value <= target else "MISSES")
        target_text = "" if target is None else f"<= {target:g}"
        print(f"{name:36s} {value:10.3f} {unit:4s} {target_text:>8s}  {verdict}")


if __name__ == "__main__":
    main()
