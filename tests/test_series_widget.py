"""SeriesExplorer and the adaptation explorer: runs are precomputed for every choice."""

import base64

import numpy as np
import pytest

from forcecouple import SeriesExplorer, adaptation_data, adaptation_explorer, simulate
from forcecouple.view.widgets import unpack_floats


def test_every_combination_is_precomputed_and_matches_simulate():
    w = adaptation_explorer()
    data = adaptation_data()
    assert len(w.spec["runs"]) == len(data["habits"]) * len(data["hours_choices"])
    run = w.spec["runs"]["0,5"]  # long sitting, 8 h
    tilt = unpack_floats(run["panels"][0][0]["values"])
    np.testing.assert_allclose(tilt, simulate("long_sitting", 8).tilt, rtol=1e-6)
    assert "long sitting, 8 hours a day" in run["summary"]
    assert w.spec["runs"]["0,0"]["summary"].startswith("With no time spent long sitting, nothing changes")


def test_choice_picks_the_summary_and_the_static_twin():
    w = adaptation_explorer(habit="one_sided_carrying", hours=2)
    assert "carrying a heavy bag" in w.summary() and "2 hours a day" in w.summary()
    data = w._repr_mimebundle_()
    data = data[0] if isinstance(data, tuple) else data
    assert base64.b64decode(data["image/png"])[:4] == b"\x89PNG"


@pytest.mark.parametrize("kwargs, words", [
    (dict(choices={}), ["choices must name at least one choice"]),
    (dict(choices={"a": []}), ["choices must name at least one choice"]),
    (dict(sliders=["b"]), ["sliders must be one of 'a'", "'b'"]),
    (dict(start=[5]), ["start['a'] must lie in [0, 1]", "5"]),
    (dict(start=[0, 0]), ["start must give one option index per choice (1)"]),
    (dict(panels=[("x", "y"), ("z", "w")]), ["must return one list of lines per panel (2)", "got 1"]),
])
def test_bad_series_input(kwargs, words):
    args = dict(choices={"a": ["one", "two"]}, x=[0, 1],
                run=lambda i: {"panels": [[{"label": "l", "values": [i, i + 1]}]], "summary": "s"},
                panels=[("x", "y")])
    with pytest.raises(ValueError) as err:
        SeriesExplorer(**{**args, **kwargs})
    for w in words:
        assert w in str(err.value)


def test_adaptation_explorer_checks_its_arguments():
    with pytest.raises(ValueError, match="habit must be one of"):
        adaptation_explorer(habit="slouching")
    with pytest.raises(ValueError, match=r"hours must be one of 0, 1, 2, 4, 6, 8; got 3"):
        adaptation_explorer(hours=3)


def test_each_run_carries_the_number_to_predict():
    w = adaptation_explorer()
    assert w.spec["predict"] is True
    sit = simulate("long_sitting", 8)
    p = w.spec["runs"]["0,5"]["predict"]
    assert p["value"] == pytest.approx(sit.tilt[-1] - sit.tilt[0])
    assert p["after"] == "over 24 weeks" and "+ is forward" in p["label"]
    assert "+ is up" in w.spec["runs"]["1,5"]["predict"]["label"]


def test_predict_is_for_every_run_or_none():
    def run(i):
        out = {"panels": [[{"label": "l", "values": [i, i + 1]}]], "summary": "s"}
        return {**out, "predict": {"label": "x", "value": i}} if i else out

    with pytest.raises(ValueError, match="'predict' entry for every combination of choices or for none"):
        SeriesExplorer(choices={"a": ["one", "two"]}, x=[0, 1], run=run, panels=[("x", "y")])
    plain = SeriesExplorer(choices={"a": ["one"]}, x=[0, 1], run=run, panels=[("x", "y")])
    assert plain.spec["predict"] is False
