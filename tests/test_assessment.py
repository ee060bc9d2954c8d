"""The NASM tables as data, and plan(findings)."""

import pytest

from forcecouple import assessment_data, compensations, model_strings, pelvis, plan, scapula


def test_every_compensation_has_muscles_a_checkpoint_and_a_source():
    data = assessment_data()
    checkpoints = {c["name"] for c in data["checkpoints"]}
    assert checkpoints == {"feet_ankles", "knees", "lphc", "shoulders", "head_neck"}
    for c in compensations().values():
        assert c["overactive"] and c["underactive"]
        assert c["checkpoint"] in checkpoints and c["source"] in data["sources"]
    # these two are known only from the older tables (B), not from the CPT 7th edition
    assert compensations()["shoulders_elevate"]["source"] == "B"
    assert compensations()["head_forward"]["source"] == "B"
    assert {p["name"] for p in data["distortion_patterns"]} == {"pronation_distortion", "lower_crossed",
                                                                  "upper_crossed"}


def test_table_a_low_back_arches_is_verbatim_data():
    c = compensations()["low_back_arches"]
    assert c["overactive"] == ["hip flexors", "lumbar extensors", "latissimus dorsi"]
    assert c["underactive"] == ["gluteus maximus", "hamstrings complex", "abdominals"]


def test_model_strings_name_real_preset_muscles():
    joints = {"pelvis": pelvis(), "scapula": scapula()}
    for strings in assessment_data()["model_strings"].values():
        assert isinstance(strings, list)
        for s in strings:
            preset, muscle = s.split(":")
            assert muscle in joints[preset].names, s
    assert model_strings("latissimus dorsi") == []
    assert model_strings("note") == []


def test_plan_for_low_back_arches_and_shoulders_elevate():
    p = plan(["low_back_arches", "shoulders_elevate"])
    names = [s[0] for s in p.steps]
    assert names == ["inhibit", "lengthen", "activate", "integrate"]
    inhibit, lengthen, activate, integrate = (s[2] for s in p.steps)
    assert integrate == ("medicine-ball throw variations", "lower-leg plyometrics")
    assert inhibit == lengthen == p.overactive
    assert "hip flexors" in inhibit and "upper trapezius" in inhibit
    assert activate == ("gluteus maximus", "hamstrings complex", "abdominals", "middle and lower trapezius")
    assert p.sources == {"low_back_arches": "A", "shoulders_elevate": "B"}
    assert p.unmodelled == ("latissimus dorsi", "sternocleidomastoid")
    assert "30-60 s per area" in p.steps[0][3]


def test_plan_is_deterministic_and_merges_repeats():
    a = plan(["knees_cave_in", "feet_turn_out", "knees_cave_in"])
    b = plan(["knees_cave_in", "feet_turn_out", "knees_cave_in"])
    assert a == b
    assert a.underactive.count("gluteus maximus") == 1


def test_a_muscle_both_over_and_underactive_is_flagged_not_hidden():
    p = plan(["low_back_arches", "excessive_forward_lean"])
    assert "lumbar extensors" in p.conflicts
    assert "lumbar extensors" not in p.overactive and "lumbar extensors" not in p.underactive


def test_unknown_or_missing_findings_list_the_valid_ones():
    with pytest.raises(ValueError, match=r"finding must be one of 'feet_turn_out', .*'head_forward'; got 'slouch'"):
        plan(["slouch"])
    with pytest.raises(ValueError, match="at least one compensation; valid: feet_turn_out"):
        plan([])


def test_conflicts_are_found_through_the_model_strings_too():
    # "abdominals" underactive (low back arches) vs "rectus abdominis" and
    # "external obliques" overactive (excessive forward lean): the same strings.
    p = plan(["low_back_arches", "excessive_forward_lean"])
    assert {"abdominals", "rectus abdominis", "external obliques", "lumbar extensors"} <= set(p.conflicts)
    assert "abdominals" not in p.underactive and "rectus abdominis" not in p.overactive
