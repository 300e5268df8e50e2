"""Price book benchmark: a 10,000-design book end to end, the per-design cost and the overhead.

Prints, from one run:
- the end-to-end wall time of ``apex_nb.pricebook.build`` on a 10,368-cell spec (128 pole sizes
  x 3 wind speeds x 3 exposures x 3 soil classes x 3 editions), with the workbook, HTML and
  index, on ``--workers`` processes; the PDF is printed too and timed separately;
- the same build again (every cell reused from the cache);
- per-design cost: the workers' summed solve time / designs (CPU-ish, what one design costs),
  and wall time x workers / designs (what one design costs the machine end to end);
- the share outside the arithmetic: a profile of ``--sample`` cells in one process, split by
  where the time goes: design arithmetic (equations, solvers and the calc recorder), input
  validation and envelope models (pydantic), content hashing (canonical JSON), serialisation
  and compression and files; and the end-to-end share outside the solves (pool, index, workbook);
- the effect of re-using repeated sub-solves (``apex_nb.calc.reuse_parts``) on the sample.

Target (issue 18): a 10,000-design book in under 30 s on a 2-core machine.

Usage: .venv/bin/python benchmarks/pricebook.py [--workers 2] [--sample 300] [--no-pdf]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import shutil
import tempfile
import time
from pathlib import Path

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

CATEGORIES = (
    ("design arithmetic (equations, solvers, calc recorder)", ("/apex_nb/equations/", "/apex_nb/solvers/", "calc.py")),
    ("envelope models and validation (pydantic, registry)", ("pydantic", "registry.py", "inputs.py", "envelope.py")),
    ("content hashing (canonical JSON, sha256)", ("canonical.py", "_hashlib", "sha256")),
    ("serialisation, compression, files", ("json", "gzip", "zlib", "keys.py", "posix", "io.")),
    ("pack lookups", ("packs.py",)),
)


def profile_sample(sample: int, reuse: bool) -> tuple[float, dict[str, float]]:
    """Seconds per cell for ``sample`` cells in this process, and the profile split by category."""
    from apex_nb.pricebook.engine import Job, cell_key, solve_chunk
    from apex_nb.pricebook.spec import cells, load_spec

    grid, _ = cells(load_spec(SPEC))
    step = max(1, len(grid) // sample // 6) * 6  # keep runs of 6 neighbours (soil classes, exposures) together
    chosen = [c for start in range(0, len(grid), step) for c in grid[start : start + 6]][:sample]
    pins = {"prices": "2026.1.0"}
    jobs = [Job(c.cell_id, c.solver, json.dumps(c.inputs, sort_keys=True), cell_key(c, pins)) for c in chosen]
    with tempfile.TemporaryDirectory() as scratch:
        solve_chunk(jobs[:6], scratch, pins, reuse)  # warm the pack cache
        start = time.perf_counter()
        for index in range(0, len(jobs), 64):
            solve_chunk(jobs[index : index + 64], scratch, pins, reuse)
        per_cell = (time.perf_counter() - start) / len(jobs)
        profile = cProfile.Profile()
        profile.enable()
        for index in range(0, len(jobs), 64):
            solve_chunk(jobs[index : index + 64], scratch, pins, reuse)
        profile.disable()
    stats = pstats.Stats(profile)
    split = {name: 0.0 for name, _ in CATEGORIES}
    split["other"] = 0.0
    total = 0.0
    for (filename, _line, func), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        total += tottime
        where = f"{filename}:{func}"
        for name, marks in CATEGORIES:
            if any(mark in where for mark in marks):
                split[name] += tottime
                break
        else:
            split["other"] += tottime
    return per_cell, {name: value / total for name, value in split.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()

    from apex_nb import pricebook
    from apex_nb.pricebook.spec import cells, load_spec

    n = len(cells(load_spec(SPEC))[0])
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
    folder = Path(tempfile.mkdtemp(prefix="apex-nb-pricebook-bench-"))
    try:
        start = time.perf_counter()
        result = pricebook.build(SPEC, folder / "book", workers=args.workers, pdf=not args.no_pdf)
        wall = time.perf_counter() - start
        t = result.timings_s
        end_to_end = wall - t.get("pdf", 0.0)
        print(f"\n{n} cells, {args.workers} workers: {result.counts}")
        print(f"  end to end (designs, index, workbook, HTML): {end_to_end:.1f} s   target < 30 s")
        print(f"    designs {t['design']:.1f} s, index {t['index']:.2f} s, workbook + HTML {t['workbook_html']:.1f} s")
        if "pdf" in t:
            print(f"  PDF through Chromium (separately): {t['pdf']:.1f} s")
        per_design_solve = result.stats.solve_s / max(1, result.stats.solved)
        per_design_machine = end_to_end * args.workers / n
        print(f"  per design: {per_design_solve * 1000:.2f} ms wall in the worker (solve + envelope + store)")
        cpu = result.stats.cpu_s / max(1, result.stats.solved)
        print(f"  per design: {cpu * 1000:.2f} ms CPU in the worker (less sensitive to a loaded machine)")
        projected = cpu * n / args.workers + t["workbook_html"] + t["index"]
        print(f"  projected on {args.workers} idle cores (CPU per design x n / workers + outputs): {projected:.1f} s")
        print(f"  per design: {per_design_machine * 1000:.2f} ms of machine time end to end (wall x workers / n)")
        outside = 1 - result.stats.solve_s / (end_to_end * args.workers)
        print(f"  share of machine time outside the per-cell work (pool, index, workbook, idle): {outside:.0%}")
        size = sum(p.stat().st_size for p in (folder / "book").rglob("*") if p.is_file())
        print(f"  book folder: {size / 1e6:.0f} MB")
        start = time.perf_counter()
        again = pricebook.build(SPEC, folder / "book", workers=args.workers, pdf=False)
        print(f"  cached re-run: {time.perf_counter() - start:.1f} s, reused {again.stats.reused} of {n}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"\nprofile of {args.sample} cells in one process:")
    for reuse in (False, True):
        per_cell, split = profile_sample(args.sample, reuse)
        label = "re-using repeated sub-solves" if reuse else "every sub-solve solved"
        print(f"  {label}: {per_cell * 1000:.2f} ms per cell (unprofiled)")
        for name, share in split.items():
            print(f"      {share:6.1%}  {name}")
    print("  arithmetic = equations + solvers + calc recorder; everything else is outside the arithmetic")


if __name__ == "__main__":
    main()
