"""Solver ``wind.asce7_post``: wind on exposed round or square sign posts, ASCE 7-05 to 7-22.

Each post is cut into height bands at the printed Kz table steps (0-15, 15-20, 20-25, ... ft);
qz is taken at the top of each band (conservative), Cf from the edition's figure for chimneys,
tanks and similar structures by h/D (and, for round posts, by D√qz and surface), and
F = qz (Kd) G Cf Af per band. Kd appears once: in qz through 7-16, in the force in 7-22.
"""

from __future__ import annotations

import itertools
from typing import Any, Literal

from pydantic import Field, model_validator

from apex_nb.calc import Calc, Solver
from apex_nb.equations.asce7.other_structures import cf_by_aspect, d_sqrt_qz, other_structure_force_lb
from apex_nb.equations.asce7.signs import minimum_design_force_lb
from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import SolverInput
from apex_nb.solvers.wind.common import (
    Edition,
    Exposure,
    KzMethod,
    design_block,
    flexible_input_problems,
    gust_factor_for,
    importance_for,
    importance_only_in_7_05,
    ke_for,
    kz_at,
    other_structures_block,
    qz_psf,
    resolve_kz_method,
    wind_pack,
)

VERSION = "1.0.0"

PostShape = Literal["round", "square"]
Surface = Literal["moderately_smooth", "rough", "very_rough"]
_KD_KEY = {"round": "chimney_round", "square": "chimney_square"}


class PostInput(SolverInput):
    """Inputs of ``wind.asce7_post``."""

    edition: Edition = Field(description="ASCE 7 edition in force: '7-05', '7-10', '7-16' or '7-22'")
    wind_speed_mph: float = Field(
        ge=50, le=300, description="Basic wind speed V, 3-s gust at 33 ft, mph (strength level from 7-10 on)"
    )
    exposure: Exposure = Field(description="Exposure category B, C or D")
    post_shape: PostShape = Field(
        description="'round' (pipe, round HSS) or 'square' (square HSS, wind normal to a face)"
    )
    post_width_in: float = Field(gt=0, le=120, description="Outside diameter (round) or face width (square) D, in")
    exposed_height_ft: float = Field(gt=0, le=500, description="Exposed length of each post: grade to sign bottom, ft")
    number_of_posts: int = Field(default=1, ge=1, le=20, description="Posts exposed side by side (no shielding taken)")
    surface: Surface = Field(
        default="moderately_smooth", description="Round posts only: surface roughness row of the figure"
    )
    aspect_height_ft: float | None = Field(
        default=None, gt=0, le=1000, description="Height h used in h/D, ft (default: the exposed height)"
    )
    kzt: float = Field(default=1.0, ge=1.0, le=3.0, description="Topographic factor Kzt (1.0 on flat sites)")
    ground_elevation_ft: float = Field(
        default=0.0, ge=-300, le=15000, description="Ground elevation above sea level, ft (gives Ke in 7-16 and 7-22)"
    )
    importance_factor: float | None = Field(
        default=None, ge=0.77, le=1.15, description="Importance factor I (ASCE 7-05 only; default 1.0, Category II)"
    )
    kd: float | None = Field(
        default=None,
        ge=0.5,  # ASCE 7 Table 26.6-1 lists 0.85 to 0.95; below 0.5 is a typo, not a structure
        le=1.0,
        description="Directionality factor Kd; default: chimneys and similar structures of the post's shape",
    )
    kz_method: KzMethod | None = Field(
        default=None,
        description="'table' or 'formula'; default: the printed table where the edition has a verified one",
    )

    natural_frequency_hz: float | None = Field(
        default=None,
        gt=0,
        le=100,
        description="Fundamental frequency n1 of the sign structure the posts belong to, Hz (below 1 Hz: Gf)",
    )
    damping_ratio: float | None = Field(
        default=None, gt=0, le=0.2, description="Structural damping ratio β for Gf (default: the wind pack's, 0.01)"
    )
    structure_height_ft: float | None = Field(
        default=None, gt=0, le=500, description="Height h of the whole structure for Gf, ft (default: exposed height)"
    )
    structure_width_ft: float | None = Field(
        default=None, gt=0, le=1000, description="Width B of the structure normal to the wind for Gf, ft (default: D)"
    )
    along_wind_depth_ft: float | None = Field(
        default=None, ge=0, le=500, description="Along-wind depth L of the structure for Gf, ft (default 0: RL = 1)"
    )

    @model_validator(mode="after")
    def _checks(self) -> PostInput:
        problems: list[FieldProblem] = []
        if self.post_shape == "square" and self.surface != "moderately_smooth":
            problems.append(FieldProblem("surface", "applies to round posts only", "omit for square posts"))
        try:
            importance_only_in_7_05(self.edition, self.importance_factor)
        except InputError as exc:
            problems.extend(exc.problems)
        problems.extend(flexible_input_problems(self.natural_frequency_hz))
        if problems:
            raise InputError(problems)
        return self


def _bands(top_ft: float, steps: list[float]) -> list[tuple[float, float]]:
    """Height bands from grade to ``top_ft`` cut at the Kz table steps."""
    edges = [0.0] + [z for z in steps if z < top_ft] + [top_ft]
    return [(lo, hi) for lo, hi in itertools.pairwise(edges) if hi - lo > 1e-9]


def run(inputs: PostInput, calc: Calc) -> dict[str, Any]:
    """Per-band qz, Cf and force on exposed posts; total, resultant height and moment at grade."""
    pack = wind_pack(calc, inputs.edition)
    design = design_block(pack)
    other = other_structures_block(pack)
    clauses = pack.clauses
    calc.note("edition", inputs.edition, description="ASCE 7 edition in force")
    method = resolve_kz_method(calc, pack, inputs.kz_method)
    d_ft = calc.value(
        "D", inputs.post_width_in / 12.0, unit="ft", description="post diameter or width", formula="D_in/12"
    )
    kzt = calc.value("Kzt", inputs.kzt, description="topographic factor (input)", clause=clauses["kzt"])
    kd_default = pack.kd[_KD_KEY[inputs.post_shape]]
    kd = calc.value(
        "Kd",
        inputs.kd if inputs.kd is not None else kd_default,
        description="directionality factor" + (" (input)" if inputs.kd is not None else f", {inputs.post_shape} post"),
        clause=clauses["kd"],
    )
    if inputs.kd is None:
        calc.assume(
            f"Kd = {kd_default:g}: chimneys, tanks and similar structures, {inputs.post_shape} "
            "(the structure type of the Cf figure used)",
            clauses["kd"],
        )
    ke = ke_for(calc, pack, inputs.ground_elevation_ft)
    importance = importance_for(calc, pack, inputs.importance_factor)
    kd_in_qz = pack.velocity_pressure.kd_in_qz
    kd_force = 1.0 if kd_in_qz else kd
    gust = gust_factor_for(
        calc,
        pack,
        exposure=inputs.exposure,
        wind_speed_mph=inputs.wind_speed_mph,
        natural_frequency_hz=inputs.natural_frequency_hz,
        height_ft=inputs.structure_height_ft if inputs.structure_height_ft is not None else inputs.exposed_height_ft,
        width_ft=inputs.structure_width_ft if inputs.structure_width_ft is not None else d_ft,
        along_wind_depth_ft=inputs.along_wind_depth_ft,
        damping_ratio=inputs.damping_ratio,
        subject="posts",
    )
    g = gust.value
    aspect_h = inputs.aspect_height_ft if inputs.aspect_height_ft is not None else inputs.exposed_height_ft
    h_d = calc.value(
        "h/D", aspect_h / d_ft, description="aspect ratio for Cf", formula="h / D", clause=clauses["other_cf"]
    )
    if inputs.aspect_height_ft is None:
        calc.assume(
            "h in h/D = exposed post height; the sign above suppresses tip flow, so a larger h/D "
            "(aspect_height_ft) would be conservative",
            clauses["other_cf"],
        )
    calc.applies(
        f"h/D at least {other.h_over_d[0]:g} (the figure's first column)",
        h_d >= other.h_over_d[0],
        note="below it the first column holds; above the last (25) the last holds, as the figure intends",
        penalty=0.05,
    )
    if inputs.number_of_posts > 1:
        calc.assume("No shielding between posts: each post takes its full force", clauses["other_force"])
    if inputs.post_shape == "square":
        calc.assume(
            "Square posts: wind normal to a face (same direction as the sign's Case A force)", clauses["other_cf"]
        )

    steps = pack.band_heights_ft or (pack.kz_table.heights_ft if pack.kz_table else [])
    bands: list[dict[str, Any]] = []
    total = 0.0
    moment = 0.0
    for i, (lo, hi) in enumerate(_bands(inputs.exposed_height_ft, steps), start=1):
        kz = kz_at(calc, pack, inputs.exposure, hi, method)
        qz = qz_psf(
            calc,
            pack,
            kz=kz,
            kzt=kzt,
            kd=kd,
            ke=ke,
            wind_speed_mph=inputs.wind_speed_mph,
            importance_factor=importance,
            symbol=f"qz,{i}",
        )
        if inputs.post_shape == "square":
            row_name = "square_normal"
        else:
            regime = d_sqrt_qz(d_ft, qz)
            supercritical = regime > other.round_supercritical_d_sqrt_qz
            row_name = f"round_{inputs.surface}" if supercritical else "round_subcritical"
            calc.value(
                f"D√qz,{i}",
                regime,
                description="flow regime of the round post",
                formula="D √qz",
                clause=clauses["other_cf"],
            )
        cf = calc.value(
            f"Cf,{i}",
            cf_by_aspect(h_d, other.h_over_d, other.rows[row_name]),
            description=f"force coefficient, row '{row_name}', h/D = {h_d:.3g}",
            clause=clauses["other_cf"],
        )
        area = (hi - lo) * d_ft
        force = calc.value(
            f"F,{i}",
            other_structure_force_lb(qz, g, cf, area, kd_force),
            unit="lb",
            description=f"force on one post, {lo:g} to {hi:g} ft",
            formula="qz " + ("" if kd_in_qz else "Kd ") + "G Cf Af",
            clause=clauses["other_force"],
        )
        total += force
        moment += force * 0.5 * (lo + hi)
        bands.append(
            {
                "from_ft": lo,
                "to_ft": hi,
                "z_ft": hi,
                "kz": kz,
                "qz_psf": qz,
                "cf": cf,
                "cf_row": row_name,
                "area_ft2": area,
                "force_lb": force,
            }
        )
    per_post = calc.value("F,post", total, unit="lb", description="force on one post", formula="Σ Fi")
    f_min = minimum_design_force_lb(design.minimum_pressure_psf, inputs.exposed_height_ft * d_ft)
    minimum_applied = per_post < f_min
    y = calc.value("y", moment / total, unit="ft", description="height of the post resultant", formula="Σ Fi zi / Σ Fi")
    if minimum_applied:
        calc.warn(f"the minimum design wind force ({design.minimum_pressure_psf:g} psf) governs the posts")
        per_post = calc.value(
            "F,post", f_min, unit="lb", description="force on one post (minimum governs)", clause=clauses["minimum"]
        )
        y = calc.value(
            "y", 0.5 * inputs.exposed_height_ft, unit="ft", description="centroid of the post (minimum case)"
        )
    n = inputs.number_of_posts
    total_all = calc.value("F,posts", per_post * n, unit="lb", description=f"force on {n} post(s)", formula="n F,post")
    m_all = calc.value("M,posts", total_all * y, unit="lb·ft", description="moment at grade, all posts", formula="F y")
    asd = design.asd_factor
    return {
        "edition": inputs.edition,
        "design_level": design.level,
        "kz_method": method,
        "kd": kd,
        "kd_applied_in": "qz" if kd_in_qz else "force",
        "ke": ke,
        "gust_factor": g,
        "flexible": gust.flexible,
        "natural_frequency_hz": gust.natural_frequency_hz,
        "damping_ratio": gust.damping_ratio,
        "h_over_d": h_d,
        "bands": bands,
        "number_of_posts": n,
        "force_per_post_lb": per_post,
        "moment_per_post_lb_ft": per_post * y,
        "total_force_lb": total_all,
        "total_force_asd_lb": total_all * asd,
        "resultant_height_ft": y,
        "moment_at_grade_lb_ft": m_all,
        "moment_at_grade_asd_lb_ft": m_all * asd,
        "minimum_force_applied": minimum_applied,
        "asd_factor": asd,
        "clause": clauses["other_force"],
        "cf_clause": clauses["other_cf"],
    }


SOLVER = Solver(
    name="wind.asce7_post",
    version=VERSION,
    input_model=PostInput,
    run=run,
    summary="ASCE 7 wind on exposed round or square sign posts, per height band (7-05 to 7-22)",
)
