"""Helpers of the batch tests: small portfolios cut from examples/portfolio.csv, batch options."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from apex_nb.batch.runner import BatchOptions

REPO = Path(__file__).resolve().parents[2]
PORTFOLIO = REPO / "examples" / "portfolio.csv"
# 7-10, 7-16 (two sign types) and 7-22 sites: they read different wind packs.
SMALL = ("QF-IND-026", "QF-CHI-002", "QF-SEA-008", "QF-MIA-011")


def portfolio_rows(site_ids: tuple[str, ...] | None = None) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of the example portfolio (optionally only ``site_ids``, in that order)."""
    with PORTFOLIO.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        rows = list(reader)
        header = list(reader.fieldnames or [])
    if site_ids is None:
        return header, rows
    by_id = {row["site_id"]: row for row in rows}
    return header, [by_id[site_id] for site_id in site_ids]


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> Path:
    """Write rows as a CSV sheet."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def options(sites: Path, out: Path, **overrides: object) -> BatchOptions:
    """Quiet batch options for tests (in-process, one worker unless overridden)."""
    values: dict[str, object] = {"engine": "inprocess", "workers": 1, "quiet": True}
    values.update(overrides)
    return BatchOptions(sites=sites, out=out, **values)  # type: ignore[arg-type]


def records(out: Path) -> dict[str, dict[str, object]]:
    """Every run.json under ``out/runs`` by site id."""
    return {p.parent.name: json.loads(p.read_text()) for p in sorted((out / "runs").glob("*/run.json"))}


def envelopes(out: Path) -> dict[str, bytes]:
    """Every envelope.json's bytes under ``out/runs`` by site id."""
    return {p.parent.name: p.read_bytes() for p in sorted((out / "runs").glob("*/envelope.json"))}
