"""Solver ``member.deflection``: tip deflection of a cantilever post under loads at their own
heights (δ = Σ P z²(3L − z)/6EI, plus uniform segments), against a height/ratio limit.
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import Field, model_validator

from apex_nb.calc import Calc, Solver
from apex_nb.equations.mechanics import cantilever
from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import SolverInput
from apex_nb.solvers.member.common import (
    COMBINATIONS_PACK,
    AsceEdition,
    BendingAxis,
    LoadLevel,
    SectionChoice,
    check_bending_axis,
    resolve_section,
    service_factor,
)
from apex_nb.types import StructureHeightFt
from apex_nb.units import IN_PER_FT

VERSION = "1.0.0"


def cantilever_deflection_in(
    p_loads: list[tuple[float, float]],
    w_loads: list[tuple[float, float, float]],
    length_in: float,
    e_ksi: float,
    i_in4: float,
) -> tuple[float, list[float]]:
    """Tip deflection (in) of a cantilever from point loads (kip, z in) and uniform segments (kip/in, z1, z2 in)."""
    parts = [cantilever.point_load_tip_deflection(p, z, length_in, e_ksi, i_in4) for p, z in p_loads]
    parts += [cantilever.uniform_segment_tip_deflection(w, z1, z2, length_in, e_ksi, i_in4) for w, z1, z2 in w_loads]
    return sum(parts), parts


class PointLoad(SolverInput):
    """A horizontal point load on the post (the resultant of a sign face, a cabinet ...)."""

    force_kip: float = Field(ge=0, le=1.0e6, description="Horizontal force, kip")
    height_ft: StructureHeightFt = Field(description="Height of the force above the fixed base, ft")


class UniformLoad(SolverInput):
    """A uniform horizontal load between two heights (wind on the post itself, a tall panel)."""

    load_kip_per_ft: float = Field(ge=0, le=1.0e4, description="Load per unit height, kip/ft")
    z_bottom_ft: float = Field(ge=0, le=200, description="Bottom of the loaded length above the base, ft")
    z_top_ft: StructureHeightFt = Field(description="Top of the loaded length above the base, ft")


class DeflectionLoads(SolverInput):
    """Mixin: the loads for deflection and the level they are given at."""

    point_loads: list[PointLoad] = Field(
        default_factory=list, max_length=50, description="Point loads with their heights"
    )
    uniform_loads: list[UniformLoad] = Field(
        default_factory=list, max_length=50, description="Uniform loads between heights"
    )
    loads_level: LoadLevel | None = Field(
        default=None,
        description="'service' (loads already at service level, e.g. from a 10-year MRI wind speed) or 'W' (the "
        "edition's unfactored wind W; the pack's service factor is applied: 0.7 for 7-05, 0.42 from 7-10 on). "
        "Required whenever loads are given.",
    )
    asce7_edition: AsceEdition | None = Field(
        default=None, description="ASCE 7 edition of W (required with loads_level 'W')"
    )
    deflection_limit_ratio: float | None = Field(
        default=None, ge=20, le=2000, description="Limit δ ≤ height/ratio (default 100 from the load-combinations pack)"
    )

    def _load_problems(self, height_ft: float, height_field: str) -> list[FieldProblem]:
        problems = []
        if (self.point_loads or self.uniform_loads) and self.loads_level is None:
            problems.append(
                FieldProblem("loads_level", "say at which level the deflection loads are given", "'service' or 'W'")
            )
        if self.loads_level == "W" and self.asce7_edition is None:
            problems.append(
                FieldProblem("asce7_edition", "required with loads_level 'W'", "'7-05', '7-10', '7-16', '7-22'")
            )
        for i, load in enumerate(self.point_loads):
            if load.height_ft > height_ft:
                problems.append(
                    FieldProblem(
                        f"point_loads.{i}.height_ft", f"above the post top ({height_field})", f"<= {height_ft:g}"
                    )
                )
        for i, segment in enumerate(self.uniform_loads):
            if segment.z_top_ft > height_ft:
                problems.append(
                    FieldProblem(
                        f"uniform_loads.{i}.z_top_ft", f"above the post top ({height_field})", f"<= {height_ft:g}"
                    )
                )
            if segment.z_bottom_ft >= segment.z_top_ft:
                problems.append(
                    FieldProblem(f"uniform_loads.{i}.z_bottom_ft", "must lie below z_top_ft", f"< {segment.z_top_ft:g}")
                )
        return problems


class DeflectionInput(SectionChoice, DeflectionLoads):
    """Inputs of ``member.deflection``."""

    post_height_ft: StructureHeightFt = Field(
        description="Free length L of the cantilever post above its fixed base, ft"
    )
    bending_axis: BendingAxis = Field(default="major", description="'major' (Ix) or 'minor' (Iy, rectangular HSS)")

    @model_validator(mode="after")
    def _loads(self) -> DeflectionInput:
        problems = self._load_problems(self.post_height_ft, "post_height_ft")
        if not self.point_loads and not self.uniform_loads:
            problems.append(FieldProblem("point_loads", "give at least one point or uniform load", "a non-empty list"))
        if problems:
            raise InputError(problems)
        return self


def deflection_limit(calc: Calc, ratio: float | None) -> tuple[float, str]:
    """The limit ratio (input or the pack default) and its basis; traced."""
    pack = calc.pack(COMBINATIONS_PACK).data
    if ratio is None:
        calc.assume(
            f"Deflection limit height/{pack.serviceability.default_deflection_limit_ratio:g} (default)",
            pack.serviceability.basis,
        )
        ratio = pack.serviceability.default_deflection_limit_ratio
        basis = pack.serviceability.basis
    else:  # the engineer's limit: say so, with where the code stands, rather than a bare "input"
        basis = (
            f"serviceability limit L/{ratio:g} set by the deflection_limit_ratio input "
            "(IBC Table 1604.3 sets no limit for freestanding sign posts)"
        )
    return calc.value("ratio_limit", ratio, description="deflection limit as height / ratio", clause=basis), basis


def service_loads(
    k_service: float, loads: DeflectionLoads
) -> tuple[list[tuple[float, float]], list[tuple[float, float, float]]]:
    """The loads at service level in kip and in: points (P, z) and uniform segments (w per in, z1, z2)."""
    points = [(k_service * p.force_kip, p.height_ft * IN_PER_FT) for p in loads.point_loads]
    uniforms = [
        (k_service * u.load_kip_per_ft / IN_PER_FT, u.z_bottom_ft * IN_PER_FT, u.z_top_ft * IN_PER_FT)
        for u in loads.uniform_loads
    ]
    return points, uniforms


def _height_over(length_in: float, delta_in: float) -> float | None:
    """L/δ for display; None when δ is zero or so small that L/δ is not a finite number."""
    if delta_in <= 0.0:
        return None
    value = length_in / delta_in
    return value if math.isfinite(value) else None


def run(inputs: DeflectionInput, calc: Calc) -> dict[str, Any]:
    """Cantilever post tip deflection at service wind, each load at its own height (P z²(3L − z)/6EI)

    Service-level tip deflection and its check against height/ratio.
    """
    section, material = resolve_section(calc, inputs)
    check_bending_axis(section, inputs.bending_axis)
    pack = calc.pack(COMBINATIONS_PACK).data if inputs.loads_level == "W" else None
    k = service_factor(calc, inputs.loads_level or "service", inputs.asce7_edition, pack)
    what = f"moment of inertia of {section.label} ({inputs.bending_axis} axis)"
    inertia = calc.value(
        "I", section.inertia_in4(inputs.bending_axis), unit="in⁴", description=what, clause=section.source_clause
    )
    what = "free length of the cantilever post"
    length_in = calc.value("L", inputs.post_height_ft * IN_PER_FT, unit="in", description=what)
    points, uniforms = service_loads(k, inputs)
    beam = (length_in, material.e_ksi, inertia)  # every Table 3-23 case reads L, E and I
    point, segment = cantilever.point_load_tip_deflection, cantilever.uniform_segment_tip_deflection
    parts: list[float] = []
    for i, (p, z) in enumerate(points, start=1):
        what = f"tip deflection from {p:.4g} kip at z = {z / IN_PER_FT:g} ft"
        parts.append(calc.apply(f"δ{i}", point, p, z, *beam, unit="in", description=what))
    for j, (w, z1, z2) in enumerate(uniforms, start=1):
        what = f"tip deflection from {w * IN_PER_FT:.4g} kip/ft on {z1 / IN_PER_FT:g}..{z2 / IN_PER_FT:g} ft"
        parts.append(calc.apply(f"δw{j}", segment, w, z1, z2, *beam, unit="in", description=what))
    what = "tip deflection at service level"
    total = calc.apply("δ", cantilever.tip_deflection_sum, parts, unit="in", description=what)
    ratio_limit, basis = deflection_limit(calc, inputs.deflection_limit_ratio)
    what = "allowable tip deflection"
    limit = calc.apply(
        "δ_allow", cantilever.deflection_limit_in, length_in, ratio_limit, unit="in", description=what, clause=basis
    )
    what = f"service tip deflection vs L/{ratio_limit:g}"
    check = calc.check("deflection", what, demand=total, capacity=limit, unit="in", clause=basis)
    base_moment = sum(p * z for p, z in points) + sum(w * (z2 - z1) * (z1 + z2) / 2.0 for w, z1, z2 in uniforms)
    return {
        "section": section.label,
        "section_source": section.source(),
        "i_in4": inertia,
        "e_ksi": material.e_ksi,
        "service_factor": k,
        "deflection_in": total,
        "deflection_limit_in": limit,
        "deflection_limit_ratio": ratio_limit,
        "height_over_deflection": _height_over(length_in, total),
        "ratio": check.ratio,
        "passed": check.passed,
        "contributions_in": parts,
        "service_base_moment_kip_ft": base_moment / IN_PER_FT,
    }


SOLVER = Solver.of("member.deflection", VERSION, run)
