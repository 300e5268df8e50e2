"""ACI 318-19 pier reinforcement: the circular-section equations by hand and the solver's sizing.

Hand calculation (strain compatibility, ACI 318-19 §22.2): 24 in. pier, 4 #8 bars (0.79 in²) with
their centres 3.875 in. from the face (depths 3.875, 12, 12, 20.125 in.), f'c = 4000 psi (β1 =
0.85), fy = 60 ksi, P = 0. Try c = 4.11 in.: a = 3.49 in., segment area 40.6 in², centroid 9.94 in.
from the centre; bars at 12 and 20.125 in. yield in tension (3 x 0.79 x 60 = 142.2 kips); top bar
εs = 0.003 (4.11 - 3.875)/4.11 = 0.00017, 5 ksi (3.9 kips); 0.85 x 4 x 40.6 + 3.9 = 142 kips (balance).
Mn = 1372 (block) + 32 (top bar) + 385 (bottom bar x 8.125 in.) = 1789 kip-in.
"""

from __future__ import annotations

import math

import pytest

from apex_nb import solve
from apex_nb.equations.aci318 import pier as eq
from apex_nb.errors import InputError

PIER = {"diameter_in": 36.0, "depth_ft": 12.0, "lateral_force_lb": 3000.0, "force_height_ft": 15.0,
        "soil_reaction_psf_per_ft": 300.0}  # fmt: skip


def test_half_circle_segment() -> None:
    area, centroid = eq.circle_segment(24.0, 12.0)
    assert area == pytest.approx(math.pi * 144 / 2)
    assert centroid == pytest.approx(4 * 12 / (3 * math.pi))


def test_circular_section_hand_calculation() -> None:
    depths = eq.bar_depths_in(24.0, 3.875, 4)
    assert depths == pytest.approx([3.875, 12.0, 20.125, 12.0])
    mn, c = eq.nominal_moment_kip_in(24.0, depths, 0.79, 0.0, 4000.0, 60.0, 29000.0)
    assert c == pytest.approx(4.11, abs=0.01)
    assert mn == pytest.approx(1789.0, rel=5e-3)
    force, _ = eq.section_forces(24.0, depths, 0.79, c, 4000.0, 60.0, 29000.0)
    assert force == pytest.approx(0.0, abs=1e-6)


@pytest.mark.parametrize(("eps", "phi"), [(0.01, 0.90), (0.00207, 0.65), (0.00357, 0.775), (0.0, 0.65)])
def test_phi_by_net_tensile_strain(eps: float, phi: float) -> None:
    assert eq.phi_flexure(eps, 60.0 / 29000.0) == pytest.approx(phi, abs=2e-3)


def test_development_length_table_25_4_2_3() -> None:
    """#6: 60000 x 0.75/(25 sqrt(3000)) = 32.9 in.; #8: 60000 x 1.0/(20 sqrt(3000)) = 54.8 in."""
    assert eq.development_length_in(0.75, 60000, 3000, True) == pytest.approx(32.86, abs=0.01)
    assert eq.development_length_in(1.0, 60000, 3000, False) == pytest.approx(54.77, abs=0.01)


def test_broms_moment_at_zero_shear() -> None:
    """P = 3000 lb at 15 ft, S b = 300 x 3 = 900 lb/ft²: z0 = sqrt(6000/900) = 2.582 ft, M = 3000 (15 + 1.721)."""
    m, z0 = eq.broms_max_moment(3000.0, 15.0, 900.0)
    assert z0 == pytest.approx(2.582, abs=1e-3)
    assert m == pytest.approx(3000 * (15 + 2 * z0 / 3))


def test_solver_sizes_the_lightest_passing_cage() -> None:
    env = solve("foundation.pier_reinforcement", PIER)
    r = env.result
    assert r["passed"]
    # Mu = 1.67 x 3000 (15 + 1.721) x 12 / 1000 = 1005.3 kip-in
    assert r["moment_kip_in"] == pytest.approx(1005.3, abs=0.1)
    # min steel 0.0025 x π 36²/4 = 2.545 in² governs: 6 #6 (2.64) beats 9 #5 (2.79, heavier)
    assert (r["bar_count"], r["bar_size"]) == (6, 6)
    assert r["design_moment_kip_in"] >= r["moment_kip_in"]
    assert {c.id for c in env.checks} >= {"pier.flexure", "pier.min_steel", "pier.shear", "pier.development"}
    # 6 bars x 11.5 ft x 1.502 + 12 #3 hoops x (π (36 - 6 - 0.375) + 12)/12 x 0.376
    hoop = (math.pi * (36 - 6 - 0.375) + 12) / 12
    assert r["rebar_lb"] == pytest.approx(6 * 11.5 * 1.502 + 12 * hoop * 0.376, rel=1e-9)


def test_bigger_moment_needs_more_steel_and_a_small_cage_fails() -> None:
    big = solve("foundation.pier_reinforcement", {**PIER, "lateral_force_lb": 10000.0}).result
    assert big["steel_area_in2"] > 2.64 and big["passed"]
    forced = solve("foundation.pier_reinforcement", {**PIER, "lateral_force_lb": 10000.0, "bar_size": 5,
                                                      "bar_count": 6})  # fmt: skip
    assert not forced.result["passed"] and forced.result["governing_check"] == "pier.flexure"


def test_bad_input_names_the_field() -> None:
    with pytest.raises(InputError) as err:
        solve("foundation.pier_reinforcement", {**PIER, "diameter_in": 6.0})
    assert "diameter_in" in str(err.value)
