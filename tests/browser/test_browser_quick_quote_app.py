"""The sales quick-quote app served by ``apex-nb app`` (the real command, the offline template)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from browser_support import AppServer, assert_no_source_or_traceback, set_number, start_app, text_of
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = [pytest.mark.slow, pytest.mark.browser]
REPEATED_LOADS = 15


@pytest.fixture(scope="module")
def quote_server(tmp_path_factory) -> Iterator[AppServer]:
    server = start_app(
        tmp_path_factory.mktemp("quote-app"), "--pool-size", "2", "--cull-idle", "30", "--cull-interval", "5",
        # 15 repeated loads close their contexts without `beforeunload`, so each kernel is held for
        # the connect grace (60 s) after its browser left: room for all of them beside the pool.
        "--max-kernels", "24",
    )  # fmt: skip
    yield server
    server.stop()


def test_no_request_leaves_localhost(quote_server, open_app) -> None:
    page, blocker = open_app(quote_server.url)
    page.wait_for_selector(".apx-input-sign-width-ft input")
    page.wait_for_timeout(1500)  # late requests (fonts, lazy chunks) would show up here
    assert blocker.blocked == [], f"external requests: {blocker.blocked}"
    assert blocker.seen > 10


def test_no_source_code_in_the_page(quote_server, open_app) -> None:
    page, _ = open_app(quote_server.url)
    assert_no_source_or_traceback(page)
    assert page.locator(".apx-form").count() == 1


def test_invalid_value_shows_a_message_and_no_traceback(quote_server, open_app) -> None:
    page, blocker = open_app(quote_server.url)
    set_number(page, "apx-input-top-height-ft", "10")
    set_number(page, "apx-input-sign-height-ft", "12")
    page.wait_for_function("document.querySelector('.apx-error-sign-height-ft').innerText.includes('taller')")
    assert "Fix the highlighted input" in text_of(page, ".apx-app-status")
    assert_no_source_or_traceback(page)
    assert blocker.blocked == []


def test_out_of_range_input_shows_its_range_and_no_price(quote_server, open_app) -> None:
    page, _ = open_app(quote_server.url, ".apx-qq-price")
    set_number(page, "apx-input-sign-width-ft", "500")
    page.wait_for_function(
        "document.querySelector('.apx-error-sign-width-ft') &&"
        " document.querySelector('.apx-error-sign-width-ft').innerText.includes('30')"
    )
    assert page.locator(".apx-qq-price").count() == 0
    assert page.locator(".apx-input-sign-width-ft input").input_value() == "500"
    assert "Traceback" not in page.content()


def test_changing_inputs_updates_post_and_price(quote_server, open_app) -> None:
    page, blocker = open_app(quote_server.url, ".apx-qq-price")
    before_post, before_price = text_of(page, ".apx-qq-post"), text_of(page, ".apx-qq-price")
    assert re.search(r"\$[\d,]+", before_price)
    set_number(page, "apx-input-sign-width-ft", "24")
    set_number(page, "apx-input-sign-height-ft", "10")
    set_number(page, "apx-input-top-height-ft", "40")
    set_number(page, "apx-input-wind-speed-mph", "150")
    page.wait_for_function(
        "([post, price]) => document.querySelector('.apx-qq-price') &&"
        " (document.querySelector('.apx-qq-price').innerText !== price ||"
        "  document.querySelector('.apx-qq-post').innerText !== post)",
        arg=[before_post, before_price],
    )
    page.wait_for_selector(".apx-qq-review")
    assert text_of(page, ".apx-qq-price") != before_price
    assert "Confidence" in text_of(page, ".apx-qq-confidence")
    assert blocker.blocked == []


def test_repeated_loads_do_not_hang(quote_server, open_app, tmp_path) -> None:
    """Dozens of loads catch the Output-widget hang (3-10 % of loads) if it ever comes back."""
    times = []
    for index in range(REPEATED_LOADS):
        start = time.monotonic()
        try:
            page, blocker = open_app(quote_server.url, ".apx-input-sign-width-ft input")
        except PlaywrightTimeout:
            log = quote_server.log.read_text()[-3000:]
            pytest.fail(f"load {index + 1} did not become interactive (earlier loads: {times} s)\n{log}")
        times.append(round(time.monotonic() - start, 2))
        assert blocker.blocked == []
        page.context.close()
