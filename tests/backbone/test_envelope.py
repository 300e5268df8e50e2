"""Envelope: content hash, verification, JSON round trip, determinism, confidence rule."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest

from apex_nb import solve
from apex_nb.canonical import content_hash
from apex_nb.envelope import (
    NEAR_LIMIT_FACTOR,
    Applicability,
    Check,
    Envelope,
    confidence_from,
)
from apex_nb.errors import EnvelopeError

QZ = {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C", "height_ft": 30}

SCRIPT = (
    "import sys, apex_nb; "
    "sys.stdout.write(apex_nb.solve('wind.asce7_qz', "
    "{'edition': '7-16', 'wind_speed_mph': 115, 'exposure': 'C', 'height_ft': 30}).to_json())"
)


def test_round_trip_and_verify() -> None:
    env = solve("wind.asce7_qz", QZ)
    again = Envelope.from_json(env.to_json())
    assert again == env
    assert again.to_json() == env.to_json()
    assert again.verify()


def test_hash_covers_solver_inputs_packs_and_full_precision_result() -> None:
    env = solve("wind.asce7_qz", QZ)
    dumped = env.model_dump(mode="json")
    expected = content_hash(
        {
            "solver": {"name": "wind.asce7_qz", "version": env.solver.version},
            "inputs": env.inputs,
            "packs": [p.model_dump() for p in env.packs],
            "result": env.result,
            **{key: dumped[key] for key in ("checks", "assumptions", "applicability", "warnings", "trace")},
            "confidence": env.confidence,
            "parts": [],
        }
    )
    assert env.content_sha256 == expected
    assert env.content_sha256.startswith("sha256-jcs-v1:")
    # A change far below display precision still changes the hash.
    nudged = env.model_copy(update={"result": {**env.result, "qz_psf": env.result["qz_psf"] + 1e-12}})
    with pytest.raises(EnvelopeError, match="content hash mismatch"):
        nudged.verify()
    other_pack = env.model_copy(update={"packs": [env.packs[0].model_copy(update={"sha256": "0" * 64})]})
    with pytest.raises(EnvelopeError):
        other_pack.verify()
    other_version = env.model_copy(update={"solver": env.solver.model_copy(update={"version": "9.9.9"})})
    with pytest.raises(EnvelopeError):
        other_version.verify()


def test_different_inputs_give_different_hashes_even_when_results_round_equal() -> None:
    a = solve("wind.asce7_qz", QZ)
    b = solve("wind.asce7_qz", {**QZ, "height_ft": 30.000001})
    assert round(a.result["qz_psf"], 3) == round(b.result["qz_psf"], 3)
    assert a.content_sha256 != b.content_sha256


def test_defaults_are_filled_into_inputs() -> None:
    env = solve("wind.asce7_qz", QZ)
    assert env.inputs["kzt"] == 1.0
    assert env.inputs["kz_method"] == "table"
    assert env.inputs["ground_elevation_ft"] == 0.0


def test_json_is_byte_identical_across_processes_and_hash_seeds() -> None:
    outputs = set()
    for seed in ("0", "1", "12345", "random"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, env=env, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["content_sha256"] == solve("wind.asce7_qz", QZ).content_sha256


def test_trace_names_every_factor_with_clause() -> None:
    env = solve("wind.asce7_qz", QZ)
    symbols = {t.symbol: t for t in env.trace}
    assert {"Kz", "Kzt", "Kd", "Ke", "qz"} <= set(symbols)
    assert symbols["qz"].clause == "ASCE 7-16 §26.10.2, Eq. 26.10-1"
    assert symbols["qz"].unit == "psf"
    assert "Kd" in symbols["qz"].formula


def test_html_repr_shows_result_and_hash() -> None:
    env = solve("wind.asce7_qz", QZ)
    page = env._repr_html_()
    assert "qz_psf" in page and env.content_sha256 in page and "Trace" in page


def _check(ratio: float) -> Check:
    return Check(
        id="c", description="d", clause="x", demand=ratio, capacity=1.0, ratio=ratio, unit="", passed=ratio <= 1
    )


@pytest.mark.parametrize(
    ("rules", "ratios", "expected"),
    [
        ([], [], 1.0),
        ([Applicability(rule="a", ok=True, penalty=0.5)], [0.5], 1.0),
        ([Applicability(rule="a", ok=False, penalty=0.2)], [], 0.8),
        ([Applicability(rule="a", ok=False, penalty=0.2), Applicability(rule="b", ok=False, penalty=0.5)], [], 0.4),
        ([], [0.97], NEAR_LIMIT_FACTOR),
        ([], [1.04, 0.96], NEAR_LIMIT_FACTOR),
        ([], [0.94], 1.0),
        ([], [1.2], 1.0),
        ([Applicability(rule="a", ok=False, penalty=1.0)], [0.99], 0.0),
    ],
)
def test_confidence_rule(rules: list[Applicability], ratios: list[float], expected: float) -> None:
    assert confidence_from(rules, [_check(r) for r in ratios]) == pytest.approx(expected)


def test_envelope_refuses_nan() -> None:
    env = solve("wind.asce7_qz", QZ)
    data = json.loads(env.to_json())
    data["confidence"] = float("nan")
    with pytest.raises(ValueError):
        Envelope.model_validate(data)


@pytest.mark.parametrize(
    ("where", "bad"),
    [
        (("result", "x"), float("nan")),
        (("result", "deep", 1), float("inf")),
        (("inputs", "height_ft"), float("-inf")),
    ],
)
def test_a_file_with_a_non_finite_number_is_refused(where: tuple[Any, ...], bad: float) -> None:
    """NaN or inf in the free-form inputs or result is refused, naming where, even when the stored hash
    was made for the null that pydantic's JSON form would have written in its place."""
    env = solve("wind.asce7_qz", QZ)
    data = json.loads(env.to_json())
    data["result"]["deep"] = [1.0, 2.0]
    field, *path = where
    target = data[field]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = None  # the attacker hashes the content with null ...
    data["content_sha256"] = content_hash(Envelope.model_validate(data).hashed_content())
    assert Envelope.model_validate(data).verify()
    target[path[-1]] = bad  # ... and ships NaN or inf with that hash
    text = json.dumps(data)  # Python writes NaN and Infinity, which the JSON reader accepts
    with pytest.raises(ValueError, match=f"non-finite number {bad!r} at {field}"):
        Envelope.from_json(text)
    with pytest.raises(ValueError, match="non-finite"):
        Envelope.model_validate(data)
    unchecked = Envelope.model_construct(**{**Envelope.model_validate(json.loads(env.to_json())).__dict__,
                                            field: data[field]})  # fmt: skip
    with pytest.raises(EnvelopeError, match="non-finite"):
        unchecked.verify()


def test_a_non_finite_number_in_a_draft_is_refused_when_sealed() -> None:
    """Drafts skip the walk (a solve makes thousands); sealing encodes every number and refuses NaN."""
    from apex_nb.envelope import SolverId, TraceItem

    fields = {"solver": SolverId(name="x", version="1"), "inputs": {}, "confidence": 1.0, "apex_nb_version": "0"}
    for bad in (
        {"result": {"x": [1.0, float("nan")]}},
        {"inputs": {"x": float("inf")}, "result": {}},
        {"result": {}, "trace": [TraceItem(symbol="v", description="list", value=[1.0, float("nan")])]},
    ):
        draft = Envelope.draft(**{**fields, **bad})
        with pytest.raises(ValueError, match="non-finite"):
            draft.sealed()
    placeholder = "sha256-jcs-v1:" + "0" * 64
    with pytest.raises(ValueError, match=r"non-finite number nan at trace\[0\].value\[0\]"):  # a file
        Envelope.model_validate({**fields, "result": {}, "content_sha256": placeholder,
                                 "trace": [{"symbol": "v", "description": "d", "value": [float("nan")]}]})  # fmt: skip


def test_trials_are_drafts_and_adopted_parts_are_sealed() -> None:
    """Sizing trials skip hashing; whatever becomes a part, and every returned envelope, is sealed."""
    from apex_nb.calc import Calc
    from apex_nb.errors import EnvelopeError
    from apex_nb.packs import PackLibrary

    calc = Calc(PackLibrary())
    trial = calc.trial("wind.asce7_qz", {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C", "height_ft": 30})
    assert not trial.is_sealed
    with pytest.raises(EnvelopeError):
        trial.verify()
    part = calc.adopt(trial)
    assert part.is_sealed and part.verify() and calc.parts == [part]
    design = solve(
        "design.pole_sign",
        {"wind": {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C"},
         "faces": [{"width_ft": 10, "height_ft": 6, "top_height_ft": 25}]},
    )  # fmt: skip
    stack = [design]
    while stack:
        envelope = stack.pop()
        assert envelope.is_sealed, envelope.solver.name
        stack.extend(envelope.parts)
    assert design.verify()


def test_a_trial_design_reads_sealed_part_hashes() -> None:
    """Inside a trial, parts stay drafts until read: the quote and parts_sha256 still carry real hashes."""
    from apex_nb.registry import solve as registry_solve

    quote = registry_solve("design.quick_quote", {}, sealed=False)
    assert not quote.is_sealed
    design_hash = quote.result["design_content_sha256"]
    assert design_hash != "sha256-jcs-v1:" + "0" * 64
    sealed = quote.sealed()
    assert sealed.verify()
    assert sealed.parts[0].content_sha256 == design_hash
    assert sealed.parts[0].result["parts_sha256"] == [p.content_sha256 for p in sealed.parts[0].parts]


def test_a_leaked_draft_hash_is_refused_when_sealing() -> None:
    from apex_nb.calc import Calc
    from apex_nb.envelope import Envelope, SolverId
    from apex_nb.errors import EnvelopeError
    from apex_nb.packs import PackLibrary

    calc = Calc(PackLibrary(), seal_parts=False)
    part = calc.solve("wind.asce7_qz", {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C", "height_ft": 30})
    draft = Envelope.draft(
        solver=SolverId(name="x", version="1"),
        inputs={},
        result={"part": part.content_sha256},  # read before sealing: a bug the seal must catch
        confidence=1.0,
        parts=[],
        apex_nb_version="0",
    )
    with pytest.raises(EnvelopeError, match="placeholder"):
        draft.sealed()


def test_a_recorded_draft_is_the_validated_draft() -> None:
    """``recorded_draft`` (the registry's, built without validating again) equals ``draft`` in every way
    for every envelope of a design, and anything unexpected is validated as ``draft`` would."""
    import pickle

    from pydantic import ValidationError

    design = solve("design.pole_sign", {"wind": {"edition": "7-22", "wind_speed_mph": 140, "exposure": "D"},
                                        "faces": [{"width_ft": 12, "height_ft": 6, "top_height_ft": 28}],
                                        "soil": {"soil_class": 4}})  # fmt: skip
    for _path, envelope in design.walk():
        fields = {name: getattr(envelope, name) for name in Envelope.model_fields if name != "content_sha256"}
        fast, slow = Envelope.recorded_draft(**fields), Envelope.draft(**fields)
        assert fast == slow and fast.model_fields_set == slow.model_fields_set
        assert fast.model_dump_json() == slow.model_dump_json() and repr(fast) == repr(slow)
        assert pickle.loads(pickle.dumps(fast)) == slow and fast.model_copy() == slow
        assert fast.sealed().content_sha256 == envelope.content_sha256 == slow.sealed().content_sha256
    fields = {name: getattr(design, name) for name in Envelope.model_fields if name != "content_sha256"}
    with pytest.raises(ValidationError):
        Envelope.recorded_draft(**{**fields, "result": [1.0]})
    with pytest.raises(ValidationError, match="confidence"):
        Envelope.recorded_draft(**{**fields, "confidence": float("nan")})
    assert Envelope.recorded_draft(**{**fields, "confidence": 1}).confidence == 1.0  # an int: validated as before
    with pytest.raises(ValidationError, match="warnings"):
        Envelope.recorded_draft(**{**fields, "warnings": [3]})
