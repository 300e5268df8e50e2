"""``apex-nb batch``: validate every row, skip fresh runs, run the rest in parallel, summarise.

Layout of the output folder::

    DIR/runs/<site_id>/envelope.json   the run's envelope (exact bytes the engine produced)
    DIR/runs/<site_id>/<site_id>.ipynb the executed notebook (papermill engine)
    DIR/runs/<site_id>/run.json        the run record, written last (the "finished" marker)
    DIR/summary.csv, summary.xlsx      one row per site
    DIR/rollup.html                    priced N of M, failures, subtotals, links to envelopes and reports
    DIR/failures.log                   the full error text of every site that was not priced
    DIR/runs/<site_id>/report.html     the calc report of each finished site

The plan (options, tasks, result) is in ``plan``, the pools that run the tasks in ``pools``,
the run record in ``records``. Workers never write into ``DIR``: they return their results, and
this process writes each file atomically (``apex_nb.files.atomic_write``), envelope first and
record last. A run killed half-way therefore leaves either a complete run or no record, and the
next batch redoes only what is missing. A file lock on ``DIR`` keeps two batches from writing the same folder.

Ctrl-C: the first stops queueing new runs and waits for the running ones (their results are
kept); a second abandons the running ones. Finished runs and the summary are always kept.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from apex_nb.batch.engines import Outcome
from apex_nb.batch.keys import LockState, lock_state, run_key
from apex_nb.batch.plan import BatchOptions, BatchResult, Planned, plan, run_dir
from apex_nb.batch.pools import open_pool
from apex_nb.batch.records import ENVELOPE_NAME, RECORD_NAME, RunRecord, now_text
from apex_nb.batch.rows import load_portfolio
from apex_nb.canonical import file_sha256
from apex_nb.errors import ApexError, FieldProblem, InputError
from apex_nb.files import atomic_write
from apex_nb.version import __version__

__all__ = ["BatchOptions", "BatchResult", "execute", "record_outcome", "run_batch"]

LOCK_FILE = ".batch.lock"


def _check_envelope(outcome: Outcome, item: Planned, lock: LockState) -> tuple[dict[str, object], str]:
    """Parse and verify an outcome's envelope; return (facts, problem)."""
    from apex_nb.envelope import Envelope

    envelope = Envelope.from_json(outcome.envelope_json)
    envelope.verify()
    packs = [p.model_dump() for p in envelope.packs]
    facts: dict[str, object] = {"content_sha256": envelope.content_sha256, "packs": packs}
    if envelope.solver.name != item.site.solver:
        return facts, f"envelope of {envelope.solver.name}, expected {item.site.solver}"
    if envelope.apex_nb_version != __version__:
        return facts, f"the worker runs apex-nb {envelope.apex_nb_version}, this batch {__version__}"
    for used in packs:
        problem = lock.problem(used)
        if problem:
            return facts, (
                f"the run read other packs than packs.lock pinned when the batch started ({problem}): "
                "packs changed during the batch, or the worker has other packs"
            )
    return facts, ""


def record_outcome(out: Path, item: Planned, outcome: Outcome, lock: LockState) -> RunRecord:
    """Write one run's files atomically (envelope, notebook, then the record) and return the record."""
    folder = run_dir(out, item.site.site_id)
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.glob(".*.tmp"):  # from a batch killed in the middle of a write
        leftover.unlink(missing_ok=True)
    notebook_name = f"{item.site.site_id}.ipynb" if outcome.notebook_bytes is not None else ""
    record = RunRecord(
        site_id=item.site.site_id,
        status="failed",
        solver=item.site.solver,
        engine=item.task.engine,
        input_key=item.input_key,
        notebook=notebook_name,
        duration_s=round(outcome.duration_s, 4),
        finished_at=now_text(),
        apex_nb_version=outcome.apex_nb_version,
    )
    error = outcome.error
    facts: dict[str, object] = {}
    if outcome.ok:
        try:
            facts, error = _check_envelope(outcome, item, lock)
        except (ApexError, ValueError) as exc:
            error = f"invalid envelope: {exc}"
    if notebook_name and outcome.notebook_bytes is not None:
        atomic_write(folder / notebook_name, outcome.notebook_bytes, durable=False)
    else:  # an executed notebook of an earlier papermill run would show other results
        (folder / f"{item.site.site_id}.ipynb").unlink(missing_ok=True)
    envelope_path = folder / ENVELOPE_NAME
    if error:
        envelope_path.unlink(missing_ok=True)  # an old envelope no longer matches these inputs
        record.error = error
    else:
        atomic_write(envelope_path, outcome.envelope_json, durable=False)
        packs = list(facts["packs"])  # type: ignore[call-overload]
        record.status = "ok"
        record.packs = packs
        record.run_key = run_key(item.input_key, packs)
        record.content_sha256 = str(facts["content_sha256"])
        record.envelope_file_sha256 = file_sha256(outcome.envelope_json.encode("utf-8"))
    atomic_write(folder / RECORD_NAME, record.to_json(), durable=False)
    return record


class _Progress:
    """A tqdm bar on stderr, or nothing with ``--quiet``."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.bar = None
        if not quiet and total:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="site", desc="batch", file=sys.stderr, dynamic_ncols=True)
        self.failed = 0

    def update(self, record: RunRecord) -> None:
        if record.status != "ok":
            self.failed += 1
        if self.bar is not None:
            self.bar.set_postfix_str(f"{record.site_id} {record.status}, failed {self.failed}", refresh=False)
            self.bar.update(1)

    def write(self, text: str) -> None:
        if self.bar is not None:
            self.bar.write(text, file=sys.stderr)
        else:
            print(text, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def execute(
    planned: list[Planned],
    options: BatchOptions,
    lock: LockState,
    result: BatchResult,
    on_record: Callable[[RunRecord], None] | None = None,
) -> None:
    """Run the stale sites and record each outcome as it arrives; handle Ctrl-C."""
    todo = [p for p in planned if p.reason]
    if not todo:
        return
    by_site = {p.site.site_id: p for p in todo}
    tasks = [p.task for p in todo]
    progress = _Progress(len(tasks), options.quiet)
    runs = open_pool(tasks, workers=options.workers, engine=options.engine, dask=options.dask)
    try:
        while runs.active:
            try:
                outcomes = runs.next_done()
            except KeyboardInterrupt:
                if result.interrupted or not runs.waits_on_stop:
                    result.interrupted = True
                    runs.abandon()
                    break
                result.interrupted = True
                runs.stop()
                progress.write("stopping: no new runs; waiting for the running ones (Ctrl-C again to abandon them)")
                continue
            for outcome in outcomes:
                record = record_outcome(options.out, by_site[outcome.site_id], outcome, lock)
                result.ran.append(outcome.site_id)
                if record.status != "ok":
                    result.failed[outcome.site_id] = record.error
                progress.update(record)
                if on_record is not None:
                    on_record(record)
    except KeyboardInterrupt:
        result.interrupted = True
        runs.abandon()
    finally:
        runs.close()
        progress.close()


def run_batch(options: BatchOptions, on_record: Callable[[RunRecord], None] | None = None) -> BatchResult:
    """Validate, plan, run and summarise one batch (see the module docstring)."""
    from filelock import FileLock, Timeout

    from apex_nb.batch.summary import write_outputs
    from apex_nb.packs import default_packs_root

    start = time.perf_counter()
    if options.engine == "papermill" and not options.notebook.is_file():
        raise InputError([FieldProblem("--notebook", f"{options.notebook} not found", "a .ipynb file")], "batch")
    portfolio = load_portfolio(options.sites)
    if not portfolio.header_ok or (portfolio.problems and not options.skip_invalid):
        raise portfolio.error()
    if not portfolio.sites:
        raise portfolio.error()
    options.out.mkdir(parents=True, exist_ok=True)
    try:
        guard = FileLock(str(options.out / LOCK_FILE), timeout=0)
        guard.acquire()
    except Timeout:
        raise InputError(
            [FieldProblem("--out", f"another batch is writing {options.out}", "wait for it")], "batch"
        ) from None
    try:
        lock = lock_state(default_packs_root())
        result = BatchResult(portfolio=portfolio, allow_partial=options.allow_partial)
        result.planned = plan(portfolio, options, lock)
        execute(result.planned, options, lock, result, on_record)
        result.outputs = write_outputs(options.out, portfolio, result)
    finally:
        guard.release()
    result.elapsed_s = time.perf_counter() - start
    return result
