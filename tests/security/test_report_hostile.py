"""Hostile envelopes: a calc report (HTML and PDF) and the envelope repr must stay inert.

An envelope is a file people send each other and its content hash has no secret, so an attacker
can put anything in every string and recompute the hashes (``reseal`` below does exactly that).
Issue 14 finding 1: such a file made ``apex-nb report`` run script in Chromium and ``--pdf``
embedded a local file in the PDF. These tests hold any future report (the report is being
rewritten) to: every string shown as text, no element injected, no script effect in real
Chromium, no local file text in the PDF, and malformed hashes refused before rendering.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import apex_nb
from apex_nb.envelope import Envelope
from apex_nb.report import ReportSource, render_html, render_pdf
from apex_nb.report.pdf import CSP, render_pdf_bytes

CHROMIUM = "/usr/bin/chromium"
REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "pole-single-post-phoenix.json"
SIDE_EFFECT = "window.__pwned=(window.__pwned||0)+1"
INJECTED = (
    "script, iframe, object, embed, frame, base, meta[http-equiv=refresh], link[href^='file'], "
    "img[onerror], [onload], [onerror], [onclick], a[href^='javascript'], form"
)

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def payload(secret: Path) -> str:
    """Every markup trick at once, pointing at a local file whose text must never show."""
    url = secret.as_uri()
    return (
        f"<script>{SIDE_EFFECT}</script>"
        f'<img src=x onerror="{SIDE_EFFECT}">'
        f'"><svg onload="{SIDE_EFFECT}"></svg>'
        f'\'><iframe src="{url}"></iframe>'
        f'<object data="{url}" type="text/plain"></object><embed src="{url}" type="text/plain">'
        f'<link rel=stylesheet href="{url}"><iframe src="file:///etc/hostname"></iframe>'
        f'<a href="javascript:{SIDE_EFFECT}">link</a></style></title></textarea><script>{SIDE_EFFECT}</script>'
        "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>{{7*7}}${7*7}"
    )


def hostile(value: Any, text: str) -> Any:
    """``value`` with every string (and every dict key) carrying ``text``."""
    if isinstance(value, str):
        return value + text
    if isinstance(value, list):
        return [hostile(v, text) for v in value]
    if isinstance(value, dict):
        return {k + text: hostile(v, text) for k, v in value.items()}
    return value


def reseal(data: dict[str, Any]) -> Envelope:
    """What an attacker does after editing: recompute every part's hash, then the parent's."""
    fields = {k: v for k, v in data.items() if k not in ("content_sha256", "parts")}
    return Envelope.seal(**fields, parts=[reseal(p) for p in data.get("parts", [])])


def hostile_envelope(env: Envelope, text: str, *, keep_solver_and_inputs: bool) -> Envelope:
    """Every string field of ``env`` and its parts made hostile (hashes recomputed to match)."""

    def edit(data: dict[str, Any]) -> dict[str, Any]:
        out = dict(data)
        for key in ("result", "checks", "assumptions", "applicability", "warnings", "trace", "apex_nb_version"):
            out[key] = hostile(data[key], text)
        out["checks"] = [{**c, **{k: data_c[k] for k in ("demand", "capacity", "ratio", "passed")}}
                         for c, data_c in zip(out["checks"], data["checks"], strict=True)]  # fmt: skip
        # hostile() renamed the keys of list items too: restore the schema's field names
        for key in ("checks", "assumptions", "applicability", "trace"):
            out[key] = [{k.removesuffix(text): v for k, v in item.items()} for item in out[key]]
        for item, original in zip(out["trace"], data["trace"], strict=True):
            if not isinstance(original["value"], str):
                item["value"] = original["value"]
        out["packs"] = [{**p, "name": p["name"] + text, "version": p["version"] + text} for p in data["packs"]]
        if not keep_solver_and_inputs:
            out["solver"] = {"name": data["solver"]["name"] + text, "version": data["solver"]["version"] + text}
            out["inputs"] = hostile(data["inputs"], text)
        out["parts"] = [edit(p) for p in data["parts"]]
        return out

    return reseal(edit(env.model_dump(mode="json")))


@pytest.fixture(scope="module")
def secret(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("secret")
    marker = "LOCAL-FILE-TEXT-" + os.urandom(6).hex()
    path = folder / "secret.txt"
    path.write_text(marker + "\n", encoding="utf-8")
    return path, marker


@pytest.fixture(scope="module")
def design() -> Envelope:
    spec = json.loads(EXAMPLE.read_text())
    return apex_nb.solve(spec["solver"], spec["inputs"])


@pytest.fixture(scope="module")
def pages(design: Envelope, secret: tuple[Path, str]) -> dict[str, str]:
    """Report pages of hostile envelopes (with and without real inputs) and a hostile project."""
    text = payload(secret[0])
    everything = hostile_envelope(design, text, keep_solver_and_inputs=False)
    with_inputs = hostile_envelope(design, text, keep_solver_and_inputs=True)
    assert everything.verify() and with_inputs.verify()  # the attacker's hashes are consistent
    project = {
        "id": "p" + text,
        "name": "n" + text,
        "status": "s" + text,
        "customer": {"name": "c" + text},
        "site": {"address": "a" + text, "code_editions": {"ASCE 7" + text: "7-16" + text}},
    }
    source = ReportSource([everything, with_inputs], project, ["label" + text, "label2" + text], [{}, {}])
    return {
        "report": render_html(source, print_date="2026-01-02", title="t" + text),
        "repr": everything._repr_html_(),
    }


def _inert_in_chromium(browser: Any, page_html: str, where: Path) -> dict[str, Any]:
    """Open the page from a file:// URL as a person would, with JavaScript on and the CSP removed,
    so an escaping mistake really runs; report side effects and injected elements."""
    stripped = page_html.replace(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">', "")
    where.write_text(stripped, encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(where.as_uri(), wait_until="load")
    page.wait_for_timeout(500)
    facts = {
        "pwned": page.evaluate("window.__pwned === undefined ? 0 : window.__pwned"),
        "injected": page.evaluate(
            f"Array.from(document.querySelectorAll({json.dumps(INJECTED)})).map(e => e.outerHTML.slice(0, 80))"
        ),
        "text": page.inner_text("body"),
        "dialogs": dialogs,
        "url": page.url,
    }
    context.close()
    return facts


@pytest.fixture(scope="module")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield instance
        instance.close()


@pytest.mark.parametrize("which", ["report", "repr"])
def test_hostile_strings_render_as_text_and_run_nothing(
    which: str, pages: dict[str, str], browser: Any, secret: tuple[Path, str], tmp_path: Path
) -> None:
    facts = _inert_in_chromium(browser, pages[which], tmp_path / f"{which}.html")
    assert facts["pwned"] == 0, "a script in the envelope ran"
    assert facts["dialogs"] == []
    assert facts["injected"] == [], f"markup from the envelope became elements: {facts['injected'][:3]}"
    assert facts["url"].endswith(f"{which}.html"), "the page navigated away"
    assert f"<script>{SIDE_EFFECT}</script>" in facts["text"], "the hostile text is not shown as text"
    assert secret[1] not in facts["text"]


def test_report_carries_a_strict_csp(pages: dict[str, str]) -> None:
    head = pages["report"].split("</head>")[0]
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in head
    assert head.index("Content-Security-Policy") < head.index("<title>")  # before any envelope text
    assert "default-src 'none'" in CSP and "script" not in CSP


def _pdf_text(pdf: Path) -> str:
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is required"
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_hostile_report_pdf_shows_the_text_and_no_local_file(
    pages: dict[str, str], secret: tuple[Path, str], tmp_path: Path
) -> None:
    html_path = tmp_path / "report.html"
    html_path.write_text(pages["report"], encoding="utf-8")
    text = _pdf_text(render_pdf(html_path, tmp_path / "report.pdf"))
    assert "Structural calculation report" in text
    assert "__pwned" in text  # shown as text
    assert secret[1] not in text
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else ""
    if len(hostname) >= 8:
        assert hostname not in text


def test_pdf_printing_is_hardened_even_for_an_unescaped_page(secret: tuple[Path, str], tmp_path: Path) -> None:
    """Defence in depth: a page with live markup (what an escaping bug would give) prints without
    running its script and without any local file, because of how it is printed."""
    url = secret[0].as_uri()
    raw = (
        f'<!DOCTYPE html><html><head><link rel="stylesheet" href="{url}"></head><body><p>VISIBLE-MARKER</p>'
        f'<iframe src="{url}"></iframe><object data="{url}" type="text/plain"></object>'
        f'<embed src="{url}" type="text/plain"><iframe src="file:///etc/hostname"></iframe>'
        "<script>document.body.insertAdjacentHTML('beforeend', '<p>SCRIPT-RAN</p>')</script>"
        "<img src=\"x\" onerror=\"document.body.insertAdjacentHTML('beforeend', '<p>HANDLER-RAN</p>')\">"
        "</body></html>"
    )
    text = _pdf_text(render_pdf_bytes(raw, tmp_path / "raw.pdf"))
    assert "VISIBLE-MARKER" in text
    assert "SCRIPT-RAN" not in text and "HANDLER-RAN" not in text
    assert secret[1] not in text


def test_control_the_old_way_of_printing_did_leak(secret: tuple[Path, str], tmp_path: Path) -> None:
    """Control for the test above: printing the same kind of page from file:// (the old way) does
    show the local file and the script's effect, so the assertions above can fail."""
    url = secret[0].as_uri()
    page = tmp_path / "raw.html"
    page.write_text(
        f'<html><body><p>VISIBLE-MARKER</p><iframe src="{url}"></iframe>'
        "<script>document.body.insertAdjacentHTML('beforeend', '<p>SCRIPT-RAN</p>')</script></body></html>"
    )
    target = tmp_path / "old.pdf"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer", f"--print-to-pdf={target}",
         page.as_uri()],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    text = _pdf_text(target)
    assert "SCRIPT-RAN" in text and secret[1] in text


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("pack", '<img src=x onerror="alert(1)">' + "0" * 40),
        ("pack", "A" * 64),  # upper case is not the lock's form
        ("pack", "0" * 63),
        ("content", "sha256-jcs-v1:" + "0" * 63 + "<"),
        ("content", "<script>alert(1)</script>"),
        ("content", "sha256-jcs-v2:" + "0" * 64),
    ],
)
def test_malformed_hashes_are_refused_before_rendering(
    where: str, value: str, design: Envelope, tmp_path: Path
) -> None:
    data = design.model_dump(mode="json")
    if where == "pack":
        data["parts"][0]["packs"][0]["sha256"] = value
    else:
        data["content_sha256"] = value
    path = tmp_path / "envelope.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="sha256"):
        Envelope.from_json(path.read_text())
    out = tmp_path / "report.html"
    done = subprocess.run(
        [sys.executable, "-m", "apex_nb.cli.main", "report", str(path), "-o", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "sha256" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def test_a_malformed_envelope_inside_a_project_is_refused_before_rendering(design: Envelope, tmp_path: Path) -> None:
    from apex_nb.project import ProjectStore

    data = design.model_dump(mode="json")
    data["parts"][0]["packs"][0]["sha256"] = "<script>alert(1)</script>"
    store = ProjectStore(tmp_path)
    store.create("p1", {"name": "P", "designs": [{"id": "d1", "label": "D", "envelope": data}]}, who="t")
    out = tmp_path / "report.html"
    done = subprocess.run(
        [sys.executable, "-m", "apex_nb.cli.main", "report", "--project", str(tmp_path), "p1", "-o", str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "designs[id='d1'].envelope" in done.stderr and "sha256" in done.stderr
    assert "Traceback" not in done.stderr and not out.exists()
