"""Batch outputs: ``summary.csv``, ``summary.xlsx``, ``rollup.html``, ``failures.log`` and site reports.

Every row of the portfolio appears once: finished runs with their key inputs and results, failed
runs and invalid rows with a one-line reason (the full error text goes to ``failures.log`` only),
and runs a Ctrl-C left undone. The roll-up states plainly how many sites were priced out of how
many rows, lists every site that was not, sums price (whole dollars), steel and concrete with
subtotals by state and sign type, and links each site to its envelope and calc report.

Spreadsheets are inert: a text cell starting with ``=``, ``+``, ``-``, ``@``, tab or CR would be a
live formula in Excel or LibreOffice (a site's city is attacker-controlled text), so such cells are
written as text: typed string with a quote prefix in the workbook, and the OWASP prefix rule (a
leading ``'``) in the CSV. Numbers stay numbers.

Everything is rebuilt from the run folders, so the outputs always describe what is on disk.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from apex_nb.batch.records import ENVELOPE_NAME, RunRecord
from apex_nb.files import atomic_write
from apex_nb.version import __version__

if TYPE_CHECKING:
    import pandas as pd
    from openpyxl.worksheet.worksheet import Worksheet

    from apex_nb.batch.plan import BatchResult
    from apex_nb.batch.rows import Portfolio

REPORT_NAME = "report.html"
FAILURES_LOG = "failures.log"
REASON_CHARS = 200

#: The sheet's inputs repeated in the summary, in this order.
INPUT_COLUMNS = (
    "edition",
    "wind_speed_mph",
    "exposure",
    "sign_width_ft",
    "sign_height_ft",
    "top_height_ft",
    "post_count",
    "soil_class",
)
#: Summary columns (``summary.csv`` keeps these machine names; the workbook shows ``LABELS``).
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
    *INPUT_COLUMNS,
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
    "confidence",
    "warnings",
    "content_sha256",
    "envelope",
    "report",
    "notebook",
)
#: Readable workbook headers (units in brackets).
LABELS: dict[str, str] = {
    "row": "Sheet row",
    "site_id": "Site",
    "city": "City",
    "state": "State",
    "sign_type": "Sign type",
    "solver": "Design",
    "status": "Status",
    "run": "Run",
    "error": "Reason not priced",
    "edition": "ASCE 7 edition",
    "wind_speed_mph": "Wind speed (mph)",
    "exposure": "Exposure",
    "sign_width_ft": "Face width (ft)",
    "sign_height_ft": "Face height (ft)",
    "top_height_ft": "Top height (ft)",
    "post_count": "Posts",
    "soil_class": "Soil class",
    "passed": "All checks pass",
    "governing_check": "Governing check",
    "governing_ratio": "Governing ratio",
    "needs_engineer_review": "Engineer review",
    "review_reasons": "Review reasons",
    "post_label": "Post",
    "foundation_summary": "Foundation",
    "steel_lb": "Steel (lb)",
    "concrete_yd3": "Concrete (yd³)",
    "price_total_usd": "Price (USD)",
    "confidence": "Confidence",
    "warnings": "Warnings",
    "content_sha256": "Envelope content hash",
    "envelope": "Envelope",
    "report": "Calc report",
    "notebook": "Notebook",
}
#: Workbook number formats by column.
FORMATS: dict[str, str] = {
    "row": "0",
    "wind_speed_mph": "0",
    "sign_width_ft": "0.0#",
    "sign_height_ft": "0.0#",
    "top_height_ft": "0.0#",
    "post_count": "0",
    "soil_class": "0",
    "governing_ratio": "0.000",
    "steel_lb": "#,##0",
    "concrete_yd3": "#,##0.00",
    "price_total_usd": '"$"#,##0',
    "confidence": "0.00",
    "warnings": "0",
}
#: Columns of the Sites sheet, in order (key inputs beside the results).
SITE_SHEET = (
    "row",
    "site_id",
    "city",
    "state",
    "sign_type",
    "status",
    *INPUT_COLUMNS,
    "price_total_usd",
    "steel_lb",
    "concrete_yd3",
    "post_label",
    "foundation_summary",
    "governing_check",
    "governing_ratio",
    "passed",
    "needs_engineer_review",
    "review_reasons",
    "confidence",
    "warnings",
    "envelope",
    "report",
    "content_sha256",
)
TOTALS = (
    ("price_total_usd", "price", "USD", 0),
    ("steel_lb", "steel", "lb", 0),
    ("concrete_yd3", "concrete", "yd³", 2),
)
#: A text cell starting with one of these is a formula to Excel/LibreOffice (OWASP CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


# -- inert text ---------------------------------------------------------------------------------
def is_formula_like(value: Any) -> bool:
    """True for text a spreadsheet would evaluate (starts with = + - @ tab or CR)."""
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def csv_safe(value: Any) -> Any:
    """The OWASP rule for CSV: prefix formula-like text with ``'``; numbers and other text unchanged."""
    return "'" + value if is_formula_like(value) else value


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
        "confidence": envelope.get("confidence"),
        "warnings": len(envelope.get("warnings") or []),
        "content_sha256": envelope.get("content_sha256"),
    }


_LONG_PATH = re.compile(r"(?:/[^\s/:'\"]+)+/([^\s/:'\"]+/[^\s/:'\"]+)")
_HEX = re.compile(r"\b([0-9a-f]{12})[0-9a-f]{52}\b")


def one_line(error: str | None, limit: int = REASON_CHARS) -> str:
    """A one-line reason from an error text: a traceback's last line, whitespace collapsed,
    absolute paths cut to their last two parts, sha256 digests to 12 digits, then cut to ``limit``."""
    lines = [line.strip() for line in (error or "").splitlines() if line.strip()]
    if not lines:
        return ""
    text = lines[-1] if any(line.startswith("Traceback") for line in lines) else " ".join(lines)
    text = _HEX.sub(r"\1…", _LONG_PATH.sub(r"…/\1", re.sub(r"\s+", " ", text)))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _inputs_of(row: Any) -> dict[str, Any]:
    """The key input columns of a valid SiteRow."""
    return {name: getattr(row, name, None) for name in INPUT_COLUMNS}


def _site_report(folder: Path, envelope_text: str) -> str:
    """Write ``report.html`` beside an envelope when missing or older; return its name ('' on failure)."""
    from apex_nb.envelope import Envelope
    from apex_nb.report import render_html

    target = folder / REPORT_NAME
    envelope_path = folder / ENVELOPE_NAME
    try:
        if target.is_file() and target.stat().st_mtime_ns >= envelope_path.stat().st_mtime_ns:
            return REPORT_NAME
        atomic_write(target, render_html(Envelope.from_json(envelope_text)), durable=False)
    except Exception:  # a report must never break the summary; the envelope link remains
        return ""
    return REPORT_NAME


def summary_frame(
    out: Path,
    portfolio: Portfolio,
    result: BatchResult,
    errors: dict[str, str] | None = None,
    reports: bool = True,
) -> pd.DataFrame:
    """One row per portfolio row, in sheet order (``errors`` collects each site's full error text)."""
    import pandas as pd

    rows: list[dict[str, Any]] = []
    errors = {} if errors is None else errors
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
            **_inputs_of(site.row),
        }
        record = RunRecord.read(folder)
        fresh = record is not None and record.input_key == item.input_key and (site.site_id in ran or not item.reason)
        if not fresh or record is None:
            reason = f"not run in this batch ({item.reason})"
            row.update(status="not run", run="", error=reason)
            errors[site.site_id] = reason
        else:
            row.update(status=record.status, run="ran" if site.site_id in ran else "reused")
            if record.error:
                errors[site.site_id] = record.error
                row["error"] = one_line(record.error)
            if record.notebook:
                row["notebook"] = f"runs/{site.site_id}/{record.notebook}"
            if record.status == "ok":
                text = (folder / ENVELOPE_NAME).read_text(encoding="utf-8")
                row.update(envelope_row(json.loads(text)), envelope=f"runs/{site.site_id}/{ENVELOPE_NAME}")
                name = _site_report(folder, text) if reports else ""
                if name:
                    row["report"] = f"runs/{site.site_id}/{name}"
        rows.append(row)
    problems: dict[int, list[str]] = defaultdict(list)
    for problem in portfolio.problems:
        problems[problem.row].append(
            f"{problem.field}: {problem.message}" + (f" (allowed: {problem.allowed})" if problem.allowed else "")
        )
    for number, site_id in portfolio.invalid_rows.items():
        cells = portfolio.invalid_cells.get(number, {})
        text = "; ".join(problems[number])
        errors[site_id or f"row {number}"] = text
        rows.append(
            {
                "row": number,
                "site_id": site_id,
                "city": cells.get("city"),
                "state": cells.get("state"),
                "sign_type": cells.get("sign_type"),
                "status": "invalid",
                "error": one_line(text, 400),
            }
        )
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.sort_values("row", kind="stable").reset_index(drop=True)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts with NaN turned into None."""
    return [{k: (None if v != v else v) for k, v in row.items()} for row in frame.to_dict("records")]


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


def price_lines(out: Path, frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Every priced line of every finished site, plus one overhead-and-margin line per site."""
    lines: list[dict[str, Any]] = []
    for record in _records(frame):
        if record["status"] != "ok" or not record.get("envelope"):
            continue
        result = json.loads((out / record["envelope"]).read_text(encoding="utf-8"))["result"]
        site_lines = [x for x in result.get("price_lines") or [] if isinstance(x, dict)]
        for line in site_lines:
            lines.append(
                {
                    "site_id": record["site_id"],
                    "category": line.get("category", ""),
                    "item": line.get("item", ""),
                    "quantity": line.get("quantity"),
                    "unit": line.get("unit", ""),
                    "unit_price_usd": line.get("unit_price_usd"),
                    "amount_usd": line.get("amount_usd"),
                }
            )
        total = result.get("price_total_usd")
        direct = sum(x["amount_usd"] for x in site_lines if _is_number(x.get("amount_usd")))
        if _is_number(total) and abs(total - direct) > 0.005:
            lines.append(
                {
                    "site_id": record["site_id"],
                    "category": "overhead_margin",
                    "item": "overhead and margin",
                    "quantity": 1,
                    "unit": "lot",
                    "unit_price_usd": round(total - direct, 2),
                    "amount_usd": round(total - direct, 2),
                }
            )
    return lines


def counts(records: list[dict[str, Any]]) -> dict[str, int]:
    """Rows, priced sites, and sites by status."""
    by_status: dict[str, int] = defaultdict(int)
    for record in records:
        by_status[str(record["status"])] += 1
    priced = sum(1 for r in records if r["status"] == "ok" and _is_number(r.get("price_total_usd")))
    return {"rows": len(records), "priced": priced, **by_status}


def headline(records: list[dict[str, Any]]) -> str:
    """``priced N of M sites`` plus what happened to the others."""
    c = counts(records)
    text = f"priced {c['priced']} of {c['rows']} sites"
    others = [f"{c[s]} {s}" for s in ("failed", "invalid", "not run") if c.get(s)]
    unpriced = c.get("ok", 0) - c["priced"]
    if unpriced:
        others.append(f"{unpriced} finished without a price")
    return text + (f" ({', '.join(others)})" if others else "")


def _sum_or_none(values: list[Any]) -> float | None:
    """The sum of the numbers, or None when there are none (shown blank, never as a false 0)."""
    numbers = [v for v in values if _is_number(v)]
    return sum(numbers) if numbers else None


def subtotals(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sites, priced sites, price, steel and concrete by (state, sign type)."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        groups[(str(record.get("state") or "(none)"), str(record.get("sign_type") or "(unknown)"))].append(record)
    rows = []
    for (state, sign_type), items in sorted(groups.items()):
        ok = [r for r in items if r["status"] == "ok"]
        rows.append(
            {
                "state": state,
                "sign_type": sign_type,
                "sites": len(items),
                "priced": sum(1 for r in ok if _is_number(r.get("price_total_usd"))),
                **{key: _sum_or_none([r.get(key) for r in ok]) for key, *_ in TOTALS},
            }
        )
    return rows


# -- files ----------------------------------------------------------------------------------------
def summary_csv(frame: pd.DataFrame) -> str:
    """The CSV text: machine column names, formula-like text prefixed (OWASP), numbers as numbers."""
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180: a CR inside a cell is then quoted
    writer.writerow(COLUMNS)
    for record in _records(frame):
        writer.writerow(["" if record.get(c) is None else csv_safe(record.get(c)) for c in COLUMNS])
    return buffer.getvalue()


def _put(sheet: Worksheet, row: int, column: int, value: Any, number_format: str = "") -> Any:
    """Write one cell; text is always a string cell, formula-like text also gets a quote prefix."""
    cell = sheet.cell(row=row, column=column)
    if value is None:
        return cell
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        value = ("yes" if value else "no") if isinstance(value, bool) else str(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # never 'f': text is never a formula
        if is_formula_like(value):
            cell.quotePrefix = True
    elif number_format:
        cell.number_format = number_format
    return cell


def _table_sheet(
    sheet: Worksheet,
    headers: list[str],
    rows: Iterable[list[Any]],
    formats: list[str],
    widths: list[float],
) -> int:
    """Header (bold, frozen, filtered), rows, widths; returns the last data row."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E8EEF4")
    for column, header in enumerate(headers, start=1):
        cell = _put(sheet, 1, column, header)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    last = 1
    for last, values in enumerate(rows, start=2):
        for column, (value, number_format) in enumerate(zip(values, formats, strict=True), start=1):
            _put(sheet, last, column, value, number_format)
    sheet.freeze_panes = "C2" if len(headers) > 3 else "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(last, 2)}"
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[1].height = 32
    return last


def _width(key: str) -> float:
    return {
        "site_id": 14,
        "city": 14,
        "state": 7,
        "error": 60,
        "review_reasons": 40,
        "post_label": 18,
        "foundation_summary": 30,
        "governing_check": 34,
        "content_sha256": 24,
        "envelope": 12,
        "report": 12,
        "price_total_usd": 12,
    }.get(key, 11)


def workbook_bytes(out: Path, frame: pd.DataFrame, lines: list[dict[str, Any]], title: str) -> bytes:
    """``summary.xlsx``: Sites (inputs beside results, totals row), Failures, Price lines, Subtotals, About."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    records = _records(frame)
    book = Workbook()
    bold = Font(bold=True)

    sites = book.active
    sites.title = "Sites"
    last = _table_sheet(
        sites,
        [LABELS[c] for c in SITE_SHEET],
        ([r.get(c) for c in SITE_SHEET] for r in records),
        [FORMATS.get(c, "") for c in SITE_SHEET],
        [_width(c) for c in SITE_SHEET],
    )
    for index, record in enumerate(records, start=2):
        for key in ("envelope", "report"):
            if record.get(key):
                cell = sites.cell(row=index, column=SITE_SHEET.index(key) + 1)
                cell.value = "open"
                cell.data_type = "s"
                cell.hyperlink = record[key]
                cell.style = "Hyperlink"
    totals_row = last + 1
    label = _put(sites, totals_row, 1, f"Total ({headline(records)})")
    label.font = bold
    for key, *_ in TOTALS:
        values = [r[key] for r in records if r["status"] == "ok" and _is_number(r.get(key))]
        cell = _put(sites, totals_row, SITE_SHEET.index(key) + 1, sum(values), FORMATS[key])
        cell.font = bold

    failures = book.create_sheet("Failures")
    bad = [r for r in records if r["status"] != "ok"]
    _table_sheet(
        failures,
        ["Sheet row", "Site", "City", "State", "Sign type", "Status", "Reason (one line; full text in failures.log)"],
        ([r["row"], r["site_id"], r["city"], r["state"], r["sign_type"], r["status"], r["error"]] for r in bad),
        ["0", "", "", "", "", "", ""],
        [10, 14, 14, 7, 11, 10, 90],
    )

    priced = book.create_sheet("Price lines")
    keys = ("site_id", "category", "item", "quantity", "unit", "unit_price_usd", "amount_usd")
    last = _table_sheet(
        priced,
        ["Site", "Category", "Item", "Quantity", "Unit", "Unit price (USD)", "Amount (USD)"],
        ([line[k] for k in keys] for line in lines),
        ["", "", "", "#,##0.00", "", '"$"#,##0.00', '"$"#,##0'],
        [14, 16, 40, 11, 7, 15, 14],
    )
    _put(priced, last + 1, 1, "Total").font = bold
    amount = sum(x["amount_usd"] for x in lines if _is_number(x["amount_usd"]))
    _put(priced, last + 1, 7, amount, '"$"#,##0').font = bold

    groups = book.create_sheet("Subtotals")
    sub = subtotals(records)
    last = _table_sheet(
        groups,
        ["State", "Sign type", "Sites", "Priced", "Price (USD)", "Steel (lb)", "Concrete (yd³)"],
        (
            [g[k] for k in ("state", "sign_type", "sites", "priced", "price_total_usd", "steel_lb", "concrete_yd3")]
            for g in sub
        ),
        ["", "", "0", "0", '"$"#,##0', "#,##0", "#,##0.00"],
        [10, 12, 8, 8, 14, 12, 14],
    )
    _put(groups, last + 1, 1, "Total").font = bold
    for column, key in ((3, "sites"), (4, "priced"), (5, "price_total_usd"), (6, "steel_lb"), (7, "concrete_yd3")):
        fmt = {"price_total_usd": '"$"#,##0', "steel_lb": "#,##0", "concrete_yd3": "#,##0.00"}.get(key, "0")
        _put(groups, last + 1, column, _sum_or_none([g[key] for g in sub]) or 0, fmt).font = bold

    about = book.create_sheet("About")
    for index, (key, value) in enumerate(
        (
            ("Roll-up", title),
            ("Result", headline(records)),
            ("apex-nb", __version__),
            ("Written", dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()),
            ("Failures", f"one line each on the Failures sheet; full text in {FAILURES_LOG}"),
            ("Money", "USD, from the prices pack recorded in each site's envelope"),
        ),
        start=1,
    ):
        _put(about, index, 1, key).font = bold
        _put(about, index, 2, value)
    about.column_dimensions["A"].width = 12
    about.column_dimensions["B"].width = 90
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_summary(frame: pd.DataFrame, out: Path, title: str = "Portfolio roll-up") -> dict[str, Path]:
    """``summary.csv`` and ``summary.xlsx``, each written atomically."""
    csv_path = atomic_write(out / "summary.csv", summary_csv(frame))
    xlsx_path = atomic_write(out / "summary.xlsx", workbook_bytes(out, frame, price_lines(out, frame), title))
    return {"summary_csv": csv_path, "summary_xlsx": xlsx_path}


def failures_log(errors: dict[str, str], frame: pd.DataFrame) -> str:
    """Full error text of every site that was not priced (tracebacks live here, not in pages)."""
    rows = {str(r["site_id"] or f"row {r['row']}"): r for r in _records(frame)}
    parts = [f"apex-nb {__version__} batch failures, {dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()}\n"]
    for site, text in errors.items():
        record = rows.get(site, {})
        parts.append(f"=== {site} (row {record.get('row', '?')}, {record.get('status', '?')}) ===\n{text.rstrip()}\n")
    if len(parts) == 1:
        parts.append("no failures\n")
    return "\n".join(parts)


# -- the HTML roll-up ------------------------------------------------------------------------------
def dollars(value: Any) -> str:
    """Whole dollars: ``$507,440``."""
    return f"${value:,.0f}" if _is_number(value) else ""


def _number(value: Any, digits: int = 2) -> str:
    if not _is_number(value):
        return "" if value is None or value != value else html.escape(str(value))
    return f"{value:,.{digits}f}"


def _table(headers: list[str], rows: list[list[str]], css: str = "", numeric: Iterable[int] = ()) -> str:
    right = set(numeric)
    head = "".join(f"<th{' class=n' if i in right else ''}>{html.escape(h)}</th>" for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f"<td{' class=n' if i in right else ''}>{cell}</td>" for i, cell in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table{f' class={css}' if css else ''}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _link(path: Any, text: str) -> str:
    return f'<a href="{html.escape(str(path), quote=True)}">{html.escape(text)}</a>' if path else ""


STYLE = (
    "<style>*{box-sizing:border-box}body{font-family:system-ui,sans-serif;font-size:14px;margin:16px auto;"
    "max-width:1240px;padding:0 12px;color:#222}h1{font-size:22px}h2{font-size:17px;margin-top:1.4em}"
    "table{border-collapse:collapse;margin:0.4em 0 1em;max-width:100%}td,th{border:1px solid #ccc;"
    "padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:break-word}th{background:#f3f3f3}"
    ".n{text-align:right;white-space:nowrap}.bad{color:#a00}.headline{font-size:18px;font-weight:600}"
    "table.sites{width:100%;font-size:13px}table.sites td:nth-child(7),table.sites td:nth-child(8)"
    "{max-width:220px}table.sites td:nth-child(-n+5),table.sites td:nth-child(11){white-space:nowrap}"
    ".ok{color:#1a7f37}.meta{color:#555}</style>"
)


def rollup_html(frame: pd.DataFrame, title: str) -> str:
    """The HTML roll-up (self-contained: no scripts, no external requests; fits a 1280 px window)."""
    records = _records(frame)
    ok = [r for r in records if r["status"] == "ok"]
    c = counts(records)
    complete = c["priced"] == c["rows"]
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{html.escape(title)}</title>{STYLE}</head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p class='headline {'ok' if complete else 'bad'}'>{html.escape(headline(records)).capitalize()}.</p>",
        f"<p class='meta'>apex-nb {html.escape(__version__)} · "
        f"{dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()} · money in whole US dollars · "
        f"full error text: <a href='{FAILURES_LOG}'>{FAILURES_LOG}</a></p>",
        "<h2>Totals over priced sites</h2>",
    ]
    total_rows = []
    for key, label, unit, digits in TOTALS:
        values = [r[key] for r in ok if _is_number(r.get(key))]
        shown = (dollars(sum(values)) if key == "price_total_usd" else _number(sum(values), digits)) if values else "–"
        total_rows.append([html.escape(label), shown, html.escape(unit), f"{len(values)} of {c['rows']}"])
    parts.append(_table(["quantity", "total", "unit", "sites reporting"], total_rows, numeric=(1,)))
    parts.append("<h2>Subtotals by state and sign type</h2>")
    parts.append(
        _table(
            ["state", "sign type", "sites", "priced", "price", "steel lb", "concrete yd³"],
            [
                [
                    html.escape(g["state"]),
                    html.escape(g["sign_type"]),
                    str(g["sites"]),
                    str(g["priced"]),
                    dollars(g["price_total_usd"]),
                    _number(g["steel_lb"], 0),
                    _number(g["concrete_yd3"], 2),
                ]
                for g in subtotals(records)
            ],
            numeric=(2, 3, 4, 5, 6),
        )
    )
    problems = [r for r in records if r["status"] != "ok"]
    parts.append(f"<h2 class='{'bad' if problems else 'ok'}'>Not priced ({len(problems)})</h2>")
    parts.append(
        _table(
            ["row", "site", "place", "status", "reason"],
            [
                [
                    str(r["row"]),
                    html.escape(r["site_id"] or ""),
                    html.escape(f"{r['city'] or ''} {r['state'] or ''}".strip()),
                    html.escape(r["status"]),
                    html.escape(r["error"] or ""),
                ]
                for r in problems
            ],
            numeric=(0,),
        )
        if problems
        else "<p>None: every row was priced.</p>"
    )
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
                numeric=(2,),
            ),
        ]
    review = [r for r in ok if r.get("needs_engineer_review")]
    parts.append(f"<h2>Sites needing engineer review ({len(review)})</h2>")
    parts.append(
        _table(
            ["site", "place", "reasons"],
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
    by_check: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in ok:
        by_check[record["governing_check"] or "(no checks)"].append(record)
    check_rows = []
    for check, items in sorted(by_check.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        ratios = [r["governing_ratio"] for r in items if _is_number(r["governing_ratio"])]
        check_rows.append(
            [
                html.escape(check),
                str(len(items)),
                _number(max(ratios), 3) if ratios else "",
                html.escape(", ".join(r["site_id"] for r in items)),
            ]
        )
    parts += [
        "<h2>Governing checks</h2>",
        _table(["check", "count", "highest ratio", "site ids"], check_rows, numeric=(1, 2)),
    ]
    site_rows = [
        [
            str(r["row"]),
            html.escape(r["site_id"] or ""),
            html.escape(f"{r['city'] or ''} {r['state'] or ''}".strip()),
            html.escape(r["sign_type"] or ""),
            html.escape(r["status"]),
            dollars(r["price_total_usd"]),
            html.escape(r["post_label"] or ""),
            html.escape(r["foundation_summary"] or ""),
            html.escape(r["governing_check"] or ""),
            _number(r["governing_ratio"], 3),
            " · ".join(x for x in (_link(r.get("envelope"), "envelope"), _link(r.get("report"), "report")) if x),
        ]
        for r in records
    ]
    headers = ["row", "site", "place", "type", "status", "price", "post", "foundation", "governing", "ratio", "files"]
    parts += [
        "<h2>Sites</h2>",
        _table(headers, site_rows, css="sites", numeric=(0, 5, 9)),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def write_outputs(out: Path, portfolio: Portfolio, result: BatchResult) -> dict[str, Path]:
    """Write the summary files, site reports, the failures log and the roll-up; return their paths."""
    errors: dict[str, str] = {}
    frame = summary_frame(out, portfolio, result, errors)
    title = f"Portfolio roll-up: {portfolio.path.name}"
    paths = write_summary(frame, out, title)
    paths["failures_log"] = atomic_write(out / FAILURES_LOG, failures_log(errors, frame))
    paths["rollup_html"] = atomic_write(out / "rollup.html", rollup_html(frame, title))
    result.headline = headline(_records(frame))
    return paths
