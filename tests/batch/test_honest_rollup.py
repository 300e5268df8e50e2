"""A batch with a failed site AND an invalid row, through the command line, as a project manager sees it.

Issue 16: the roll-up used to report "2 of 2" and exit 0 with rows skipped, and put a truncated
traceback in the page. Here one site fails at run time (its wind pack was edited without
re-locking) and one row is invalid: the command exits 1, says "priced N of M" with both
counts, lists both with one-line reasons (full text only in failures.log), and the workbook
(opened with openpyxl) has them on its Failures sheet and only the priced sites in its total.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from apex_nb.cli.main import main

from .batchutil import portfolio_rows, write_csv

FAILS = "QF-IND-026"  # ASCE 7-10: reads the pack edited below
PRICED = ("QF-CHI-002", "QF-SEA-008")


def test_failed_and_invalid_rows_are_reported_and_exit_non_zero(
    tmp_path: Path, temp_packs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header, rows = portfolio_rows((FAILS, *PRICED))
    bad = {**rows[1], "site_id": "QF-BAD-099", "wind_speed_mph": "fast", "city": "Nowhere", "state": "ZZ"}
    sites = write_csv(tmp_path / "sites.csv", header, [*rows, bad])
    pack = temp_packs / "asce7-10-wind" / "1.0.0.yaml"
    pack.write_bytes(pack.read_bytes() + b"\n# unreviewed edit\n")  # bytes no longer match packs.lock
    out = tmp_path / "out"
    args = ["batch", str(sites), "--out", str(out), "--engine", "inprocess", "--workers", "1", "--quiet"]

    assert main([*args, "--skip-invalid"]) == 1
    said = capsys.readouterr()
    assert "priced 2 of 4 sites (1 failed, 1 invalid)" in said.out
    assert f"FAILED {FAILS}:" in said.out and "packs.lock" in said.out
    assert "row 5 (QF-BAD-099), wind_speed_mph" in said.err
    assert "Traceback" not in said.out + said.err
    assert "exit 1: not every site was priced" in said.out

    log = (out / "failures.log").read_text(encoding="utf-8")
    assert f"=== {FAILS}" in log and "=== QF-BAD-099 (row 5, invalid) ===" in log

    book = load_workbook(out / "summary.xlsx")
    failures = book["Failures"]
    listed = {failures.cell(r, 2).value: failures.cell(r, 6).value for r in range(2, failures.max_row + 1)}
    assert listed == {FAILS: "failed", "QF-BAD-099": "invalid"}
    reasons = [failures.cell(r, 7).value for r in range(2, failures.max_row + 1)]
    assert all(r and "\n" not in r and "Traceback" not in r and len(r) <= 200 for r in reasons), reasons
    sheet = book["Sites"]
    header_row = [c.value for c in sheet[1]]
    price = header_row.index("Price (USD)") + 1
    status = header_row.index("Status") + 1
    assert {sheet.cell(r, status).value for r in range(2, 6)} == {"ok", "failed", "invalid"}
    envelopes = [json.loads((out / "runs" / s / "envelope.json").read_text()) for s in PRICED]
    total_row = next(r for r in range(2, sheet.max_row + 1) if str(sheet.cell(r, 1).value).startswith("Total"))
    assert abs(sheet.cell(total_row, price).value - sum(e["result"]["price_total_usd"] for e in envelopes)) < 0.01

    page = (out / "rollup.html").read_text(encoding="utf-8")
    assert "Priced 2 of 4 sites (1 failed, 1 invalid)." in page and "Traceback" not in page

    assert main([*args, "--skip-invalid", "--allow-partial"]) == 0  # accepted only on request
    assert "priced 2 of 4 sites" in capsys.readouterr().out
