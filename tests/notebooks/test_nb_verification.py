"""The verification registry: every published example matches, rows are well formed."""

from __future__ import annotations

import pytest

from apex_nb.verification import EXAMPLES, compare, run_examples, summary


def test_examples_are_complete() -> None:
    ids = [e["id"] for e in EXAMPLES]
    assert len(ids) == len(set(ids))
    for example in EXAMPLES:
        assert example["source"] and example["expected"] and example["tolerance"] > 0 and example["note"]


def test_every_example_matches_its_published_values() -> None:
    rows = run_examples()
    bad = [
        (r["id"], r["key"], r["actual"], r["expected"]) for r in rows if r["status"] not in ("pass", "missing-solver")
    ]
    assert not bad
    assert summary(rows)["pass"] >= 9


@pytest.mark.parametrize(
    ("actual", "expected", "tol", "ok"),
    [(56.6219, 56.62, 5e-4, True), (56.7, 56.62, 5e-4, False), (0.0, 0.0, 1e-9, True), ("C", "C", 0, True)],
)
def test_compare(actual, expected, tol, ok) -> None:
    assert compare(actual, expected, tol)[0] is ok


def test_missing_solver_is_reported_not_raised() -> None:
    rows = run_examples([{"id": "x", "solver": "no.such", "inputs": {}, "expected": {"a": 1}, "tolerance": 0.1}])
    assert rows[0]["status"] == "missing-solver"
