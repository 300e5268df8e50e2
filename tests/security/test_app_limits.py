"""``apex-nb app`` limits (issue 14, findings 5 and 6): the kernel cap and busy page, no kernel
for requests that are not page views, culling that spares a connecting page, and clean stops."""

from __future__ import annotations

import os
import signal
import socket
import time
from pathlib import Path

import pytest
from app_support import APP_READY, CHROMIUM, get, kernel_pids, start_app

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def wait_for(predicate, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out after {timeout_s} s waiting for {what}")


def test_cap_busy_page_page_views_only_and_connect_grace(tmp_path: Path) -> None:
    server = start_app(
        tmp_path, "--pool-size", "1", "--max-kernels", "2", "--retry-after", "7",
        "--connect-grace", "15", "--cull-idle", "10", "--cull-interval", "1",
    )  # fmt: skip
    pid = server.process.pid
    try:
        wait_for(lambda: len(kernel_pids(pid)) == 1, 90, "the preheated kernel")
        # A bare GET (a probe, curl, a script) is not a page view: no kernel.
        status, _, body = get(server.url, html=False)
        assert status == 406 and "web browser" in body
        time.sleep(12)  # the pool kernel is now idle for longer than --cull-idle 10
        assert len(kernel_pids(pid)) == 1
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(server.url, wait_until="commit")
            # Interactive although its kernel sat idle past the cull timeout: the connecting page is spared.
            page.wait_for_selector(APP_READY, timeout=90_000)
            time.sleep(3)  # a few cull sweeps with the browser connected (and active)
            assert page.locator(APP_READY).count() == 1
            # The one page slot (2 kernels - 1 pooled) is taken: the next page view is told to retry.
            status, headers, body = get(server.url)
            assert status == 503 and headers.get("Retry-After") == "7"
            assert "apx-busy" in body and "busy" in body and "7" in body
            page.close(run_before_unload=True)  # Voila's page shuts its kernel down when it leaves
            browser.close()
        wait_for(lambda: get(server.url, timeout=60)[0] == 200, 60, "a free page slot after the page closed")
        # That page view never connected a browser: its kernel is shut down after the 15 s grace.
        wait_for(lambda: len(kernel_pids(pid)) == 2, 30, "the page's kernel beside the refilled pool")
        wait_for(lambda: len(kernel_pids(pid)) == 1, 60, "the unconnected kernel to be freed")
        assert server.process.poll() is None
    finally:
        server.stop()


def _port_free(port: int) -> bool:
    """Nothing listens on the port and a new server can bind it (SO_REUSEADDR, as tornado binds:
    connections the old server closed may sit in TIME_WAIT, which is not "taken")."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        return False
    except OSError:
        pass
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
            sock.listen()
        except OSError:
            return False
    return True


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_to_apex_nb_stops_voila_its_kernels_and_frees_the_port(signum: int, tmp_path: Path) -> None:
    server = start_app(tmp_path, "--pool-size", "1", "--max-kernels", "3")
    pid = server.process.pid
    port = int(server.url.rsplit(":", 1)[1].strip("/"))
    try:
        assert get(server.url)[0] == 200  # a page view holds a kernel beside the pool
        wait_for(lambda: len(kernel_pids(pid)) == 2, 90, "two kernels")
        from apex_nb.cli.app_cmd import _descendants

        tree = _descendants(pid)
        assert len(tree) >= 3  # voila and its two kernels
        os.kill(pid, signum)  # apex-nb only, as a service manager or `kill PID` would
        server.process.wait(timeout=40)
        still = [p for p in tree if os.path.exists(f"/proc/{p}") and "Z" not in _state(p)]
        assert still == [], f"left running: {still}"
        assert _port_free(port)
    finally:
        server.stop()


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"
