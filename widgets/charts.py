"""Matplotlib figures for ``apex_nb.charts`` (the core returns data; drawing lives here).

``figure(chart)`` draws one chart with its axis titles (units), a legend and a caption naming the
editions and packs; ``save(chart, path)`` exports SVG or PNG by the file suffix. Points with no
passing design are drawn as open markers on the x axis with a note, never as prices or sizes.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure  # a bare Figure: no pyplot state, no GUI backend needed

from apex_nb.charts import Chart

FORMATS = (".svg", ".png")


def figure(chart: Chart, *, size_in: tuple[float, float] = (8.0, 5.5), label_points: bool = True) -> Figure:
    """One figure: every series with markers, section labels on the points, legend, caption."""
    fig = Figure(figsize=size_in, layout="constrained")
    ax = fig.add_subplot()
    for series in chart.series:
        (line,) = ax.plot(series.x, series.y, marker="o", markersize=3.5, linewidth=1.2, label=series.label)
        if label_points and series.point_labels:
            for x, y, text in zip(series.x, series.y, series.point_labels, strict=False):
                ax.annotate(
                    text, (x, y), textcoords="offset points", xytext=(3, 3), fontsize=5.5, color=line.get_color()
                )
        if series.failed_x:
            ax.plot(series.failed_x, [0.0] * len(series.failed_x), linestyle="none", marker="x",
                    color=line.get_color(), markersize=6)  # fmt: skip
    for mark in chart.marks:  # the design a calc package is about
        ax.plot([mark.x], [mark.y], linestyle="none", marker="D", color="black", markersize=7, label=mark.label)
    if any(s.failed_x for s in chart.series):
        ax.plot([], [], linestyle="none", marker="x", color="grey", label="no passing design (not plotted)")
    ax.set_title(chart.title, fontsize=10)
    ax.set_xlabel(chart.x_label)
    ax.set_ylabel(chart.y_label)
    if chart.log_x or "B/s" in chart.x_label:
        ax.set_xscale("log")
    ax.grid(True, linewidth=0.4, alpha=0.6)
    ax.legend(fontsize=7, loc="best")
    caption = "\n".join(textwrap.wrap(chart.caption, 150))
    fig.text(0.0, -0.01, caption, fontsize=6, ha="left", va="top", wrap=True)
    return fig


def save(chart: Chart, path: str | Path, **kwargs: Any) -> Path:
    """Write the chart as SVG or PNG (chosen by the suffix); returns the path."""
    target = Path(path)
    if target.suffix.lower() not in FORMATS:
        raise ValueError(f"{target.name}: export as one of {', '.join(FORMATS)}")
    fig = figure(chart, **kwargs)
    target.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(target, dpi=150, bbox_inches="tight", metadata={"Date": None} if target.suffix == ".svg" else None)
    return target
