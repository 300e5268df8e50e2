"""ASCE 7 velocity pressure and its factors.

Clause map (also kept in the wind packs):
- qz: 7-05 §6.5.10 Eq. 6-15; 7-10 §29.3.2 Eq. 29.3-1; 7-16 §26.10.2 Eq. 26.10-1;
  7-22 §26.10.2 Eq. 26.10-1 (Kd leaves qz in 7-22 and enters the force equation).
- Kz: 7-05 Table 6-3 (Case 2); 7-10 Table 29.3-1; 7-16 and 7-22 Table 26.10-1 with the
  power-law formula in its notes.
- Ke: 7-16 and 7-22 Table 26.9-1 note (Ke = e^(-0.0000362 zg), Ke = 1 always permitted).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from apex_nb.equations.interpolation import interpolate_1d as interpolate_table
from apex_nb.equations.metadata import equation

__all__ = ["interpolate_table"]  # the one linear interpolation, under the name the Kz tests know


@equation("{coefficient} (max(z, {z_min:g})/{zg:g})^(2/{alpha:g})", clause="ASCE 7 Kz table note")
def kz_power_law(z_ft: float, alpha: float, zg_ft: float, coefficient: float, z_min_ft: float) -> float:
    """Kz = c (max(z, z_min)/zg)^(2/α), capped at z = zg.

    ASCE 7-05 Table 6-3 note, 7-10 Table 29.3-1 note, 7-16 Table 26.10-1 note (c = 2.01);
    ASCE 7-22 Table 26.10-1 note (c = 2.41 with the 7-22 terrain constants).
    """
    z = min(max(z_ft, z_min_ft), zg_ft)
    return coefficient * (z / zg_ft) ** (2.0 / alpha)


@equation("linear interpolation in the printed table", clause="ASCE 7 Kz table notes")
def kz_from_table(z_ft: float, heights_ft: Sequence[float], kz_column: Sequence[float]) -> float:
    """Kz at height z from the printed table, linear between rows, end rows held (Kz table notes)."""
    return interpolate_table(z_ft, heights_ft, kz_column)


@equation("exp(-{coefficient} zg)", clause="ASCE 7-16/7-22 Table 26.9-1 note 2", editions=("7-16", "7-22"))
def ground_elevation_factor(ground_elevation_ft: float, coefficient_per_ft: float) -> float:
    """Ke = e^(-c zg), zg the ground elevation above sea level in ft.

    ASCE 7-16 and 7-22 Table 26.9-1, note 2 (c = 0.0000362 /ft).
    """
    return math.exp(-coefficient_per_ft * ground_elevation_ft)


def velocity_pressure_psf(
    kz: float,
    kzt: float,
    kd: float,
    ke: float,
    wind_speed_mph: float,
    importance_factor: float = 1.0,
    coefficient: float = 0.00256,
) -> float:
    """qz = 0.00256 Kz Kzt Kd Ke V² I (psf, V in mph).

    Pass kd = 1 for ASCE 7-22 (Kd applied in the force equation), ke = 1 before 7-16, and
    importance_factor = 1 after 7-05. 7-05 Eq. 6-15; 7-10 Eq. 29.3-1; 7-16/7-22 Eq. 26.10-1.
    """
    return coefficient * kz * kzt * kd * ke * wind_speed_mph**2 * importance_factor


def _qz_form(name: str, formula: str, edition: str, clause: str, number: str) -> Callable[..., float]:
    """The qz equation as printed in one edition (which of Kd, Ke and I stand inside it), registered."""

    def form(
        kz: float, kzt: float, kd: float, ke: float, wind_speed_mph: float, importance_factor: float, coefficient: float
    ) -> float:
        return velocity_pressure_psf(kz, kzt, kd, ke, wind_speed_mph, importance_factor, coefficient)

    form.__name__ = form.__qualname__ = name
    form.__doc__ = f"qz = {formula.replace('{coefficient}', '0.00256')}, psf (ASCE {edition} {number})."
    return equation(formula, clause=f"ASCE {edition} {clause}", number=number, editions=(edition,))(form)


velocity_pressure_7_05_psf = _qz_form(
    "velocity_pressure_7_05_psf", "{coefficient} Kz Kzt Kd V² I", "7-05", "§6.5.10", "Eq. 6-15"
)
velocity_pressure_7_10_psf = _qz_form(
    "velocity_pressure_7_10_psf", "{coefficient} Kz Kzt Kd V²", "7-10", "§29.3.2", "Eq. 29.3-1"
)
velocity_pressure_7_16_psf = _qz_form(
    "velocity_pressure_7_16_psf", "{coefficient} Kz Kzt Kd Ke V²", "7-16", "§26.10.2", "Eq. 26.10-1"
)
velocity_pressure_7_22_psf = _qz_form(
    "velocity_pressure_7_22_psf", "{coefficient} Kz Kzt Ke V²", "7-22", "§26.10.2", "Eq. 26.10-1"
)


def velocity_pressure_form(kd_in_qz: bool, uses_ke: bool, uses_importance: bool) -> Callable[..., float]:
    """The qz equation whose printed form has exactly these factors (KeyError for a form no edition has)."""
    return _QZ_FORMS[(kd_in_qz, uses_ke, uses_importance)]


_QZ_FORMS: dict[tuple[bool, bool, bool], Callable[..., float]] = {
    (True, False, True): velocity_pressure_7_05_psf,
    (True, False, False): velocity_pressure_7_10_psf,
    (True, True, False): velocity_pressure_7_16_psf,
    (False, True, False): velocity_pressure_7_22_psf,
}
