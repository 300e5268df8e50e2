"""Where a batch's tasks run: one interface, three pools (like papermill's engines).

Every pool takes the task list up front and yields ``Outcome``s as runs finish:

- ``active``: runs are still to come;
- ``next_done()``: block until at least one run finishes, return its outcomes;
- ``stop()``: queue nothing new, let the running ones finish (the first Ctrl-C);
- ``abandon()``: also give up the running ones (the second Ctrl-C);
- ``close()``: release the workers (always called, in ``finally``).

``open_pool`` picks one: ``SerialPool`` (in-process engine, one worker), ``ProcessPool`` (a
bounded local process pool) or ``DaskPool`` (an existing Dask scheduler). Each runs
``engines.run_task``, which never raises.
"""

from __future__ import annotations

import uuid
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from apex_nb.batch.engines import Engine, Outcome, Task, run_task, worker_init


class Pool(Protocol):
    """What the runner needs from a pool (see the module docstring)."""

    @property
    def active(self) -> bool: ...

    def next_done(self) -> list[Outcome]: ...

    def stop(self) -> None: ...

    def abandon(self) -> None: ...

    def close(self) -> None: ...

    @property
    def waits_on_stop(self) -> bool:
        """True when ``stop`` lets running tasks finish (so a first Ctrl-C keeps waiting)."""
        ...


class SerialPool:
    """Runs tasks one by one in this process (in-process engine with one worker)."""

    waits_on_stop = False

    def __init__(self, tasks: list[Task]) -> None:
        self._pending = list(reversed(tasks))

    @property
    def active(self) -> bool:
        return bool(self._pending)

    def next_done(self) -> list[Outcome]:
        return [run_task(self._pending.pop())]

    def stop(self) -> None:
        self._pending.clear()

    abandon = stop

    def close(self) -> None:
        self._pending.clear()


class ProcessPool:
    """A bounded process pool: at most ``workers`` tasks are submitted at a time.

    Nothing waits in the pool's own queue, so after a Ctrl-C only the running tasks remain:
    they may finish (``stop``) or be terminated (``abandon``).
    """

    waits_on_stop = True

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


class DaskPool:
    """Every task submitted at once to an existing Dask scheduler, which bounds the concurrency."""

    waits_on_stop = False

    def __init__(self, tasks: list[Task], address: str) -> None:
        from dask.distributed import Client, as_completed

        self.client = Client(address, timeout="30s")
        batch = uuid.uuid4().hex[:12]
        self.futures: list[Any] = [
            self.client.submit(run_task, task, pure=False, key=f"apex-nb-{task.site_id}-{batch}") for task in tasks
        ]
        self._left = len(tasks)
        self._completed = as_completed(self.futures)

    @property
    def active(self) -> bool:
        return self._left > 0

    def next_done(self) -> list[Outcome]:
        future = next(self._completed)
        self._left -= 1
        return [future.result()]

    def stop(self) -> None:
        """Cancel every run not finished yet."""
        if self.futures:
            self.client.cancel(self.futures)
        self._left = 0

    abandon = stop

    def close(self) -> None:
        """Disconnect from the scheduler (the cluster keeps running)."""
        self.client.close()


def open_pool(tasks: list[Task], *, workers: int, engine: Engine, dask: str | None = None) -> Pool:
    """The pool for these options: Dask when an address is given, serial for one in-process worker."""
    if dask:
        return DaskPool(tasks, dask)
    if workers <= 1 and engine == "inprocess":
        return SerialPool(tasks)
    return ProcessPool(tasks, max(1, workers))
