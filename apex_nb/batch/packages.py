"""Zipped calc packages of a finished batch, beside its workbook (``apex-nb batch --calc-packages``).

Each priced site's calc package (``apex_nb.report.write_package``: the permit HTML and, when
asked, its PDF) goes into a zip with the envelope it was made from, so a project manager can
send one site's package to its plans examiner. Two layouts::

    DIR/calc-packages/<site>.zip   one zip per site (``per-site``, the default)
    DIR/calc-packages.zip          one zip of every site, a folder per site (``one``)

Inside a zip every site has ``<site>/calc-package.html`` (``.pdf``) and ``<site>/envelope.json``.
Site ids come from a spreadsheet: they are validated by ``SiteRow`` already, and every name used
here is made safe again (``safe_name``: letters, digits, ``.``, ``_``, ``-``; no leading dot, no
path separators, bounded length, unique), so no archive member or file can land outside its
folder. Zips are written to a temp file and renamed (a killed batch leaves no half zip), with a
fixed member date so the same package gives the same bytes.
"""

from __future__ import annotations

import csv
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from apex_nb.batch.records import ENVELOPE_NAME, RunRecord
from apex_nb.files import atomic_write

Layout = Literal["per-site", "one"]
LAYOUTS: tuple[str, ...] = ("per-site", "one")
PACKAGES_DIR = "calc-packages"
ALL_ZIP = "calc-packages.zip"
SUMMARY_CSV = "summary.csv"
MAX_NAME_CHARS = 64
REASON_CHARS = 240
ZIP_DATE = (2000, 1, 1, 0, 0, 0)
"""Member date in every zip (a zip holds local times; a fixed one keeps the bytes reproducible)."""
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_EDGES = re.compile(r"^[._-]+|[._-]+$")
"""No leading dot (hidden, ``..``) or dash (read as an option), no trailing dot (refused on Windows)."""
_DEVICE_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
"""Names Windows reserves for devices (``CON.zip`` cannot be opened there)."""


def safe_name(site_id: str, taken: set[str] | None = None) -> str:
    """A file and archive name for ``site_id``: ``[A-Za-z0-9._-]``, no leading dot, unique in ``taken``.

    Anything else (``/``, ``\\``, spaces, control or non-ASCII characters) becomes ``_``; dots,
    dashes and underscores are taken off both ends (``..``, ``.hidden``, ``-rf``); an empty
    result becomes ``site``, a Windows device name (``CON``) ``site-CON``. ``taken`` (updated)
    gets ``-2``, ``-3``... suffixes so two ids that clean to the same name never overwrite each other.
    """
    name = _EDGES.sub("", _UNSAFE.sub("_", site_id)[:MAX_NAME_CHARS]) or "site"
    if name.split(".")[0].upper() in _DEVICE_NAMES:
        name = f"site-{name}"[:MAX_NAME_CHARS]
    if taken is None:
        return name
    candidate, number = name, 2
    while candidate.lower() in taken:  # case-insensitive: safe on every file system
        candidate = f"{name[: MAX_NAME_CHARS - 6]}-{number}"
        number += 1
    taken.add(candidate.lower())
    return candidate


@dataclass
class PackagesResult:
    """What ``write_calc_packages`` wrote and which priced sites got no package (with the reason)."""

    zips: list[Path] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def priced_in_summary(out: Path) -> set[str] | None:
    """Site ids with status ``ok`` in ``DIR/summary.csv`` (the sheet of the last batch); None without one."""
    try:
        with (out / SUMMARY_CSV).open(encoding="utf-8", newline="") as handle:
            return {row.get("site_id", "") for row in csv.DictReader(handle) if row.get("status") == "ok"}
    except (OSError, csv.Error):
        return None


def finished_sites(out: Path) -> list[tuple[str, Path]]:
    """(site id, run folder) of every run recorded ok with its envelope, in site order.

    Only the sites of the last batch's sheet count: runs of rows since removed from the sheet
    stay in ``DIR/runs`` (a cache) but get no package.
    """
    current = priced_in_summary(out)
    found = []
    for folder in sorted((out / "runs").glob("*/")):
        record = RunRecord.read(folder)
        if record is None or record.status != "ok" or not (folder / ENVELOPE_NAME).is_file():
            continue
        if current is None or record.site_id in current:
            found.append((record.site_id, folder))
    return found


def _members(folder: Path, pdf: bool, work: Path) -> list[tuple[str, bytes]]:
    """(member name inside the site's folder, bytes) of one site's calc package."""
    from apex_nb.report import load_source, write_package

    envelope = folder / ENVELOPE_NAME
    html = work / "calc-package.html"
    written = write_package(load_source(envelope), html, work / "calc-package.pdf" if pdf else None)
    members = [("calc-package.html", written["html"].read_bytes())]
    if "pdf" in written:
        members.append(("calc-package.pdf", written["pdf"].read_bytes()))
    members.append(("envelope.json", envelope.read_bytes()))
    return members


def _zip_bytes(entries: list[tuple[str, bytes]], target: Path) -> Path:
    """Write ``entries`` (archive name, bytes) as a zip to ``target`` atomically."""
    with tempfile.SpooledTemporaryFile(max_size=64 * 2**20) as buffer:
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries:
                info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)
        buffer.seek(0)
        return atomic_write(target, buffer.read())


def write_calc_packages(out: Path, layout: Layout = "per-site", *, pdf: bool = False) -> PackagesResult:
    """Zip the calc package of every priced site of the batch in ``out`` (see the module docstring).

    A site whose package cannot be made (for example no Chromium for ``pdf``) is listed in
    ``failed`` with a one-line reason; the other sites are still packaged.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"layout {layout!r} is not one of {', '.join(LAYOUTS)}")
    result = PackagesResult()
    taken: set[str] = set()
    everything: list[tuple[str, bytes]] = []
    for site_id, folder in finished_sites(out):
        name = safe_name(site_id, taken)
        try:
            with tempfile.TemporaryDirectory(prefix="apex-nb-package-") as work:
                members = [(f"{name}/{member}", data) for member, data in _members(folder, pdf, Path(work))]
        except Exception as exc:  # one site's problem must not lose the others' packages
            result.failed[site_id] = " ".join(f"{type(exc).__name__}: {exc}".split())[:REASON_CHARS]
            continue
        result.sites.append(site_id)
        if layout == "per-site":
            result.zips.append(_zip_bytes(members, out / PACKAGES_DIR / f"{name}.zip"))
        else:
            everything += members
    if layout == "one" and everything:
        result.zips.append(_zip_bytes(everything, out / ALL_ZIP))
    if layout == "per-site":  # a zip of a site no longer priced must not pass for a current one
        for old in (out / PACKAGES_DIR).glob("*.zip"):
            if old not in result.zips:
                old.unlink()
    return result


def report_packages(out: Path, layout: Layout, pdf: bool) -> int:
    """Write the packages and print what was written and what was not; 1 when a site has none."""
    result = write_calc_packages(out, layout, pdf=pdf)
    where = out / (PACKAGES_DIR if layout == "per-site" else ALL_ZIP)
    print(f"calc packages: {len(result.sites)} site(s) in {len(result.zips)} zip(s): {where}")
    for site_id, reason in result.failed.items():
        print(f"  NO CALC PACKAGE {site_id}: {reason}")
    return 1 if result.failed else 0
