"""Shear: AISC 360-16/360-22 §G2.1 (W-shape webs), §G4 (rectangular HSS), §G5 (round HSS).

Units: ksi, in, in^2; forces in kip.
"""

from __future__ import annotations

import math

from apex_nb.equations.aisc360 import aisc360


def web_shear_coefficient_cv2(h_tw: float, kv: float, e_ksi: float, fy_ksi: float) -> float:
    """Cv2 by h/tw: 1.0; 1.10√(kvE/Fy)/(h/tw); 1.51 kv E/((h/tw)² Fy). Eqs. G2-9 to G2-11."""
    root = math.sqrt(kv * e_ksi / fy_ksi)
    if h_tw <= 1.10 * root:
        return 1.0
    if h_tw <= 1.37 * root:
        return 1.10 * root / h_tw
    return 1.51 * kv * e_ksi / (h_tw**2 * fy_ksi)


def web_shear_coefficient_cv1(h_tw: float, kv: float, e_ksi: float, fy_ksi: float) -> float:
    """Cv1 = 1.0 when h/tw ≤ 1.10√(kvE/Fy), else 1.10√(kvE/Fy)/(h/tw). Eqs. G2-3, G2-4."""
    root = math.sqrt(kv * e_ksi / fy_ksi)
    return 1.0 if h_tw <= 1.10 * root else 1.10 * root / h_tw


@aisc360("0.6 Fy Aw {cv}", "§G2.1", "Eq. G2-1")
def g2_nominal(fy_ksi: float, aw_in2: float, cv: float) -> float:
    """Vn = 0.6 Fy Aw Cv (kip). Eq. G2-1 (Cv1), used by G4 with Cv2."""
    return 0.6 * fy_ksi * aw_in2 * cv


@aisc360("2 h t", "§G4")
def g4_web_area(h_in: float, t_in: float) -> float:
    """Aw = 2 h t (in²) for rectangular HSS (two webs). §G4."""
    return 2.0 * h_in * t_in


@aisc360("max(1.60E/(√(Lv/D)(D/t)^1.25), 0.78E/(D/t)^1.5) ≤ 0.6Fy", "§G5", "Eqs. G5-2a, G5-2b")
def g5_fcr(e_ksi: float, fy_ksi: float, lv_in: float, d_in: float, d_t: float) -> float:
    """Fcr = max(1.60E/(√(Lv/D)(D/t)^(5/4)), 0.78E/(D/t)^(3/2)) ≤ 0.6 Fy (ksi). Eqs. G5-2a, G5-2b."""
    return round_hss_wall_stress(e_ksi, fy_ksi, lv_in, d_in, d_t, 1.60, 0.78)


def round_hss_wall_stress(
    e_ksi: float, fy_ksi: float, l_in: float, d_in: float, d_t: float, long_c: float, short_c: float
) -> float:
    """max(long_c E/(√(L/D)(D/t)^(5/4)), short_c E/(D/t)^(3/2)) ≤ 0.6 Fy (ksi): the form of G5-2 and H3-2.

    Shear (G5-2a/b: 1.60, 0.78) and torsion (H3-2a/b: 1.23, 0.60) buckling of a round HSS wall
    differ only in the two coefficients.
    """
    first = long_c * e_ksi / (math.sqrt(l_in / d_in) * d_t**1.25)
    second = short_c * e_ksi / d_t**1.5
    return min(max(first, second), 0.6 * fy_ksi)


@aisc360("Fcr Ag/2", "§G5", "Eq. G5-1")
def g5_nominal(fcr_ksi: float, ag_in2: float) -> float:
    """Vn = Fcr Ag/2 (kip). Eq. G5-1."""
    return fcr_ksi * ag_in2 / 2.0


@aisc360("d tw", "§G2.1")
def g2_web_area(d_in: float, tw_in: float) -> float:
    """Aw = d tw (in²), the web area of a rolled I-shape (§G2.1)."""
    return d_in * tw_in
