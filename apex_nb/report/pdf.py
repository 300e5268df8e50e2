"""PDF through headless Chromium (Debian's ``/usr/bin/chromium``), with no network and a timeout.

Flags from docs/APPS.md (measured on these machines): ``--headless --no-sandbox --disable-gpu
--disable-quic --no-first-run --disable-background-networking --disable-component-update
--disable-sync``; a throw-away profile directory; no header or footer (the report prints its own
date). The report page has no external reference, so printing needs no network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from apex_nb.errors import ApexError

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
DEFAULT_TIMEOUT_S = 120.0


class ChromiumMissing(ApexError):
    """No Chromium binary to print the PDF with."""


def chromium_path() -> str | None:
    """``$APEX_NB_CHROMIUM``, else /usr/bin/chromium, else chromium or chromium-browser on PATH."""
    for candidate in (os.environ.get("APEX_NB_CHROMIUM", ""), "/usr/bin/chromium"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


def render_pdf(html_path: str | Path, pdf_path: str | Path, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> Path:
    """Print ``html_path`` to ``pdf_path`` with headless Chromium; raise ApexError on failure."""
    binary = chromium_path()
    if binary is None:
        raise ChromiumMissing("no Chromium found (install Debian's chromium or set APEX_NB_CHROMIUM)")
    source = Path(html_path).resolve()
    target = Path(pdf_path).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    with tempfile.TemporaryDirectory(prefix="apex-nb-chromium-") as profile:
        command = [
            binary,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s, check=False)
        except subprocess.TimeoutExpired:
            raise ApexError(f"chromium did not finish printing {source.name} within {timeout_s:g} s") from None
    if not target.exists() or target.stat().st_size == 0:
        tail = (done.stderr or "").strip().splitlines()[-3:]
        raise ApexError(f"chromium wrote no PDF (exit {done.returncode}): {' | '.join(tail)}")
    return target
