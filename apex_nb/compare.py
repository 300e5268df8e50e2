"""Side-by-side ASCE 7 editions for one sign: ``compare_editions(inputs, editions=[...])``.

Jurisdictions adopt different editions, so the same sign is often checked under two or three
of them. Each edition runs ``wind.asce7_sign`` on the same inputs (the importance factor only
reaches 7-05); the table has one column per edition, one row per factor or result, and a
``changed`` column that marks the rows whose values differ between the editions.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_EDITIONS = ("7-05", "7-10", "7-16", "7-22")

ROWS: tuple[tuple[str, str], ...] = (
    ("design_level", "design level of W"),
    ("kz_method", "Kz method"),
    ("kz", "Kz at the top of the sign"),
    ("ke", "Ke (ground elevation)"),
    ("kd", "Kd (solid signs)"),
    ("kd_applied_in", "Kd applied in"),
    ("importance_factor", "importance factor I"),
    ("gust_factor", "G"),
    ("qh_psf", "qh, psf"),
    ("s_over_h", "s/h"),
    ("b_over_s", "B/s"),
    ("cf_case_a", "Cf, Cases A/B"),
    ("force_case_a_lb", "F, Cases A/B (design level), lb"),
    ("force_case_a_asd_lb", "F, Cases A/B (ASD), lb"),
    ("minimum_force_applied", "minimum force governs"),
    ("resultant_height_ft", "resultant height, ft"),
    ("moment_at_grade_lb_ft", "M at grade (design level), lb-ft"),
    ("moment_at_grade_asd_lb_ft", "M at grade (ASD), lb-ft"),
    ("torsion_case_b_lb_ft", "T, Case B (design level), lb-ft"),
    ("case_c_applies", "Case C required"),
    ("case_c_force_lb", "F, Case C (design level), lb"),
    ("case_c_torsion_lb_ft", "T, Case C (design level), lb-ft"),
    ("governing_case", "governing case"),
    ("clause", "force equation"),
    ("cf_clause", "Cf figure"),
)


def _same(values: Sequence[Any]) -> bool:
    first = values[0]
    for value in values[1:]:
        if isinstance(first, float) and isinstance(value, float):
            if not math.isclose(first, value, rel_tol=1e-9, abs_tol=1e-12):
                return False
        elif value != first:
            return False
    return True


def edition_inputs(inputs: Mapping[str, Any], edition: str) -> dict[str, Any]:
    """The sign inputs for one edition: ``edition`` set, the importance factor kept for 7-05 only."""
    out = {k: v for k, v in inputs.items() if k != "edition"}
    out["edition"] = edition
    if edition != "7-05":
        out.pop("importance_factor", None)
    return out


def compare_editions(inputs: Mapping[str, Any], editions: Sequence[str] | None = None) -> pd.DataFrame:
    """Run ``wind.asce7_sign`` per edition; DataFrame with one column per edition and a ``changed`` column.

    ``df.attrs["envelopes"]`` holds each edition's content hash so every column can be traced
    back to its full envelope (solve again with the same inputs to get it).
    """
    import pandas as pd  # lazy: pandas is heavy and only this helper needs it

    from apex_nb.registry import solve

    chosen = list(editions) if editions else list(DEFAULT_EDITIONS)
    results: dict[str, dict[str, Any]] = {}
    hashes: dict[str, str] = {}
    for edition in chosen:
        envelope = solve("wind.asce7_sign", edition_inputs(inputs, edition))
        results[edition] = {**envelope.result, "confidence": envelope.confidence}
        hashes[edition] = envelope.content_sha256
    rows = (*ROWS, ("confidence", "confidence"))
    table = {edition: [results[edition].get(key) for key, _ in rows] for edition in chosen}
    frame = pd.DataFrame(table, index=[label for _, label in rows], dtype=object)
    frame["changed"] = [not _same([results[e].get(key) for e in chosen]) for key, _ in rows]
    frame.index.name = "quantity"
    frame.attrs["envelopes"] = hashes
    frame.attrs["keys"] = [key for key, _ in rows]
    return frame
