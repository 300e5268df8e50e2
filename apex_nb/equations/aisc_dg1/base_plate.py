"""AISC Design Guide 1 base plates under axial compression plus moment, with AISC 360 §J8 bearing.

Units: in., kip, ksi, kip-in. Each function is one equation of DG1 2nd Ed. (2006) Section 3 or
Appendix B, unchanged in substance in the 3rd Ed.; the resistance factors come from the
``aisc-dg1`` pack.
"""

from __future__ import annotations

import math

from apex_nb.equations.aisc360 import aisc360
from apex_nb.equations.aisc_dg1 import dg1
from apex_nb.equations.metadata import equation


@equation(
    formula="0.85 f'c sqrt(A2/A1)",
    clause="AISC 360-16 §J8; DG1 2nd Ed. §3.1.3",
    number="Eq. J8-2",
    editions=("360-16", "360-22"),
)
def bearing_strength_ksi(fc_ksi: float, confinement: float, coefficient: float = 0.85) -> float:
    """Nominal bearing stress fp = 0.85 f'c sqrt(A2/A1), sqrt(A2/A1) <= 2 (AISC 360 Eq. J8-2; DG1 Eq. 3.1.3).

    ``confinement`` is sqrt(A2/A1), already capped by the caller.
    """
    return coefficient * fc_ksi * confinement


@equation(
    formula="{factor} 0.85 f'c sqrt(A2/A1) (φ {phi:g}, Ω {omega:g})",
    clause="AISC 360-16 §J8, §B3; DG1 2nd Ed. §3.1.3",
    number="Eq. J8-2",
    editions=("360-16", "360-22"),
)
def available_bearing_stress_ksi(
    fc_ksi: float, confinement: float, phi: float, omega: float, lrfd: bool, coefficient: float = 0.85
) -> float:
    """φc fp (LRFD, ``factor`` φc) or fp/Ωc (ASD, ``factor`` 1/Ωc), fp = 0.85 f'c sqrt(A2/A1) (AISC 360 Eq. J8-2)."""
    nominal = bearing_strength_ksi(fc_ksi, confinement, coefficient)
    return phi * nominal if lrfd else nominal / omega


@aisc360("{fnt_over_fu:g} Fu Ab / {omega:g}", "§J3.6", "Eq. J3-1, Table J3.2")
def rod_tension_allowable_kip(fu_ksi: float, diameter_in: float, fnt_over_fu: float, omega: float) -> float:
    """Rn/Ω = Fnt Ab / Ω with Fnt = 0.75 Fu for threaded rods (AISC 360-16 Eq. J3-1, Table J3.2), ASD."""
    return fnt_over_fu * fu_ksi * (math.pi * diameter_in**2 / 4.0) / omega


@dg1("T / rods per row", "§3.4")
def rod_tension_per_rod_kip(t_kip: float, rods_per_row: int) -> float:
    """Tension of one rod of the tension row: the row's tension T shared equally (DG1 §3.4)."""
    return t_kip / rods_per_row


@aisc360("sqrt(A2/A1), 1 <= . <= 2", "§J8")
def confinement_factor(a1_in2: float, a2_in2: float, cap: float = 2.0) -> float:
    """sqrt(A2/A1), at least 1 and at most 2 (AISC 360 §J8)."""
    return min(max(math.sqrt(a2_in2 / a1_in2), 1.0), cap)


@dg1("({plate} - {k:g} {post})/2", "§3.1.2")
def cantilever_in(plate_dim_in: float, post_dim_in: float, yield_line_factor: float) -> float:
    """m = (N - k d)/2 or n = (B - k b)/2 (DG1 2nd Ed. §3.1.2; k = 0.95 rect HSS, 0.80 round HSS/pipe)."""
    return (plate_dim_in - yield_line_factor * post_dim_in) / 2.0


@dg1("N/2 - P/(2 q_max)", "§3.3", "Eq. 3.3.7")
def critical_eccentricity_in(n_in: float, p_kip: float, q_max_kip_per_in: float) -> float:
    """e_crit = N/2 - P/(2 q_max) (DG1 2nd Ed. Eq. 3.3.7)."""
    return n_in / 2.0 - p_kip / (2.0 * q_max_kip_per_in)


@dg1("N - 2e", "§3.3", "Eq. 3.3.5")
def small_moment_bearing_length_in(n_in: float, e_in: float) -> float:
    """Y = N - 2e, uniform bearing centred under the load (DG1 2nd Ed. Eq. 3.3.5)."""
    return n_in - 2.0 * e_in


def large_moment_discriminant(f_in: float, n_in: float, p_kip: float, m_kip_in: float, q_max: float) -> float:
    """(f + N/2)² - 2(P f + M)/q_max; a real solution needs it >= 0 (DG1 2nd Ed. Eq. 3.4.4).

    Written with P(e + f) = P f + M so that P = 0 (pure moment) is covered.
    """
    return (f_in + n_in / 2.0) ** 2 - 2.0 * (p_kip * f_in + m_kip_in) / q_max


@dg1("(f + N/2) - sqrt((f + N/2)² - 2(P f + M)/q_max)", "§3.4", "Eq. 3.4.3")
def large_moment_bearing_length_in(f_in: float, n_in: float, p_kip: float, m_kip_in: float, q_max: float) -> float:
    """Y = (f + N/2) - sqrt((f + N/2)² - 2P(e + f)/q_max) (DG1 2nd Ed. Eq. 3.4.3)."""
    return (f_in + n_in / 2.0) - math.sqrt(large_moment_discriminant(f_in, n_in, p_kip, m_kip_in, q_max))


@dg1("q_max Y - P", "§3.4", "Eq. 3.4.2")
def large_moment_rod_tension_kip(q_max: float, y_in: float, p_kip: float) -> float:
    """T = q_max Y - P, total tension in the rods of the tension row (DG1 2nd Ed. Eq. 3.4.2)."""
    return q_max * y_in - p_kip


@dg1("fp m²/2 if Y >= m, else fp Y (m - Y/2)", "§3.3.2")
def bearing_moment_per_in(fp_ksi: float, y_in: float, cantilever: float) -> float:
    """Plate moment per unit width at the bending line from uniform bearing fp over Y (DG1 2nd Ed. §3.3.2).

    Y >= m: Mpl = fp m²/2; Y < m: Mpl = fp Y (m - Y/2). A cantilever <= 0 gives 0.
    """
    if cantilever <= 0.0:
        return 0.0
    if y_in >= cantilever:
        return fp_ksi * cantilever**2 / 2.0
    return fp_ksi * y_in * (cantilever - y_in / 2.0)


@dg1("{fp} n²/2 if {length} > m, else 0", "§3.1.2, §3.3.2, §3.4.2")
def bearing_moment_across_per_in(fp_ksi: float, y_in: float, m_in: float, n_in: float) -> float:
    """Plate moment per unit length at the n bending line (DG1 2nd Ed. §3.1.2 strips, §3.3.2 and §3.4.2).

    The n cantilever (across the moment, beside the post) carries bearing only where the bearing
    block of length Y, measured from the compression edge, reaches past the m overhang: Y > m gives
    Mpl = fp n²/2 (DG1 Eq. 3.3.14 with n for m); Y <= m puts all the bearing on the m overhang,
    which spans the full width B and is checked by ``bearing_moment_per_in`` (DG1 Eq. 3.3.15), so
    the n strip carries nothing. This is why DG1's large-moment examples check m with Y only.
    """
    if n_in <= 0.0 or y_in <= m_in:
        return 0.0
    return fp_ksi * n_in**2 / 2.0


@dg1("f - d/2 + t/2", "§3.4", "Eq. 3.4.6")
def tension_interface_lever_in(f_in: float, post_depth_in: float, wall_in: float) -> float:
    """x = f - d/2 + t/2: rod to the centre of the post wall (DG1 2nd Ed. Eq. 3.4.6 with tf -> wall)."""
    return f_in - post_depth_in / 2.0 + wall_in / 2.0


@dg1("min(B, 2x + (n - 1) min(s, 2x))", "§3.4")
def tension_effective_width_in(plate_b_in: float, x_in: float, rods_in_row: int, spacing_in: float) -> float:
    """b_eff = min(B, 2x + (n - 1) min(s, 2x)): 45° spread from each rod to the bending line.

    A conservative reading of the DG1 tension interface (the 2nd Ed. uses the full width B).
    """
    spread = 2.0 * x_in
    return min(plate_b_in, spread + (rods_in_row - 1) * min(spacing_in, spread))


@dg1("T x / b_eff", "§3.4", "Eq. 3.4.7")
def tension_moment_per_in(t_kip: float, x_in: float, width_in: float) -> float:
    """Mpl = T x / b at the tension interface (DG1 2nd Ed. §3.4, Eq. 3.4.7 before the square root)."""
    return t_kip * max(x_in, 0.0) / width_in


@equation(
    formula="sqrt(4 Mpl/(φb Fy)) (LRFD) or sqrt(4 Mpl Ωb/Fy) (ASD)",
    clause="DG1 2nd Ed. §3.3.2, §3.4.2; AISC 360-16 §F11",
    editions=("DG1-2",),
)
def plate_thickness_required_in(mpl_kip_in_per_in: float, fy_ksi: float, phi: float = 0.9, omega: float = 1.0) -> float:
    """t_req = sqrt(4 Mpl / (φ Fy)) (LRFD) or sqrt(4 Mpl Ω / Fy) (ASD); plastic plate, Mn = Fy t²/4.

    Pass phi with omega = 1 for LRFD, omega with phi = 1 for ASD (DG1 2nd Ed. Eq. 3.3.13-3.3.15).
    """
    return math.sqrt(4.0 * mpl_kip_in_per_in * omega / (phi * fy_ksi))


def triangular_force_term_kip(fp_ksi: float, b_in: float, n_prime_in: float) -> float:
    """f' = fp B N'/2, N' = N/2 + f (DG1 2nd Ed. Appendix B.5, Eq. B.5.3 family)."""
    return fp_ksi * b_in * n_prime_in / 2.0


@dg1("[f' - sqrt(f'² - 4 (fp B/6)(P A' + M))]/(2 fp B/6)", "Appendix B.5")
def triangular_bearing_length_in(
    fp_ksi: float, b_in: float, n_prime_in: float, p_kip: float, a_prime_in: float, m_kip_in: float
) -> float:
    """A = [f' - sqrt(f'² - 4 (fp B/6)(P A' + M))] / (2 fp B/6) (DG1 2nd Ed. Appendix B.5).

    Triangular bearing of length A; A' is the distance from the post centre to the rods.
    """
    f_term = triangular_force_term_kip(fp_ksi, b_in, n_prime_in)
    a = fp_ksi * b_in / 6.0
    return (f_term - math.sqrt(f_term**2 - 4.0 * a * (p_kip * a_prime_in + m_kip_in))) / (2.0 * a)


@dg1("fp A B/2 - P", "Appendix B.5")
def triangular_rod_tension_kip(fp_ksi: float, a_in: float, b_in: float, p_kip: float) -> float:
    """T = fp A B/2 - P (DG1 2nd Ed. Appendix B.5)."""
    return fp_ksi * a_in * b_in / 2.0 - p_kip


@dg1("P/(B N) (1 + 6e/N)", "Appendix B.4.1")
def trapezoid_stresses_ksi(p_kip: float, m_kip_in: float, n_in: float, b_in: float) -> tuple[float, float]:
    """(f_max, f_min) = P/(B N) (1 ± 6e/N) for e = M/P <= N/6, full bearing (DG1 2nd Ed. Appendix B.4.1)."""
    e = m_kip_in / p_kip
    base = p_kip / (b_in * n_in)
    return base * (1.0 + 6.0 * e / n_in), base * (1.0 - 6.0 * e / n_in)


@dg1("3 (N/2 - e)", "Appendix B.4.2")
def triangular_no_rod_length_in(n_in: float, e_in: float) -> float:
    """A = 3 (N/2 - e): triangular bearing without rod tension, N/6 < e (DG1 2nd Ed. Appendix B.4.2)."""
    return 3.0 * (n_in / 2.0 - e_in)


def triangular_stress_at_m_ksi(fp_ksi: float, a_in: float, m_in: float) -> float:
    """Bearing stress at the m bending line under a triangle of peak fp and length A (0 when A <= m)."""
    if a_in <= m_in:
        return 0.0
    return fp_ksi * (a_in - m_in) / a_in


@dg1("f1 m²/2 + (fp - f1) m²/3 if A >= m, else (fp A/2)(m - A/3)", "Appendix B.4-B.5")
def triangular_bearing_moment_per_in(fp_ksi: float, a_in: float, m_in: float) -> float:
    """Plate moment per unit width at the m line from triangular bearing (DG1 2nd Ed. Appendix B.4-B.5).

    A >= m: Mpl = f1 m²/2 + (fp - f1) m²/3 with f1 the stress at the line; A < m: the whole
    triangle, resultant fp A/2 at A/3 from the edge: Mpl = (fp A/2)(m - A/3).
    """
    if m_in <= 0.0:
        return 0.0
    if a_in >= m_in:
        f1 = triangular_stress_at_m_ksi(fp_ksi, a_in, m_in)
        return f1 * m_in**2 / 2.0 + (fp_ksi - f1) * m_in**2 / 3.0
    return fp_ksi * a_in / 2.0 * (m_in - a_in / 3.0)


@dg1("B N", "§3.1")
def bearing_area_in2(n_in: float, b_in: float) -> float:
    """A1 = B N, the plate bearing area (DG1 2nd Ed. §3.1)."""
    return n_in * b_in


@dg1("fp,max B", "§3.3", "Eq. 3.3.2")
def bearing_force_per_in(fp_max_ksi: float, b_in: float) -> float:
    """q_max = fp,max B, the largest bearing force per inch of N (DG1 2nd Ed. Eq. 3.3.2)."""
    return fp_max_ksi * b_in


@dg1("N/2 - rod edge", "§3.4")
def rod_lever_in(n_in: float, rod_edge_in: float) -> float:
    """f = N/2 - rod edge distance, plate centre to the rod row (DG1 2nd Ed. §3.4)."""
    return n_in / 2.0 - rod_edge_in


@dg1("P/(B Y)", "§3.3")
def uniform_bearing_stress_ksi(p_kip: float, y_in: float, b_in: float) -> float:
    """fp = P/(B Y), uniform bearing stress over the length Y (DG1 2nd Ed. §3.3)."""
    return p_kip / (y_in * b_in)


@dg1("2P/(A B)", "Appendix B.4.2")
def triangular_peak_stress_ksi(p_kip: float, a_in: float, b_in: float) -> float:
    """fp = 2P/(A B), peak of a triangular bearing of length A without rod tension (DG1 2nd Ed. App. B.4.2)."""
    return 2.0 * p_kip / (a_in * b_in)


@dg1("max(Mpl,m, Mpl,n, Mpl,t)", "§3.3.2, §3.4.2")
def governing_plate_moment(mpl_m: float, mpl_n: float, mpl_t: float) -> float:
    """The largest plate moment per unit width of the m, n and tension-interface bending lines."""
    return max(mpl_m, mpl_n, mpl_t)
