"""Regenerate the AISC v16 section packs from the AISC Shapes Database v16.0 CSV export.

Usage (from the repository root)::

    .venv/bin/python tools/make_aisc_packs.py /path/to/aisc-shapes-database-v16.0.csv
    .venv/bin/apex-nb packs lock && .venv/bin/apex-nb packs verify

Writes ``packs/aisc-v16-pipe/1.0.0.csv``, ``packs/aisc-v16-hss-round/1.0.0.csv``,
``packs/aisc-v16-hss-rect/1.0.0.csv`` and ``packs/aisc-v16-w/1.0.0.csv``: a ``# `` YAML header
(name, version, source with the sha256 of the input file, AISC's attribution and disclaimer)
followed by the trimmed CSV. Cell text is copied exactly as printed in the database (no
re-rounding), so every property can be traced to its row. The output is deterministic: the
same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VERSION = "1.0.0"
DASH = "–"  # the database prints an en dash for "not applicable"

# Pack columns keep the database's names, except where a name is not an identifier (D/t) or is long.
DATABASE_NAME = {
    "label": "AISC_Manual_Label",
    "edi": "EDI_Std_Nomenclature",
    "D_t": "D/t",
    "b_t": "b/tdes",
    "h_t": "h/tdes",
    "bf_2tf": "bf/2tf",
    "h_tw": "h/tw",
}
_IDENTITY = ("label", "edi", "W", "A")
_STRONG_AXIS = ("Ix", "Zx", "Sx", "rx")
_WEAK_AXIS = ("Iy", "Zy", "Sy", "ry")
_W_DIMENSIONS = ("d", "bf", "tw", "tf", "kdes", "bf_2tf", "h_tw")


def _columns(*names: str) -> list[tuple[str, str]]:
    """(pack column, database column) for each pack column, in the order written."""
    return [(name, DATABASE_NAME.get(name, name)) for name in names]


# family -> (pack name, title, database Type, row filter, [(pack column, database column)])
FAMILIES: dict[str, tuple[str, str, str, str, list[tuple[str, str]]]] = {
    "pipe": (
        "aisc-v16-pipe",
        "AISC v16.0 Pipe (STD, XS, XXS) section properties",
        "PIPE",
        "all",
        _columns(*_IDENTITY, "OD", "ID", "tnom", "tdes", "D_t", *_STRONG_AXIS, "J"),
    ),
    "hss-round": (
        "aisc-v16-hss-round",
        "AISC v16.0 round HSS section properties",
        "HSS",
        "round",
        _columns(*_IDENTITY, "OD", "tnom", "tdes", "D_t", *_STRONG_AXIS, "J", "C"),
    ),
    "hss-rect": (
        "aisc-v16-hss-rect",
        "AISC v16.0 square and rectangular HSS section properties",
        "HSS",
        "rect",
        _columns(*_IDENTITY, "Ht", "h", "B", "b", "tnom", "tdes", "b_t", "h_t", *_STRONG_AXIS, *_WEAK_AXIS, "J", "C"),
    ),
    "w": (
        "aisc-v16-w",
        "AISC v16.0 W-shape section properties",
        "W",
        "all",
        _columns(*_IDENTITY, *_W_DIMENSIONS, *_STRONG_AXIS, *_WEAK_AXIS, "J", "Cw", "rts", "ho"),
    ),
}

UNITS = {
    "W": "lb/ft",
    "A": "in^2",
    "OD": "in",
    "ID": "in",
    "tnom": "in",
    "tdes": "in",
    "Ht": "in",
    "h": "in",
    "B": "in",
    "b": "in",
    "d": "in",
    "bf": "in",
    "tw": "in",
    "tf": "in",
    "kdes": "in",
    "Ix": "in^4",
    "Iy": "in^4",
    "Zx": "in^3",
    "Zy": "in^3",
    "Sx": "in^3",
    "Sy": "in^3",
    "rx": "in",
    "ry": "in",
    "J": "in^4",
    "C": "in^3",
    "Cw": "in^6",
    "rts": "in",
    "ho": "in",
}

DISCLAIMER = (
    "AISC disclaimer: The information presented in this spreadsheet has been prepared following recognized "
    "principles of design and construction. While it is believed to be accurate, this information should not be "
    "used or relied upon for any specific application without competent professional examination and verification "
    "of its accuracy, suitability and applicability by a licensed engineer or architect. [...] Anyone making use of "
    "the information presented in this publication assumes all liability arising from such use."
)


def _read_database(path: Path) -> tuple[dict[str, int], list[list[str]]]:
    """Rows of the database CSV and the index of the first (US-unit) occurrence of each column."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        index: dict[str, int] = {}
        for i, name in enumerate(header):
            index.setdefault(name, i)  # the metric block repeats the names after the US block
        return index, [row for row in reader if row]


def _keep(row: list[str], index: dict[str, int], kind: str, row_filter: str) -> bool:
    if row[index["Type"]] != kind:
        return False
    if row_filter == "round":
        return row[index["OD"]] != DASH
    if row_filter == "rect":
        return row[index["OD"]] == DASH
    return True


def _header(name: str, title: str, family: str, columns: list[tuple[str, str]], source_sha: str, rows: int) -> str:
    column_notes = ", ".join(f"{pack} = {db}" + (f" [{UNITS[pack]}]" if pack in UNITS else "") for pack, db in columns)
    lines = [
        "pack:",
        f"  name: {name}",
        f"  version: {VERSION}",
        f'  title: "{title}"',
        "  standard: AISC Shapes Database",
        '  edition: "v16.0 (2023)"',
        f"  schema: aisc-{family}/1",
        "  sources:",
        "    - id: aisc-shapes-database-v16",
        '      citation: "AISC Shapes Database v16.0, American Institute of Steel Construction, 2023 (consistent with'
        " the AISC Steel Construction Manual, 16th Ed.); full CSV export, sha256 " + source_sha + '"',
        f"      tables: [{family} rows ({rows}), columns as listed in notes]",
        "  unverified: []",
        "  notes:",
        f'    - "Family: {family}. Regenerate with: .venv/bin/python tools/make_aisc_packs.py'
        ' <aisc-shapes-database-v16.0.csv>, then apex-nb packs lock."',
        f'    - "Columns (pack = database column [unit]): {column_notes}."',
        '    - "Cell text is copied exactly from the database (US customary block); no value is re-rounded."',
        '    - "HSS and pipe properties use the design wall thickness tdes (0.93 tnom for ERW A500/A53, AISC 360'
        ' B4.2)."',
        '    - "Section properties in this file are taken from the AISC Shapes Database v16.0 (AISC, 2023), which AISC'
        ' publishes free of charge; see packs/NOTICE-aisc-v16.txt."',
        f'    - "{DISCLAIMER}"',
    ]
    return "".join(f"# {line}\n" for line in lines)


def build(source: Path, out_root: Path) -> dict[str, Path]:
    """Write the four section packs under ``out_root``; return family -> written path."""
    raw = source.read_bytes()
    source_sha = hashlib.sha256(raw).hexdigest()
    index, rows = _read_database(source)
    written: dict[str, Path] = {}
    for family, (name, title, kind, row_filter, columns) in FAMILIES.items():
        missing = [db for _, db in columns if db not in index]
        if missing:
            raise SystemExit(f"{source}: columns {missing} not found")
        body = io.StringIO()
        writer = csv.writer(body, lineterminator="\n")
        writer.writerow([pack for pack, _ in columns])
        count = 0
        for row in rows:
            if not _keep(row, index, kind, row_filter):
                continue
            cells = [row[index[db]].strip() for _, db in columns]
            if any(cell in ("", DASH) for cell in cells):
                raise SystemExit(f"{source}: {cells[0]} has an empty cell in {[p for p, _ in columns]}")
            writer.writerow(cells)
            count += 1
        path = out_root / name / f"{VERSION}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_header(name, title, family, columns, source_sha, count) + body.getvalue(), encoding="utf-8")
        written[family] = path
    return written


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: ``make_aisc_packs.py SOURCE_CSV [--out packs]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="aisc-shapes-database-v16.0.csv (full CSV export)")
    parser.add_argument("--out", type=Path, default=ROOT / "packs", help="packs folder (default: ./packs)")
    args = parser.parse_args(argv)
    for family, path in build(args.source, args.out).items():
        print(f"{family:10s} {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
