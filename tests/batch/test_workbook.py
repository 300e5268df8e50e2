"""summary.xlsx, summary.csv, failures.log and rollup.html of a batch with a skipped invalid row.

Opened with openpyxl as a project manager's spreadsheet program would: one sheet per concern,
frozen readable headers, filters, widths, number formats, key inputs beside the results and a
totals row; the money totals are checked against the envelopes, never hard-coded.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from openpyxl import load_workbook

from apex_nb.batch.runner import run_batch

from .batchutil import options, portfolio_rows, write_csv


def _sheet_with_a_bad_row(tmp_path: Path) -> Path:
    header, rows = portfolio_rows(("QF-CHI-002", "QF-PHX-006", "QF-LAX-010"))
    bad = {**rows[0], "site_id": "QF-BAD-099", "exposure": "Q", "city": "Nowhere", "state": "ZZ"}
    return write_csv(tmp_path / "sites.csv", header, [*rows, bad])


def test_workbook_rollup_and_log(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_batch(options(_sheet_with_a_bad_row(tmp_path), out, skip_invalid=True))
    assert result.exit_code == 1 and not result.complete  # a skipped row is not a finished batch
    assert result.headline == "priced 3 of 4 sites (1 invalid)"
    envelopes = {p.parent.name: json.loads(p.read_text()) for p in (out / "runs").glob("*/envelope.json")}
    expected_total = sum(e["result"]["price_total_usd"] for e in envelopes.values())

    book = load_workbook(out / "summary.xlsx")
    assert book.sheetnames == ["Sites", "Failures", "Price lines", "Subtotals", "About"]
    sites = book["Sites"]
    header = [c.value for c in sites[1]]
    for label in ("Site", "City", "State", "Sign type", "ASCE 7 edition", "Wind speed (mph)", "Exposure",
                  "Face width (ft)", "Face height (ft)", "Top height (ft)", "Price (USD)", "Steel (lb)",
                  "Concrete (yd³)", "Post", "Foundation", "Governing check", "Envelope", "Calc report"):  # fmt: skip
        assert label in header, label
    assert not [h for h in header if "_" in str(h)], "snake_case header"
    assert header.index("Wind speed (mph)") < header.index("Price (USD)")  # inputs beside results
    assert sites.freeze_panes == "C2" and sites.auto_filter.ref == f"A1:{sites.cell(1, len(header)).column_letter}5"
    assert sites.column_dimensions["B"].width >= 12
    col = {h: i + 1 for i, h in enumerate(header)}
    ok_rows = [r for r in range(2, 6) if sites.cell(r, col["Status"]).value == "ok"]
    assert len(ok_rows) == 3
    for r in ok_rows:
        price = sites.cell(r, col["Price (USD)"])
        assert price.data_type == "n" and price.number_format == '"$"#,##0'
        assert sites.cell(r, col["Wind speed (mph)"]).value > 0
        link = sites.cell(r, col["Envelope"]).hyperlink
        assert link is not None and (out / link.target).is_file()
        report = sites.cell(r, col["Calc report"]).hyperlink
        assert report is not None and (out / report.target).read_text().startswith("<!")
    total = sites.cell(6, col["Price (USD)"])
    assert str(sites.cell(6, 1).value).startswith("Total") and abs(total.value - expected_total) < 0.01

    failures = book["Failures"]
    assert [c.value for c in failures[2]][:6] == [5, "QF-BAD-099", "Nowhere", "ZZ", "pole", "invalid"]
    assert "exposure" in failures.cell(2, 7).value and "\n" not in failures.cell(2, 7).value

    lines = book["Price lines"]
    amounts = [lines.cell(r, 7).value for r in range(2, lines.max_row)]
    assert abs(sum(amounts) - expected_total) < 0.05  # every site's lines add up to its price
    assert abs(lines.cell(lines.max_row, 7).value - expected_total) < 0.05
    groups = book["Subtotals"]
    states = {groups.cell(r, 1).value for r in range(2, groups.max_row)}
    assert {"IL", "AZ", "CA", "ZZ"} <= states

    rows = list(csv.DictReader((out / "summary.csv").open(encoding="utf-8")))
    assert [r["status"] for r in rows] == ["ok", "ok", "ok", "invalid"]
    assert rows[0]["wind_speed_mph"] and rows[0]["report"] == "runs/QF-CHI-002/report.html"
    log = (out / "failures.log").read_text()
    assert "=== QF-BAD-099 (row 5, invalid) ===" in log and "exposure" in log
    page = (out / "rollup.html").read_text()
    assert "Priced 3 of 4 sites (1 invalid)." in page
    assert "QF-BAD-099" in page and 'href="runs/QF-PHX-006/report.html"' in page
    assert f"${expected_total:,.0f}" in page
