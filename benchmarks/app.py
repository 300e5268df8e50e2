"""Time to first interactive page (cold and preheated) and input-change-to-result latency.

Starts real ``apex-nb app`` servers on free ports and drives Debian's Chromium with Playwright
(external requests blocked). "Interactive" means the app's own status element is on the page
(the kernel ran the notebook and the widgets rendered). Usage::

    .venv/bin/python benchmarks/app.py [--loads 5] [--changes 10]

Prints a small table; numbers are medians (min - max) in seconds.
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


def first_interactive(browser, url: str) -> float:
    context = browser.new_context()
    context.route("**/*", Blocker())
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector(APP_READY, timeout=120_000)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def change_latency(browser, url: str, changes: int, quick_quote: bool) -> list[float]:
    context = browser.new_context()
    context.route("**/*", Blocker())
    page = context.new_page()
    page.goto(url, wait_until="commit")
    result = ".apx-qq-price" if quick_quote else ".apx-result-qz-psf"
    field = "apx-input-sign-width-ft" if quick_quote else "apx-input-height-ft"
    page.wait_for_selector(result, timeout=120_000)
    values = [f"{(10 + i) if quick_quote else (20 + 5 * i)}" for i in range(changes)]  # qz is flat below 15 ft
    times = []
    for value in values:
        before = page.locator(result).inner_text()
        box = page.locator(f".{field} input")
        box.fill(value)
        start = time.perf_counter()
        box.press("Enter")
        page.wait_for_function(
            "([css, old]) => document.querySelector(css) && document.querySelector(css).innerText !== old",
            arg=[result, before],
            timeout=30_000,
        )
        times.append(time.perf_counter() - start)
    context.close()
    return times


def fmt(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f}  ({min(values):.2f} - {max(values):.2f}), n={len(values)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=4)
    parser.add_argument("--changes", type=int, default=8)
    args = parser.parse_args()
    quick_quote = any(s.name == "design.quick_quote" for s in apex_nb.list_solvers())
    qz_app = ["--notebooks", str(REPO / "tests" / "browser" / "apps"), "--app", "qz_app"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        start = time.perf_counter()
        cold = start_app(Path(tmp), "--pool-size", "0")
        rows.append(("server listening (quick_quote, cold)", fmt([time.perf_counter() - start])))
        print(*rows[-1], sep="  ", flush=True)
        try:
            rows.append(
                (
                    "first interactive page, cold kernel",
                    fmt([first_interactive(browser, cold.url) for _ in range(args.loads)]),
                )
            )
        finally:
            cold.stop()
        warm = start_app(Path(tmp), "--pool-size", "2")
        try:
            time.sleep(8)  # let the pool fill
            loads = []
            for _ in range(args.loads):
                loads.append(first_interactive(browser, warm.url))
                time.sleep(5)  # the pool refills between visitors
            rows.append(("first interactive page, preheated", fmt(loads)))
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
    print(f"{'measure'.ljust(width)}  median s (min - max)")
    for name, value in rows:
        print(f"{name.ljust(width)}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
