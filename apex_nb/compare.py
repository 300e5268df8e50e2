"""Side-by-side ASCE 7 editions: ``compare_editions(inputs, editions=[...], solver=...)``.

Jurisdictions adopt different editions, so the same sign is often checked under two or three
of them. Any solver with an ASCE 7 ``edition`` input works: the edition is set at the top level
(``wind.asce7_sign``, ``wind.asce7_qz``...) or in the nested ``wind`` group of the complete
designs (``design.pole_sign``: ``inputs["wind"]["edition"]``). The 7-05-only importance factor
is kept for 7-05 and dropped for the other editions.

The result is tidy: one row per edition, one column per scalar result with its unit in the
column name (``qh (psf)``, ``price total (USD)``), then the governing check over every part
(``Envelope.governing``), its ratio, the verdict, the review flag, the confidence and the content
hash. ``df.attrs["changed"]`` lists the columns whose values differ between editions and
``df.attrs["envelopes"]`` each edition's content hash.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from apex_nb.errors import FieldProblem, InputError

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_EDITIONS = ("7-05", "7-10", "7-16", "7-22")
CONTEXT = "compare_editions"
_SKIP = {"governing_check", "governing_ratio", "needs_engineer_review", "parts_sha256"}


def column_name(key: str, value: Any = 0.0) -> str:
    """``qh_psf`` -> ``qh (psf)``; ``price_total_usd`` -> ``price total (USD)``; text values keep no unit."""
    from apex_nb.report.blocks import _SUFFIX_UNITS

    lowered = key.lower()
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    for suffix, unit in _SUFFIX_UNITS:
        if numeric and unit != "ratio" and lowered.endswith(suffix):
            return f"{key[: -len(suffix)].replace('_', ' ')} ({unit})"
    return key.replace("_", " ")


def _holder(solver: str, data: dict[str, Any]) -> dict[str, Any]:
    """The dict that holds ``edition``: the inputs, or their nested ``wind`` group."""
    from apex_nb.registry import get_solver

    schema = get_solver(solver).input_schema()
    properties = schema.get("properties", {})
    if "edition" in properties:
        return data
    if "wind" in properties:
        wind = data.setdefault("wind", {})
        if not isinstance(wind, dict):
            raise InputError([FieldProblem("wind", "must be an object with the site wind", "an object")], CONTEXT)
        return wind
    raise InputError([FieldProblem("solver", f"{solver} takes no ASCE 7 edition", "a solver with an edition")], CONTEXT)


def _default_solver(inputs: Mapping[str, Any]) -> str:
    """``wind.asce7_sign`` for flat sign inputs, ``design.pole_sign`` for inputs with a ``wind`` group."""
    return "design.pole_sign" if isinstance(inputs.get("wind"), Mapping) else "wind.asce7_sign"


def edition_inputs(inputs: Mapping[str, Any], edition: str, solver: str = "wind.asce7_sign") -> dict[str, Any]:
    """A deep copy of ``inputs`` with ``edition`` set where the solver reads it (7-05 keeps I)."""
    data = copy.deepcopy(dict(inputs))
    holder = _holder(solver, data)
    holder["edition"] = edition
    if edition != "7-05":
        holder.pop("importance_factor", None)
    return data


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, (bool, int, float, str))


def _same(values: Sequence[Any]) -> bool:
    first = values[0]
    for value in values[1:]:
        if isinstance(first, float) and isinstance(value, float):
            if not math.isclose(first, value, rel_tol=1e-9, abs_tol=1e-12):
                return False
        elif value != first:
            return False
    return True


def compare_editions(
    inputs: Mapping[str, Any], editions: Sequence[str] | None = None, *, solver: str | None = None
) -> pd.DataFrame:
    """Solve ``solver`` once per edition; a tidy DataFrame, one row per edition (module docstring)."""
    import pandas as pd  # lazy: pandas is heavy and only this helper needs it

    from apex_nb.registry import solve

    name = solver or _default_solver(inputs)
    chosen = list(editions) if editions else list(DEFAULT_EDITIONS)
    if not chosen:
        raise InputError([FieldProblem("editions", "no edition given", "e.g. ['7-10', '7-16', '7-22']")], CONTEXT)
    records: list[dict[str, Any]] = []
    hashes: dict[str, str] = {}
    for edition in chosen:
        envelope = solve(name, edition_inputs(inputs, edition, name))
        row: dict[str, Any] = {"edition": edition}
        for key, value in envelope.result.items():
            if key not in _SKIP and _scalar(value) and not key.endswith("sha256"):
                row[column_name(key, value)] = value
        found = envelope.governing()
        review = envelope.result.get("needs_engineer_review")
        row.update(
            {
                "governing check": found.label if found else None,
                "governing ratio": found.ratio if found else None,
                "passed": envelope.passed,
                "needs engineer review": review if isinstance(review, bool) else None,
                "confidence": envelope.confidence,
                "content sha256": envelope.content_sha256,
            }
        )
        records.append(row)
        hashes[edition] = envelope.content_sha256
    columns = list(dict.fromkeys(key for record in records for key in record))
    frame = pd.DataFrame(records, columns=columns).set_index("edition")
    frame.attrs["solver"] = name
    frame.attrs["envelopes"] = hashes
    frame.attrs["changed"] = [
        column for column in frame.columns if column != "content sha256" and not _same(list(frame[column]))
    ]
    return frame


def styled(frame: pd.DataFrame) -> Any:
    """A pandas Styler of ``compare_editions`` for notebooks: numbers by unit, yes/no, – for None.

    Columns that change between editions are highlighted; the hash column is shortened.
    """
    from apex_nb.report.blocks import fmt

    def unit(column: str) -> str:
        return column[column.rfind("(") + 1 : -1] if column.endswith(")") else ("ratio" if "ratio" in column else "")

    def formatter(column: str) -> Any:
        if column == "content sha256":
            return lambda v: str(v)[:25] + "…"
        column_unit = unit(column)
        return lambda v: fmt(v, column_unit)

    formatters = {column: formatter(column) for column in frame.columns}
    changed = set(frame.attrs.get("changed", []))
    styler = frame.style.format(formatters, escape="html")  # result text is data, never markup
    styler = styler.format_index(escape="html", axis=0).format_index(escape="html", axis=1)
    return styler.map_index(lambda c: "background:#fff8c5" if c in changed else "", axis=1)
