"""Entry point of the ``apex-nb`` command.

Each command group is a module with ``register(subparsers)`` that adds its sub-commands and
sets ``func`` on them; the list below is explicit so a newcomer sees every command at a glance.
Errors from apex_nb are printed plainly (no traceback) with exit code 2 for bad input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from apex_nb.cli import (
    app_cmd,
    batch_cmd,
    diff_cmd,
    packs_cmd,
    pricebook_cmd,
    project_cmd,
    report_cmd,
    run_cmd,
    solve_cmd,
)
from apex_nb.errors import ApexError, InputError
from apex_nb.version import __version__

COMMAND_GROUPS = (packs_cmd, solve_cmd, run_cmd, project_cmd, app_cmd, report_cmd, batch_cmd, diff_cmd, pricebook_cmd)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every command group registered."""
    parser = argparse.ArgumentParser(prog="apex-nb", description="Sign-structure engineering toolkit.")
    parser.add_argument("--version", action="version", version=f"apex-nb {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for group in COMMAND_GROUPS:
        group.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code (0 ok, 1 failed check or error, 2 bad input)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ApexError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
