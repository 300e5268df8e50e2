"""Solver ``wind.asce7_post``: wind on exposed round or square sign posts, ASCE 7-05 to 7-22.

Each post is cut into height bands at the printed Kz table steps (0-15, 15-20, 20-25, ... ft);
qz is taken at the top of each band (conservative), Cf from the edition's figure for chimneys,
tanks and similar structures by h/D (and, for round posts, by D√qz and surface), and
F = qz (Kd) G Cf Af per band. Kd appears once: in qz through 7-16, in the force in 7-22.
"""

from __future__ import annotations

import itertools
from typing import Any, Literal

from pydantic import Field

from apex_nb.calc import Calc, Solver
from apex_nb.equations.asce7 import other_structures as eq
from apex_nb.equations.asce7.signs import minimum_design_force_lb, total_force_lb
from apex_nb.equations.metadata import formula_of
from apex_nb.errors import FieldProblem
from apex_nb.solvers.wind.common import (
    AsceWindInput,
    design_block,
    gust_factor_for,
    kz_at,
    other_structures_block,
    qz_factors,
    qz_psf,
    resolve_kz_method,
    wind_pack,
)
from apex_nb.types import Kd, WindHeightFt

VERSION = "1.0.0"

PostShape = Literal["round", "square"]
Surface = Literal["moderately_smooth", "rough", "very_rough"]
_KD_KEY = {"round": "chimney_round", "square": "chimney_square"}


class PostInput(AsceWindInput):
    """Inputs of ``wind.asce7_post``: the site and gust fields of AsceWindInput, then the posts."""

    post_shape: PostShape = Field(
        description="'round' (pipe, round HSS) or 'square' (square HSS, wind normal to a face)"
    )
    post_width_in: float = Field(gt=0, le=120, description="Outside diameter (round) or face width (square) D, in")
    exposed_height_ft: WindHeightFt = Field(description="Exposed length of each post: grade to sign bottom, ft")
    number_of_posts: int = Field(default=1, ge=1, le=20, description="Posts exposed side by side (no shielding taken)")
    surface: Surface = Field(
        default="moderately_smooth", description="Round posts only: surface roughness row of the figure"
    )
    aspect_height_ft: float | None = Field(
        default=None, gt=0, le=1000, description="Height h used in h/D, ft (default: the exposed height)"
    )
    kd: Kd | None = Field(
        default=None,
        description="Directionality factor Kd; default: chimneys and similar structures of the post's shape",
    )
    structure_height_ft: float | None = Field(
        default=None, gt=0, le=500, description="Height h of the whole structure for Gf, ft (default: exposed height)"
    )
    structure_width_ft: float | None = Field(
        default=None, gt=0, le=1000, description="Width B of the structure normal to the wind for Gf, ft (default: D)"
    )

    def own_problems(self) -> list[FieldProblem]:
        """The surface row applies to round posts only."""
        if self.post_shape == "square" and self.surface != "moderately_smooth":
            return [FieldProblem("surface", "applies to round posts only", "omit for square posts")]
        return []


def _bands(top_ft: float, steps: list[float]) -> list[tuple[float, float]]:
    """Height bands from grade to ``top_ft`` cut at the Kz table steps."""
    edges = [0.0] + [z for z in steps if z < top_ft] + [top_ft]
    return [(lo, hi) for lo, hi in itertools.pairwise(edges) if hi - lo > 1e-9]


def run(inputs: PostInput, calc: Calc) -> dict[str, Any]:
    """ASCE 7 wind on exposed round or square sign posts, per height band (7-05 to 7-22)

    Per-band qz, Cf and force on exposed posts; total, resultant height and moment at grade.
    """
    pack = wind_pack(calc, inputs.edition)
    design = design_block(pack)
    other = other_structures_block(pack)
    clauses = pack.clauses
    method = resolve_kz_method(calc, pack, inputs.kz_method)
    d_ft = calc.apply(
        "D", eq.post_width_ft, inputs.post_width_in, unit="ft", description="post diameter or width", clause=""
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
    factors = qz_factors(calc, pack, inputs, kzt=kzt, kd=kd)
    kd_in_qz = pack.velocity_pressure.kd_in_qz
    gust = gust_factor_for(
        calc,
        pack,
        inputs,
        height_ft=inputs.structure_height_ft if inputs.structure_height_ft is not None else inputs.exposed_height_ft,
        width_ft=inputs.structure_width_ft if inputs.structure_width_ft is not None else d_ft,
        subject="posts",
    )
    g = gust.value
    aspect_h = inputs.aspect_height_ft if inputs.aspect_height_ft is not None else inputs.exposed_height_ft
    h_d = calc.apply(
        "h/D", eq.aspect_ratio_h_over_d, aspect_h, d_ft, description="aspect ratio for Cf", clause=clauses["other_cf"]
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

    force_eq, force_args = (eq.post_force_kd_in_qz_lb, ()) if kd_in_qz else (eq.post_force_kd_in_force_lb, (kd,))
    steps = pack.band_heights_ft or (pack.kz_table.heights_ft if pack.kz_table else [])
    bands: list[dict[str, Any]] = []
    total = 0.0
    moment = 0.0
    for i, (lo, hi) in enumerate(_bands(inputs.exposed_height_ft, steps), start=1):
        kz = kz_at(calc, pack, inputs.exposure, hi, method)
        qz = qz_psf(calc, pack, kz, factors, symbol=f"qz,{i}")
        if inputs.post_shape == "square":
            row_name = "square_normal"
        else:
            regime = eq.d_sqrt_qz(d_ft, qz)
            supercritical = regime > other.round_supercritical_d_sqrt_qz
            row_name = f"round_{inputs.surface}" if supercritical else "round_subcritical"
            calc.value(
                f"D√qz,{i}",
                regime,
                description="flow regime of the round post",
                formula=formula_of(eq.d_sqrt_qz),
                clause=clauses["other_cf"],
            )
        cf = calc.value(
            f"Cf,{i}",
            eq.cf_by_aspect(h_d, other.h_over_d, other.rows[row_name]),
            description=f"force coefficient, row '{row_name}', h/D = {h_d:.3g}",
            clause=clauses["other_cf"],
        )
        area = (hi - lo) * d_ft
        force = calc.apply(
            f"F,{i}",
            force_eq,
            qz,
            g,
            cf,
            area,
            *force_args,
            unit="lb",
            description=f"force on one post, {lo:g} to {hi:g} ft",
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
    per_post = calc.value(
        "F,post", total, unit="lb", description="force on one post", formula=formula_of(total_force_lb)
    )
    f_min = minimum_design_force_lb(design.minimum_pressure_psf, inputs.exposed_height_ft * d_ft)
    minimum_applied = per_post < f_min
    y = calc.apply(
        "y",
        eq.band_resultant_height_ft,
        moment,
        total,
        unit="ft",
        description="height of the post resultant",
        clause="",
    )
    if minimum_applied:
        calc.warn(f"the minimum design wind force ({design.minimum_pressure_psf:g} psf) governs the posts")
        per_post = calc.value(
            "F,post", f_min, unit="lb", description="force on one post (minimum governs)", clause=clauses["minimum"]
        )
        y = calc.value(
            "y", 0.5 * inputs.exposed_height_ft, unit="ft", description="centroid of the post (minimum case)"
        )
    n = inputs.number_of_posts
    total_all = calc.apply(
        "F,posts", eq.posts_force_lb, per_post, n, unit="lb", description=f"force on {n} post(s)", clause=""
    )
    m_all = calc.apply(
        "M,posts",
        eq.posts_moment_lb_ft,
        total_all,
        y,
        unit="lb-ft",
        description="moment at grade, all posts",
        clause="",
    )
    asd = design.asd_factor
    return {
        "edition": inputs.edition,
        "design_level": design.level,
        "kz_method": method,
        "kd": kd,
        "kd_applied_in": "qz" if kd_in_qz else "force",
        "ke": factors.ke,
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


SOLVER = Solver.of("wind.asce7_post", VERSION, run)
