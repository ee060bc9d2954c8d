"""Fuzz every public callable of ``forcecouple`` with bad input.

One valid call per public name (``CASES``); the fuzz swaps one argument, or one
key or item of a mapping or list argument, for a bad value: NaN, infinities,
1e308, an int beyond float range, negative numbers, 0, wrong types and unknown
names (``BAD``, each tried in turn), then values hypothesis draws for a random
argument. Each call must either raise ``ValueError`` or ``TypeError`` whose message
names the parameter (and the key or index), or return only finite numbers. Any
other exception fails. Names with no data inputs are listed in ``NO_INPUTS`` or
``SKIPPED`` with the reason. The counts by outcome go to
``_build/fuzz-counts.json`` at the end of the session.
"""

from __future__ import annotations

import collections
import dataclasses
import inspect
import json
import math
import os
import pathlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import matplotlib.pyplot as plt  # the Agg backend: conftest.py
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

import forcecouple as fc

ROOT = pathlib.Path(__file__).resolve().parents[1]
UNKNOWN = "no_such_name"
#: The fixed bad values every argument is given in turn.
BAD = (math.nan, math.inf, -math.inf, 1e308, -1e308, 10**400, -1, -2.5, 0, "5", "", True, None, [], {},
       [1.0], np.zeros((2, 2)), UNKNOWN)
#: Public names that take no data input: called once, their results checked.
NO_INPUTS = ("adaptation_data", "assessment_data", "compensations", "dose_table", "habits", "mapped_muscles",
             "page_colours", "pelvis_table_pose", "photo_data", "posture_drawings", "programme_data", "quiz_chapters",
             "sample_svg")
#: Public names left out of the fuzz, with the reason.
SKIPPED = {
    "posture_gallery": "no inputs; draws every posture (1.5 s), covered by test_posture",
    "show_postures": "no inputs; displays the gallery, covered by test_posture",
}
COUNTS: collections.Counter = collections.Counter()
BY_NAME: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)


@dataclasses.dataclass(frozen=True)
class Case:
    """A valid call: ``call(**kwargs)``; ``examples``: how many drawn calls beyond the fixed ones."""

    call: Callable[..., Any]
    kwargs: dict[str, Any]
    examples: int = 25


def fields(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}


def method(make: Callable[[], Any], name: str) -> Callable[..., Any]:
    """A call of method ``name`` on a fresh ``make()``."""
    return lambda **kw: getattr(make(), name)(**kw)


def build_cases() -> dict[str, Case]:
    bone = fc.floating_bone(10.0, 20.0)
    bone_result = fc.equilibrium(bone)
    pelvis = fc.pelvis()
    result = fc.equilibrium(pelvis)
    muscle = fc.Muscle("m", (5.0, 0.0), (5.0, 30.0), pull=10.0, fmax=100.0)
    history = fc.simulate("long_sitting", 2.0, 2)
    programme = fc.simulate_programme(["low_back_arches"], "pelvis", weeks=2, days=3.0)
    a_plan = fc.plan(["low_back_arches"])
    groups = {"hip flexors": ["iliopsoas", "rectus_femoris"], "glutes": ["gluteus_maximus"]}
    joint_kwargs = dict(muscles=[fc.Muscle("a", (5.0, 0.0), (5.0, 30.0), pull=10.0, fmax=100.0),
                                 fc.Muscle("b", (-5.0, 0.0), (-5.0, 30.0), pull=5.0, stiffness=2.0)],
                        stiffness=20.0, rest_angle=0.0, limits=(-60.0, 60.0), load=1.0,
                        landmarks={"tip": (10.0, 0.0)}, outline=[(-10.0, -1.0), (10.0, -1.0), (10.0, 1.0)],
                        name="bone", directions=("up", "down"))
    explorer = fc.JointExplorer(bone, controls={"left": ["left"], "right": ["right"]}, unit="N", slider_max=100.0)
    series = dict(choices={"a": ["one", "two"]}, x=[0.0, 1.0], panels=[("x", "y")], x_label="x", title="t",
                  run=lambda i: {"panels": [[{"label": "l", "values": [i, i + 1.0]}]], "summary": "s"},
                  sliders=["a"], static_figure=None, start=[1])
    basis = fc.torque_basis(pelvis, [0.0, 5.0])
    return {
        # model
        "rotate": Case(fc.rotate, dict(points=[(1.0, 2.0), (3.0, 4.0)], angle_deg=30.0)),
        "foot_of_perpendicular": Case(fc.foot_of_perpendicular, dict(start=(1.0, 2.0), end=(3.0, -1.0))),
        "Joint": Case(fc.Joint, joint_kwargs),
        "Joint -> equilibrium": Case(lambda **kw: fc.equilibrium(fc.Joint(**kw)), joint_kwargs),
        "Joint.muscle": Case(method(fc.pelvis, "muscle"), dict(name="iliopsoas")),
        "Joint.with_pulls": Case(method(fc.pelvis, "with_pulls"), dict(pulls={"iliopsoas": 100.0, "hamstrings": 50.0})),
        "Joint.with_activations": Case(method(fc.scapula, "with_activations"),
                                       dict(activations={"upper_trapezius": 0.1, "levator_scapulae": 0.2})),
        "Joint.landmark": Case(method(fc.pelvis, "landmark"), dict(name="ASIS", angle=[0.0, 5.0])),
        "Joint.string_ends": Case(method(fc.pelvis, "string_ends"), dict(angle=5.0)),
        "Joint.tensions": Case(method(fc.pelvis, "tensions"), dict(angle=5.0)),
        "Joint.net_torque": Case(method(fc.pelvis, "net_torque"), dict(angles=[0.0, 5.0])),
        "Joint.net_torque_at": Case(method(fc.pelvis, "net_torque_at"), dict(angle=5.0)),
        "Joint.torques_at": Case(method(fc.pelvis, "torques_at"), dict(angle=5.0)),
        "Joint.geometry_cached": Case(method(fc.pelvis, "geometry_cached"), dict(key="k", compute=lambda: 1.0)),
        "TorqueBasis": Case(fc.TorqueBasis, fields(basis)),
        "TorqueBasis.net": Case(basis.net, dict(pulls=[10.0] * 7)),
        "Weight": Case(fc.Weight, dict(force=10.0, at=(5.0, 0.0))),
        "moment_arm": Case(fc.moment_arm, dict(muscle=muscle, angles=[0.0, 10.0])),
        "torque_basis": Case(fc.torque_basis, dict(joint=pelvis, angles=[0.0, 5.0])),
        "Muscle": Case(fc.Muscle, dict(name="m", insertion=(5.0, 0.0), origin=(5.0, 30.0), pull=10.0, fmax=100.0,
                                       stiffness=1.0, slack=29.0, origin_turns=0.5, passive=None)),
        "Muscle.with_pull": Case(muscle.with_pull, dict(pull=20.0)),
        "Muscle.passive_tension": Case(fc.Muscle("s", (5.0, 0.0), (5.0, 30.0), stiffness=2.0).passive_tension,
                                       dict(length=[30.0, 40.0])),
        "thelen_passive": Case(fc.thelen_passive, dict(fmax=100.0, fibre_length=10.0)),
        "thelen_passive curve": Case(fc.thelen_passive(100.0, 10.0), dict(stretch=[1.0, 2.0])),
        "thelen_passive_force": Case(fc.thelen_passive_force, dict(strain=[0.1, 0.5], fmax=100.0)),
        "floating_bone": Case(fc.floating_bone, dict(left=10.0, right=20.0, insertion=15.0)),
        "joint_drawing": Case(fc.joint_drawing, dict(joint=pelvis)),
        "pattern_activations": Case(fc.pattern_activations, dict(name="pelvis", pattern="neutral")),
        "pelvis": Case(fc.pelvis, dict(pattern="lower_crossed")),
        "scapula": Case(fc.scapula, dict(pattern="shrugged")),
        "preset_data": Case(fc.preset_data, dict(name="pelvis")),
        "preset_drawing": Case(fc.preset_drawing, dict(name="scapula")),
        "preset_groups": Case(fc.preset_groups, dict(name="pelvis")),
        "Equilibrium": Case(fc.Equilibrium, fields(result)),
        "equilibrium": Case(fc.equilibrium, dict(joint=pelvis)),
        "scan_grid": Case(fc.scan_grid, dict(joint=bone)),
        "steps_between": Case(fc.steps_between, dict(start=0.0, end=1.0, step=0.25)),
        "hip_passive_moment": Case(fc.hip_passive_moment, dict(hip_flexion=[0.0, 10.0], knee_flexion=20.0)),
        "spring_evidence": Case(fc.spring_evidence, dict(pattern="neutral")),
        "SpringEvidence": Case(fc.SpringEvidence, fields(fc.spring_evidence())),
        # book helpers (the glue goes to myst-nb's store, displayed nowhere)
        "glue": Case(fc.glue, dict(name="g", value=1.5, display=False)),
        "glue_text": Case(fc.glue_text, dict(name="g", text="words")),
        "glue_number": Case(fc.glue_number, dict(name="g", value=1.25, digits=1, signed=True)),
        "markdown_table": Case(fc.markdown_table, dict(header=["a", "b"], rows=[[1, 2]], align="lr")),
        # what would fix it
        "least_effort": Case(fc.least_effort, dict(joint=fc.pelvis("lower_crossed"), target=12.0,
                                                   fixed={"iliopsoas": 0.03}, bounds={"hamstrings": (0.0, 0.5)},
                                                   power=2), examples=10),
        "LeastEffort": Case(fc.LeastEffort, fields(fc.least_effort(fc.pelvis("lower_crossed"), 12.0))),
        "Sensitivity": Case(fc.Sensitivity, fields(fc.sensitivity(fc.pelvis("lower_crossed")))),
        "sensitivity": Case(fc.sensitivity, dict(joint=fc.floating_bone(10.0, 20.0), step=0.1), examples=10),
        # course
        "AdaptationHistory": Case(fc.AdaptationHistory, fields(history)),
        "adapt": Case(fc.adapt, dict(start=pelvis, strength={"iliopsoas": 1.1, "hamstrings": 0.9},
                                     length={"hamstrings": 0.95}, rest_lengths=fc.resting_lengths(pelvis))),
        "approach": Case(fc.approach, dict(x=1.0, rate=0.01, dose=0.5, cap=1.15)),
        "habit_preset": Case(fc.habit_preset, dict(habit="long_sitting")),
        "resting_lengths": Case(fc.resting_lengths, dict(joint=fc.scapula())),
        "simulate": Case(fc.simulate, dict(habit="long_sitting", hours=2.0, weeks=2)),
        "string_lengths": Case(fc.string_lengths, dict(joint=pelvis, angle=5.0)),
        "model_strings": Case(fc.model_strings, dict(muscle="hip flexors")),
        "strings_in": Case(fc.strings_in, dict(muscles=["hip flexors", "abdominals"], preset="pelvis")),
        "Plan": Case(fc.Plan, fields(a_plan)),
        "ProgrammeHistory": Case(fc.ProgrammeHistory, fields(programme)),
        "ProgrammeHistory.joint_at": Case(programme.joint_at, dict(week=1)),
        "check_dose": Case(fc.check_dose, dict(name="activate", allow_outside=False, sets=2, reps=12)),
        "dose_ranges": Case(fc.dose_ranges, dict(name="activate")),
        "dose_text": Case(fc.dose_text, dict(name="inhibit")),
        "step": Case(fc.step, dict(name="lengthen")),
        "plan": Case(fc.plan, dict(findings=["low_back_arches", "head_forward"])),
        "simulate_programme": Case(fc.simulate_programme, dict(findings=["low_back_arches"], preset="scapula",
                                                               weeks=2, days=3.0)),
        "answers_markdown": Case(fc.answers_markdown, dict(chapter="force_couples")),
        "questions_markdown": Case(fc.questions_markdown, dict(chapter="summary")),
        "quiz_questions": Case(fc.quiz_questions, dict(chapter="adaptation")),
        "correct_answer": Case(fc.correct_answer, dict(question=fc.quiz_questions("force_couples")[0])),
        # view: words, styles, figures
        "describe": Case(fc.describe, dict(joint=pelvis, result=result, groups=groups)),
        "describe_parts": Case(fc.describe_parts, dict(joint=pelvis, result=result, groups=groups)),
        "readout_lines": Case(fc.readout_lines, dict(joint=pelvis, result=result, groups=groups)),
        "readout_text": Case(fc.readout_text, dict(joint=pelvis, result=result, width=44)),
        "format_torque": Case(fc.format_torque, dict(value=3.2)),
        "group_torques": Case(fc.group_torques, dict(result=result, groups=groups)),
        "join_words": Case(fc.join_words, dict(words=["a", "b", "c"])),
        "label": Case(fc.label, dict(name="rectus_femoris")),
        "tilt_text": Case(fc.tilt_text, dict(angle=3.0, directions=("forward", "back"))),
        "muscle_styles": Case(fc.muscle_styles, dict(joint=pelvis)),
        "changed_muscles": Case(fc.changed_muscles, dict(history=history)),
        "history_lines": Case(fc.history_lines, dict(history=history)),
        "history_figure": Case(fc.history_figure, dict(history=history), examples=3),
        "draw_joint": Case(fc.draw_joint, dict(joint=bone, result=bone_result, ax=None, title="t", arrow_scale=None,
                                               show_readout=False, anatomy="auto", groups=None), examples=3),
        "torque_bars": Case(fc.torque_bars, dict(joint=bone, result=bone_result, ax=None, title="t",
                                                 groups={"l": ["left"]}), examples=3),
        "small_multiples": Case(fc.small_multiples, dict(joints=[bone, fc.floating_bone(30.0, 10.0)],
                                                         titles=["a", "b"]), examples=2),
        "pelvis_sheet": Case(fc.pelvis_sheet, dict(angle=10.0), examples=2),
        "programme_figure": Case(fc.programme_figure, dict(histories={"pelvis": programme, "scapula": None},
                                                           mark_week=1), examples=3),
        "posture_alt": Case(fc.posture_alt, dict(finding="head_forward", view=None)),
        "posture_figure": Case(fc.posture_figure, dict(finding=None, view="front", ax=None, titled=True),
                               examples=3),
        "show_quiz": Case(fc.show_quiz, dict(chapter="force_couples"), examples=2),
        "spring_figure": Case(fc.spring_figure, dict(evidence=fc.spring_evidence()), examples=2),
        "sensitivity_figure": Case(fc.sensitivity_figure, dict(joint=fc.scapula(), step=0.1, title="t"),
                                   examples=2),
        "effort_figure": Case(fc.effort_figure, dict(joint=fc.scapula("shrugged"), answers={
            "free": fc.least_effort(fc.scapula("shrugged"), 2.0)}), examples=2),
        # view: widgets and explorers
        "JointExplorer": Case(fc.JointExplorer, dict(
            joint=bone, controls={"left": ["left"], "right": ["right"]}, unit="N", slider_max=100.0,
            slider_step=1.0, presets={"equal": fc.floating_bone(50.0, 50.0)}, variant_label="v",
            variant_values=[20.0], variant_unit="cm", normal_range=(-5.0, 5.0), title="t", start_variant=0,
            anatomy="auto"), examples=3),
        "JointExplorer.set_values": Case(explorer.set_values, dict(left=10.0)),
        "SeriesExplorer": Case(fc.SeriesExplorer, series, examples=3),
        "ProgrammeExplorer": Case(fc.ProgrammeExplorer, dict(start=["low_back_arches"], weeks=2, days=3.0),
                                  examples=1),
        "PlanExplorer": Case(fc.PlanExplorer, dict(start=["head_forward"], weeks=2, days=3.0), examples=1),
        "plan_summary": Case(fc.plan_summary, dict(findings=["low_back_arches"], weeks=2, days=3.0)),
        "programme_summary": Case(fc.programme_summary, dict(findings=["head_forward"], weeks=2, days=3.0)),
        "adaptation_explorer": Case(fc.adaptation_explorer, dict(habit="long_sitting", hours=2), examples=1),
        "floating_bone_explorer": Case(fc.floating_bone_explorer, dict(left=50.0, right=50.0, insertion=20.0),
                                       examples=3),
        "pelvis_explorer": Case(fc.pelvis_explorer, dict(pattern="neutral"), examples=1),
        "scapula_explorer": Case(fc.scapula_explorer, dict(pattern="shrugged"), examples=1),
        "fix_explorer": Case(fc.fix_explorer, dict(pattern="lower_crossed", target=13.37), examples=2),
        "FixExplorer": Case(fc.FixExplorer, dict(
            joint=fc.pelvis("lower_crossed"), locks={"low back": ["erector_spinae"]}, target=12.0, locked=[True],
            target_range=(8.0, 16.0), grid_step=1.0, now_label="now", title="t"), examples=3),
        "programme_builder": Case(fc.programme_builder, dict(start=("low_back_arches",), days=3.0), examples=1),
        "tilt_from_points": Case(fc.tilt_from_points, dict(asis=(412.0, 530.0), psis=(300.0, 505.0),
                                                           reference=((0.0, 700.0), (800.0, 742.0)))),
        "tilt_photo": Case(fc.tilt_photo, dict(title="t"), examples=2),
        "TiltPhoto": Case(fc.TiltPhoto, dict(title="t"), examples=2),
    }


CASES = build_cases()
#: Public names the cases cover (a method's class counts through its constructor).
COVERED = {name.split(" ")[0].split(".")[0] for name in CASES} | {"adapted_joint"}


def mutations(kwargs: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """(parameter, key or index or None, bad value): every argument, and the first
    two keys or the first item of a mapping or list argument, given each bad value;
    a mapping also gets an unknown key."""
    out = []
    for param, value in kwargs.items():
        out += [(param, None, bad) for bad in BAD]
        if isinstance(value, Mapping) and value:
            keys = list(value)[:2]
            out += [(param, key, bad) for key in keys for bad in BAD]
            out.append((param, UNKNOWN, value[keys[0]]))
        elif isinstance(value, list | tuple) and value and not isinstance(value[0], str | bytes):
            out += [(param, 0, bad) for bad in BAD]
        elif isinstance(value, list | tuple) and value:
            out += [(param, 0, bad) for bad in (math.nan, None, 3, "", UNKNOWN)]
    return out


def substituted(kwargs: Mapping[str, Any], param: str, where: Any, bad: Any) -> dict[str, Any]:
    """``kwargs`` with ``param`` (or its key or item ``where``) replaced by ``bad``."""
    out = dict(kwargs)
    if where is None:
        out[param] = bad
    elif isinstance(kwargs[param], Mapping):
        out[param] = {**kwargs[param], where: bad}
    else:
        items = list(kwargs[param])
        items[where] = bad
        out[param] = type(kwargs[param])(items) if isinstance(kwargs[param], tuple) else items
    return out


def non_finite(value: Any, path: str = "result", depth: int = 0) -> Iterator[str]:
    """Paths of the numbers in ``value`` that are not finite (dataclasses, mappings,
    sequences, arrays, objects' public attributes, widgets' specs)."""
    if depth > 12 or value is None or isinstance(value, str | bytes | bool | np.bool_ | Figure | plt.Axes):
        return
    if isinstance(value, int | np.integer):
        return
    if isinstance(value, float | np.floating):
        if not math.isfinite(value):
            yield f"{path} = {value!r}"
        return
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "fc" and not np.all(np.isfinite(value)):
            yield f"{path} has {value[~np.isfinite(value)][:3]}"
        elif value.dtype.kind == "O":
            for i, item in enumerate(value.flat):
                yield from non_finite(item, f"{path}[{i}]", depth + 1)
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for name, item in fields(value).items():
            yield from non_finite(item, f"{path}.{name}", depth + 1)
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from non_finite(item, f"{path}[{key!r}]", depth + 1)
        return
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from non_finite(item, f"{path}[{i}]", depth + 1)
        return
    if isinstance(value, fc.view.widgets.BookWidget):
        for name in ("spec", "values", "angle", "torques", "choice"):
            yield from non_finite(getattr(value, name, None), f"{path}.{name}", depth + 1)
        return
    if hasattr(value, "__dict__") and not callable(value):
        for name, item in vars(value).items():
            if not name.startswith("_"):
                yield from non_finite(item, f"{path}.{name}", depth + 1)


def is_finite_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return (isinstance(value, float) and math.isfinite(value)) or (isinstance(value, int) and abs(value) < 1e308)


def outcome(call: Callable[..., Any], kwargs: Mapping[str, Any], param: str, where: Any, bad: Any = None) -> str:
    """Call and classify: 'raised ValueError', 'raised TypeError' or 'accepted, finite'.

    Fails on any other exception, a message that does not name ``param`` (and the
    key ``where``, or the index ``where`` for a ``bad`` item that is no finite
    number), or a result with a number that is not finite.
    """
    try:
        result = call(**kwargs)
    except (ValueError, TypeError) as err:
        message = str(err)
        assert param in message, f"message does not name {param!r}: {message}"
        if isinstance(where, str):
            assert repr(where) in message, f"message does not name the key {where!r}: {message}"
        elif where is not None and not is_finite_number(bad):
            # a finite number may be wrong only with the rest (a point on the pivot)
            assert f"[{where}]" in message, f"message does not name the index [{where}]: {message}"
        return "raised TypeError" if isinstance(err, TypeError) else "raised ValueError"
    finally:
        plt.close("all")
    bad = list(non_finite(result))
    assert not bad, f"accepted but not finite: {bad[:3]}"
    return "accepted, finite"


def drawn_values() -> st.SearchStrategy[Any]:
    """Bad-ish values hypothesis draws beyond ``BAD``."""
    scalars = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**400), 10**400),
                        st.text(max_size=4), st.none(), st.booleans())
    return st.one_of(scalars, st.lists(scalars, max_size=3), st.dictionaries(st.text(max_size=4), scalars, max_size=2),
                     st.tuples(scalars, scalars))


@pytest.fixture(scope="session", autouse=True)
def fuzz_counts() -> Iterator[None]:
    """Write the counts by outcome (all, and by callable) to ``_build/fuzz-counts.json`` at the end."""
    yield
    if not COUNTS:
        return
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    out = ROOT / "_build" / (f"fuzz-counts-{worker}.json" if worker else "fuzz-counts.json")
    out.parent.mkdir(exist_ok=True)
    summary = {"total": sum(COUNTS.values()), "by_outcome": dict(sorted(COUNTS.items())), "callables": len(BY_NAME),
               "by_callable": {k: dict(sorted(v.items())) for k, v in sorted(BY_NAME.items())},
               "skipped": SKIPPED, "no_inputs": list(NO_INPUTS)}
    out.write_text(json.dumps(summary, indent=1) + "\n", "utf-8")
    print(f"\nfuzz counts: {summary['by_outcome']} over {summary['callables']} callables -> {out}")


def test_every_public_name_is_fuzzed_or_listed():
    """Every callable of ``forcecouple.__all__`` has a case, or is listed with a reason."""
    callables = {n for n in fc.__all__ if callable(getattr(fc, n))}
    missing = sorted(callables - COVERED - set(NO_INPUTS) - set(SKIPPED))
    assert missing == [], f"public callables with no fuzz case: {missing}"


@pytest.mark.parametrize("name", NO_INPUTS)
def test_calls_without_inputs_return_finite_numbers(name):
    for param in inspect.signature(getattr(fc, name)).parameters.values():
        assert param.default is not inspect.Parameter.empty, f"{name} takes {param.name}"
    assert not list(non_finite(getattr(fc, name)()))


@pytest.mark.parametrize("name", [n for n in fc.__all__ if not callable(getattr(fc, n))])
def test_constants_are_finite(name):
    """Constants take no input (no fuzz); their numbers are finite."""
    assert not list(non_finite(getattr(fc, name)))


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_refused_or_harmless(name):
    case = CASES[name]
    assert not list(non_finite(case.call(**case.kwargs))), "the valid call itself"
    plt.close("all")

    @settings(max_examples=case.examples, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(sorted(case.kwargs)), drawn_values())
    def fuzz(param: str, bad: Any) -> None:
        result = outcome(case.call, substituted(case.kwargs, param, None, bad), param, None)
        COUNTS[result] += 1
        BY_NAME[name][result] += 1

    for param, where, bad in mutations(case.kwargs):
        result = outcome(case.call, substituted(case.kwargs, param, where, bad), param, where, bad)
        COUNTS[result] += 1
        BY_NAME[name][result] += 1
    fuzz()
