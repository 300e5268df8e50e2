"""ACI 318-19 Chapter 17: cast-in headed anchors in tension and shear (inch-pound units).

Units: lengths in in., areas in in², f'c in psi, forces in lb unless the name says kip; steel
stresses in ksi give kip. Every function is one code equation; the coefficients that the code
states as values (k_c, 0.7/0.3, 8, 160, 4.5 ...) are passed in from the ``aci318-19-anchors``
pack, the exponents that define the equation's form stay here with the equation number.
"""

from __future__ import annotations

import math

from apex_nb.equations.aci318 import aci318
from apex_nb.equations.metadata import equation
from apex_nb.units import LB_PER_KIP


@equation("0.7854 (da - 0.9743/n)²", clause="ASME B1.1")
def tensile_stress_area_in2(diameter_in: float, threads_per_inch: float) -> float:
    """Tensile stress area of a UNC-threaded rod, As = 0.7854 (d - 0.9743/n)² (ASME B1.1; ACI 318-19 Ase,N)."""
    return 0.7854 * (diameter_in - 0.9743 / threads_per_inch) ** 2


@equation("(√3/2) F² - π da²/4", clause="ASME B18.2.2")
def heavy_hex_bearing_area_in2(across_flats_in: float, diameter_in: float) -> float:
    """Net bearing area of a heavy hex head or nut, Abrg = (√3/2) F² - π d²/4 (ASME B18.2.2 hex, less the rod)."""
    return math.sqrt(3.0) / 2.0 * across_flats_in**2 - math.pi * diameter_in**2 / 4.0


@aci318("min(futa, 1.9 fya, 125 ksi)", "§17.6.1.2")
def futa_used_ksi(futa_ksi: float, fya_ksi: float, ratio_max: float, cap_ksi: float) -> float:
    """futa used in design: not more than 1.9 fya nor 125 ksi (§17.6.1.2)."""
    return min(futa_ksi, ratio_max * fya_ksi, cap_ksi)


@aci318("Ase futa", "§17.6.1.2", "Eq. 17.6.1.2")
def steel_tension_kip(ase_in2: float, futa_ksi: float) -> float:
    """Nsa = Ase,N futa, one anchor (Eq. 17.6.1.2)."""
    return ase_in2 * futa_ksi


@aci318("{phi:g} Ase futa", "§17.6.1.2, §17.5.3", "Eq. 17.6.1.2")
def design_steel_tension_kip(phi: float, ase_in2: float, futa_ksi: float) -> float:
    """φNsa = φ Ase,N futa, one anchor (Eq. 17.6.1.2 with φ of §17.5.3)."""
    return phi * steel_tension_kip(ase_in2, futa_ksi)


@aci318("0.6 Ase futa x {grout:g}", "§17.7.1.2", "Eq. 17.7.1.2a")
def steel_shear_kip(ase_in2: float, futa_ksi: float, factor: float, grout_pad_factor: float = 1.0) -> float:
    """Vsa = 0.6 Ase,V futa for cast-in headed bolts (Eq. 17.7.1.2a), x 0.8 on built-up grout pads (§17.7.1.2.1)."""
    return factor * ase_in2 * futa_ksi * grout_pad_factor


@aci318(
    "{kc:g} λa sqrt(f'c) hef^1.5 (<= 16 λa sqrt(f'c) hef^(5/3) for 11 <= hef <= 25 in.) / 1000",
    "§17.6.2.2.1",
    "Eqs. 17.6.2.2.1, 17.6.2.2.3",
)
def basic_breakout_tension_lb(
    kc: float, lambda_a: float, fc_psi: float, hef_in: float, deep: tuple[float, float, float] | None = None
) -> float:
    """Nb = kc λa sqrt(f'c) hef^1.5 (Eq. 17.6.2.2.1).

    ``deep`` = (coefficient 16, hef_min 11, hef_max 25): for cast-in headed bolts with
    11 in. <= hef <= 25 in., Nb need not exceed 16 λa sqrt(f'c) hef^(5/3) (Eq. 17.6.2.2.3).
    """
    nb = kc * lambda_a * math.sqrt(fc_psi) * hef_in**1.5
    if deep is not None:
        coefficient, low, high = deep
        if low <= hef_in <= high:
            nb = min(nb, coefficient * lambda_a * math.sqrt(fc_psi) * hef_in ** (5.0 / 3.0))
    return nb


@aci318("9 hef²", "§17.6.2.1.4", "Eq. 17.6.2.1.4")
def anco_in2(hef_in: float, coefficient: float = 9.0) -> float:
    """ANco = 9 hef², projected area of one anchor far from edges (Eq. 17.6.2.1.4)."""
    return coefficient * hef_in**2


def projected_length_in(
    edge_before_in: float | None, span_in: float, edge_after_in: float | None, reach_in: float
) -> float:
    """One side of a projected area: min(c1, reach) + span + min(c2, reach); None means no edge.

    Used for ANc (reach 1.5 hef, Fig. R17.6.2.1) and AVc (reach 1.5 ca1, Fig. R17.7.2.1b).
    """
    before = reach_in if edge_before_in is None else min(edge_before_in, reach_in)
    after = reach_in if edge_after_in is None else min(edge_after_in, reach_in)
    return before + span_in + after


def psi_edge(ca_min_in: float | None, reach_in: float, base: float, slope: float) -> float:
    """ψed = 1.0 when ca,min >= reach, else base + slope ca,min/reach.

    Tension: reach 1.5 hef (Eq. 17.6.2.4.1a/b); shear: ca2 against 1.5 ca1 (Eq. 17.7.2.4.1a/b).
    """
    if ca_min_in is None or ca_min_in >= reach_in:
        return 1.0
    return base + slope * ca_min_in / reach_in


@aci318("(ANc/ANco) ψec,N ψed,N ψc,N ({psi_c:g}) ψcp,N ({psi_cp:g}) Nb", "§17.6.2.1", "Eq. 17.6.2.1b")
def breakout_tension_group_lb(
    anc_in2: float, anco: float, psi_ec: float, psi_ed: float, psi_c: float, psi_cp: float, nb_lb: float
) -> float:
    """Ncbg = (ANc/ANco) ψec,N ψed,N ψc,N ψcp,N Nb (Eq. 17.6.2.1b; Eq. 17.6.2.1a for one anchor)."""
    return anc_in2 / anco * psi_ec * psi_ed * psi_c * psi_cp * nb_lb


@aci318("max(ca,max/1.5, s_max/3)", "§17.6.2.1.2")
def reduced_hef_in(hef_in: float, ca_max_in: float, s_max_in: float, reach_factor: float, s_divisor: float) -> float:
    """hef' = max(ca,max/1.5, s_max/3) when anchors sit within 1.5 hef of three or more edges (§17.6.2.1.2)."""
    return min(hef_in, max(ca_max_in / reach_factor, s_max_in / s_divisor))


@aci318("8 Abrg f'c", "§17.6.3.2.2", "Eq. 17.6.3.2.2a")
def pullout_basic_lb(abrg_in2: float, fc_psi: float, coefficient: float = 8.0) -> float:
    """Np = 8 Abrg f'c for cast-in headed studs and bolts (Eq. 17.6.3.2.2a)."""
    return coefficient * abrg_in2 * fc_psi


@aci318("ψc,P ({psi_cp:g}) {np} / 1000", "§17.6.3.1", "Eq. 17.6.3.1")
def pullout_lb(np_lb: float, psi_c_p: float) -> float:
    """Npn = ψc,P Np (Eq. 17.6.3.1)."""
    return psi_c_p * np_lb


@aci318("ψc,P ({psi_cp:g}) 8 Abrg f'c / 1000", "§17.6.3.1, §17.6.3.2.2", "Eqs. 17.6.3.1, 17.6.3.2.2a")
def pullout_kip(abrg_in2: float, fc_psi: float, psi_c_p: float, coefficient: float = 8.0) -> float:
    """Npn = ψc,P Np, Np = 8 Abrg f'c, in kip (Eqs. 17.6.3.1 and 17.6.3.2.2a)."""
    return pullout_lb(pullout_basic_lb(abrg_in2, fc_psi, coefficient), psi_c_p) / LB_PER_KIP


@aci318("160 ca1 sqrt(Abrg) λa sqrt(f'c) [x (1 + ca2/ca1)/4]", "§17.6.4.1", "Eq. 17.6.4.1")
def side_face_blowout_lb(
    ca1_in: float,
    abrg_in2: float,
    lambda_a: float,
    fc_psi: float,
    coefficient: float = 160.0,
    ca2_in: float | None = None,
    corner_ratio_limit: float = 3.0,
    corner_divisor: float = 4.0,
) -> float:
    """Nsb = 160 ca1 sqrt(Abrg) λa sqrt(f'c) (Eq. 17.6.4.1), x (1 + ca2/ca1)/4 when ca2 < 3 ca1.

    The ratio ca2/ca1 is taken between 1 and 3 (§17.6.4.1.1). Applies when hef > 2.5 ca1.
    """
    nsb = coefficient * ca1_in * math.sqrt(abrg_in2) * lambda_a * math.sqrt(fc_psi)
    if ca2_in is not None and ca2_in < corner_ratio_limit * ca1_in:
        ratio = min(max(ca2_in / ca1_in, 1.0), corner_ratio_limit)
        nsb *= (1.0 + ratio) / corner_divisor
    return nsb


@aci318("[x (1 + s/(6 ca1))]", "§17.6.4.2", "Eq. 17.6.4.2")
def side_face_blowout_group_lb(nsb_lb: float, s_in: float, ca1_in: float, divisor: float = 6.0) -> float:
    """Nsbg = (1 + s/(6 ca1)) Nsb for headed anchors along an edge with s < 6 ca1 (Eq. 17.6.4.2)."""
    return (1.0 + s_in / (divisor * ca1_in)) * nsb_lb


@aci318(
    "160 ca1 sqrt(Abrg) λa sqrt(f'c) [x (1 + ca2/ca1)/4] [x (1 + s/(6 ca1))] / 1000",
    "§17.6.4.1, §17.6.4.2",
    "Eqs. 17.6.4.1, 17.6.4.2",
)
def side_face_blowout_kip(
    ca1_in: float, ca2_in: float | None, abrg_in2: float, lambda_a: float, fc_psi: float, rods_along: int,
    spacing_in: float, coefficient: float = 160.0, corner_ratio_limit: float = 3.0, corner_divisor: float = 4.0,
    group_spacing_divisor: float = 6.0,
) -> float:  # fmt: skip
    """Nsb of ``rods_along`` rods at edge distance ca1, kip: Eq. 17.6.4.1, as a group (Eq. 17.6.4.2) when s < 6 ca1."""
    single = side_face_blowout_lb(
        ca1_in, abrg_in2, lambda_a, fc_psi, coefficient, ca2_in, corner_ratio_limit, corner_divisor
    )
    nsb = single / LB_PER_KIP
    if rods_along > 1 and spacing_in < group_spacing_divisor * ca1_in:
        nsb = side_face_blowout_group_lb(nsb, spacing_in * (rods_along - 1), ca1_in, group_spacing_divisor)
    return nsb


@aci318(
    "min(7 (le/da)^0.2 sqrt(da), 9) λa sqrt(f'c) ca1^1.5 / 1000, le = min(hef, 8 da)",
    "§17.7.2.2.1",
    "Eqs. 17.7.2.2.1a, b",
)
def basic_breakout_shear_lb(
    le_in: float,
    da_in: float,
    lambda_a: float,
    fc_psi: float,
    ca1_in: float,
    coefficient: float = 7.0,
    cap_coefficient: float = 9.0,
) -> float:
    """Vb = min(7 (le/da)^0.2 sqrt(da) λa sqrt(f'c) ca1^1.5, 9 λa sqrt(f'c) ca1^1.5) (Eq. 17.7.2.2.1a/b)."""
    root = lambda_a * math.sqrt(fc_psi) * ca1_in**1.5
    return min(coefficient * (le_in / da_in) ** 0.2 * math.sqrt(da_in) * root, cap_coefficient * root)


@aci318("4.5 ca1²", "§17.7.2.1.3", "Eq. 17.7.2.1.3")
def avco_in2(ca1_in: float, coefficient: float = 4.5) -> float:
    """AVco = 4.5 ca1², projected area of one anchor in shear (Eq. 17.7.2.1.3)."""
    return coefficient * ca1_in**2


@aci318("sqrt(1.5 ca1/ha) >= 1", "§17.7.2.6.1", "Eq. 17.7.2.6.1")
def psi_h_shear(ca1_in: float, ha_in: float | None, reach_factor: float = 1.5) -> float:
    """ψh,V = sqrt(1.5 ca1/ha) >= 1.0 for members thinner than 1.5 ca1 (Eq. 17.7.2.6.1)."""
    if ha_in is None or ha_in >= reach_factor * ca1_in:
        return 1.0
    return math.sqrt(reach_factor * ca1_in / ha_in)


@aci318("(AVc/AVco) ψec,V ψed,V ψc,V ψh,V Vb", "§17.7.2.1", "Eq. 17.7.2.1b")
def breakout_shear_group_lb(
    avc_in2: float, avco: float, psi_ec: float, psi_ed: float, psi_c: float, psi_h: float, vb_lb: float
) -> float:
    """Vcbg = (AVc/AVco) ψec,V ψed,V ψc,V ψh,V Vb (Eq. 17.7.2.1b; Eq. 17.7.2.1a for one anchor)."""
    return avc_in2 / avco * psi_ec * psi_ed * psi_c * psi_h * vb_lb


def reduced_ca1_in(ca1_in: float, ca2_max_in: float, ha_in: float, s_max_in: float, s_divisor: float = 3.0) -> float:
    """ca1 limited to max(ca2,max/1.5, ha/1.5, s/3) in narrow thin members (§17.7.2.1.2)."""
    return min(ca1_in, max(ca2_max_in / 1.5, ha_in / 1.5, s_max_in / s_divisor))


@aci318("kcp Ncpg", "§17.7.3.1", "Eq. 17.7.3.1b")
def pryout_lb(ncp_lb: float, hef_in: float, kcp_shallow: float, kcp_deep: float, hef_split_in: float) -> float:
    """Vcpg = kcp Ncpg, kcp = 1.0 for hef < 2.5 in., 2.0 otherwise (Eq. 17.7.3.1a/b)."""
    return (kcp_shallow if hef_in < hef_split_in else kcp_deep) * ncp_lb


def interaction_demand(tension_ratio: float, shear_ratio: float, small_ratio: float = 0.2) -> tuple[float, str]:
    """Interaction term and the §17.8 branch that applies.

    Vua/φVn <= 0.2: tension alone (§17.8.1); Nua/φNn <= 0.2: shear alone (§17.8.2);
    otherwise Nua/φNn + Vua/φVn <= 1.2 (Eq. 17.8.3). Returns (demand, branch); compare the
    demand against 1.0 for the first two branches and 1.2 for the sum.
    """
    if shear_ratio <= small_ratio:
        return tension_ratio, "tension_only"
    if tension_ratio <= small_ratio:
        return shear_ratio, "shear_only"
    return tension_ratio + shear_ratio, "sum"


@aci318("As fy", "§17.5.2.1(a)")
def anchor_reinforcement_tension_kip(as_in2: float, fy_ksi: float) -> float:
    """Nominal strength of anchor reinforcement in tension, As fy (ACI 318-19 §17.5.2.1(a), used with φ 0.75)."""
    return as_in2 * fy_ksi


@aci318("{phi:g} As fy", "§17.5.2.1(a), §17.5.3")
def design_anchor_reinforcement_tension_kip(phi: float, as_in2: float, fy_ksi: float) -> float:
    """φ As fy of anchor reinforcement in tension (ACI 318-19 §17.5.2.1(a), φ 0.75 of §17.5.3)."""
    return phi * anchor_reinforcement_tension_kip(as_in2, fy_ksi)


@aci318("Nua,g / φNcbg", "§17.5.2.1")
def plain_breakout_ratio(group_demand_kip: float, design_breakout_kip: float) -> float:
    """Demand over the plain-concrete breakout strength, kept for comparison when anchor reinforcement replaces it."""
    return group_demand_kip / design_breakout_kip


@aci318("fy ψr ψo ψc db^1.5/(55 sqrt(f'c)), ψr {psi_r:g}, ψo {psi_o:g}, ψc {psi_c:.3g}", "§25.4.3.1", "Eq. 25.4.3.1a")
def hooked_development_length_in(
    db_in: float, fy_psi: float, fc_psi: float, psi_product: float, lam: float = 1.0, divisor: float = 55.0,
    min_db: float = 8.0, min_in: float = 6.0,
) -> float:  # fmt: skip
    """ldh = fy ψe ψr ψo ψc db^1.5 / (55 λ sqrt(f'c)) >= max(8 db, 6 in.) (ACI 318-19 Eq. 25.4.3.1a)."""
    return max(fy_psi * psi_product * db_in**1.5 / (divisor * lam * math.sqrt(fc_psi)), min_db * db_in, min_in)


def breakout_surface_depth_in(hef_in: float, offset_in: float, run_over_rise: float = 1.5) -> float:
    """Depth below the top where a bar ``offset_in`` from the anchor crosses the 35° breakout surface (R17.6.2.1)."""
    return hef_in - offset_in / run_over_rise


@aci318("({length_1:.3f}) ({length_2:.3f})", "§17.6.2.1.1, §17.7.2.1.1")
def projected_area_in2(length_1_in: float, length_2_in: float) -> float:
    """A projected breakout area as the product of its two sides, ANc (§17.6.2.1.1) or AVc (§17.7.2.1.1)."""
    return length_1_in * length_2_in


@aci318("1.0 if ca,min >= 1.5 hef else 0.7 + 0.3 ca,min/(1.5 hef)", "§17.6.2.4.1", "Eqs. 17.6.2.4.1a, b")
def psi_ed_tension(ca_min_in: float | None, reach_in: float, base: float, slope: float) -> float:
    """ψed,N = 1.0 when ca,min >= 1.5 hef, else 0.7 + 0.3 ca,min/(1.5 hef) (Eqs. 17.6.2.4.1a, b)."""
    return psi_edge(ca_min_in, reach_in, base, slope)


@aci318("0.7 + 0.3 ca2/(1.5 ca1) <= 1", "§17.7.2.4.1", "Eqs. 17.7.2.4.1a, b")
def psi_ed_shear(ca2_in: float | None, reach_in: float, base: float, slope: float) -> float:
    """ψed,V = 1.0 when ca2 >= 1.5 ca1, else 0.7 + 0.3 ca2/(1.5 ca1) (Eqs. 17.7.2.4.1a, b)."""
    return psi_edge(ca2_in, reach_in, base, slope)


@aci318("hef - offset/1.5 - top", "R17.5.2.1")
def bar_length_above_breakout_in(hef_in: float, offset_in: float, run_over_rise: float, top_in: float) -> float:
    """Length of an anchor-reinforcement bar from its hooked top down to the breakout surface (R17.5.2.1)."""
    return breakout_surface_depth_in(hef_in, offset_in, run_over_rise) - top_in
