"""The fast book outputs read back as the slow ones did: the flat "cells" sheet and index.json."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from apex_nb.pricebook.book import _safe, _with_flat_rows, index_text


def test_flat_sheet_xml_reads_back_with_openpyxl() -> None:
    book = Workbook(write_only=True)
    book.create_sheet("cover").append(["title"])
    book.create_sheet("cells").append(["a", "b", "c", "d"])
    buffer = io.BytesIO()
    book.save(buffer)
    hostile = ["<b>&amp;</b>", '=HYPERLINK("x")', " padded ", "bell\x07 and \x00 nul", "naïve ✓ 😀"]
    rows = [[_safe(text), index * 1.5, index, index % 2 == 0] for index, text in enumerate(hostile)]
    rows.append(["only", None, None, None])
    data = _with_flat_rows(buffer.getvalue(), "cells", ["a", "b", "c", "d"], rows)
    for read_only in (False, True):
        sheet = load_workbook(io.BytesIO(data), read_only=read_only)["cells"]
        values = [tuple(row) for row in sheet.iter_rows(values_only=True)]
        assert values[0] == ("a", "b", "c", "d")
        assert values[1] == ("<b>&amp;</b>", 0.0, 0, True)
        assert values[2][0] == '\'=HYPERLINK("x")'  # never a formula
        assert values[3][0] == " padded "
        assert values[4][0] == "bell and  nul"  # characters XML 1.0 cannot hold are dropped
        assert values[5] == ("naïve ✓ 😀", 6.0, 4, True)
        assert values[6] == ("only", None, None, None)
    assert load_workbook(io.BytesIO(data)).sheetnames == ["cover", "cells"]


def test_index_text_is_the_same_json_one_cell_a_line() -> None:
    index = {"title": "t", "cells": [{"cell_id": "a", "x": 1.5}, {"cell_id": "b", "x": None}], "counts": {"ok": 2}}
    text = index_text(index)
    assert json.loads(text) == index
    assert '\n{"cell_id":"a","x":1.5},\n{"cell_id":"b","x":null}\n' in text
    assert json.loads(index_text({**index, "cells": []})) == {**index, "cells": []}


def test_chunk_stores_each_part_once_and_reads_back_verified(tmp_path: Path) -> None:
    import gzip

    import apex_nb
    from apex_nb.calc import reuse_parts
    from apex_nb.pricebook.engine import chunk_lines, pack_chunk, read_envelope

    base = {
        "wind": {"edition": "7-16", "wind_speed_mph": 130, "exposure": "C"},
        "faces": [{"width_ft": 8, "height_ft": 4, "top_height_ft": 20}],
    }
    with reuse_parts():  # as in a book: the soil classes share the wind and post parts
        envelopes = [apex_nb.solve("design.pole_sign", {**base, "soil": {"soil_class": s}}) for s in (3, 4, 5)]
    nodes = {sub.content_sha256 for env in envelopes for _w, sub in env.walk()}
    lines, line_of = chunk_lines(envelopes)
    assert len(lines) == len(nodes) < sum(1 for env in envelopes for _ in env.walk())
    (tmp_path / "cells").mkdir()
    (tmp_path / "cells" / "new.jsonl.zst").write_bytes(pack_chunk(b"\n".join(lines) + b"\n"))
    (tmp_path / "cells" / "gz.jsonl.gz").write_bytes(gzip.compress(b"\n".join(lines) + b"\n"))  # older books
    for name in ("new.jsonl.zst", "gz.jsonl.gz"):
        for env, line in zip(envelopes, line_of, strict=True):
            record = {"cell_id": "c", "envelope_file": name, "line": line, "content_sha256": env.content_sha256}
            assert read_envelope(tmp_path, record) == env
    # a chunk written before parts were stored once (a whole envelope a line) still reads
    (tmp_path / "cells" / "old.jsonl.gz").write_bytes(gzip.compress(envelopes[1].model_dump_json().encode()))
    record = {"cell_id": "c", "envelope_file": "old.jsonl.gz", "line": 0, "content_sha256": envelopes[1].content_sha256}
    assert read_envelope(tmp_path, record) == envelopes[1]
    # a wrong link cannot pass: the hash of what is put back is verified
    broken = [*lines]
    broken[line_of[0]] = broken[line_of[0]].replace(b'{"$line":0}', b'{"$line":1}', 1)
    assert broken[line_of[0]] != lines[line_of[0]]
    (tmp_path / "cells" / "bad.jsonl.gz").write_bytes(gzip.compress(b"\n".join(broken)))
    from apex_nb.errors import EnvelopeError

    first = {"cell_id": "c", "envelope_file": "bad.jsonl.gz", "line": line_of[0]}
    first["content_sha256"] = envelopes[0].content_sha256
    with pytest.raises(EnvelopeError, match="hash mismatch"):
        read_envelope(tmp_path, first)


def test_a_chunk_file_that_is_not_zstandard_or_claims_too_much_is_refused(tmp_path: Path) -> None:
    """A damaged or hostile chunk file is an EnvelopeError naming it, never a blow-up in memory."""
    import zstandard

    from apex_nb.errors import EnvelopeError
    from apex_nb.pricebook.engine import MAX_CHUNK_BYTES, read_envelope

    (tmp_path / "cells").mkdir()
    record = {"cell_id": "c", "line": 0, "content_sha256": "x"}
    (tmp_path / "cells" / "junk.jsonl.zst").write_bytes(b"not a frame")
    with pytest.raises(EnvelopeError, match=r"junk\.jsonl\.zst: not a readable zstandard file"):
        read_envelope(tmp_path, {**record, "envelope_file": "junk.jsonl.zst"})
    streamed = zstandard.ZstdCompressor(write_content_size=False).compress(b"{}\n")  # no size in the header
    (tmp_path / "cells" / "nosize.jsonl.zst").write_bytes(streamed)
    with pytest.raises(EnvelopeError, match=f"unknown or over {MAX_CHUNK_BYTES} bytes"):
        read_envelope(tmp_path, {**record, "envelope_file": "nosize.jsonl.zst"})


def _book_index(tmp_path: Path) -> dict[str, Any]:
    from apex_nb import pricebook
    from apex_nb.pricebook.book import read_index

    spec = {
        "title": "outputs", "price_pack_version": "2026.1.0", "wind_speeds_mph": [115], "exposures": ["C"],
        "soil_classes": [3, 4], "editions": ["7-16"],
        "signs": [{"sign_type": "pole", "sizes": {"widths_ft": [6, 8], "heights_ft": [4], "top_heights_ft": [20]}}],
    }  # fmt: skip
    pricebook.build(spec, tmp_path / "book", workers=1, pdf=False)
    return read_index(tmp_path / "book")


def _sheets(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = load_workbook(path, read_only=True)
    return {name: [tuple(row) for row in book[name].iter_rows(values_only=True)] for name in book.sheetnames}


def test_a_workbook_written_beside_the_other_outputs_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large book writes its workbook in a forked child while the index and HTML are written: the same
    workbook, and the same files, as writing them one after another."""
    from apex_nb.pricebook import book

    index = _book_index(tmp_path)
    (tmp_path / "one").mkdir()
    (tmp_path / "both").mkdir()
    book.write_outputs(tmp_path / "one", index, pdf=False)
    monkeypatch.setattr(book, "PARALLEL_OUTPUTS_MIN_CELLS", 1)
    timings: dict[str, float] = {}
    paths = book.write_outputs(tmp_path / "both", index, pdf=False, timings=timings)
    assert set(paths) == {"index", "html", "workbook"} and timings["write_workbook"] > 0
    assert _sheets(tmp_path / "both" / book.WORKBOOK) == _sheets(tmp_path / "one" / book.WORKBOOK)
    for name in (book.INDEX, book.HTML):
        assert (tmp_path / "both" / name).read_bytes() == (tmp_path / "one" / name).read_bytes()


def test_a_workbook_that_fails_in_the_child_is_an_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from apex_nb.pricebook import book

    index = _book_index(tmp_path)
    monkeypatch.setattr(book, "PARALLEL_OUTPUTS_MIN_CELLS", 1)

    def broken(_index: dict[str, Any]) -> bytes:
        raise ValueError("no workbook today")

    monkeypatch.setattr(book, "workbook_bytes", broken)
    (tmp_path / "out").mkdir()
    with pytest.raises(RuntimeError, match=r"book\.xlsx failed: ValueError: no workbook today"):
        book.write_outputs(tmp_path / "out", index, pdf=False)
    assert not (tmp_path / "out" / book.WORKBOOK).exists()
    assert (tmp_path / "out" / book.HTML).exists()  # the others were written
