"""Browser test support: a live ``apex-nb app`` server and Debian's Chromium driven by Playwright.

Rules (docs/APPS.md): Chromium is required (a missing browser fails, never skips); every
request leaving 127.0.0.1 is blocked and recorded; tests wait for the app's own elements
(``apx-*`` classes), never for a page load event.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from apex_nb.report.pdf import HEADLESS_FLAGS

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = list(HEADLESS_FLAGS)
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
APP_READY = ".apx-app .apx-app-status"
SERVER_START_TIMEOUT_S = 60
PAGE_TIMEOUT_MS = 60_000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class AppServer:
    """A running ``apex-nb app`` process."""

    url: str
    process: subprocess.Popen
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # our own process group only
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)


APP_COMMAND = (sys.executable, "-m", "apex_nb.cli.main")


def start_app(
    tmp: Path,
    *args: str,
    head: Sequence[str] = APP_COMMAND,
    log_tag: str = "",
    timeout_s: float = SERVER_START_TIMEOUT_S,
) -> AppServer:
    """Start ``apex-nb app`` on a free port and wait until it accepts connections.

    ``head`` is the command that runs the CLI (``tests/browser/test_support_start_app.py`` passes a
    stand-in listener); the server's output goes to ``tmp/voila-<port><log_tag>.log``.
    """
    port = free_port()
    log = tmp / f"voila-{port}{log_tag}.log"
    command = [*head, "app", "--port", str(port), *args]
    handle = open(log, "w")
    process = subprocess.Popen(command, cwd=tmp, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
    server = AppServer(f"http://127.0.0.1:{port}/", process, log)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"apex-nb app exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"apex-nb app did not listen within {timeout_s:g} s:\n{log.read_text()[-3000:]}")


@dataclass
class Blocker:
    """Aborts and records every request that would leave 127.0.0.1."""

    blocked: list[str] = field(default_factory=list)
    seen: int = 0

    def __call__(self, route) -> None:
        self.seen += 1
        url = urlparse(route.request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.hostname not in LOCAL_HOSTS:
            self.blocked.append(route.request.url)
            route.abort()
            return
        route.continue_()


def set_number(page, css: str, value: str) -> None:
    """Type a value into the ipywidgets text box carrying class ``css`` and commit it."""
    box = page.locator(f".{css} input")
    box.fill(value)
    box.press("Enter")
    box.blur()


def text_of(page, css: str) -> str:
    return page.locator(css).first.inner_text()


SOURCE_MARKERS = ("import apex_nb", "from apex_nb", "ParameterScope", "scope.validate", "app.widget", "SolverApp(")


def assert_no_source_or_traceback(page) -> None:
    """The page shows no notebook source and no traceback."""
    content = page.content()
    for marker in SOURCE_MARKERS:
        assert marker not in content, f"source code in the page: {marker!r}"
    for marker in ("Traceback", "InputError:", "Exception"):
        assert marker not in page.inner_text("body"), f"error text in the page: {marker!r}"
    assert page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor, .cm-editor").count() == 0
