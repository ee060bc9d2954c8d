"""PlanExplorer: every combination of findings is precomputed from plan() and the simulator."""


import numpy as np
import pytest

from forcecouple import PlanExplorer, compensations, plan, plan_summary, programme_builder, simulate_programme
from forcecouple.view.widgets import unpack_floats

NAMES = list(compensations())


@pytest.fixture(scope="module")
def builder():
    return programme_builder()


def test_every_non_empty_combination_is_there(builder):
    assert len(builder.spec["runs"]) == 2 ** len(NAMES) - 1


@pytest.mark.parametrize("chosen", [["low_back_arches"], ["low_back_arches", "shoulders_elevate"],
                                    ["feet_turn_out", "knees_cave_in", "head_forward"]])
def test_a_run_is_the_plan_and_the_simulation(builder, chosen):
    mask = sum(2 ** NAMES.index(n) for n in chosen)
    run = builder.spec["runs"][str(mask)]
    p = plan(chosen)
    assert [row[0] for row in run["steps"]] == ["Inhibit", "Lengthen", "Activate", "Integrate"]
    assert run["steps"][2][1].startswith(p.underactive[0]) if p.underactive else run["steps"][2][1] == "none"
    assert run["unmodelled"] == list(p.unmodelled) and run["conflicts"] == list(p.conflicts)
    for preset in ("pelvis", "scapula"):
        tilt = unpack_floats(builder.spec["curves"][run["curves"][preset]])
        np.testing.assert_allclose(tilt, simulate_programme(chosen, preset).tilt, rtol=1e-6)
    assert run["summary"] == plan_summary(chosen)
    for preset in ("pelvis", "scapula"):  # what "predict first" compares a guess with
        assert run["end"][preset] == pytest.approx(simulate_programme(chosen, preset).tilt[-1])


def test_summary_follows_the_ticked_findings(builder):
    builder.findings = ["shoulders_elevate", "low_back_arches"]
    assert builder.summary().startswith("Plan for low back arches and shoulders elevate")
    builder.findings = []
    assert builder.summary().startswith("Tick at least one")
    assert builder.plan() is None


def test_bad_input():
    with pytest.raises(ValueError, match=r"start finding must be one of .*got 'slouch'"):
        PlanExplorer(start=("slouch",))
    with pytest.raises(ValueError, match=r"days must lie in \[1, 7\] days a week; got 0"):
        PlanExplorer(days=0)
