"""Design charts in the calc package (on request): the charts of ``apex_nb.charts`` around one design.

For each design the package may show where it sits among its neighbours, so a plans examiner
(or the engineer before sealing) can sanity-check it at a glance:

- Cf against B/s (``wind.asce7_sign``, the design's ASCE 7 edition) with the design's face marked;
- embedment depth against moment at grade (``foundation.embedment`` with the design's own
  embedment inputs, soil and shaft diameter; only the force varies) with the design marked;
- lightest passing post against sign area (``design.pole_sign`` with the design's inputs, one
  face of the design's aspect and top height; only the size varies), for one-post pole signs;
- price against sign area, the same sweep, only when the package shows pricing.

Every point is a real solve. Charts are drawn here as plain SVG (axes with units, ticks, a
legend, the caption with packs and editions, the design as a black diamond): the core renders
no figure through matplotlib (``apex_nb.widgets.charts`` does that for notebooks from the same
``Chart`` data). ``write_chart_files`` writes each chart as SVG and, through headless Chromium
(the PDF printer), as PNG; the page embeds the SVG inline so the HTML stays self-contained.
"""

from __future__ import annotations

import math
import re
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from apex_nb.charts import Chart
    from apex_nb.envelope import Envelope

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f")
WIDTH, HEIGHT = 720, 440
PLOT = (70, 40, 470, 330)  # left, top, right, bottom of the plot area, px
PNG_SCALE = 2  # device pixels per SVG pixel in the PNG


@dataclass(frozen=True)
class DesignChart:
    """One chart of a design: a short file-safe name, the chart data and its SVG."""

    name: str
    chart: Chart
    svg: str

    @property
    def markup(self) -> Markup:
        """The SVG for the page: ``chart_svg`` escapes every text it writes (trusted markup)."""
        return Markup(self.svg)


# -- which charts ---------------------------------------------------------------------------------
def _first(env: Envelope, solver: str) -> Envelope | None:
    return next((sub for _where, sub in env.walk() if sub.solver.name == solver), None)


def _spread(value: float, factors: Sequence[float]) -> tuple[float, ...]:
    """Points around a design value (rounded to 3 significant figures), the value itself included."""
    points = {float(f"{value * f:.3g}") for f in factors} | {value}
    return tuple(sorted(p for p in points if p > 0))


def charts_for(env: Envelope, *, with_pricing: bool = False) -> list[tuple[str, Chart]]:
    """(name, chart) for every chart that applies to the design ``env`` (none may apply)."""
    from apex_nb.charts import Mark, cf_vs_aspect, embedment_vs_moment, post_vs_area, price_vs_area
    from apex_nb.errors import ApexError

    out: list[tuple[str, Chart]] = []
    wind = _first(env, "wind.asce7_sign")
    if wind is not None and wind.result.get("cf_case_a") is not None:
        w, s, h = (float(wind.inputs[k]) for k in ("sign_width_ft", "sign_height_ft", "top_height_ft"))
        ratios = tuple(sorted({0.2, 0.5, 1.0, round(s / h, 3)}))
        chart = cf_vs_aspect(ratios, edition=str(wind.inputs["edition"]))
        mark = Mark(f"this design: B/s = {w / s:.3g}, s/h = {s / h:.3g}", w / s, float(wind.result["cf_case_a"]))
        out.append(("cf-vs-aspect", _with(chart, mark)))
    embed = next((sub for sub in env.parts if sub.solver.name == "foundation.embedment"), None)
    if embed is not None and embed.result.get("required_depth_ft") is not None and embed.inputs.get("soil_class"):
        i = embed.inputs
        moment = float(i["lateral_force_lb"]) * float(i["force_height_ft"])
        diameter = float(i.get("diameter_ft") or i.get("square_side_ft") or 0.0)
        if diameter > 0:
            chart = embedment_vs_moment(
                (int(i["soil_class"]),),
                (diameter,),
                _spread(moment, (0.25, 0.5, 0.75, 1.25, 1.5, 2.0)),
                force_height_ft=float(i["force_height_ft"]),
                ibc_edition=str(i["ibc_edition"]),
                min_depth_ft=float(i.get("min_depth_ft") or 0.0),
                base={k: v for k, v in i.items() if v is not None},
            )
            depth = float(embed.result["required_depth_ft"])
            mark = Mark(f"this design: M = {moment / 1000:.3g} kip-ft, d = {depth:.2f} ft", moment / 1000, depth)
            out.append(("embedment-vs-moment", _with(chart, mark)))
    if env.solver.name == "design.pole_sign" and len(env.inputs.get("faces") or []) == 1 and wind is not None:
        face = env.inputs["faces"][0]
        area = float(face["width_ft"]) * float(face["height_ft"])
        top = float(face["top_height_ft"])
        areas = tuple(a for a in _spread(area, (0.25, 0.5, 0.75, 1.5, 2.0)) if a / top < top)
        base = {k: v for k, v in env.inputs.items() if k not in ("faces",)}
        kwargs: dict[str, Any] = {
            "aspect_b_over_s": float(face["width_ft"]) / float(face["height_ft"]),
            "exposure": str(wind.inputs["exposure"]),
            "edition": str(wind.inputs["edition"]),
            "soil_class": int((env.inputs.get("soil") or {}).get("soil_class") or 4),
            "base": base,
        }
        speed = (float(wind.inputs["wind_speed_mph"]),)
        try:
            if env.result.get("post_weight_lb_per_ft") is not None:
                chart = post_vs_area(speed, (top,), areas, **kwargs)
                weight = float(env.result["post_weight_lb_per_ft"])
                mark = Mark(f"this design: {env.result.get('post_label', '')}", area, weight)
                out.append(("post-vs-area", _with(chart, mark)))
            if with_pricing and env.result.get("price_total_usd") is not None:
                chart = price_vs_area(speed, (top,), areas, **kwargs)
                price = float(env.result["price_total_usd"])
                out.append(("price-vs-area", _with(chart, Mark(f"this design: {price:,.0f} USD", area, price))))
        except ApexError:  # a design input the sweep cannot vary: the package goes on without the chart
            pass
    return out


def _with(chart: Chart, mark: Any) -> Chart:
    from dataclasses import replace

    return replace(chart, marks=(*chart.marks, mark))


_MADE: dict[tuple[str, bool], list[DesignChart]] = {}  # the page renders twice with a PDF: solve once


def design_charts(env: Envelope, *, with_pricing: bool = False) -> list[DesignChart]:
    """The design's charts, each with its SVG (kept per content hash for this process)."""
    key = (env.content_sha256, with_pricing)
    if key not in _MADE:
        if len(_MADE) > 64:
            _MADE.clear()
        _MADE[key] = [DesignChart(n, c, chart_svg(c)) for n, c in charts_for(env, with_pricing=with_pricing)]
    return _MADE[key]


# -- SVG -----------------------------------------------------------------------------------------
def _nice_ticks(low: float, high: float, count: int = 6) -> list[float]:
    """Round tick values covering [low, high] (1, 2 or 5 times a power of ten apart)."""
    if high <= low:
        high = low + (abs(low) or 1.0)
    raw = (high - low) / max(1, count - 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _log_ticks(low: float, high: float) -> list[float]:
    ticks = []
    for exponent in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1):
        for m in (1, 2, 5):
            value = m * 10.0**exponent
            if low / 1.0001 <= value <= high * 1.0001:
                ticks.append(value)
    return ticks or [low, high]


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}"


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width) or [""]


def chart_svg(chart: Chart) -> str:
    """The chart as a self-contained SVG (every text escaped): axes, ticks, series, legend, caption."""
    left, top, right, bottom = PLOT
    xs = [x for s in chart.series for x in (*s.x, *s.failed_x)] + [m.x for m in chart.marks]
    ys = [y for s in chart.series for y in s.y] + [m.y for m in chart.marks]
    if not xs:
        xs = [0.0, 1.0]
    if not ys:
        ys = [0.0, 1.0]
    y_ticks = _nice_ticks(min(0.0, min(ys)), max(ys) * 1.05)
    if chart.log_x and min(xs) > 0:
        x_ticks = _log_ticks(min(xs), max(xs))
        lo, hi = math.log10(min(min(xs), x_ticks[0])), math.log10(max(max(xs), x_ticks[-1]))

        def px(x: float) -> float:
            return left + (math.log10(x) - lo) / ((hi - lo) or 1.0) * (right - left)
    else:
        x_ticks = _nice_ticks(min(0.0, min(xs)), max(xs))
        x_lo, x_hi = x_ticks[0], x_ticks[-1]

        def px(x: float) -> float:
            return left + (x - x_lo) / ((x_hi - x_lo) or 1.0) * (right - left)

    y_lo, y_hi = y_ticks[0], y_ticks[-1]

    def py(y: float) -> float:
        return bottom - (y - y_lo) / ((y_hi - y_lo) or 1.0) * (bottom - top)

    e = escape
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="design-chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" font-family="DejaVu Sans, Arial, sans-serif" font-size="11">',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{WIDTH / 2}" y="20" text-anchor="middle" font-size="13" font-weight="bold">{e(chart.title)}</text>',
    ]
    for t in y_ticks:
        y = py(t)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="#dddddd" stroke-width="0.7"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{e(_fmt(t))}</text>')
    for t in x_ticks:
        x = px(t)
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" stroke="#dddddd" stroke-width="0.7"/>')
        out.append(f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle">{e(_fmt(t))}</text>')
    out.append(
        f'<rect x="{left}" y="{top}" width="{right - left}" height="{bottom - top}" fill="none" stroke="#333333"/>'
    )
    out.append(f'<text class="x-label" x="{(left + right) / 2}" y="{bottom + 36}" text-anchor="middle">'
               f"{e(chart.x_label)}</text>")  # fmt: skip
    mid = (top + bottom) / 2
    out.append(f'<text class="y-label" x="18" y="{mid}" text-anchor="middle" transform="rotate(-90 18 {mid})">'
               f"{e(chart.y_label)}</text>")  # fmt: skip
    legend: list[tuple[str, str]] = []  # (colour, label); black entries are the design marks
    for index, series in enumerate(chart.series):
        color = PALETTE[index % len(PALETTE)]
        points = [(px(x), py(y)) for x, y in zip(series.x, series.y, strict=False)]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            out.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="1.6"/>')
        for (x, y), label in zip(points, series.point_labels or ("",) * len(points), strict=False):
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{color}"/>')
            if label:
                out.append(f'<text x="{x + 4:.1f}" y="{y - 5:.1f}" font-size="8" fill="{color}">{e(label)}</text>')
        for x in series.failed_x:
            cx, cy = px(x), bottom
            out.append(f'<path d="M{cx - 4:.1f},{cy - 4:.1f}L{cx + 4:.1f},{cy + 4:.1f}M{cx - 4:.1f},{cy + 4:.1f}'
                       f'L{cx + 4:.1f},{cy - 4:.1f}" stroke="{color}" stroke-width="1.5"/>')  # fmt: skip
        legend.append((color, series.label))
    if any(s.failed_x for s in chart.series):
        legend.append(("#7f7f7f", "x on the axis: no passing design (not plotted)"))
    for mark in chart.marks:
        x, y = px(mark.x), py(mark.y)
        out.append(f'<path class="mark" d="M{x:.1f},{y - 7:.1f}L{x + 7:.1f},{y:.1f}L{x:.1f},{y + 7:.1f}'
                   f'L{x - 7:.1f},{y:.1f}Z" fill="#000000" stroke="#ffffff" stroke-width="1"/>')  # fmt: skip
        legend.append(("#000000", mark.label))
    lx, ly = right + 14, top + 4
    for index, (color, label) in enumerate(legend):
        y = ly + index * 30
        if color == "#000000":
            diamond = f"M{lx + 6},{y - 4:.1f}L{lx + 12},{y + 2:.1f}L{lx + 6},{y + 8:.1f}L{lx},{y + 2:.1f}Z"
            out.append(f'<path d="{diamond}"/>')
        else:
            out.append(f'<rect x="{lx}" y="{y:.1f}" width="12" height="4" fill="{color}"/>')
        for row, piece in enumerate(_wrap(label, 30)[:2]):
            out.append(f'<text class="legend" x="{lx + 18}" y="{y + 6 + row * 12:.1f}">{e(piece)}</text>')
    for row, piece in enumerate(_wrap(chart.caption, 120)[:4]):
        out.append(f'<text class="caption" x="10" y="{bottom + 58 + row * 13}" font-size="9.5" fill="#444444">'
                   f"{e(piece)}</text>")  # fmt: skip
    out.append("</svg>")
    return "\n".join(out)


# -- files ---------------------------------------------------------------------------------------
def svg_to_png(svg: str, target: Path, *, timeout_s: float = 120.0) -> Path:
    """Rasterise one SVG chart to PNG with headless Chromium (the same hardened flags as the PDF)."""
    from apex_nb.errors import ApexError
    from apex_nb.report.pdf import CHROMIUM_FLAGS, ChromiumMissing, _OnePageServer, chromium_path

    binary = chromium_path()
    if binary is None:
        raise ChromiumMissing("no Chromium found to draw the chart PNG (install chromium or set APEX_NB_CHROMIUM)")
    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><style>html,body{margin:0;background:#fff}"
            f"svg{{display:block}}</style></head><body>{svg}</body></html>").encode()  # fmt: skip
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="apex-nb-chromium-") as profile, _OnePageServer(page) as served:
        command = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--hide-scrollbars",
                   f"--force-device-scale-factor={PNG_SCALE}", f"--window-size={WIDTH},{HEIGHT}",
                   f"--screenshot={target}", served.url]  # fmt: skip
        try:
            subprocess.run(command, capture_output=True, timeout=timeout_s, check=False)
        except subprocess.TimeoutExpired:
            raise ApexError(f"chromium did not draw {target.name} within {timeout_s:g} s") from None
    if not target.is_file() or target.stat().st_size == 0:
        raise ApexError(f"chromium wrote no PNG for {target.name}")
    return target


def write_chart_files(charts: Sequence[tuple[int, DesignChart]], folder: Path, *, png: bool = True) -> list[Path]:
    """Write ``design-<n>-<name>.svg`` (and ``.png``) for each (design number, chart) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number, item in charts:
        stem = re.sub(r"[^a-z0-9-]", "-", f"design-{number}-{item.name}")
        svg_path = folder / f"{stem}.svg"
        svg_path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + item.svg + "\n", encoding="utf-8")
        written.append(svg_path)
        if png:
            written.append(svg_to_png(item.svg, folder / f"{stem}.png"))
    return written
