"""The app machinery in a real browser, on the always-registered ``wind.asce7_qz`` (test-only app)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser_support import REPO, AppServer, assert_no_source_or_traceback, set_number, start_app, text_of

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def qz_server(tmp_path_factory) -> Iterator[AppServer]:
    server = start_app(
        tmp_path_factory.mktemp("qz-app"),
        "--notebooks",
        str(REPO / "tests" / "browser" / "apps"),
        "--app",
        "qz_app",
        "--pool-size",
        "1",
        "--cull-idle",
        "60",
        "--cull-interval",
        "10",
    )
    yield server
    server.stop()


def test_a_notebook_asking_for_jupyterlab_gets_it_with_only_the_widget_extensions(qz_server, open_app) -> None:
    """qz_app's metadata asks for ``"frontend": "lab"`` (its trace is typeset by MathJax): Voila's
    JupyterLab front end, with the entry scripts preloaded and no extension but the widgets'."""
    from apex_nb.app_server import FRONTEND_EXTENSIONS

    page, _ = open_app(qz_server.url, ".apx-result-qz-psf")
    preloaded = page.locator("link[rel=preload]").evaluate_all("els => els.map(e => e.href)")
    for name in FRONTEND_EXTENSIONS:
        assert any(f"/voila/labextensions/{name}/" in href and "remoteEntry" in href for href in preloaded), name
    scripts = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert any("jupyterlab-manager" in u for u in scripts)
    assert not [u for u in scripts if "jupyterlab_pygments" in u]  # installed, but the app does not load it
    assert not [u for u in scripts if u.endswith("/apex-app.js")]


def test_input_change_updates_the_result(qz_server, open_app) -> None:
    page, blocker = open_app(qz_server.url, ".apx-result-qz-psf")
    assert "24.46" in text_of(page, ".apx-result-qz-psf")
    set_number(page, "apx-input-height-ft", "30")
    page.wait_for_function("document.querySelector('.apx-result-qz-psf').innerText.includes('28.2')")
    assert blocker.blocked == []


def test_invalid_value_shows_a_message_beside_the_field(qz_server, open_app) -> None:
    page, blocker = open_app(qz_server.url, ".apx-result-qz-psf")
    set_number(page, "apx-input-kd", "abc")
    page.wait_for_function("document.querySelector('.apx-error-kd').innerText.includes('not a number')")
    assert "Fix the highlighted input" in text_of(page, ".apx-app-status")
    assert_no_source_or_traceback(page)
    set_number(page, "apx-input-kd", "0.9")
    page.wait_for_function("document.querySelector('.apx-error-kd').innerText.trim() === ''")
    page.wait_for_selector(".apx-result-qz-psf")
    assert blocker.blocked == []


def test_trace_is_typeset_as_math_offline(qz_server, open_app) -> None:
    page, blocker = open_app(qz_server.url, ".apx-result-qz-psf")
    page.get_by_text("Calculation details").first.click()
    page.get_by_text("Calculation trace").first.click()
    page.wait_for_selector(".apx-viewer-trace mjx-container, .apx-viewer-trace .MathJax", timeout=20_000)
    assert blocker.blocked == []
