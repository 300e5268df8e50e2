"""AISC 360-16 §J2 fillet welds and §J4 base metal, plus weld-line section properties.

Units: in., kip, ksi. A weld treated as a line (unit throat): length L (in.), section modulus
S (in²) and polar moment J (in³); forces per inch of weld are in kip/in.
"""

from __future__ import annotations

import math

from apex_nb.equations.aisc360 import aisc360
from apex_nb.equations.metadata import equation


@aisc360("0.60 FEXX (0.707 w)", "§J2.4", "Eq. J2-3, Table J2.5")
def fillet_strength_kip_per_in(
    fexx_ksi: float, size_in: float, fnw_over_fexx: float = 0.60, throat: float = 0.707
) -> float:
    """Rn = Fnw Awe per inch = 0.60 FEXX (0.707 w) (AISC 360-16 Eq. J2-3, Table J2.5; θ = 0, no increase)."""
    return fnw_over_fexx * fexx_ksi * throat * size_in


@aisc360("0.60 Fu t", "§J4.2(b)", "Eq. J4-4")
def base_metal_shear_rupture_kip_per_in(fu_ksi: float, thickness_in: float, fnv_over_fu: float = 0.60) -> float:
    """Rn = 0.60 Fu Anv per inch of the connected wall (AISC 360-16 Eq. J4-4)."""
    return fnv_over_fu * fu_ksi * thickness_in


def min_fillet_size_in(thinner_part_in: float, rows: list[tuple[float | None, float]]) -> float:
    """Minimum fillet size from AISC 360-16 Table J2.4 rows (thickness_max or None, size)."""
    for thickness_max, size in rows:
        if thickness_max is None or thinner_part_in <= thickness_max:
            return size
    return rows[-1][1]


def circle_weld_properties(diameter_in: float) -> tuple[float, float, float]:
    """(L, S, J) of a circular weld line of diameter D: πD, πD²/4, πD³/4."""
    return math.pi * diameter_in, math.pi * diameter_in**2 / 4.0, math.pi * diameter_in**3 / 4.0


def rectangle_weld_properties(b_in: float, d_in: float) -> tuple[float, float, float]:
    """(L, S, J) of a rectangular weld line, bending with d in the moment direction.

    L = 2(b + d), S = b d + d²/3, J = (b + d)³/6 (AISC Manual Part 8 / Blodgett, line method).
    """
    return 2.0 * (b_in + d_in), b_in * d_in + d_in**2 / 3.0, (b_in + d_in) ** 3 / 6.0


def weld_components_kip_per_in(
    axial_kip: float,
    moment_kip_in: float,
    shear_kip: float,
    torsion_kip_in: float,
    length_in: float,
    modulus_in2: float,
    shear_length_in: float,
    polar_in3: float,
    radius_in: float,
) -> tuple[float, float]:
    """Peak (normal, tangential) force per inch: (P/L + M/S, V/Lv + T r/J), peaks taken at one point (conservative)."""
    normal = weld_normal_kip_per_in(axial_kip, moment_kip_in, length_in, modulus_in2)
    tangential = weld_tangential_kip_per_in(shear_kip, torsion_kip_in, shear_length_in, polar_in3, radius_in)
    return normal, tangential


@equation(formula="P/L + M/S", clause="AISC Manual Part 8 (elastic method, weld as a line)")
def weld_normal_kip_per_in(axial_kip: float, moment_kip_in: float, length_in: float, modulus_in2: float) -> float:
    """Peak normal force per inch of a weld line, axial plus bending: P/L + M/S (line method)."""
    return abs(axial_kip) / length_in + abs(moment_kip_in) / modulus_in2


@equation(formula="V/Lv + T r/J", clause="AISC Manual Part 8 (elastic method, weld as a line)")
def weld_tangential_kip_per_in(
    shear_kip: float, torsion_kip_in: float, shear_length_in: float, polar_in3: float, radius_in: float
) -> float:
    """Peak tangential force per inch of a weld line, shear plus torsion: V/Lv + T r/J (line method)."""
    return abs(shear_kip) / shear_length_in + abs(torsion_kip_in) * radius_in / polar_in3


@equation(formula="sqrt(fw,n² + fw,v²)", clause="AISC Manual Part 8 (elastic method, weld as a line)")
def weld_resultant_kip_per_in(normal_kip_per_in: float, tangential_kip_per_in: float) -> float:
    """Resultant force per inch of the normal and tangential components (θ = 0 taken, no directional increase)."""
    return math.hypot(normal_kip_per_in, tangential_kip_per_in)


@aisc360("Fu t", "§J4.1(b)", "Eq. J4-2")
def base_metal_tension_rupture_kip_per_in(fu_ksi: float, thickness_in: float) -> float:
    """Rn = Fu Ae per inch of the connected wall, normal force (AISC 360-16 §J4.1(b), Eq. J4-2)."""
    return fu_ksi * thickness_in


def _available(nominal: float, phi: float, omega: float, lrfd: bool) -> float:
    """φRn (LRFD, AISC 360 Eq. B3-1) or Rn/Ω (ASD, Eq. B3-2)."""
    return phi * nominal if lrfd else nominal / omega


@aisc360("0.60 FEXX (0.707 w) x φ or / Ω", "§J2.4, §B3", "Eqs. J2-3, B3-1, B3-2")
def fillet_available_kip_per_in(
    fexx_ksi: float, size_in: float, phi: float, omega: float, lrfd: bool, fnw_over_fexx: float = 0.60,
    throat: float = 0.707,
) -> float:  # fmt: skip
    """Available fillet weld strength per inch, φRn or Rn/Ω with Rn of Eq. J2-3 (AISC 360-16 §J2.4, §B3)."""
    return _available(fillet_strength_kip_per_in(fexx_ksi, size_in, fnw_over_fexx, throat), phi, omega, lrfd)


@aisc360("Fu t x φ or / Ω", "§J4.1(b), §B3", "Eqs. J4-2, B3-1, B3-2")
def base_metal_tension_available_kip_per_in(
    fu_ksi: float, thickness_in: float, phi: float, omega: float, lrfd: bool
) -> float:
    """Available tensile rupture strength of the connected wall per inch, φRn or Rn/Ω (AISC 360-16 Eq. J4-2)."""
    return _available(base_metal_tension_rupture_kip_per_in(fu_ksi, thickness_in), phi, omega, lrfd)


@aisc360("0.60 Fu t x φ or / Ω", "§J4.2(b), §B3", "Eqs. J4-4, B3-1, B3-2")
def base_metal_shear_available_kip_per_in(
    fu_ksi: float, thickness_in: float, phi: float, omega: float, lrfd: bool, fnv_over_fu: float = 0.60
) -> float:
    """Available shear rupture strength of the connected wall per inch, φRn or Rn/Ω (AISC 360-16 Eq. J4-4)."""
    return _available(base_metal_shear_rupture_kip_per_in(fu_ksi, thickness_in, fnv_over_fu), phi, omega, lrfd)
