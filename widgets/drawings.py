"""Drawings from envelopes as matplotlib figures (PNG for the apps and notebooks).

The drawings themselves (sign elevation, load diagram, Case A/B/C pressure regions) are built
once in ``apex_nb.report.drawings`` as shapes in feet; this module draws those shapes with
matplotlib, and the calc report draws the same shapes as plain SVG. Figures render to
deterministic SVG (fixed hash salt, no date) and PNG (no software stamp).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, Rectangle

from apex_nb.report import drawings as shapes
from apex_nb.report.drawings import ALIASES, Drawing, lookup, number

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from apex_nb.envelope import Envelope

__all__ = [
    "ALIASES",
    "all_drawings",
    "figure_png",
    "figure_svg",
    "load_diagram",
    "lookup",
    "number",
    "pressure_regions",
    "sign_elevation",
    "to_figure",
]

SVG_SALT = "apex-nb"


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


def _draw(ax: Axes, shape: shapes.Shape) -> None:
    if isinstance(shape, shapes.Rect):
        ax.add_patch(
            Rectangle(
                (shape.x, shape.y), shape.w, shape.h, fc=shape.fill, ec=shape.stroke, lw=shape.lw,
                hatch="..." if shape.hatch else None, alpha=shape.alpha if shape.alpha < 1 else None,
            )
        )  # fmt: skip
    elif isinstance(shape, shapes.Line):
        ax.plot(shape.xs, shape.ys, color=shape.color, lw=shape.lw)
    elif isinstance(shape, shapes.Arrow):
        style = "<->" if shape.both else "-|>"
        ax.add_patch(
            FancyArrowPatch(
                (shape.x0, shape.y0), (shape.x1, shape.y1), arrowstyle=style, mutation_scale=shape.head_pt,
                color=shape.color, lw=shape.lw,
            )
        )  # fmt: skip
    elif isinstance(shape, shapes.Dot):
        ax.plot([shape.x], [shape.y], "o", color=shape.color)
    else:
        extra: dict[str, Any] = (
            {"bbox": {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"}} if shape.box else {}
        )
        if shape.fraction:
            extra["transform"] = ax.transAxes
        ax.annotate(
            shape.text, (shape.x, shape.y), xytext=shape.offset_pt, textcoords="offset points", ha=shape.ha,
            va=shape.va, fontsize=shape.size, color=shape.color, **extra,
        )  # fmt: skip


def to_figure(drawing: Drawing) -> Figure:
    """A matplotlib figure of a drawing: one set of axes per panel, equal scale, no axis lines."""
    fig = Figure(figsize=drawing.size_in)
    axes = fig.subplots(1, len(drawing.panels), squeeze=False)[0]
    for ax, panel in zip(axes, drawing.panels, strict=True):
        for shape in panel.shapes:
            _draw(ax, shape)
        if panel.xlim and panel.ylim:
            ax.set_xlim(*panel.xlim)
            ax.set_ylim(*panel.ylim)
            ax.set_aspect("equal")
        ax.set_axis_off()
        if panel.title:
            ax.set_title(panel.title, fontsize=panel.title_size)
    return fig


def sign_elevation(env: Envelope | Mapping[str, Any] | None) -> Figure:
    """Front elevation: sign face, post(s), footing(s) below grade, with dimensions."""
    return to_figure(shapes.sign_elevation(env))


def load_diagram(env: Envelope | Mapping[str, Any] | None) -> Figure:
    """Side view of the loads: wind on the sign at its centroid, on the post, and base reactions."""
    return to_figure(shapes.load_diagram(env))


def pressure_regions(env: Envelope | Mapping[str, Any] | None) -> Figure:
    """Sign face seen from the wind: Case A and B resultants, Case C regions when B/s >= 2."""
    return to_figure(shapes.pressure_regions(env))


def all_drawings(env: Envelope | Mapping[str, Any] | None) -> dict[str, Figure]:
    """The three drawings by name (elevation, loads, pressure)."""
    return {name: to_figure(drawing) for name, drawing in shapes.all_drawings(env).items()}
