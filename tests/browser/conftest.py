"""Browser fixtures: Debian's Chromium through Playwright, and pages with external requests blocked.

Helpers live in ``browser_support.py`` (importable by the test modules). A missing Chromium
fails the tests, it never skips them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from browser_support import APP_READY, CHROMIUM, CHROMIUM_ARGS, PAGE_TIMEOUT_MS, Blocker


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """Debian's Chromium through Playwright; fails (never skips) when it is missing.

    Module-scoped: Playwright's sync API keeps an event loop running while it is open, and the
    security tests that follow in the same process start their own Playwright (or asyncio.run).
    """
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def open_app(browser):
    """``open_app(url) -> (page, blocker)``: a fresh context with external requests blocked."""
    contexts = []

    def open_(url: str, wait_for: str = APP_READY):
        context = browser.new_context()
        contexts.append(context)
        blocker = Blocker()
        context.route("**/*", blocker)
        page = context.new_page()
        page.set_default_timeout(PAGE_TIMEOUT_MS)
        page.goto(url, wait_until="commit")  # never wait for load events
        page.wait_for_selector(wait_for, timeout=PAGE_TIMEOUT_MS)
        return page, blocker

    yield open_
    for context in contexts:
        context.close()
