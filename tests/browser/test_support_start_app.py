"""``browser_support.start_app``, the launcher the browser tests and ``benchmarks/app.py`` share.

No browser and no Voila: ``head`` runs a small real Python process that listens on the port it is
given (or exits at once), so the launcher's own rules are checked in about a second: the command
line, the log name, waiting for the port, stopping the process group, and reporting an early exit.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from browser_support import APP_COMMAND, start_app

LISTENER = (
    "import socket, sys, time\n"
    "port = int(sys.argv[sys.argv.index('--port') + 1])\n"
    "server = socket.create_server(('127.0.0.1', port))\n"
    "print('argv', *sys.argv[1:], flush=True)\n"
    "time.sleep(60)\n"
)


def test_start_app_waits_for_the_port_logs_and_stops(tmp_path: Path) -> None:
    server = start_app(tmp_path, "--pool-size", "0", head=[sys.executable, "-c", LISTENER], log_tag="-fake")
    try:
        port = int(server.url.rsplit(":", 1)[1].rstrip("/"))
        assert server.url == f"http://127.0.0.1:{port}/"
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
        assert server.log == tmp_path / f"voila-{port}-fake.log"
    finally:
        server.stop()
    assert server.process.poll() is not None
    assert server.log.read_text().strip() == f"argv app --port {port} --pool-size 0"


def test_start_app_reports_an_early_exit_with_the_log(tmp_path: Path) -> None:
    head = [sys.executable, "-c", "print('no such option'); raise SystemExit(2)"]
    with pytest.raises(RuntimeError, match=r"exited \(2\):\nno such option"):
        start_app(tmp_path, head=head, timeout_s=30)


def test_the_default_command_is_the_installed_cli() -> None:
    assert APP_COMMAND == (sys.executable, "-m", "apex_nb.cli.main")
