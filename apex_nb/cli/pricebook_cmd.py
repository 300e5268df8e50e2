"""``apex-nb pricebook SPEC.yaml --out DIR`` and ``apex-nb pricebook --check DIR``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from apex_nb.errors import FieldProblem, InputError


def register(subparsers: Any) -> None:
    """Add the ``pricebook`` command."""
    cmd = subparsers.add_parser(
        "pricebook",
        help="design every standard size x wind x exposure x soil x edition into a price book, or check one",
        description="Build: design every cell of SPEC.yaml (parallel, cached, resumable) and write DIR/index.json, "
        "DIR/book.xlsx, DIR/book.html and DIR/book.pdf. Check: --check DIR says whether the book is still valid "
        "against the current packs and names the cells that moved (exit 0 valid, 1 not valid).",
    )
    cmd.add_argument("spec", type=Path, nargs="?", metavar="SPEC.yaml", help="the price book spec")
    cmd.add_argument("--out", type=Path, help="output folder DIR")
    cmd.add_argument("--check", type=Path, metavar="DIR", help="check the book in DIR against the current packs")
    cmd.add_argument("--workers", type=int, default=0, help="worker processes (default: one per CPU)")
    cmd.add_argument("--no-pdf", action="store_true", help="skip printing book.pdf with Chromium")
    cmd.add_argument("--quiet", action="store_true", help="no progress bar")
    cmd.set_defaults(func=cmd_pricebook)


def cmd_pricebook(args: argparse.Namespace) -> int:
    """Build or check a price book."""
    from apex_nb import pricebook

    if args.workers < 0:
        raise InputError([FieldProblem("--workers", str(args.workers), ">= 0 (0 = one per CPU)")], "pricebook")
    if args.check is not None:
        if args.spec is not None or args.out is not None:
            raise InputError([FieldProblem("--check", "given with SPEC.yaml or --out", "either build or check")])
        report = pricebook.check(args.check, workers=args.workers)
        print(report.text())
        return 0 if report.valid else 1
    if args.spec is None or args.out is None:
        raise InputError([FieldProblem("SPEC.yaml/--out", "missing", "SPEC.yaml --out DIR, or --check DIR")])
    bar = None
    progress = None
    if not args.quiet:
        from tqdm import tqdm

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = tqdm(total=total, unit="cell", desc="pricebook", file=sys.stderr, dynamic_ncols=True)
            bar.n = done
            bar.refresh()

    try:
        result = pricebook.build(args.spec, args.out, workers=args.workers, pdf=not args.no_pdf, progress=progress)
    finally:
        if bar is not None:
            bar.close()
    print(result.text())
    if result.stats.interrupted:
        return 130
    return 1 if result.counts.get("error") else 0
