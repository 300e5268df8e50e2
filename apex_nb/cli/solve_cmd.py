"""``apex-nb solvers``, ``apex-nb solve NAME --input FILE|-  [--format json|table]`` and
``apex-nb verify ENVELOPE.json [--resolve]``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from apex_nb.errors import FieldProblem, InputError
from apex_nb.registry import list_solvers, solve


def register(subparsers: Any) -> None:
    """Add the ``solvers`` and ``solve`` commands."""
    solvers = subparsers.add_parser("solvers", help="list solvers and their input schemas")
    solvers.add_argument("--schema", action="store_true", help="print the full JSON input schemas")
    solvers.set_defaults(func=cmd_solvers)
    run = subparsers.add_parser("solve", help="run one solver on a JSON input file and print its envelope")
    run.add_argument("name")
    run.add_argument("--input", "-i", required=True, help="JSON file of inputs, or - for stdin")
    run.add_argument("--format", choices=("json", "table"), default="json")
    run.set_defaults(func=cmd_solve)
    check = subparsers.add_parser("verify", help="check an envelope's hashes (--resolve: solve it again and compare)")
    check.add_argument("envelope", help="envelope JSON file")
    check.add_argument("--resolve", action="store_true", help="re-solve from its inputs and pinned pack versions")
    check.set_defaults(func=cmd_verify)


def cmd_solvers(args: argparse.Namespace) -> int:
    """Print each solver with its version and input fields (or full schemas)."""
    for solver in list_solvers():
        schema = solver.input_schema()
        if args.schema:
            print(json.dumps({"name": solver.name, "version": solver.version, "input_schema": schema}, indent=2))
            continue
        print(f"{solver.name} v{solver.version}: {solver.summary}")
        required = set(schema.get("required", []))
        for field, spec in schema.get("properties", {}).items():
            mark = "*" if field in required else " "
            print(f"   {mark} {field}: {spec.get('description', '')}")
    return 0


def _read_inputs(source: str) -> Any:
    try:
        text = sys.stdin.read() if source == "-" else open(source, encoding="utf-8").read()
    except OSError as exc:
        raise InputError([FieldProblem("--input", f"cannot read {source}: {exc.strerror}")]) from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except (json.JSONDecodeError, ValueError) as exc:
        raise InputError([FieldProblem("--input", f"not valid JSON: {exc}")]) from None
    except RecursionError:
        raise InputError(
            [FieldProblem("--input", "JSON nested too deeply to read", "inputs nested a few levels deep")]
        ) from None


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not allowed in inputs")


def cmd_solve(args: argparse.Namespace) -> int:
    """Print the envelope as JSON, or a short table for people."""
    envelope = solve(args.name, _read_inputs(args.input))
    if args.format == "json":
        sys.stdout.write(envelope.to_json())
        return 0
    print(table_text(envelope))
    return 0


def table_text(envelope: Any) -> str:
    """The envelope for people: headline (governing check over every part, review), result, checks by part."""
    from apex_nb.report.blocks import fmt, governing_text, needs_review, unit_of

    lines = [str(envelope), f"  governing: {governing_text(envelope)}"]
    review = needs_review(envelope)
    if review is not None:
        reasons = "; ".join(str(r) for r in envelope.result.get("review_reasons") or [])
        lines.append(
            f"  review:    {'ENGINEER REVIEW NEEDED' if review else 'no engineer review flagged'}"
            + (f" ({reasons})" if review and reasons else "")
        )
    lines.append("  result:")
    for key, value in envelope.result.items():
        if isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value)):
            lines.append(f"    {key}:")
            lines.extend(f"      {line}" for line in _nested_lines(value))
        else:
            lines.append(f"    {key:32s} {fmt(value, unit_of(key))}")
    current = None
    for found in envelope.all_checks():
        if found.path != current:
            current = found.path
            lines.append(f"  checks of {current}:")
        check = found.check
        verdict = "ok  " if check.passed else "FAIL"
        numbers = f"{fmt(check.demand, check.unit):>12s} / {fmt(check.capacity, check.unit):>12s} {check.unit:8s}"
        lines.append(f"    {verdict} {check.id:28s} {numbers} = {check.ratio:.3f}  {check.clause}")
    return "\n".join(lines)


def _nested_lines(value: Any) -> list[str]:
    from apex_nb.report.blocks import fmt, unit_of

    if isinstance(value, dict):
        return [
            f"{k}: {fmt(v, unit_of(str(k)))}" if not isinstance(v, (dict, list)) else f"{k}: {_inline(v)}"
            for k, v in value.items()
        ]
    return [_inline(item) for item in value]


def _inline(value: Any) -> str:
    from apex_nb.report.blocks import fmt, unit_of

    if isinstance(value, dict):
        return ", ".join(
            f"{k} {fmt(v, unit_of(str(k))) if not isinstance(v, (dict, list)) else _inline(v)}"
            for k, v in value.items()
        )
    if isinstance(value, list):
        return "; ".join(_inline(v) for v in value)
    return fmt(value)


def cmd_verify(args: argparse.Namespace) -> int:
    """Exit 0 when the envelope verifies, 1 when it does not (named), 2 when it is not an envelope."""
    from apex_nb.envelope import Envelope

    try:
        with open(args.envelope, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        raise InputError([FieldProblem("envelope", f"cannot read {args.envelope}: {exc.strerror}")]) from None
    try:
        envelope = Envelope.from_json(text)
    except (ValueError, RecursionError) as exc:
        raise InputError([FieldProblem("envelope", f"{args.envelope} is not an envelope: {exc}")]) from None
    envelope.verify(resolve=args.resolve)
    how = "re-solved to the same hash" if args.resolve else "hashes consistent (not a signature; --resolve re-solves)"
    print(f"ok: {envelope.solver.name} v{envelope.solver.version} {envelope.content_sha256}: {how}")
    return 0
