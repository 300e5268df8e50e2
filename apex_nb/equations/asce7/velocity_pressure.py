"""ASCE 7 velocity pressure and its factors.

Clause map (also kept in the wind packs):
- qz: 7-05 §6.5.10 Eq. 6-15; 7-10 §29.3.2 Eq. 29.3-1; 7-16 §26.10.2 Eq. 26.10-1;
  7-22 §26.10.2 Eq. 26.10-1 (Kd leaves qz in 7-22 and enters the force equation).
- Kz: 7-05 Table 6-3 (Case 2); 7-10 Table 29.3-1; 7-16 and 7-22 Table 26.10-1 with the
  power-law formula in its notes.
- Ke: 7-16 and 7-22 Table 26.9-1 note (Ke = e^(-0.0000362 zg), Ke = 1 always permitted).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence


def kz_power_law(z_ft: float, alpha: float, zg_ft: float, coefficient: float, z_min_ft: float) -> float:
    """Kz = c (max(z, z_min)/zg)^(2/α), capped at z = zg.

    ASCE 7-05 Table 6-3 note, 7-10 Table 29.3-1 note, 7-16 Table 26.10-1 note (c = 2.01);
    ASCE 7-22 Table 26.10-1 note (c = 2.41 with the 7-22 terrain constants).
    """
    z = min(max(z_ft, z_min_ft), zg_ft)
    return coefficient * (z / zg_ft) ** (2.0 / alpha)


def interpolate_table(x: float, xs: Sequence[float], ys: Sequence[float]) -> float:
    """Linear interpolation in a printed table; end values hold beyond its range.

    ASCE 7 permits linear interpolation for intermediate heights (Kz table notes).
    """
    if x <= xs[0]:
        return float(ys[0])
    if x >= xs[-1]:
        return float(ys[-1])
    i = bisect.bisect_right(xs, x)
    x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
    return float(y0 + (y1 - y0) * (x - x0) / (x1 - x0))


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
