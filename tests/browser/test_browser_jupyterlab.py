"""The engineer's first screen: JupyterLab in Chromium, Run All on the shipped design notebook.

A real JupyterLab server (``apex_nb.app_server.lab_command``: 127.0.0.1, a random token,
``--allow-root`` when root) on a copy of ``notebooks/design_sign.ipynb``; Debian's Chromium
through Playwright with every request leaving 127.0.0.1 blocked. Run All must end with the
envelope display on the page: the governing check and ratio of the README's pole sign in the
headline, and the checks table. Every wait is bounded.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from browser_support import REPO, Blocker, free_port

import apex_nb
from apex_nb.app_server import lab_command

README_POLE = {
    "wind": {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C"},
    "faces": [{"width_ft": 10, "height_ft": 6, "top_height_ft": 25}],
}
START_TIMEOUT_S = 90
RUN_TIMEOUT_MS = int(os.environ.get("APEX_NB_LAB_RUN_TIMEOUT_MS", "240000"))

pytestmark = pytest.mark.slow


@pytest.fixture
def lab(tmp_path: Path):
    """JupyterLab on a folder holding a copy of the design notebook; yields (url, token)."""
    shutil.copy(REPO / "notebooks" / "design_sign.ipynb", tmp_path / "design_sign.ipynb")
    port, token = free_port(), secrets.token_hex(16)
    argv = [
        *lab_command("127.0.0.1", port, tmp_path),
        f"--IdentityProvider.token={token}",
        "--LabApp.news_url=",
        "--LabServerApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        f"--ServerApp.runtime_dir={tmp_path / 'runtime'}",
    ]
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path)}
    env.pop("MPLBACKEND", None)
    log = open(tmp_path / "lab.log", "w")
    process = subprocess.Popen(argv, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT, env=env,
                               start_new_session=True)  # fmt: skip
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            assert process.poll() is None, (tmp_path / "lab.log").read_text()[-3000:]
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert time.monotonic() < deadline, "JupyterLab did not listen in time"
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}", token
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)  # our own process group only
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        log.close()


def dismiss_dialogs(page, seen: list[str]) -> None:
    """Accept any JupyterLab dialog (kernel choice, kernel restarted...) and remember its text."""
    dialogs = page.locator(".jp-Dialog")
    while dialogs.count():
        seen.append(dialogs.first.inner_text()[:200])
        accept = dialogs.first.locator(".jp-Dialog-button.jp-mod-accept")
        if accept.count():
            accept.first.click(timeout=10_000)
        else:
            page.keyboard.press("Escape")
        page.wait_for_timeout(500)
        if len(seen) > 10:
            raise AssertionError(f"JupyterLab keeps opening dialogs: {seen}")


def run_all(page, attempts: int = 4) -> list[str]:
    """Run > Run All Cells, until the first code cell gets an execution count (bounded retries).

    A kernel still connecting its websocket can drop the first execute requests, and a slow
    kernel start can open a dialog; then the dialog is accepted and Run All clicked again.
    Returns the texts of the dialogs met (for the failure message).
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    seen: list[str] = []
    first_prompt = page.locator(".jp-CodeCell .jp-InputPrompt").first
    for _attempt in range(attempts):
        dismiss_dialogs(page, seen)
        try:
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click(timeout=15_000)
            page.locator(".lm-Menu-item[data-command='runmenu:run-all']").first.click(timeout=15_000)
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            continue
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if any(ch.isdigit() or ch == "*" for ch in first_prompt.inner_text()):
                return seen
            dismiss_dialogs(page, seen)
            time.sleep(0.5)
    raise AssertionError(f"Run All did not start the notebook's cells (dialogs: {seen})")


def test_run_all_shows_the_governing_check_and_the_checks_table(browser, lab, tmp_path: Path) -> None:
    url, token = lab
    expected = apex_nb.solve("design.pole_sign", README_POLE).governing()
    assert expected is not None
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    blocker = Blocker()
    context.route("**/*", blocker)
    page = context.new_page()
    page.set_default_timeout(90_000)
    shot = tmp_path / "jupyterlab-design.png"
    try:
        page.goto(f"{url}/lab/tree/design_sign.ipynb?token={token}", wait_until="commit")
        page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=120_000)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        run_all(page)
        # JupyterLab 4 renders only the cells near the viewport, and Run All scrolls: an output out
        # of view has no rendered text, so outputs are found by locator and read by their DOM text
        headline = page.locator(".jp-OutputArea .apx-governing").first
        headline.wait_for(state="attached", timeout=RUN_TIMEOUT_MS)
        text = headline.text_content() or ""
        assert expected.label in text and f"{expected.ratio:.3f}" in text
        checks = page.locator(".jp-OutputArea table.apx-checks").first
        checks.wait_for(state="attached", timeout=30_000)
        table_text = checks.text_content() or ""
        assert expected.check.id in table_text and "embedment.depth" in table_text and "flexure" in table_text
        last_prompt = page.locator(".jp-CodeCell .jp-InputPrompt").last
        deadline = time.monotonic() + RUN_TIMEOUT_MS / 1000
        while not any(ch.isdigit() for ch in last_prompt.text_content() or ""):  # every cell ran, the last too
            assert time.monotonic() < deadline, "Run All did not reach the last cell"
            time.sleep(0.5)
        stderr = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert stderr.count() == 0, stderr.first.inner_text()  # no traceback, no warning
        # the engineer form at the end (widget views render after the cell finishes: wait, bounded)
        # JupyterLab 4 renders only the cells near the viewport: bring the last one into view first
        last_prompt.scroll_into_view_if_needed()
        page.wait_for_selector(".jp-OutputArea .apx-form", state="attached", timeout=90_000)
        headline.scroll_into_view_if_needed()
        assert not any("127.0.0.1" in b for b in blocker.blocked)
    finally:
        page.screenshot(path=str(shot))  # kept in the test's tmp folder, to look at
        context.close()
