"""The aisc360-factors and load-combinations packs: values a reader can check against the standards."""

from __future__ import annotations

import pytest

from apex_nb.calc import Calc
from apex_nb.packs import PackLibrary
from apex_nb.solvers.member.common import load_combinations

LIB = PackLibrary()


@pytest.mark.parametrize("edition", ["360-16", "360-22"])
def test_resistance_factors(edition: str) -> None:
    factors = LIB.get("aisc360-factors").data.editions[edition]
    for key in ("flexure", "shear_hss", "torsion", "compression"):
        assert (factors.resistance[key].phi, factors.resistance[key].omega) == (0.90, 1.67)
    assert (factors.resistance["shear_rolled_i_web"].phi, factors.resistance["shear_rolled_i_web"].omega) == (
        1.00,
        1.50,
    )


@pytest.mark.parametrize(
    ("key", "fy", "expected"),
    [
        # Design Examples v15.0 F.9B: λp = 0.07E/Fy = 0.07 × 29000/35 = 58; 0.45E/Fy = 373
        ("round_flexure_lambda_p", 35.0, 58.0),
        ("round_flexure_max", 35.0, 373.0),
        # Design Examples v15.0 F.7B: λp = 1.12√(E/Fy) = 27.0, λr = 1.40√(E/Fy) = 33.7, web λp = 2.42√(E/Fy) = 58.3
        ("rect_flange_flexure_lambda_p", 50.0, 27.0),
        ("rect_flange_flexure_lambda_r", 50.0, 33.7),
        ("rect_web_flexure_lambda_p", 50.0, 58.3),
        # Design Examples v15.0 F.10 (WT): λp = 0.38√(E/Fy) = 9.15, λr = 1.0√(E/Fy) = 24.1 at Fy 50
        ("w_flange_flexure_lambda_p", 50.0, 9.15),
        ("w_flange_flexure_lambda_r", 50.0, 24.1),
        # compression, round HSS: 0.11E/Fy = 63.8 at Fy 50 (Table B4.1a case 9)
        ("round_compression_lambda_r", 50.0, 63.8),
    ],
)
def test_width_to_thickness_limits(key: str, fy: float, expected: float) -> None:
    for edition in ("360-16", "360-22"):
        limit = LIB.get("aisc360-factors").data.editions[edition].limits[key]
        assert limit.value(29000.0, fy) == pytest.approx(expected, rel=0.003)


def test_cantilever_defaults() -> None:
    cantilever = LIB.get("aisc360-factors").data.cantilever
    assert (cantilever.k_factor, cantilever.cb) == (2.1, 1.0)


@pytest.mark.parametrize(
    ("edition", "asd_w", "lrfd_w", "service"),
    [("7-05", 1.0, 1.6, 0.7), ("7-10", 0.6, 1.0, 0.42), ("7-16", 0.6, 1.0, 0.42), ("7-22", 0.6, 1.0, 0.42)],
)
def test_wind_combinations_per_edition(edition: str, asd_w: float, lrfd_w: float, service: float) -> None:
    calc = Calc(LIB)
    asd = load_combinations(calc, edition, "ASD")  # type: ignore[arg-type]
    lrfd = load_combinations(calc, edition, "LRFD")  # type: ignore[arg-type]
    assert max(c["W"] for c in asd) == asd_w
    assert max(c["W"] for c in lrfd) == lrfd_w
    uplift_asd = [c for c in asd if c["purpose"] == "uplift_overturning"]
    uplift_lrfd = [c for c in lrfd if c["purpose"] == "uplift_overturning"]
    assert [(c["D"], c["W"]) for c in uplift_asd] == [(0.6, asd_w)]
    assert [(c["D"], c["W"]) for c in uplift_lrfd] == [(0.9, lrfd_w)]
    assert LIB.get("load-combinations").data.editions[edition].service_wind.factor_on_w == service
    assert "load-combinations" in calc.packs_used


def test_default_deflection_limit_is_documented() -> None:
    serviceability = LIB.get("load-combinations").data.serviceability
    assert serviceability.default_deflection_limit_ratio == 100.0
    assert "L/80" in serviceability.basis and "IBC" in serviceability.basis
