"""Flexure: AISC 360-16/360-22 Chapter F (F2, F3 for W shapes; F7 rectangular HSS; F8 round HSS).

Units: ksi, in, in^3, in^4; moments in kip-in. Each function is one equation.
"""

from __future__ import annotations

import math

from apex_nb.equations.aisc360 import aisc360
from apex_nb.equations.metadata import equation


@aisc360("Fy {z}", "§F2.1, §F7.1, §F8.1", "Eqs. F2-1, F7-1, F8-1")
def plastic_moment(fy_ksi: float, z_in3: float) -> float:
    """Mp = Fy Z (kip-in). Eqs. F2-1, F7-1, F8-1."""
    return fy_ksi * z_in3


@aisc360("Cb[Mp − (Mp − 0.7 Fy Sx)(Lb − Lp)/(Lr − Lp)] ≤ Mp", "§F2.2(b), §F7.4(b)", "Eqs. F2-2, F7-10")
def ltb_inelastic(
    cb: float, mp_kip_in: float, fy_ksi: float, sx_in3: float, lb_in: float, lp_in: float, lr_in: float
) -> float:
    """Mn = Cb [Mp − (Mp − 0.7 Fy Sx)(Lb − Lp)/(Lr − Lp)] ≤ Mp (kip-in), Lp < Lb ≤ Lr. Eqs. F2-2 = F7-10."""
    value = cb * (mp_kip_in - (mp_kip_in - 0.7 * fy_ksi * sx_in3) * (lb_in - lp_in) / (lr_in - lp_in))
    return min(value, mp_kip_in)


# --- F8 round HSS -------------------------------------------------------------------------
@aisc360("(0.021E/(D/t) + Fy) S", "§F8.2(a)", "Eq. F8-2")
def f8_noncompact(e_ksi: float, d_t: float, fy_ksi: float, s_in3: float) -> float:
    """Mn = (0.021 E/(D/t) + Fy) S (kip-in), noncompact round HSS local buckling. Eq. F8-2."""
    return (0.021 * e_ksi / d_t + fy_ksi) * s_in3


def f8_slender_fcr(e_ksi: float, d_t: float) -> float:
    """Fcr = 0.33 E/(D/t) (ksi), slender-wall round HSS. Eq. F8-4."""
    return 0.33 * e_ksi / d_t


@aisc360("0.33E/(D/t) S", "§F8.2(b)", "Eqs. F8-3, F8-4")
def f8_slender(e_ksi: float, d_t: float, s_in3: float) -> float:
    """Mn = Fcr S (kip-in), slender-wall round HSS. Eq. F8-3."""
    return f8_slender_fcr(e_ksi, d_t) * s_in3


# --- F7 rectangular HSS -------------------------------------------------------------------
def _f7_local_buckling(mp: float, fy: float, s: float, lam: float, e: float, slope: float, offset: float) -> float:
    """Mn = Mp − (Mp − Fy S)(slope λ √(Fy/E) − offset) ≤ Mp: the common form of Eqs. F7-2 and F7-6."""
    return min(mp - (mp - fy * s) * (slope * lam * math.sqrt(fy / e) - offset), mp)


@aisc360("Mp − (Mp − Fy S)(3.57 (b/t)√(Fy/E) − 4.0)", "§F7.2(b)", "Eq. F7-2")
def f7_flange_noncompact(mp_kip_in: float, fy_ksi: float, s_in3: float, b_t: float, e_ksi: float) -> float:
    """Mn = Mp − (Mp − Fy S)(3.57 (b/t) √(Fy/E) − 4.0) ≤ Mp (kip-in). Eq. F7-2."""
    return _f7_local_buckling(mp_kip_in, fy_ksi, s_in3, b_t, e_ksi, 3.57, 4.0)


@aisc360("1.92 t √(E/Fy)[1 − 0.38/(b/t) √(E/Fy)] ≤ b", "§F7.2(c)", "Eq. F7-4")
def f7_effective_width(t_in: float, b_in: float, b_t: float, e_ksi: float, fy_ksi: float) -> float:
    """be = 1.92 t √(E/Fy) [1 − 0.38/(b/t) √(E/Fy)] ≤ b (in), slender compression flange. Eq. F7-4."""
    root = math.sqrt(e_ksi / fy_ksi)
    return min(1.92 * t_in * root * (1.0 - 0.38 / b_t * root), b_in)


@aisc360("Fy Se", "§F7.2(c)", "Eq. F7-3")
def f7_flange_slender(fy_ksi: float, se_in3: float) -> float:
    """Mn = Fy Se (kip-in), slender flanges. Eq. F7-3."""
    return fy_ksi * se_in3


@aisc360("Mp − (Mp − Fy S)(0.305 (h/t)√(Fy/E) − 0.738)", "§F7.3(b)", "Eq. F7-6")
def f7_web_noncompact(mp_kip_in: float, fy_ksi: float, s_in3: float, h_t: float, e_ksi: float) -> float:
    """Mn = Mp − (Mp − Fy S)(0.305 (h/tw) √(Fy/E) − 0.738) ≤ Mp (kip-in). Eq. F7-6."""
    return _f7_local_buckling(mp_kip_in, fy_ksi, s_in3, h_t, e_ksi, 0.305, 0.738)


@aisc360("0.13 E ry √(J Ag)/Mp", "§F7.4", "Eq. F7-12")
def f7_ltb_lp(e_ksi: float, ry_in: float, j_in4: float, ag_in2: float, mp_kip_in: float) -> float:
    """Lp = 0.13 E ry √(J Ag)/Mp (in). Eq. F7-12."""
    return 0.13 * e_ksi * ry_in * math.sqrt(j_in4 * ag_in2) / mp_kip_in


@aisc360("2 E ry √(J Ag)/(0.7 Fy Sx)", "§F7.4", "Eq. F7-13")
def f7_ltb_lr(e_ksi: float, ry_in: float, j_in4: float, ag_in2: float, fy_ksi: float, sx_in3: float) -> float:
    """Lr = 2 E ry √(J Ag)/(0.7 Fy Sx) (in). Eq. F7-13."""
    return 2.0 * e_ksi * ry_in * math.sqrt(j_in4 * ag_in2) / (0.7 * fy_ksi * sx_in3)


@aisc360("2 E Cb √(J Ag)/(Lb/ry) ≤ Mp", "§F7.4(c)", "Eq. F7-11")
def f7_ltb_elastic(
    cb: float, e_ksi: float, j_in4: float, ag_in2: float, lb_in: float, ry_in: float, mp: float
) -> float:
    """Mn = 2 E Cb √(J Ag)/(Lb/ry) ≤ Mp (kip-in). Eq. F7-11."""
    return min(2.0 * e_ksi * cb * math.sqrt(j_in4 * ag_in2) / (lb_in / ry_in), mp)


# --- F2 / F3 W shapes, major axis ----------------------------------------------------------
@aisc360("1.76 ry √(E/Fy)", "§F2.2", "Eq. F2-5")
def f2_lp(ry_in: float, e_ksi: float, fy_ksi: float) -> float:
    """Lp = 1.76 ry √(E/Fy) (in). Eq. F2-5."""
    return 1.76 * ry_in * math.sqrt(e_ksi / fy_ksi)


@aisc360("1.95 rts E/(0.7Fy) √(Jc/(Sx ho) + √((Jc/(Sx ho))² + 6.76(0.7Fy/E)²))", "§F2.2", "Eq. F2-6")
def f2_lr(
    rts_in: float, e_ksi: float, fy_ksi: float, j_in4: float, sx_in3: float, ho_in: float, c: float = 1.0
) -> float:
    """Lr = 1.95 rts (E/0.7Fy) √(Jc/(Sx ho) + √((Jc/(Sx ho))² + 6.76 (0.7 Fy/E)²)) (in). Eq. F2-6."""
    a = j_in4 * c / (sx_in3 * ho_in)
    return 1.95 * rts_in * e_ksi / (0.7 * fy_ksi) * math.sqrt(a + math.sqrt(a * a + 6.76 * (0.7 * fy_ksi / e_ksi) ** 2))


@aisc360("Cb π²E/(Lb/rts)² √(1 + 0.078 Jc/(Sx ho)(Lb/rts)²)", "§F2.2(c)", "Eq. F2-4")
def f2_fcr(cb: float, e_ksi: float, lb_in: float, rts_in: float, j_in4: float, sx_in3: float, ho_in: float) -> float:
    """Fcr = Cb π² E/(Lb/rts)² √(1 + 0.078 Jc/(Sx ho) (Lb/rts)²) (ksi), c = 1. Eq. F2-4."""
    slender = lb_in / rts_in
    return cb * math.pi**2 * e_ksi / slender**2 * math.sqrt(1.0 + 0.078 * j_in4 / (sx_in3 * ho_in) * slender**2)


@aisc360("Fcr Sx ≤ Mp", "§F2.2(c)", "Eq. F2-3")
def f2_ltb_elastic(fcr_ksi: float, sx_in3: float, mp_kip_in: float) -> float:
    """Mn = Fcr Sx ≤ Mp (kip-in). Eq. F2-3."""
    return min(fcr_ksi * sx_in3, mp_kip_in)


@aisc360("Mp − (Mp − 0.7 Fy Sx)(λ − λpf)/(λrf − λpf)", "§F3.2(a)", "Eq. F3-1")
def f3_flange_noncompact(
    mp_kip_in: float, fy_ksi: float, sx_in3: float, lam: float, lam_p: float, lam_r: float
) -> float:
    """Mn = Mp − (Mp − 0.7 Fy Sx)(λ − λpf)/(λrf − λpf) (kip-in). Eq. F3-1."""
    return mp_kip_in - (mp_kip_in - 0.7 * fy_ksi * sx_in3) * (lam - lam_p) / (lam_r - lam_p)


def f3_kc(h_tw: float) -> float:
    """kc = 4/√(h/tw), not less than 0.35 nor more than 0.76. §F3.2 (Eq. F3-2 symbols)."""
    return min(max(4.0 / math.sqrt(h_tw), 0.35), 0.76)


@aisc360("0.9 E kc Sx/λ²", "§F3.2(b)", "Eq. F3-2")
def f3_flange_slender(e_ksi: float, kc: float, sx_in3: float, lam: float) -> float:
    """Mn = 0.9 E kc Sx/λ² (kip-in). Eq. F3-2."""
    return 0.9 * e_ksi * kc * sx_in3 / lam**2


@equation(
    formula="[I − 2(b − be)t(t²/12 + ((H − t)/2)²)]/(H/2)",
    clause="AISC 360-16 §F7.2(c); AISC Design Example F.8B",
    editions=("360-16", "360-22"),
)
def f7_effective_section_modulus(
    depth_in: float, inertia_in4: float, flat_b_in: float, be_in: float, t_in: float
) -> float:
    """Se (in³) with the ineffective flange width b − be removed from both flanges (§F7.2(c)).

    AISC Design Examples v15.0, Example F.8B: Ieff = I − Σ(b − be)t [t²/12 + ((H − t)/2)²] over
    both flanges keeps the neutral axis at mid-depth; this is conservative against removing it
    from the compression flange only (about 2 % on HSS8×8×3/16).
    """
    lost = (flat_b_in - be_in) * t_in
    arm = (depth_in - t_in) / 2.0
    i_eff = inertia_in4 - 2.0 * lost * (t_in * t_in / 12.0 + arm * arm)
    return i_eff / (depth_in / 2.0)
