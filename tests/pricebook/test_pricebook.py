"""Price books: build, resume, workbook (openpyxl), PDF pages (pdftoppm), --check and lookup.

Design numbers are never written down here (the design solvers are changing): every expected
value comes from a fresh ``apex_nb.solve`` of the same inputs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

import apex_nb
from apex_nb import pricebook
from apex_nb.cli.main import main
from apex_nb.errors import InputError
from apex_nb.packs import PackLibrary, write_lock
from apex_nb.pricebook.book import read_index
from apex_nb.pricebook.engine import Job, cell_key, read_envelope, solve_chunk
from apex_nb.pricebook.spec import cells, load_spec

SPEC: dict[str, Any] = {
    "title": "Test book <b>&</b>",
    "price_pack_version": "2026.1.0",
    "wind_speeds_mph": [115, 200],
    "exposures": ["C", "D"],
    "soil_classes": [3, 5],
    "editions": ["7-16"],
    "signs": [
        {"sign_type": "pole", "sizes": {"widths_ft": [6, 20], "heights_ft": [4, 10], "top_heights_ft": [8, 40]}},
        {"sign_type": "monument", "sizes": [{"width_ft": 8, "height_ft": 5}]},
    ],
}


def _write_spec(folder: Path, spec: dict[str, Any] = SPEC) -> Path:
    path = folder / "spec.yaml"
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    return path


@pytest.fixture
def temp_packs(packs_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private packs root for this test and the worker processes it forks."""
    monkeypatch.setenv("APEX_NB_PACKS", str(packs_copy))
    return packs_copy


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    folder = tmp_path_factory.mktemp("book")
    result = pricebook.build(_write_spec(folder), folder / "book", workers=2, pdf=True)
    return folder / "book", result


def test_every_cell_is_designed_and_matches_a_fresh_solve(built: tuple[Path, Any]) -> None:
    out, result = built
    index = read_index(out)
    grid, skipped = cells(load_spec(SPEC))
    assert len(index["cells"]) == len(grid) == result.cells
    # pole sizes with a 10 ft face under an 8 ft top cannot be built: left out and counted, not hidden
    assert skipped == 2 * (1 * 2 * 2 * 2) and index["skipped_sizes"] == skipped
    assert sum(index["counts"].values()) == len(grid)
    library = PackLibrary(pins={"prices": "2026.1.0"})
    for entry in index["cells"][:: max(1, len(index["cells"]) // 6)]:
        if entry["status"] == "error":
            continue
        fresh = apex_nb.solve(entry["solver"], entry["inputs"], library=library)
        assert fresh.content_sha256 == entry["content_sha256"]
        assert fresh.result["price_total_usd"] == entry["price_total_usd"]
        assert read_envelope(out, entry).content_sha256 == entry["content_sha256"]


def test_reused_parts_give_the_same_envelopes(tmp_path: Path) -> None:
    spec = load_spec(SPEC)
    grid, _ = cells(spec)
    pins = {"prices": "2026.1.0"}
    jobs = [Job(c.cell_id, c.solver, json.dumps(c.inputs), cell_key(c, pins)) for c in grid[:12]]
    with_memo = solve_chunk(jobs, str(tmp_path / "a"), pins, reuse=True)
    without = solve_chunk(jobs, str(tmp_path / "b"), pins, reuse=False)
    assert [r.get("content_sha256") for r in with_memo] == [r.get("content_sha256") for r in without]
    assert all(r.get("content_sha256") for r in with_memo)


def test_workbook_sheets_cells_and_marks(built: tuple[Path, Any]) -> None:
    from openpyxl import load_workbook

    out, _ = built
    index = read_index(out)
    book = load_workbook(out / "book.xlsx")
    assert book.sheetnames[0] == "cover" and book.sheetnames[-1] == "cells"
    expected = {f"{t} V{v:g}" for t in ("pole", "monument") for v in SPEC["wind_speeds_mph"]}
    assert set(book.sheetnames[1:-1]) == expected
    cover = {row[0]: row[1] for row in book["cover"].iter_rows(values_only=True) if row and row[0]}
    assert cover["book content hash"] == index["book_sha256"]
    assert "2026.1.0" in cover["pack prices"]
    # the grid sheet: find each cell by its size row and exposure/soil column
    sheet = book["pole V115"]
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = values[2]
    entries = [e for e in index["cells"] if e["sign_type"] == "pole" and e["wind_speed_mph"] == 115]
    for entry in entries:
        label = f"{entry['width_ft']:g} x {entry['height_ft']:g} ft, top {entry['top_height_ft']:g} ft"
        row = next(r for r in values if r[0] == label)
        col = header.index(f"Exposure {entry['exposure']}, soil class {entry['soil_class']}")
        price, post = row[col], row[col + 1]
        if entry["status"] == "ok":
            assert price == entry["price_total_usd"] and post == entry["post_label"]
        else:  # never priced silently: a mark, no number
            assert isinstance(price, str) and price.split()[0] in ("REVIEW", "FAILS", "NOT", "ERROR")
    flat = list(book["cells"].iter_rows(values_only=True))
    names = list(flat[0])
    for row in flat[1:]:
        data = dict(zip(names, row, strict=True))
        if data["status"] != "ok":
            assert not isinstance(data["price_total_usd"], (int, float))


def test_some_cell_needs_review_or_fails_and_is_marked(built: tuple[Path, Any]) -> None:
    """200 mph, exposure D, a 20 x 10 ft face at 40 ft in soil class 5 is beyond the priced range."""
    index = read_index(built[0])
    marked = [e for e in index["cells"] if e["status"] != "ok"]
    assert marked, "the spec holds cells that need an engineer"
    html = (built[0] / "book.html").read_text(encoding="utf-8")
    marks = {"review": "REVIEW", "fails": "FAILS", "unpriced": "NOT PRICED", "error": "ERROR"}
    for entry in marked:
        assert marks[entry["status"]] in html
    assert "<b>&</b>" not in html and "Test book &lt;b&gt;&amp;&lt;/b&gt;" in html


def test_pdf_pages_render(built: tuple[Path, Any], tmp_path: Path) -> None:
    out, _ = built
    pdf = out / "book.pdf"
    assert pdf.stat().st_size > 1000
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=120)
    pages = sorted(tmp_path.glob("page*.png"))
    # a cover and one page per sign type, wind speed and edition
    assert len(pages) >= 1 + 2 * 2
    assert all(p.stat().st_size > 2000 for p in pages)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    index = read_index(out)
    assert index["book_sha256"] in text.replace("\n", "")
    assert "7-16" in text and "valid" in text


def test_resume_reuses_and_redesigns_only_what_is_gone(tmp_path: Path) -> None:
    spec = _write_spec(tmp_path)
    first = pricebook.build(spec, tmp_path / "b", workers=1, pdf=False)
    again = pricebook.build(spec, tmp_path / "b", workers=1, pdf=False)
    errors = first.counts["error"]  # a cell whose design raised is tried again, like a failed batch run
    assert again.stats.solved == errors and again.stats.reused == first.cells - errors
    assert again.book_sha256 == first.book_sha256
    chunk = next((tmp_path / "b" / "cells").glob("*.jsonl.zst"))
    chunk.write_bytes(b"broken")
    third = pricebook.build(spec, tmp_path / "b", workers=1, pdf=False)
    assert errors < third.stats.solved < first.cells
    assert third.book_sha256 == first.book_sha256


def test_check_detects_a_changed_price_pack_and_names_moved_cells(
    temp_packs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = _write_spec(tmp_path)
    out = tmp_path / "b"
    assert main(["pricebook", str(spec), "--out", str(out), "--no-pdf", "--quiet", "--workers", "2"]) in (0, 1)
    assert main(["pricebook", "--check", str(out)]) == 0
    assert "VALID" in capsys.readouterr().out
    # an edited price file (re-locked after "review") in the private packs copy
    prices = temp_packs / "prices" / "2026.1.0.yaml"
    data = yaml.safe_load(prices.read_text(encoding="utf-8"))
    steel = data["data"]["steel_usd_per_lb"]
    data["data"]["steel_usd_per_lb"] = {family: round(price * 1.5, 2) for family, price in steel.items()}
    prices.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    write_lock(temp_packs)
    report = pricebook.check(out, workers=2)
    assert not report.valid
    assert list(report.pack_changes) == ["prices@2026.1.0"]
    # oracle: re-design every cell with the edited pack and compare the prices
    index = read_index(out)
    library = PackLibrary(root=temp_packs, pins={"prices": "2026.1.0"})
    should_move = set()
    for entry in index["cells"]:
        if entry["status"] == "error":
            continue
        fresh = apex_nb.solve(entry["solver"], entry["inputs"], library=library)
        if fresh.result["price_total_usd"] != entry["price_total_usd"]:
            should_move.add(entry["cell_id"])
    assert should_move, "every design buys steel"
    assert {m.cell_id for m in report.moved} == should_move
    assert all("price_total_usd" in m.changes for m in report.moved)
    assert main(["pricebook", "--check", str(out)]) == 1
    text = capsys.readouterr().out
    assert "NOT VALID" in text and "prices@2026.1.0" in text
    assert sorted(should_move)[0] in text
    assert "why:" in text and "edited" in text


def test_lookup_quotes_from_the_book_only_on_a_cell(built: tuple[Path, Any]) -> None:
    out, _ = built
    index = read_index(out)
    entry = next(e for e in index["cells"] if e["status"] == "ok" and e["sign_type"] == "pole")
    quote_inputs = {
        "sign_type": "pole",
        "sign_width_ft": entry["width_ft"],
        "sign_height_ft": entry["height_ft"],
        "top_height_ft": entry["top_height_ft"],
        "wind_speed_mph": entry["wind_speed_mph"],
        "exposure": entry["exposure"],
        "soil_class": entry["soil_class"],
        "edition": entry["edition"],
    }
    found = pricebook.lookup(out, quote_inputs)
    assert found is not None and found.cell_id == entry["cell_id"]
    assert found.label == f"from price book {index['book_sha256'].split(':')[-1][:12]}"
    live = apex_nb.solve("design.quick_quote", quote_inputs, pack_versions={"prices": "2026.1.0"})
    assert found.price_total_usd == live.result["price_total_usd"]
    assert found.post_label == live.result["post_label"]
    off_grid = {**quote_inputs, "sign_width_ft": entry["width_ft"] + 0.5}
    assert pricebook.lookup(out, off_grid) is None
    assert pricebook.lookup(out, {**quote_inputs, "post_count": 2}) is None


def test_lookup_refuses_a_stale_book(temp_packs: Path, tmp_path: Path) -> None:
    small = {
        **SPEC,
        "wind_speeds_mph": [115],
        "signs": [{"sign_type": "monument", "sizes": [{"width_ft": 8, "height_ft": 5}]}],
    }
    out = tmp_path / "b"
    pricebook.build(small, out, workers=1, pdf=False)
    entry = read_index(out)["cells"][0]
    quote = {
        "sign_type": "monument",
        "sign_width_ft": 8,
        "sign_height_ft": 5,
        "top_height_ft": 5,
        "wind_speed_mph": 115,
        "exposure": entry["exposure"],
        "soil_class": entry["soil_class"],
        "edition": "7-16",
    }
    assert pricebook.lookup(out, quote) is not None
    prices = temp_packs / "prices" / "2026.1.0.yaml"
    prices.write_text(prices.read_text(encoding="utf-8") + "\n# reviewed edit\n", encoding="utf-8")
    write_lock(temp_packs)
    assert pricebook.lookup(out, quote) is None
    assert pricebook.book_is_current(out)[0] is False


def test_bad_spec_names_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = {**SPEC, "exposures": ["C", "X"], "soil_classes": [0]}
    with pytest.raises(InputError) as info:
        pricebook.build(bad, tmp_path / "b", pdf=False)
    text = str(info.value)
    assert "exposures" in text and "soil_classes" in text
    assert main(["pricebook", str(_write_spec(tmp_path, bad)), "--out", str(tmp_path / "c")]) == 2
    too_fast = {**SPEC, "wind_speeds_mph": [115, 400]}
    with pytest.raises(InputError, match="wind_speed_mph"):
        pricebook.build(too_fast, tmp_path / "e", pdf=False)
    unlocked = {**SPEC, "price_pack_version": "1999.1.0"}
    with pytest.raises(InputError, match="price_pack_version"):
        pricebook.build(unlocked, tmp_path / "d", pdf=False)


def test_callable_module() -> None:
    assert callable(apex_nb.pricebook) and callable(apex_nb.pricebook.lookup)
    assert shutil.which("pdftoppm")


@pytest.mark.parametrize(
    "damage",
    [
        lambda index: index.pop("valid_until"),
        lambda index: index.update(valid_until="someday"),
        lambda index: index.pop("cells"),
        lambda index: index.update(packs=[{"name": "prices"}]),
        lambda index: index.update(spec={"title": 3}),
    ],
)
def test_check_names_a_damaged_index(
    built: tuple[Path, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: Any
) -> None:
    """A hand-edited index.json is refused naming the book folder's index, never a traceback (review)."""
    copy = tmp_path / "book"
    shutil.copytree(built[0], copy)
    index = json.loads((copy / "index.json").read_text(encoding="utf-8"))
    damage(index)
    (copy / "index.json").write_text(json.dumps(index), encoding="utf-8")
    with pytest.raises(InputError, match=r"index\.json: a field is missing or malformed"):
        pricebook.check(copy, workers=1)
    assert main(["pricebook", "--check", str(copy), "--workers", "1"]) == 2
    assert "Traceback" not in capsys.readouterr().err
