"""``apex-nb app`` server settings: token, no file serving, refusing an open network bind."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from browser_support import start_app

from apex_nb.cli.main import main

pytestmark = [pytest.mark.slow]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def status(url: str) -> int:
    """Status of a browser-like navigation (only those start a kernel; a bare GET gets 406)."""
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers={"Accept": "text/html", "Sec-Fetch-Dest": "document"})
    try:
        with opener.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_token_is_required_and_sources_are_not_served(tmp_path) -> None:
    server = start_app(tmp_path, "--token", "s3cret-token", "--pool-size", "0")
    try:
        assert status(server.url) in (302, 401, 403)
        assert status(server.url + "?token=wrong") in (302, 401, 403)
        assert status(server.url + "?token=s3cret-token") == 200
        assert status(server.url + "voila/files/quick_quote.ipynb?token=s3cret-token") in (403, 404)
        assert status(server.url + "api/contents?token=s3cret-token") != 200
    finally:
        server.stop()


def test_network_bind_without_token_is_refused(capsys) -> None:
    assert main(["app", "--host", "0.0.0.0", "--print-command"]) == 2
    assert "--token" in capsys.readouterr().err
    assert main(["app", "--app", "verification", "--print-command"]) == 2  # not a marked app notebook
