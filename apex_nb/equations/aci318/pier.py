"""ACI 318-19 reinforced circular piers: flexure by strain compatibility, shear, ties, development.

Units: in., in², kip, ksi, kip-in unless the name says otherwise; sqrt(f'c) terms in psi as the
code writes them. Every function is one code rule; code coefficients come from the
``aci318-pier`` pack.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from apex_nb.equations.aci318 import aci318
from apex_nb.equations.metadata import equation
from apex_nb.units import IN_PER_FT, LB_PER_KIP


def beta1(fc_psi: float) -> float:
    """β1 = 0.85 for f'c <= 4000 psi, - 0.05 per 1000 psi above, >= 0.65 (ACI 318-19 Table 22.2.2.4.3)."""
    return min(0.85, max(0.65, 0.85 - 0.05 * (fc_psi - 4000.0) / 1000.0))


def bar_depths_in(diameter_in: float, cover_to_bar_centre_in: float, bars: int) -> list[float]:
    """Depth of each of ``bars`` equally spaced bars on a circle below the compression face (one bar at the top)."""
    radius = diameter_in / 2.0 - cover_to_bar_centre_in
    return [diameter_in / 2.0 - radius * math.cos(2.0 * math.pi * i / bars) for i in range(bars)]


def circle_segment(diameter_in: float, depth_in: float) -> tuple[float, float]:
    """(area, centroid distance from the circle centre toward the segment) of a circular segment of depth a."""
    r = diameter_in / 2.0
    a = min(max(depth_in, 0.0), diameter_in)
    if a <= 0.0:
        return 0.0, 0.0
    theta = math.acos((r - a) / r)
    area = r * r * (theta - math.sin(theta) * math.cos(theta))
    if area <= 0.0:
        return 0.0, 0.0
    chord_half = r * math.sin(theta)
    centroid = 2.0 * chord_half**3 / (3.0 * area)
    return area, centroid


def section_forces(
    diameter_in: float,
    depths_in: Sequence[float],
    bar_area_in2: float,
    c_in: float,
    fc_psi: float,
    fy_ksi: float,
    es_ksi: float,
    eps_cu: float = 0.003,
) -> tuple[float, float]:
    """(P, M) of a circular section at neutral-axis depth c: Whitney block (§22.2.2.4.1), bars elastic-plastic.

    P is compression-positive, kip; M about the centre, kip-in (ACI 318-19 §22.2 assumptions).
    """
    fc = fc_psi / 1000.0
    a = beta1(fc_psi) * c_in
    area, centroid = circle_segment(diameter_in, a)
    force = 0.85 * fc * area
    moment = force * centroid
    for depth in depths_in:
        strain = eps_cu * (c_in - depth) / c_in
        stress = max(-fy_ksi, min(fy_ksi, es_ksi * strain))
        if depth < a:
            stress -= 0.85 * fc  # concrete displaced by the bar
        force += stress * bar_area_in2
        moment += stress * bar_area_in2 * (diameter_in / 2.0 - depth)
    return force, moment


@aci318("Σ (concrete block + bar forces) about the centre", "§22.2, §22.4")
def nominal_moment_kip_in(
    diameter_in: float,
    depths_in: Sequence[float],
    bar_area_in2: float,
    axial_kip: float,
    fc_psi: float,
    fy_ksi: float,
    es_ksi: float,
) -> tuple[float, float]:
    """(Mn, c): the neutral axis c where the section force equals the axial load, by bisection (§22.2, §22.4)."""
    low, high = 1e-6, 3.0 * diameter_in
    for _ in range(200):
        mid = (low + high) / 2.0
        force, _ = section_forces(diameter_in, depths_in, bar_area_in2, mid, fc_psi, fy_ksi, es_ksi)
        if force > axial_kip:
            high = mid
        else:
            low = mid
    c = (low + high) / 2.0
    return section_forces(diameter_in, depths_in, bar_area_in2, c, fc_psi, fy_ksi, es_ksi)[1], c


def phi_flexure(eps_t: float, eps_ty: float, phi_tension: float = 0.90, phi_compression: float = 0.65) -> float:
    """φ from the net tensile strain εt (ACI 318-19 Table 21.2.2, other than spiral)."""
    if eps_t >= eps_ty + 0.003:
        return phi_tension
    if eps_t <= eps_ty:
        return phi_compression
    return phi_compression + (phi_tension - phi_compression) * (eps_t - eps_ty) / 0.003


@aci318("2 sqrt(f'c) D (0.8 D)", "§22.5.5.1, §22.5.2.2", "Table 22.5.5.1 (a)")
def concrete_shear_kip(fc_psi: float, bw_in: float, d_in: float, lam: float = 1.0, coefficient: float = 2.0) -> float:
    """Vc = 2 λ sqrt(f'c) bw d (ACI 318-19 Table 22.5.5.1 (a), Nu = 0); circular bw = D, d = 0.8 D (§22.5.2.2)."""
    return coefficient * lam * math.sqrt(fc_psi) * bw_in * d_in / 1000.0


def tie_spacing_max_in(bar_db_in: float, tie_db_in: float, least_dim_in: float) -> float:
    """s <= min(16 db, 48 d_tie, least dimension) (ACI 318-19 §25.7.2.1)."""
    return min(16.0 * bar_db_in, 48.0 * tie_db_in, least_dim_in)


def shear_tie_spacing_in(av_in2: float, fyt_ksi: float, d_in: float, vs_needed_kip: float) -> float:
    """s = Av fyt d / Vs (ACI 318-19 Eq. 22.5.8.5.3); inf when no Vs is needed."""
    if vs_needed_kip <= 0.0:
        return math.inf
    return av_in2 * fyt_ksi * d_in / vs_needed_kip


@aci318("fy db/(25 or 20 sqrt(f'c)), >= 12", "§25.4.2.3", "Table 25.4.2.3")
def development_length_in(
    db_in: float, fy_psi: float, fc_psi: float, small_bar: bool, lam: float = 1.0, psi_t: float = 1.0,
    psi_e: float = 1.0, minimum_in: float = 12.0,
) -> float:  # fmt: skip
    """ld = fy ψt ψe db / (25 λ sqrt(f'c)) for #6 and smaller, / (20 λ sqrt(f'c)) for #7 and larger, >= 12 in.

    ACI 318-19 Table 25.4.2.3 (clear spacing >= db, clear cover >= db, ties along ld: the first row).
    """
    divisor = 25.0 if small_bar else 20.0
    return max(fy_psi * psi_t * psi_e * db_in / (divisor * lam * math.sqrt(fc_psi)), minimum_in)


@equation(formula="P (h + 2 z0/3)", clause="Broms (1964), free-head short pier")
def broms_max_moment(force: float, height: float, k_reaction: float) -> tuple[float, float]:
    """(M_max, z0): free-head short pier, soil reaction k z per unit depth (force per length²).

    Shear is zero at z0 = sqrt(2 P / k); M_max = P (h + z0) - k z0³/6 = P (h + 2 z0/3) (Broms 1964,
    cohesionless form, with the IBC lateral bearing as k = S b per ft of depth).
    """
    z0 = broms_zero_shear_depth(force, k_reaction)
    return force * (height + 2.0 * z0 / 3.0), z0


@equation(formula="sqrt(2P/(S b))", clause="Broms (1964), free-head short pier; IBC §1807.3 S b per ft of depth")
def broms_zero_shear_depth(force: float, k_reaction: float) -> float:
    """z0 = sqrt(2 P / k), the depth of zero shear (largest moment) with k = S b per unit depth (Broms 1964)."""
    return math.sqrt(2.0 * force / k_reaction)


@equation("α P (h + 2 z0/3)", clause="Broms (1964), free-head short pier; ASD wind effects x α to strength level")
def factored_moment_kip_in(alpha: float, moment_lb_ft: float) -> float:
    """Mu = α M_max, the Broms moment P (h + 2 z0/3) raised to strength level (α = 1.0W/0.6W), kip-in."""
    return alpha * moment_lb_ft * IN_PER_FT / LB_PER_KIP


@equation("α P", clause="ASD wind effects x α to strength level")
def factored_shear_kip(alpha: float, force_lb: float) -> float:
    """Vu = α P, the lateral force at grade raised to strength level, kip."""
    return alpha * force_lb / LB_PER_KIP


@aci318("{ratio:g} Ag", "§18.13.5.8")
def min_longitudinal_steel_in2(ratio: float, gross_area_in2: float) -> float:
    """As,min = ρmin Ag, minimum longitudinal steel (ACI 318-19 §18.13.5.8, deep foundations; ρmin from the pack)."""
    return ratio * gross_area_in2


@aci318("0.003 (dt - c)/c", "§21.2.2, §22.2.2.1")
def net_tensile_strain(dt_in: float, c_in: float, eps_cu: float = 0.003) -> float:
    """εt = εcu (dt - c)/c, the net tensile strain of the extreme tension bar (ACI 318-19 §21.2.2, εcu §22.2.2.1)."""
    return eps_cu * (dt_in - c_in) / c_in


@aci318("φ Σ (concrete block + bar forces) about the centre", "§21.2.2, §22.2")
def design_moment_kip_in(phi: float, nominal_kip_in: float) -> float:
    """φMn of the circular section, φ from εt (Table 21.2.2), Mn by strain compatibility (§22.2)."""
    return phi * nominal_kip_in


@aci318("min(16 db, 48 dtie, D; Av fyt d/Vs and d/2 if Vs needed)", "§25.7.2.1, §9.7.6.2.2, §22.5.8.5.3")
def tie_spacing_in(
    bar_db_in: float, tie_db_in: float, diameter_in: float, av_in2: float, fyt_ksi: float, d_in: float,
    vs_needed_kip: float,
) -> float:  # fmt: skip
    """Tie spacing in whole inches: §25.7.2.1 detailing, and d/2 and Av fyt d/Vs (Eq. 22.5.8.5.3) when Vs is needed."""
    detail = tie_spacing_max_in(bar_db_in, tie_db_in, diameter_in)
    if vs_needed_kip == 0.0:
        return math.floor(detail)
    return math.floor(min(detail, d_in / 2.0, shear_tie_spacing_in(av_in2, fyt_ksi, d_in, vs_needed_kip)))


@aci318("φ (Vc + Av fyt d/s)", "§22.5.1.1, §22.5.8.5.3")
def design_shear_kip(phi: float, vc_kip: float, av_in2: float, fyt_ksi: float, d_in: float, s_in: float) -> float:
    """φVn = φ (Vc + Vs), Vs = Av fyt d/s of the ties (ACI 318-19 Eqs. 22.5.1.1, 22.5.8.5.3)."""
    return phi * (vc_kip + (av_in2 * fyt_ksi * d_in / s_in if s_in > 0 else 0.0))


@aci318("ld x Mu/φMn (As,req/As,prov), >= 12 in.", "§25.4.10.1, §25.4.2.1")
def required_development_in(ld_in: float, mu_kip_in: float, phi_mn_kip_in: float, minimum_in: float = 12.0) -> float:
    """ld reduced by the excess reinforcement Mu/φMn (§25.4.10.1), not less than 12 in. (§25.4.2.1(b))."""
    excess = min(mu_kip_in / phi_mn_kip_in, 1.0) if phi_mn_kip_in > 0 else 1.0
    return max(ld_in * excess, minimum_in)


@equation("min((projection + z0) - end cover, (depth - z0) - end cover)", clause="ACI 318-19 §25.4")
def available_bar_length_in(projection_ft: float, z0_ft: float, depth_ft: float, end_cover_in: float) -> float:
    """Bar length on the shorter side of the largest-moment section (above to the top, below to the toe), in."""
    top_in = (projection_ft + z0_ft) * IN_PER_FT - end_cover_in
    bottom_in = (depth_ft - z0_ft) * IN_PER_FT - end_cover_in
    return min(top_in, bottom_in)


@equation("n L w_bar + ties x (π d_hoop + lap) w_tie")
def rebar_weight_lb(
    bars: int, bar_length_ft: float, bar_lb_per_ft: float, ties: int, hoop_ft: float, tie_lb_per_ft: float
) -> float:
    """Rebar weight of one pier: the longitudinal bars plus the lapped hoops (bill of materials), lb."""
    return bars * bar_length_ft * bar_lb_per_ft + ties * hoop_ft * tie_lb_per_ft
