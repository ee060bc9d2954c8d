"""The chapters' cell helpers (forcecouple.book) and the names kept for old code."""

from __future__ import annotations

import pytest

import forcecouple
from forcecouple import book


@pytest.fixture
def glued(monkeypatch):
    """Capture what the helpers hand to myst-nb's glue."""
    import myst_nb

    seen = {}
    monkeypatch.setattr(myst_nb, "glue", lambda name, value, display=True: seen.update({name: (value, display)}))
    return seen


def test_glue_number_formats_with_its_digits_and_sign(glued):
    # None: a glue on a cell's last line must print nothing on the page
    assert book.glue_number("tilt", 20.6469) is None
    book.glue_number("whole", 20.6469, digits=0)
    book.glue_number("change", 1.25, digits=2, signed=True)
    book.glue_number("zero", -0.04)
    assert glued == {"tilt": ("20.6", False), "whole": ("21", False), "change": ("+1.25", False),
                     "zero": ("0.0", False)}


@pytest.mark.parametrize(("args", "error", "words"), [
    (("x", "20"), TypeError, "value must be a number"),
    (("x", True), TypeError, "must be a number"),
    (("x", float("nan")), ValueError, "value must be a finite number"),
    (("x", 1.0, -1), ValueError, r"digits must lie in \[0, 12\]"),
    (("x", 1.0, 1.5), TypeError, "digits must be a whole number"),
    (("", 1.0), ValueError, "name must be a non-empty string"),
])
def test_glue_number_refuses_what_it_cannot_format(glued, args, error, words):
    with pytest.raises(error, match=words):
        book.glue_number(*args)
    assert glued == {}


def test_markdown_table_writes_header_rule_and_rows():
    table = book.markdown_table(["step", "dose"], [("inhibit", "30 s"), ("activate", 12)])
    assert table.data == "| step | dose |\n|---|---|\n| inhibit | 30 s |\n| activate | 12 |"
    with pytest.raises(ValueError, match=r"rows\[1\] must have 2 cells"):
        book.markdown_table(["a", "b"], [("1", "2"), ("3",)])
    centred = book.markdown_table(["a", "b"], [("1", "2")], align="lc")
    assert centred.data.splitlines()[1] == "|---|:-:|"
    with pytest.raises(ValueError, match="align must give one of l, c, r per column"):
        book.markdown_table(["a", "b"], [], align="x")
    with pytest.raises(ValueError, match="header must name at least one column"):
        book.markdown_table([], [])


def test_label_reads_a_name():
    assert forcecouple.label("rectus_femoris") == "rectus femoris"


def test_old_names_still_work_silently(recwarn):
    assert forcecouple.adapted_joint is forcecouple.adapt
    assert forcecouple.PlanExplorer is forcecouple.ProgrammeExplorer
    assert forcecouple.plan_summary is forcecouple.programme_summary
    from forcecouple.view.widgets import BookWidget, StaticTwin
    assert StaticTwin is BookWidget
    assert len(recwarn) == 0


def test_every_public_name_resolves_and_none_is_listed_twice():
    assert len(forcecouple.__all__) == len(set(forcecouple.__all__))
    for name in forcecouple.__all__:
        assert getattr(forcecouple, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        forcecouple.nonsense  # noqa: B018


def test_the_preset_registry_builds_each_pattern():
    from forcecouple import _data

    assert set(_data.preset_names()) >= {"pelvis", "scapula"}
    assert _data.preset("pelvis", "lower_crossed").name == "pelvis"
    with pytest.raises(ValueError, match="preset must be one of"):
        _data.preset("knee")
