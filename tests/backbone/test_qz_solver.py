"""wind.asce7_qz against hand calculations from the standard's own tables and equations.

Hand values: qz = 0.00256 Kz Kzt Kd Ke V² (I in 7-05), Kz from ASCE 7-16 Table 26.10-1
(identical to 7-10 Table 29.3-1 and 7-05 Table 6-3 Case 2). Tolerance 1e-9 relative: the
solver must reproduce the arithmetic exactly; table transcription is tested in tests/packs.
"""

from __future__ import annotations

import math

import pytest

from apex_nb import solve
from apex_nb.equations.asce7.velocity_pressure import interpolate_table, kz_power_law

CASES = [
    # edition, V, exposure, z, extra, Kz, Kd in qz, Ke, I, qz hand
    ("7-16", 115, "C", 30, {}, 0.98, 0.85, 1.0, 1.0, 0.00256 * 0.98 * 0.85 * 115**2),
    ("7-10", 115, "C", 30, {}, 0.98, 0.85, 1.0, 1.0, 0.00256 * 0.98 * 0.85 * 115**2),
    ("7-16", 140, "B", 15, {}, 0.57, 0.85, 1.0, 1.0, 0.00256 * 0.57 * 0.85 * 140**2),
    ("7-16", 140, "B", 5, {}, 0.57, 0.85, 1.0, 1.0, 0.00256 * 0.57 * 0.85 * 140**2),
    ("7-16", 120, "D", 45, {}, 1.245, 0.85, 1.0, 1.0, 0.00256 * 1.245 * 0.85 * 120**2),
    ("7-05", 90, "C", 30, {"importance_factor": 1.15}, 0.98, 0.85, 1.0, 1.15, 0.00256 * 0.98 * 0.85 * 90**2 * 1.15),
    (
        "7-16",
        115,
        "C",
        30,
        {"ground_elevation_ft": 5000},
        0.98,
        0.85,
        math.exp(-0.0000362 * 5000),
        1.0,
        0.00256 * 0.98 * 0.85 * math.exp(-0.0000362 * 5000) * 115**2,
    ),
]


@pytest.mark.parametrize(("edition", "v", "exposure", "z", "extra", "kz", "kd", "ke", "imp", "qz"), CASES)
def test_hand_calculations(
    edition: str, v: float, exposure: str, z: float, extra: dict, kz: float, kd: float, ke: float, imp: float, qz: float
) -> None:
    env = solve(
        "wind.asce7_qz", {"edition": edition, "wind_speed_mph": v, "exposure": exposure, "height_ft": z, **extra}
    )
    assert env.result["kz"] == pytest.approx(kz, rel=1e-9)
    assert env.result["kd"] == pytest.approx(kd)
    assert env.result["ke"] == pytest.approx(ke, rel=1e-12)
    assert env.result["importance_factor"] == pytest.approx(imp)
    assert env.result["qz_psf"] == pytest.approx(qz, rel=1e-9)


def test_7_22_keeps_kd_out_of_qz() -> None:
    env = solve(
        "wind.asce7_qz",
        {"edition": "7-22", "wind_speed_mph": 115, "exposure": "C", "height_ft": 30, "kz_method": "formula"},
    )
    assert env.result["kd_in_qz"] is False
    kz = kz_power_law(30, 9.8, 2460, 2.41, 15)
    assert env.result["qz_psf"] == pytest.approx(0.00256 * kz * 115**2, rel=1e-12)


def test_7_22_table_method_needs_a_verified_table_or_says_so() -> None:
    inputs = {"edition": "7-22", "wind_speed_mph": 115, "exposure": "C", "height_ft": 30}
    from apex_nb import InputError
    from apex_nb.packs import PackLibrary

    if PackLibrary().get("asce7-22-wind").data.kz_table is None:
        with pytest.raises(InputError, match="kz_method"):
            solve("wind.asce7_qz", inputs)
    else:
        assert solve("wind.asce7_qz", inputs).result["kz"] > 0


@pytest.mark.parametrize(("x", "expected"), [(0, 1.0), (10, 1.0), (15, 2.0), (20, 3.0), (99, 3.0)])
def test_interpolate_table(x: float, expected: float) -> None:
    assert interpolate_table(x, [10, 20], [1.0, 3.0]) == pytest.approx(expected)


def test_formula_and_table_agree_within_one_percent() -> None:
    for z in (15, 22, 37, 60, 95, 150):
        table = solve("wind.asce7_qz", {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C", "height_ft": z})
        formula = solve(
            "wind.asce7_qz",
            {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C", "height_ft": z, "kz_method": "formula"},
        )
        assert table.result["kz"] == pytest.approx(formula.result["kz"], rel=0.01)
        assert table.content_sha256 != formula.content_sha256
