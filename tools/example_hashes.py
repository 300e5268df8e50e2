"""Pin the content hash of every bundled example design (issue 17: refactors change no numbers).

The examples are ``examples/*.json`` (single solves) and every site of ``examples/portfolio.csv``.
``--write`` records their envelope content hashes in ``tests/backbone/example_hashes.json``;
``--check`` (the default) solves them again and lists the ones whose hash moved. A refactoring
commit must leave the file unchanged; an engineering change rewrites it in the same commit and
says in its message which designs changed and why.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from apex_nb.batch.rows import load_portfolio
from apex_nb.registry import solve

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PINNED = ROOT / "tests" / "backbone" / "example_hashes.json"


def current_hashes() -> dict[str, str]:
    """Solve every bundled example and portfolio site; return name -> content hash."""
    hashes: dict[str, str] = {}
    for path in sorted(EXAMPLES.glob("*.json")):
        example = json.loads(path.read_text(encoding="utf-8"))
        hashes[path.name] = solve(example["solver"], example["inputs"]).content_sha256
    portfolio = load_portfolio(EXAMPLES / "portfolio.csv")
    for site in portfolio.sites:
        hashes[f"portfolio.csv#{site.site_id}"] = solve(site.solver, site.inputs).content_sha256
    return hashes


def moved(pinned: dict[str, str], now: dict[str, str]) -> list[str]:
    """Names whose hash differs, or that appear on one side only."""
    return sorted(name for name in set(pinned) | set(now) if pinned.get(name) != now.get(name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="record the current hashes")
    args = parser.parse_args(argv)
    now = current_hashes()
    if args.write:
        PINNED.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"pinned {len(now)} example hashes in {PINNED.relative_to(ROOT)}")
        return 0
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    changed = moved(pinned, now)
    for name in changed:
        print(f"moved: {name}  {pinned.get(name, '-')[:12]} -> {now.get(name, '-')[:12]}")
    print(f"{len(now) - len(changed)} of {len(now)} example hashes unchanged")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
