"""Helpers for the app tests: the server's process tree, its kernels, memory, and plain HTTP."""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from pathlib import Path

from apex_nb.cli.app_cmd import _descendants

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "browser"))

from browser_support import APP_READY, CHROMIUM, AppServer, start_app  # noqa: E402

__all__ = ["APP_READY", "CHROMIUM", "AppServer", "get", "kernel_pids", "start_app", "tree_rss_mb"]


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def kernel_pids(root_pid: int) -> list[int]:
    """Kernel processes below ``root_pid`` (ipykernel started by Voila)."""
    return [pid for pid in _descendants(root_pid) if "ipykernel_launcher" in _cmdline(pid)]


def tree_rss_mb(root_pid: int) -> float:
    """Resident memory of ``root_pid`` and every process below it, in MB."""
    total = 0
    for pid in [root_pid, *_descendants(root_pid)]:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except (OSError, ValueError, IndexError):
            continue
    return total / 1024


def get(url: str, *, html: bool = True, timeout: float = 120) -> tuple[int, dict[str, str], str]:
    """GET ``url`` (as a browser navigation when ``html``); status, headers and body text."""
    headers = {"Accept": "text/html,application/xhtml+xml", "Sec-Fetch-Dest": "document"} if html else {}
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read().decode(errors="replace")
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode(errors="replace")
