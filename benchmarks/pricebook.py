"""Price book benchmark: a 10,000-design book end to end, the per-design cost and the overhead.

Prints, from one run:
- the end-to-end wall time of ``apex_nb.pricebook.build`` on a 10,368-cell spec (128 pole sizes
  x 3 wind speeds x 3 exposures x 3 soil classes x 3 editions), with the workbook, HTML and
  index, on ``--workers`` processes, split into plan, designs, index, index file, workbook and
  HTML; the PDF is printed too and timed separately;
- the same build again (every cell reused from the cache);
- per-design cost: the workers' per-cell CPU timers / designs, the worker processes' whole CPU
  / designs (process start, chunk files, results sent back: the pool's overhead is the
  difference; the forked child that writes a large book's workbook is counted here too), the
  parent's CPU, a projection for idle cores (the serial plan, index and outputs plus the workers'
  CPU / workers), and wall time x workers / designs;
- the share outside the arithmetic over ``--sample`` cells (whole size groups, as the engine
  chunks them) in one process: CPU in input
  validation, envelope validation, content hashing, envelope JSON, compression and cache writes
  (timed by wrapping those functions, see ``OVERHEAD``), the rest being the design arithmetic
  and the calc recorder; with and without re-using repeated sub-solves (``reuse_parts``);
- the load average at the start and the end (the machine is shared: CPU time per design is the
  figure to compare; wall time on a loaded machine is not).

Target (issue 18): a 10,000-design book in under 30 s on a 2-core machine.

Usage: .venv/bin/python benchmarks/pricebook.py [--workers 2] [--sample 300] [--no-pdf] [--sample-only]
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

SPEC = {
    "title": "Benchmark book, 10,368 cells",
    "price_pack_version": "2026.1.0",
    "wind_speeds_mph": [110, 130, 150],
    "exposures": ["B", "C", "D"],
    "soil_classes": [3, 4, 5],
    "editions": ["7-10", "7-16", "7-22"],
    "signs": [
        {
            "sign_type": "pole",
            "sizes": {
                "widths_ft": [4, 6, 8, 10, 12, 14, 16, 18],
                "heights_ft": [3, 4, 6, 8],
                "top_heights_ft": [15, 20, 25, 30],
            },
        }
    ],
}

#: Where per-cell CPU goes outside the arithmetic: (label, module, attribute) of functions timed
#: by wrapping them (process time, no profiler: cProfile's per-call cost inflates exactly the
#: many small calls being measured). The wrapped functions do not call one another, so the
#: shares add up; the rest of a cell's CPU is the design arithmetic and the calc recorder.
OVERHEAD = (
    ("input validation (pydantic input models)", "apex_nb.inputs", "validate"),
    ("envelope validation (pydantic Envelope)", "apex_nb.envelope", "Envelope.model_validate"),
    ("content hashing (model dump, canonical JSON, sha256)", "apex_nb.envelope", "Envelope.compute_hash"),
    ("envelope to JSON for the cache", "apex_nb.envelope", "Envelope.model_dump_json"),
    ("compression (zstandard)", "apex_nb.pricebook.engine", "pack_chunk"),
    ("cache file writes", "apex_nb.pricebook.engine", "atomic_write"),
)


def _timed(counter: dict[str, float], label: str, fn: Any) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            counter[label] += time.process_time() - start

    return wrapper


def sample_jobs(sample: int) -> tuple[list[Any], dict[str, str], list[Any]]:
    """Whole groups of the spec (one sign size: every wind speed, exposure, edition and soil class),
    evenly spread over the grid, at least ``sample`` cells, in the engine's solving order; with
    the pins and each job's group (the engine chunks by group, see ``engine._chunks``)."""
    from itertools import groupby

    from apex_nb.pricebook.engine import Job, _group, _solve_order, cell_key
    from apex_nb.pricebook.spec import cells, load_spec

    grid, _ = cells(load_spec(SPEC))
    groups = [list(g) for _, g in groupby(sorted(grid, key=_solve_order), key=_group)]
    count = min(len(groups), max(1, -(-sample // len(groups[0]))))
    chosen = [c for index in range(count) for c in groups[index * len(groups) // count]]
    pins = {"prices": "2026.1.0"}
    jobs = [Job(c.cell_id, c.solver, json.dumps(c.inputs, sort_keys=True), cell_key(c, pins)) for c in chosen]
    return jobs, pins, [_group(c) for c in chosen]


def measure_sample(sample: int, reuse: bool = True) -> tuple[float, dict[str, float], int]:
    """CPU seconds per cell over whole groups of >= ``sample`` cells in this process, the CPU share of
    each overhead, and the number of cells."""
    import importlib

    from apex_nb.pricebook.engine import _chunks, solve_chunk

    jobs, pins, groups = sample_jobs(sample)
    counter: dict[str, float] = dict.fromkeys((label for label, _, _ in OVERHEAD), 0.0)
    originals = []
    for label, module_name, attribute in OVERHEAD:
        owner: Any = importlib.import_module(module_name)
        *path, name = attribute.split(".")
        for piece in path:
            owner = getattr(owner, piece)
        original = inspect.getattr_static(owner, name) if isinstance(owner, type) else getattr(owner, name)
        originals.append((owner, name, original if name in vars(owner) else None))
        fn = original.__func__ if isinstance(original, classmethod) else original
        wrapped = _timed(counter, label, fn)
        setattr(owner, name, classmethod(wrapped) if isinstance(original, classmethod) else wrapped)
    for module_name in ("apex_nb.registry", "apex_nb.batch.site", "apex_nb.solvers.design.common"):
        module = importlib.import_module(module_name)  # modules that imported ``validate`` by name
        if getattr(module, "validate", None) is originals[0][2]:
            originals.append((module, "validate", originals[0][2]))
            module.validate = originals[0][0].validate  # type: ignore[attr-defined]
    try:
        with tempfile.TemporaryDirectory() as scratch:
            solve_chunk(jobs[:6], scratch, pins, reuse, "warm-up")  # packs loaded, modules imported
            for label in counter:
                counter[label] = 0.0
            start = time.process_time()
            run_id = f"sample-{time.time()}"
            for chunk in _chunks(jobs, 64, groups):
                solve_chunk(chunk, scratch, pins, reuse, run_id)
            total = time.process_time() - start
    finally:
        for owner, name, original in reversed(originals):
            if original is None:  # inherited: drop the wrapper so the base class's method shows again
                delattr(owner, name)
            else:
                setattr(owner, name, original)
    return total / len(jobs), {label: value / total for label, value in counter.items()}, len(jobs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--sample-only", action="store_true", help="only the per-cell sample (no 10k build)")
    args = parser.parse_args()
    if args.sample_only:
        report_sample(args.sample)
        return

    from apex_nb import pricebook
    from apex_nb.pricebook.spec import cells, load_spec

    n = len(cells(load_spec(SPEC))[0])
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
    folder = Path(tempfile.mkdtemp(prefix="apex-nb-pricebook-bench-"))
    try:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        start, parent_cpu = time.perf_counter(), time.process_time()
        result = pricebook.build(SPEC, folder / "book", workers=args.workers, pdf=False)
        end_to_end = time.perf_counter() - start
        parent_cpu = time.process_time() - parent_cpu
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's workers, reaped at its shutdown
        workers_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
        t = result.timings_s
        print(f"\n{n} cells, {args.workers} workers: {result.counts}")
        print(f"  end to end (plan, designs, index, workbook, HTML): {end_to_end:.1f} s   target < 30 s")
        print(f"    plan {t['plan']:.2f} s, designs {t['design']:.1f} s ({result.stats.chunks} chunks of whole sizes)")
        print(
            f"    index {t['index']:.2f} s, outputs {t['workbook_html']:.1f} s: index file "
            f"{t['write_index']:.2f} s, workbook {t['write_workbook']:.2f} s, HTML {t['write_html']:.2f} s"
        )
        if not args.no_pdf:
            from apex_nb.report.pdf import render_pdf

            mark = time.perf_counter()
            render_pdf(folder / "book" / "book.html", folder / "book" / "book.pdf", timeout_s=900)
            print(f"  PDF through Chromium (separately): {time.perf_counter() - mark:.1f} s")
        per_design_solve = result.stats.solve_s / max(1, result.stats.solved)
        per_design_machine = end_to_end * args.workers / n
        print(f"  per design: {per_design_solve * 1000:.2f} ms wall in the worker (solve + envelope + store)")
        cpu = result.stats.cpu_s / max(1, result.stats.solved)
        print(f"  per design: {cpu * 1000:.2f} ms CPU in the worker's per-cell timer (less sensitive to load)")
        print(
            f"  per design: {workers_cpu / n * 1000:.2f} ms CPU of the worker processes in all (start, cells, "
            f"chunk files, results to the parent); parent CPU {parent_cpu:.1f} s (plan, journal, index, outputs)"
        )
        serial = t["plan"] + t["index"] + t["workbook_html"]
        projected = serial + workers_cpu / args.workers
        print(
            f"  projected on {args.workers} idle cores (plan + index + outputs + workers' CPU / workers): "
            f"{projected:.1f} s"
        )
        print(f"  per design: {per_design_machine * 1000:.2f} ms of machine time end to end (wall x workers / n)")
        outside = 1 - result.stats.cpu_s / (workers_cpu + parent_cpu)
        print(
            f"  share of the CPU outside the per-cell work (workers' start, chunk files, transfer; parent): "
            f"{outside:.0%}"
        )
        size = sum(p.stat().st_size for p in (folder / "book").rglob("*") if p.is_file())
        print(f"  book folder: {size / 1e6:.0f} MB")
        start = time.perf_counter()
        again = pricebook.build(SPEC, folder / "book", workers=args.workers, pdf=False)
        print(f"  cached re-run: {time.perf_counter() - start:.1f} s, reused {again.stats.reused} of {n}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    report_sample(args.sample)
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (1 min), {os.getloadavg()[1]:.1f} (5 min)")


def report_sample(sample: int) -> None:
    """The per-cell CPU and the share outside the arithmetic over a sample, in this process."""
    print(f"\nCPU per cell over whole size groups (>= {sample} cells) in one process "
          f"(load average {os.getloadavg()[0]:.1f}):")  # fmt: skip
    for reuse in (False, True):
        per_cell, shares, n = measure_sample(sample, reuse)
        label = "re-using repeated sub-solves" if reuse else "every sub-solve solved"
        print(f"  {label}: {per_cell * 1000:.2f} ms CPU per cell ({n} cells)")
        for name, share in shares.items():
            print(f"      {share:6.1%}  {name}")
        print(f"      {sum(shares.values()):6.1%}  outside the arithmetic in all")
        print(f"      {1 - sum(shares.values()):6.1%}  design arithmetic and calc recorder (the rest)")


if __name__ == "__main__":
    main()
