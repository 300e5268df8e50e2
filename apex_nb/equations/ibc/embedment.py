"""IBC §1806 lateral soil bearing and §1807.3 embedded posts and poles (2018, 2021, 2024).

The constants (0.5, 2.34, 4.36, 4.25, 1/3, 12 ft, 15x, 2x, 4/3) live in the ``ibc-foundations``
and ``ibc-soils`` packs and are passed in; the defaults here equal the printed values and serve
the tables in the tests. Clause numbers are the same in the three editions.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from apex_nb.equations.metadata import equation
from apex_nb.units import FT3_PER_YD3

_E18_1 = "IBC §1807.3.2.1"
_E18_2 = "IBC §1807.3.2.2"


@equation("side √2", clause=_E18_1)
def square_diagonal_ft(side_ft: float) -> float:
    """b for a square post or footing: its diagonal, side x √2 (§1807.3.2.1, definition of b)."""
    return side_ft * math.sqrt(2.0)


def lateral_bearing_at_depth_psf(
    lateral_psf_per_ft: float,
    depth_ft: float,
    max_multiple: float = 15.0,
) -> float:
    """Allowable lateral bearing at ``depth_ft`` below grade before the §1806.1/§1806.3.4 factors.

    IBC §1806.3.3: the Table 1806.2 value (psf per ft) grows by the tabular value for each foot
    of depth, to at most ``max_multiple`` (15) times the tabular value.
    """
    return lateral_psf_per_ft * min(depth_ft, max_multiple)


@equation("k_pole k_1/3", clause="IBC §1806.3.4; §1806.1")
def lateral_bearing_factor(isolated_pole_factor: float = 1.0, one_third_increase_factor: float = 1.0) -> float:
    """Product of the §1806.3.4 isolated-pole factor (1 or 2) and the §1806.1 increase (1 or 4/3)."""
    return isolated_pole_factor * one_third_increase_factor


def pressure_depth_ft(
    embedment_ft: float,
    depth_fraction: float,
    depth_limit_ft: float = 12.0,
    limit_applies_to: str = "embedment_depth",
) -> float:
    """Depth at which S1 (fraction 1/3) or S3 (fraction 1) is evaluated, with the 12 ft limit.

    IBC §1807.3.2.1 defines d as the embedment depth "but not over 12 feet for purpose of
    computing lateral pressure". ``embedment_depth`` (literal): min(d, 12) x fraction.
    ``pressure_depth`` (the ICC 2006 Structural Q&A reading reported by ENERCALC):
    min(d x fraction, 12). The two agree for d <= 12 ft.
    """
    if limit_applies_to == "embedment_depth":
        return min(embedment_ft, depth_limit_ft) * depth_fraction
    if limit_applies_to == "pressure_depth":
        return min(embedment_ft * depth_fraction, depth_limit_ft)
    raise ValueError(f"limit_applies_to must be 'embedment_depth' or 'pressure_depth', got {limit_applies_to!r}")


@equation("{coefficient:g} P / (S1 b)", clause=_E18_1, number="Eq. 18-1")
def nonconstrained_a_ft(force_lb: float, s1_psf: float, b_ft: float, coefficient: float = 2.34) -> float:
    """A = 2.34 P / (S1 b), ft (IBC §1807.3.2.1, Eq. 18-1)."""
    return coefficient * force_lb / (s1_psf * b_ft)


@equation("0.5 A {1 + [1 + 4.36 h/A]^½}", clause=_E18_1, number="Eq. 18-1")
def nonconstrained_depth_ft(
    a_ft: float,
    height_ft: float,
    half: float = 0.5,
    h_coefficient: float = 4.36,
) -> float:
    """d = 0.5 A {1 + [1 + 4.36 h / A]^½}, ft (IBC §1807.3.2.1, Eq. 18-1)."""
    return half * a_ft * (1.0 + math.sqrt(1.0 + h_coefficient * height_ft / a_ft))


def nonconstrained_a_for_depth_ft(depth_ft: float, height_ft: float, h_coefficient: float = 4.36) -> float:
    """The A that makes Eq. 18-1 give exactly ``depth_ft`` (Eq. 18-1 solved for A with half = 0.5).

    From (2d/A − 1)² = 1 + 4.36h/A: A = 4d² / (4d + 4.36h). Used to state the lateral pressure a
    given depth needs: S1,req = 2.34 P / (A b).
    """
    return 4.0 * depth_ft**2 / (4.0 * depth_ft + h_coefficient * height_ft)


@equation("[{coefficient:g} P h / (S3 b)]^½", clause=_E18_2, number="Eq. 18-2")
def constrained_depth_ft(
    force_lb: float,
    height_ft: float,
    s3_psf: float,
    b_ft: float,
    coefficient: float = 4.25,
) -> float:
    """d = [4.25 P h / (S3 b)]^½, ft (IBC §1807.3.2.2, Eq. 18-2; P h = Mg gives Eq. 18-3)."""
    return math.sqrt(coefficient * force_lb * height_ft / (s3_psf * b_ft))


def constrained_s3_required_psf(
    force_lb: float, height_ft: float, depth_ft: float, b_ft: float, coefficient: float = 4.25
) -> float:
    """S3 that Eq. 18-2 needs at embedment ``depth_ft``: 4.25 P h / (d² b), psf."""
    return coefficient * force_lb * height_ft / (depth_ft**2 * b_ft)


@equation("bisection on d − d_req(S(d)) = 0", clause="IBC §1807.3.2")
def solve_fixed_depth(
    required_depth: Callable[[float], float],
    *,
    tolerance_ft: float = 1e-7,
    start_ft: float = 1.0,
    max_iterations: int = 200,
) -> tuple[float, int]:
    """Smallest d with d >= required_depth(d), by bracketing and bisection; returns (d, iterations).

    ``required_depth`` is Eq. 18-1 or 18-2 evaluated with the soil pressure at trial depth d; it
    does not increase with d (deeper soil is stronger), so g(d) = d − required_depth(d) rises
    and has one root. Plain fixed-point iteration d ← f(d) can oscillate without converging
    when A dominates (slope near −1); bisection always converges. ``iterations`` counts every
    evaluation of ``required_depth`` (bracketing included).
    """
    iterations = 0

    def g(depth: float) -> float:
        nonlocal iterations
        iterations += 1
        return depth - required_depth(depth)

    low, high = 0.0, max(start_ft, tolerance_ft)
    while g(high) < 0.0:
        low = high
        high *= 2.0
        if iterations > max_iterations:
            raise ArithmeticError("embedment depth not bracketed")
    while high - low > tolerance_ft:
        mid = 0.5 * (low + high)
        if g(mid) < 0.0:
            low = mid
        else:
            high = mid
        if iterations > max_iterations:
            raise ArithmeticError("embedment depth did not converge")
    return high, iterations


def round_up_to_increment(value: float, increment: float) -> float:
    """Round ``value`` up to a whole number of ``increment`` (a practical drilling depth or size).

    A relative tolerance of 1e-9 keeps values that are already on the grid (up to float noise).
    """
    steps = math.ceil(value / increment - 1e-9)
    return round(steps * increment, 10)


def shaft_volume_ft3(depth_ft: float, diameter_ft: float | None = None, square_side_ft: float | None = None) -> float:
    """Concrete volume of a round (π D²/4 d) or square (side² d) shaft, ft³."""
    if diameter_ft is not None:
        return math.pi * diameter_ft**2 / 4.0 * depth_ft
    if square_side_ft is not None:
        return square_side_ft**2 * depth_ft
    raise ValueError("give diameter_ft or square_side_ft")


@equation("P h")
def moment_at_grade_lb_ft(force_lb: float, height_ft: float) -> float:
    """Moment at grade of P acting h above it, lb-ft."""
    return force_lb * height_ft


@equation("k_lat S_lat min(z, {max_multiple:g})", clause="IBC §1806.3.3; §1806.3.4; §1806.1")
def allowable_lateral_pressure_psf(
    factor: float, lateral_psf_per_ft: float, depth_ft: float, max_multiple: float = 15.0
) -> float:
    """S1 or S3: the §1806.3.3 depth increase times the isolated-pole and one-third factors, psf."""
    return factor * lateral_bearing_at_depth_psf(lateral_psf_per_ft, depth_ft, max_multiple)


@equation("ceil(max(d_min, d_frost)/Δ) Δ")
def design_depth_ft(required_ft: float, minimum_ft: float, increment_ft: float) -> float:
    """Design depth: the larger of the required and the minimum (frost) depth, rounded up to the increment."""
    return round_up_to_increment(max(required_ft, minimum_ft), increment_ft)


@equation("Eq. solved for the soil pressure at d", clause="IBC §1807.3.2")
def pressure_needed_at_depth_psf(
    force_lb: float,
    height_ft: float,
    depth_ft: float,
    b_ft: float,
    *,
    constrained: bool,
    constrained_coefficient: float = 4.25,
    a_coefficient: float = 2.34,
    h_coefficient: float = 4.36,
) -> float:
    """The lateral soil pressure Eq. 18-2 (constrained) or Eq. 18-1 (nonconstrained) needs at depth d, psf."""
    if constrained:
        return constrained_s3_required_psf(force_lb, height_ft, depth_ft, b_ft, constrained_coefficient)
    a_needed = nonconstrained_a_for_depth_ft(depth_ft, height_ft, h_coefficient)
    return a_coefficient * force_lb / (a_needed * b_ft)


@equation("π D²/4 d / 27")
def round_shaft_concrete_yd3(depth_ft: float, diameter_ft: float) -> float:
    """Concrete in a round shaft, yd³."""
    return shaft_volume_ft3(depth_ft, diameter_ft=diameter_ft) / FT3_PER_YD3


@equation("side² d / 27")
def square_shaft_concrete_yd3(depth_ft: float, side_ft: float) -> float:
    """Concrete in a square shaft, yd³."""
    return shaft_volume_ft3(depth_ft, square_side_ft=side_ft) / FT3_PER_YD3
