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


def test_a_hostile_chunk_file_is_an_error_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A damaged, oversized, looping or out-of-folder chunk is an EnvelopeError naming the cell and the
    chunk, never a traceback or a blow-up in memory (review: a few kB of gzip inflated to 3 GB)."""
    import gzip

    import zstandard

    from apex_nb.errors import EnvelopeError
    from apex_nb.pricebook import engine

    cells = tmp_path / "cells"
    cells.mkdir()
    record = {"cell_id": "c", "line": 0, "content_sha256": "x"}

    def refused(name: str, data: bytes | None, match: str, **extra: Any) -> None:
        if data is not None:
            (cells / name).write_bytes(data)
        with pytest.raises(EnvelopeError, match=match):
            engine.read_envelope(tmp_path, {**record, "envelope_file": name, **extra})

    refused("junk.jsonl.zst", b"not a frame", r"chunk junk\.jsonl\.zst: not a readable zst file")
    refused("junk.jsonl.gz", b"not gzip", r"not a readable gz file")
    refused("cut.jsonl.gz", gzip.compress(b"{}" * 1000)[:40], r"chunk cut\.jsonl\.gz")
    monkeypatch.setattr(engine, "MAX_CHUNK_BYTES", 1000)
    refused("big.jsonl.zst", zstandard.ZstdCompressor().compress(b"\n" * 5000), "inflates to over 1000 bytes")
    refused("big.jsonl.gz", gzip.compress(b"x" * 5000), "inflates to over 1000 bytes")
    monkeypatch.undo()
    monkeypatch.setattr(engine, "MAX_CHUNK_LINES", 10)
    refused("lines.jsonl.zst", zstandard.ZstdCompressor().compress(b"{}\n" * 50), "over 10 lines")
    loop = b'{"parts":[{"$line":1}]}\n{"parts":[{"$line":0}]}\n'
    refused("loop.jsonl.zst", zstandard.ZstdCompressor().compress(loop), "not an earlier line", line=1)
    refused("deep.jsonl.zst", zstandard.ZstdCompressor().compress(b"[" * 100_000 + b"\n"), "line 0")
    refused("short.jsonl.zst", zstandard.ZstdCompressor().compress(b"{}\n"), "no line 5", line=5)
    refused("../../etc/passwd", None, "names no chunk file")
    refused("missing.jsonl.zst", None, "No such file")


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


def test_a_failed_index_write_leaves_the_old_workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The child's workbook is put in place only after the index and HTML are written (review: it replaced
    book.xlsx beside a failed index); the child is reaped and its file removed."""
    import os

    from apex_nb.pricebook import book

    index = _book_index(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / book.WORKBOOK).write_bytes(b"old workbook")
    (out / book.INDEX).mkdir()  # the index cannot be written over a folder
    monkeypatch.setattr(book, "PARALLEL_OUTPUTS_MIN_CELLS", 1)
    with pytest.raises(OSError):
        book.write_outputs(out, index, pdf=False)
    assert (out / book.WORKBOOK).read_bytes() == b"old workbook"
    assert [p.name for p in out.iterdir() if p.name.endswith(".part")] == []
    assert not _zombie_children(os.getpid())


def _zombie_children(pid: int) -> list[str]:
    """Defunct child processes of ``pid`` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] == "Z" and int(fields[1]) == pid:
            found.append(stat.parent.name)
    return found
