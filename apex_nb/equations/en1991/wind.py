"""EN 1991-1-4:2005+A1:2010 wind actions: peak velocity pressure and the signboard force (§7.4.3).

Every nationally determined parameter (z0, z_min, co, cs·cd, ρ, kI, the terrain-factor
constants) is an argument; the recommended values live in the ``en1991-1-4-signboards`` pack.
Units: m, m/s, kg/m³, N, Pa.
"""

from __future__ import annotations

import math

from apex_nb.equations.metadata import equation

_E = ("EN 1991-1-4:2005+A1:2010",)


@equation("{coefficient:g} (z0/{z0_ii:g})^{exponent:g}", clause="EN 1991-1-4 §4.3.2", number="(4.5)", editions=_E)
def terrain_factor(z0_m: float, z0_ii_m: float = 0.05, coefficient: float = 0.19, exponent: float = 0.07) -> float:
    """kr = 0.19 (z0 / z0,II)^0.07, EN 1991-1-4 §4.3.2, Expression (4.5)."""
    return coefficient * (z0_m / z0_ii_m) ** exponent


@equation("kr ln(max(ze, z_min)/z0)", clause="EN 1991-1-4 §4.3.2", number="(4.4)", editions=_E)
def roughness_factor(z_m: float, z0_m: float, z_min_m: float, kr: float) -> float:
    """cr(z) = kr ln(max(z, z_min) / z0), EN 1991-1-4 §4.3.2, Expression (4.4)."""
    return kr * math.log(max(z_m, z_min_m) / z0_m)


@equation("cr co vb", clause="EN 1991-1-4 §4.3.1", number="(4.3)", editions=_E)
def mean_wind_velocity_mps(cr: float, co: float, vb_mps: float) -> float:
    """vm(z) = cr(z) co(z) vb, EN 1991-1-4 §4.3.1, Expression (4.3)."""
    return cr * co * vb_mps


@equation("kI / (co ln(max(ze, z_min)/z0))", clause="EN 1991-1-4 §4.4", number="(4.7)", editions=_E)
def turbulence_intensity(z_m: float, z0_m: float, z_min_m: float, co: float, k_i: float = 1.0) -> float:
    """Iv(z) = kI / (co ln(max(z, z_min) / z0)), EN 1991-1-4 §4.4, Expression (4.7)."""
    return k_i / (co * math.log(max(z_m, z_min_m) / z0_m))


@equation("(1 + {peak_factor:g} Iv) ½ ρ vm²", clause="EN 1991-1-4 §4.5", number="(4.8)", editions=_E)
def peak_velocity_pressure_pa(iv: float, air_density_kg_m3: float, vm_mps: float, peak_factor: float = 7.0) -> float:
    """qp(z) = [1 + 7 Iv(z)] ½ ρ vm(z)², EN 1991-1-4 §4.5, Expression (4.8)."""
    return (1.0 + peak_factor * iv) * 0.5 * air_density_kg_m3 * vm_mps**2


@equation("zg + h/2", clause="EN 1991-1-4 §7.4.3", number="Figure 7.21", editions=_E)
def signboard_reference_height_m(clearance_m: float, height_m: float) -> float:
    """ze = zg + h/2, EN 1991-1-4 §7.4.3, Figure 7.21."""
    return clearance_m + 0.5 * height_m


def signboard_rule_applies(clearance_m: float, height_m: float, width_m: float) -> bool:
    """§7.4.3(2): cf = 1.80 holds when zg >= h/4, or when zg < h/4 with b/h <= 1.

    Otherwise the board is treated as a boundary wall (§7.4.1).
    """
    return clearance_m >= 0.25 * height_m or width_m / height_m <= 1.0


@equation("cs cd cf qp(ze) Aref", clause="EN 1991-1-4 §5.3", number="(5.3)", editions=_E)
def wind_force_n(cs_cd: float, cf: float, qp_pa: float, reference_area_m2: float) -> float:
    """Fw = cs cd cf qp(ze) Aref, EN 1991-1-4 §5.3, Expression (5.3)."""
    return cs_cd * cf * qp_pa * reference_area_m2


@equation("{ratio:g} b", clause="EN 1991-1-4 §7.4.3(3)", editions=_E)
def signboard_eccentricity_m(width_m: float, ratio: float = 0.25) -> float:
    """Horizontal eccentricity e = ±0.25 b of the resultant, EN 1991-1-4 §7.4.3(3)."""
    return ratio * width_m


@equation("b h", clause="EN 1991-1-4 §7.4.3", editions=_E)
def signboard_reference_area_m2(width_m: float, height_m: float) -> float:
    """Aref = b h, the signboard's reference area, m²."""
    return width_m * height_m


@equation("Fw ze", editions=_E)
def base_moment_n_m(force_n: float, reference_height_m: float) -> float:
    """Overturning moment at the base: Fw acting at ze, N·m."""
    return force_n * reference_height_m


@equation("Fw e", editions=_E)
def base_torsion_n_m(force_n: float, eccentricity_m: float) -> float:
    """Torsion at the base: Fw at its eccentricity e, N·m."""
    return force_n * eccentricity_m
