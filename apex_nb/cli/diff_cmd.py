"""``apex-nb diff A.json B.json``: what changed between two envelopes, grouped."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from apex_nb.errors import FieldProblem, InputError


def register(subparsers: Any) -> None:
    """Add the ``diff`` command."""
    cmd = subparsers.add_parser(
        "diff",
        help="what changed between two envelopes: inputs, packs, results and checks (parts included)",
    )
    cmd.add_argument("old", type=Path, metavar="A.json", help="the old envelope")
    cmd.add_argument("new", type=Path, metavar="B.json", help="the new envelope")
    cmd.add_argument("--json", action="store_true", help="print the diff as JSON")
    cmd.add_argument("--limit", type=int, default=None, help="at most this many lines per group")
    cmd.set_defaults(func=cmd_diff)


def cmd_diff(args: argparse.Namespace) -> int:
    """Print the grouped changes; exit 0 when identical, 1 when something changed, 2 on bad files (like diff(1))."""
    from apex_nb.diff import diff
    from apex_nb.envelope import Envelope
    from apex_nb.errors import ApexError

    envelopes = []
    for name, path in (("A.json", args.old), ("B.json", args.new)):
        if not path.is_file():
            raise InputError([FieldProblem(name, f"{path}: no such file", "an envelope JSON file")], "diff")
        try:
            envelope = Envelope.from_json(path.read_bytes())
            envelope.verify()
        except (ValueError, ApexError) as exc:  # not an envelope, or its content does not match its hash
            first = str(exc).splitlines()[0]
            raise InputError([FieldProblem(name, f"{path}: {first}", "an intact envelope JSON file")], "diff") from None
        envelopes.append(envelope)
    result = diff(*envelopes)
    if args.json:
        print(json.dumps(result.as_json(), indent=2, sort_keys=True, ensure_ascii=False))
    else:
        print(result.text(limit=args.limit))
        for line in result.explain():
            print(f"why: {line}")
    return 0 if result.identical else 1
