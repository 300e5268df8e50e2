"""The calc package as a plans examiner gets it: printed by Chromium, rasterised by poppler.

For a pole, a monument and a cantilever design, on Letter and A4: every page carries the title
block (project, site, engineer of record, seal area, date, revision) and "Sheet x of y"; no word
lies outside the printable area (``pdftotext -bbox``: every word's box within the page margins),
and the margins of every rendered page (``pdftoppm`` PNG) are blank, so nothing is clipped.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from markupsafe import escape
from matplotlib.image import imread

import apex_nb
from apex_nb.cli.main import main
from apex_nb.report import ReportOptions, render_html, write_package

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = {
    "pole": "pole-single-post-phoenix.json",
    "monument": "monument-denver.json",
    "cantilever": "cantilever-chicago.json",
}
MM_PER_PT = 25.4 / 72
MARGIN_MM = 12.0
SLACK_MM = 1.0  # anti-aliasing and glyph side bearings

pytestmark = pytest.mark.slow


def _envelope(kind: str) -> apex_nb.Envelope:
    example = json.loads((REPO / "examples" / EXAMPLES[kind]).read_text())
    return apex_nb.solve(example["solver"], example["inputs"])


@pytest.fixture(scope="module", params=[("pole", "letter"), ("monument", "a4"), ("cantilever", "letter")],
                ids=lambda p: f"{p[0]}-{p[1]}")  # fmt: skip
def printed(request, tmp_path_factory) -> tuple[str, str, Path, apex_nb.Envelope]:
    assert shutil.which("pdftoppm") and shutil.which("pdftotext"), "poppler-utils is required"
    kind, paper = request.param
    env = _envelope(kind)
    folder = tmp_path_factory.mktemp(f"{kind}-{paper}")
    options = ReportOptions(
        project="ACME roll-out (P-17)",
        site="1200 Example Ave, Springfield",
        customer="ACME Signs",
        engineer="J. Doe, P.E.",
        license="PE-12345",
        revision="B",
        paper=paper,
    )
    written = write_package(env, folder / "calc.html", folder / "calc.pdf", print_date="2026-12-04", options=options)
    return kind, paper, written["pdf"], env


def _page_words(pdf: Path) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    """Per page: width and height (pt) and every word's box (pt)."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, timeout=60).stdout
    pages = []
    for match in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml, flags=re.S):
        words = [
            (float(a), float(b), float(c), float(d), w)
            for a, b, c, d, w in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', match.group(3)
            )
        ]
        pages.append((float(match.group(1)), float(match.group(2)), words))
    return pages


def test_every_page_has_title_block_and_sheet_number(printed) -> None:
    kind, paper, pdf, _env = printed
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 5, f"{kind}: a calc package of {len(pages)} pages"
    for number, page in enumerate(pages, start=1):
        flat = re.sub(r"\s+", " ", page)
        assert f"Sheet {number} of {len(pages)}" in flat, f"{kind} page {number}"
        for item in ("ENGINEER OF RECORD", "J. Doe, P.E.", "SEAL AND", "SIGNATURE", "2026-12-04", "REVISION",
                     "1200 Example Ave", "ACME roll-out"):  # fmt: skip
            assert item in flat, f"{kind} {paper} page {number}: {item!r} missing from the title block"


def test_nothing_outside_the_printable_area(printed) -> None:
    kind, paper, pdf, _env = printed
    expected_width_mm = {"letter": 215.9, "a4": 210.0}[paper]
    for number, (width, height, words) in enumerate(_page_words(pdf), start=1):
        assert width * MM_PER_PT == pytest.approx(expected_width_mm, abs=0.5)
        low = (MARGIN_MM - SLACK_MM) / MM_PER_PT
        for x0, y0, x1, y1, word in words:
            assert x0 >= low and y0 >= low, f"{kind} page {number}: {word!r} in the top/left margin"
            assert x1 <= width - low, f"{kind} page {number}: {word!r} clipped at the right"
            if y1 > height - low:  # only the sheet number lives in the bottom margin (an @page margin box)
                assert re.fullmatch(r"Sheet|of|\d+", word), f"{kind} page {number}: {word!r} clipped at the bottom"
                assert y1 <= height - 2 / MM_PER_PT


def test_rendered_margins_are_blank(printed, tmp_path: Path) -> None:
    kind, _paper, pdf, _env = printed
    dpi = 40
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(tmp_path / "p")], check=True, timeout=120)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert pngs
    side = int((MARGIN_MM - SLACK_MM) / 25.4 * dpi)
    for png in pngs:
        image = imread(png)[..., :3]
        ink = image.min(axis=2) < 0.85  # anything darker than a very light grey
        strips = {"left": ink[:, :side], "right": ink[:, -side:], "top": ink[:side, :]}
        for name, strip in strips.items():
            assert not strip.any(), f"{kind} {png.name}: content clipped into the {name} margin"
        assert ink[side:-side, side:-side].any()  # and the page is not blank


def test_cover_verdict_criteria_and_checks(printed) -> None:
    _kind, _paper, pdf, env = printed
    text = re.sub(r"\s+", " ", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout)
    found = env.governing()
    assert found is not None and found.check.id in text and f"{found.ratio:.3f}" in text
    review = env.result["needs_engineer_review"]
    assert ("NEEDED" in text) is review  # the cover says honestly whether review is needed
    assert "Sheet index" in text and "Design criteria" in text and "Checks by component" in text
    assert "Risk category" in text and "Basic wind speed" in text and "Exposure" in text and "Soil" in text
    assert env.content_sha256 in text.replace(" ", "") or env.content_sha256[:40] in text
    assert "price_total_usd" not in text and "Pricing" not in text  # left out by default
    page = pdf.with_suffix(".html").read_text()
    checks = page[page.index("Checks by component</h2>") : page.index("<h3>Results</h3>")]
    for found in env.all_checks():  # each check with its clause, escaped once
        assert found.check.clause and f"<td>{escape(found.check.clause)}</td>" in checks
    assert "<td>input</td>" not in page  # every clause names its basis (the deflection limit included)


def test_each_check_once_and_pricing_on_request(tmp_path: Path) -> None:
    env = _envelope("pole")
    page = render_html(env, print_date="2026-12-04", options=ReportOptions(with_pricing=True))
    checks_section = page[page.index("Checks by component</h2>") : page.index("<h3>Results</h3>")]
    assert checks_section.count("<td>deflection</td>") == 1 and checks_section.count("<td>strength</td>") == 0
    assert "Pricing (not part of the engineering)" in page and "price_total_usd" in page
    plain = render_html(env, print_date="2026-12-04")
    assert "price_total_usd" not in plain and "marked_up" not in plain


def test_cli_with_pricing_paper_and_batch_site(tmp_path: Path) -> None:
    env = _envelope("pole")
    run = tmp_path / "batch" / "runs" / "QF-PHX-009"
    run.mkdir(parents=True)
    (run / "envelope.json").write_text(env.to_json())
    (run / "run.json").write_text(json.dumps({"site_id": "QF-PHX-009"}))
    (tmp_path / "batch" / "summary.csv").write_text("site_id,city,state\nQF-PHX-009,Phoenix,AZ\n")
    out = tmp_path / "r.html"
    assert main(["report", str(run / "envelope.json"), "-o", str(out), "--paper", "a4", "--date", "2026-12-04"]) == 0
    page = out.read_text()
    assert "site QF-PHX-009, Phoenix, AZ" in page and "size: A4" in page
    assert main(["report", str(run / "envelope.json"), "-o", str(out), "--with-pricing"]) == 0
    assert "Pricing (not part of the engineering)" in out.read_text()
