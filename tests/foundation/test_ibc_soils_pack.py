"""The ibc-soils and ibc-foundations packs against the published Table 1806.2 and §1807.3 text."""

from __future__ import annotations

import pytest

from apex_nb.packs import PackLibrary

# IBC Table 1806.2, as reproduced from IBC 2012 in Day, Geotechnical Earthquake Engineering
# Handbook, Table 14.6, and in ICC proposal S148-07/08 (same five rows): class -> (vertical psf,
# lateral psf/ft, friction coefficient, cohesion psf).
TABLE_1806_2 = {
    1: (12000.0, 1200.0, 0.70, None),
    2: (4000.0, 400.0, 0.35, None),
    3: (3000.0, 200.0, 0.35, None),
    4: (2000.0, 150.0, 0.25, None),
    5: (1500.0, 100.0, None, 130.0),
}


@pytest.fixture(scope="module")
def soils():
    return PackLibrary().get("ibc-soils").data


@pytest.fixture(scope="module")
def foundations():
    return PackLibrary().get("ibc-foundations").data


@pytest.mark.parametrize("soil_class", [1, 2, 3, 4, 5])
def test_table_1806_2(soils, soil_class):
    row = soils.soil(soil_class)
    assert (row.vertical_psf, row.lateral_psf_per_ft, row.friction_coefficient, row.cohesion_psf) == TABLE_1806_2[
        soil_class
    ]


def test_adjustments(soils):
    adj = soils.adjustments
    assert adj.one_third_increase_factor == pytest.approx(4 / 3)
    assert adj.depth_increase_max_multiple == 15.0
    assert adj.isolated_pole_factor == 2.0
    assert adj.isolated_pole_ground_motion_in == 0.5
    assert adj.cohesive_sliding_max_fraction_of_dead_load == 0.5
    assert adj.cohesive_sliding_limit_classes == [5]


@pytest.mark.parametrize("edition", ["2018", "2021", "2024"])
def test_clauses_per_edition(soils, foundations, edition):
    assert soils.clauses[edition].table == f"IBC {edition} Table 1806.2"
    assert "§1806.3.4" in soils.clauses[edition].isolated_poles
    assert foundations.clauses[edition].nonconstrained.startswith(f"IBC {edition} §1807.3.2.1")
    assert foundations.clauses[edition].constrained.startswith(f"IBC {edition} §1807.3.2.2")
    assert "1605.3.2" in soils.clauses["2018"].one_third_increase
    if edition != "2018":
        assert "1605.2" in soils.clauses[edition].one_third_increase


def test_embedment_constants(foundations):
    k = foundations.embedment
    assert (k.nonconstrained_half, k.nonconstrained_a_coefficient, k.nonconstrained_h_coefficient) == (0.5, 2.34, 4.36)
    assert k.constrained_coefficient == 4.25
    assert k.s1_depth_fraction == pytest.approx(1 / 3)
    assert k.lateral_pressure_depth_limit_ft == 12.0
    sf = foundations.spread_footing
    # 1.1.0: one margin (0.6D of ASCE 7 §2.4.1 comb. 7), not 0.6D and FS 1.5 together (issue 12, finding 9).
    assert (sf.overturning_safety_factor, sf.sliding_safety_factor) == (1.0, 1.0)
    assert (sf.stability_dead_load_factor, sf.wind_load_factor, sf.bearing_dead_load_factor) == (0.6, 0.6, 1.0)
