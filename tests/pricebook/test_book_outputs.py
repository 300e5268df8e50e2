"""The fast book outputs read back as the slow ones did: the flat "cells" sheet and index.json."""

from __future__ import annotations

import io
import json

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
