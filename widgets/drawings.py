"""Drawings from envelopes (matplotlib): sign elevation, load diagram, Case A/B/C pressure regions.

Numbers come from the envelope (inputs, result, trace, then parts, first match wins); nothing
is recomputed here except drawing geometry. A missing number never breaks a drawing: the part
that needs it is left out and the figure says what was missing. Figures render to
deterministic SVG (fixed hash salt, no date) and PNG (no software stamp) so reports built from
them are byte-stable.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Rectangle

if TYPE_CHECKING:
    from matplotlib.axes import Axes

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

SVG_SALT = "apex-nb"
STEEL = "#57606a"
CONCRETE = "#c9c2b8"
FACE = "#dbe9f6"


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
        yield {t.get("symbol"): t.get("value") for t in item.get("trace") or [] if isinstance(t, Mapping)}
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
    """``lookup`` restricted to finite positive-or-zero numbers (bools excluded)."""
    value = lookup(env, key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if value == value and abs(value) != float("inf") else None


# -- output -------------------------------------------------------------------------------------
def figure_svg(fig: Figure) -> str:
    """Deterministic SVG text of a figure (figures here are pyplot-free: nothing to close)."""
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": SVG_SALT, "svg.fonttype": "path"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    return buffer.getvalue()


def figure_png(fig: Figure, dpi: int = 96) -> bytes:
    """PNG bytes of a figure without a software stamp."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None}, bbox_inches="tight")
    return buffer.getvalue()


# -- helpers ----------------------------------------------------------------------------------
def _dimension(ax: Axes, x0: float, y0: float, x1: float, y1: float, text: str, offset: tuple[float, float]) -> None:
    arrow = FancyArrowPatch((x0, y0), (x1, y1), arrowstyle="<->", mutation_scale=8, color="#24292f", lw=0.8)
    ax.add_patch(arrow)
    ax.annotate(
        text,
        ((x0 + x1) / 2, (y0 + y1) / 2),
        xytext=offset,
        textcoords="offset points",
        ha="center",
        va="center",
        fontsize=8,
        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"},
    )


def _missing(ax: Axes, text: str) -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, fontsize=9, color="#8c959f")
    ax.set_axis_off()


def _size_from_label(label: Any) -> float | None:
    """Drawing width only: the first number of a section label (HSS10.000X0.188 -> 10 in)."""
    match = re.search(r"(\d+(?:\.\d+)?)", str(label or ""))
    return float(match.group(1)) if match else None


def _new(size: tuple[float, float] = (5.0, 5.0)) -> tuple[Figure, Axes]:
    fig = Figure(figsize=size)
    return fig, fig.add_subplot(1, 1, 1)


# -- drawings -------------------------------------------------------------------------------------
def sign_elevation(env: Envelope | Mapping[str, Any] | None) -> Figure:
    """Front elevation: sign face, post(s), footing(s) below grade, with dimensions."""
    fig, ax = _new()
    width, face, top = number(env, "width"), number(env, "sign_height"), number(env, "top")
    if not (width and face and top):
        _missing(ax, "sign elevation: width, face height or top height not in the envelope")
        return fig
    sign_type = str(lookup(env, "sign_type") or "pole")
    label = lookup(env, "post_label")
    posts = int(number(env, "post_count") or 1)
    clearance = max(top - face, 0.0)
    post_d_ft = (number(env, "post_diameter_in") or _size_from_label(label) or 0.0) / 12.0 or max(width, top) / 60.0
    dia, depth = number(env, "footing_diameter"), number(env, "footing_depth")
    spacing = number(env, "post_spacing") or (width / 2.0 if posts == 2 else 0.0)
    xs = [0.0] if posts == 1 else [-spacing / 2.0, spacing / 2.0]
    ax.axhline(0.0, color="#6e7781", lw=1.2)
    ax.fill_between([-width, width], [0, 0], [-(depth or top / 6) * 1.15] * 2, color="#f3efe8", zorder=0)
    if sign_type == "monument" and clearance > 0:
        ax.add_patch(Rectangle((-width / 2, 0.0), width, clearance, fc=CONCRETE, ec="#6e7781", lw=0.8))
        ax.text(0.0, clearance / 2, "base", ha="center", va="center", fontsize=8)
    else:
        for x in xs:
            ax.add_patch(
                Rectangle((x - post_d_ft / 2, -(depth or 0.0)), post_d_ft, top + (depth or 0.0), fc=STEEL, ec="none")
            )
    ax.add_patch(Rectangle((-width / 2, clearance), width, face, fc=FACE, ec="#0969da", lw=1.2))
    if label:
        ax.text(
            0.0, clearance + face / 2, f"post {label}" + (f" x{posts}" if posts > 1 else ""), ha="center", fontsize=8
        )
    if dia and depth:
        for x in xs:
            ax.add_patch(Rectangle((x - dia / 2, -depth), dia, depth, fc=CONCRETE, ec="#6e7781", lw=0.8, hatch="..."))
        _dimension(ax, xs[-1] + dia / 2 + 0.6, 0.0, xs[-1] + dia / 2 + 0.6, -depth, f"d = {depth:.2f} ft", (24, 0))
        _dimension(ax, xs[0] - dia / 2, -depth - 0.5, xs[0] + dia / 2, -depth - 0.5, f"⌀ {dia:.2f} ft", (0, -9))
    else:
        ax.text(0.0, -top / 12, "footing not in the envelope", ha="center", fontsize=8, color="#8c959f")
    _dimension(ax, -width / 2, top + top * 0.06, width / 2, top + top * 0.06, f"B = {width:g} ft", (0, 8))
    right = width / 2 + max(width, top) * 0.08
    _dimension(ax, right, clearance, right, top, f"s = {face:g} ft", (22, 0))
    _dimension(ax, right + max(width, top) * 0.12, 0.0, right + max(width, top) * 0.12, top, f"h = {top:g} ft", (24, 0))
    if clearance > 0:
        _dimension(ax, -width / 2 - 0.6, 0.0, -width / 2 - 0.6, clearance, f"{clearance:g} ft", (-22, 0))
    ax.set_aspect("equal")
    ax.set_xlim(-width / 2 - max(width, top) * 0.25, right + max(width, top) * 0.35)
    ax.set_ylim(-(depth or top / 6) * 1.25, top * 1.18)
    ax.set_axis_off()
    ax.set_title("Elevation", fontsize=10)
    return fig


def load_diagram(env: Envelope | Mapping[str, Any] | None) -> Figure:
    """Side view of the loads: wind on the sign at its centroid, on the post, and base reactions."""
    fig, ax = _new((4.5, 5.0))
    face, top = number(env, "sign_height"), number(env, "top")
    if not (face and top):
        _missing(ax, "load diagram: face height or top height not in the envelope")
        return fig
    clearance = max(top - face, 0.0)
    force = number(env, "sign_force_lb")
    post_force = number(env, "post_force_lb")
    shear = number(env, "base_shear_lb")
    moment_lb_ft, torsion_lb_ft = number(env, "base_moment_lb_ft"), number(env, "torsion_lb_ft")
    moment = moment_lb_ft / 1000.0 if moment_lb_ft else number(env, "base_moment_kip_ft")
    torsion = torsion_lb_ft / 1000.0 if torsion_lb_ft else number(env, "torsion_kip_ft")
    ax.axhline(0.0, color="#6e7781", lw=1.2)
    ax.plot([0, 0], [0, top], color=STEEL, lw=3)
    ax.add_patch(Rectangle((-0.15, clearance), 0.3, face, fc=FACE, ec="#0969da"))
    arm = top * 0.35
    centroid = clearance + face / 2
    ax.add_patch(
        FancyArrowPatch((-arm, centroid), (-0.2, centroid), arrowstyle="-|>", mutation_scale=12, color="#cf222e")
    )
    ax.text(-arm, centroid + top * 0.03, f"F = {force:,.0f} lb" if force else "F (not in envelope)", fontsize=8)
    ax.text(-arm, centroid - top * 0.05, f"at {centroid:.2f} ft", fontsize=7, color="#57606a")
    if clearance > 0:
        for y in [clearance * f for f in (0.25, 0.5, 0.75)]:
            ax.add_patch(
                FancyArrowPatch((-arm * 0.4, y), (-0.05, y), arrowstyle="-|>", mutation_scale=7, color="#bf8700")
            )
        text = f"post wind {post_force:,.0f} lb" if post_force else "wind on post"
        ax.text(-arm * 0.45, clearance * 0.85, text, fontsize=7, color="#9a6700", ha="right")
    lines = []
    if shear:
        lines.append(f"V = {shear:,.0f} lb")
    if moment:
        lines.append(f"M = {moment:,.2f} kip·ft")
    if torsion:
        lines.append(f"T = {torsion:,.2f} kip·ft (Case B)")
    ax.text(0.3, -top * 0.08, "\n".join(lines) if lines else "base reactions not in envelope", fontsize=8, va="top")
    ax.set_xlim(-arm * 1.3, top * 0.45)
    ax.set_ylim(-top * 0.3, top * 1.1)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title("Loads", fontsize=10)
    return fig


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
        out.append((float(start), float(end), f"{start:g}–{end:g} ft", cf))
    return out


def pressure_regions(env: Envelope | Mapping[str, Any] | None) -> Figure:
    """Sign face seen from the wind: Case A and B resultants, Case C regions when B/s >= 2."""
    fig = Figure(figsize=(7.0, 3.2))
    width, face = number(env, "width"), number(env, "sign_height")
    axes = fig.subplots(1, 3)
    if not (width and face):
        for ax in axes:
            _missing(ax, "no sign face\nin the envelope")
        return fig
    pressure, cf = number(env, "pressure_psf"), number(env, "cf")
    note = ", ".join(t for t in (f"qh = {pressure:.1f} psf" if pressure else "", f"Cf = {cf:.2f}" if cf else "") if t)
    for ax, case in zip(axes, ("A", "B", "C"), strict=True):
        ax.add_patch(Rectangle((0, 0), width, face, fc=FACE, ec="#0969da"))
        ax.set_xlim(-0.05 * width, width * 1.05)
        ax.set_ylim(-face * 0.6, face * 1.5)
        ax.set_aspect("equal")
        ax.set_axis_off()
        ax.set_title(f"Case {case}", fontsize=9)
    axes[0].plot([width / 2], [face / 2], "o", color="#cf222e")
    axes[0].text(width / 2, -face * 0.3, "resultant at centre" + (f"\n{note}" if note else ""), ha="center", fontsize=7)
    x_b = width / 2 - 0.2 * width
    axes[1].plot([x_b], [face / 2], "o", color="#cf222e")
    axes[1].annotate("", (width / 2, face * 1.15), (x_b, face * 1.15), arrowprops={"arrowstyle": "<->", "lw": 0.7})
    axes[1].text(width / 2, -face * 0.3, f"0.2B = {0.2 * width:.2f} ft toward windward edge", ha="center", fontsize=7)
    axes[1].text(0, face * 1.25, "windward", fontsize=7)
    if width / face < 2.0:
        axes[2].text(width / 2, face / 2, "not required\n(B/s < 2)", ha="center", va="center", fontsize=8)
        return fig
    given = lookup(env, "case_c")
    regions = _regions_from(given) or [(a, b, name, None) for a, b, name in _case_c_bands(width, face)]
    values = [r for r in regions if r[3] is not None]
    shades = ["#cf222e", "#e16f24", "#bf8700", "#8c959f", "#d0d7de", "#eaeef2", "#f6f8fa"]
    for index, (start, end, name, value) in enumerate(regions):
        shade = shades[min(index, len(shades) - 1)]
        axes[2].add_patch(Rectangle((start, 0), end - start, face, fc=shade, alpha=0.45, ec="white"))
        label = name + (f"\nCf {value:.2f}" if value is not None else "")
        axes[2].text((start + end) / 2, face / 2, label, ha="center", va="center", fontsize=6)
    caption = "Cf by region from the envelope" if values else "regions only (values not in envelope)"
    axes[2].text(width / 2, -face * 0.3, caption, ha="center", fontsize=7)
    return fig


def all_drawings(env: Envelope | Mapping[str, Any] | None) -> dict[str, Figure]:
    """The three drawings by name (elevation, loads, pressure)."""
    return {"elevation": sign_elevation(env), "loads": load_diagram(env), "pressure": pressure_regions(env)}
