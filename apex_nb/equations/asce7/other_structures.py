"""ASCE 7 other structures (chimneys, tanks and similar): force on exposed sign posts.

Clause map: force F = qz G Cf Af at the centroid height of each area: 7-05 §6.5.15 Eq. 6-28,
Cf Fig. 6-21; 7-10 §29.5 Eq. 29.5-1, Fig. 29.5-1; 7-16 §29.4 Eq. 29.4-1, Fig. 29.4-1;
7-22 §29.4 Eq. 29.4-1 with Kd in the force, Fig. 29.4-1.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from apex_nb.equations.asce7.signs import force_equation
from apex_nb.equations.interpolation import interpolate_1d
from apex_nb.equations.metadata import equation
from apex_nb.units import IN_PER_FT

_CF = "ASCE 7-16 Fig. 29.4-1"
_FORCE = "ASCE 7-16 §29.4"


@equation("D √qz", clause=_CF)
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


@equation("D_in/12")
def post_width_ft(post_width_in: float) -> float:
    """Post diameter or face width D in ft from inches."""
    return post_width_in / IN_PER_FT


@equation("h / D", clause=_CF)
def aspect_ratio_h_over_d(height_ft: float, width_ft: float) -> float:
    """h/D of a post, the column variable of the Cf figure."""
    return height_ft / width_ft


_N = "Eq. 29.4-1"
post_force_kd_in_qz_lb = force_equation(__name__, "post_force_kd_in_qz_lb", "qz G Cf Af", _FORCE, _N)
post_force_kd_in_force_lb = force_equation(__name__, "post_force_kd_in_force_lb", "qz Kd G Cf Af", _FORCE, _N)


@equation("Σ Fi zi / Σ Fi")
def band_resultant_height_ft(total_moment_lb_ft: float, total_force_lb: float) -> float:
    """Height of the resultant of the band forces: their moment about grade over their total, ft."""
    return total_moment_lb_ft / total_force_lb


@equation("n F,post")
def posts_force_lb(force_per_post_lb: float, number_of_posts: int) -> float:
    """Force on n identical posts side by side without shielding, lb."""
    return force_per_post_lb * number_of_posts


@equation("F y")
def posts_moment_lb_ft(force_lb: float, resultant_height_ft: float) -> float:
    """Moment at grade of the posts' force about its resultant height, lb-ft."""
    return force_lb * resultant_height_ft
