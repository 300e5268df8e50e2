"""Design every cell of a price book: in worker processes, cached by content hash, resumable.

The batch machinery does the parts that matter for trust, and the price book reuses them:
each cell is a portfolio row mapped to its design by ``apex_nb.batch.rows.row_to_solve``,
solved by ``apex_nb.batch.site.solve_site`` (the single solve path of every engine) with one
verified pack library per worker process, keyed by ``apex_nb.batch.keys.input_key`` (solver,
inputs, apex_nb version) plus the pinned pack versions, and judged fresh or stale with
``apex_nb.batch.keys.LockState`` (the packs a cell read against today's ``packs.lock``).

What differs from ``apex-nb batch`` is the grain: a book has thousands of ~6 ms designs, so
cells travel to the workers in chunks of whole sign sizes (``_solve_order``, ``_chunks``), each
worker keeps the parts that repeat across the grid (``apex_nb.calc.reuse_parts``: the same wind
part and post selection for every soil class, the same post frequency, footing torsion and price
for the editions and wind speeds that land on the same post and footing; a kept part is sealed
once, so it is hashed once), and the envelopes of a chunk are stored together as one
zstandard-compressed JSON-lines file named by its own sha256, ``DIR/cells/<sha256>.jsonl.zst``,
each distinct envelope or part once (``chunk_lines``)
(content-addressed; one file per chunk instead of one per cell, because thousands of tiny
atomic renames cost more than the designs), written by the worker through ``atomic_write``;
the parent appends each finished cell (its key, chunk file and line) to
``DIR/cells/journal.jsonl``.
A second run (after a crash or Ctrl-C, or with more cells) reuses every journal entry whose key
is unchanged, whose envelope file still has the recorded sha256 and whose packs are still the
ones the lock gives.
"""

from __future__ import annotations

import gc
import gzip
import json
import os
import re
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from apex_nb.batch.keys import LockState, input_key
from apex_nb.canonical import content_hash, file_sha256
from apex_nb.files import atomic_write
from apex_nb.pricebook.spec import Cell
from apex_nb.version import __version__

CELLS_DIR = "cells"
JOURNAL = "journal.jsonl"
PRICES_PACK = "prices"

#: Result fields a book shows and ``--check`` compares.
SHOWN = ("status", "price_total_usd", "post_label", "foundation_summary", "governing_check", "needs_engineer_review")


def cell_key(cell: Cell, pins: dict[str, str]) -> str:
    """Content hash of what a cell's envelope depends on before it runs (packs read come after)."""
    return content_hash({"input_key": input_key(cell.solver, cell.inputs, None), "pins": dict(sorted(pins.items()))})


def chunk_path(out: Path, name: str) -> Path:
    """``DIR/cells/<name>`` (a chunk file name as recorded)."""
    return out / CELLS_DIR / name


#: Chunk files are zstandard frames (level 3). Against gzip level 1 on a book chunk (2.9 MB of
#: envelope JSON, 81 cells) it is about 8x faster and the file 5x smaller: the traces of one
#: size's designs repeat from line to line, beyond gzip's 32 kB window. Books written before
#: (``.jsonl.gz``) still read.
CHUNK_SUFFIX = ".jsonl.zst"
ZSTD_LEVEL = 3
#: A chunk holds one or two sizes' designs: a few MB and a few hundred lines. A chunk file that
#: inflates past these (a hostile book folder) is refused, never inflated in full.
MAX_CHUNK_BYTES = 256 << 20
MAX_CHUNK_LINES = 100_000
MAX_PART_DEPTH = 32  # parts of parts: a design is 3 deep
_CHUNK_NAME = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]*\.jsonl\.(?:zst|gz)")


def pack_chunk(data: bytes) -> bytes:
    """Compress a chunk's JSON lines (deterministic for the same bytes)."""
    import zstandard

    return zstandard.ZstdCompressor(level=ZSTD_LEVEL).compress(data)


def unpack_chunk(name: str, packed: bytes) -> bytes:
    """The JSON lines of a chunk file, by its suffix (``.jsonl.zst``, or ``.jsonl.gz`` from older books).

    Read as a stream and stopped past ``MAX_CHUNK_BYTES``; anything unreadable or too large is an
    EnvelopeError naming the chunk.
    """
    import io
    import zlib

    import zstandard

    from apex_nb.errors import EnvelopeError

    try:
        if name.endswith(".gz"):
            with gzip.GzipFile(fileobj=io.BytesIO(packed)) as stream:
                data = stream.read(MAX_CHUNK_BYTES + 1)
        else:
            with zstandard.ZstdDecompressor().stream_reader(io.BytesIO(packed)) as reader:
                data = reader.read(MAX_CHUNK_BYTES + 1)
    except (OSError, EOFError, zlib.error, zstandard.ZstdError) as exc:
        raise EnvelopeError(f"chunk {name}: not a readable {name.rsplit('.', 1)[-1]} file ({exc})") from None
    if len(data) > MAX_CHUNK_BYTES:
        raise EnvelopeError(f"chunk {name}: inflates to over {MAX_CHUNK_BYTES} bytes, not read")
    if data.count(b"\n") > MAX_CHUNK_LINES:
        raise EnvelopeError(f"chunk {name}: over {MAX_CHUNK_LINES} lines, not read")
    return data


PART_REF = "$line"  # a part stored once per chunk file: {"$line": n} stands for line n


def chunk_lines(envelopes: list[Any]) -> tuple[list[bytes], list[int]]:
    """JSON lines of a chunk of envelopes, each distinct envelope (part or whole) stored once.

    A book's neighbours share most parts (the wind and post of one size for every soil class), and
    serialising and compressing them once per chunk halves the cache and its cost. A line is an
    envelope's JSON without its parts, then ``"parts": [{"$line": n}, ...]`` naming earlier lines;
    ``read_envelope`` puts them back (and verifies the hash, so a wrong link cannot pass).
    Returns the lines and the line of each envelope given.
    """
    lines: list[bytes] = []
    line_of: dict[str, int] = {}

    def store(envelope: Any) -> int:
        key = envelope.content_sha256 if envelope.is_sealed else f"draft {id(envelope)}"  # drafts share a hash
        found = line_of.get(key)
        if found is not None:
            return found
        refs = ",".join(f'{{"{PART_REF}":{store(part)}}}' for part in envelope.parts)
        text = envelope.model_dump_json(exclude={"parts"})
        lines.append(f'{text[:-1]},"parts":[{refs}]}}'.encode() if text.endswith("}") else text.encode())
        line_of[key] = len(lines) - 1
        return len(lines) - 1

    return lines, [store(envelope) for envelope in envelopes]


def _linked(lines: list[bytes], index: int, parsed: dict[int, Any], depth: int = 0) -> Any:
    """Line ``index`` as envelope data with its ``{"$line": n}`` parts replaced (full lines kept).

    A part is always an earlier line (``chunk_lines`` writes parts first), so links cannot loop.
    """
    if index not in parsed:
        parsed[index] = json.loads(lines[index])
    data = dict(parsed[index])
    parts = data.get("parts", [])
    if not isinstance(parts, list) or depth > MAX_PART_DEPTH:
        raise ValueError(f"line {index}: parts are not a list of earlier lines")
    linked = []
    for part in parts:
        if isinstance(part, dict) and set(part) == {PART_REF}:
            target = part[PART_REF]
            if type(target) is not int or not 0 <= target < index:
                raise ValueError(f"line {index}: a part links to line {target!r}, not an earlier line")
            part = _linked(lines, target, parsed, depth + 1)
        linked.append(part)
    data["parts"] = linked
    return data


def read_envelope(out: Path, record: dict[str, Any]) -> Any:
    """The verified envelope of a cell record (``envelope_file`` and ``line``).

    The file must be a chunk in ``DIR/cells`` (a bare chunk name, no path); a chunk that does not
    read back as a verified envelope is an EnvelopeError naming the cell.
    """
    from pydantic import ValidationError

    from apex_nb.envelope import Envelope
    from apex_nb.errors import EnvelopeError

    name, line = record.get("envelope_file"), record.get("line")
    cell = record.get("cell_id", "?")
    if not isinstance(name, str) or not _CHUNK_NAME.fullmatch(name) or type(line) is not int:
        raise EnvelopeError(f"{cell}: the record names no chunk file in {CELLS_DIR}/ and line")
    try:
        lines = unpack_chunk(name, chunk_path(out, name).read_bytes()).splitlines()
        if not 0 <= line < len(lines):
            raise ValueError(f"no line {line}")
        envelope = Envelope.model_validate(_linked(lines, line, {}))
    except (OSError, ValueError, RecursionError) as exc:  # ValidationError is a ValueError
        detail = "not a valid envelope" if isinstance(exc, ValidationError) else str(exc)[:300]
        raise EnvelopeError(f"{cell}: chunk {name} line {line}: {detail}") from None
    envelope.verify()
    if envelope.content_sha256 != record.get("content_sha256"):
        raise EnvelopeError(f"{cell}: the cached envelope is not the one the book recorded")
    return envelope


def status_of(result: dict[str, Any], passed: bool) -> str:
    """``ok`` (priced), ``review`` (needs an engineer), ``fails`` (a check fails) or ``unpriced``
    (designed, but the price pack does not cover it: the price is unknown, never invented)."""
    if not passed:
        return "fails"
    if result.get("needs_engineer_review"):
        return "review"
    price = result.get("price_total_usd")
    if not isinstance(price, (int, float)) or isinstance(price, bool):
        return "unpriced"
    return "ok"


def summarize(envelope: Any) -> dict[str, Any]:
    """The fields a book shows for one design envelope."""
    result = envelope.result
    return {
        "status": status_of(result, envelope.passed),
        "price_total_usd": result.get("price_total_usd"),
        "post_label": result.get("post_label", ""),
        "foundation_summary": result.get("foundation_summary", ""),
        "governing_check": result.get("governing_check", ""),
        "governing_ratio": result.get("governing_ratio"),
        "needs_engineer_review": bool(result.get("needs_engineer_review")),
        "review_reasons": list(result.get("review_reasons") or []),
        "confidence": envelope.confidence,
        "content_sha256": envelope.content_sha256,
        "packs": [{"name": p.name, "version": p.version, "sha256": p.sha256} for p in envelope.packs],
    }


# -- worker side ---------------------------------------------------------------------------------
_WORKER_LIBRARY: Any = None


def _library(pins: dict[str, str]) -> Any:
    """One verified pack library per worker process and pins."""
    global _WORKER_LIBRARY
    from apex_nb.packs import PackLibrary, default_packs_root

    root = default_packs_root()
    if _WORKER_LIBRARY is None or _WORKER_LIBRARY.root != root or _WORKER_LIBRARY.pins != pins:
        _WORKER_LIBRARY = PackLibrary(root=root, pins=dict(pins))
    return _WORKER_LIBRARY


@dataclass(frozen=True)
class Job:
    """One cell to solve in a worker: id, solver, inputs JSON text and its cache key."""

    cell_id: str
    solver: str
    inputs_json: str
    key: str


_RUN_MEMO: tuple[str, dict[tuple[Any, ...], Any]] = ("", {})


def _memo(run_id: str) -> dict[tuple[Any, ...], Any]:
    """The sub-solve memo of one run in this process: a new run (new packs, maybe) starts empty."""
    global _RUN_MEMO
    if not run_id or _RUN_MEMO[0] != run_id:
        _RUN_MEMO = (run_id, {})
    return _RUN_MEMO[1]


#: Generation-0 threshold of the garbage collector while a chunk is solved in the caller's process.
#: A design allocates hundreds of thousands of short-lived objects (trace items, dicts) and almost no
#: cycles; at the default 700 the collector ran ~1,000 times per 324 cells (about 7% of the CPU), at
#: this value a few times. Restored after the chunk.
GC_THRESHOLD_0 = 50_000


@contextmanager
def _collections() -> Iterator[None]:
    """Collect garbage rarely inside a chunk, and in a pool worker not at all.

    In the caller's process the generation-0 threshold is raised (``GC_THRESHOLD_0``) and restored.
    In a pool worker process (``batch.engines.own_worker_process``) the collector is off for the
    chunk, and what survives it (the reuse memo, pack data) is then frozen (``gc.freeze``):
    designs make almost no reference cycles (measured: 6 unreachable objects per 81-cell chunk),
    while scanning the ~50,000 young survivors after each chunk cost about 0.3 ms per cell.
    Frozen objects are still freed by reference counting when the memo drops them.
    """
    from apex_nb.batch.engines import own_worker_process

    if not own_worker_process():
        old = gc.get_threshold()
        gc.set_threshold(max(old[0], GC_THRESHOLD_0), *old[1:])
        try:
            yield
        finally:
            gc.set_threshold(*old)
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def solve_chunk(
    jobs: list[Job], out: str, pins: dict[str, str], reuse: bool = True, run_id: str = ""
) -> list[dict[str, Any]]:
    """Solve each job, write its compressed envelope into the cache, return one record per job.

    With ``reuse``, sub-solves that repeat are solved once per worker process and run (``run_id``:
    chunks of the same run share the memo; packs do not change within a run). Never raises for a
    cell: a cell whose design raises is recorded with ``status: error``.
    """
    import contextlib

    from apex_nb.batch.site import solve_site
    from apex_nb.calc import reuse_parts
    from apex_nb.errors import ApexError
    from apex_nb.packs import pack_snapshot

    library = _library(pins)
    records = []
    solved: list[Any] = []
    # One pack snapshot for the chunk: each pack file is stamped once per chunk, not once per cell
    # (the packs of a run are fixed, as the reuse memo already requires; the run's lock was checked).
    memo = reuse_parts(_memo(run_id)) if reuse else contextlib.nullcontext()
    with _collections(), pack_snapshot(), memo:
        for job in jobs:
            start, cpu = time.perf_counter(), time.process_time()
            record: dict[str, Any] = {"cell_id": job.cell_id, "key": job.key, "apex_nb_version": __version__}
            try:
                envelope = solve_site(job.solver, job.inputs_json, library=library)
                record.update(summarize(envelope))
                record["line"] = len(solved)  # the envelope's place in the chunk, its line below
                solved.append(envelope)
            except ApexError as exc:
                record.update(status="error", error=" ".join(str(exc).split())[:500])
            except Exception as exc:  # a solver bug must not take the whole book down; it is named
                record.update(status="error", error=f"{type(exc).__name__}: {exc}"[:500])
            record["duration_s"] = round(time.perf_counter() - start, 5)
            record["cpu_s"] = round(time.process_time() - cpu, 5)
            records.append(record)
    if solved and out:
        lines, line_of = chunk_lines(solved)
        for record in records:
            if "line" in record:
                record["line"] = line_of[record["line"]]
        packed = pack_chunk(b"\n".join(lines) + b"\n")
        digest = file_sha256(packed)
        name = f"{digest}{CHUNK_SUFFIX}"
        atomic_write(chunk_path(Path(out), name), packed, durable=False)
        for record in records:
            if "line" in record:
                record["envelope_file"] = name
                record["envelope_file_sha256"] = digest
    return records


# -- parent side ---------------------------------------------------------------------------------
def fresh(record: dict[str, Any], lock: LockState, pins: dict[str, str]) -> str:
    """Why a journal record cannot be reused ('' when it can): the batch freshness rule, with pins.

    A pinned pack stays valid while its pinned version's bytes match the lock; any other pack
    must still be the newest locked version (``LockState.stale``).
    """
    if record.get("status") == "error" or record.get("apex_nb_version") != __version__:
        return "failed before" if record.get("status") == "error" else "apex_nb version changed"
    for used in record.get("packs", []):
        if used["name"] in pins:
            problem = lock.problem(used)
            if problem or used["version"] != pins[used["name"]]:
                return problem or f"pack {used['name']} pinned to another version"
        elif lock.stale(used):
            return f"pack {used['name']} changed"
    return ""


def read_journal(out: Path) -> dict[str, dict[str, Any]]:
    """The last record per key in ``DIR/cells/journal.jsonl`` (a torn last line is ignored)."""
    path = out / CELLS_DIR / JOURNAL
    found: dict[str, dict[str, Any]] = {}
    try:
        lines = path.read_bytes().splitlines()
    except OSError:
        return found
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("key"), str):
            found[record["key"]] = record
    return found


def _intact(out: Path, record: dict[str, Any], seen: dict[str, bool]) -> bool:
    """The record's chunk file still has the recorded sha256 (each file hashed once per run)."""
    name = record.get("envelope_file", "")
    if name not in seen:
        try:
            seen[name] = bool(name) and file_sha256(chunk_path(out, name).read_bytes()) == record.get(
                "envelope_file_sha256"
            )
        except OSError:
            seen[name] = False
    return seen[name]


@dataclass
class RunStats:
    """What one run of the engine did."""

    solved: int = 0
    reused: int = 0
    errors: int = 0
    interrupted: bool = False
    solve_s: float = 0.0  # summed wall time of the cells in the workers
    cpu_s: float = 0.0  # summed CPU time of the cells in the workers
    wall_s: float = 0.0
    chunks: int = 0  # chunks sent to the workers


def _chunks(items: list[Job], size: int, groups: list[Any] | None = None) -> Iterable[list[Job]]:
    """Chunks of about ``size`` jobs that end where a group ends (``groups[i]``: job i's group).

    A group (one sign size: every wind speed, exposure, edition and soil class) shares sub-solves
    that only one worker's memo can re-use, so a chunk holds whole groups; a group over twice
    ``size`` is cut.
    """
    if groups is None:
        for start in range(0, len(items), size):
            yield items[start : start + size]
        return
    chunk: list[Job] = []
    last: Any = None
    for job, group in zip(items, groups, strict=True):
        if chunk and (len(chunk) >= 2 * size or (len(chunk) >= size and group != last)):
            yield chunk
            chunk = []
        chunk.append(job)
        last = group
    if chunk:
        yield chunk


def _group(cell: Cell) -> tuple[Any, ...]:
    """The cells that share most sub-solves: one sign type and size (post frequency, price, torsion)."""
    return (cell.sign_type, cell.size.width_ft, cell.size.height_ft, cell.size.top)


def _solve_order(cell: Cell) -> tuple[Any, ...]:
    """Solving order: by size, then wind speed and exposure, edition, soil class (neighbours share parts).

    The soil classes of one size, wind speed, exposure and edition share the wind and post parts;
    the editions and wind speeds of one size often land on the same post (its natural frequency),
    footing (its torsion check) and bill of quantities (its price).
    """
    return (*_group(cell), cell.wind_speed_mph, cell.exposure, cell.edition, cell.soil_class)


def run_cells(
    cells: list[Cell],
    out: Path,
    pins: dict[str, str],
    lock: LockState,
    *,
    workers: int = 0,
    reuse_parts: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[dict[str, dict[str, Any]], RunStats]:
    """Solve every stale cell and return ``{cell_id: record}`` for all cells, with the run's stats."""
    from apex_nb.batch.engines import worker_init

    start = time.perf_counter()
    run_id = uuid.uuid4().hex
    stats = RunStats()
    journal = read_journal(out)
    records: dict[str, dict[str, Any]] = {}
    todo: list[Job] = []
    groups: list[Any] = []
    seen: dict[str, bool] = {}
    for cell in sorted(cells, key=_solve_order):  # records are by cell id: the order only groups re-use
        key = cell_key(cell, pins)
        old = journal.get(key)
        if old is not None and not fresh(old, lock, pins) and _intact(out, old, seen):
            records[cell.cell_id] = {**old, "cell_id": cell.cell_id}
            stats.reused += 1
            continue
        inputs_text = json.dumps(cell.inputs, sort_keys=True, allow_nan=False, separators=(",", ":"))
        todo.append(Job(cell.cell_id, cell.solver, inputs_text, key))
        groups.append(_group(cell))
    (out / CELLS_DIR).mkdir(parents=True, exist_ok=True)
    workers = workers or max(1, os.cpu_count() or 1)
    size = max(4, min(64, len(todo) // (workers * 8) or 4))
    done = 0
    with open(out / CELLS_DIR / JOURNAL, "ab") as log:

        def take(batch: list[dict[str, Any]]) -> None:
            nonlocal done
            for record in batch:
                records[record["cell_id"]] = record
                stats.solve_s += record.get("duration_s", 0.0)
                stats.cpu_s += record.get("cpu_s", 0.0)
                stats.errors += record.get("status") == "error"
            log.write(b"".join(json.dumps(r, sort_keys=True).encode("utf-8") + b"\n" for r in batch))
            log.flush()
            done += len(batch)
            stats.solved += len(batch)
            if progress is not None:
                progress(done, len(todo))

        if workers == 1 or len(todo) <= size:
            try:
                for chunk in _chunks(todo, size, groups):
                    stats.chunks += 1
                    take(solve_chunk(chunk, str(out), pins, reuse_parts, run_id))
            except KeyboardInterrupt:
                stats.interrupted = True
        else:
            pending = list(_chunks(todo, size, groups))
            stats.chunks = len(pending)
            pending.reverse()
            running: dict[Future[list[dict[str, Any]]], list[Job]] = {}
            with ProcessPoolExecutor(max_workers=workers, initializer=worker_init) as pool:
                try:
                    while pending or running:
                        while pending and len(running) < workers * 2:
                            chunk = pending.pop()
                            running[pool.submit(solve_chunk, chunk, str(out), pins, reuse_parts, run_id)] = chunk
                        finished, _ = wait(running, return_when=FIRST_COMPLETED)
                        for future in finished:
                            chunk = running.pop(future)
                            try:
                                take(future.result())
                            except Exception as exc:  # the worker process died under this chunk: name its cells
                                failure = f"worker process failed: {exc!r}"[:500]
                                take([{"cell_id": j.cell_id, "key": j.key, "status": "error", "error": failure,
                                       "apex_nb_version": __version__} for j in chunk])  # fmt: skip
                except KeyboardInterrupt:
                    stats.interrupted = True
                    pending.clear()
                    for future in running:
                        future.cancel()
    stats.wall_s = time.perf_counter() - start
    return records, stats
