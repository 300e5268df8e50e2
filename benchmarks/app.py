"""Time to first interactive page (cold and preheated) and input-change-to-new-price latency.

Starts real ``apex-nb app`` servers on free ports and drives Debian's Chromium with Playwright
(external requests blocked). "Interactive" means the quick quote shows its price (the kernel ran
the notebook, the widgets rendered and are connected); for the qz test app, its status element.
An input change is timed from typing a new face width to the new quote on the page (the price
and the sentence that names the width arrive in one message). Usage::

    .venv/bin/python benchmarks/app.py [--loads 6] [--changes 30]

Prints a small table: median, 95th percentile, min - max, in seconds. Targets (issue 16):
preheated first interactive page < 1.0 s; input change median < 0.100 s, p95 < 0.200 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "browser"))

from browser_support import APP_READY, CHROMIUM, CHROMIUM_ARGS, Blocker, start_app  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

import apex_nb  # noqa: E402

QQ_READY = ".apx-qq-price"


def first_interactive(browser, url: str, ready: str = APP_READY) -> float:
    context = browser.new_context()
    context.route("**/*", Blocker())
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector(ready, timeout=120_000)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def change_latency(browser, url: str, changes: int, quick_quote: bool) -> list[float]:
    context = browser.new_context()
    context.route("**/*", Blocker())
    page = context.new_page()
    page.goto(url, wait_until="commit")
    result = ".apx-qq-what" if quick_quote else ".apx-result-qz-psf"
    field = "apx-input-sign-width-ft" if quick_quote else "apx-input-height-ft"
    page.wait_for_selector(QQ_READY if quick_quote else result, timeout=120_000)
    page.wait_for_timeout(1000)  # let the first render settle
    widths = [10 + (i % 15) for i in range(changes)]  # 10..24 ft, then again (a cache may serve repeats)
    values = [f"{w if quick_quote else 20 + 5 * i}" for i, w in enumerate(widths)]  # qz is flat below 15 ft
    times = []
    box = page.locator(f".{field} input")
    for value in values:
        before = page.locator(result).inner_text()
        start = time.perf_counter()
        box.fill(value)  # the text box sends every edit; no Enter needed
        if not quick_quote:
            box.press("Enter")
        page.wait_for_function(
            "([css, old]) => { const e = document.querySelector(css);"
            " return e && e.innerText !== old && !document.querySelector('.apx-stale'); }",
            arg=[result, before],
            timeout=30_000,
            polling="raf",
        )
        times.append(time.perf_counter() - start)
    context.close()
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def wait_pool_filled(server, fills: int, timeout_s: float = 90.0) -> None:
    """Wait until Voila has logged its kernel pool as filled ``fills`` times (preheated for real)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.log.read_text().count("is filled with") >= fills:
            time.sleep(1.0)  # the notebook of the last kernel finishes executing
            return
        time.sleep(0.25)


def fmt(values: list[float]) -> str:
    return (
        f"median {statistics.median(values):6.3f}  p95 {p95(values):6.3f}  "
        f"({min(values):.3f} - {max(values):.3f}), n={len(values)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=6)
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--skip-cold", action="store_true", help="only the preheated page and input changes")
    args = parser.parse_args()
    quick_quote = any(s.name == "design.quick_quote" for s in apex_nb.list_solvers())
    qz_app = ["--notebooks", str(REPO / "tests" / "browser" / "apps"), "--app", "qz_app"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        ready = QQ_READY if quick_quote else APP_READY
        if not args.skip_cold:
            start = time.perf_counter()
            cold = start_app(Path(tmp), "--pool-size", "0")
            rows.append(("server listening (quick_quote, cold)", fmt([time.perf_counter() - start])))
            print(*rows[-1], sep="  ", flush=True)
            try:
                rows.append(
                    (
                        "first interactive page, cold kernel",
                        fmt([first_interactive(browser, cold.url, ready) for _ in range(args.loads)]),
                    )
                )
            finally:
                cold.stop()
            print(*rows[-1], sep="  ", flush=True)
        warm = start_app(Path(tmp), "--pool-size", "2")
        try:
            loads = []
            for index in range(args.loads):
                wait_pool_filled(warm, index + 1)  # every visitor finds a preheated kernel
                loads.append(first_interactive(browser, warm.url, ready))
            rows.append(("first interactive page, preheated", fmt(loads)))
            print(*rows[-1], sep="  ", flush=True)
        finally:
            warm.stop()
        app = start_app(Path(tmp), "--pool-size", "1", *([] if quick_quote else qz_app))
        try:
            label = "quick quote" if quick_quote else "qz test app (design.quick_quote not registered)"
            rows.append(
                (f"input change -> result, {label}", fmt(change_latency(browser, app.url, args.changes, quick_quote)))
            )
        finally:
            app.stop()
        browser.close()
    width = max(len(name) for name, _ in rows)
    print(f"{'measure'.ljust(width)}  seconds")
    for name, value in rows:
        print(f"{name.ljust(width)}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
