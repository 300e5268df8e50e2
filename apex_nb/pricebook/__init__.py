"""Price books: every standard sign size by wind speed, exposure, soil class and edition.

``apex_nb.pricebook(spec, out)`` (or ``build``) designs every cell of a spec
(``apex_nb.pricebook.spec``) with the in-process engine (``engine``: worker processes, cached
by content hash, resumable) and writes the book (``book``): ``index.json``, ``book.xlsx``,
``book.html`` and ``book.pdf``. ``check(out)`` says whether a book is still valid against the
current packs and which cells moved; ``lookup(out, quote_inputs)`` finds the cell a quick quote
falls on.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
import time
import types
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apex_nb.errors import FieldProblem, InputError
from apex_nb.pricebook.book import INDEX, STATUSES, book_hash, make_index, read_index, write_outputs
from apex_nb.pricebook.engine import SHOWN, RunStats, run_cells, solve_chunk
from apex_nb.pricebook.spec import Spec, cells, load_spec

__all__ = ["BookCheck", "BookQuote", "BookResult", "build", "cell_envelope", "check", "load_spec", "lookup"]


@dataclass
class BookResult:
    """A built book: where it is, its hash, its cell counts and how the run went."""

    out: Path
    book_sha256: str
    counts: dict[str, int]
    cells: int
    stats: RunStats
    outputs: dict[str, Path] = field(default_factory=dict)
    timings_s: dict[str, float] = field(default_factory=dict)

    def text(self) -> str:
        """A few lines for the terminal."""
        c = self.counts
        lines = [
            f"price book {self.book_sha256}",
            f"{self.cells} cells: {c['ok']} priced, {c['review']} need review, {c['fails']} fail, "
            f"{c.get('unpriced', 0)} not priced (outside the price pack), {c['error']} errors",
            f"designed {self.stats.solved}, reused {self.stats.reused} in {self.stats.wall_s:.1f} s",
        ]
        if self.stats.interrupted:
            lines.append("interrupted: finished cells are kept; run the same command again to resume")
        lines += [f"{name}: {path}" for name, path in self.outputs.items()]
        return "\n".join(lines)


def _pins(spec: Spec) -> dict[str, str]:
    """Pinned pack versions: the price pack when the spec names one."""
    return {"prices": spec.price_pack_version} if spec.price_pack_version else {}


def _check_pins(pins: dict[str, str]) -> None:
    from apex_nb.packs import PackLibrary

    library = PackLibrary()
    for name, version in pins.items():
        if version not in library.versions(name):
            raise InputError(
                [
                    FieldProblem(
                        "price_pack_version", f"{name} {version} is not locked", ", ".join(library.versions(name))
                    )
                ],
                "price book spec",
            )
        library.get(name, version)  # verify the file against the lock once, here


def build(
    spec: Spec | str | Path | Mapping[str, Any],
    out: str | Path,
    *,
    workers: int = 0,
    pdf: bool = True,
    reuse_parts: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> BookResult:
    """Design every cell of ``spec`` into ``out`` and write the book; resumable and cached."""
    from filelock import FileLock, Timeout

    from apex_nb.batch.keys import lock_state
    from apex_nb.packs import default_packs_root

    timings: dict[str, float] = {}
    start = time.perf_counter()
    spec = spec if isinstance(spec, Spec) else load_spec(spec if not isinstance(spec, Mapping) else dict(spec))
    folder = Path(out)
    grid, skipped = cells(spec)
    pins = _pins(spec)
    _check_pins(pins)
    timings["plan"] = time.perf_counter() - start
    folder.mkdir(parents=True, exist_ok=True)
    try:
        guard = FileLock(str(folder / ".pricebook.lock"), timeout=0)
        guard.acquire()
    except Timeout:
        raise InputError([FieldProblem("--out", f"another price book is writing {folder}", "wait for it")]) from None
    try:
        lock = lock_state(default_packs_root())
        records, stats = run_cells(
            grid, folder, pins, lock, workers=workers, reuse_parts=reuse_parts, progress=progress
        )
        timings["design"] = stats.wall_s
        if stats.interrupted:
            return BookResult(folder, "", dict.fromkeys(STATUSES, 0), len(grid), stats)
        mark = time.perf_counter()
        index = make_index(spec, grid, records, pins, folder, skipped)
        for entry, cell in zip(index["cells"], grid, strict=True):
            entry["inputs"] = cell.inputs
        timings["index"] = time.perf_counter() - mark
        mark = time.perf_counter()
        outputs = write_outputs(folder, index, pdf=False, timings=timings)
        timings["workbook_html"] = time.perf_counter() - mark  # index file, workbook and HTML (each: write_*)
        if pdf:
            from apex_nb.report.pdf import render_pdf

            mark = time.perf_counter()
            outputs["pdf"] = render_pdf(outputs["html"], folder / "book.pdf", timeout_s=900)
            timings["pdf"] = time.perf_counter() - mark
    finally:
        guard.release()
    timings["total"] = time.perf_counter() - start
    return BookResult(folder, index["book_sha256"], index["counts"], len(grid), stats, outputs, timings)


# -- check -----------------------------------------------------------------------------------------
@dataclass
class MovedCell:
    """A cell whose shown values changed under today's packs: field -> (old, new)."""

    cell_id: str
    changes: dict[str, tuple[Any, Any]]

    def text(self) -> str:
        """``cell: price 1,000 -> 1,050; status ok -> review``."""
        parts = []
        for name, (old, new) in self.changes.items():
            if name == "price_total_usd" and isinstance(old, (int, float)) and isinstance(new, (int, float)):
                parts.append(f"price {old:,.2f} -> {new:,.2f} USD ({new - old:+,.2f})")
            else:
                parts.append(f"{name} {old} -> {new}")
        return f"{self.cell_id}: " + "; ".join(parts)


@dataclass
class BookCheck:
    """Whether a book is still valid, and if not: which packs changed and which cells moved."""

    out: Path
    book_sha256: str
    valid: bool
    intact: bool = True
    expired: bool = False
    pack_changes: dict[str, str] = field(default_factory=dict)  # "name@version" -> why
    affected: list[str] = field(default_factory=list)
    moved: list[MovedCell] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)

    def text(self, limit: int = 50) -> str:
        """The verdict, the changed packs and the moved cells for the terminal."""
        head = "VALID" if self.valid else "NOT VALID"
        lines = [f"price book {self.book_sha256}: {head} against the current packs"]
        if not self.intact:
            lines.append("index.json does not match its book hash (edited after it was built)")
        if self.expired:
            lines.append("the book's validity date has passed")
        lines += [f"pack {name}: {why}" for name, why in self.pack_changes.items()]
        if self.affected:
            lines.append(
                f"{len(self.affected)} cells read a changed pack; {len(self.moved)} moved, "
                f"{len(self.affected) - len(self.moved) - len(self.unresolved)} unchanged in price, post, "
                "foundation and status"
            )
        lines += [f"  MOVED {m.text()}" for m in self.moved[:limit]]
        if len(self.moved) > limit:
            lines.append(f"  ... {len(self.moved) - limit} more moved cells")
        lines += [f"  NOT RE-DESIGNED {c}" for c in self.unresolved[:limit]]
        lines += [f"  why: {line}" for line in self.explanation]
        return "\n".join(lines)


def _pack_problem(name: str, version: str, sha: str, pins: dict[str, str], lock: Any) -> str:
    used = {"name": name, "version": version, "sha256": sha}
    problem = lock.problem(used)
    if problem:
        return problem
    if name not in pins and lock.newest.get(name) != version:
        return f"newer version {lock.newest.get(name)} locked"
    return ""


def check(out: str | Path, *, workers: int = 0, explain: int = 1) -> BookCheck:
    """Is the book in ``out`` still valid against the current packs? Re-design the cells that read a
    changed pack (in a temporary folder, the book is not touched) and name the cells that moved."""
    from apex_nb.batch.keys import lock_state
    from apex_nb.packs import default_packs_root
    from apex_nb.pricebook.engine import Job, read_envelope

    folder = Path(out)
    index = read_index(folder)
    try:  # a damaged or hand-edited index is named, not a traceback
        spec = Spec.model_validate(index["spec"])
        pins = dict(index.get("pins", {}))
        report = BookCheck(folder, index["book_sha256"], valid=True)
        report.intact = book_hash(spec, pins, index["cells"]) == index["book_sha256"]
        report.expired = dt.date.fromisoformat(index["valid_until"]) < dt.datetime.now(dt.UTC).date()
        lock = lock_state(default_packs_root())
        for used in index["packs"]:
            why = _pack_problem(used["name"], used["version"], used["sha256"], pins, lock)
            if why:
                report.pack_changes[f"{used['name']}@{used['version']}"] = why
        changed = set(report.pack_changes)
        entries = {e["cell_id"]: e for e in index["cells"]}
        report.affected = [e["cell_id"] for e in index["cells"] if changed.intersection(e.get("packs", []))]
        jobs = [
            Job(cid, entries[cid]["solver"], json.dumps(entries[cid]["inputs"], sort_keys=True), entries[cid]["key"])
            for cid in report.affected
        ]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        from apex_nb.errors import FieldProblem, InputError

        detail = f"{type(exc).__name__}: {str(exc)[:200]}"
        raise InputError([FieldProblem("DIR", f"{folder / INDEX}: a field is missing or malformed ({detail})",
                                       "an index written by apex-nb pricebook")]) from None  # fmt: skip
    if report.affected:
        with tempfile.TemporaryDirectory(prefix="apex-nb-pricebook-check-") as scratch:
            new = _resolve(jobs, Path(scratch), pins, workers)
            for cid in report.affected:
                record = new.get(cid)
                if record is None or record.get("status") == "error":
                    report.unresolved.append(f"{cid}: {record.get('error', '') if record else 'not run'}")
                    continue
                moved = {
                    name: (entries[cid].get(name), record.get(name))
                    for name in SHOWN
                    if name in record and entries[cid].get(name) != record.get(name)
                }
                moved.pop("needs_engineer_review", None)  # shown through status
                if moved:
                    report.moved.append(MovedCell(cid, moved))
            by_id = {r["cell_id"]: r for r in new.values()}
            for item in report.moved[:explain]:
                from apex_nb.diff import diff

                old_env = read_envelope(folder, entries[item.cell_id])
                new_env = read_envelope(Path(scratch), by_id[item.cell_id])
                report.explanation += [f"{item.cell_id}: {line}" for line in diff(old_env, new_env).explain()]
    report.valid = report.intact and not report.expired and not report.pack_changes
    return report


def _resolve(jobs: list[Any], scratch: Path, pins: dict[str, str], workers: int) -> dict[str, dict[str, Any]]:
    """Re-design ``jobs`` into ``scratch`` (a throw-away cache) with the current packs."""
    from concurrent.futures import ProcessPoolExecutor

    from apex_nb.batch.engines import worker_init

    run_id = uuid.uuid4().hex
    if workers == 1 or len(jobs) < 64:
        return {r["cell_id"]: r for r in solve_chunk(jobs, str(scratch), pins, True, run_id)}
    size = 32
    chunks = [jobs[i : i + size] for i in range(0, len(jobs), size)]
    found: dict[str, dict[str, Any]] = {}
    with ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1, initializer=worker_init) as pool:
        n = len(chunks)
        for batch in pool.map(solve_chunk, chunks, [str(scratch)] * n, [pins] * n, [True] * n, [run_id] * n):
            found.update({r["cell_id"]: r for r in batch})
    return found


# -- lookup (the quick quote) ---------------------------------------------------------------------
@dataclass(frozen=True)
class BookQuote:
    """A quote read from an approved book cell."""

    book_sha256: str
    cell_id: str
    status: str
    price_total_usd: float | None
    post_label: str
    foundation_summary: str
    governing_check: str
    content_sha256: str
    valid_until: str

    @property
    def label(self) -> str:
        """``from price book <hash>`` (the short hash a salesperson can read out)."""
        return f"from price book {self.book_sha256.split(':')[-1][:12]}"


_INDEX_CACHE: dict[Path, tuple[tuple[int, int], dict[str, Any], dict[tuple[Any, ...], list[dict[str, Any]]]]] = {}


def _normal(value: Any) -> Any:
    """Validated design inputs without report labels (a face's ``name`` changes no number)."""
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items() if k != "name"}
    if isinstance(value, list):
        return [_normal(v) for v in value]
    return value


def _load(folder: Path) -> tuple[dict[str, Any], dict[tuple[Any, ...], list[dict[str, Any]]]]:
    path = folder.resolve() / INDEX
    stat = path.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _INDEX_CACHE.get(path)
    if cached and cached[0] == stamp:
        return cached[1], cached[2]
    index = read_index(folder)
    by_key: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for entry in index["cells"]:
        key = (entry["sign_type"], entry["width_ft"], entry["height_ft"], entry["top_height_ft"],
               entry["wind_speed_mph"], entry["exposure"], entry["soil_class"], entry["edition"])  # fmt: skip
        by_key.setdefault(key, []).append(entry)
    _INDEX_CACHE[path] = (stamp, index, by_key)
    return index, by_key


def book_is_current(out: str | Path) -> tuple[bool, str]:
    """(True, '') when the book is intact, within its validity date and every pack it read is unchanged."""
    from apex_nb.batch.keys import lock_state
    from apex_nb.packs import default_packs_root

    index, _ = _load(Path(out))
    pins = dict(index.get("pins", {}))
    if book_hash(Spec.model_validate(index["spec"]), pins, index["cells"]) != index["book_sha256"]:
        return False, "index.json does not match its book hash"
    if dt.date.fromisoformat(index["valid_until"]) < dt.datetime.now(dt.UTC).date():
        return False, f"expired on {index['valid_until']}"
    lock = lock_state(default_packs_root())
    for used in index["packs"]:
        why = _pack_problem(used["name"], used["version"], used["sha256"], pins, lock)
        if why:
            return False, why
    return True, ""


def lookup(book_dir: str | Path, quote_inputs: Mapping[str, Any]) -> BookQuote | None:
    """The book cell a quick quote falls on, or None (then design live).

    ``quote_inputs`` are ``design.quick_quote`` inputs. A cell matches only when the design the
    quote would run has the same validated inputs as the cell's design (face labels aside), and
    the book is still current (``book_is_current``). A cell that fails or errs is never returned
    as a quote; a cell that needs review is returned with ``status == 'review'``.
    """
    from apex_nb.inputs import validate
    from apex_nb.registry import get_solver
    from apex_nb.solvers.design.quick_quote import design_inputs
    from apex_nb.solvers.design.quick_quote_inputs import QuickQuoteInput

    folder = Path(book_dir)
    if not (folder / INDEX).is_file():
        return None
    quote = validate(QuickQuoteInput, dict(quote_inputs), context="quick quote")
    if quote.post_count != 1:
        return None
    solver, design_in = design_inputs(quote)
    index, by_key = _load(folder)
    key = (quote.sign_type, quote.sign_width_ft, quote.sign_height_ft, quote.top_height_ft,
           quote.wind_speed_mph, quote.exposure, quote.soil_class, quote.edition)  # fmt: skip
    candidates = [e for e in by_key.get(key, []) if e["solver"] == solver and e.get("status") in ("ok", "review")]
    if not candidates:
        return None
    model = get_solver(solver).input_model
    wanted = _normal(validate(model, design_in).model_dump(mode="json"))
    for entry in candidates:
        if _normal(validate(model, entry["inputs"]).model_dump(mode="json")) != wanted:
            continue
        current, _why = book_is_current(folder)
        if not current:
            return None
        return BookQuote(
            book_sha256=index["book_sha256"],
            cell_id=entry["cell_id"],
            status=entry["status"],
            price_total_usd=entry.get("price_total_usd"),
            post_label=entry.get("post_label", ""),
            foundation_summary=entry.get("foundation_summary", ""),
            governing_check=entry.get("governing_check", ""),
            content_sha256=entry.get("content_sha256", ""),
            valid_until=index["valid_until"],
        )
    return None


def cell_envelope(book_dir: str | Path, cell_id: str) -> Any:
    """The verified design envelope of one book cell (from the book's content-addressed cache)."""
    from apex_nb.pricebook.engine import read_envelope

    index, _ = _load(Path(book_dir))
    for entry in index["cells"]:
        if entry["cell_id"] == cell_id and entry.get("status") != "error":
            return read_envelope(Path(book_dir), entry)
    raise KeyError(cell_id)


class _CallableModule(types.ModuleType):
    """``apex_nb.pricebook`` is this package; calling it builds a book (``build``)."""

    def __call__(self, spec: Any, out: str | Path, **kwargs: Any) -> BookResult:
        return build(spec, out, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
