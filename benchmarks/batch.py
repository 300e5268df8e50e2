"""Portfolio batch benchmark: papermill serial vs the batch command vs the in-process engine.

Prints, side by side from one run:
- plain papermill, serial: ``papermill.execute_notebook`` on notebooks/batch_site.ipynb once per
  site, one kernel per site, one after the other (the Python API, faster than the papermill CLI);
- ``apex-nb batch --engine papermill`` with 1 and 2 workers (fresh output folder, no cache);
- ``apex-nb batch --engine inprocess`` with 1 and 2 workers on a larger portfolio;
- in-process designs per second: ``apex_nb.batch.site.solve_site`` in a loop, no files;
- a cached re-run of the in-process batch (everything reused).

Targets (issue 8): in-process at least 200x faster per site than serial papermill; papermill
with 2 workers at least 1.6x serial papermill.

Usage: .venv/bin/python benchmarks/batch.py [--papermill-sites 12] [--inprocess-sites 300]
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PORTFOLIO = REPO / "examples" / "portfolio.csv"
CLI = [sys.executable, "-m", "apex_nb.cli.main"]


def write_portfolio(path: Path, count: int) -> Path:
    """``count`` sites: the example portfolio repeated, each copy with a slightly different wind speed."""
    with PORTFOLIO.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        header, base = list(reader.fieldnames or []), list(reader)
    rows = []
    for index in range(count):
        row = dict(base[index % len(base)])
        copy = index // len(base)
        if copy:
            row["site_id"] = f"{row['site_id']}-r{copy}"
            row["wind_speed_mph"] = f"{float(row['wind_speed_mph']) + 0.25 * copy:g}"
        rows.append(row)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def papermill_serial(sites_csv: Path, work: Path) -> float:
    """Plain papermill, one kernel per site, serially; wall seconds."""
    import papermill as pm

    from apex_nb.batch.engines import DEFAULT_NOTEBOOK
    from apex_nb.batch.rows import inputs_json, load_portfolio

    portfolio = load_portfolio(sites_csv)
    start = time.perf_counter()
    for site in portfolio.sites:
        folder = work / site.site_id
        folder.mkdir(parents=True)
        pm.execute_notebook(
            str(DEFAULT_NOTEBOOK),
            str(folder / "out.ipynb"),
            parameters={"solver": site.solver, "inputs_json": inputs_json(site.inputs), "envelope_path": "e.json"},
            kernel_name="python3",
            cwd=str(folder),
            progress_bar=False,
            execution_timeout=300,
            stderr_file=None,
        )
    return time.perf_counter() - start


def batch_cli(sites_csv: Path, out: Path, engine: str, workers: int) -> float:
    """``apex-nb batch`` in a subprocess (start-up included); wall seconds."""
    command = [*CLI, "batch", str(sites_csv), "--out", str(out), "--engine", engine, "--workers", str(workers)]
    start = time.perf_counter()
    done = subprocess.run([*command, "--quiet"], capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return elapsed


def solve_loop(sites_csv: Path) -> tuple[int, float]:
    """In-process designs per second: validate and solve every site, no files."""
    from apex_nb.batch.engines import _library
    from apex_nb.batch.rows import inputs_json, load_portfolio
    from apex_nb.batch.site import solve_site

    portfolio = load_portfolio(sites_csv)
    texts = [(site.solver, inputs_json(site.inputs)) for site in portfolio.sites]
    library = _library()
    solve_site(*texts[0], library=library)  # warm the pack cache, as a worker does on its first site
    start = time.perf_counter()
    for solver, text in texts:
        solve_site(solver, text, library=library)
    return len(texts), time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papermill-sites", type=int, default=12)
    parser.add_argument("--inprocess-sites", type=int, default=300)
    args = parser.parse_args()
    import apex_nb

    solvers = sorted({s for s in _solvers_of(PORTFOLIO)})
    print(f"apex-nb {apex_nb.__version__}, {os.cpu_count()} CPUs, solvers {', '.join(solvers)}")
    print(f"load average before: {', '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    rows: list[tuple[str, int, float]] = []
    with tempfile.TemporaryDirectory(prefix="apex-nb-bench-") as tmp:
        root = Path(tmp)
        # a private snapshot of the packs: edits in the working tree during the run cannot interfere
        from apex_nb.packs import default_packs_root

        shutil.copytree(default_packs_root(), root / "packs")
        os.environ["APEX_NB_PACKS"] = str(root / "packs")
        small = write_portfolio(root / "small.csv", args.papermill_sites)
        large = write_portfolio(root / "large.csv", args.inprocess_sites)
        n = args.papermill_sites
        serial = papermill_serial(small, root / "serial")
        rows.append(("plain papermill, serial (1 kernel per site)", n, serial))
        rows.append(("apex-nb batch --engine papermill --workers 1", n, batch_cli(small, root / "pm1", "papermill", 1)))
        rows.append(("apex-nb batch --engine papermill --workers 2", n, batch_cli(small, root / "pm2", "papermill", 2)))
        m = args.inprocess_sites
        rows.append(("apex-nb batch --engine inprocess --workers 1", m, batch_cli(large, root / "ip1", "inprocess", 1)))
        rows.append(("apex-nb batch --engine inprocess --workers 2", m, batch_cli(large, root / "ip2", "inprocess", 2)))
        rows.append(("  same, cached re-run (all reused)", m, batch_cli(large, root / "ip2", "inprocess", 2)))
        one = write_portfolio(root / "one.csv", 1)
        startup = batch_cli(one, root / "ip-one", "inprocess", 2)
        rows.append(("apex-nb batch --engine inprocess, 1 site (start-up)", 1, startup))
        count, loop = solve_loop(large)
        rows.append(("in-process solve loop (no files)", count, loop))
    print(f"{'run':48s} {'sites':>6s} {'wall s':>8s} {'ms/site':>9s} {'sites/s':>9s}")
    for label, sites, wall in rows:
        print(f"{label:48s} {sites:6d} {wall:8.2f} {1000 * wall / sites:9.1f} {sites / wall:9.1f}")
    per_serial = serial / n
    per_pm2 = rows[2][2] / n
    per_inprocess = min(rows[3][2], rows[4][2]) / m
    marginal = (rows[4][2] - startup) / (m - 1)
    print()
    print(f"in-process designs per second (solve loop): {count / loop:,.0f}")
    speedup_pm = per_serial / per_pm2
    speedup_ip = per_serial / per_inprocess
    print(f"papermill, 2 workers vs serial papermill: {speedup_pm:.2f}x (target >= 1.6x) {_ok(speedup_pm >= 1.6)}")
    print(
        f"in-process batch vs serial papermill, per site: {speedup_ip:,.0f}x (target >= 200x) {_ok(speedup_ip >= 200)}"
    )
    speedup_marginal = per_serial / marginal
    print(
        f"in-process batch, 2 workers, per site beyond start-up ({1000 * marginal:.1f} ms): "
        f"{speedup_marginal:,.0f}x (target >= 200x) {_ok(speedup_marginal >= 200)}"
    )
    print(f"in-process solve loop vs serial papermill, per site: {per_serial / (loop / count):,.0f}x")
    print(f"load average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


def _ok(flag: bool) -> str:
    return "MET" if flag else "MISSED"


def _solvers_of(path: Path) -> set[str]:
    from apex_nb.batch.rows import load_portfolio

    return {site.solver for site in load_portfolio(path).sites}


if __name__ == "__main__":
    sys.exit(main())
