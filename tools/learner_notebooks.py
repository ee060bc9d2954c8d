"""Write the learner notebooks: each chapter notebook executed, its MyST rendered as plain Markdown.

    .venv/bin/python tools/learner_notebooks.py [--out _build/notebooks] [--jobs 2]

writes ``<out>/<page>.ipynb`` (``_build/notebooks/chapters/force_couples.ipynb``, ...)
for every notebook page of ``_toc.yml``: what a learner opens on Colab, Binder,
JupyterLab or VS Code. ``make notebooks`` runs it. See ``tools/learner/`` for what
is rendered and how; an unknown MyST construct fails the build, naming the file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learner.build import BuildError, build
from learner.myst import MystError

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "notebooks", help="output folder")
    parser.add_argument("--cache", type=Path, default=ROOT / "_build" / ".notebooks-cache",
                        help="executed notebooks, reused while their code and the library are unchanged")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks executed at once")
    args = parser.parse_args(argv)
    try:
        summary = build(ROOT, args.out, args.cache, args.jobs)
    except (BuildError, MystError) as error:
        print(f"learner notebooks: MyST that cannot be rendered:\n{error}", file=sys.stderr)
        return 1
    print(f"{summary}; written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
