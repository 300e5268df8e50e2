"""The pier and shaft-torsion equations the traces now read their formulas from (issue 17).

Hand-checked values (arithmetic shown beside each); the ACI 318-19 rules cited in the equations'
docstrings: §21.2.2 (εt), §25.7.2.1 and Eq. 22.5.8.5.3 (tie spacing), §25.4.10.1 with the 12 in.
floor (development), Table 22.8.3.2 (a) (bearing under a lug).
"""

from __future__ import annotations

import math

import pytest

from apex_nb.equations.aci318 import bearing, pier
from apex_nb.equations.ibc import shaft_torsion as st


def test_pier_demands_at_strength_level() -> None:
    # P = 2000 lb, M = 30000 lb-ft, α = 1.67: Mu = 1.67 x 30000 x 12 / 1000 = 601.2 kip-in, Vu = 3.34 kip
    assert pier.factored_moment_kip_in(1.67, 30000.0) == pytest.approx(601.2)
    assert pier.factored_shear_kip(1.67, 2000.0) == pytest.approx(3.34)
    assert pier.min_longitudinal_steel_in2(0.0025, math.pi * 24**2 / 4) == pytest.approx(1.131, abs=1e-3)


def test_net_tensile_strain_and_design_strengths() -> None:
    assert pier.net_tensile_strain(20.0, 5.0) == pytest.approx(0.009)  # 0.003 (20 - 5)/5
    assert pier.design_moment_kip_in(0.9, 1000.0) == pytest.approx(900.0)
    # φ (Vc + Av fyt d/s): 0.75 (40 + 0.22 x 60 x 19.2 / 8) = 0.75 (40 + 31.68)
    assert pier.design_shear_kip(0.75, 40.0, 0.22, 60.0, 19.2, 8.0) == pytest.approx(0.75 * 71.68)


def test_tie_spacing_whole_inches() -> None:
    # #6 bars, #3 ties, D 24: min(16 x 0.75, 48 x 0.375, 24) = 12 in. without shear reinforcement
    assert pier.tie_spacing_in(0.75, 0.375, 24.0, 0.22, 60.0, 19.2, 0.0) == 12
    # Vs needed 30 kip: Av fyt d/Vs = 0.22 x 60 x 19.2/30 = 8.45 -> 8 in. (d/2 = 9.6 does not govern)
    assert pier.tie_spacing_in(0.75, 0.375, 24.0, 0.22, 60.0, 19.2, 30.0) == 8


def test_development_and_available_length() -> None:
    assert pier.required_development_in(30.0, 500.0, 1000.0) == pytest.approx(15.0)  # 30 x 0.5
    assert pier.required_development_in(20.0, 100.0, 1000.0) == pytest.approx(12.0)  # 2 in. -> the 12 in. floor
    assert pier.required_development_in(30.0, 1200.0, 1000.0) == pytest.approx(30.0)  # no excess: full ld
    # projection 0.5 ft, z0 2 ft, depth 8 ft, end cover 3 in.: min(30 - 3, 72 - 3) = 27 in.
    assert pier.available_bar_length_in(0.5, 2.0, 8.0, 3.0) == pytest.approx(27.0)
    # 6 bars x 7.5 ft x 1.502 lb/ft + 10 ties x 6 ft x 0.376 lb/ft
    assert pier.rebar_weight_lb(6, 7.5, 1.502, 10, 6.0, 0.376) == pytest.approx(67.59 + 22.56)


def test_lug_transfer() -> None:
    lever = st.lug_lever_in(10.75, 2.0)
    assert lever == pytest.approx(6.375)
    tu = st.strength_torsion_kip_in(5.0, 1.67)
    assert tu == pytest.approx(100.2)
    assert st.lug_force_kip(tu, 4, lever) == pytest.approx(100.2 / 25.5)
    # φ 0.85 f'c (projection x height): 0.65 x 0.85 x 3 ksi x (2 x 6) in² = 19.89 kip
    assert bearing.lug_design_bearing_kip(0.65, 3.0, 2.0, 6.0) == pytest.approx(19.89)
    assert st.lug_weight_lb(4, 2.0, 6.0, 0.5, 490.0 / 1728.0) == pytest.approx(4 * 6 * 490 / 1728)
