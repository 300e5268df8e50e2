"""connection.anchor_rods: unit guard, solver against the equations, auto-size property, bad input."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apex_nb import solve
from apex_nb.envelope import Envelope
from apex_nb.errors import InputError

ONE_ROD = {"rods_x": 1, "rods_y": 1, "fc_psi": 4000.0}  # a single rod in f'c 4000 psi concrete
FAR = {"hef_in": 12.0}  # deep, and no edge given: far from every edge


def one_rod(**inputs: Any) -> Envelope:
    return solve("connection.anchor_rods", {**ONE_ROD, **inputs})


def test_unit_guard_number_8_rod_f1554_36_phi_nsa_in_kips() -> None:
    """#8 (1 in.) F1554 Gr. 36: φNsa = 0.75 x 0.606 in² x 58 ksi = 26.4 kips (hand value, not 26,400)."""
    env = one_rod(rod_diameter_in=1.0, tension_per_rod_kip=5.0, **FAR)
    assert env.result["ase_in2"] == pytest.approx(0.606, abs=1e-3)
    assert env.result["phi_nsa_kip"] == pytest.approx(0.75 * 0.606 * 58.0, rel=2e-3)
    assert 20.0 < env.result["phi_nsa_kip"] < 30.0
    # Concrete strengths come back in kips too: Nb = 24 sqrt(4000) 12^1.5 lb = 63.1 kips, φ = 0.70.
    assert env.result["phi_ncbg_kip"] == pytest.approx(0.70 * 24 * math.sqrt(4000) * 12**1.5 / 1000, rel=1e-9)
    assert env.result["phi_npn_kip"] == pytest.approx(0.70 * 8 * 1.501 * 4000 / 1000, rel=1e-9)


def test_single_rod_near_edge_matches_hand_chain() -> None:
    """One 3/4 in. rod, hef = 8 in., 6 in. from the +x edge, f'c 4000 psi, cracked, no grout pad."""
    env = one_rod(
        rod_diameter_in=0.75, edge_x_pos_in=6.0, hef_in=8.0, tension_per_rod_kip=4.0, shear_kip=2.0, grout_pad=False
    )
    r = env.result
    # Tension breakout: ANc = (6 + 12)(24) = 432 in², ANco = 576 in², ψed = 0.7 + 0.3 x 6/12 = 0.85.
    nb = 24 * math.sqrt(4000) * 8**1.5 / 1000
    assert r["ncbg_kip"] == pytest.approx(432 / 576 * 0.85 * nb, rel=1e-9)
    # Shear breakout: Vb = min(7 (6/0.75)^0.2 sqrt(0.75), 9) sqrt(4000) 6^1.5; AVc = AVco (single, deep).
    vb = min(7 * (6 / 0.75) ** 0.2 * math.sqrt(0.75), 9) * math.sqrt(4000) * 6**1.5 / 1000
    assert r["phi_vcbg_kip"] == pytest.approx(0.70 * vb, rel=1e-9)
    assert r["phi_vsa_kip"] == pytest.approx(0.65 * 0.6 * 0.3345 * 58, rel=1e-9)
    assert r["governing_check"] in {c.id for c in env.checks}
    assert {
        "anchor.steel_tension",
        "anchor.breakout_tension",
        "anchor.pullout",
        "anchor.steel_shear",
        "anchor.breakout_shear",
        "anchor.pryout",
        "anchor.interaction",
    } <= {c.id for c in env.checks}
    assert {p.name for p in env.packs} >= {"aci318-19-anchors", "anchor-rod-schedule", "steel-materials"}


def test_side_face_blowout_applies_for_deep_rod_near_edge() -> None:
    env = one_rod(rod_diameter_in=1.0, edge_y_neg_in=3.0, hef_in=18.0, tension_per_rod_kip=10.0)
    nsb = 160 * 3.0 * math.sqrt(1.501) * math.sqrt(4000) / 1000
    assert env.result["phi_nsb_kip"] == pytest.approx(0.70 * nsb, rel=1e-9)


def test_auto_diameter_is_deterministic_and_smallest() -> None:
    inputs = {
        "rods_x": 2,
        "rods_y": 2,
        "spacing_x_in": 12.0,
        "spacing_y_in": 12.0,
        "tension_rows": 1,
        "hef_in": 15.0,
        "fc_psi": 4000.0,
        "tension_per_rod_kip": 15.0,
        "shear_kip": 4.0,
    }
    first, second = solve("connection.anchor_rods", inputs), solve("connection.anchor_rods", inputs)
    assert first.content_sha256 == second.content_sha256
    assert first.result["passed"] and first.result["rod_chosen_by"] == "auto"
    smaller = [d for d in (0.5, 0.625, 0.75, 0.875, 1.0, 1.125) if d < first.result["rod_diameter_in"]]
    for d in smaller:
        assert not solve("connection.anchor_rods", {**inputs, "rod_diameter_in": d}).result["passed"]


@settings(max_examples=10, deadline=None)
@given(t1=st.floats(0.0, 40.0), t2=st.floats(0.0, 40.0), v1=st.floats(0.0, 20.0), v2=st.floats(0.0, 20.0))
def test_larger_demand_never_smaller_rod(t1: float, t2: float, v1: float, v2: float) -> None:
    base = {
        "rods_x": 2,
        "rods_y": 2,
        "spacing_x_in": 14.0,
        "spacing_y_in": 14.0,
        "tension_rows": 1,
        "hef_in": 18.0,
        "fc_psi": 5000.0,
    }
    low = solve("connection.anchor_rods", {**base, "tension_per_rod_kip": min(t1, t2), "shear_kip": min(v1, v2)})
    high = solve("connection.anchor_rods", {**base, "tension_per_rod_kip": max(t1, t2), "shear_kip": max(v1, v2)})
    assert high.result["rod_diameter_in"] >= low.result["rod_diameter_in"]


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"rods_x": 2}, "spacing_x_in"),
        ({"fc_psi": 20000.0}, "fc_psi"),
        ({"hef_in": float("nan")}, "hef_in"),
        ({"rod_grade": "A36-plate"}, "rod_grade"),
        ({"rod_diameter_in": 0.8}, "rod_diameter_in"),
        ({"tension_rows": 3}, "tension_rows"),
        ({"typo_in": 1.0}, "typo_in"),
    ],
)
def test_bad_input_names_the_field(patch: dict, field: str) -> None:
    inputs = {**ONE_ROD, "tension_per_rod_kip": 1.0, **FAR, **patch}
    with pytest.raises(InputError) as info:
        solve("connection.anchor_rods", inputs)
    assert field in {p.path for p in info.value.problems}
