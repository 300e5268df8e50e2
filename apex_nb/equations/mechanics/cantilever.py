"""Cantilever (fixed base, free top) deflections: loads at their own heights, not the 48EI form.

Units: kip, in, ksi, in^4. z is measured up from the fixed base; L is the free length.
"""

from __future__ import annotations

from collections.abc import Iterable

from apex_nb.equations.metadata import equation

_TABLE_3_23 = "AISC Manual Table 3-23"


@equation("P z²(3L − z)/(6EI)", clause=f"{_TABLE_3_23} case 22")
def point_load_tip_deflection(p_kip: float, z_in: float, l_in: float, e_ksi: float, i_in4: float) -> float:
    """δtip = P z² (3L − z)/(6EI) (in) for a point load P at height z ≤ L.

    AISC Manual Table 3-23 case 22 (cantilever, concentrated load at any point: Δmax at the
    free end = P b²(3l − b)/6EI with b the loaded length from the support); z = L gives PL³/3EI.
    """
    return p_kip * z_in**2 * (3.0 * l_in - z_in) / (6.0 * e_ksi * i_in4)


def point_load_deflection_at(p_kip: float, z_in: float, x_in: float, e_ksi: float, i_in4: float) -> float:
    """Deflection at height x of a cantilever with a point load P at height z (in).

    x ≤ z: P x²(3z − x)/(6EI); x > z: P z²(3x − z)/(6EI) (elastic curve of Table 3-23 case 22).
    """
    if x_in <= z_in:
        return p_kip * x_in**2 * (3.0 * z_in - x_in) / (6.0 * e_ksi * i_in4)
    return p_kip * z_in**2 * (3.0 * x_in - z_in) / (6.0 * e_ksi * i_in4)


@equation("w/(6EI)[L z³ − z⁴/4] between the heights", clause=f"{_TABLE_3_23} cases 19 and 22 (integrated)")
def uniform_segment_tip_deflection(
    w_kip_per_in: float, z1_in: float, z2_in: float, l_in: float, e_ksi: float, i_in4: float
) -> float:
    """δtip of a uniform load w on z1 ≤ z ≤ z2 (in): ∫ w z²(3L − z)/(6EI) dz = w/(6EI) [L z³ − z⁴/4]_z1^z2.

    z1 = 0, z2 = L gives wL⁴/(8EI) (AISC Manual Table 3-23 case 19).
    """

    def antiderivative(z: float) -> float:
        return l_in * z**3 - z**4 / 4.0

    return w_kip_per_in * (antiderivative(z2_in) - antiderivative(z1_in)) / (6.0 * e_ksi * i_in4)


def point_load_base_moment(p_kip: float, z_in: float) -> float:
    """M = P z (kip-in) at the fixed base."""
    return p_kip * z_in


@equation("Σ contributions")
def tip_deflection_sum(contributions_in: Iterable[float]) -> float:
    """δtip = Σ δi (in): the loads' tip deflections superpose (linear elastic cantilever)."""
    return sum(contributions_in)


@equation("L / ratio")
def deflection_limit_in(length_in: float, ratio: float) -> float:
    """δallow = L/ratio (in): a serviceability limit given as the height over a ratio (e.g. L/100)."""
    return length_in / ratio
