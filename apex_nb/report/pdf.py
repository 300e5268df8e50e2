"""PDF through headless Chromium (Debian's ``/usr/bin/chromium``), from a page that cannot read files.

Flags from docs/APPS.md (measured on these machines): ``--headless --no-sandbox --disable-gpu
--disable-quic --no-first-run --disable-background-networking --disable-component-update
--disable-sync``; a throw-away profile directory; no header or footer (the report prints its own
date).

Hardening (issue 14): an envelope is a file people send each other, so the page printed may
carry whatever an attacker typed into it. The page is therefore never opened from a
``file://`` URL (a file:// page may load other local files into frames, objects or styles).
It is served once, from memory, by a loopback-only HTTP server on a random port and an
unguessable path; every other request gets 404. Its origin is ``http://127.0.0.1:<port>``, and
Chromium never lets an http page load ``file://`` URLs. The response and the page both carry
the Content Security Policy ``CSP`` (nothing may load except inline styles and ``data:``
images, so no frame, object, font, script or remote request). JavaScript is off through that
policy: ``script-src`` falls back to ``default-src 'none'``, which blocks inline scripts, event
handler attributes and ``javascript:`` URLs, and a policy sent as a response header cannot be
relaxed by anything inside the page. (Chromium's ``--blink-settings=scriptEnabled=false`` makes
headless ``--print-to-pdf`` write no PDF at all here, measured with Chromium 156, so it is not
used.) tests/security/test_report_hostile.py prints a deliberately unescaped hostile page
through this path and checks the PDF text for the local file and for the script's effect.
"""

from __future__ import annotations

import http.server
import os
import re
import secrets
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from apex_nb.errors import ApexError

#: Headless Chromium with no network side traffic: what every run here uses (PDFs, browser tests).
HEADLESS_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
CHROMIUM_FLAGS = (*HEADLESS_FLAGS, "--disable-extensions", "--deny-permission-prompts")
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
DEFAULT_TIMEOUT_S = 120.0
_HEAD = re.compile(rb"<head[^>]*>", re.IGNORECASE)


class ChromiumMissing(ApexError):
    """No Chromium binary to print the PDF with."""


def chromium_path() -> str | None:
    """``$APEX_NB_CHROMIUM``, else /usr/bin/chromium, else chromium or chromium-browser on PATH."""
    for candidate in (os.environ.get("APEX_NB_CHROMIUM", ""), "/usr/bin/chromium"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


def with_csp(page: bytes) -> bytes:
    """The page with the CSP meta tag first in ``<head>`` (added when the page lacks one)."""
    meta = CSP_META.encode()
    match = _HEAD.search(page)
    if match is None:
        return b"<!DOCTYPE html><html><head>" + meta + b"</head><body>" + page + b"</body></html>"
    return page[: match.end()] + meta + page[match.end() :]


class _OnePageServer:
    """Serve one in-memory page at one random path on 127.0.0.1 (404 for anything else)."""

    def __init__(self, page: bytes) -> None:
        path = "/" + secrets.token_urlsafe(16) + ".html"
        body = with_csp(page)

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path != path:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Security-Policy", CSP)
                self.send_header("X-Content-Type-Options", "nosniff")
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{path}"
        self.thread = threading.Thread(target=self.server.serve_forever, name="apex-nb-pdf-page", daemon=True)

    def __enter__(self) -> _OnePageServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def render_pdf(html_path: str | Path, pdf_path: str | Path, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> Path:
    """Print the page ``html_path`` to ``pdf_path`` with headless Chromium; raise ApexError on failure."""
    source = Path(html_path)
    try:
        page = source.read_bytes()
    except OSError as exc:
        raise ApexError(f"cannot read {source}: {exc.strerror}") from None
    return render_pdf_bytes(page, pdf_path, timeout_s=timeout_s, name=source.name)


def render_pdf_bytes(
    page: bytes | str, pdf_path: str | Path, *, timeout_s: float = DEFAULT_TIMEOUT_S, name: str = "report"
) -> Path:
    """Print an HTML page held in memory to ``pdf_path`` (served from loopback, script off, strict CSP)."""
    binary = chromium_path()
    if binary is None:
        raise ChromiumMissing("no Chromium found (install Debian's chromium or set APEX_NB_CHROMIUM)")
    data = page.encode("utf-8") if isinstance(page, str) else page
    target = Path(pdf_path).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    with tempfile.TemporaryDirectory(prefix="apex-nb-chromium-") as profile, _OnePageServer(data) as served:
        command = [
            binary,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            served.url,
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s, check=False)
        except subprocess.TimeoutExpired:
            raise ApexError(f"chromium did not finish printing {name} within {timeout_s:g} s") from None
    if not target.exists() or target.stat().st_size == 0:
        tail = (done.stderr or "").strip().splitlines()[-3:]
        raise ApexError(f"chromium wrote no PDF (exit {done.returncode}): {' | '.join(tail)}")
    return target
