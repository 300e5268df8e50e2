"""What a batch will do and what it did: its options, the plan (one task per valid site and why it
runs) and the result. Below the runner and the summary, which both read ``BatchResult``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from apex_nb.batch.engines import DEFAULT_NOTEBOOK, DEFAULT_TIMEOUT_S, Engine, Task
from apex_nb.batch.keys import LockState, input_key
from apex_nb.batch.records import RunRecord, stale_reason
from apex_nb.batch.rows import Portfolio, Site, inputs_json
from apex_nb.canonical import file_sha256


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
