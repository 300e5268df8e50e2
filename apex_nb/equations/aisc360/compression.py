"""Compression: AISC 360-16/360-22 §E3 (flexural buckling) and §E7 (slender elements).

Units: ksi, in, in^2; forces in kip.
"""

from __future__ import annotations

import math

from apex_nb.equations.aisc360 import aisc360


@aisc360("π²E/(Lc/r)²", "§E3", "Eq. E3-4")
def e3_fe(e_ksi: float, lc_r: float) -> float:
    """Fe = π² E/(Lc/r)² (ksi). Eq. E3-4."""
    return math.pi**2 * e_ksi / lc_r**2


@aisc360("0.658^(Fy/Fe) Fy or 0.877 Fe", "§E3", "Eqs. E3-2, E3-3")
def e3_fcr(fy_ksi: float, fe_ksi: float) -> float:
    """Fcr = 0.658^(Fy/Fe) Fy when Fy/Fe ≤ 2.25 (Eq. E3-2), else 0.877 Fe (Eq. E3-3) (ksi)."""
    if fy_ksi / fe_ksi <= 2.25:
        return 0.658 ** (fy_ksi / fe_ksi) * fy_ksi
    return 0.877 * fe_ksi


def e7_elastic_local_stress(c2: float, lambda_r: float, lam: float, fy_ksi: float) -> float:
    """Fel = (c2 λr/λ)² Fy (ksi). Eq. E7-5."""
    return (c2 * lambda_r / lam) ** 2 * fy_ksi


@aisc360("b(1 − c1√(Fel/Fcr))√(Fel/Fcr)", "§E7.1", "Eq. E7-3")
def e7_effective_width(b_in: float, c1: float, fel_ksi: float, fcr_ksi: float) -> float:
    """be = b (1 − c1 √(Fel/Fcr)) √(Fel/Fcr) (in). Eq. E7-3 (used when λ > λr √(Fy/Fcr))."""
    root = math.sqrt(fel_ksi / fcr_ksi)
    return b_in * (1.0 - c1 * root) * root


@aisc360("[0.038E/(Fy D/t) + 2/3] Ag", "§E7.2", "Eq. E7-7")
def e7_round_effective_area(e_ksi: float, fy_ksi: float, d_t: float, ag_in2: float) -> float:
    """Ae = [0.038 E/(Fy D/t) + 2/3] Ag (in²) for 0.11E/Fy < D/t < 0.45E/Fy. Eq. E7-7."""
    return (0.038 * e_ksi / (fy_ksi * d_t) + 2.0 / 3.0) * ag_in2


@aisc360("Fcr Ae", "§E3, §E7", "Eqs. E3-1, E7-1")
def e3_nominal(fcr_ksi: float, area_in2: float) -> float:
    """Pn = Fcr Ag (Eq. E3-1), or Fcr Ae with slender elements (Eq. E7-1) (kip)."""
    return fcr_ksi * area_in2


@aisc360("{k:g} × L", "§E2")
def e2_effective_length(k: float, length: float) -> float:
    """Lc = K L, effective length (§E2), in the unit of ``length``."""
    return k * length


@aisc360("Ag − Σ(b − be)t", "§E7", "Eq. E7-1 (Ae)")
def e7_reduced_area(ag_in2: float, lost_in2: float) -> float:
    """Ae = Ag − Σ(b − be)t (in²), the area less the ineffective widths of slender elements (§E7)."""
    return ag_in2 - lost_in2
