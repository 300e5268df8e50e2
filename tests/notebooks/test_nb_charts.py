"""notebooks/charts.ipynb runs as shipped with papermill and exports every chart as SVG and PNG."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHARTS = ("post_vs_area", "embedment_vs_moment", "cf_vs_aspect", "price_vs_area")


def test_charts_notebook_runs_and_exports(run_notebook, tmp_path: Path) -> None:
    out = tmp_path / "charts"
    executed = run_notebook("charts", {"output_dir": str(out), "areas_ft2": [12, 36, 100]})
    for name in CHARTS:
        svg, png = out / f"{name}.svg", out / f"{name}.png"
        assert svg.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    data = json.loads((out / "charts.json").read_text(encoding="utf-8"))
    assert set(data) == set(CHARTS)
    for name, chart in data.items():
        assert chart["series"] and all(len(s["x"]) == len(s["y"]) for s in chart["series"]), name
        assert "packs:" in chart["caption"] and "editions:" in chart["caption"], name
        assert "," in chart["x_label"] or "B/s" in chart["x_label"], name  # a unit or the ratio
    assert "ASCE 7-16" in data["cf_vs_aspect"]["caption"] and "asce7-16-wind" in data["cf_vs_aspect"]["caption"]
    assert "prices" in data["price_vs_area"]["caption"]
    notebook = json.loads(executed.read_text(encoding="utf-8"))
    images = [o for c in notebook["cells"] for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) == 4  # each chart shown inline
