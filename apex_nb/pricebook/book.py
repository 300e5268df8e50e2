"""The outputs of a price book: ``index.json``, ``book.xlsx``, ``book.html`` and ``book.pdf``.

- ``index.json``: the spec, the pinned and read packs, the book's content hash and one entry per
  cell (its key fields, status, price, post, foundation, governing check, envelope content hash
  and cache file). ``--check`` and ``lookup`` read only this file and the cache.
- ``book.xlsx``: a cover sheet, one sheet per sign type and wind speed (sizes down, exposure and
  soil class across, price / post / foundation in each cell, one block per ASCE 7 edition) and
  a flat ``cells`` sheet. Only cells that pass every check with no review flag carry a number
  in the price column; a cell that needs review shows ``REVIEW`` and its price as text on an
  amber fill; a failing cell shows ``FAILS`` on a red fill and no price; an error shows
  ``ERROR``. Nothing is priced silently.
- ``book.html`` / ``book.pdf``: the same tables for printing (Chromium), with a cover stating the
  packs, editions, date, validity and the book's content hash. Every value is escaped.

The book's content hash covers the spec, the pins and every cell's id and envelope content hash
(or its error): two books with the same hash quote the same designs. Dates are not hashed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from apex_nb.canonical import content_hash
from apex_nb.files import atomic_write
from apex_nb.pricebook.spec import Cell, Spec
from apex_nb.version import __version__

INDEX = "index.json"
WORKBOOK = "book.xlsx"
HTML = "book.html"
PDF = "book.pdf"
SCHEME = "apex-nb-pricebook-v1"
STATUS_TEXT = {"ok": "", "review": "REVIEW", "fails": "FAILS", "unpriced": "NOT PRICED", "error": "ERROR"}
STATUSES = ("ok", "review", "fails", "unpriced", "error")
FILLS = {"review": "FFE8A6", "fails": "F4B6B6", "unpriced": "C9DAF8", "error": "D9D9D9"}


def book_hash(spec: Spec, pins: dict[str, str], cells: list[dict[str, Any]]) -> str:
    """Content hash of the whole book (spec, pins, every cell's envelope hash or error)."""
    return content_hash(
        {
            "scheme": SCHEME,
            "spec": spec.model_dump(mode="json"),
            "pins": dict(sorted(pins.items())),
            "cells": [[c["cell_id"], c.get("content_sha256") or f"error: {c.get('error', '')}"] for c in cells],
        }
    )


def index_entry(cell: Cell, record: dict[str, Any], out: Path) -> dict[str, Any]:
    """One cell of ``index.json``: its key fields, what the book shows, its envelope."""
    entry: dict[str, Any] = {"cell_id": cell.cell_id, **cell.key_fields(), "solver": cell.solver, "key": record["key"]}
    for name in (
        "status",
        "price_total_usd",
        "post_label",
        "foundation_summary",
        "governing_check",
        "governing_ratio",
        "review_reasons",
        "confidence",
        "content_sha256",
        "error",
    ):
        if name in record:
            entry[name] = record[name]
    if record.get("status") != "error":
        entry["envelope_file"] = record.get("envelope_file", "")
        entry["line"] = record.get("line", 0)
        entry["envelope_file_sha256"] = record.get("envelope_file_sha256", "")
        entry["packs"] = sorted(f"{p['name']}@{p['version']}" for p in record.get("packs", []))
    return entry


def packs_read(records: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Every pack any cell read (name, version, sha256), sorted."""
    seen: dict[tuple[str, str], str] = {}
    for record in records:
        for used in record.get("packs", []):
            seen[(used["name"], used["version"])] = used["sha256"]
    return [{"name": n, "version": v, "sha256": s} for (n, v), s in sorted(seen.items())]


def make_index(
    spec: Spec,
    cells: list[Cell],
    records: dict[str, dict[str, Any]],
    pins: dict[str, str],
    out: Path,
    skipped: int,
) -> dict[str, Any]:
    """The whole ``index.json`` document."""
    ordered = [records[c.cell_id] for c in cells]
    entries = [index_entry(c, records[c.cell_id], out) for c in cells]
    created = dt.datetime.now(dt.UTC).replace(microsecond=0)
    counts = Counter(e["status"] for e in entries)
    return {
        "scheme": SCHEME,
        "book_sha256": book_hash(spec, pins, entries),
        "title": spec.title,
        "created_at": created.isoformat(),
        "valid_until": (created + dt.timedelta(days=spec.validity_days)).date().isoformat(),
        "apex_nb_version": __version__,
        "spec": spec.model_dump(mode="json"),
        "pins": dict(sorted(pins.items())),
        "packs": packs_read(ordered),
        "editions": list(spec.editions),
        "skipped_sizes": skipped,
        "counts": {name: counts.get(name, 0) for name in STATUSES},
        "cells": entries,
    }


def index_text(index: dict[str, Any]) -> str:
    """The index as JSON text: the header indented, then one line per cell.

    ``json.dumps`` with ``indent`` runs the pure-Python encoder (about 3 s for a 10,000-cell
    book); the cells, which are nearly all of it, go through the C encoder one line each, which
    also keeps the file readable and greppable cell by cell. Same data, sorted keys.
    """
    head = json.dumps({**index, "cells": []}, indent=1, sort_keys=True, allow_nan=False)
    lines = [json.dumps(entry, sort_keys=True, allow_nan=False, separators=(",", ":")) for entry in index["cells"]]
    marker = '"cells": []'
    if not lines or head.count(marker) != 1:
        return json.dumps(index, indent=1, sort_keys=True, allow_nan=False) + "\n"
    return head.replace(marker, '"cells": [\n' + ",\n".join(lines) + "\n ]") + "\n"


def write_index(out: Path, index: dict[str, Any]) -> Path:
    """``DIR/index.json`` (atomic, durable)."""
    return atomic_write(out / INDEX, index_text(index))


def read_index(out: Path) -> dict[str, Any]:
    """``DIR/index.json``; InputError when the folder holds no book."""
    from apex_nb.errors import FieldProblem, InputError

    path = out / INDEX
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError([FieldProblem("DIR", f"{path}: {exc}", "a folder written by apex-nb pricebook")]) from None
    if not isinstance(data, dict) or data.get("scheme") != SCHEME:
        raise InputError([FieldProblem("DIR", f"{path} is not a price book index", SCHEME)])
    return data


# -- the grid every output shares ------------------------------------------------------------------
def sheets(index: dict[str, Any]) -> dict[tuple[str, float], dict[str, Any]]:
    """``{(sign type, wind speed): {editions, sizes, columns, cells}}`` in book order."""
    out: dict[tuple[str, float], dict[str, Any]] = {}
    for entry in index["cells"]:
        page = out.setdefault(
            (entry["sign_type"], entry["wind_speed_mph"]),
            {"editions": [], "sizes": [], "columns": [], "cells": {}},
        )
        size = (entry["width_ft"], entry["height_ft"], entry["top_height_ft"])
        column = (entry["exposure"], entry["soil_class"])
        for name, value in (("editions", entry["edition"]), ("sizes", size), ("columns", column)):
            if value not in page[name]:
                page[name].append(value)
        page["cells"][(entry["edition"], size, column)] = entry
    return out


def size_label(size: tuple[float, float, float]) -> str:
    """``10 x 6 ft, top 25 ft``."""
    return f"{size[0]:g} x {size[1]:g} ft, top {size[2]:g} ft"


def price_text(entry: dict[str, Any]) -> str:
    """What the price column says: the price, or the status and why no plain price is given."""
    status = entry.get("status", "error")
    price = entry.get("price_total_usd")
    if status == "ok" and isinstance(price, (int, float)):
        return f"{price:,.0f}"
    if status == "review":
        return f"REVIEW {price:,.0f}" if isinstance(price, (int, float)) else "REVIEW, NOT PRICED"
    return STATUS_TEXT.get(status, "ERROR")


def sheet_title(sign_type: str, speed: float) -> str:
    """Sheet name (Excel allows 31 characters)."""
    return f"{sign_type} V{speed:g}"[:31]


def cover_lines(index: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) pairs of the cover."""
    counts = index["counts"]
    lines = [
        ("title", index["title"]),
        ("book content hash", index["book_sha256"]),
        ("built", index["created_at"]),
        (
            "valid",
            f"until {index['valid_until']}, and only while every pack below is unchanged "
            "(check with: apex-nb pricebook --check DIR)",
        ),
        ("ASCE 7 editions", ", ".join(index["editions"])),
        ("IBC edition", str(index["spec"]["ibc_edition"])),
        ("minimum embedment", f"{index['spec']['min_depth_ft']:g} ft"),
        (
            "cells",
            f"{len(index['cells'])}: {counts['ok']} priced, {counts['review']} need review, "
            f"{counts['fails']} fail, {counts.get('unpriced', 0)} designed but outside the price pack (not priced), "
            f"{counts['error']} errors",
        ),
        ("sizes left out", f"{index['skipped_sizes']} grid cells whose face is taller than its top height"),
        ("apex-nb", index["apex_nb_version"]),
    ]
    lines += [(f"pack {p['name']}", f"{p['version']}  {p['sha256']}") for p in index["packs"]]
    return lines


# -- workbook --------------------------------------------------------------------------------------
def _safe(value: Any) -> Any:
    """Text a spreadsheet will not read as a formula (a leading = + - @ gets a quote)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def workbook_bytes(index: dict[str, Any]) -> bytes:
    """``book.xlsx`` (see the module docstring); written in openpyxl's streaming mode (large books)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    fills = {k: PatternFill("solid", fgColor=v) for k, v in FILLS.items()}

    def cell(sheet: Any, value: Any, *, font: Font | None = None, fill: PatternFill | None = None) -> Any:
        item = WriteOnlyCell(sheet, value=_safe(value))
        if font is not None:
            item.font = font
        if fill is not None:
            item.fill = fill
        if isinstance(value, float):
            item.number_format = "#,##0"
        return item

    cover = book.create_sheet("cover")
    cover.column_dimensions["A"].width = 22
    cover.column_dimensions["B"].width = 110
    cover.append([cell(cover, "price book", font=Font(bold=True, size=14))])
    for label, value in cover_lines(index):
        cover.append([cell(cover, label, font=bold), value])
    cover.append([])
    cover.append(
        [
            cell(cover, "legend", font=bold),
            "a number = priced (every check passes, no review); REVIEW = needs an engineer before quoting; "
            "FAILS = a check fails, not priced; NOT PRICED = designed, outside the price pack; ERROR = no design",
        ]
    )
    for (sign_type, speed), page in sheets(index).items():
        sheet = book.create_sheet(sheet_title(sign_type, speed))
        sheet.column_dimensions["A"].width = 24
        for j in range(len(page["columns"])):
            sheet.column_dimensions[get_column_letter(2 + 3 * j)].width = 13
            sheet.column_dimensions[get_column_letter(3 + 3 * j)].width = 20
            sheet.column_dimensions[get_column_letter(4 + 3 * j)].width = 34
        sheet.freeze_panes = "B3"
        title = f"{sign_type} signs, V = {speed:g} mph: price (USD), post, foundation; book {index['book_sha256']}"
        sheet.append([cell(sheet, title, font=bold)])
        sheet.append([])
        for edition in page["editions"]:
            head: list[Any] = [cell(sheet, f"ASCE {edition}", font=bold)]
            names: list[Any] = [cell(sheet, "size", font=bold)]
            for exposure, soil in page["columns"]:
                head += [cell(sheet, f"Exposure {exposure}, soil class {soil}", font=bold), None, None]
                names += [cell(sheet, name, font=bold) for name in ("price USD", "post", "foundation")]
            sheet.append(head)
            sheet.append(names)
            for size in page["sizes"]:
                row: list[Any] = [size_label(size)]
                for column in page["columns"]:
                    entry = page["cells"].get((edition, size, column))
                    if entry is None:
                        row += [None, None, None]
                        continue
                    status = entry.get("status", "error")
                    price = entry.get("price_total_usd")
                    first = float(price) if status == "ok" and isinstance(price, (int, float)) else price_text(entry)
                    post = entry.get("post_label", "") if status != "error" else entry.get("error", "")[:120]
                    found = (
                        entry.get("foundation_summary", "")
                        if status in ("ok", "review", "unpriced")
                        else entry.get("governing_check", "")
                    )
                    row += [cell(sheet, value, fill=fills.get(status)) for value in (first, post, found)]
                sheet.append(row)
            sheet.append([])
    flat = book.create_sheet("cells")
    flat.freeze_panes = "A2"
    names = [
        "cell_id", "sign_type", "edition", "wind_speed_mph", "exposure", "soil_class", "width_ft", "height_ft",
        "top_height_ft", "status", "price_total_usd", "post_label", "foundation_summary", "governing_check",
        "governing_ratio", "content_sha256", "error",
    ]  # fmt: skip
    flat.append(names)
    price_at = names.index("price_total_usd")
    rows = []
    for entry in index["cells"]:
        values = [entry.get(n) for n in names]
        if entry.get("status") != "ok":
            values[price_at] = price_text(entry)
        rows.append([_safe(v) for v in values])
    buffer = io.BytesIO()
    book.save(buffer)
    return _with_flat_rows(buffer.getvalue(), "cells", names, rows)


# The "cells" sheet is one row of plain values per cell (17 x 10,000 for a large book); openpyxl
# writes a cell in about 40 us, which made it most of a large book's output time. Its rows are
# written here as sheet XML directly (inline strings, numbers, booleans; XML-escaped, characters
# XML 1.0 forbids dropped as openpyxl would refuse them) into the workbook openpyxl saved with
# the header only, replacing that sheet's part. Read back with openpyxl in tests.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _xml_cell(ref: str, value: Any) -> str:
    kind = type(value)
    if kind is str:  # most cells: a type test first, the general checks below for the rest
        text = escape(_XML_ILLEGAL.sub("", value))
    elif value is None:
        return ""
    elif isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    elif isinstance(value, (int, float)) and math.isfinite(value):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    else:
        text = escape(_XML_ILLEGAL.sub("", str(value)))
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _with_flat_rows(xlsx: bytes, sheet_name: str, names: list[str], rows: list[list[Any]]) -> bytes:
    """``xlsx`` with the sheet ``sheet_name`` rewritten as ``names`` then ``rows`` (frozen header)."""
    import zipfile
    from xml.sax.saxutils import quoteattr

    from openpyxl.utils import get_column_letter

    source = zipfile.ZipFile(io.BytesIO(xlsx))
    workbook = source.read("xl/workbook.xml").decode("utf-8")
    rels = source.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    found = re.search(rf"<sheet [^>]*name={re.escape(quoteattr(sheet_name))}[^>]*r:id=\"(rId\d+)\"", workbook)
    target = re.search(rf'<Relationship [^>]*Id="{found.group(1)}"[^>]*/>', rels) if found else None
    where = re.search(r'Target="/?(?:xl/)?([^"]+)"', target.group(0)) if target else None
    if where is None:
        raise RuntimeError(f"workbook has no sheet {sheet_name!r} to fill")
    part = "xl/" + where.group(1)
    letters = [get_column_letter(i + 1) for i in range(len(names))]
    body = ["".join(_xml_cell(f"{c}{r}", v) for c, v in zip(letters, row, strict=True))
            for r, row in enumerate([names, *rows], start=1)]  # fmt: skip
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{_MAIN_NS}"><dimension ref="A1:{letters[-1]}{len(body)}"/>'
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        "<sheetData>" + "".join(f'<row r="{r}">{cells}</row>' for r, cells in enumerate(body, start=1))
        + "</sheetData></worksheet>"
    )  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target_zip:
        for info in source.infolist():
            data = sheet.encode("utf-8") if info.filename == part else source.read(info.filename)
            target_zip.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


# -- HTML / PDF ------------------------------------------------------------------------------------
_CSS = """
@page { size: letter landscape; margin: 10mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #111; }
h1 { font-size: 18pt; } h2 { font-size: 11pt; margin: 0 0 4px; }
section.page { page-break-before: always; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 1px 3px; vertical-align: top; }
th { background: #eee; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; } th.title { text-align: left; font-size: 10pt; background: #fff; border: 0; }
td.review { background: #ffe8a6; } td.fails { background: #f4b6b6; } td.error { background: #d9d9d9; }
td.unpriced { background: #c9daf8; }
td .p { font-weight: bold; } td .f { color: #444; }
table.cover td:first-child { font-weight: bold; width: 22%; }
code { font-size: 7.5pt; word-break: break-all; }
"""


def book_html(index: dict[str, Any]) -> str:
    """``book.html``: cover, then one table per sign type, wind speed and edition (all values escaped)."""
    from markupsafe import Markup, escape

    parts = [
        Markup(
            '<!doctype html><html><head><meta charset="utf-8"><title>{}</title><style>{}</style></head><body>'
        ).format(index["title"], Markup(_CSS)),
        Markup("<h1>{}</h1><table class=cover>").format(index["title"]),
    ]
    for label, value in cover_lines(index):
        shown = (
            Markup("<code>{}</code>").format(value) if "hash" in label or label.startswith("pack ") else escape(value)
        )
        parts.append(Markup("<tr><td>{}</td><td>{}</td></tr>").format(label, shown))
    parts.append(
        Markup(
            "</table><p>In each cell: the price in USD, the post, the foundation. A plain price means every check "
            "passes and no review is needed; <b>REVIEW</b> (amber) needs an engineer before quoting; <b>FAILS</b> "
            "(red) is not priced; <b>NOT PRICED</b> (blue) is designed but outside the price pack; "
            "<b>ERROR</b> (grey) has no design.</p>"
        )
    )
    for (sign_type, speed), page in sheets(index).items():
        for edition in page["editions"]:
            parts.append(
                Markup(
                    "<section class=page><table><thead><tr><th class=title colspan={}>{} signs, V = {} mph, "
                    "ASCE {}: price (USD), post, foundation (book {})</th></tr><tr><th>size</th>"
                ).format(len(page["columns"]) + 1, sign_type, f"{speed:g}", edition, index["book_sha256"][-16:])
            )
            for exposure, soil in page["columns"]:
                parts.append(Markup("<th>Exp. {}, soil {}</th>").format(exposure, soil))
            parts.append(Markup("</tr></thead><tbody>"))
            for size in page["sizes"]:
                parts.append(Markup("<tr><th>{}</th>").format(size_label(size)))
                for column in page["columns"]:
                    entry = page["cells"].get((edition, size, column))
                    if entry is None:
                        parts.append(Markup("<td></td>"))
                        continue
                    status = entry.get("status", "error")
                    detail = (
                        entry.get("foundation_summary", "")
                        if status in ("ok", "review", "unpriced")
                        else entry.get("governing_check", "") or entry.get("error", "")[:80]
                    )
                    parts.append(
                        Markup('<td class="{}"><span class=p>{}</span><br>{}<br><span class=f>{}</span></td>').format(
                            status, price_text(entry), entry.get("post_label", ""), detail
                        )
                    )
                parts.append(Markup("</tr>"))
            parts.append(Markup("</tbody></table></section>"))
    parts.append(Markup("</body></html>"))
    return str(Markup("").join(parts))


#: From this many cells, the workbook is written in a forked child process while this one writes the
#: index and the HTML (the outputs are the serial tail of a book; the second core is otherwise idle).
PARALLEL_OUTPUTS_MIN_CELLS = 2_000


def write_outputs(
    out: Path, index: dict[str, Any], pdf: bool = True, timings: dict[str, float] | None = None
) -> dict[str, Path]:
    """Write the index, workbook, HTML and (optionally) the PDF; return their paths.

    ``timings`` (when given) receives the seconds each of the index, workbook and HTML took (the
    workbook's until it was on disk, when written beside the others).
    """
    timings = {} if timings is None else timings
    start = time.perf_counter()
    workbook = _workbook_beside(out, index)
    writers = {
        "index": lambda: write_index(out, index),
        "html": lambda: atomic_write(out / HTML, book_html(index)),
    }
    paths = {}
    try:
        for name, write in writers.items():
            mark = time.perf_counter()
            paths[name] = write()
            timings[f"write_{name}"] = time.perf_counter() - mark
    except BaseException:
        if workbook is not None:  # never leave the child or its file behind; the first error is the one raised
            with contextlib.suppress(Exception):
                workbook(False)
        raise
    mark = start if workbook is not None else time.perf_counter()
    if workbook is not None:
        workbook(True)
        paths["workbook"] = out / WORKBOOK
    else:
        paths["workbook"] = atomic_write(out / WORKBOOK, workbook_bytes(index))
    timings["write_workbook"] = time.perf_counter() - mark
    if pdf:
        from apex_nb.report.pdf import render_pdf

        paths["pdf"] = render_pdf(out / HTML, out / PDF, timeout_s=600)
    return paths


def _workbook_beside(out: Path, index: dict[str, Any]) -> Callable[[bool], None] | None:
    """Start writing ``book.xlsx`` in a forked child; return the wait for it (None: write it here).

    The child writes a temporary file and leaves with ``os._exit``; ``wait(True)`` puts it in place
    (only once the index and HTML are written, so a failed run never leaves a new workbook beside an
    old index) and ``wait(False)`` discards it. A failure in the child comes back as its error text
    through a pipe and is raised. An interrupted wait stops the child; the child is always reaped.
    """
    import os
    import signal
    import uuid

    if len(index.get("cells", ())) < PARALLEL_OUTPUTS_MIN_CELLS or (os.cpu_count() or 1) < 2 or not hasattr(os, "fork"):
        return None
    part = out / f".{WORKBOOK}.{uuid.uuid4().hex}.part"
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: write the workbook, report, leave without running the parent's exit handlers
        code = 0
        try:
            os.close(read_end)
            atomic_write(part, workbook_bytes(index))
        except BaseException as exc:  # anything: reported to the parent, which raises it
            os.write(write_end, f"{type(exc).__name__}: {exc}".encode("utf-8", "replace")[:4000])
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)

    def wait(keep: bool) -> None:
        done = False
        try:
            with os.fdopen(read_end, "rb") as pipe:
                failure = pipe.read().decode("utf-8", "replace")
            done = True
        finally:
            if not done:
                os.kill(pid, signal.SIGTERM)
            _, status = os.waitpid(pid, 0)
            if not (done and keep):
                part.unlink(missing_ok=True)
        if failure or os.waitstatus_to_exitcode(status) != 0:
            part.unlink(missing_ok=True)
            raise RuntimeError(f"writing {out / WORKBOOK} failed: {failure or f'exit status {status}'}")
        if keep:
            os.replace(part, out / WORKBOOK)

    return wait


def cells_by_page(index: dict[str, Any]) -> dict[str, list[str]]:
    """Cell ids per sheet title (for messages)."""
    found: dict[str, list[str]] = defaultdict(list)
    for entry in index["cells"]:
        found[sheet_title(entry["sign_type"], entry["wind_speed_mph"])].append(entry["cell_id"])
    return dict(found)
