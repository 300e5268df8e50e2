"""Portfolio rows: every row validated before anything runs, all problems reported at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from apex_nb.batch.rows import COLUMNS, SIGN_TYPE_SOLVER, load_portfolio, row_to_solve
from apex_nb.cli.main import main
from apex_nb.errors import InputError

from .batchutil import PORTFOLIO, SMALL, portfolio_rows, write_csv


def test_example_portfolio_is_a_realistic_mix() -> None:
    portfolio = load_portfolio(PORTFOLIO)
    assert portfolio.ok, [str(p) for p in portfolio.problems]
    rows = [site.row for site in portfolio.sites]
    assert len(rows) >= 24
    assert {r.sign_type for r in rows} == {"pole", "monument", "cantilever"}
    assert {r.exposure for r in rows} == {"B", "C", "D"}
    assert {r.soil_class for r in rows} == {1, 2, 3, 4, 5}
    assert {r.post_count for r in rows} == {1, 2}
    assert len({r.edition for r in rows}) >= 3
    assert len({(r.city, r.state) for r in rows}) == len(rows)
    assert all(r.wind_speed_source for r in rows)
    assert all(site.solver == SIGN_TYPE_SOLVER[site.row.sign_type] for site in portfolio.sites)


def test_header_is_plain_column_names() -> None:
    header = PORTFOLIO.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert set(header) <= set(COLUMNS)
    assert not any(h.startswith("#") for h in header)


BAD_ROWS = {
    # row number (header = 1) -> (field, site_id, change)
    3: ("exposure", "QF-CHI-002", {"exposure": "E"}),
    4: ("sign_width_ft", "QF-SEA-008", {"sign_width_ft": "-4"}),
    5: ("post_spacing_ft", "QF-MIA-011", {"post_spacing_ft": ""}),
}


def _bad_csv(tmp_path: Path) -> Path:
    header, rows = portfolio_rows(SMALL)
    rows = [dict(r) for r in rows]
    for number, (_, _, change) in BAD_ROWS.items():
        rows[number - 2].update(change)
    duplicate = dict(rows[0])
    rows.append(duplicate)  # row 6: duplicate of row 2
    rows.append({**rows[0], "site_id": "QF-X-1", "wind_speed_mph": "nan", "edition": "7-99"})  # row 7, two problems
    return write_csv(tmp_path / "bad.csv", header, rows)


def test_every_bad_row_is_reported_with_row_number_and_field(tmp_path: Path) -> None:
    portfolio = load_portfolio(_bad_csv(tmp_path))
    found = {(p.row, p.field) for p in portfolio.problems}
    for number, (field, site_id, _) in BAD_ROWS.items():
        assert (number, field) in found
        assert portfolio.invalid_rows[number] == site_id
    assert (6, "site_id") in found
    assert "duplicate site_id (first at row 2)" in {p.message for p in portfolio.problems if p.row == 6}
    assert {(7, "wind_speed_mph"), (7, "edition")} <= found
    assert [s.site_id for s in portfolio.sites] == ["QF-IND-026"]
    message = str(portfolio.error())
    for number in (3, 4, 5, 6, 7):
        assert f"row {number}" in message


def test_cli_refuses_bad_rows_before_running_anything(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(["batch", str(_bad_csv(tmp_path)), "--out", str(out), "--engine", "inprocess", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2
    for number in (3, 4, 5, 6, 7):
        assert f"row {number}" in err
    assert "exposure" in err and "post_spacing_ft" in err
    assert not out.exists()


def test_skip_invalid_runs_the_valid_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    args = ["batch", str(_bad_csv(tmp_path)), "--out", str(out), "--engine", "inprocess", "--quiet", "--skip-invalid"]
    assert main([*args, "--workers", "1"]) == 1  # 5 rows were skipped: the batch is not complete
    captured = capsys.readouterr()
    assert "row 3" in captured.err
    assert "ran 1" in captured.out
    assert "priced 1 of 6 sites (5 invalid)" in captured.out
    summary = (out / "summary.csv").read_text()
    assert summary.count(",invalid,") == 5
    assert (out / "runs" / "QF-IND-026" / "envelope.json").is_file()
    assert main([*args, "--workers", "1", "--allow-partial"]) == 0  # accepted on request
    assert "reused 1" in capsys.readouterr().out


def test_header_problems_are_row_1(tmp_path: Path) -> None:
    header, rows = portfolio_rows(SMALL[:1])
    rows = [{**rows[0], "colour": "red"}]
    header = [h for h in header if h != "exposure"] + ["colour"]
    portfolio = load_portfolio(write_csv(tmp_path / "h.csv", header, [{k: r.get(k, "") for k in header} for r in rows]))
    assert {(p.row, p.field, p.message) for p in portfolio.problems} >= {
        (1, "colour", "unknown column"),
        (1, "exposure", "required column is missing"),
    }
    assert not portfolio.header_ok


def test_blank_lines_keep_spreadsheet_row_numbers(tmp_path: Path) -> None:
    header, rows = portfolio_rows(SMALL[:2])
    path = tmp_path / "blank.csv"
    lines = [",".join(header), ",".join(rows[0][h] for h in header), "", ",".join(rows[1][h] for h in header)]
    path.write_text("\n".join(lines).replace(",C,", ",Q,", 2) + "\n", encoding="utf-8")
    portfolio = load_portfolio(path)
    assert {p.row for p in portfolio.problems} == {2}
    path.write_text("\n".join(lines).replace(",B,", ",Q,") + "\n", encoding="utf-8")
    assert {p.row for p in load_portfolio(path).problems} == {4}


def _xlsx(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "sites"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _typed(value: str) -> object:
    try:
        number = float(value)
    except ValueError:
        return value or None
    return int(number) if number.is_integer() else number


def test_xlsx_numbers_and_text_read_like_csv(tmp_path: Path) -> None:
    header, rows = portfolio_rows(SMALL)
    xlsx = _xlsx(tmp_path / "sites.xlsx", header, [[_typed(r[h]) for h in header] for r in rows])
    from_xlsx = load_portfolio(xlsx)
    from_csv = load_portfolio(write_csv(tmp_path / "sites.csv", header, rows))
    assert from_xlsx.ok and from_csv.ok
    assert [row_to_solve(s.row) for s in from_xlsx.sites] == [row_to_solve(s.row) for s in from_csv.sites]
    assert [s.row_number for s in from_xlsx.sites] == [2, 3, 4, 5]


def test_xlsx_edition_turned_into_a_date_is_named(tmp_path: Path) -> None:
    header, rows = portfolio_rows(SMALL[1:2])
    values = [_typed(rows[0][h]) for h in header]
    values[header.index("edition")] = dt.datetime(2026, 7, 16)
    portfolio = load_portfolio(_xlsx(tmp_path / "d.xlsx", header, [values]))
    (problem,) = portfolio.problems
    assert (problem.row, problem.field) == (2, "edition")
    assert "date" in problem.message


def test_missing_file_and_wrong_type(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        load_portfolio(tmp_path / "none.csv")
    (tmp_path / "x.txt").write_text("a")
    with pytest.raises(InputError, match="unsupported"):
        load_portfolio(tmp_path / "x.txt")


def test_solver_rules_are_reported_against_the_sheet_columns(tmp_path: Path) -> None:
    header, rows = portfolio_rows(("QF-MIA-011", "QF-SEA-008", "QF-LAX-010"))
    rows = [dict(r) for r in rows]
    rows[1]["arm_length_ft"] = "4"  # a monument has no arm
    rows[1]["sign_height_ft"] = "4"  # nor a face shorter than the monument
    rows[2]["post_count"] = "2"  # a cantilever has one post
    rows[2]["post_spacing_ft"] = "3"
    rows[2]["arm_length_ft"] = ""
    portfolio = load_portfolio(write_csv(tmp_path / "t.csv", header, rows))
    found = {(p.row, p.field) for p in portfolio.problems}
    assert {(3, "arm_length_ft"), (3, "sign_height_ft"), (4, "post_count"), (4, "arm_length_ft")} <= found
    # rules of the design input models, mapped back to the sheet's columns
    rows = [dict(rows[0], post_spacing_ft="20"), dict(rows[2], post_count="1", post_spacing_ft="", arm_length_ft="5")]
    problems = load_portfolio(write_csv(tmp_path / "p.csv", header, rows)).problems
    assert {(p.row, p.field) for p in problems} == {(2, "post_spacing_ft"), (3, "arm_length_ft")}
    assert "outside the faces" in problems[0].message and "does not fit" in problems[1].message
