"""``apex-nb batch`` (a portfolio of sites, in parallel, resumable) and ``apex-nb reprice``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from apex_nb.batch.engines import DEFAULT_NOTEBOOK, DEFAULT_TIMEOUT_S


def register(subparsers: Any) -> None:
    """Add the ``batch`` and ``reprice`` commands."""
    batch = subparsers.add_parser(
        "batch",
        help="design every site of a CSV/XLSX portfolio (parallel, resumable, cached)",
        description="Validate every row, skip runs whose inputs, notebook and packs are unchanged, run the "
        "rest in parallel, and write DIR/summary.csv, DIR/summary.xlsx and DIR/rollup.html.",
    )
    batch.add_argument("sites", type=Path, help="SITES.csv or SITES.xlsx (header row: the SiteRow columns)")
    batch.add_argument("--out", type=Path, required=True, help="output folder DIR (runs/, summary, roll-up)")
    batch.add_argument("--notebook", type=Path, default=DEFAULT_NOTEBOOK, help="notebook run per site (papermill)")
    batch.add_argument("--workers", type=int, default=None, help="parallel runs (default: one per CPU)")
    batch.add_argument("--engine", choices=("papermill", "inprocess"), default="papermill", help="default: papermill")
    batch.add_argument("--dask", metavar="ADDRESS", default=None, help="submit the runs to this Dask scheduler")
    batch.add_argument("--skip-invalid", action="store_true", help="run the valid rows when some are invalid")
    batch.add_argument(
        "--allow-partial",
        action="store_true",
        help="exit 0 even when a site failed or an invalid row was skipped (default: exit 1)",
    )
    batch.add_argument("--quiet", action="store_true", help="no progress bar")
    batch.add_argument(
        "--calc-packages",
        nargs="?",
        const="per-site",
        choices=("per-site", "one"),
        help="also zip each priced site's calc package: DIR/calc-packages/<site>.zip (per-site, the default) "
        "or one DIR/calc-packages.zip with a folder per site (one)",
    )
    batch.add_argument("--calc-package-pdf", action="store_true", help="put the PDF in each calc package too")
    batch.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        help=f"papermill cell timeout, s (default {DEFAULT_TIMEOUT_S})",
    )
    batch.set_defaults(func=cmd_batch)

    reprice = subparsers.add_parser(
        "reprice",
        help="re-price a finished batch with another prices pack, without re-running the engineering",
    )
    reprice.add_argument("out", type=Path, metavar="DIR", help="a folder written by `apex-nb batch`")
    reprice.add_argument(
        "--pricing", required=True, metavar="VERSION|PATH", help="a locked prices version (2026.2.0) or its file"
    )
    reprice.add_argument("--quiet", action="store_true", help="print only the totals")
    reprice.set_defaults(func=cmd_reprice)


def cmd_batch(args: argparse.Namespace) -> int:
    """Run the batch; print what ran, what was reused, what failed and where the outputs are."""
    from apex_nb.batch.plan import BatchOptions, default_workers
    from apex_nb.batch.runner import run_batch
    from apex_nb.errors import FieldProblem, InputError

    if args.workers is not None and args.workers < 1:
        raise InputError([FieldProblem("--workers", f"{args.workers}", ">= 1")], "batch")
    options = BatchOptions(
        sites=args.sites,
        out=args.out,
        engine=args.engine,
        notebook=args.notebook,
        workers=args.workers or default_workers(),
        dask=args.dask,
        skip_invalid=args.skip_invalid,
        allow_partial=args.allow_partial,
        quiet=args.quiet,
        timeout_s=args.timeout,
    )
    try:
        result = run_batch(options)
    except KeyboardInterrupt:  # while reading or planning: nothing ran
        print("interrupted before any run finished")
        return 130
    portfolio = result.portfolio
    if portfolio.problems:
        print(f"skipped {len(portfolio.invalid_rows)} invalid row(s):", file=sys.stderr)
        for problem in portfolio.problems:
            print(f"  - {problem}", file=sys.stderr)
    where = f"dask {options.dask}" if options.dask else f"{options.workers} worker(s)"
    print(
        f"{len(result.planned)} sites ({options.engine}, {where}): ran {len(result.ran)}, "
        f"reused {len(result.reused)}, failed {len(result.failed)}, invalid {len(portfolio.invalid_rows)} "
        f"in {result.elapsed_s:.1f} s"
    )
    from apex_nb.batch.summary import FAILURES_LOG, one_line

    for site_id, error in result.failed.items():
        print(f"  FAILED {site_id}: {one_line(error)}")
    if result.headline:
        print(f"{'' if result.complete else 'INCOMPLETE: '}{result.headline}")
    if result.failed or portfolio.invalid_rows:
        print(f"full error text: {options.out / FAILURES_LOG}")
        if not result.allow_partial and not result.interrupted:
            print("exit 1: not every site was priced (--allow-partial accepts that)")
    if result.interrupted:
        print("interrupted: finished runs are kept; run the same command again to resume")
    for label, path in result.outputs.items():
        print(f"{label.replace('_', ' ')}: {path}")
    if args.calc_packages and not result.interrupted:
        from apex_nb.batch.packages import report_packages

        return max(result.exit_code, report_packages(options.out, args.calc_packages, args.calc_package_pdf))
    return result.exit_code


def cmd_reprice(args: argparse.Namespace) -> int:
    """Re-price every finished run of a batch and print the totals."""
    from apex_nb.batch.reprice import reprice

    report = reprice(args.out, args.pricing, quiet=args.quiet)
    print(report.text())
    return 1 if report.failed else 0
