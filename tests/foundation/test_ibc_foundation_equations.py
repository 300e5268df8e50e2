"""Tables for the IBC Chapter 18 equations (apex_nb.equations.ibc) and one published check."""

from __future__ import annotations

import math

import pytest

from apex_nb.equations.ibc import embedment as emb
from apex_nb.equations.ibc import spread_footing as sf


@pytest.mark.parametrize(
    ("force", "s1", "b", "expected"),
    [
        (1000.0, 100.0, 1.0, 23.4),
        (890.0, 400.0, 3.0, 2.34 * 890.0 / 1200.0),
        (33700.0, 2400.0, 14.8492, 2.34 * 33700.0 / (2400.0 * 14.8492)),
    ],
)
def test_nonconstrained_a(force, s1, b, expected):
    assert emb.nonconstrained_a_ft(force, s1, b) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    ("a", "h", "expected"),
    [
        (1.0, 0.0, 1.0),  # h = 0: d = A
        (2.0, 2.0 / 4.36 * 3.0, 0.5 * 2.0 * (1 + 2.0)),  # 1 + 4.36h/A = 4
        (4.0, 10.0, 0.5 * 4.0 * (1 + math.sqrt(1 + 43.6 / 4.0))),
    ],
)
def test_nonconstrained_depth(a, h, expected):
    assert emb.nonconstrained_depth_ft(a, h) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(("d", "h"), [(1.0, 1.0), (3.5, 10.0), (12.0, 40.0), (30.0, 5.0)])
def test_a_for_depth_inverts_eq_18_1(d, h):
    a = emb.nonconstrained_a_for_depth_ft(d, h)
    assert emb.nonconstrained_depth_ft(a, h) == pytest.approx(d, rel=1e-12)


@pytest.mark.parametrize(
    ("p", "h", "s3", "b", "expected"),
    [
        (1000.0, 10.0, 425.0, 1.0, 10.0),  # 4.25 * 1000 * 10 / 425 = 100
        (30000.0, 3.0, 3466.344, 4.5, math.sqrt(4.25 * 30000 * 3 / (3466.344 * 4.5))),
    ],
)
def test_constrained_depth(p, h, s3, b, expected):
    d = emb.constrained_depth_ft(p, h, s3, b)
    assert d == pytest.approx(expected, rel=1e-12)
    assert emb.constrained_s3_required_psf(p, h, d, b) == pytest.approx(s3, rel=1e-12)


@pytest.mark.parametrize(
    ("s", "z", "expected"),
    [(150.0, 2.0, 300.0), (100.0, 15.0, 1500.0), (100.0, 20.0, 1500.0), (200.0, 0.0, 0.0)],
)
def test_lateral_bearing_depth_increase_and_15x_cap(s, z, expected):
    """IBC §1806.3.3: tabular value per foot of depth, at most 15 times the tabular value."""
    assert emb.lateral_bearing_at_depth_psf(s, z) == expected


@pytest.mark.parametrize(
    ("d", "fraction", "rule", "expected"),
    [
        (9.0, 1 / 3, "embedment_depth", 3.0),
        (9.0, 1 / 3, "pressure_depth", 3.0),
        (30.0, 1 / 3, "embedment_depth", 4.0),  # literal: min(d, 12)/3
        (30.0, 1 / 3, "pressure_depth", 10.0),  # ICC Q&A reading: min(d/3, 12)
        (40.0, 1 / 3, "pressure_depth", 12.0),
        (14.0, 1.0, "embedment_depth", 12.0),
        (14.0, 1.0, "pressure_depth", 12.0),
    ],
)
def test_pressure_depth_12_ft_rules(d, fraction, rule, expected):
    assert emb.pressure_depth_ft(d, fraction, 12.0, rule) == pytest.approx(expected)


def test_pressure_depth_unknown_rule():
    with pytest.raises(ValueError, match="limit_applies_to"):
        emb.pressure_depth_ft(5.0, 1 / 3, 12.0, "other")


@pytest.mark.parametrize(("pole", "third", "expected"), [(1, 1, 1), (2, 1, 2), (1, 4 / 3, 4 / 3), (2, 4 / 3, 8 / 3)])
def test_lateral_bearing_factor(pole, third, expected):
    assert emb.lateral_bearing_factor(pole, third) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "increment", "expected"),
    [(3.01, 0.5, 3.5), (3.5, 0.5, 3.5), (3.5000000001, 0.5, 3.5), (0.1, 0.25, 0.25), (12.58, 1.0, 13.0)],
)
def test_round_up(value, increment, expected):
    assert emb.round_up_to_increment(value, increment) == expected


def test_square_diagonal_and_volumes():
    assert emb.square_diagonal_ft(126 / 12) * 12 == pytest.approx(178.19, abs=0.005)  # Tedds sheet: 178.19 in
    assert emb.shaft_volume_ft3(4.0, diameter_ft=3.0) == pytest.approx(math.pi * 9 / 4 * 4)
    assert emb.shaft_volume_ft3(4.0, square_side_ft=2.0) == 16.0
    with pytest.raises(ValueError):
        emb.shaft_volume_ft3(4.0)


def test_solve_fixed_depth_converges_where_plain_iteration_oscillates():
    """h -> 0 makes d = A(d) with A ∝ 1/d: slope −1, so d <- f(d) cycles; bisection converges."""
    p, b, s = 1000.0, 1.0, 100.0

    def f(d):
        return emb.nonconstrained_depth_ft(emb.nonconstrained_a_ft(p, s * d / 3, b), 1e-9)

    d, iterations = emb.solve_fixed_depth(f, tolerance_ft=1e-9)
    assert d == pytest.approx(math.sqrt(3 * 2.34 * p / (s * b)), rel=1e-7)
    assert 0 < iterations < 200
    x = 5.0
    cycle = [x := f(x) for _ in range(4)]
    assert cycle[0] == pytest.approx(cycle[2]) and abs(cycle[0] - cycle[1]) > 1.0


def test_published_zephyrhills_rectangular_check_eq_18_1():
    """City of Zephyrhills FL permit archive, doc 178567 page 35 ('Calculations for freestanding
    signs', easyseals.com sheet, FBC §1807.3.2.1): rectangular footing 2.33 x 5.5 ft, b taken as
    L = 5.5 ft across the wind, d = 4 ft, class 4 (150 psf/ft) x 2, S1 = 400 psf, P = 1.74 kip at
    4.17 ft: A = 1.9 ft, d_req = 3.97 ft. Tolerance 0.01 ft: the sheet prints P, h and d to
    2 decimals."""
    s1 = 2 * 150 * emb.pressure_depth_ft(4.0, 1 / 3)
    assert s1 == pytest.approx(400.0)
    a = emb.nonconstrained_a_ft(1740.0, s1, 5.5)
    assert a == pytest.approx(1.9, abs=0.05)
    assert emb.nonconstrained_depth_ft(a, 4.17) == pytest.approx(3.97, abs=0.01)


@pytest.mark.parametrize(
    ("p", "b", "length", "e", "q_max", "q_min"),
    [
        (12000.0, 4.0, 6.0, 0.0, 500.0, 500.0),
        (12000.0, 4.0, 6.0, 0.5, 750.0, 250.0),
        (12000.0, 4.0, 6.0, 1.0, 1000.0, 0.0),  # e = L/6: triangle of full length
    ],
)
def test_trapezoid(p, b, length, e, q_max, q_min):
    assert sf.trapezoid_bearing_psf(p, b, length, e) == pytest.approx((q_max, q_min))


def test_triangle_meets_trapezoid_at_kern_and_grows_beyond():
    p, b, length = 12000.0, 4.0, 6.0
    assert sf.kern_ft(length) == 1.0
    assert sf.triangle_bearing_psf(p, b, length, 1.0) == pytest.approx(sf.trapezoid_bearing_psf(p, b, length, 1.0)[0])
    assert sf.triangle_contact_length_ft(length, 1.0) == pytest.approx(length)
    assert sf.triangle_bearing_psf(p, b, length, 2.0) == pytest.approx(2 * p / (3 * b * 1.0))
    assert sf.triangle_contact_length_ft(length, 2.0) == pytest.approx(3.0)


@pytest.mark.parametrize(
    ("c", "area", "dead", "cap", "expected"),
    [(130.0, 10.0, 10000.0, 0.5, 1300.0), (130.0, 100.0, 10000.0, 0.5, 5000.0), (130.0, 100.0, 10000.0, None, 13000.0)],
)
def test_cohesion_limited_to_half_dead_load(c, area, dead, cap, expected):
    """IBC §1806.3.2: sliding resistance of clays and silts not over one-half the dead load."""
    assert sf.cohesion_resistance_lb(c, area, dead, cap) == pytest.approx(expected)


def test_statics_helpers():
    assert sf.eccentricity_ft(2142.7, 2696.15) == pytest.approx(0.7947, abs=1e-4)
    assert sf.overturning_moment_lb_ft(1000.0, 100.0, 2.5) == 1250.0
    assert sf.resisting_moment_lb_ft(2696.15, 2.58) == pytest.approx(3478.0, abs=0.1)
    assert sf.safety_factor(3.0, 2.0) == 1.5
    assert sf.friction_resistance_lb(0.25, 1000.0) == 250.0
    assert sf.footing_weight_lb(2.58, 2.58, 2.5, 150.0) == pytest.approx(2496.15)
    assert sf.cover_weight_lb(2.0, 3.0, 1.0, 100.0) == 600.0
