"""The four steps' doses match the article's, and bad doses are refused by name."""

import pytest

from forcecouple import STEPS, check_dose, dose_ranges, dose_text, programme_data, step

# The article's doses (issue 6; Fahmy 2023 as retold by the source article).
EXPECTED = {
    "inhibit": {"discomfort": (0, 2), "seconds_per_area": (30, 60)},
    "lengthen": {"discomfort": (0, 2), "seconds_per_side": (30, 60), "contract_relax_hold_s": (10, 10),
                 "contract_relax_contract_s": (6, 10), "contract_relax_stretch_again_s": (30, 60)},
    "activate": {"days_per_week": (3, 5), "sets": (1, 2), "reps": (10, 15), "effort_rpe": (7, 7)},
    "integrate": {"days_per_week": (3, 5), "sets": (1, 3), "reps": (10, 15)},
}


@pytest.mark.parametrize("name", STEPS)
def test_doses_match_the_article(name):
    assert dose_ranges(name) == EXPECTED[name]


def test_activate_tempo_and_the_steps_in_order():
    assert step("activate")["dose"]["tempo_s"]["value"] == [4, 2, 1]
    assert [s["name"] for s in programme_data()["steps"]] == list(STEPS)
    assert dose_text("activate").startswith("3-5 days a week; 1-2 sets; 10-15 repetitions; about 7 out of 10")
    assert "no trial" in programme_data()["evidence_note"].lower()


def test_check_dose_accepts_the_article_and_refuses_the_rest_unless_told():
    assert check_dose("inhibit", discomfort=2, seconds_per_area=45) == {"discomfort": 2.0, "seconds_per_area": 45.0}
    with pytest.raises(ValueError, match=r"inhibit discomfort must lie in \[0, 2\] out of 10 .*got 5.*allow_outside"):
        check_dose("inhibit", discomfort=5)
    assert check_dose("activate", sets=4, allow_outside=True) == {"sets": 4.0}
    with pytest.raises(ValueError, match=r"activate sets must lie in \[0, inf\] sets; got -1"):
        check_dose("activate", sets=-1, allow_outside=True)


@pytest.mark.parametrize("call, words", [
    (lambda: step("stretch"), ["step must be one of 'inhibit'", "'stretch'"]),
    (lambda: check_dose("activate", weight=20), ["activate dose quantity must be one of", "'weight'"]),
    (lambda: check_dose("integrate", reps=float("nan")), ["integrate reps", "nan"]),
])
def test_bad_names_and_values(call, words):
    with pytest.raises(ValueError) as err:
        call()
    for w in words:
        assert w in str(err.value)
