"""AISC Design Guide 1 base plate equations.

Published example: AISC Design Guide 1, 2nd Ed. (Fisher and Kloiber, 2006), Appendix B.5.2
"Large Moment Base Plate Design, Triangular Pressure Distribution Approach", p. 60: W8x31
(d = bf = 8 in.), Pu = 90 kips, Mu = 720 kip-in (Pa = 60, Ma = 480), A2/A1 = 4, f'c = 3 ksi,
14 x 14 in. plate, rods 1.5 in. from the edge (A' = f = 5.5 in., N' = 12.5 in.), AISC 360-05
φc = 0.60 / Ωc = 2.50: fp = 3.06 ksi (LRFD) / 2.04 ksi (ASD), f' = 268 / 178 kips, A = 5.27 in.
(both methods). Tolerance 0.5 %: the guide carries three significant figures (f' = 268 for
267.75 moves A by 0.13 %).

The uniform-bearing (DG1 §3.4) values for the same geometry are a hand calculation, not a
published number: Y = 12.5 - sqrt(156.25 - 2 (90 x 5.5 + 720)/42.84) = 2.523 in.,
T = 42.84 x 2.5235 - 90 = 18.11 kips (LRFD).
"""

from __future__ import annotations

import math

import pytest

from apex_nb.equations.aisc_dg1 import base_plate as dg1

REL_PUBLISHED = 5e-3


def test_dg1_2nd_b52_bearing_stress() -> None:
    fp_n = dg1.bearing_strength_ksi(3.0, dg1.confinement_factor(196.0, 784.0))
    assert 0.60 * fp_n == pytest.approx(3.06, rel=REL_PUBLISHED)
    assert fp_n / 2.50 == pytest.approx(2.04, rel=REL_PUBLISHED)


@pytest.mark.parametrize(("fp", "p", "m", "f_term"), [(3.06, 90.0, 720.0, 268.0), (2.04, 60.0, 480.0, 178.0)])
def test_dg1_2nd_b52_triangular_bearing_length(fp: float, p: float, m: float, f_term: float) -> None:
    assert dg1.triangular_force_term_kip(fp, 14.0, 12.5) == pytest.approx(f_term, rel=REL_PUBLISHED)
    assert dg1.triangular_bearing_length_in(fp, 14.0, 12.5, p, 5.5, m) == pytest.approx(5.27, rel=REL_PUBLISHED)


def test_triangular_rod_tension_is_equilibrium() -> None:
    a = dg1.triangular_bearing_length_in(3.06, 14.0, 12.5, 90.0, 5.5, 720.0)
    t = dg1.triangular_rod_tension_kip(3.06, a, 14.0, 90.0)
    # Moments about the rod: the bearing resultant at N' - A/3 balances P (A') + M.
    assert 3.06 * a * 14.0 / 2.0 * (12.5 - a / 3.0) == pytest.approx(90.0 * 5.5 + 720.0, rel=1e-9)
    assert t == pytest.approx(3.06 * a * 7.0 - 90.0)


def test_uniform_large_moment_hand_values() -> None:
    q = 3.06 * 14.0
    assert dg1.critical_eccentricity_in(14.0, 90.0, q) == pytest.approx(7.0 - 90.0 / (2 * q))
    y = dg1.large_moment_bearing_length_in(5.5, 14.0, 90.0, 720.0, q)
    assert y == pytest.approx(2.523, abs=2e-3)
    assert dg1.large_moment_rod_tension_kip(q, y, 90.0) == pytest.approx(18.11, abs=0.01)
    # Equilibrium about the rod row: q Y (f + N/2 - Y/2) = P f + M.
    assert q * y * (12.5 - y / 2.0) == pytest.approx(90 * 5.5 + 720, rel=1e-9)


@pytest.mark.parametrize(
    ("plate", "post", "k", "expected"), [(14.0, 8.0, 0.95, 3.2), (16.0, 8.625, 0.80, 4.55), (20.0, 10.0, 0.95, 5.25)]
)
def test_cantilever_table(plate: float, post: float, k: float, expected: float) -> None:
    assert dg1.cantilever_in(plate, post, k) == pytest.approx(expected)


@pytest.mark.parametrize(("fp", "m", "fy"), [(3.06, 3.2, 36.0), (1.5, 5.0, 50.0), (2.2, 4.25, 36.0)])
def test_thickness_matches_dg1_closed_forms(fp: float, m: float, fy: float) -> None:
    """DG1 Eq. 3.3.14a/b: tp = 1.5 m sqrt(fp/Fy) (LRFD), 1.83 m sqrt(fp/Fy) (ASD) for Y >= m.

    Exact coefficients are sqrt(2/0.9) = 1.491 and sqrt(2 x 1.67) = 1.828; DG1 rounds them, so 1 %.
    """
    mpl = dg1.bearing_moment_per_in(fp, 2 * m, m)
    assert dg1.plate_thickness_required_in(mpl, fy, 0.9) == pytest.approx(1.5 * m * math.sqrt(fp / fy), rel=1e-2)
    assert dg1.plate_thickness_required_in(mpl, fy, 1.0, 1.67) == pytest.approx(1.83 * m * math.sqrt(fp / fy), rel=1e-2)


def test_thickness_partial_bearing_matches_eq_3_3_15a() -> None:
    """DG1 Eq. 3.3.15a: tp = 2.11 sqrt(fp Y (m - Y/2)/Fy) (LRFD) for Y < m."""
    fp, y, m, fy = 3.06, 2.523, 3.2, 36.0
    mpl = dg1.bearing_moment_per_in(fp, y, m)
    assert dg1.plate_thickness_required_in(mpl, fy, 0.9) == pytest.approx(
        2.11 * math.sqrt(fp * y * (m - y / 2) / fy), rel=2e-3
    )


@pytest.mark.parametrize(
    ("x", "n", "s", "b", "expected"), [(2.0, 2, 11.0, 14.0, 8.0), (5.0, 2, 11.0, 14.0, 14.0), (1.0, 3, 5.0, 20.0, 6.0)]
)
def test_tension_effective_width_table(x: float, n: int, s: float, b: float, expected: float) -> None:
    assert dg1.tension_effective_width_in(b, x, n, s) == pytest.approx(expected)


def test_bearing_moment_nonpositive_cantilever_is_zero() -> None:
    assert dg1.bearing_moment_per_in(3.0, 5.0, -0.5) == 0.0
    assert dg1.confinement_factor(100.0, 1000.0) == 2.0
    assert dg1.confinement_factor(100.0, 50.0) == 1.0


@pytest.mark.parametrize(
    ("fp", "y", "m", "n", "expected"),
    [(3.06, 2.523, 3.2, 3.8, 0.0), (3.06, 3.2, 3.2, 3.8, 0.0), (2.0, 5.0, 3.2, 4.0, 16.0), (2.0, 5.0, 3.2, -1.0, 0.0)],
)
def test_n_strip_moment_only_when_bearing_passes_m(fp: float, y: float, m: float, n: float, expected: float) -> None:
    """DG1 2nd Ed. §3.4.2: with Y <= m all bearing sits on the m overhang (B.5.2 geometry: Y = 2.523 < 3.2)."""
    assert dg1.bearing_moment_across_per_in(fp, y, m, n) == pytest.approx(expected)
