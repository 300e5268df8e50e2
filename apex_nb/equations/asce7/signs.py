"""ASCE 7 solid freestanding walls and solid signs: Cf Cases A, B and C and the design force.

Clause map (numbers move between editions; the packs hold them):
- Design force F = qh G Cf As: 7-05 §6.5.14 Eq. 6-27; 7-10 §29.4.1 Eq. 29.4-1;
  7-16 §29.3.1 Eq. 29.3-1; 7-22 §29.3.1 Eq. 29.3-1 with Kd in the force (F = qh Kd G Cf As).
- Force coefficients: 7-05 Fig. 6-20; 7-10 Fig. 29.4-1; 7-16 and 7-22 Fig. 29.3-1.

Every function is pure; tables come in as arguments (read from the edition's pack).
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from apex_nb.equations.interpolation import interpolate_1d, interpolate_2d
from apex_nb.equations.metadata import equation

__all__ = ["interpolate_1d", "interpolate_2d"]  # re-exported: the one interpolation of equations/interpolation.py
_CF = "ASCE 7-16 Fig. 29.3-1"
_FORCE = "ASCE 7-16 §29.3.1"


def clearance_ratio(sign_height_ft: float, top_height_ft: float) -> float:
    """s/h: vertical dimension of the sign over the height of its top above grade (Cf figure notation)."""
    return sign_height_ft / top_height_ft


def aspect_ratio(sign_width_ft: float, sign_height_ft: float) -> float:
    """B/s: horizontal over vertical dimension of the sign (Cf figure notation)."""
    return sign_width_ft / sign_height_ft


def cf_surface_fit(
    b_over_s: float,
    s_over_h: float,
    c0: float,
    c1: float,
    c2: float,
    c3: float,
    c4: float,
    c5: float,
    divisor: float,
) -> float:
    """Commentary surface fit of the Case A/B coefficients (Letchford 2001 data).

    Cf = (c0 + c1 ln(B/s) + c2 (s/h) + c3 ln(B/s)² + c4 (s/h)² + c5 (s/h) ln(B/s)) / divisor.
    ASCE 7-10 C29.4, 7-16 and 7-22 C29.3.1: the printed cells are this fit rounded to 0.05. It is a
    check of the pack, not a design path.
    """
    x = math.log(b_over_s)
    y = s_over_h
    return (c0 + c1 * x + c2 * y + c3 * x * x + c4 * y * y + c5 * y * x) / divisor


@equation("1 - (1 - ε)^{exponent:g}", clause=_CF + " note 2")
def opening_reduction_factor(solidity_ratio: float, exponent: float = 1.5) -> float:
    """Cf multiplier for solid signs with openings: 1 - (1 - ε)^1.5, ε = solid area / gross area.

    7-05 Fig. 6-20 note 2; 7-10 Fig. 29.4-1 note 2; 7-16 and 7-22 Fig. 29.3-1 note 2 (openings
    below 30 % of the gross area; the sign is then still classified as solid).
    """
    return 1.0 - (1.0 - solidity_ratio) ** exponent


@equation("{constant:g} - s/h", clause=_CF + " note 4")
def case_c_high_clearance_factor(s_over_h: float, threshold: float = 0.8, constant: float = 1.8) -> float:
    """Case C multiplier (1.8 - s/h) when s/h > 0.8, else 1.0 (Cf figure, note 4 in every edition)."""
    return constant - s_over_h if s_over_h > threshold else 1.0


@equation("interpolated in Lr/s (0 -> 1.00, 0.3 -> 0.90, 1.0 -> 0.75, >= 2 -> 0.60)", clause=_CF + " note 5")
def return_corner_factor(lr_over_s: float, lr_points: Sequence[float], factors: Sequence[float]) -> float:
    """Reduction of the starred Case C values by the return-corner length ratio Lr/s.

    The figure prints Lr/s = 0.3 -> 0.90, 1.0 -> 0.75, >= 2 -> 0.60 and permits interpolation;
    the pack adds (0, 1.00), "no return corner", so short returns interpolate instead of jumping.
    """
    return interpolate_1d(lr_over_s, lr_points, factors)


@dataclass(frozen=True)
class CaseCColumn:
    """One B/s column of a Case C table: region bounds in multiples of s, tabulated Cf, starred flags."""

    b_over_s: float
    bounds_s: tuple[tuple[float, float], ...]
    cf: tuple[float, ...]
    starred: tuple[bool, ...]

    def value_at(self, mid_s: float, rc_factor: float) -> float:
        """Cf of the region holding ``mid_s`` (times the return-corner factor where starred).

        A region past this column's last tabulated region (the sign is wider than the column's
        B/s) takes the last, trailing value: the conservative reading when interpolating between
        columns with different regions.
        """
        for (lo, hi), cf, star in zip(self.bounds_s, self.cf, self.starred, strict=True):
            if lo <= mid_s < hi:
                return cf * (rc_factor if star else 1.0)
        return self.cf[-1] * (rc_factor if self.starred[-1] else 1.0)


def case_c_column(
    b_over_s: float,
    regions: Sequence[tuple[float, float | None, float | None, bool]],
) -> CaseCColumn:
    """Build one column from (from_s, to_s or None = leeward edge, cf or None = empty cell, starred)."""
    bounds: list[tuple[float, float]] = []
    values: list[float] = []
    flags: list[bool] = []
    for lo, hi, cf, star in regions:
        if cf is None:
            continue
        bounds.append((lo, math.inf if hi is None else hi))
        values.append(cf)
        flags.append(star)
    return CaseCColumn(b_over_s, tuple(bounds), tuple(values), tuple(flags))


@dataclass(frozen=True)
class CaseCRegionCf:
    """A Case C region of the actual sign: bounds from the windward edge (ft) and its Cf."""

    from_ft: float
    to_ft: float
    cf: float


def case_c_coefficients(
    b_over_s: float,
    sign_height_ft: float,
    columns: Sequence[CaseCColumn],
    rc_factor: float = 1.0,
) -> list[CaseCRegionCf]:
    """Case C regions of a sign with B/s >= 2 and their Cf (return corner applied, other factors not).

    Cf figure, Case C table: regions measured from the windward edge in multiples of s; columns
    by B/s with linear interpolation (note 5). Between two columns the regions are the union of
    both columns' bounds, each region's Cf interpolated linearly in B/s; the last region is cut at
    the leeward edge (B/s). Beyond the last column its values hold.
    """
    ordered = sorted(columns, key=lambda c: c.b_over_s)
    xs = [c.b_over_s for c in ordered]
    if b_over_s <= xs[0]:
        lower = upper = ordered[0]
    elif b_over_s >= xs[-1]:
        lower = upper = ordered[-1]
    else:
        i = bisect.bisect_right(xs, b_over_s)
        lower, upper = ordered[i - 1], ordered[i]
        if math.isclose(b_over_s, lower.b_over_s):
            upper = lower
    cuts = {0.0, b_over_s}
    for column in {id(lower): lower, id(upper): upper}.values():
        for lo, hi in column.bounds_s:
            cuts.update(v for v in (lo, hi) if v < b_over_s)
    edges = sorted(cuts)
    weight = 0.0 if upper is lower else (b_over_s - lower.b_over_s) / (upper.b_over_s - lower.b_over_s)
    out: list[CaseCRegionCf] = []
    for lo, hi in itertools.pairwise(edges):
        if hi - lo <= 1e-12:
            continue
        mid = 0.5 * (lo + hi)
        v_lo = lower.value_at(mid, rc_factor)
        v_hi = upper.value_at(mid, rc_factor)
        cf = v_lo + weight * (v_hi - v_lo)
        out.append(CaseCRegionCf(lo * sign_height_ft, hi * sign_height_ft, cf))
    return out


def sign_design_force_lb(
    qh_psf: float, gust_factor: float, cf: float, area_ft2: float, kd_in_force: float = 1.0
) -> float:
    """F = qh (Kd) G Cf As, lb.

    7-05 Eq. 6-27, 7-10 Eq. 29.4-1, 7-16 Eq. 29.3-1 (Kd inside qh: pass kd_in_force = 1);
    7-22 Eq. 29.3-1 (qh without Kd: pass the sign's Kd here). Kd must appear exactly once.
    """
    return qh_psf * kd_in_force * gust_factor * cf * area_ft2


@equation("h - s/2", clause=_CF + " note 3")
def resultant_height_ft(top_height_ft: float, sign_height_ft: float, raise_ratio: float = 0.0) -> float:
    """Height of the resultant above grade: the geometric centre h - s/2, raised by ratio x s.

    Cf figure note 3: for s/h = 1 (wall on the ground) the resultant acts 0.05 s above the centre.
    """
    return top_height_ft - 0.5 * sign_height_ft + raise_ratio * sign_height_ft


@equation("{ratio:g} B", clause=_CF + " note 3")
def case_b_eccentricity_ft(sign_width_ft: float, ratio: float = 0.2) -> float:
    """Case B: resultant 0.2 B from the geometric centre toward the windward edge (Cf figure note 3)."""
    return ratio * sign_width_ft


@equation("{pressure:g} As", clause="ASCE 7-16 §29.7")
def minimum_design_force_lb(minimum_pressure_psf: float, area_ft2: float) -> float:
    """Minimum design wind force: pressure x area (7-05 §6.1.4.1 10 psf; 7-10 §29.8, 7-16/7-22 §29.7 16 psf)."""
    return minimum_pressure_psf * area_ft2


@equation("bilinear interpolation in s/h and B/s", clause=_CF)
def case_ab_cf_table(
    s_over_h: float, b_over_s: float, rows: Sequence[float], columns: Sequence[float], cells: Sequence[Sequence[float]]
) -> float:
    """Cf of Cases A and B from the figure's s/h rows and B/s columns (interpolation permitted)."""
    return interpolate_2d(s_over_h, b_over_s, rows, columns, cells)


@equation("B s", clause=_FORCE)
def gross_area_ft2(sign_width_ft: float, sign_height_ft: float) -> float:
    """As = B s, the gross face area of a rectangular sign, ft²."""
    return sign_width_ft * sign_height_ft


def force_equation(module: str, name: str, formula: str, clause: str, number: str) -> Callable[..., float]:
    """A registered force equation F = q (Kd) G Cf A as some editions print it.

    ``kd_in_force`` stays 1 for the forms with Kd inside q (7-05 to 7-16); the 7-22 forms, whose
    formula shows Kd, pass it.
    """

    def form(q_psf: float, gust_factor: float, cf: float, area_ft2: float, kd_in_force: float = 1.0) -> float:
        return q_psf * kd_in_force * gust_factor * cf * area_ft2

    form.__module__, form.__name__, form.__qualname__ = module, name, name
    form.__doc__ = f"F = {formula}, lb ({clause}, {number})."
    editions = ("7-22",) if " Kd " in formula else ("7-05", "7-10", "7-16")
    return equation(formula, clause=clause, number=number, editions=editions)(form)


_N = "Eq. 29.3-1"
sign_force_kd_in_qh_lb = force_equation(__name__, "sign_force_kd_in_qh_lb", "qh G Cf As", _FORCE, _N)
sign_force_kd_in_force_lb = force_equation(__name__, "sign_force_kd_in_force_lb", "qh Kd G Cf As", _FORCE, _N)


@equation("{asd_factor:g} F,A", clause="ASCE 7-16 §2.4.1")
def asd_level_force_lb(force_lb: float, asd_factor: float) -> float:
    """The Case A force at allowable-stress level: 0.6 W from the strength-level W (1.0 in 7-05)."""
    return asd_factor * force_lb


@equation("h - s/2 + {raise_ratio:g} s", clause=_CF + " note 3")
def wall_resultant_height_ft(top_height_ft: float, sign_height_ft: float, raise_ratio: float) -> float:
    """Resultant height of a wall on the ground (s/h = 1): 0.05 s above the centre (note 3)."""
    return resultant_height_ft(top_height_ft, sign_height_ft, raise_ratio)


@equation("F,A y")
def case_a_moment_lb_ft(force_lb: float, resultant_height_ft: float) -> float:
    """Overturning moment at grade of the Case A (and B) force: F times its height, lb-ft."""
    return force_lb * resultant_height_ft


@equation("F,A e,B", clause=_CF + " note 3")
def case_b_torsion_lb_ft(force_lb: float, eccentricity_ft: float) -> float:
    """Case B torsion: the Case A force times its offset 0.2 B from the centre, lb-ft."""
    return force_lb * eccentricity_ft


@equation("1.0", clause=_CF + " note 4")
def case_c_no_clearance_reduction(s_over_h: float) -> float:
    """Case C multiplier where s/h <= 0.8: none (note 4 applies only above 0.8)."""
    return 1.0


@equation("Cf,table x openings x clearance factor", clause=_CF)
def case_c_region_cf(cf_table: float, opening_factor: float, clearance_factor: float) -> float:
    """Cf of one Case C region: the table value times the openings and high-clearance factors."""
    return cf_table * opening_factor * clearance_factor


@equation("Σ Fi", clause=_CF)
def total_force_lb(forces_lb: Sequence[float]) -> float:
    """The total of the region (or band) forces, lb, summed in order."""
    total = 0.0
    for force in forces_lb:
        total += force
    return total


@equation("Σ Fi xi / Σ Fi")
def case_c_resultant_ft(forces_lb: Sequence[float], positions_ft: Sequence[float]) -> float:
    """Case C resultant from the windward edge: first moment of the region forces over their total, ft."""
    first_moment = 0.0
    for force, position in zip(forces_lb, positions_ft, strict=True):
        first_moment += force * position
    return first_moment / total_force_lb(forces_lb)


@equation("F,C (B/2 - x,C)")
def case_c_torsion_lb_ft(total_force_lb: float, sign_width_ft: float, resultant_ft: float) -> float:
    """Case C torsion about the sign centre: F,C times the resultant's offset from B/2, lb-ft."""
    return total_force_lb * (0.5 * sign_width_ft - resultant_ft)
