"""ASCE 7 other structures (chimneys, tanks and similar): force on exposed sign posts.

Clause map: force F = qz G Cf Af at the centroid height of each area: 7-05 §6.5.15 Eq. 6-28,
Cf Fig. 6-21; 7-10 §29.5 Eq. 29.5-1, Fig. 29.5-1; 7-16 §29.4 Eq. 29.4-1, Fig. 29.4-1;
7-22 §29.4 Eq. 29.4-1 with Kd in the force, Fig. 29.4-1.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from apex_nb.equations.asce7.signs import interpolate_1d


def d_sqrt_qz(diameter_ft: float, qz_psf: float) -> float:
    """D √qz (D in ft, qz in psf): selects the flow regime of round sections (Cf figure rows)."""
    return diameter_ft * math.sqrt(qz_psf)


def cf_by_aspect(h_over_d: float, h_over_d_points: Sequence[float], cf_row: Sequence[float]) -> float:
    """Cf of one cross-section row by h/D, linear interpolation, end values held (figure note 2)."""
    return interpolate_1d(h_over_d, h_over_d_points, cf_row)


def other_structure_force_lb(
    qz_psf: float, gust_factor: float, cf: float, area_ft2: float, kd_in_force: float = 1.0
) -> float:
    """F = qz (Kd) G Cf Af, lb (Kd here only in 7-22, where it left qz; elsewhere pass 1)."""
    return qz_psf * kd_in_force * gust_factor * cf * area_ft2
