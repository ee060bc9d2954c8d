"""The pages of the built book, in the table of contents' order."""

from __future__ import annotations

import pathlib

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]


def toc_pages() -> list[str]:
    """Every page of ``_toc.yml`` (root first), without its extension."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    return [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
