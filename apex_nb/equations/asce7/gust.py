"""Gust-effect factor of flexible structures (n₁ < 1 Hz), ASCE 7-05/7-10/7-16/7-22.

ASCE 7-16 and 7-22 §26.11.5 (Eqs. 26.11-7 to 26.11-16, with §26.11.4 for Iz̄, Q and Lz̄);
ASCE 7-10 §26.9.5 (Eqs. 26.9-7 to 26.9-16); ASCE 7-05 §6.5.8.2 (Eqs. 6-5 to 6-14). The
equations are the same in the four editions; only their numbers and the Table 26.11-1 (7-10
26.9-1, 7-05 6-2) terrain constants differ, and those live in the wind packs
(``gust_flexible``). Units: ft, ft/s, mph, Hz. The docstrings give the 7-16 number; the pack
maps each equation to its number in every edition.
"""

from __future__ import annotations

import math

from apex_nb.equations.metadata import equation

_MPH_TO_FT_PER_S = 88.0 / 60.0
# The 7-16 clause and number are recorded here; the wind pack maps each to its number per edition.
_EDITIONS = ("7-05", "7-10", "7-16", "7-22")


@equation("max({fraction:g} h, {z_min:g})", clause="ASCE 7-16 §26.11.4", editions=_EDITIONS)
def equivalent_height_ft(height_ft: float, z_min_ft: float, height_fraction: float = 0.6) -> float:
    """z̄ = 0.6 h, but not less than z_min (§26.11.4, definition of z̄; 7-05 §6.5.8.1)."""
    return max(height_fraction * height_ft, z_min_ft)


@equation("{c:g} (33/z̄)^(1/6)", clause="ASCE 7-16 §26.11.4", number="Eq. 26.11-7", editions=_EDITIONS)
def turbulence_intensity(z_bar_ft: float, c: float, reference_ft: float = 33.0) -> float:
    """Iz̄ = c (33 / z̄)^(1/6) (Eq. 26.11-7; 7-10 Eq. 26.9-7; 7-05 Eq. 6-5)."""
    return c * (reference_ft / z_bar_ft) ** (1.0 / 6.0)


@equation(
    "{ell:g} (z̄/33)^(1/{epsilon_bar_inverse:g})", clause="ASCE 7-16 §26.11.4", number="Eq. 26.11-9", editions=_EDITIONS
)
def integral_length_scale_ft(z_bar_ft: float, ell_ft: float, epsilon_bar: float, reference_ft: float = 33.0) -> float:
    """Lz̄ = ℓ (z̄ / 33)^ε̄, ft (Eq. 26.11-9; 7-10 Eq. 26.9-9; 7-05 Eq. 6-7)."""
    return ell_ft * (z_bar_ft / reference_ft) ** epsilon_bar


@equation("√(1 / (1 + 0.63 ((B + h)/Lz̄)^0.63))", clause="ASCE 7-16 §26.11.4", number="Eq. 26.11-8", editions=_EDITIONS)
def background_response(width_ft: float, height_ft: float, length_scale_ft: float) -> float:
    """Q = √(1 / (1 + 0.63 ((B + h) / Lz̄)^0.63)) (Eq. 26.11-8; 7-10 Eq. 26.9-8; 7-05 Eq. 6-6)."""
    return math.sqrt(1.0 / (1.0 + 0.63 * ((width_ft + height_ft) / length_scale_ft) ** 0.63))


@equation(
    "{b_bar:g} (z̄/33)^(1/{alpha_bar_inverse:g}) (88/60) V",
    clause="ASCE 7-16 §26.11.5",
    number="Eq. 26.11-16",
    editions=_EDITIONS,
)
def mean_hourly_speed_ft_per_s(
    z_bar_ft: float, b_bar: float, alpha_bar: float, wind_speed_mph: float, reference_ft: float = 33.0
) -> float:
    """V̄z̄ = b̄ (z̄ / 33)^ᾱ (88/60) V, ft/s (Eq. 26.11-16; 7-10 Eq. 26.9-16; 7-05 Eq. 6-14)."""
    return b_bar * (z_bar_ft / reference_ft) ** alpha_bar * _MPH_TO_FT_PER_S * wind_speed_mph


@equation("n1 Lz̄ / V̄z̄", clause="ASCE 7-16 §26.11.5", number="Eq. 26.11-14", editions=_EDITIONS)
def reduced_frequency(n1_hz: float, length_scale_ft: float, mean_speed_ft_per_s: float) -> float:
    """N₁ = n₁ Lz̄ / V̄z̄ (Eq. 26.11-14; 7-10 Eq. 26.9-14; 7-05 Eq. 6-12)."""
    return n1_hz * length_scale_ft / mean_speed_ft_per_s


@equation("7.47 N1 / (1 + 10.3 N1)^(5/3)", clause="ASCE 7-16 §26.11.5", number="Eq. 26.11-13", editions=_EDITIONS)
def resonance_rn(n_1: float) -> float:
    """Rn = 7.47 N₁ / (1 + 10.3 N₁)^(5/3) (Eq. 26.11-13; 7-10 Eq. 26.9-13; 7-05 Eq. 6-11)."""
    return 7.47 * n_1 / (1.0 + 10.3 * n_1) ** (5.0 / 3.0)


@equation("{k:g} n1 {dimension} / V̄z̄", clause="ASCE 7-16 §26.11.5", number="Eq. 26.11-15", editions=_EDITIONS)
def eta(coefficient: float, n1_hz: float, dimension_ft: float, mean_speed_ft_per_s: float) -> float:
    """η = k n₁ D / V̄z̄ with k = 4.6 for Rh (D = h) and RB (D = B), 15.4 for RL (D = L) (§26.11.5)."""
    return coefficient * n1_hz * dimension_ft / mean_speed_ft_per_s


# η coefficients of §26.11.5: Rh and RB (4.6), RL (15.4), by the dimension they reduce.
ETA_COEFFICIENTS = {"Rh": 4.6, "RB": 4.6, "RL": 15.4}


@equation(
    "1/η - (1 - e^(-2η))/(2η²) (1 when η = 0)",
    clause="ASCE 7-16 §26.11.5",
    number="Eq. 26.11-15a,b",
    editions=_EDITIONS,
)
def size_reduction(eta_value: float) -> float:
    """Rℓ = 1/η − (1 − e^(−2η)) / (2η²) for η > 0, Rℓ = 1 for η = 0 (Eq. 26.11-15a,b; 7-10 Eq. 26.9-15;
    7-05 Eq. 6-13a,b)."""
    if eta_value <= 0.0:
        return 1.0
    if eta_value < 1e-4:  # series: 1 − 2η/3 + η²/3 − ... avoids cancellation
        return 1.0 - 2.0 * eta_value / 3.0 + eta_value**2 / 3.0
    return 1.0 / eta_value - (1.0 - math.exp(-2.0 * eta_value)) / (2.0 * eta_value**2)


@equation("√((1/β) Rn Rh RB (0.53 + 0.47 RL))", clause="ASCE 7-16 §26.11.5", number="Eq. 26.11-12", editions=_EDITIONS)
def resonant_response(damping_ratio: float, rn: float, rh: float, rb: float, rl: float) -> float:
    """R = √((1/β) Rn Rh RB (0.53 + 0.47 RL)) (Eq. 26.11-12; 7-10 Eq. 26.9-12; 7-05 Eq. 6-10)."""
    return math.sqrt(rn * rh * rb * (0.53 + 0.47 * rl) / damping_ratio)


@equation(
    "√(2 ln(3600 n1)) + 0.577/√(2 ln(3600 n1))", clause="ASCE 7-16 §26.11.5", number="Eq. 26.11-11", editions=_EDITIONS
)
def resonant_peak_factor(n1_hz: float, duration_s: float = 3600.0) -> float:
    """gR = √(2 ln(3600 n₁)) + 0.577 / √(2 ln(3600 n₁)) (Eq. 26.11-11; 7-10 Eq. 26.9-11; 7-05 Eq. 6-9).

    Needs 3600 n₁ > 1 (n₁ > 0.000278 Hz), always so for a sign structure.
    """
    root = math.sqrt(2.0 * math.log(duration_s * n1_hz))
    return root + 0.577 / root


@equation(
    "0.925 (1 + 1.7 {g_q:g} Iz̄ Q) / (1 + 1.7 {g_v:g} Iz̄)",
    clause="ASCE 7-16 §26.11.4",
    number="Eq. 26.11-6",
    editions=_EDITIONS,
)
def rigid_gust_factor(iz: float, q: float, g_q: float = 3.4, g_v: float = 3.4) -> float:
    """G = 0.925 (1 + 1.7 gQ Iz̄ Q) / (1 + 1.7 gv Iz̄) (Eq. 26.11-6; 7-10 Eq. 26.9-6; 7-05 Eq. 6-4)."""
    return 0.925 * (1.0 + 1.7 * g_q * iz * q) / (1.0 + 1.7 * g_v * iz)


@equation(
    "0.925 (1 + 1.7 Iz̄ √({g_q:g}² Q² + gR² R²)) / (1 + 1.7 {g_v:g} Iz̄)",
    clause="ASCE 7-16 §26.11.5",
    number="Eq. 26.11-10",
    editions=_EDITIONS,
)
def flexible_gust_factor(iz: float, q: float, r: float, g_r: float, g_q: float = 3.4, g_v: float = 3.4) -> float:
    """Gf = 0.925 (1 + 1.7 Iz̄ √(gQ² Q² + gR² R²)) / (1 + 1.7 gv Iz̄) (Eq. 26.11-10; 7-10 Eq. 26.9-10;
    7-05 Eq. 6-8)."""
    return 0.925 * (1.0 + 1.7 * iz * math.sqrt(g_q**2 * q**2 + g_r**2 * r**2)) / (1.0 + 1.7 * g_v * iz)
