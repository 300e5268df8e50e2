"""``apex-nb report ENVELOPE.json | --project DIR ID  -o out.html [--pdf out.pdf] [--date YYYY-MM-DD]``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
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
    from apex_nb.report import load_source, render_html, render_pdf

    if (args.envelope is None) == (args.project is None):
        raise InputError([FieldProblem("source", "give exactly one of ENVELOPE.json or --project DIR ID")])
    source = load_source(args.envelope, project=tuple(args.project) if args.project else None)
    page = render_html(source, print_date=_date(args.date), title=args.title, drawings=not args.no_drawings)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page, encoding="utf-8")
    print(f"wrote {output}")
    if args.pdf:
        print(f"wrote {render_pdf(output, args.pdf)}")
    return 0
