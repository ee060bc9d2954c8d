"""Point every notebook's install cell at the repository set in _config.yml.

Each chapter notebook starts with a cell (hidden in the HTML book) that installs
the `forcecouple` library when it is missing, as on Colab, from
`repository.url`. After changing that setting, run

    .venv/bin/python tools/set_repository_url.py

`tests/test_launch.py` fails while the two disagree.
"""

from __future__ import annotations

import json
import pathlib
import re
import sys

import yaml  # installed with Jupyter Book

ROOT = pathlib.Path(__file__).resolve().parents[1]
INSTALL = re.compile(r'("forcecouple @ git\+)([^"]*)(")')


def repository_url() -> str:
    """`repository.url` from _config.yml."""
    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]["url"]


def install_urls(notebook: pathlib.Path) -> list[str]:
    """The URLs that the notebook's install cells install from."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return [m.group(2) for c in cells if c["cell_type"] == "code" for m in INSTALL.finditer("".join(c["source"]))]


def notebooks() -> list[pathlib.Path]:
    return sorted((ROOT / "chapters").rglob("*.ipynb"))


def main() -> int:
    url = repository_url()
    changed = 0
    for path in notebooks():
        nb = json.loads(path.read_text(encoding="utf-8"))
        before = json.dumps(nb)
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                source = INSTALL.sub(lambda m: m.group(1) + url + m.group(3), "".join(cell["source"]))
                cell["source"] = source.splitlines(keepends=True)
        if json.dumps(nb) != before:
            # The layout the notebooks are stored in (nbformat's: indent 1, UTF-8).
            path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            changed += 1
    print(f"install cells now point at {url} ({changed} notebooks changed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
