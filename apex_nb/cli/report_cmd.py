"""``apex-nb report ENVELOPE.json | --project DIR ID  -o out.html [--pdf out.pdf] [--date YYYY-MM-DD]``."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from apex_nb.errors import FieldProblem, InputError


def register(subparsers: Any) -> None:
    """Add the ``report`` command."""
    parser = subparsers.add_parser("report", help="calc report (HTML, optional PDF) of an envelope or a project")
    parser.add_argument("envelope", nargs="?", help="envelope JSON file")
    parser.add_argument("--project", nargs=2, metavar=("DIR", "ID"), help="project store root and project id")
    parser.add_argument("-o", "--output", required=True, help="HTML file to write")
    parser.add_argument("--pdf", help="also print a PDF here (needs Chromium)")
    parser.add_argument("--date", help="print date shown on the report (default: today), YYYY-MM-DD")
    parser.add_argument("--title", default="", help="report title (default: project name or solver)")
    parser.add_argument("--no-drawings", action="store_true", help="leave the drawings out")
    parser.add_argument("--with-pricing", action="store_true", help="add the price lines (left out by default)")
    parser.add_argument(
        "--with-charts",
        action="store_true",
        help="add design charts around each design (Cf, embedment, post; price with --with-pricing), "
        "also written as SVG and PNG to OUTPUT-charts/",
    )
    parser.add_argument("--paper", choices=("letter", "a4"), default="letter", help="page size (default letter)")
    parser.add_argument("--engineer", default="", help="engineer of record, for the title block")
    parser.add_argument("--license", default="", help="engineer's license number")
    parser.add_argument("--revision", default="0", help="revision shown in the title block (default 0)")
    parser.add_argument("--site", default="", help="site address (default: the project's or the batch site's)")
    parser.add_argument("--customer", default="", help="customer (default: the project's)")
    parser.add_argument("--project-name", default="", help="project shown in the title block")
    parser.add_argument("--risk-category", default="", help="ASCE 7 risk category (I-IV) for the criteria sheet")
    parser.set_defaults(func=cmd_report)


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError([FieldProblem("--date", f"{text!r} is not a date", "YYYY-MM-DD")]) from None


def cmd_report(args: argparse.Namespace) -> int:
    """Render the HTML report (and the PDF when asked)."""
    from apex_nb.report import ReportOptions, load_source, write_package

    if (args.envelope is None) == (args.project is None):
        raise InputError([FieldProblem("source", "give exactly one of ENVELOPE.json or --project DIR ID")])
    source = load_source(args.envelope, project=tuple(args.project) if args.project else None)
    options = ReportOptions(
        title=args.title,
        project=args.project_name,
        site=args.site,
        customer=args.customer,
        engineer=args.engineer,
        license=args.license,
        revision=args.revision,
        risk_category=args.risk_category,
        paper=args.paper,
        with_pricing=args.with_pricing,
        drawings=not args.no_drawings,
        charts=args.with_charts,
    )
    written = write_package(source, args.output, args.pdf, print_date=_date(args.date), options=options)
    for path in written.values():
        print(f"wrote {path}")
    return 0
