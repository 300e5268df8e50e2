"""``apex-nb run``: the main job on the bundled example data, with a readable summary."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from apex_nb.envelope import Envelope
from apex_nb.errors import FieldProblem, InputError
from apex_nb.registry import solve

DEFAULT_EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def register(subparsers: Any) -> None:
    """Add the ``run`` command."""
    run = subparsers.add_parser("run", help="solve the bundled examples and print a summary")
    run.add_argument("--examples", type=Path, default=DEFAULT_EXAMPLES, help="folder of example JSON files")
    run.add_argument("--out", type=Path, default=None, help="write each envelope JSON into this folder")
    run.set_defaults(func=cmd_run)


def load_example(path: Path) -> dict[str, Any]:
    """One example file: {"title", "solver", "inputs"}."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError([FieldProblem(str(path), f"not valid JSON: {exc}")]) from None
    missing = [key for key in ("title", "solver", "inputs") if key not in data]
    if missing:
        raise InputError([FieldProblem(str(path), f"missing keys {missing}", "title, solver, inputs")])
    return data


HEADER = (
    f"{'example':34s} {'verdict':7s} {'post':18s} {'foundation':40s} {'price':>10s}  {'governing check':48s} "
    "conf  review"
)


def summary_row(title: str, env: Envelope) -> str:
    """One line: title, verdict, post, foundation, price, governing check, confidence, review flag."""
    r = env.result
    gov = env.governing()  # the one rule (apex_nb.envelope), over the envelope and its parts
    gov_text = f"{gov.label} ({gov.ratio:.2f})" if gov else "-"
    price = f"${r['price_total_usd']:,.0f}" if isinstance(r.get("price_total_usd"), (int, float)) else "-"
    verdict = "PASS" if env.passed else "FAIL"
    review = "REVIEW" if r.get("needs_engineer_review") else "-"
    post = str(r.get("post_label", "-"))
    foundation = str(r.get("foundation_summary", "-"))
    return (
        f"{title:34.34s} {verdict:7s} {post:18.18s} {foundation:40.40s} {price:>10s}  {gov_text:48.48s} "
        f"{env.confidence:.2f}  {review}"
    )


def cmd_run(args: argparse.Namespace) -> int:
    """Solve every example and print one summary line each; exit 1 when any fails to solve."""
    paths = sorted(args.examples.glob("*.json"))
    if not paths:
        raise InputError([FieldProblem("--examples", f"no *.json examples in {args.examples}")])
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    print(HEADER)
    failures = 0
    for path in paths:
        example = load_example(path)
        try:
            env = solve(example["solver"], example["inputs"])
        except InputError as exc:
            failures += 1
            print(f"{example['title']:34.34s} INPUT ERROR {exc}")
            continue
        print(summary_row(example["title"], env))
        if args.out:
            (args.out / f"{path.stem}.envelope.json").write_text(env.to_json(), encoding="utf-8")
    print(f"\n{len(paths) - failures} of {len(paths)} examples solved.")
    return 1 if failures else 0
