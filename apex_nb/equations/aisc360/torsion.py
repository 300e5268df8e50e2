"""Torsion of HSS and combined forces: AISC 360-16/360-22 §H3.

Units: ksi, in, in^3; torsion in kip-in.
"""

from __future__ import annotations

import math

from apex_nb.equations.aisc360 import aisc360
from apex_nb.equations.aisc360.shear import round_hss_wall_stress


@aisc360("max(1.23E/(√(L/D)(D/t)^1.25), 0.60E/(D/t)^1.5) ≤ 0.6Fy", "§H3.1(a)", "Eqs. H3-2a, H3-2b")
def h3_round_fcr(e_ksi: float, fy_ksi: float, l_in: float, d_in: float, d_t: float) -> float:
    """Fcr = max(1.23E/(√(L/D)(D/t)^(5/4)), 0.60E/(D/t)^(3/2)) ≤ 0.6 Fy (ksi). Eqs. H3-2a, H3-2b."""
    return round_hss_wall_stress(e_ksi, fy_ksi, l_in, d_in, d_t, 1.23, 0.60)


@aisc360("0.6Fy; 0.6Fy(2.45√(E/Fy))/(h/t); 0.458π²E/(h/t)² by h/t", "§H3.1(b)", "Eqs. H3-3 to H3-5")
def h3_rect_fcr(e_ksi: float, fy_ksi: float, h_t: float) -> float:
    """Fcr of rectangular HSS by the longer wall's h/t. Eqs. H3-3 to H3-5.

    h/t ≤ 2.45√(E/Fy): 0.6Fy; ≤ 3.07√(E/Fy): 0.6Fy (2.45√(E/Fy))/(h/t); else 0.458π²E/(h/t)².
    """
    root = math.sqrt(e_ksi / fy_ksi)
    if h_t <= 2.45 * root:
        return 0.6 * fy_ksi
    if h_t <= 3.07 * root:
        return 0.6 * fy_ksi * 2.45 * root / h_t
    return 0.458 * math.pi**2 * e_ksi / h_t**2


@aisc360("Fcr C", "§H3.1", "Eq. H3-1")
def h3_nominal(fcr_ksi: float, c_in3: float) -> float:
    """Tn = Fcr C (kip-in). Eq. H3-1."""
    return fcr_ksi * c_in3


def round_torsional_constant(j_in4: float, od_in: float) -> float:
    """C = 2J/D (in³), the elastic torsional section modulus of a round tube.

    The AISC Shapes Database v16.0 tabulates C = 2J/D for round HSS (e.g. HSS6.625X0.280:
    J = 52.7, C = 15.9); pipes carry no C, so the solvers derive it the same way.
    """
    return 2.0 * j_in4 / od_in


@aisc360("(Pr/Pc + Mr/Mc) + (Vr/Vc + Tr/Tc)²", "§H3.2", "Eq. H3-6")
def h3_interaction(pr: float, pc: float, mr: float, mc: float, vr: float, vc: float, tr: float, tc: float) -> float:
    """(Pr/Pc + Mr/Mc) + (Vr/Vc + Tr/Tc)², ≤ 1.0 to pass. Eq. H3-6."""
    return (pr / pc + mr / mc) + (vr / vc + tr / tc) ** 2
