"""Re-used sub-solves are exactly what a fresh solve gives: every cell byte for byte.

And the envelope hash, written a faster way, is still the hash of its hashed content.

A book re-uses the parts that repeat across its grid (``apex_nb.calc.reuse_parts``: the wind and
post of one size for every soil class, ...) and keeps each adopted part sealed in the memo so it
is hashed once. Here a random sample of a grid is solved the book's way (chunks of one run
sharing the memo, in book order) and each cell's stored envelope is compared with the same
design solved alone, without any memo: the same JSON bytes, parts included.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

import apex_nb
from apex_nb.canonical import canonical_json_bytes, content_hash
from apex_nb.envelope import Applicability, Assumption, Check, Envelope, TraceItem
from apex_nb.packs import PackLibrary
from apex_nb.pricebook.engine import Job, cell_key, read_envelope, solve_chunk
from apex_nb.pricebook.spec import cells, load_spec

GRID: dict[str, Any] = {
    "price_pack_version": "2026.1.0",
    "wind_speeds_mph": [110, 150],
    "exposures": ["B", "C", "D"],
    "soil_classes": [3, 4, 5],
    "editions": ["7-10", "7-16", "7-22"],
    "signs": [
        {"sign_type": "pole", "sizes": {"widths_ft": [4, 10, 18], "heights_ft": [3, 8], "top_heights_ft": [15, 30]}}
    ],
}


def test_cells_built_with_reused_parts_are_byte_identical_to_fresh_solves(tmp_path: Path) -> None:
    grid, _ = cells(load_spec(GRID))
    pins = {"prices": "2026.1.0"}
    rng = random.Random(18)
    run = len(GRID["exposures"]) * len(GRID["soil_classes"])  # neighbours in book order share parts
    starts = sorted(rng.sample(range(0, len(grid), run), 5))
    chosen = [c for start in starts for c in grid[start : start + run]] + rng.sample(grid, 6)
    jobs = [Job(c.cell_id, c.solver, json.dumps(c.inputs, sort_keys=True), cell_key(c, pins)) for c in chosen]
    records = [
        record
        for index in range(0, len(jobs), 16)  # several chunks of one run: the memo carries over
        for record in solve_chunk(jobs[index : index + 16], str(tmp_path), pins, reuse=True, run_id="reuse-test")
    ]
    library = PackLibrary(pins=pins)
    stored = []
    for cell, record in zip(chosen, records, strict=True):
        assert record["status"] != "error", record.get("error")
        envelope = read_envelope(tmp_path, record)
        fresh = apex_nb.solve(cell.solver, cell.inputs, library=library)
        assert envelope.to_json() == fresh.to_json(), cell.cell_id
        stored.append(envelope)
    # the memo did serve: neighbours share part hashes (so the comparison above covered re-used parts)
    shared = {p.content_sha256 for e in stored[:run] for p in e.parts}
    assert sum(p.content_sha256 in shared for e in stored[1:run] for p in e.parts) >= 2 * (run - 1)


def test_a_memo_hit_returns_the_sealed_part_it_kept() -> None:
    from apex_nb.calc import reuse_parts

    base = {
        "wind": {"edition": "7-16", "wind_speed_mph": 130, "exposure": "C"},
        "faces": [{"width_ft": 8, "height_ft": 4, "top_height_ft": 20}],
    }
    with reuse_parts() as memo:
        first, second = (apex_nb.solve("design.pole_sign", {**base, "soil": {"soil_class": s}}) for s in (3, 5))
    wind = first.part("wind.asce7_sign")
    assert second.part("wind.asce7_sign") is wind  # the same object: sealed once, hashed once
    assert any(kept is wind for kept in memo.values())
    assert wind.verify() and first.verify() and second.verify()


leaves = (
    st.none()
    | st.booleans()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.integers(-(2**53 - 1), 2**53 - 1)
    | st.text(max_size=8)
)
trace_items = st.builds(
    TraceItem,
    symbol=st.text(max_size=6),
    description=st.text(max_size=12),
    formula=st.text(max_size=8),
    value=leaves | st.lists(leaves | st.dictionaries(st.text(max_size=4), leaves, max_size=3), max_size=3),
    unit=st.sampled_from(["", "ft", "yd³", "lb-ft", "\U0001f600"]),
    clause=st.text(max_size=8),
)


rules = st.builds(
    Applicability,
    rule=st.sampled_from(["a", "b", "1"]),
    ok=st.booleans(),
    note=st.sampled_from(["", "n", "é"]),
    penalty=st.sampled_from([0.0, 1.0, 0.1, 0.2]),
)
assumptions = st.builds(Assumption, text=st.sampled_from(["x", "y", "§1", "\U0001f600"]), clause=st.text(max_size=3))
finite = st.floats(allow_nan=False, allow_infinity=False)
checks = st.builds(
    Check,
    id=st.text(max_size=6),
    description=st.text(max_size=10),
    clause=st.text(max_size=6),
    demand=finite | st.integers(-(2**53 - 1), 2**53 - 1),
    capacity=finite,
    ratio=finite,
    unit=st.sampled_from(["", "kip-ft", "in²", '"', "\\"]),
    passed=st.booleans(),
)
json_values = st.recursive(
    leaves, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8,
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(trace_items, max_size=6),
    st.dictionaries(st.text(max_size=5), json_values, max_size=4),
    st.lists(rules, max_size=3),
    st.lists(assumptions, max_size=3),
    st.lists(checks, max_size=3),
    st.dictionaries(st.text(max_size=5), json_values, max_size=3),
    st.lists(st.text(max_size=5), max_size=2),
)
def test_the_envelope_hash_is_the_hash_of_its_hashed_content(
    trace: list[TraceItem],
    result: dict[str, Any],
    applicability: list[Applicability],
    assumed: list[Assumption],
    checked: list[Check],
    inputs: dict[str, Any],
    warnings: list[str],
) -> None:
    """``compute_hash`` writes the inputs, result, checks, trace, packs, assumptions and rules its own
    way (some kept encoded across envelopes, as the small pools above make them recur): the bytes
    must be the general encoder's."""
    envelope = Envelope.seal(
        solver={"name": "t", "version": "1.0.0"}, inputs=inputs, result=result, confidence=1.0,
        trace=trace, applicability=applicability, assumptions=assumed, apex_nb_version="0",
        packs=[{"name": "p", "version": "1.0.0", "sha256": "a" * 64}], checks=checked, warnings=warnings,
    )  # fmt: skip
    assert envelope.content_sha256 == content_hash(envelope.hashed_content())
    assert rfc8785.dumps(envelope.hashed_content()) == canonical_json_bytes(envelope.hashed_content())


@pytest.mark.parametrize(
    "result",
    [
        {"pair": (1.5, 2)},  # a tuple: a list in JSON
        {"by_count": {1: 2.5}},  # an int key: pydantic's JSON form writes "1"
        {"x": np.float64(0.1)},  # a numpy float (a float subclass, not a plain JSON type)
        {"big": 2.0**60, "tiny": 1e-7, "whole": 3.0, "neg": -0.0},
    ],
)
def test_results_that_are_not_plain_json_hash_as_their_json_form(result: dict[str, Any]) -> None:
    """Values the direct encoder does not take go through pydantic's JSON form, as every value did before."""
    envelope = Envelope.seal(
        solver={"name": "t", "version": "1.0.0"}, inputs={"pair": (1, 2)}, result=result, confidence=0.5,
        checks=[Check(id="c", description="d", clause="", demand=1, capacity=2.0, ratio=0.5, unit="", passed=True)],
        apex_nb_version="0",
    )  # fmt: skip
    assert envelope.content_sha256 == content_hash(envelope.hashed_content())
    assert envelope.verify()


def test_text_inside_data_is_never_spliced_into_a_hash() -> None:
    """Only the hash's own members are written verbatim: a ``Raw`` (a str subclass) inside the inputs or the
    result is a string, hashed as the general path hashes it (review: it was written as JSON)."""
    from apex_nb.canonical import Raw

    for field in ("result", "inputs"):
        fields: dict[str, Any] = {"solver": {"name": "t", "version": "1"}, "inputs": {}, "result": {},
                                  "confidence": 1.0, "apex_nb_version": "0"}  # fmt: skip
        envelope = Envelope.seal(**{**fields, field: {"r": Raw('{"injected":1}')}})
        assert envelope.content_sha256 == content_hash(envelope.hashed_content())
        assert Envelope.from_json(envelope.to_json()).verify()


def test_every_part_of_a_book_cell_hashes_as_its_hashed_content() -> None:
    base = {
        "wind": {"edition": "7-22", "wind_speed_mph": 150, "exposure": "D"},
        "faces": [{"width_ft": 12, "height_ft": 6, "top_height_ft": 25}],
        "soil": {"soil_class": 5},
    }
    for _path, sub in apex_nb.solve("design.pole_sign", base).walk():
        assert sub.content_sha256 == content_hash(sub.hashed_content())


def test_worker_chunks_hold_whole_size_groups() -> None:
    """The engine solves a size's cells together (one worker's memo re-uses their parts)."""
    from apex_nb.pricebook.engine import _chunks, _group, _solve_order

    grid, _ = cells(load_spec(GRID))
    ordered = sorted(grid, key=_solve_order)
    groups = [_group(c) for c in ordered]
    assert len({g for g in groups}) * 54 == len(grid)  # 2 speeds x 3 exposures x 3 editions x 3 soils a size
    chunks = list(_chunks(ordered, 40, groups))  # type: ignore[arg-type]
    assert [c for chunk in chunks for c in chunk] == ordered
    for chunk in chunks:
        assert {_group(c) for c in chunk} == {_group(chunk[0])}  # one whole size: 54 cells >= 40
        assert len(chunk) == 54
    small = list(_chunks(ordered, 20, groups))  # type: ignore[arg-type]
    assert max(len(chunk) for chunk in small) <= 40 and [c for chunk in small for c in chunk] == ordered


def test_a_chunk_leaves_the_garbage_collector_as_it_found_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """In the caller's process the threshold is restored; in the engine's own worker the collector is back
    on after the chunk and the chunk's survivors are frozen (not scanned again), still freed by refcount."""
    import gc

    from apex_nb.pricebook import engine

    jobs = [Job(c.cell_id, c.solver, json.dumps(c.inputs), "k") for c in cells(load_spec(GRID))[0][:3]]
    before = gc.get_threshold()
    engine.solve_chunk(jobs, str(tmp_path), {}, True, "in-process")
    assert gc.get_threshold() == before and gc.isenabled()
    monkeypatch.setattr("apex_nb.batch.engines._OWN_PROCESS", True)
    frozen = gc.get_freeze_count()
    try:
        records = engine.solve_chunk(jobs, str(tmp_path), {}, True, "worker")
        assert gc.isenabled() and gc.get_threshold() == before
        assert gc.get_freeze_count() > frozen
        assert [r["status"] for r in records] == ["ok"] * 3
    finally:
        gc.unfreeze()
