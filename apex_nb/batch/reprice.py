"""``apex-nb reprice DIR --pricing VERSION|PATH``: new prices for a finished batch, same engineering.

Each design envelope carries its cost as a ``cost.estimate`` part: the bill of quantities
(its inputs) and the priced lines (its result) with the ``prices`` pack it read. Re-pricing runs
``cost.estimate`` again on the same bill with another ``prices`` pack and never touches the
engineering. The engineering envelopes under ``DIR/runs/`` stay as they are; the new cost
envelopes and a comparison go to ``DIR/reprice/<prices version>/``.

``--pricing`` is a locked version of the ``prices`` pack (``2026.2.0``) or the path of a pack
file inside a packs root with its ``packs.lock`` (``packs/prices/2026.2.0.yaml``): an unlocked
price file is refused, as everywhere else.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from apex_nb.batch.records import ENVELOPE_NAME, RunRecord
from apex_nb.errors import ApexError, FieldProblem, InputError
from apex_nb.files import atomic_write
from apex_nb.packs import PackLibrary, read_lock

if TYPE_CHECKING:
    from apex_nb.envelope import Envelope

PRICES_PACK = "prices"
COST_SOLVER = "cost.estimate"
TOTAL_KEYS = ("price_total_usd", "total_usd")
_VERSION = re.compile(r"^\d+\.\d+\.\d+$")


def pricing_library(pricing: str) -> tuple[PackLibrary, str]:
    """A pack library that pins the ``prices`` pack, and the pinned version.

    ``pricing`` is a version of the locked ``prices`` pack, or the path of a pack file that sits
    at ``<root>/prices/<version>.yaml|csv`` in a packs root with a ``packs.lock``.
    """
    candidate = Path(pricing)
    if _VERSION.match(pricing) and not candidate.is_file():
        library = PackLibrary(pins={PRICES_PACK: pricing})
        version = pricing
    else:
        if not candidate.is_file():
            raise InputError([FieldProblem("--pricing", f"{pricing}: no such file or version", "VERSION or PATH")])
        path = candidate.resolve()
        if path.parent.name != PRICES_PACK or not _VERSION.match(path.stem):
            raise InputError(
                [FieldProblem("--pricing", f"{path} is not a prices pack file", "<packs root>/prices/<version>.yaml")]
            )
        root = path.parent.parent
        read_lock(root)  # a PackError when the root has no lock
        library = PackLibrary(root=root, pins={PRICES_PACK: path.stem})
        version = path.stem
    available = library.versions(PRICES_PACK)
    if version not in available:
        raise InputError(
            [FieldProblem("--pricing", f"prices {version} is not locked in {library.root}", ", ".join(available))]
        )
    library.get(PRICES_PACK)  # verify the file against the lock now, once
    return library, version


def find_part(envelope: Envelope, solver_name: str) -> Envelope | None:
    """The first part (depth first) produced by ``solver_name``."""
    for part in envelope.parts:
        if part.solver.name == solver_name:
            return part
        found = find_part(part, solver_name)
        if found is not None:
            return found
    return None


def total_of(result: dict[str, Any]) -> float | None:
    """The total price in a design or cost result."""
    for key in TOTAL_KEYS:
        value = result.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    return None


def price(cost_part: Envelope, library: PackLibrary, version: str) -> Envelope:
    """Price the bill of quantities of ``cost_part`` with prices ``version`` (the one pricing call).

    The same ``cost.estimate`` inputs (bill of quantities, design hash) with the price pack
    version replaced: the new envelope differs from the old one only in money and pack.
    """
    from apex_nb.registry import get_solver, solve

    inputs = dict(cost_part.inputs)
    if "price_pack_version" in get_solver(COST_SOLVER).input_model.model_fields:
        inputs["price_pack_version"] = version
    return solve(COST_SOLVER, inputs, library=library)


@dataclass
class SiteRepricing:
    """One site: old and new totals, or why it was not re-priced."""

    site_id: str
    old_total_usd: float | None = None
    new_total_usd: float | None = None
    old_prices: str = ""
    error: str = ""
    cost_envelope: str = ""
    why: str = ""  # what moved the price: the envelope diff of the old and the new cost part

    @property
    def delta_usd(self) -> float | None:
        """New minus old."""
        if self.old_total_usd is None or self.new_total_usd is None:
            return None
        return round(self.new_total_usd - self.old_total_usd, 2)


@dataclass
class RepriceReport:
    """All sites of a re-pricing and where its files are."""

    version: str
    folder: Path
    sites: list[SiteRepricing] = field(default_factory=list)

    @property
    def failed(self) -> list[SiteRepricing]:
        """Sites that could not be re-priced."""
        return [s for s in self.sites if s.error]

    def text(self) -> str:
        """Totals for the terminal."""
        done = [s for s in self.sites if not s.error]
        old = sum(s.old_total_usd or 0.0 for s in done)
        new = sum(s.new_total_usd or 0.0 for s in done)
        lines = [
            f"re-priced {len(done)} of {len(self.sites)} sites with prices {self.version}",
            f"total before {old:,.2f} USD, after {new:,.2f} USD, change {new - old:+,.2f} USD",
        ]
        lines += [f"  NOT RE-PRICED {s.site_id}: {s.error}" for s in self.failed]
        lines.append(f"comparison: {self.folder / 'repriced.csv'}")
        return "\n".join(lines)


def explain_repricing(old: Envelope, new: Envelope, lines: int = 4) -> str:
    """The changed total and the priced lines that moved, with the pack change that caused it."""
    from apex_nb.diff import diff

    result = diff(old, new)
    reasons = result.explain()
    moved = [c for c in result.results if c.path.startswith("lines[") and c.delta is not None]
    reasons += [c.describe() for c in moved[:lines]]
    if len(moved) > lines:
        reasons.append(f"{len(moved) - lines} more line changes")
    return "; ".join(reasons) if reasons else "no change"


def _site(run: Path, library: PackLibrary, version: str, target: Path) -> SiteRepricing:
    from apex_nb.envelope import Envelope

    item = SiteRepricing(site_id=run.name)
    record = RunRecord.read(run)
    if record is None or record.status != "ok":
        item.error = "no finished run"
        return item
    try:
        envelope = Envelope.from_json((run / ENVELOPE_NAME).read_bytes())
        envelope.verify()
    except (OSError, ValueError, ApexError) as exc:
        item.error = f"envelope unreadable: {exc}"
        return item
    cost = find_part(envelope, COST_SOLVER)
    if cost is None:
        item.error = f"{envelope.solver.name} has no {COST_SOLVER} part to re-price"
        return item
    item.old_total_usd = total_of(envelope.result)
    if item.old_total_usd is None:
        item.old_total_usd = total_of(cost.result)
    item.old_prices = next((p.version for p in cost.packs if p.name == PRICES_PACK), "")
    try:
        repriced = price(cost, library, version)
    except ApexError as exc:
        item.error = str(exc).splitlines()[0]
        return item
    item.new_total_usd = total_of(repriced.result)
    item.why = explain_repricing(cost, repriced)
    path = atomic_write(target / "runs" / run.name / "cost.envelope.json", repriced.to_json())
    item.cost_envelope = path.relative_to(target).as_posix()
    return item


def reprice(out: Path, pricing: str, quiet: bool = False) -> RepriceReport:
    """Re-price every finished run under ``out/runs`` and write ``out/reprice/<version>/``."""
    import pandas as pd

    runs_root = out / "runs"
    if not runs_root.is_dir():
        raise InputError([FieldProblem("DIR", f"{out} has no runs/ folder", "a folder written by apex-nb batch")])
    library, version = pricing_library(pricing)
    target = out / "reprice" / version
    report = RepriceReport(version=version, folder=target)
    for run in sorted(p for p in runs_root.iterdir() if p.is_dir()):
        report.sites.append(_site(run, library, version, target))
    rows = [
        {
            "site_id": s.site_id,
            "old_prices": s.old_prices,
            "old_total_usd": s.old_total_usd,
            "new_prices": version,
            "new_total_usd": s.new_total_usd,
            "delta_usd": s.delta_usd,
            "error": s.error,
            "cost_envelope": s.cost_envelope,
            "why": s.why,
        }
        for s in report.sites
    ]
    frame = pd.DataFrame(rows)
    atomic_write(target / "repriced.csv", frame.to_csv(index=False, lineterminator="\n"))
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False, sheet_name="repriced", engine="openpyxl")
    atomic_write(target / "repriced.xlsx", buffer.getvalue())
    atomic_write(target / "reprice.json", json.dumps({"prices_version": version, "root": str(library.root)}, indent=2))
    if not quiet:
        for s in report.sites:
            if not s.error:
                print(f"{s.site_id}: {s.old_total_usd or 0:,.2f} -> {s.new_total_usd or 0:,.2f} USD ({s.why})")
    return report
