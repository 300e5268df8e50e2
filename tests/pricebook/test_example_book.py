"""The bundled example spec builds a book of at least 2,000 designed cells (in ``make test``)."""

from __future__ import annotations

import time
from pathlib import Path

from apex_nb import pricebook
from apex_nb.pricebook.book import read_index

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "pricebook.yaml"


def test_example_book_builds_at_least_2000_cells(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    start = time.perf_counter()
    result = pricebook.build(EXAMPLE, tmp_path / "book", workers=2, pdf=True)
    elapsed = time.perf_counter() - start
    index = read_index(tmp_path / "book")
    assert result.cells == len(index["cells"]) >= 2000
    assert sum(index["counts"].values()) == result.cells
    assert index["counts"]["ok"] > 0
    assert result.stats.solved == result.cells and result.stats.reused == 0
    book = load_workbook(tmp_path / "book" / "book.xlsx", read_only=True)
    assert len(book.sheetnames) == 2 + 3 * 3  # cover, cells, and 3 sign types x 3 wind speeds
    book.close()
    assert (tmp_path / "book" / "book.pdf").stat().st_size > 10_000
    print(f"example book: {result.cells} cells in {elapsed:.1f} s ({result.timings_s})")
