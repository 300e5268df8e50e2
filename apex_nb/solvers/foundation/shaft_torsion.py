"""Solver ``foundation.shaft_torsion``: torsion on a drilled pole footing and its transfer from the post.

Case B on one post (ASCE 7 Fig. 29.3-1, the resultant at 0.2 B off centre) and a cantilever's
arm twist the post, and the post twists its footing. IBC §1807.3 sizes the footing for lateral
load only, so this solver checks the two torsion limit states it leaves out:

1. soil: the shaft's allowable torque from side resistance on its perimeter at radius D/2 plus
   the base (IDOT AGMU Memo 11.1 (2011) form, AASHTO LTS §13.6), with the IBC Table 1806.2
   presumptive sliding resistance as unit resistance (equations in
   ``apex_nb.equations.ibc.shaft_torsion``), against the ASD torsion;
2. transfer: a smooth pipe or tube has no dependable bond in torsion, so an embedded post gets
   welded lugs (a stated detail: count x projection x height, defaults in the pack) bearing on
   the concrete, ACI 318-19 §22.8.3.2 at strength level; a base-plated post transfers torsion
   through its anchor rods (rod shear, checked in ``connection.base_plate``).
A failing check says what to add: the depth that would carry the torque at this diameter, or
the lug height that would.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import Field, model_validator

from apex_nb.calc import Calc, Solver, check_ratio
from apex_nb.equations.aci318 import bearing as aci_bearing
from apex_nb.equations.ibc import shaft_torsion as eq
from apex_nb.equations.metadata import formula_of
from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import SolverInput
from apex_nb.pack_schemas.shaft_torsion import ShaftTorsionPack
from apex_nb.solvers.foundation.common import IbcEdition, soil_clauses, soils_pack
from apex_nb.solvers.strength import Phi, Required, available, strength
from apex_nb.types import SoilClass
from apex_nb.units import LB_PER_KIP, PSI_PER_KSI

VERSION = "1.0.0"
PACK = "shaft-torsion"
MAX_DEPTH_FT = 1.0e5  # any depth the embedment designs; absurd depths are flagged and left unpriced by the design

Transfer = Literal["lugs", "anchor_rods", "none"]


class ShaftTorsionInput(SolverInput):
    """Inputs of ``foundation.shaft_torsion`` (torsion at ASD level, like ``foundation.embedment``)."""

    torsion_kip_ft: float = Field(ge=0, le=5000, description="Torsion on the footing (ASD level, e.g. 0.6W), kip-ft")
    diameter_ft: float = Field(gt=0, le=20, description="Shaft diameter, ft")
    depth_ft: float = Field(gt=0, le=MAX_DEPTH_FT, description="Shaft depth below grade, ft")
    ibc_edition: IbcEdition = Field(description="IBC edition of the Table 1806.2 values: '2018', '2021' or '2024'")
    soil_class: SoilClass | None = Field(default=None, description="IBC Table 1806.2 class 1..5")
    friction_coefficient: float | None = Field(
        default=None, gt=0, lt=1, description="Soil report: allowable friction coefficient (instead of soil_class)"
    )
    cohesion_psf: float | None = Field(
        default=None, gt=0, le=5000, description="Soil report: allowable adhesion, psf (instead of soil_class)"
    )
    dead_load_kip: float = Field(default=0.0, ge=0, le=1000, description="Post and sign dead load on the shaft, kip")
    transfer: Transfer = Field(
        default="lugs",
        description="'lugs' (embedded post, welded lugs), 'anchor_rods' (base plate; rods checked there), 'none'",
    )
    post_width_in: float | None = Field(default=None, gt=0, le=60, description="Embedded post width or diameter, in.")
    fc_psi: float = Field(default=3000.0, ge=2500, le=10000, description="Shaft concrete f'c, psi")
    lug_count: int | None = Field(default=None, ge=2, le=8, description="Lugs on the embedded post (pack default)")
    lug_projection_in: float | None = Field(default=None, gt=0, le=6, description="Lug projection, in. (pack default)")
    lug_height_in: float | None = Field(default=None, gt=0, le=24, description="Lug height, in. (pack default)")

    @model_validator(mode="after")
    def _soil_and_post(self) -> ShaftTorsionInput:
        problems = []
        given = [n for n in ("soil_class", "friction_coefficient", "cohesion_psf") if getattr(self, n) is not None]
        if len(given) != 1:
            problems.append(
                FieldProblem(
                    "soil_class", "give exactly one of soil_class, friction_coefficient, cohesion_psf", "exactly one"
                )
            )
        if self.transfer == "lugs" and self.post_width_in is None:
            problems.append(FieldProblem("post_width_in", "required with transfer 'lugs'", "> 0 in."))
        if problems:
            raise InputError(problems)
        return self


def _soil_torque_lb_ft(
    inputs: ShaftTorsionInput, pack: ShaftTorsionPack, mu: float | None, cohesion: float | None, depth_ft: float
) -> tuple[float, float, float]:
    """(side, base, normal force) for ``depth_ft``; pure, used for the check and the depth search."""
    d = inputs.diameter_ft
    normal = pack.dead_load_factor * (
        eq.shaft_weight_lb(d, depth_ft, pack.concrete_unit_weight_pcf) + inputs.dead_load_kip * LB_PER_KIP
    )
    if mu is not None:
        side = eq.friction_side_torque_lb_ft(d, depth_ft, mu, pack.k0, pack.soil_unit_weight_pcf)
        base = eq.friction_base_torque_lb_ft(normal, mu, d)
    else:
        assert cohesion is not None
        side = eq.cohesion_side_torque_lb_ft(d, depth_ft, cohesion)
        base = min(eq.cohesion_base_torque_lb_ft(cohesion, d), 0.5 * normal * d / 3.0)
    return side, base, normal


def _required_depth_ft(
    inputs: ShaftTorsionInput, pack: ShaftTorsionPack, mu: float | None, cohesion: float | None, demand_lb_ft: float
) -> float | None:
    """Smallest depth (0.5 ft steps) whose torque carries the demand, or None within ``MAX_DEPTH_FT``.

    The torque never falls with depth (every term of side and base grows with L, and each float
    operation keeps that order), so the first carrying step is found by doubling, then bisecting
    on the step number: the step a walk from 0.5 ft would stop at, in ~2 log2(n) evaluations
    instead of n (a test compares it with the walk).
    """

    def carries(step: int) -> bool:
        side, base, _ = _soil_torque_lb_ft(inputs, pack, mu, cohesion, step / 2.0)
        return side + base >= demand_lb_ft

    steps = int(MAX_DEPTH_FT * 2)
    if not carries(steps):
        return None
    low, high = 0, 1  # step ``low`` does not carry (0: no shaft), step ``high`` is the next to try
    while not carries(high):
        low, high = high, min(2 * high, steps)
    while high - low > 1:
        mid = (low + high) // 2
        if carries(mid):
            high = mid
        else:
            low = mid
    return high / 2.0


def run(inputs: ShaftTorsionInput, calc: Calc) -> dict[str, Any]:
    """Drilled footing torsion: shaft side + base resistance (IBC 1806.2 values), lug transfer (ACI 22.8)

    Soil torque capacity of the shaft and the post-to-concrete transfer, with what to add if short.
    """
    pack: ShaftTorsionPack = calc.pack(PACK).data
    soils = soils_pack(calc)
    table = soil_clauses(soils, inputs.ibc_edition).table
    mu, cohesion = inputs.friction_coefficient, inputs.cohesion_psf
    if inputs.soil_class is not None:
        row = soils.soil(inputs.soil_class)
        mu, cohesion = row.friction_coefficient, row.cohesion_psf
        calc.note("soil_class", inputs.soil_class, description=row.description, clause=table)
        calc.assume(
            f"Presumptive Table 1806.2 class {inputs.soil_class} sliding resistance used as the shaft's unit side and"
            " base resistance",
            table,
        )
    else:
        calc.assume("Unit side and base resistance from a site geotechnical report (allowable values)")
    calc.assume(
        "Torsional resistance of the shaft = side resistance on the perimeter at radius D/2 + base resistance"
        " (IDOT AGMU Memo 11.1 form); IBC sliding values read as unit resistances on the shaft",
        pack.clauses["method"],
    )
    d, depth = inputs.diameter_ft, inputs.depth_ft
    calc.value("D", d, unit="ft", description="shaft diameter")
    calc.value("L", depth, unit="ft", description="shaft depth")
    demand_lb_ft = calc.value(
        "T", inputs.torsion_kip_ft * LB_PER_KIP, unit="lb-ft", description="torsion on the footing (ASD)"
    )
    side, base, normal = _soil_torque_lb_ft(inputs, pack, mu, cohesion, depth)
    if mu is not None:
        calc.value("μ", mu, description="allowable friction coefficient", clause=table)
        calc.value("K0", pack.k0, description="at-rest earth pressure coefficient", clause="shaft-torsion k0")
        calc.value("γ", pack.soil_unit_weight_pcf, unit="pcf", description="soil unit weight")
        side_formula, base_formula = "π μ K0 γ D² L²/4", "μ N D/3"
    else:
        calc.value("c", cohesion or 0.0, unit="psf", description="allowable adhesion", clause=table)
        side_formula, base_formula = "π c D² L/2", "min(c π D³/12, 0.5 N D/3)"
    calc.value(
        "N",
        normal,
        unit="lb",
        description="normal force on the base",
        formula=f"{pack.dead_load_factor:g} (π D²/4 L γc + dead load)",
    )
    side = calc.value(
        "T_side", side, unit="lb-ft", description="side resistance torque", formula=side_formula,
        clause=pack.clauses["side"],
    )  # fmt: skip
    base = calc.value(
        "T_base", base, unit="lb-ft", description="base resistance torque", formula=base_formula,
        clause=pack.clauses["base"],
    )  # fmt: skip
    capacity = calc.value(
        "T_allow", side + base, unit="lb-ft", description="allowable torque of the shaft in the soil",
        formula="T_side + T_base", clause=pack.clauses["method"],
    )  # fmt: skip
    soil_check = calc.check(
        "shaft_torsion.soil",
        "Torsion on the footing <= shaft side + base resistance",
        demand=demand_lb_ft,
        capacity=capacity,
        unit="lb-ft",
        clause=pack.clauses["method"],
    )
    to_add: list[str] = []
    required_depth = None
    if not soil_check.passed:
        required_depth = _required_depth_ft(inputs, pack, mu, cohesion, demand_lb_ft)
        if required_depth is None:
            to_add.append(f"no depth up to {MAX_DEPTH_FT:g} ft carries the torsion at D = {d:g} ft: widen the shaft")
        else:
            to_add.append(f"deepen the shaft to {required_depth:g} ft at D = {d:g} ft (or widen it) for torsion")
        calc.warn("shaft torsion exceeds the soil resistance: " + to_add[-1])
    transfer: dict[str, Any] = {"transfer": inputs.transfer}
    if inputs.transfer == "lugs":
        transfer.update(_lugs(inputs, calc, pack, to_add))
    elif inputs.transfer == "anchor_rods":
        calc.assume(
            "Torsion reaches the pier through the anchor rods; rod shear from torsion is checked in"
            " connection.base_plate"
        )
    else:
        calc.applies(
            "post-to-concrete torsion transfer checked",
            inputs.torsion_kip_ft == 0.0,
            "no lugs, torsion plate or rods given: a smooth post has no dependable bond in torsion",
            penalty=0.2,
        )
    governing = max(calc.checks, key=lambda c: c.ratio)
    return {
        "torsion_kip_ft": inputs.torsion_kip_ft,
        "side_torque_kip_ft": side / LB_PER_KIP,
        "base_torque_kip_ft": base / LB_PER_KIP,
        "allowable_torque_kip_ft": capacity / LB_PER_KIP,
        "required_depth_ft": required_depth,
        **transfer,
        "to_add": to_add,
        "governing_check": governing.id,
        "ratio": governing.ratio,
        "passed": all(c.passed for c in calc.checks),
    }


def _lugs(inputs: ShaftTorsionInput, calc: Calc, pack: ShaftTorsionPack, to_add: list[str]) -> dict[str, Any]:
    """Welded lugs on the embedded post bearing on the concrete (ACI 318-19 §22.8.3.2, strength level)."""
    count = inputs.lug_count or pack.lug_count
    projection = inputs.lug_projection_in or pack.lug_projection_in
    height = inputs.lug_height_in or pack.lug_height_in
    assert inputs.post_width_in is not None
    calc.assume(
        f"Detail: {count} steel lugs {projection:g} x {height:g} in. welded to the embedded post, bearing on the"
        " concrete; welds developing the lug force are the fabricator's detail; steel-to-concrete bond ignored",
        pack.clauses["bearing"],
    )
    lever = calc.apply(
        "r_lug", eq.lug_lever_in, inputs.post_width_in, projection, unit="in",
        description="post axis to the lug bearing resultant",
    )  # fmt: skip
    tu = calc.apply(
        "Tu", eq.strength_torsion_kip_in, inputs.torsion_kip_ft, pack.asd_to_strength, unit="kip-in",
        description="strength-level torsion on the lugs", clause="shaft-torsion asd_to_strength",
        fill={"factor": pack.asd_to_strength},
    )  # fmt: skip
    force = calc.apply("F_lug", eq.lug_force_kip, tu, count, lever, unit="kip", description="bearing force per lug")
    fc = inputs.fc_psi / PSI_PER_KSI
    bearing = strength(
        calc, "Bn", aci_bearing.bearing_strength_kip(fc, projection * height, pack.bearing_coefficient),
        Phi(pack.bearing_phi, pack.clauses["bearing"]), method="strength", unit="kip",
        description="bearing strength under one lug", formula=formula_of(aci_bearing.lug_design_bearing_kip),
        check=Required(
            "shaft_torsion.lug_bearing", "Lug bearing on the shaft concrete", force, pack.clauses["bearing"]
        ),
    )  # fmt: skip
    capacity, check = bearing.available, bearing.check
    needed = force / (pack.bearing_phi * pack.bearing_coefficient * fc * projection)
    density = calc.pack("steel-materials").data.density_lb_per_ft3 / 1728.0
    lug_lb = calc.apply(
        "W_lugs", eq.lug_weight_lb, count, projection, height, pack.lug_thickness_in, density, unit="lb",
        description="lug plate weight (bill of materials)",
    )  # fmt: skip
    if not check.passed:
        to_add.append(f"lugs at least {needed:.1f} in. tall ({count} x {projection:g} in. projection) or more lugs")
        calc.warn("torsion transfer from the post: " + to_add[-1])
    return {
        "lug_count": count,
        "lug_projection_in": projection,
        "lug_height_in": height,
        "lug_force_kip": force,
        "lug_capacity_kip": capacity,
        "lug_height_needed_in": needed,
        "lug_weight_lb": lug_lb,
    }


def checks_pass(inputs: Mapping[str, Any], calc: Calc) -> bool | None:
    """``run``'s ``passed`` for ``inputs`` without solving: its soil check and, with lugs, its lug bearing check.

    The same functions, pack values and pass rule (``Calc.check``) as ``run``, without the trace,
    assumptions and envelope: the auger search asks this of every option it ranks, and adopts a
    full solve only for the footing it keeps. None when ``run`` would not return normally (invalid
    inputs, a number that is not finite): solve it instead, to get its error. A test compares this
    with ``run`` over many inputs. Packs are read through ``calc`` (give it a scratch recorder).
    """
    try:
        given = ShaftTorsionInput.model_validate(dict(inputs))
    except Exception:  # the solve reports it, with the field named
        return None
    pack: ShaftTorsionPack = calc.pack(PACK).data
    mu, cohesion = given.friction_coefficient, given.cohesion_psf
    if given.soil_class is not None:
        row = soils_pack(calc).soil(given.soil_class)
        mu, cohesion = row.friction_coefficient, row.cohesion_psf
    side, base, normal = _soil_torque_lb_ft(given, pack, mu, cohesion, given.depth_ft)
    demand = given.torsion_kip_ft * LB_PER_KIP
    numbers = [side, base, normal, demand, side + base]
    checks = [(demand, side + base)]
    if given.transfer == "lugs":
        assert given.post_width_in is not None
        count = given.lug_count or pack.lug_count
        projection = given.lug_projection_in or pack.lug_projection_in
        height = given.lug_height_in or pack.lug_height_in
        lever = eq.lug_lever_in(given.post_width_in, projection)
        force = eq.lug_force_kip(eq.strength_torsion_kip_in(given.torsion_kip_ft, pack.asd_to_strength), count, lever)
        nominal = aci_bearing.bearing_strength_kip(
            given.fc_psi / PSI_PER_KSI, projection * height, pack.bearing_coefficient
        )
        capacity = available(nominal, Phi(pack.bearing_phi), "strength")
        numbers += [lever, force, capacity]
        checks.append((force, capacity))
    if not all(math.isfinite(n) for n in numbers):
        return None
    return all(check_ratio(demand, capacity) <= 1.0 for demand, capacity in checks)


SOLVER = Solver.of("foundation.shaft_torsion", VERSION, run)
