"""One parametrized table per equation (hand values from the standard's own expressions)."""

from __future__ import annotations

import math

import pytest

from apex_nb.equations.asce7.other_structures import cf_by_aspect, d_sqrt_qz, other_structure_force_lb
from apex_nb.equations.asce7.signs import (
    aspect_ratio,
    case_b_eccentricity_ft,
    case_c_coefficients,
    case_c_column,
    case_c_high_clearance_factor,
    clearance_ratio,
    interpolate_1d,
    interpolate_2d,
    minimum_design_force_lb,
    opening_reduction_factor,
    resultant_height_ft,
    return_corner_factor,
    sign_design_force_lb,
)
from apex_nb.equations.en1991.wind import (
    mean_wind_velocity_mps,
    peak_velocity_pressure_pa,
    roughness_factor,
    signboard_eccentricity_m,
    signboard_reference_height_m,
    signboard_rule_applies,
    terrain_factor,
    turbulence_intensity,
    wind_force_n,
)
from apex_nb.packs import PackLibrary


@pytest.mark.parametrize(("s", "h", "expected"), [(8, 35, 8 / 35), (6.6, 6.6, 1.0), (3, 20, 0.15)])
def test_clearance_ratio(s: float, h: float, expected: float) -> None:
    assert clearance_ratio(s, h) == pytest.approx(expected)


@pytest.mark.parametrize(("b", "s", "expected"), [(100, 8, 12.5), (3, 3, 1.0), (689, 6.6, 689 / 6.6)])
def test_aspect_ratio(b: float, s: float, expected: float) -> None:
    assert aspect_ratio(b, s) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("eps", "expected"),
    [(1.0, 1.0), (0.9, 1 - 0.1**1.5), (0.8, 1 - 0.2**1.5), (0.7, 1 - 0.3**1.5), (0.5, 1 - 0.5**1.5)],
)
def test_opening_reduction_factor(eps: float, expected: float) -> None:
    """Figure note 2: 1 - (1 - ε)^1.5; ε = 0.8 gives 0.9106 (a face 20 % open keeps 91 % of Cf)."""
    assert opening_reduction_factor(eps) == pytest.approx(expected)
    assert opening_reduction_factor(0.8) == pytest.approx(0.91056, abs=5e-6)


@pytest.mark.parametrize(("s_h", "expected"), [(0.5, 1.0), (0.8, 1.0), (0.85, 0.95), (0.9, 0.9), (1.0, 0.8)])
def test_case_c_high_clearance_factor(s_h: float, expected: float) -> None:
    assert case_c_high_clearance_factor(s_h) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("lr_s", "expected"),
    [(0.0, 1.0), (0.15, 0.95), (0.3, 0.9), (0.65, 0.825), (1.0, 0.75), (1.5, 0.675), (2.0, 0.6), (50, 0.6)],
)
def test_return_corner_factor(lr_s: float, expected: float) -> None:
    assert return_corner_factor(lr_s, [0.0, 0.3, 1.0, 2.0], [1.0, 0.9, 0.75, 0.6]) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("h", "s", "raise_ratio", "expected"), [(35, 8, 0.0, 31.0), (6.6, 6.6, 0.05, 3.63), (20, 3, 0.0, 18.5)]
)
def test_resultant_height(h: float, s: float, raise_ratio: float, expected: float) -> None:
    assert resultant_height_ft(h, s, raise_ratio) == pytest.approx(expected)


@pytest.mark.parametrize(("b", "expected"), [(100, 20), (3, 0.6), (25, 5)])
def test_case_b_eccentricity(b: float, expected: float) -> None:
    assert case_b_eccentricity_ft(b) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("q", "g", "cf", "a", "kd", "expected"),
    [
        (17.8, 0.85, 1.8, 800, 1.0, 17.8 * 0.85 * 1.8 * 800),
        (30.0, 0.85, 1.5, 100, 0.85, 30.0 * 0.85 * 0.85 * 1.5 * 100),  # 7-22: Kd in the force
    ],
)
def test_sign_design_force(q: float, g: float, cf: float, a: float, kd: float, expected: float) -> None:
    assert sign_design_force_lb(q, g, cf, a, kd) == pytest.approx(expected)


@pytest.mark.parametrize(("p", "a", "expected"), [(16, 100, 1600), (10, 4547.4, 45474)])
def test_minimum_force(p: float, a: float, expected: float) -> None:
    assert minimum_design_force_lb(p, a) == pytest.approx(expected)


@pytest.mark.parametrize(("x", "expected"), [(-1, 1.0), (0, 1.0), (5, 2.0), (10, 3.0), (11, 3.0)])
def test_interpolate_1d(x: float, expected: float) -> None:
    assert interpolate_1d(x, [0, 10], [1.0, 3.0]) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("s_h", "b_s", "expected"),
    [
        (0.16, 1.0, 1.80),
        (1.0, 45, 1.30),
        (1.0, 104.4, 1.30),  # >= 45 holds
        (0.1, 0.01, 1.95),  # <= 0.16 and <= 0.05 hold
        (8 / 35, 12.5, 1.8482142857),  # SignWind sheet: two-way interpolation
        (0.5, 3.0, 1.70),
        (0.6, 1.5, (1.725 + 1.625) / 2),
    ],
)
def test_case_ab_interpolation(s_h: float, b_s: float, expected: float) -> None:
    t = PackLibrary().get("asce7-16-wind").data.solid_signs.case_ab
    assert interpolate_2d(s_h, b_s, t.row_values, t.column_values, t.cells) == pytest.approx(expected, abs=1e-9)


def _columns():
    signs = PackLibrary().get("asce7-16-wind").data.solid_signs
    out = []
    for block in signs.case_c_blocks:
        for j, b_s in enumerate(block.b_over_s):
            out.append(case_c_column(b_s, [(r.from_s, r.to_s, r.cf[j], r.return_corner[j]) for r in block.regions]))
    return out


@pytest.mark.parametrize(
    ("b_s", "rc", "expected"),
    [
        (2.0, 1.0, [(0, 1, 2.25), (1, 2, 1.50)]),
        (3.0, 1.0, [(0, 1, 2.60), (1, 2, 1.70), (2, 3, 1.15)]),
        (4.0, 1.0, [(0, 1, 2.90), (1, 2, 1.90), (2, 3, 1.30), (3, 4, 1.10)]),
        (6.0, 0.6, [(0, 1, 3.30 * 0.6), (1, 2, 2.15), (2, 3, 1.55), (3, 6, 1.05)]),
        # between columns 2 and 3: the 2s-3s region takes column 2's trailing 1.50 (conservative)
        (2.5, 1.0, [(0, 1, 2.425), (1, 2, 1.60), (2, 2.5, (1.50 + 1.15) / 2)]),
        # between 4 (not starred) and 5 (starred): reduced values are interpolated
        (4.5, 0.9, [(0, 1, (2.90 + 3.10 * 0.9) / 2), (1, 2, 1.95), (2, 3, 1.375), (3, 4.5, 1.075)]),
        (13.0, 1.0, [(0, 1, 4.0), (1, 2, 2.6), (2, 3, 2.0), (3, 4, 1.5), (4, 5, 1.35), (5, 10, 0.9), (10, 13, 0.55)]),
        (
            11.5,
            1.0,
            [
                (0, 1, 3.875),
                (1, 2, 2.525),
                (2, 3, 1.925),
                (3, 4, 1.225),
                (4, 5, 1.15),
                (5, 10, 0.925),
                (10, 11.5, 0.75),
            ],
        ),
        (
            60.0,
            1.0,
            [(0, 1, 4.3), (1, 2, 2.55), (2, 3, 1.95), (3, 4, 1.85), (4, 5, 1.85), (5, 10, 1.1), (10, 60, 0.55)],
        ),
    ],
)
def test_case_c_coefficients(b_s: float, rc: float, expected: list[tuple[float, float, float]]) -> None:
    s = 2.0
    regions = case_c_coefficients(b_s, s, _columns(), rc)
    got = [(r.from_ft / s, r.to_ft / s, r.cf) for r in regions]
    assert len(got) == len(expected)
    for (lo, hi, cf), (elo, ehi, ecf) in zip(got, expected, strict=True):
        assert (lo, hi) == pytest.approx((elo, ehi))
        assert cf == pytest.approx(ecf, abs=1e-12)


@pytest.mark.parametrize(
    ("row", "h_d", "expected"),
    [
        ("square_normal", 1, 1.3),
        ("square_normal", 4, 1.35),
        ("square_normal", 25, 2.0),
        ("square_normal", 40, 2.0),
        ("round_subcritical", 16, 1.0),
        ("round_moderately_smooth", 0.5, 0.5),
    ],
)
def test_other_structure_cf(row: str, h_d: float, expected: float) -> None:
    other = PackLibrary().get("asce7-16-wind").data.other_structures
    assert cf_by_aspect(h_d, other.h_over_d, other.rows[row]) == pytest.approx(expected)


@pytest.mark.parametrize(("d", "q", "expected"), [(0.5, 25, 2.5), (1.0, 16, 4.0)])
def test_d_sqrt_qz(d: float, q: float, expected: float) -> None:
    assert d_sqrt_qz(d, q) == pytest.approx(expected)


def test_other_structure_force() -> None:
    assert other_structure_force_lb(30, 0.85, 1.2, 5, 0.95) == pytest.approx(30 * 0.95 * 0.85 * 1.2 * 5)


@pytest.mark.parametrize(
    ("z0", "expected"), [(0.003, 0.19 * 0.06**0.07), (0.01, 0.1698), (0.05, 0.19), (0.3, 0.2154), (1.0, 0.2343)]
)
def test_terrain_factor(z0: float, expected: float) -> None:
    """EN 1991-1-4 Expression (4.5); category values as quoted in many worked examples to 4 places."""
    assert terrain_factor(z0) == pytest.approx(expected, abs=5e-5)


@pytest.mark.parametrize(
    ("z", "z0", "zmin", "kr", "expected"),
    [(5, 0.01, 1, 0.1698, 0.1698 * math.log(500)), (1, 0.05, 2, 0.19, 0.19 * math.log(40))],
)
def test_roughness_factor(z: float, z0: float, zmin: float, kr: float, expected: float) -> None:
    assert roughness_factor(z, z0, zmin, kr) == pytest.approx(expected)


def test_turbulence_mean_velocity_and_peak_pressure() -> None:
    iv = turbulence_intensity(5, 0.01, 1, 1.0)
    assert iv == pytest.approx(1 / math.log(500))
    vm = mean_wind_velocity_mps(1.0552, 1.0, 33)
    assert vm == pytest.approx(34.8216)
    assert peak_velocity_pressure_pa(0.2, 1.25, 20) == pytest.approx(2.4 * 0.5 * 1.25 * 400)


@pytest.mark.parametrize(
    ("zg", "h", "b", "applies"), [(1.5, 7, 5, True), (1.5, 7, 8, False), (2, 8, 20, True), (0, 2, 3, False)]
)
def test_signboard_rule(zg: float, h: float, b: float, applies: bool) -> None:
    assert signboard_rule_applies(zg, h, b) is applies


def test_signboard_height_eccentricity_force() -> None:
    assert signboard_reference_height_m(5.17, 1.86) == pytest.approx(6.10)
    assert signboard_eccentricity_m(6) == pytest.approx(1.5)
    assert wind_force_n(1.0, 1.8, 1000.0, 2.0) == pytest.approx(3600.0)
