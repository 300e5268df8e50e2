"""The per-site functions of a batch and where they run.

``run_task(task)`` runs one site and never raises: it returns an ``Outcome`` carrying the
envelope JSON (and, with papermill, the executed notebook) or the error. It touches no shared
folder, so the same function runs in a local process pool or on a remote Dask worker; the
parent process writes the results (see ``runner``).

- ``inprocess``: ``site.solve_site`` in the worker process, with one pack library per process
  (packs are read and verified once per process, not once per site).
- ``papermill``: executes ``notebooks/batch_site.ipynb`` (its bytes travel with the task) in
  a fresh temporary working directory with kernel ``python3`` and a per-cell execution timeout.
- Where they run (serial, a process pool, Dask): ``apex_nb.batch.pools``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from apex_nb.version import __version__

Engine = Literal["inprocess", "papermill"]
KERNEL_NAME = "python3"
DEFAULT_TIMEOUT_S = 600
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_NOTEBOOK = REPO_ROOT / "notebooks" / "batch_site.ipynb"


@dataclass(frozen=True)
class Task:
    """One site to run: everything a worker needs, nothing that points into the output folder."""

    site_id: str
    solver: str
    inputs_json: str
    engine: Engine = "inprocess"
    notebook_bytes: bytes | None = None
    timeout_s: float = DEFAULT_TIMEOUT_S
    kernel_name: str = KERNEL_NAME


@dataclass(frozen=True)
class Outcome:
    """What one run produced: the envelope JSON or an error, and where it ran."""

    site_id: str
    ok: bool
    envelope_json: str = ""
    notebook_bytes: bytes | None = None
    error: str = ""
    duration_s: float = 0.0
    apex_nb_version: str = __version__
    host: str = ""


_LIBRARY: Any = None


def _library() -> Any:
    """One pack library per worker process (its cache checks each file's size and mtime)."""
    global _LIBRARY
    from apex_nb.packs import PackLibrary, default_packs_root

    root = default_packs_root()
    if _LIBRARY is None or _LIBRARY.root != root:
        _LIBRARY = PackLibrary(root=root)
    return _LIBRARY


def _where() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def run_inprocess(task: Task) -> Outcome:
    """Solve one site in this process."""
    from apex_nb.batch.site import solve_site

    start = time.perf_counter()
    envelope = solve_site(task.solver, task.inputs_json, library=_library())
    return Outcome(
        site_id=task.site_id,
        ok=True,
        envelope_json=envelope.to_json(),
        duration_s=time.perf_counter() - start,
        host=_where(),
    )


_OWN_PROCESS = False  # set by the pool initializer: this process runs one task at a time


def own_worker_process() -> bool:
    """True in a worker process started with ``worker_init`` (ours alone: no user state to disturb)."""
    return _OWN_PROCESS


@contextlib.contextmanager
def _stderr_to(path: Path) -> Iterator[None]:
    """Send this process's stderr (inherited by the kernel it starts) to ``path`` for the run.

    Kernels print start-up warnings on the stderr they inherit; in a pool worker that would
    scribble over the progress bar. Only done in a dedicated worker process: redirecting file
    descriptor 2 in a threaded Dask worker would affect its other tasks.
    """
    if not _OWN_PROCESS:
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    with open(path, "wb") as log:
        os.dup2(log.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


def _papermill_error(exc: BaseException) -> str:
    ename = getattr(exc, "ename", None)
    if ename:
        return f"{ename}: {getattr(exc, 'evalue', '')}".strip()
    return f"{type(exc).__name__}: {exc}"


def run_papermill(task: Task) -> Outcome:
    """Execute the batch notebook for one site in its own temporary working directory."""
    import papermill as pm

    if task.notebook_bytes is None:
        raise ValueError("papermill task without notebook bytes")
    start = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix=f"apex-nb-{task.site_id}-"))
    try:
        source = workdir / "batch_site.ipynb"
        source.write_bytes(task.notebook_bytes)
        executed = workdir / f"{task.site_id}.ipynb"
        envelope_path = workdir / "envelope.json"
        error = ""
        kernel_log = workdir / "kernel.log"
        try:
            with _stderr_to(kernel_log):
                pm.execute_notebook(
                    str(source),
                    str(executed),
                    parameters={
                        "solver": task.solver,
                        "inputs_json": task.inputs_json,
                        "envelope_path": "envelope.json",
                    },
                    kernel_name=task.kernel_name,
                    cwd=str(workdir),
                    execution_timeout=task.timeout_s,
                    start_timeout=60,
                    progress_bar=False,
                    request_save_on_cell_execute=False,
                    # the envelope is on disk and the notebook saved: no need to wait for a graceful exit
                    shutdown_kernel="immediate",
                )
        except Exception as exc:  # an error in the notebook, a timeout, a dead kernel
            error = _papermill_error(exc)
            if kernel_log.is_file() and "PapermillExecutionError" not in type(exc).__name__:
                tail = kernel_log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
                error += ("\nkernel log:\n" + "\n".join(tail)) if tail else ""
        notebook = executed.read_bytes() if executed.is_file() else None
        if not error and not envelope_path.is_file():
            error = "the notebook finished without writing envelope.json"
        return Outcome(
            site_id=task.site_id,
            ok=not error,
            envelope_json="" if error else envelope_path.read_text(encoding="utf-8"),
            notebook_bytes=notebook,
            error=error,
            duration_s=time.perf_counter() - start,
            host=_where(),
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run_task(task: Task) -> Outcome:
    """Run one site with its engine; every failure becomes an ``Outcome`` with the error text."""
    start = time.perf_counter()
    try:
        if task.engine == "papermill":
            return run_papermill(task)
        return run_inprocess(task)
    except Exception as exc:
        from apex_nb.errors import ApexError

        detail = str(exc) if isinstance(exc, ApexError) else traceback.format_exc(limit=4)
        return Outcome(
            site_id=task.site_id,
            ok=False,
            error=f"{type(exc).__name__}: {detail}".strip(),
            duration_s=time.perf_counter() - start,
            host=_where(),
        )


def worker_init() -> None:
    """Pool initializer: Ctrl-C goes to the parent, which decides how to stop; one task at a time here."""
    global _OWN_PROCESS
    _OWN_PROCESS = True
    signal.signal(signal.SIGINT, signal.SIG_IGN)
