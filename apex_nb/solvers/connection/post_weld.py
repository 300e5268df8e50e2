"""Post-to-plate fillet weld of ``connection.base_plate``: line method, AISC 360 §J2.4 and §J4.2 base metal."""

from __future__ import annotations

import math
from functools import partial
from typing import Any

from apex_nb.calc import Calc
from apex_nb.equations.metadata import formula_of
from apex_nb.equations.welds import aisc360_j2 as weld_eq
from apex_nb.pack_schemas.connections import AiscDg1Pack, AnchorRodSchedulePack
from apex_nb.solvers.connection.base_plate_input import BasePlateInput
from apex_nb.solvers.connection.common import (
    grade,
)
from apex_nb.solvers.strength import Required, strength
from apex_nb.solvers.strength import available as available_strength


def post_weld(
    inputs: BasePlateInput, calc: Calc, pack: AiscDg1Pack, schedule: AnchorRodSchedulePack, plate_t: float
) -> dict[str, Any]:
    """Post-to-plate fillet weld all around and the post wall base metal (AISC 360 §J2.4, §J4.2)."""
    method = inputs.design_method
    metal = grade(calc, "weld_metal", inputs.weld_metal, ("weld_metal",))
    post = grade(
        calc, "post_grade", inputs.post_grade or f"A500C-{inputs.post_shape}", ("round_hss", "rect_hss", "pipe")
    )
    d, bw = inputs.post_depth_in, inputs.post_width_in
    if inputs.post_shape == "round":
        length, modulus, polar = weld_eq.circle_weld_properties(d)
        shear_length, radius = length / 2.0, d / 2.0
    else:
        length, modulus, polar = weld_eq.rectangle_weld_properties(bw, d)
        shear_length, radius = 2.0 * d, math.hypot(bw, d) / 2.0
    m_kip_in, t_kip_in = inputs.moment_kip_ft * 12.0, inputs.torsion_kip_ft * 12.0
    weld = partial(calc.apply, unit="kip/in", clause=pack.weld.clause)  # the line-method forces, one clause
    normal = weld("fw,n", weld_eq.weld_normal_kip_per_in, inputs.axial_kip, m_kip_in, length, modulus,
                  description="peak normal weld force per inch")  # fmt: skip
    tangential = weld("fw,v", weld_eq.weld_tangential_kip_per_in, inputs.shear_kip, t_kip_in, shear_length, polar,
                      radius, description="peak tangential force per inch")  # fmt: skip
    force = weld("fw", weld_eq.weld_resultant_kip_per_in, normal, tangential,
                 description="peak resultant weld force per inch (line method)")  # fmt: skip
    calc.assume(
        "Weld line method on the post's outside dimensions; peaks of axial, bending, shear and torsion"
        " added at one point; θ = 0 (no directional strength increase)",
        pack.weld.clause,
    )
    rows = [(r.thickness_max_in, r.min_size_in) for r in pack.fillet_min_size]
    w_min = calc.value(
        "w_min",
        weld_eq.min_fillet_size_in(min(inputs.post_wall_in, plate_t), rows),
        unit="in",
        description="minimum fillet size (thinner part)",
        clause=pack.clauses["weld_min_size"],
    )

    def available(size: float) -> float:
        rn = weld_eq.fillet_strength_kip_per_in(metal.fu_ksi, size, pack.weld_fnw_over_fexx, pack.fillet_throat_factor)
        return available_strength(rn, pack.weld, method)

    if inputs.weld_size_in is not None:
        size = inputs.weld_size_in
    else:
        sizes = [s for s in schedule.fillet_weld_sizes_in if s >= w_min - 1e-9]
        size = next((s for s in sizes if available(s) >= force), sizes[-1] if sizes else w_min)
    size = calc.value("w", size, unit="in", description="fillet weld size", clause=pack.weld.clause)
    rn = weld_eq.fillet_strength_kip_per_in(metal.fu_ksi, size, pack.weld_fnw_over_fexx, pack.fillet_throat_factor)
    capacity = strength(
        calc, "Rn", rn, pack.weld, method=method, unit="kip/in", name="φRn,w" if method == "LRFD" else "Rn/Ω,w",
        description=f"available fillet weld strength per inch ({method})",
        formula=formula_of(weld_eq.fillet_available_kip_per_in),
        check=Required("weld.strength", "Post-to-plate fillet weld", force, pack.weld.clause),
    ).available  # fmt: skip
    calc.check(
        "weld.min_size",
        "Fillet weld at least the Table J2.4 minimum",
        demand=w_min,
        capacity=size,
        unit="in",
        clause=pack.clauses["weld_min_size"],
    )
    rupture_t = pack.base_metal_tension_rupture
    rupture_v = pack.base_metal_shear_rupture
    wall = (
        ("n", "tensile", rupture_t, weld_eq.base_metal_tension_rupture_kip_per_in(post.fu_ksi, inputs.post_wall_in),
         weld_eq.base_metal_tension_available_kip_per_in, "weld.base_metal_normal", "normal force", normal),
        ("v", "shear", rupture_v,
         weld_eq.base_metal_shear_rupture_kip_per_in(post.fu_ksi, inputs.post_wall_in, pack.base_metal_fnv_over_fu),
         weld_eq.base_metal_shear_available_kip_per_in, "weld.base_metal_shear", "shear", tangential),
    )  # fmt: skip
    for key, kind, factor, nominal, available_eq, check_id, what, demand in wall:
        strength(
            calc, "Rn", nominal, factor, method=method, unit="kip/in", name=f"wall,{key} avail",
            description=f"post wall {kind} rupture at the weld", formula=formula_of(available_eq),
            check=Required(check_id, f"Post wall at the weld, {what}", demand, factor.clause),
        )  # fmt: skip
    return {"weld_size_in": size, "weld_force_kip_per_in": force, "weld_capacity_kip_per_in": capacity}
