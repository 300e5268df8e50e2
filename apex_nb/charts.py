"""Design charts as data: which post for which sign, which embedment for which moment, Cf, price.

Engineers sanity-check a design at a glance against charts. Every point here is a real solve
(``apex_nb.solve``), never a fitted curve, and each chart carries the packs (name and version)
and editions its solves read, for the caption. This module returns data only; plotting lives
outside the core (``apex_nb.widgets.charts`` draws these with matplotlib and exports SVG/PNG).

- ``post_vs_area``: lightest passing post (its weight per foot, labelled with the section) against
  sign area, one series per wind speed and top height (``design.pole_sign``, one post).
- ``embedment_vs_moment``: IBC 1807.3.2.1 embedment depth against the moment at grade, one series
  per soil class and shaft diameter (``foundation.embedment``, non-constrained, the force at a
  fixed height so that M = P h).
- ``cf_vs_aspect``: the Case A/B force coefficient Cf against B/s, one series per s/h
  (``wind.asce7_sign``: the edition's Cf figure as the pack holds it).
- ``price_vs_area``: price of the complete pole sign against sign area, one series per wind speed
  and top height (the same solves as ``post_vs_area``; both are ``vs_area`` with their measure).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from apex_nb.calc import reuse_parts
from apex_nb.units import IN_PER_FT, LB_PER_KIP


@dataclass(frozen=True)
class Series:
    """One line of a chart: x and y values and a text label per point (a section name, or '')."""

    label: str
    x: tuple[float, ...]
    y: tuple[float, ...]
    point_labels: tuple[str, ...] = ()
    failed_x: tuple[float, ...] = ()  # x values with no passing design (shown as gaps, never as points)


@dataclass(frozen=True)
class Mark:
    """A point drawn on top of the series: the design a calc package is about ("this design")."""

    label: str
    x: float
    y: float


@dataclass(frozen=True)
class Chart:
    """A chart's data, axis titles with units, the packs and editions behind it."""

    title: str
    x_label: str
    y_label: str
    series: tuple[Series, ...]
    packs: tuple[str, ...] = ()
    editions: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    marks: tuple[Mark, ...] = ()
    log_x: bool = False  # B/s spans two decades

    @property
    def caption(self) -> str:
        """Editions, packs and notes in one line for the figure caption."""
        parts = []
        if self.editions:
            parts.append("editions: " + ", ".join(self.editions))
        if self.packs:
            parts.append("packs: " + ", ".join(self.packs))
        parts += list(self.notes)
        return "; ".join(parts)

    def as_json(self) -> dict[str, Any]:
        """Plain JSON of the chart."""
        return {
            "title": self.title,
            "x_label": self.x_label,
            "y_label": self.y_label,
            "caption": self.caption,
            "series": [
                {
                    "label": s.label,
                    "x": list(s.x),
                    "y": list(s.y),
                    "point_labels": list(s.point_labels),
                    "failed_x": list(s.failed_x),
                }
                for s in self.series
            ],
            "marks": [{"label": m.label, "x": m.x, "y": m.y} for m in self.marks],
        }


def _packs_of(envelopes: Iterable[Any]) -> tuple[str, ...]:
    seen = {f"{p.name} {p.version}" for env in envelopes for p in env.packs}
    return tuple(sorted(seen))


def _pole_sweep(
    wind_speeds_mph: Sequence[float],
    top_heights_ft: Sequence[float],
    areas_ft2: Sequence[float],
    aspect_b_over_s: float,
    exposure: str,
    edition: str,
    soil_class: int,
    base: Mapping[str, Any] | None = None,
) -> dict[tuple[float, float], list[tuple[float, Any]]]:
    """(V, h) -> [(area, envelope or None)] for one-post pole signs of aspect B/s.

    ``base``: other ``design.pole_sign`` inputs to keep (a design's, for its calc package); its
    wind speed, exposure, edition, soil class and face are replaced by the sweep's.
    """
    from apex_nb.errors import ApexError
    from apex_nb.registry import solve

    out: dict[tuple[float, float], list[tuple[float, Any]]] = {}
    with reuse_parts():
        for speed, top in itertools.product(wind_speeds_mph, top_heights_ft):
            points = []
            for area in areas_ft2:
                height = (area / aspect_b_over_s) ** 0.5
                width = area / height
                if height > top:
                    continue
                given = dict(base or {})
                inputs = {
                    **given,
                    "wind": {
                        **given.get("wind", {}),
                        "edition": edition,
                        "wind_speed_mph": speed,
                        "exposure": exposure,
                    },
                    "faces": [{"width_ft": round(width, 3), "height_ft": round(height, 3), "top_height_ft": top}],
                    "soil": {**given.get("soil", {}), "soil_class": soil_class},
                }
                try:
                    env = solve("design.pole_sign", inputs)
                except ApexError:
                    env = None
                except (KeyError, ValueError):  # no passing section: the solver says so in its own way
                    env = None
                points.append((area, env))
            out[(speed, top)] = points
    return out


@dataclass(frozen=True)
class _AreaMeasure:
    """What a chart against sign area plots of each pole-sign design, and which designs it plots."""

    title: str
    y_label: str
    y_of: Callable[[Any], float]
    label_of: Callable[[Any], str] | None
    plotted: Callable[[Any], bool]


_AREA_MEASURES: dict[str, _AreaMeasure] = {
    "post": _AreaMeasure(
        "Lightest passing post against sign area (one post)",
        "post weight, lb/ft",
        lambda e: float(e.result["post_weight_lb_per_ft"]),
        lambda e: str(e.result["post_label"]),
        lambda e: bool(e.passed),
    ),
    # a chart never prices a design silently: designs with a review flag are listed as failed
    "price": _AreaMeasure(
        "Price of a one-post pole sign against sign area",
        "price, USD",
        lambda e: float(e.result["price_total_usd"]),
        None,
        lambda e: bool(e.passed and not e.result.get("needs_engineer_review")),
    ),
}


def vs_area(
    measure: Literal["post", "price"],
    wind_speeds_mph: Sequence[float] = (110, 130, 150),
    top_heights_ft: Sequence[float] = (15, 25),
    areas_ft2: Sequence[float] = (12, 24, 36, 48, 64, 80, 100),
    *,
    aspect_b_over_s: float = 2.0,
    exposure: str = "C",
    edition: str = "7-16",
    soil_class: int = 4,
    base: Mapping[str, Any] | None = None,
) -> Chart:
    """The lightest passing post (``"post"``, weight per ft) or the price of the complete pole sign
    (``"price"``) against sign area, one series per wind speed and top height.

    Designs that fail (or, for price, need an engineer's review) are listed in ``failed_x``.
    """
    how = _AREA_MEASURES[measure]
    sweep = _pole_sweep(
        wind_speeds_mph, top_heights_ft, areas_ft2, aspect_b_over_s, exposure, edition, soil_class, base
    )
    series = []
    for (speed, top), points in sweep.items():
        ok = [(a, e) for a, e in points if e is not None and how.plotted(e)]
        label_of = how.label_of
        series.append(
            Series(
                label=f"V = {speed:g} mph, h = {top:g} ft",
                x=tuple(a for a, _ in ok),
                y=tuple(how.y_of(e) for _, e in ok),
                point_labels=tuple(label_of(e) for _, e in ok) if label_of is not None else (),
                failed_x=tuple(a for a, e in points if (a, e) not in ok),
            )
        )
    envelopes = [e for points in sweep.values() for _, e in points if e is not None]
    return Chart(
        title=how.title,
        x_label="sign area B x s, ft²",
        y_label=how.y_label,
        series=tuple(series),
        packs=_packs_of(envelopes),
        editions=(f"ASCE {edition}",),
        notes=(f"exposure {exposure}, soil class {soil_class}, B/s = {aspect_b_over_s:.3g}",),
    )


post_vs_area = functools.partial(vs_area, "post")
price_vs_area = functools.partial(vs_area, "price")


def embedment_vs_moment(
    soil_classes: Sequence[int] = (2, 3, 4, 5),
    diameters_ft: Sequence[float] = (2.0, 3.0),
    moments_lb_ft: Sequence[float] = (5_000, 10_000, 20_000, 40_000, 60_000, 80_000, 100_000),
    *,
    force_height_ft: float = 15.0,
    ibc_edition: str = "2021",
    min_depth_ft: float = 0.0,
    base: Mapping[str, Any] | None = None,
) -> Chart:
    """Embedment depth (IBC 1807.3.2.1, non-constrained) against the moment at grade M = P h.

    ``base``: other ``foundation.embedment`` inputs to keep (a design's, for its calc package).
    """
    from apex_nb.registry import solve

    series = []
    envelopes = []
    with reuse_parts():
        for soil, diameter in itertools.product(soil_classes, diameters_ft):
            xs, ys, failed = [], [], []
            for moment in moments_lb_ft:
                env = solve(
                    "foundation.embedment",
                    {
                        **(base or {}),
                        "lateral_force_lb": moment / force_height_ft,
                        "force_height_ft": force_height_ft,
                        "diameter_ft": diameter,
                        "soil_class": soil,
                        "ibc_edition": ibc_edition,
                        "min_depth_ft": min_depth_ft,
                    },
                )
                envelopes.append(env)
                if env.passed:
                    xs.append(moment / LB_PER_KIP)
                    ys.append(float(env.result["required_depth_ft"]))
                else:
                    failed.append(moment / LB_PER_KIP)
            series.append(
                Series(
                    f"soil class {soil}, {diameter * IN_PER_FT:g} in dia", tuple(xs), tuple(ys), failed_x=tuple(failed)
                )
            )
    return Chart(
        title="Embedment depth against moment at grade (IBC 1807.3.2.1, non-constrained)",
        x_label="moment at grade M = P h, kip-ft (ASD)",
        y_label="required embedment depth d, ft",
        series=tuple(series),
        packs=_packs_of(envelopes),
        editions=(f"IBC {ibc_edition}",),
        notes=(f"P applied {force_height_ft:.3g} ft above grade",),
    )


def cf_vs_aspect(
    s_over_h: Sequence[float] = (0.2, 0.5, 0.8, 1.0),
    b_over_s: Sequence[float] = (0.5, 1, 2, 4, 6, 10, 20, 45),
    *,
    edition: str = "7-16",
    sign_height_ft: float = 2.0,
) -> Chart:
    """Case A/B force coefficient Cf against B/s, one series per s/h (the edition's Cf figure)."""
    from apex_nb.registry import solve

    series = []
    envelopes = []
    for ratio in s_over_h:
        xs, ys = [], []
        for aspect in b_over_s:
            env = solve(
                "wind.asce7_sign",
                {
                    "edition": edition,
                    "wind_speed_mph": 115,
                    "exposure": "C",
                    "sign_width_ft": sign_height_ft * aspect,
                    "sign_height_ft": sign_height_ft,
                    "top_height_ft": sign_height_ft / ratio,
                },
            )
            envelopes.append(env)
            xs.append(float(aspect))
            ys.append(float(env.result["cf_case_a"]))
        series.append(Series(f"s/h = {ratio:g}", tuple(xs), tuple(ys)))
    clause = envelopes[0].result.get("cf_clause", "") if envelopes else ""
    return Chart(
        title="Force coefficient Cf, Cases A and B, solid signs",
        x_label="aspect ratio B/s",
        y_label="Cf",
        series=tuple(series),
        packs=_packs_of(envelopes),
        editions=(f"ASCE {edition}",),
        notes=(str(clause),) if clause else (),
        log_x=True,
    )
