"""Torsional resistance of a drilled shaft (pole footing) in soil, from side and base resistance.

Method: the torque a round shaft of diameter D and depth L can develop is its side resistance
fs(z) acting on the perimeter at the radius D/2, plus the base resistance acting over the base
disc, T = ∫ fs(z) π D (D/2) dz + T_base (the form used for sign and mast-arm shafts by Illinois
DOT, AGMU Memo 11.1 "Shaft Overturning and Torsion Analysis", June 2011, after AASHTO LTS
§13.6, and FHWA GEC 10 (FHWA-NHI-10-016, 2010) side resistance). The unit resistances are the
IBC presumptive lateral sliding resistance of Table 1806.2 (2018, 2021, 2024 editions), so no
geotechnical report is needed and the result is an allowable (ASD) torque:
- friction classes: fs = μ σh with the at-rest normal stress σh = K0 γ z (μ footnote a);
- cohesive class: fs = c (footnote b: cohesion times the contact area).
Units: ft, lb, psf, pcf, lb-ft.
"""

from __future__ import annotations

import math

from apex_nb.equations.metadata import equation
from apex_nb.units import IN_PER_FT

_T = "IBC Table 1806.2"


@equation("π μ K0 γ D² L²/4", clause=_T + " note a")
def friction_side_torque_lb_ft(diameter_ft: float, depth_ft: float, mu: float, k0: float, gamma_pcf: float) -> float:
    """T_side = ∫0^L μ K0 γ z π D (D/2) dz = π μ K0 γ D² L² / 4 (IBC Table 1806.2 note a on the shaft side)."""
    return math.pi * mu * k0 * gamma_pcf * diameter_ft**2 * depth_ft**2 / 4.0


@equation("π c D² L/2", clause=_T + " note b")
def cohesion_side_torque_lb_ft(diameter_ft: float, depth_ft: float, cohesion_psf: float) -> float:
    """T_side = c π D L (D/2) = π c D² L / 2 (IBC Table 1806.2 note b on the shaft side)."""
    return math.pi * cohesion_psf * diameter_ft**2 * depth_ft / 2.0


@equation("μ N D/3", clause=_T + " note a")
def friction_base_torque_lb_ft(normal_force_lb: float, mu: float, diameter_ft: float) -> float:
    """T_base = μ N D/3: uniform friction μ N/A over a disc of radius D/2 (∫ τ r dA = τ π D³/12)."""
    return mu * normal_force_lb * diameter_ft / 3.0


@equation("c π D³/12", clause=_T + " note b")
def cohesion_base_torque_lb_ft(cohesion_psf: float, diameter_ft: float) -> float:
    """T_base = c π D³/12: uniform adhesion c over the base disc."""
    return cohesion_psf * math.pi * diameter_ft**3 / 12.0


@equation("π D²/4 L γc")
def shaft_weight_lb(diameter_ft: float, depth_ft: float, unit_weight_pcf: float) -> float:
    """Concrete weight of the shaft, π D²/4 L γc."""
    return math.pi * diameter_ft**2 / 4.0 * depth_ft * unit_weight_pcf


@equation("min(c π D³/12, 0.5 N D/3)", clause="IBC Table 1806.2 note b; §1806.3.2")
def cohesion_base_torque_capped_lb_ft(cohesion_psf: float, diameter_ft: float, normal_force_lb: float) -> float:
    """Base adhesion torque of a cohesive class, capped like sliding at one-half the dead load (§1806.3.2)."""
    return min(cohesion_base_torque_lb_ft(cohesion_psf, diameter_ft), 0.5 * normal_force_lb * diameter_ft / 3.0)


@equation("{dead_load_factor:g} (π D²/4 L γc + dead load)")
def base_normal_force_lb(dead_load_factor: float, shaft_weight: float, dead_load_lb: float) -> float:
    """Normal force on the shaft base: the counteracting dead-load factor times shaft weight plus dead load, lb."""
    return dead_load_factor * (shaft_weight + dead_load_lb)


@equation("T_side + T_base")
def allowable_torque_lb_ft(side_lb_ft: float, base_lb_ft: float) -> float:
    """Allowable torque of the shaft in the soil: side plus base resistance, lb-ft."""
    return side_lb_ft + base_lb_ft


# Torsion transfer from an embedded post to the shaft by welded lugs (statics of the stated detail;
# the lug bearing strength itself is ACI 318-19 §22.8.3.2, ``apex_nb.equations.aci318.bearing``).


@equation("b/2 + projection/2")
def lug_lever_in(post_width_in: float, projection_in: float) -> float:
    """Post axis to the resultant of a lug's bearing, at mid-projection beyond the post face, in."""
    return post_width_in / 2.0 + projection_in / 2.0


@equation("T x 12 x {factor:g}")
def strength_torsion_kip_in(torsion_kip_ft: float, asd_to_strength: float) -> float:
    """Strength-level torsion on the lugs: the ASD torsion (kip-ft) in kip-in x the ASD-to-strength factor."""
    return torsion_kip_ft * IN_PER_FT * asd_to_strength


@equation("Tu / (n r)")
def lug_force_kip(torsion_kip_in: float, lugs: int, lever_in: float) -> float:
    """Bearing force on each of ``lugs`` lugs sharing the torque equally at lever r, kip."""
    return torsion_kip_in / (lugs * lever_in)


@equation("n x projection x height x t x density")
def lug_weight_lb(
    lugs: int, projection_in: float, height_in: float, thickness_in: float, density_lb_in3: float
) -> float:
    """Steel weight of the lug plates (bill of materials), lb."""
    return lugs * projection_in * height_in * thickness_in * density_lb_in3
