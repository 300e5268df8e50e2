"""Solver and envelope throughput, printed side by side (run: `make bench` or python benchmarks/envelope.py).

Measures, in one process on this machine: one qz solve, one complete pole-sign design, and the
envelope's own costs (canonical hash, JSON round trip), so a regression in the backbone shows
up as a ratio rather than a guess. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import apex_nb
from apex_nb.envelope import Envelope

QZ = {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C", "height_ft": 30}
POLE = {
    "wind": {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C"},
    "faces": [{"width_ft": 10, "height_ft": 6, "top_height_ft": 25}],
}


def per_call(fn: Callable[[], object], repeat: int) -> float:
    """Median seconds per call over ``repeat`` calls (after one warm-up call)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print each measurement with its ratio to the cheapest one."""
    design = apex_nb.solve("design.pole_sign", POLE)
    text = design.to_json()
    rows = [
        ("wind.asce7_qz solve", per_call(lambda: apex_nb.solve("wind.asce7_qz", QZ), 200)),
        ("design.pole_sign solve", per_call(lambda: apex_nb.solve("design.pole_sign", POLE), 15)),
        ("design envelope hash (verify)", per_call(design.verify, 50)),
        ("design envelope to_json", per_call(design.to_json, 50)),
        ("design envelope from_json", per_call(lambda: Envelope.from_json(text), 50)),
    ]
    base = min(seconds for _, seconds in rows)
    print(f"{'measurement':34s} {'ms/call':>10s} {'calls/s':>10s} {'x cheapest':>11s}")
    for name, seconds in rows:
        print(f"{name:34s} {seconds * 1000:10.2f} {1 / seconds:10.1f} {seconds / base:11.1f}")
    print(f"\ndesign envelope: {len(text) / 1024:.0f} KiB JSON, {len(design.parts)} parts")


if __name__ == "__main__":
    main()
