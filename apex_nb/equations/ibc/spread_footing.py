"""Spread footings under a vertical load and an overturning moment: statics used with IBC Ch. 18.

Eccentric bearing (rigid footing, linear soil pressure, no tension), overturning and sliding
with the §1806.2 friction/cohesion and the §1806.3.2 limit, and uplift. Lengths in ft, forces
in lb; L is the footing dimension parallel to the moment, B the one across it.
"""

from __future__ import annotations


def eccentricity_ft(moment_lb_ft: float, vertical_lb: float) -> float:
    """e = M / P, ft: distance of the resultant from the footing centre."""
    return moment_lb_ft / vertical_lb


def kern_ft(length_ft: float) -> float:
    """Kern limit L/6: within it the whole base stays in compression."""
    return length_ft / 6.0


def trapezoid_bearing_psf(vertical_lb: float, width_ft: float, length_ft: float, e_ft: float) -> tuple[float, float]:
    """(q_max, q_min) = P/(B L) (1 ± 6e/L), psf, valid for e <= L/6 (full contact)."""
    mean = vertical_lb / (width_ft * length_ft)
    return mean * (1.0 + 6.0 * e_ft / length_ft), mean * (1.0 - 6.0 * e_ft / length_ft)


def triangle_bearing_psf(vertical_lb: float, width_ft: float, length_ft: float, e_ft: float) -> float:
    """q_max = 2P / (3 B (L/2 − e)), psf, for L/6 < e < L/2 (partial contact, no soil tension)."""
    return 2.0 * vertical_lb / (3.0 * width_ft * (length_ft / 2.0 - e_ft))


def triangle_contact_length_ft(length_ft: float, e_ft: float) -> float:
    """Length of base in contact under triangular bearing: 3 (L/2 − e), ft."""
    return 3.0 * (length_ft / 2.0 - e_ft)


def resisting_moment_lb_ft(vertical_lb: float, length_ft: float) -> float:
    """Resisting moment of a vertical load through the centre about the toe: P L/2, lb-ft."""
    return vertical_lb * length_ft / 2.0


def overturning_moment_lb_ft(moment_at_grade_lb_ft: float, lateral_lb: float, lever_below_grade_ft: float) -> float:
    """Moment at the underside of the footing: M_grade + H (cover + thickness), lb-ft."""
    return moment_at_grade_lb_ft + lateral_lb * lever_below_grade_ft


def safety_factor(resisting: float, acting: float) -> float:
    """Resisting / acting (overturning, sliding or uplift); ``acting`` must be > 0."""
    return resisting / acting


def friction_resistance_lb(friction_coefficient: float, dead_load_lb: float) -> float:
    """μ times the dead load (IBC Table 1806.2, footnote a)."""
    return friction_coefficient * dead_load_lb


def cohesion_resistance_lb(
    cohesion_psf: float,
    contact_area_ft2: float,
    dead_load_lb: float,
    max_fraction_of_dead_load: float | None,
) -> float:
    """Cohesion times the contact area (Table 1806.2 footnote b), capped per IBC §1806.3.2.

    For clays and silts (class 5) the lateral sliding resistance may not exceed one-half the
    dead load; ``max_fraction_of_dead_load`` = None applies no cap.
    """
    value = cohesion_psf * contact_area_ft2
    if max_fraction_of_dead_load is not None:
        value = min(value, max_fraction_of_dead_load * dead_load_lb)
    return value


def footing_weight_lb(width_ft: float, length_ft: float, thickness_ft: float, unit_weight_pcf: float) -> float:
    """Self weight B L t γc, lb."""
    return width_ft * length_ft * thickness_ft * unit_weight_pcf


def cover_weight_lb(width_ft: float, length_ft: float, cover_ft: float, unit_weight_pcf: float) -> float:
    """Soil over the footing, B L c γs, lb."""
    return width_ft * length_ft * cover_ft * unit_weight_pcf
