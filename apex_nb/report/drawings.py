"""Drawings from envelopes: sign elevation, load diagram, Case A/B/C pressure regions.

Each drawing is built once, as a ``Drawing`` of simple shapes in feet (rectangles, lines, arrows,
dots, text), and rendered by a backend: ``to_svg`` here (plain SVG text, no UI import, used by the
calc report) or matplotlib in ``apex_nb.widgets.drawings`` (PNG for the apps and notebooks).

Numbers come from the envelope (inputs, result, trace, then parts, first match wins); nothing
is recomputed here except drawing geometry. A missing number never breaks a drawing: the part
that needs it is left out and the drawing says what was missing. The SVG is deterministic (no
ids from hashes, no dates), so reports built from it are byte-stable.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import escape

from apex_nb.units import IN_PER_FT, LB_PER_KIP, MOMENT_KIP_FT

if TYPE_CHECKING:
    from apex_nb.envelope import Envelope

ALIASES: dict[str, tuple[str, ...]] = {
    "width": ("sign_width_ft", "width_ft", "B_ft", "B"),
    "sign_height": ("sign_height_ft", "s_ft", "s", "face_height_ft"),
    "top": ("top_height_ft", "h_ft", "h"),
    "post_count": ("post_count", "posts"),
    "post_label": ("post_label", "post", "section"),
    "post_diameter_in": ("post_diameter_in", "post_od_in", "od_in", "outside_diameter_in", "OD_in", "d_in"),
    "post_spacing": ("post_spacing_ft", "spacing_ft"),
    "footing_diameter": ("footing_diameter_ft", "foundation_diameter_ft", "diameter_ft", "b_ft"),
    "footing_depth": ("footing_depth_ft", "embedment_depth_ft", "embedment_ft", "depth_ft", "d_ft"),
    "footing_width": ("footing_width_ft", "footing_length_ft"),
    "foundation_type": ("foundation_type",),
    "sign_force_lb": ("sign_force_lb", "force_case_a_lb", "wind_force_total_lb", "force_lb", "F_lb", "F"),
    "post_force_lb": ("post_force_lb", "post_wind_force_lb", "total_force_lb", "F_post_lb"),
    "base_moment_lb_ft": ("base_moment_lb_ft", "moment_at_grade_lb_ft"),
    "torsion_lb_ft": ("torsion_case_b_lb_ft", "torsion_lb_ft"),
    "base_shear_lb": ("base_shear_lb", "shear_lb", "V_lb", "P_lb"),
    "base_moment_kip_ft": ("base_moment_kip_ft", "moment_kip_ft", "M_kip_ft", "ground_moment_kip_ft"),
    "torsion_kip_ft": ("torsion_kip_ft", "T_kip_ft", "base_torsion_kip_ft"),
    "pressure_psf": ("qh_psf", "qz_psf", "design_pressure_psf", "pressure_psf"),
    "cf": ("cf", "Cf", "cf_case_a"),
    "case_c": ("case_c_regions", "case_c", "regions_case_c"),
}

STEEL = "#57606a"
CONCRETE = "#c9c2b8"
FACE = "#dbe9f6"
INK = "#24292f"
MUTED = "#8c959f"


# -- reading numbers from envelopes ---------------------------------------------------------
def _sources(env: Envelope | Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    """inputs, result and trace (as {symbol: value}) of the envelope, then of each part."""
    data = env if isinstance(env, Mapping) else env.model_dump(mode="json")
    stack = [data]
    while stack:
        item = stack.pop(0)
        inputs = item.get("inputs") or {}
        yield inputs
        for value in inputs.values():  # nested inputs: wind, soil, the first face
            if isinstance(value, Mapping):
                yield value
            elif isinstance(value, list) and value and isinstance(value[0], Mapping):
                yield value[0]
        yield item.get("result") or {}
        yield {str(t.get("symbol")): t.get("value") for t in item.get("trace") or [] if isinstance(t, Mapping)}
        stack.extend(p for p in item.get("parts") or [] if isinstance(p, Mapping))


def lookup(env: Envelope | Mapping[str, Any] | None, key: str) -> Any:
    """The first value found for ``key`` (an ALIASES entry or a literal name), else None."""
    if env is None:
        return None
    names = ALIASES.get(key, (key,))
    for source in _sources(env):
        for name in names:
            value = source.get(name)
            if value is not None:
                return value
    return None


def number(env: Envelope | Mapping[str, Any] | None, key: str) -> float | None:
    """``lookup`` restricted to finite numbers (bools excluded)."""
    value = lookup(env, key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if value == value and abs(value) != float("inf") else None


# -- shapes -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Rect:
    """A rectangle from its lower-left corner (ft)."""

    x: float
    y: float
    w: float
    h: float
    fill: str
    stroke: str = "none"
    lw: float = 0.0
    hatch: bool = False
    alpha: float = 1.0


@dataclass(frozen=True)
class Line:
    """A polyline (ft)."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    color: str
    lw: float


@dataclass(frozen=True)
class Arrow:
    """An arrow from (x0, y0) to (x1, y1) (ft); ``both`` puts a head at each end (a dimension)."""

    x0: float
    y0: float
    x1: float
    y1: float
    color: str
    lw: float = 1.0
    head_pt: float = 8.0
    both: bool = False


@dataclass(frozen=True)
class Dot:
    """A filled marker (ft)."""

    x: float
    y: float
    color: str


@dataclass(frozen=True)
class Text:
    """Text at (x, y): feet, or fractions of the panel with ``fraction``; ``offset_pt`` shifts it."""

    x: float
    y: float
    text: str
    size: float
    color: str = INK
    ha: Literal["left", "center", "right"] = "left"
    va: Literal["baseline", "center", "top"] = "baseline"
    offset_pt: tuple[float, float] = (0.0, 0.0)
    box: bool = False
    fraction: bool = False


Shape = Rect | Line | Arrow | Dot | Text


@dataclass
class Panel:
    """One set of axes: equal scale in x and y, no axis lines; ``xlim``/``ylim`` None: nothing to scale."""

    title: str = ""
    xlim: tuple[float, float] | None = None
    ylim: tuple[float, float] | None = None
    shapes: list[Shape] = field(default_factory=list)
    title_size: float = 10.0

    def add(self, *shapes: Shape) -> None:
        """Append shapes in drawing order."""
        self.shapes.extend(shapes)

    def dimension(self, x0: float, y0: float, x1: float, y1: float, text: str, offset: tuple[float, float]) -> None:
        """A two-headed dimension line with its label boxed at the middle, shifted by ``offset`` (pt)."""
        self.add(
            Arrow(x0, y0, x1, y1, INK, lw=0.8, head_pt=8.0, both=True),
            Text((x0 + x1) / 2, (y0 + y1) / 2, text, 8, ha="center", va="center", offset_pt=offset, box=True),
        )

    def missing(self, text: str, size: float = 9) -> None:
        """Say what was not in the envelope, centred in the panel."""
        self.add(Text(0.5, 0.5, text, size, MUTED, ha="center", va="center", fraction=True))


@dataclass
class Drawing:
    """Panels side by side on a page of ``size_in`` inches."""

    size_in: tuple[float, float]
    panels: list[Panel]


# -- the drawings -----------------------------------------------------------------------------------
def _size_from_label(label: Any) -> float | None:
    """Drawing width only: the first number of a section label (HSS10.000X0.188 -> 10 in)."""
    match = re.search(r"(\d+(?:\.\d+)?)", str(label or ""))
    return float(match.group(1)) if match else None


def sign_elevation(env: Envelope | Mapping[str, Any] | None) -> Drawing:
    """Front elevation: sign face, post(s), footing(s) below grade, with dimensions."""
    panel = Panel("Elevation")
    drawing = Drawing((5.0, 5.0), [panel])
    width, face, top = number(env, "width"), number(env, "sign_height"), number(env, "top")
    if not (width and face and top):
        panel.title = ""
        panel.missing("sign elevation: width, face height or top height not in the envelope")
        return drawing
    sign_type = str(lookup(env, "sign_type") or "pole")
    label = lookup(env, "post_label")
    posts = int(number(env, "post_count") or 1)
    clearance = max(top - face, 0.0)
    post_in = number(env, "post_diameter_in") or _size_from_label(label) or 0.0
    post_d_ft = post_in / IN_PER_FT or max(width, top) / 60.0
    dia, depth = number(env, "footing_diameter"), number(env, "footing_depth")
    spacing = number(env, "post_spacing") or (width / 2.0 if posts == 2 else 0.0)
    xs = [0.0] if posts == 1 else [-spacing / 2.0, spacing / 2.0]
    right = width / 2 + max(width, top) * 0.08
    panel.xlim = (-width / 2 - max(width, top) * 0.25, right + max(width, top) * 0.35)
    panel.ylim = (-(depth or top / 6) * 1.25, top * 1.18)
    soil = (depth or top / 6) * 1.15
    panel.add(Rect(-width, -soil, 2 * width, soil, "#f3efe8"), Line(panel.xlim, (0.0, 0.0), "#6e7781", 1.2))
    if sign_type == "monument" and clearance > 0:
        panel.add(Rect(-width / 2, 0.0, width, clearance, CONCRETE, "#6e7781", 0.8))
        panel.add(Text(0.0, clearance / 2, "base", 8, ha="center", va="center"))
    else:
        for x in xs:
            panel.add(Rect(x - post_d_ft / 2, -(depth or 0.0), post_d_ft, top + (depth or 0.0), STEEL))
    panel.add(Rect(-width / 2, clearance, width, face, FACE, "#0969da", 1.2))
    if label:
        text = f"post {label}" + (f" x{posts}" if posts > 1 else "")
        panel.add(Text(0.0, clearance + face / 2, text, 8, ha="center"))
    if dia and depth:
        for x in xs:
            panel.add(Rect(x - dia / 2, -depth, dia, depth, CONCRETE, "#6e7781", 0.8, hatch=True))
        edge = xs[-1] + dia / 2 + 0.6
        panel.dimension(edge, 0.0, edge, -depth, f"d = {depth:.2f} ft", (24, 0))
        panel.dimension(xs[0] - dia / 2, -depth - 0.5, xs[0] + dia / 2, -depth - 0.5, f"⌀ {dia:.2f} ft", (0, -9))
    else:
        panel.add(Text(0.0, -top / 12, "footing not in the envelope", 8, MUTED, ha="center"))
    panel.dimension(-width / 2, top * 1.06, width / 2, top * 1.06, f"B = {width:g} ft", (0, 8))
    panel.dimension(right, clearance, right, top, f"s = {face:g} ft", (22, 0))
    far = right + max(width, top) * 0.12
    panel.dimension(far, 0.0, far, top, f"h = {top:g} ft", (24, 0))
    if clearance > 0:
        panel.dimension(-width / 2 - 0.6, 0.0, -width / 2 - 0.6, clearance, f"{clearance:g} ft", (-22, 0))
    return drawing


def load_diagram(env: Envelope | Mapping[str, Any] | None) -> Drawing:
    """Side view of the loads: wind on the sign at its centroid, on the post, and base reactions."""
    panel = Panel("Loads")
    drawing = Drawing((4.5, 5.0), [panel])
    face, top = number(env, "sign_height"), number(env, "top")
    if not (face and top):
        panel.title = ""
        panel.missing("load diagram: face height or top height not in the envelope")
        return drawing
    clearance = max(top - face, 0.0)
    force = number(env, "sign_force_lb")
    post_force = number(env, "post_force_lb")
    shear = number(env, "base_shear_lb")
    moment_lb_ft, torsion_lb_ft = number(env, "base_moment_lb_ft"), number(env, "torsion_lb_ft")
    moment = moment_lb_ft / LB_PER_KIP if moment_lb_ft else number(env, "base_moment_kip_ft")
    torsion = torsion_lb_ft / LB_PER_KIP if torsion_lb_ft else number(env, "torsion_kip_ft")
    arm = top * 0.35
    panel.xlim = (-arm * 1.3, top * 0.45)
    panel.ylim = (-top * 0.3, top * 1.1)
    centroid = clearance + face / 2
    panel.add(
        Line(panel.xlim, (0.0, 0.0), "#6e7781", 1.2),
        Line((0.0, 0.0), (0.0, top), STEEL, 3.0),
        Rect(-0.15, clearance, 0.3, face, FACE, "#0969da", 1.0),
        Arrow(-arm, centroid, -0.2, centroid, "#cf222e", head_pt=12.0),
        Text(-arm, centroid + top * 0.03, f"F = {force:,.0f} lb" if force else "F (not in envelope)", 8),
        Text(-arm, centroid - top * 0.05, f"at {centroid:.2f} ft", 7, STEEL),
    )
    if clearance > 0:
        for y in [clearance * f for f in (0.25, 0.5, 0.75)]:
            panel.add(Arrow(-arm * 0.4, y, -0.05, y, "#bf8700", head_pt=7.0))
        text = f"post wind {post_force:,.0f} lb" if post_force else "wind on post"
        panel.add(Text(-arm * 0.45, clearance * 0.85, text, 7, "#9a6700", ha="right"))
    lines = []
    if shear:
        lines.append(f"V = {shear:,.0f} lb")
    if moment:
        lines.append(f"M = {moment:,.2f} {MOMENT_KIP_FT}")
    if torsion:
        lines.append(f"T = {torsion:,.2f} {MOMENT_KIP_FT} (Case B)")
    panel.add(Text(0.3, -top * 0.08, "\n".join(lines) if lines else "base reactions not in envelope", 8, va="top"))
    return drawing


def _case_c_bands(width: float, face: float) -> list[tuple[float, float, str]]:
    """Region edges from the windward edge (0 to s, s to 2s, 2s to 3s, 3s to 10s, beyond 10s)."""
    edges = [0.0, face, 2 * face, 3 * face, 10 * face]
    names = ["0–s", "s–2s", "2s–3s", "3s–10s", ">10s"]
    bands = []
    for index, name in enumerate(names):
        start = edges[index]
        end = edges[index + 1] if index + 1 < len(edges) else width
        if start >= width:
            break
        bands.append((start, min(end, width), name))
    return bands


def _regions_from(given: Any) -> list[tuple[float, float, str, float | None]]:
    """Case C regions from the envelope: (from, to, label, Cf) when they carry from_ft/to_ft."""
    out: list[tuple[float, float, str, float | None]] = []
    if not isinstance(given, list):
        return out
    for region in given:
        if not isinstance(region, Mapping):
            return []
        start, end = region.get("from_ft"), region.get("to_ft")
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (start, end)):
            return []
        value = region.get("cf", region.get("Cf"))
        cf = float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
        assert isinstance(start, (int, float)) and isinstance(end, (int, float))  # checked above
        out.append((float(start), float(end), f"{start:g}–{end:g} ft", cf))
    return out


def pressure_regions(env: Envelope | Mapping[str, Any] | None) -> Drawing:
    """Sign face seen from the wind: Case A and B resultants, Case C regions when B/s >= 2."""
    width, face = number(env, "width"), number(env, "sign_height")
    if not (width and face):
        panels = [Panel() for _ in range(3)]
        for panel in panels:
            panel.missing("no sign face\nin the envelope")
        return Drawing((7.0, 3.2), panels)
    panels = [Panel(f"Case {case}", title_size=9) for case in ("A", "B", "C")]
    for panel in panels:
        panel.xlim = (-0.05 * width, width * 1.05)
        panel.ylim = (-face * 0.6, face * 1.5)
        panel.add(Rect(0, 0, width, face, FACE, "#0969da", 1.0))
    pressure, cf = number(env, "pressure_psf"), number(env, "cf")
    note = ", ".join(t for t in (f"qh = {pressure:.1f} psf" if pressure else "", f"Cf = {cf:.2f}" if cf else "") if t)
    case_a, case_b, case_c = panels
    case_a.add(
        Dot(width / 2, face / 2, "#cf222e"),
        Text(width / 2, -face * 0.3, "resultant at centre" + (f"\n{note}" if note else ""), 7, ha="center"),
    )
    x_b = width / 2 - 0.2 * width
    case_b.add(
        Dot(x_b, face / 2, "#cf222e"),
        Arrow(x_b, face * 1.15, width / 2, face * 1.15, "#000000", lw=0.7, head_pt=8.0, both=True),
        Text(width / 2, -face * 0.3, f"0.2B = {0.2 * width:.2f} ft toward windward edge", 7, ha="center"),
        Text(0, face * 1.25, "windward", 7),
    )
    drawing = Drawing((7.0, 3.2), panels)
    if width / face < 2.0:
        case_c.add(Text(width / 2, face / 2, "not required\n(B/s < 2)", 8, ha="center", va="center"))
        return drawing
    regions = _regions_from(lookup(env, "case_c")) or [(a, b, name, None) for a, b, name in _case_c_bands(width, face)]
    shades = ["#cf222e", "#e16f24", "#bf8700", "#8c959f", "#d0d7de", "#eaeef2", "#f6f8fa"]
    for index, (start, end, name, value) in enumerate(regions):
        shade = shades[min(index, len(shades) - 1)]
        label = name + (f"\nCf {value:.2f}" if value is not None else "")
        case_c.add(
            Rect(start, 0, end - start, face, shade, "#ffffff", 1.0, alpha=0.45),
            Text((start + end) / 2, face / 2, label, 6, ha="center", va="center"),
        )
    has_values = any(r[3] is not None for r in regions)
    caption = "Cf by region from the envelope" if has_values else "regions only (values not in envelope)"
    case_c.add(Text(width / 2, -face * 0.3, caption, 7, ha="center"))
    return drawing


def all_drawings(env: Envelope | Mapping[str, Any] | None) -> dict[str, Drawing]:
    """The three drawings by name (elevation, loads, pressure)."""
    return {"elevation": sign_elevation(env), "loads": load_diagram(env), "pressure": pressure_regions(env)}


# -- SVG ------------------------------------------------------------------------------------------------
_PT = 1.0  # SVG user units per point (72 per inch, as matplotlib writes SVG)
_TITLE_PT = 18.0
_ANCHOR = {"left": "start", "center": "middle", "right": "end"}


def _f(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class _Frame:
    """World (ft) to SVG (pt, y down) for one panel: equal scale, centred in its box."""

    def __init__(self, panel: Panel, left: float, top: float, width: float, height: float) -> None:
        self.left, self.top, self.width, self.height = left, top, width, height
        x0, x1 = panel.xlim or (0.0, 1.0)
        y0, y1 = panel.ylim or (0.0, 1.0)
        self.x0, self.y1 = x0, y1
        self.scale = min(width / max(x1 - x0, 1e-9), height / max(y1 - y0, 1e-9))
        self.dx = left + (width - self.scale * (x1 - x0)) / 2
        self.dy = top  # top-aligned: the page is cut just below the tallest panel
        self.bottom = top + (self.scale * (y1 - y0) if panel.xlim and panel.ylim else height)

    def point(self, x: float, y: float) -> tuple[float, float]:
        return self.dx + (x - self.x0) * self.scale, self.dy + (self.y1 - y) * self.scale

    def fraction(self, fx: float, fy: float) -> tuple[float, float]:
        return self.left + fx * self.width, self.top + (1 - fy) * self.height


def _head(x0: float, y0: float, x1: float, y1: float, size: float, color: str) -> str:
    """A filled arrowhead at (x1, y1) pointing away from (x0, y0)."""
    angle = math.atan2(y1 - y0, x1 - x0)
    back = size * 0.9
    half = size * 0.35
    bx, by = x1 - back * math.cos(angle), y1 - back * math.sin(angle)
    px, py = -math.sin(angle) * half, math.cos(angle) * half
    points = f"{_f(x1)},{_f(y1)} {_f(bx + px)},{_f(by + py)} {_f(bx - px)},{_f(by - py)}"
    return f'<polygon points="{points}" fill="{color}"/>'


def _text(shape: Text, x: float, y: float) -> str:
    x, y = x + shape.offset_pt[0] * _PT, y - shape.offset_pt[1] * _PT
    lines = shape.text.split("\n")
    step = shape.size * 1.2
    if shape.va == "center":
        y += shape.size * 0.35 - step * (len(lines) - 1) / 2
    elif shape.va == "top":
        y += shape.size * 0.8
    parts = []
    if shape.box:
        wide = max(len(line) for line in lines) * shape.size * 0.55 + shape.size * 0.3
        tall = step * len(lines)
        left = x - wide / 2 if shape.ha == "center" else (x - wide if shape.ha == "right" else x)
        parts.append(
            f'<rect x="{_f(left)}" y="{_f(y - shape.size * 0.95)}" width="{_f(wide)}" height="{_f(tall)}" '
            'rx="2" fill="#ffffff"/>'
        )
    spans = "".join(
        f'<tspan x="{_f(x)}" dy="{_f(0 if i == 0 else step)}">{escape(line)}</tspan>' for i, line in enumerate(lines)
    )
    parts.append(
        f'<text x="{_f(x)}" y="{_f(y)}" font-size="{_f(shape.size)}" fill="{shape.color}" '
        f'text-anchor="{_ANCHOR[shape.ha]}">{spans}</text>'
    )
    return "".join(parts)


def _shape_svg(shape: Shape, frame: _Frame) -> str:
    if isinstance(shape, Rect):
        x, y = frame.point(shape.x, shape.y + shape.h)
        w, h = shape.w * frame.scale, shape.h * frame.scale
        fill = "url(#apx-dots)" if shape.hatch else shape.fill
        opacity = f' fill-opacity="{_f(shape.alpha)}"' if shape.alpha < 1 else ""
        stroke = f' stroke="{shape.stroke}" stroke-width="{_f(shape.lw)}"' if shape.stroke != "none" else ""
        where = f'x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}"'
        under = f'<rect {where} fill="{shape.fill}"/>' if shape.hatch else ""
        return f'{under}<rect {where} fill="{fill}"{opacity}{stroke}/>'
    if isinstance(shape, Line):
        corners = (frame.point(a, b) for a, b in zip(shape.xs, shape.ys, strict=True))
        points = " ".join(f"{_f(px)},{_f(py)}" for px, py in corners)
        return f'<polyline points="{points}" fill="none" stroke="{shape.color}" stroke-width="{_f(shape.lw)}"/>'
    if isinstance(shape, Arrow):
        x0, y0 = frame.point(shape.x0, shape.y0)
        x1, y1 = frame.point(shape.x1, shape.y1)
        ends = f'x1="{_f(x0)}" y1="{_f(y0)}" x2="{_f(x1)}" y2="{_f(y1)}"'
        out = f'<line {ends} stroke="{shape.color}" stroke-width="{_f(shape.lw)}"/>'
        out += _head(x0, y0, x1, y1, shape.head_pt, shape.color)
        return out + (_head(x1, y1, x0, y0, shape.head_pt, shape.color) if shape.both else "")
    if isinstance(shape, Dot):
        x, y = frame.point(shape.x, shape.y)
        return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="3" fill="{shape.color}"/>'
    x, y = frame.fraction(shape.x, shape.y) if shape.fraction else frame.point(shape.x, shape.y)
    return _text(shape, x, y)


def to_svg(drawing: Drawing) -> str:
    """Plain, deterministic SVG text of ``drawing`` (inline in HTML; every text escaped)."""
    width, height = drawing.size_in[0] * 72.0, drawing.size_in[1] * 72.0
    box = width / len(drawing.panels)
    body = []
    used = 0.0
    for index, panel in enumerate(drawing.panels):
        left = index * box
        top = _TITLE_PT if panel.title else 0.0
        frame = _Frame(panel, left + 4, top + 4, box - 8, height - top - 8)
        if panel.title:
            body.append(
                f'<text x="{_f(left + box / 2)}" y="{_f(_TITLE_PT - 5)}" font-size="{_f(panel.title_size)}" '
                f'fill="{INK}" text-anchor="middle">{escape(panel.title)}</text>'
            )
        shapes = [_shape_svg(shape, frame) for shape in panel.shapes if not isinstance(shape, Text)]
        if shapes and panel.xlim and panel.ylim:  # clipped to the axes, as matplotlib clips patches
            right = frame.dx + frame.scale * (panel.xlim[1] - panel.xlim[0])
            area = f"{_f(frame.dx)} {_f(frame.dy)} {_f(right - frame.dx)} {_f(frame.bottom - frame.dy)}"
            x, y, w, h = area.split()
            body.append(f'<svg x="{x}" y="{y}" width="{w}" height="{h}" viewBox="{area}">{"".join(shapes)}</svg>')
        else:
            body.extend(shapes)
        body.extend(_shape_svg(shape, frame) for shape in panel.shapes if isinstance(shape, Text))
        used = max(used, frame.bottom + 4)
    height = min(height, used)
    defs = (
        '<defs><pattern id="apx-dots" width="4" height="4" patternUnits="userSpaceOnUse">'
        '<circle cx="2" cy="2" r="0.6" fill="#6e7781"/></pattern></defs>'
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_f(width)} {_f(height)}" '
        f'width="{_f(width)}pt" height="{_f(height)}pt" font-family="DejaVu Sans, sans-serif">'
        f"{defs}{''.join(body)}</svg>"
    )
