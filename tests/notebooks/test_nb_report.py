"""Calc reports: deterministic HTML, every check with its clause, hashes, no external reference."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import apex_nb
from apex_nb.cli.main import main
from apex_nb.notebook import save_to_project
from apex_nb.report import render_html, render_pdf

QZ = {"edition": "7-16", "wind_speed_mph": 115.0, "exposure": "C", "height_ft": 15.0}


@pytest.fixture(scope="module")
def envelope():
    return apex_nb.solve("wind.asce7_qz", QZ)


def test_same_date_gives_identical_bytes(envelope) -> None:
    first = render_html(envelope, print_date="2026-03-01")
    assert first == render_html(envelope, print_date="2026-03-01")
    other = render_html(envelope, print_date="2026-03-02")
    assert first != other and first.replace("2026-03-01", "2026-03-02") == other


def test_report_has_cover_inputs_checks_hashes_and_no_code(envelope) -> None:
    page = render_html(envelope, print_date="2026-03-01")
    assert "Structural calculations" in page and "2026-03-01" in page
    for check in envelope.checks:
        assert check.clause in page
    assert envelope.content_sha256 in page
    for pack in envelope.packs:
        assert pack.sha256 in page
    for name in envelope.inputs:
        assert f"<td>{name}</td>" in page
    assert "Eq. 26.10-1" in page or "26.10" in page
    assert "<script" not in page
    assert not re.search(r"""(src|href)=["']https?://""", page)  # self-contained: nothing to fetch


def test_cli_report_for_a_project(tmp_path: Path, envelope, capsys) -> None:
    save_to_project(envelope, tmp_path, "acme-pylon", sign_name="ACME pylon")
    out = tmp_path / "report.html"
    assert main(["report", "--project", str(tmp_path), "acme-pylon", "-o", str(out), "--date", "2026-03-01"]) == 0
    page = out.read_text()
    assert "acme-pylon" in page and envelope.content_sha256 in page
    assert main(["report", "-o", str(out)]) == 2  # neither an envelope nor a project
    assert main(["report", str(tmp_path / "missing.json"), "-o", str(out)]) == 2


@pytest.mark.slow
def test_pdf_through_chromium(tmp_path: Path, envelope) -> None:
    assert shutil.which("chromium") or Path("/usr/bin/chromium").exists(), "Chromium is required for the PDF"
    page = tmp_path / "r.html"
    page.write_text(render_html(envelope, print_date="2026-03-01"))
    pdf = render_pdf(page, tmp_path / "r.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000
