"""Solver and envelope throughput, printed side by side (run: `make bench` or python benchmarks/envelope.py).

Measures, in one process on this machine: one qz solve, complete designs (the issue-12 pole sign,
a two-post pylon, a cantilever), and the envelope's own costs (canonical hash, JSON round trip),
so a regression in the backbone shows up as a ratio rather than a guess. Times are the best of
several rounds of CPU time per call (``time.process_time``), which a busy shared machine disturbs
less than wall time. Not a test: nothing here asserts a time.

``--against DIR`` runs the same measurements on another checkout of apex-nb (e.g. a ``git
worktree`` of an older commit) in a fresh process and prints both columns with their ratio, the
two interleaved round by round so that load on the machine falls on both alike.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

QZ = {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C", "height_ft": 30}
POLE = {
    "wind": {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C"},
    "faces": [{"width_ft": 10, "height_ft": 6, "top_height_ft": 25}],
}
PYLON = {
    "wind": {"edition": "7-16", "wind_speed_mph": 130, "exposure": "C"},
    "faces": [{"width_ft": 16, "height_ft": 8, "top_height_ft": 40}],
    "post_count": 2,
    "post_spacing_ft": 10,
}
CANTILEVER = {
    "wind": {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C"},
    "face": {"width_ft": 6, "height_ft": 3, "top_height_ft": 16, "weight_lb": 150},
    "arm_length_ft": 7,
}


def best_cpu_seconds(fn: Callable[[], object], calls: int, rounds: int = 5) -> float:
    """Best per-call CPU seconds over ``rounds`` rounds of ``calls`` calls (after one warm-up)."""
    fn()
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(calls):
            fn()
        best = min(best, (time.process_time() - start) / calls)
    return best


def measure() -> dict[str, float]:
    """Seconds per call of each measurement, in this process's apex_nb."""
    import apex_nb
    from apex_nb.envelope import Envelope

    design = apex_nb.solve("design.pole_sign", POLE)
    text = design.to_json()
    rows = {
        "wind.asce7_qz solve": best_cpu_seconds(lambda: apex_nb.solve("wind.asce7_qz", QZ), 100),
        "design.pole_sign (issue 12 sign)": best_cpu_seconds(lambda: apex_nb.solve("design.pole_sign", POLE), 10),
        "design.pole_sign (two-post pylon)": best_cpu_seconds(lambda: apex_nb.solve("design.pole_sign", PYLON), 5),
        "design envelope hash (verify)": best_cpu_seconds(design.verify, 30),
        "design envelope to_json": best_cpu_seconds(design.to_json, 30),
        "design envelope from_json": best_cpu_seconds(lambda: Envelope.from_json(text), 30),
    }
    try:
        rows["design.cantilever_sign"] = best_cpu_seconds(
            lambda: apex_nb.solve("design.cantilever_sign", CANTILEVER), 5
        )
    except Exception:  # an older checkout may not have the solver or these inputs
        pass
    return rows


def _child(checkout: Path | None) -> dict[str, float]:
    env = dict(os.environ)
    if checkout is not None:
        env["PYTHONPATH"] = str(checkout)
    out = subprocess.run(
        [sys.executable, __file__, "--json"], env=env, cwd="/", capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def main() -> None:
    """Print each measurement (ms per call) and, with --against, the other checkout's and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="another apex-nb checkout to measure side by side")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved process rounds with --against")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.json:
        print(json.dumps(measure()))
        return
    if args.against is None:
        rows = measure()
        base = min(rows.values())
        print(f"{'measurement':36s} {'ms/call':>10s} {'x cheapest':>11s}")
        for name, seconds in rows.items():
            print(f"{name:36s} {seconds * 1000:10.2f} {seconds / base:11.1f}")
        return
    here = Path(__file__).resolve().parents[1]
    this: dict[str, float] = {}
    other: dict[str, float] = {}
    for _ in range(args.rounds):  # interleaved, best of each
        for target, into in ((args.against.resolve(), other), (here, this)):
            for name, seconds in _child(target).items():
                into[name] = min(into.get(name, float("inf")), seconds)
    print(f"load average: {os.getloadavg()[0]:.1f}; CPU ms per call, best of {args.rounds} interleaved rounds")
    print(f"{'measurement':36s} {'this':>9s} {'against':>9s} {'ratio':>7s}")
    for name, seconds in this.items():
        old = other.get(name)
        if old is None:
            print(f"{name:36s} {seconds * 1000:9.2f} {'-':>9s} {'-':>7s}")
        else:
            print(f"{name:36s} {seconds * 1000:9.2f} {old * 1000:9.2f} {seconds / old:7.2f}")


if __name__ == "__main__":
    main()
