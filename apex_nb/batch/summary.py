"""Batch outputs: ``summary.csv`` / ``summary.xlsx`` (one row per site) and ``rollup.html``.

Every row of the portfolio appears once: finished runs with their key results, failed runs with
their error, invalid rows with their problems, and runs a Ctrl-C left undone. The roll-up sums
steel, concrete and price over the finished sites that report them, counts the governing checks
and lists the sites that need an engineer's review. Both are rebuilt from the run folders, so
they always describe what is on disk.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from apex_nb import __version__
from apex_nb.batch.keys import ENVELOPE_NAME, RunRecord, atomic_write

if TYPE_CHECKING:
    import pandas as pd

    from apex_nb.batch.rows import Portfolio
    from apex_nb.batch.runner import BatchResult

COLUMNS = (
    "row",
    "site_id",
    "city",
    "state",
    "sign_type",
    "solver",
    "status",
    "run",
    "error",
    "passed",
    "governing_check",
    "governing_ratio",
    "needs_engineer_review",
    "review_reasons",
    "post_label",
    "foundation_summary",
    "steel_lb",
    "concrete_yd3",
    "price_total_usd",
    "qz_psf",
    "confidence",
    "warnings",
    "content_sha256",
    "envelope",
    "notebook",
)
TOTALS = (
    ("steel_lb", "steel", "lb", 0),
    ("concrete_yd3", "concrete", "yd³", 2),
    ("price_total_usd", "price", "USD", 2),
)


def _governing(envelope: dict[str, Any]) -> tuple[str, float | None]:
    """The governing check over the envelope and its parts: ``Envelope.governing()``, the one rule."""
    from apex_nb.envelope import Envelope

    found = Envelope.model_validate(envelope).governing()
    return (found.label, found.ratio) if found else ("", None)


def _passed(envelope: dict[str, Any]) -> bool:
    return all(c["passed"] for c in envelope.get("checks") or []) and all(
        _passed(p) for p in envelope.get("parts") or []
    )


def _reasons(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def envelope_row(envelope: dict[str, Any]) -> dict[str, Any]:
    """Summary columns read from one envelope."""
    result = envelope["result"]
    check, ratio = _governing(envelope)
    return {
        "passed": _passed(envelope),
        "governing_check": check,
        "governing_ratio": ratio,
        "needs_engineer_review": bool(result.get("needs_engineer_review", False)),
        "review_reasons": _reasons(result.get("review_reasons")),
        "post_label": result.get("post_label"),
        "foundation_summary": result.get("foundation_summary"),
        "steel_lb": result.get("steel_lb"),
        "concrete_yd3": result.get("concrete_yd3"),
        "price_total_usd": result.get("price_total_usd"),
        "qz_psf": result.get("qz_psf"),
        "confidence": envelope.get("confidence"),
        "warnings": len(envelope.get("warnings") or []),
        "content_sha256": envelope.get("content_sha256"),
    }


def summary_frame(out: Path, portfolio: Portfolio, result: BatchResult) -> pd.DataFrame:
    """One row per portfolio row, in sheet order."""
    import pandas as pd

    rows: list[dict[str, Any]] = []
    ran = set(result.ran)
    for item in result.planned:
        site = item.site
        folder = out / "runs" / site.site_id
        row: dict[str, Any] = {
            "row": site.row_number,
            "site_id": site.site_id,
            "city": site.row.city,
            "state": site.row.state,
            "sign_type": site.row.sign_type,
            "solver": site.solver,
        }
        record = RunRecord.read(folder)
        fresh = record is not None and record.input_key == item.input_key and (site.site_id in ran or not item.reason)
        if not fresh or record is None:
            row.update(status="not run", run="", error=f"not run in this batch ({item.reason})")
        else:
            row.update(status=record.status, run="ran" if site.site_id in ran else "reused", error=record.error)
            if record.notebook:
                row["notebook"] = f"runs/{site.site_id}/{record.notebook}"
            if record.status == "ok":
                envelope = json.loads((folder / ENVELOPE_NAME).read_text(encoding="utf-8"))
                row.update(envelope_row(envelope), envelope=f"runs/{site.site_id}/{ENVELOPE_NAME}")
        rows.append(row)
    problems: dict[int, list[str]] = defaultdict(list)
    for problem in portfolio.problems:
        problems[problem.row].append(
            f"{problem.field}: {problem.message}" + (f" (allowed: {problem.allowed})" if problem.allowed else "")
        )
    for number, site_id in portfolio.invalid_rows.items():
        rows.append({"row": number, "site_id": site_id, "status": "invalid", "error": "; ".join(problems[number])})
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.sort_values("row", kind="stable").reset_index(drop=True)


def write_summary(frame: pd.DataFrame, out: Path) -> dict[str, Path]:
    """``summary.csv`` and ``summary.xlsx``, each written atomically."""
    csv_path = atomic_write(out / "summary.csv", frame.to_csv(index=False, lineterminator="\n"))
    buffer = io.BytesIO()
    with __import__("pandas").ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name="summary")
    xlsx_path = atomic_write(out / "summary.xlsx", buffer.getvalue())
    return {"summary_csv": csv_path, "summary_xlsx": xlsx_path}


def _number(value: Any, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:,.{digits}f}"
    return html.escape(str(value))


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts with NaN turned into None."""
    return [{k: (None if v != v else v) for k, v in row.items()} for row in frame.to_dict("records")]


def _count(values: Any) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for value in values:
        counts[str(value)] += 1
    return counts


def rollup_html(frame: pd.DataFrame, title: str) -> str:
    """The HTML roll-up (self-contained: no scripts, no external requests)."""
    records = _records(frame)
    ok = [r for r in records if r["status"] == "ok"]
    counts = _count(r["status"] for r in records)
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>{html.escape(title)}</title>",
        "<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;"
        "margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
        "th{background:#f3f3f3}td.n{text-align:right}.bad{color:#a00}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p>apex-nb {html.escape(__version__)} · {dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()} · "
        + " · ".join(f"{html.escape(k)}: {v}" for k, v in sorted(counts.items()))
        + "</p>",
        "<p>solvers: "
        + " · ".join(
            f"{html.escape(k)}: {v}" for k, v in sorted(_count(r["solver"] for r in records if r["solver"]).items())
        )
        + "</p>",
        "<h2>Totals over finished sites</h2>",
    ]
    total_rows = []
    for key, label, unit, digits in TOTALS:
        values = [r[key] for r in ok if isinstance(r.get(key), (int, float))]
        shown = _number(sum(values), digits) if values else "not reported"
        total_rows.append([html.escape(label), shown, html.escape(unit), f"{len(values)} of {len(ok)}"])
    parts.append(_table(["quantity", "total", "unit", "sites reporting"], total_rows))
    by_check: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in ok:
        by_check[record["governing_check"] or "(no checks)"].append(record)
    check_rows = []
    for check, items in sorted(by_check.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        ratios = [r["governing_ratio"] for r in items if isinstance(r["governing_ratio"], (int, float))]
        check_rows.append(
            [
                html.escape(check),
                str(len(items)),
                _number(max(ratios), 3) if ratios else "",
                html.escape(", ".join(r["site_id"] for r in items)),
            ]
        )
    parts += ["<h2>Governing checks</h2>", _table(["check", "sites", "highest ratio", "sites"], check_rows)]
    failing = [r for r in ok if r.get("passed") is False]
    if failing:
        parts += [
            "<h2 class='bad'>Sites failing a check</h2>",
            _table(
                ["site", "governing check", "ratio"],
                [
                    [
                        html.escape(r["site_id"]),
                        html.escape(r["governing_check"] or ""),
                        _number(r["governing_ratio"], 3),
                    ]
                    for r in failing
                ],
            ),
        ]
    review = [r for r in ok if r.get("needs_engineer_review")]
    parts.append(f"<h2>Sites needing engineer review ({len(review)})</h2>")
    parts.append(
        _table(
            ["site", "city", "reasons"],
            [
                [
                    html.escape(r["site_id"]),
                    html.escape(f"{r['city'] or ''} {r['state'] or ''}".strip()),
                    html.escape(r["review_reasons"] or ""),
                ]
                for r in review
            ],
        )
        if review
        else "<p>None.</p>"
    )
    problems = [r for r in records if r["status"] != "ok"]
    if problems:
        parts += [
            "<h2 class='bad'>Failed, invalid or not run</h2>",
            _table(
                ["row", "site", "status", "error"],
                [
                    [
                        str(r["row"]),
                        html.escape(r["site_id"] or ""),
                        html.escape(r["status"]),
                        html.escape((r["error"] or "")[:400]),
                    ]
                    for r in problems
                ],
            ),
        ]
    site_rows = [
        [
            str(r["row"]),
            html.escape(r["site_id"] or ""),
            html.escape(f"{r['city'] or ''} {r['state'] or ''}".strip()),
            html.escape(r["sign_type"] or ""),
            html.escape(r["solver"] or ""),
            html.escape(r["status"]),
            html.escape(r["post_label"] or ""),
            html.escape(r["foundation_summary"] or ""),
            _number(r["steel_lb"], 0),
            _number(r["concrete_yd3"], 2),
            _number(r["price_total_usd"], 2),
            html.escape(r["governing_check"] or ""),
            _number(r["governing_ratio"], 3),
        ]
        for r in records
    ]
    headers = [
        "row",
        "site",
        "city",
        "type",
        "solver",
        "status",
        "post",
        "foundation",
        "steel lb",
        "concrete yd³",
        "price USD",
        "governing",
        "ratio",
    ]
    parts += ["<h2>Sites</h2>", _table(headers, site_rows), "</body></html>"]
    return "\n".join(parts) + "\n"


def write_outputs(out: Path, portfolio: Portfolio, result: BatchResult) -> dict[str, Path]:
    """Write the summary files and the roll-up; return their paths."""
    frame = summary_frame(out, portfolio, result)
    paths = write_summary(frame, out)
    title = f"Portfolio roll-up: {portfolio.path.name} ({len(frame)} rows)"
    paths["rollup_html"] = atomic_write(out / "rollup.html", rollup_html(frame, title))
    return paths
