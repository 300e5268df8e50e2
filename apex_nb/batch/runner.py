"""``apex-nb batch``: validate every row, skip fresh runs, run the rest in parallel, summarise.

Layout of the output folder::

    DIR/runs/<site_id>/envelope.json   the run's envelope (exact bytes the engine produced)
    DIR/runs/<site_id>/<site_id>.ipynb the executed notebook (papermill engine)
    DIR/runs/<site_id>/run.json        the run record, written last (the "finished" marker)
    DIR/summary.csv, summary.xlsx      one row per site
    DIR/rollup.html                    priced N of M, failures, subtotals, links to envelopes and reports
    DIR/failures.log                   the full error text of every site that was not priced
    DIR/runs/<site_id>/report.html     the calc report of each finished site

Workers never write into ``DIR``: they return their results, and this process writes each file
atomically (temp file + ``os.replace``), envelope first and record last. A run killed half-way
therefore leaves either a complete run or no record, and the next batch redoes only what is
missing. A file lock on ``DIR`` keeps two batches from writing the same folder.

Ctrl-C: the first stops queueing new runs and waits for the running ones (their results are
kept); a second abandons the running ones. Finished runs and the summary are always kept.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from apex_nb.batch.engines import DEFAULT_NOTEBOOK, DEFAULT_TIMEOUT_S, DaskPool, Engine, Outcome, Task, worker_init
from apex_nb.batch.keys import (
    ENVELOPE_NAME,
    RECORD_NAME,
    LockState,
    RunRecord,
    atomic_write,
    input_key,
    lock_state,
    now_text,
    run_key,
    stale_reason,
)
from apex_nb.batch.rows import Portfolio, Site, inputs_json, load_portfolio
from apex_nb.canonical import file_sha256
from apex_nb.errors import ApexError, FieldProblem, InputError
from apex_nb.version import __version__

LOCK_FILE = ".batch.lock"


def default_workers() -> int:
    """One worker per CPU."""
    return max(1, os.cpu_count() or 1)


@dataclass
class BatchOptions:
    """Everything ``apex-nb batch`` accepts."""

    sites: Path
    out: Path
    engine: Engine = "papermill"
    notebook: Path = DEFAULT_NOTEBOOK
    workers: int = field(default_factory=default_workers)
    dask: str | None = None
    skip_invalid: bool = False
    allow_partial: bool = False
    quiet: bool = False
    timeout_s: float = DEFAULT_TIMEOUT_S


@dataclass(frozen=True)
class Planned:
    """One valid site with its task, input key and why it runs ('' = fresh, reused)."""

    site: Site
    task: Task
    input_key: str
    reason: str


@dataclass
class BatchResult:
    """What a batch did."""

    portfolio: Portfolio
    planned: list[Planned] = field(default_factory=list)
    ran: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    interrupted: bool = False
    outputs: dict[str, Path] = field(default_factory=dict)
    elapsed_s: float = 0.0
    allow_partial: bool = False
    headline: str = ""

    @property
    def reused(self) -> list[str]:
        """Sites whose finished run was still fresh."""
        return [p.site.site_id for p in self.planned if not p.reason]

    @property
    def complete(self) -> bool:
        """True when every row of the sheet ran and was recorded ok (nothing failed or skipped)."""
        return not self.failed and not self.portfolio.invalid_rows and not self.interrupted

    @property
    def exit_code(self) -> int:
        """130 after Ctrl-C; 1 when a site failed or an invalid row was skipped, unless
        ``allow_partial`` accepts that; else 0."""
        if self.interrupted:
            return 130
        return 0 if self.complete or self.allow_partial else 1


def run_dir(out: Path, site_id: str) -> Path:
    """``DIR/runs/<site_id>``."""
    return out / "runs" / site_id


def plan(portfolio: Portfolio, options: BatchOptions, lock: LockState) -> list[Planned]:
    """A task per valid site and the reason it must run ('' when its finished run is fresh)."""
    notebook_bytes = options.notebook.read_bytes() if options.engine == "papermill" else None
    notebook_sha = file_sha256(notebook_bytes) if notebook_bytes is not None else None
    planned = []
    for site in portfolio.sites:
        text = inputs_json(site.inputs)
        task = Task(
            site_id=site.site_id,
            solver=site.solver,
            inputs_json=text,
            engine=options.engine,
            notebook_bytes=notebook_bytes,
            timeout_s=options.timeout_s,
        )
        key = input_key(site.solver, site.inputs, notebook_sha)
        reason = stale_reason(
            RunRecord.read(run_dir(options.out, site.site_id)), key, lock, run_dir(options.out, site.site_id)
        )
        planned.append(Planned(site=site, task=task, input_key=key, reason=reason))
    return planned


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


class _SerialPool:
    """Runs tasks one by one in this process (in-process engine with one worker)."""

    def __init__(self, tasks: list[Task]) -> None:
        self._pending = list(reversed(tasks))

    @property
    def active(self) -> bool:
        return bool(self._pending)

    def next_done(self) -> list[Outcome]:
        from apex_nb.batch.engines import run_task

        return [run_task(self._pending.pop())]

    def stop(self) -> None:
        self._pending.clear()

    abandon = stop

    def close(self) -> None:
        self._pending.clear()


class _ProcessPool:
    """A bounded process pool: at most ``workers`` tasks are submitted at a time.

    Nothing waits in the pool's own queue, so after a Ctrl-C only the running tasks remain:
    they may finish (``stop``) or be terminated (``abandon``).
    """

    def __init__(self, tasks: list[Task], workers: int) -> None:
        self._pending = list(reversed(tasks))
        self._workers = workers
        self._running: set[Future[Outcome]] = set()
        self._site: dict[Future[Outcome], str] = {}
        self._stopping = False
        if any(task.engine == "papermill" for task in tasks):
            import papermill  # noqa: F401 - imported once here, inherited by the forked workers
        self._executor = ProcessPoolExecutor(max_workers=workers, initializer=worker_init)
        self._fill()

    def _fill(self) -> None:
        from apex_nb.batch.engines import run_task

        while self._pending and len(self._running) < self._workers and not self._stopping:
            task = self._pending.pop()
            try:
                future = self._executor.submit(run_task, task)
            except BrokenProcessPool:  # a worker died (killed, out of memory): start a new pool
                self._executor.shutdown(wait=False, cancel_futures=True)
                self._executor = ProcessPoolExecutor(max_workers=self._workers, initializer=worker_init)
                future = self._executor.submit(run_task, task)
            self._site[future] = task.site_id
            self._running.add(future)

    @property
    def active(self) -> bool:
        return bool(self._running) or (bool(self._pending) and not self._stopping)

    def next_done(self) -> list[Outcome]:
        done, self._running = wait(self._running, return_when=FIRST_COMPLETED)
        outcomes = []
        for future in done:
            site_id = self._site.pop(future)
            try:
                outcomes.append(future.result())
            except Exception as exc:  # the worker process died under this run
                outcomes.append(Outcome(site_id=site_id, ok=False, error=f"worker process failed: {exc!r}"))
        self._fill()
        return outcomes

    def stop(self) -> None:
        self._stopping = True
        self._pending.clear()

    def abandon(self) -> None:
        self.stop()
        for process in list(getattr(self._executor, "_processes", {}).values()):  # no public API for this
            process.terminate()
        self._running.clear()
        self._executor.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


class _DaskRuns:
    """Every task submitted to a Dask scheduler at once; the scheduler bounds the concurrency."""

    def __init__(self, tasks: list[Task], address: str) -> None:
        from dask.distributed import as_completed

        self._pool = DaskPool(address)
        self._pool.submit_all(tasks)
        self._left = len(tasks)
        self._completed = as_completed(self._pool.futures)

    @property
    def active(self) -> bool:
        return self._left > 0

    def next_done(self) -> list[Outcome]:
        future = next(self._completed)
        self._left -= 1
        return [future.result()]

    def stop(self) -> None:
        self._pool.cancel()
        self._left = 0

    abandon = stop

    def close(self) -> None:
        self._pool.close()


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
    runs: _SerialPool | _ProcessPool | _DaskRuns
    if options.dask:
        runs = _DaskRuns(tasks, options.dask)
    elif options.workers <= 1 and options.engine == "inprocess":
        runs = _SerialPool(tasks)
    else:
        runs = _ProcessPool(tasks, max(1, options.workers))
    try:
        while runs.active:
            try:
                outcomes = runs.next_done()
            except KeyboardInterrupt:
                if result.interrupted or not isinstance(runs, _ProcessPool):
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
