"""Design charts in the calc package on request (``apex-nb report --with-charts``).

The package of a one-post pole design gets a "Design charts" sheet with Cf against B/s, embedment
against moment and post against area (and price against area with pricing), each marking the
design; every chart is also written as SVG and PNG beside the page. Checked as people see them:
the SVG parsed, the PNG decoded and looked at for ink and the design's black diamond, the printed
PDF's chart sheet read back with pdftotext and rasterised with pdftoppm.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from matplotlib.image import imread

import apex_nb
from apex_nb.cli.main import main
from apex_nb.report import ReportOptions, render_html, write_package
from apex_nb.report.design_charts import chart_svg, charts_for

REPO = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pole() -> apex_nb.Envelope:
    example = json.loads((REPO / "examples" / "pole-single-post-phoenix.json").read_text())
    return apex_nb.solve(example["solver"], example["inputs"])


@pytest.fixture(scope="module")
def package(pole: apex_nb.Envelope, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    assert shutil.which("pdftoppm") and shutil.which("pdftotext"), "poppler-utils is required"
    folder = tmp_path_factory.mktemp("charts")
    options = ReportOptions(project="Charts (P-18)", charts=True)
    written = write_package(pole, folder / "calc.html", folder / "calc.pdf", print_date="2026-12-05", options=options)
    return folder, written


def _texts(svg_text: str, css: str) -> list[str]:
    root = ET.fromstring(svg_text)
    return [t.text or "" for t in root.iter(f"{SVG}text") if t.get("class") == css]


def test_the_charts_mark_the_design_and_read_its_packs(pole: apex_nb.Envelope) -> None:
    charts = dict(charts_for(pole))
    assert set(charts) == {"cf-vs-aspect", "embedment-vs-moment", "post-vs-area"}
    wind = pole.part("wind.asce7_sign")
    cf = charts["cf-vs-aspect"]
    (mark,) = cf.marks
    assert mark.x == pytest.approx(wind.inputs["sign_width_ft"] / wind.inputs["sign_height_ft"])
    assert mark.y == pytest.approx(wind.result["cf_case_a"])
    # the design's own s/h is one of the series, and the mark lies on it
    ratio = round(wind.inputs["sign_height_ft"] / wind.inputs["top_height_ft"], 3)
    series = next(s for s in cf.series if s.label == f"s/h = {ratio:g}")
    assert mark.y == pytest.approx(float(np.interp(mark.x, series.x, series.y)), rel=0.02)
    embed = pole.part("foundation.embedment")
    (mark,) = charts["embedment-vs-moment"].marks
    assert mark.y == embed.result["required_depth_ft"]
    # the chart re-solves the design's own embedment inputs: at the design's moment, the same depth
    (series,) = charts["embedment-vs-moment"].series
    assert mark.x in series.x and series.y[series.x.index(mark.x)] == pytest.approx(mark.y)
    (mark,) = charts["post-vs-area"].marks
    assert mark.y == pole.result["post_weight_lb_per_ft"] and pole.result["post_label"] in mark.label
    used = {f"{p.name} {p.version}" for p in pole.part("wind.asce7_sign").packs}
    assert used <= set(cf.packs) and "ASCE 7-16" in cf.caption


def test_svg_has_units_legend_caption_and_escapes_text(pole: apex_nb.Envelope) -> None:
    from dataclasses import replace

    charts = dict(charts_for(pole))
    svg = chart_svg(charts["embedment-vs-moment"])
    assert _texts(svg, "x-label") == ["moment at grade M = P h, kip-ft (ASD)"]
    assert _texts(svg, "y-label") == ["required embedment depth d, ft"]
    legend = " ".join(_texts(svg, "legend"))
    assert "soil class 4" in legend and "this design" in legend
    caption = " ".join(_texts(svg, "caption"))
    assert "editions: IBC 2018" in caption and "ibc-soils" in caption
    hostile = replace(charts["cf-vs-aspect"], title="<script>alert(1)</script>")
    text = chart_svg(hostile)
    assert "<script>" not in text and "&lt;script&gt;" in text
    ET.fromstring(text)


def test_package_has_the_chart_sheet_svg_and_png_files(package: tuple[Path, dict[str, Path]]) -> None:
    folder, written = package
    page = (folder / "calc.html").read_text()
    assert "1.5a Design charts" in page and page.count('<figure class="design-chart') == 3
    files = sorted(p.name for p in (folder / "calc-charts").iterdir())
    assert files == sorted(
        f"design-1-{name}.{ext}"
        for name in ("cf-vs-aspect", "embedment-vs-moment", "post-vs-area")
        for ext in ("svg", "png")
    )
    assert {f"chart:{name}" for name in files} <= set(written)
    for name in files:
        path = folder / "calc-charts" / name
        if name.endswith(".svg"):
            root = ET.parse(path).getroot()
            assert root.tag == f"{SVG}svg" and any(t.get("class") == "caption" for t in root.iter(f"{SVG}text"))
            continue
        image: Any = imread(path)
        assert image.shape[0] >= 800 and image.shape[1] >= 1400  # 720 x 440 at 2x
        rgb = image[..., :3]
        dark = (rgb.max(axis=2) < 0.15).mean()
        assert 0.002 < dark < 0.2, f"{name}: {dark:.3%} dark pixels (blank or all ink?)"
        coloured = (rgb.max(axis=2) - rgb.min(axis=2) > 0.3).mean()
        assert coloured > 0.001, f"{name}: no coloured series drawn"


def test_printed_chart_sheet(package: tuple[Path, dict[str, Path]], tmp_path: Path) -> None:
    _folder, written = package
    text = subprocess.run(["pdftotext", "-layout", str(written["pdf"]), "-"], capture_output=True, text=True,
                          timeout=60).stdout  # fmt: skip
    pages = text.split("\f")
    sheet = next(i for i, p in enumerate(pages) if "Design charts" in p and "Sheet index" not in p)
    chart_text = " ".join(pages[sheet : sheet + 2])
    assert "Force coefficient Cf" in chart_text and "Embedment depth against moment" in chart_text
    assert "this design" in chart_text and "packs:" in chart_text
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(sheet + 1), "-l", str(sheet + 1), str(written["pdf"]),
                    str(tmp_path / "sheet")], check=True, timeout=120)  # fmt: skip
    (png,) = tmp_path.glob("sheet*.png")
    rgb = imread(png)[..., :3]
    assert (rgb.max(axis=2) - rgb.min(axis=2) > 0.3).mean() > 0.001  # the coloured series are printed


def test_charts_only_on_request_and_price_only_with_pricing(pole: apex_nb.Envelope, tmp_path: Path) -> None:
    assert "Design charts" not in render_html(pole, print_date="2026-12-05")
    page = render_html(pole, print_date="2026-12-05", options=ReportOptions(charts=True, with_pricing=True))
    assert "chart-price-vs-area" in page and page.count('<figure class="design-chart') == 4
    out = tmp_path / "env.json"
    out.write_text(pole.to_json())
    assert main(["report", str(out), "-o", str(tmp_path / "plain.html")]) == 0
    assert not (tmp_path / "plain-charts").exists()
