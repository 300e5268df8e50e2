"""The equations the anchor-rod and base-plate traces now read their formulas from (issue 17).

Published values:
- AISC Steel Construction Manual (14th-16th Ed.), Part 8, Eq. 8-2a/8-2b: an E70 fillet weld gives
  φRn = 1.392 D kip/in (LRFD) and Rn/Ω = 0.928 D kip/in (ASD), D in sixteenths (0.05 %: the
  Manual rounds to four figures).
- ASME B1.1 / AISC Manual Table 7-17 tensile stress areas and ASME B18.2.2 heavy hex bearing
  areas (Hilti PROFIS ACI 318-19 guide, July 2022, p. 94): the schedule pack's printed values,
  which the two area equations must reproduce to the printed rounding.
"""

from __future__ import annotations

import math

import pytest

from apex_nb.equations.aci318 import anchors
from apex_nb.equations.aisc_dg1 import base_plate as dg1
from apex_nb.equations.metadata import formula_of
from apex_nb.equations.welds import aisc360_j2 as weld
from apex_nb.packs import PackLibrary

RODS = PackLibrary().get("anchor-rod-schedule").data.rods


@pytest.mark.parametrize("rod", RODS, ids=lambda r: r.label)
def test_rod_areas_reproduce_the_schedule(rod) -> None:
    assert anchors.tensile_stress_area_in2(rod.diameter_in, rod.threads_per_inch) == pytest.approx(
        rod.tensile_stress_area_in2, abs=6e-5
    )
    assert anchors.heavy_hex_bearing_area_in2(rod.heavy_hex_across_flats_in, rod.diameter_in) == pytest.approx(
        rod.bearing_area_heavy_hex_in2, abs=6e-4
    )


def test_pullout_and_side_face_in_kip() -> None:
    # Npn = ψc,P 8 Abrg f'c: 1 in. heavy hex (1.501 in²), f'c 4000 psi, cracked (ψ 1.0) -> 48.03 kip
    assert anchors.pullout_kip(1.501, 4000.0, 1.0) == pytest.approx(48.032)
    assert formula_of(anchors.pullout_kip, psi_cp=1.4) == "ψc,P (1.4) 8 Abrg f'c / 1000"
    single = anchors.side_face_blowout_lb(4.0, 1.501, 1.0, 4000.0) / 1000.0
    assert single == pytest.approx(160 * 4 * math.sqrt(1.501) * math.sqrt(4000) / 1000)
    # one rod, or rods spaced at least 6 ca1 apart: no group increase (Eq. 17.6.4.2 does not apply)
    assert anchors.side_face_blowout_kip(4.0, None, 1.501, 1.0, 4000.0, 1, 6.0) == pytest.approx(single)
    assert anchors.side_face_blowout_kip(4.0, None, 1.501, 1.0, 4000.0, 2, 24.0) == pytest.approx(single)
    # two rods 6 in. apart along the edge: (1 + s/(6 ca1)) Nsb
    assert anchors.side_face_blowout_kip(4.0, None, 1.501, 1.0, 4000.0, 2, 6.0) == pytest.approx(single * 1.25)


def test_design_strengths_of_anchor_steel_and_reinforcement() -> None:
    assert anchors.design_steel_tension_kip(0.75, 0.6057, 58.0) == pytest.approx(0.75 * 0.6057 * 58.0)
    assert anchors.design_anchor_reinforcement_tension_kip(0.75, 1.2, 60.0) == pytest.approx(54.0)
    assert anchors.plain_breakout_ratio(30.0, 24.0) == pytest.approx(1.25)


@pytest.mark.parametrize("sixteenths", [3, 5, 8])
def test_available_fillet_strength_matches_manual_part8(sixteenths: int) -> None:
    w = sixteenths / 16.0
    assert weld.fillet_available_kip_per_in(70.0, w, 0.75, 2.0, True) == pytest.approx(1.392 * sixteenths, rel=5e-4)
    assert weld.fillet_available_kip_per_in(70.0, w, 0.75, 2.0, False) == pytest.approx(0.928 * sixteenths, rel=5e-4)


def test_available_wall_rupture_and_bearing() -> None:
    # post wall 0.233 in. (HSS design wall), Fu 62 ksi: J4-2 φ 0.75 / Ω 2.00; J4-4 shear 0.60 Fu t
    tension = weld.base_metal_tension_available_kip_per_in(62.0, 0.233, 0.75, 2.0, True)
    assert tension == pytest.approx(0.75 * 62 * 0.233)
    assert weld.base_metal_shear_available_kip_per_in(62.0, 0.233, 0.75, 2.0, False) == pytest.approx(
        0.6 * 62 * 0.233 / 2.0
    )
    # J8-2 at the cap sqrt(A2/A1) = 2, f'c 4 ksi: fp = 6.8 ksi; φc 0.65 -> 4.42 ksi, Ωc 2.31 -> 2.944 ksi
    assert dg1.available_bearing_stress_ksi(4.0, 2.0, 0.65, 2.31, True) == pytest.approx(4.42)
    assert dg1.available_bearing_stress_ksi(4.0, 2.0, 0.65, 2.31, False) == pytest.approx(6.8 / 2.31)
    assert formula_of(dg1.available_bearing_stress_ksi, factor="φc", phi=0.65, omega=2.31) == (
        "φc 0.85 f'c sqrt(A2/A1) (φ 0.65, Ω 2.31)"
    )


def test_rod_tension_asd_and_per_rod() -> None:
    # AISC 360 Eq. J3-1 with Fnt = 0.75 Fu (Table J3.2): 1 in. F1554 Gr. 36 (Fu 58 ksi), Ω 2.00 -> 17.08 kip
    assert dg1.rod_tension_allowable_kip(58.0, 1.0, 0.75, 2.0) == pytest.approx(0.75 * 58 * math.pi / 4 / 2, rel=1e-12)
    assert dg1.rod_tension_allowable_kip(58.0, 1.0, 0.75, 2.0) == pytest.approx(17.08, abs=0.01)
    assert dg1.rod_tension_per_rod_kip(30.0, 3) == pytest.approx(10.0)
