"""ACI 318-19 §17.5.2.1 anchor reinforcement in connection.anchor_rods, by hand.

Pier case: 2 x 2 F1554-55 1.25 in. rods, 11 in. rows, hef = 12 in., 24 in. round pier (edges 6.5 in.),
f'c = 3000 psi, 30 kips on each of the two rods of the tension row (60 kips on the group).
Anchor reinforcement: 4 #5 within 4 in. of the tension rods, As = 1.24 in²:
φNrb = 0.75 x 1.24 x 60 = 55.8 kips < 60 (fails); 6 #5, As = 1.86: φNrb = 83.7 kips (passes).
Hooked development (Eq. 25.4.3.1a, ψr 1.6, ψo 1.25, ψc = 3000/15000 + 0.6 = 0.8):
#5: ldh = 60000 x 1.6 x 0.625^1.5/(55 sqrt(3000)) = 15.75 in.;
above the breakout surface: 12 - 4/1.5 - 3 = 6.33 in. -> fails at hef 12; hef 24 gives 18.33 in. -> passes.
"""

from __future__ import annotations

import math

import pytest

from apex_nb import solve
from apex_nb.errors import InputError

PIER = {
    "rod_grade": "F1554-55",
    "rod_diameter_in": 1.25,
    "rods_x": 2,
    "rods_y": 2,
    "spacing_x_in": 11.0,
    "spacing_y_in": 11.0,
    "edge_x_neg_in": 6.5,
    "edge_x_pos_in": 6.5,
    "edge_y_neg_in": 6.5,
    "edge_y_pos_in": 6.5,
    "hef_in": 24.0,
    "fc_psi": 3000.0,
    "tension_per_rod_kip": 30.0,
    "tension_rows": 1,
}


def test_plain_concrete_fails_breakout() -> None:
    env = solve("connection.anchor_rods", PIER)
    check = next(c for c in env.checks if c.id == "anchor.breakout_tension")
    assert not check.passed


def test_anchor_reinforcement_replaces_breakout_and_keeps_the_plain_ratio() -> None:
    plain = solve("connection.anchor_rods", PIER)
    plain_ratio = next(c for c in plain.checks if c.id == "anchor.breakout_tension").ratio
    env = solve(
        "connection.anchor_rods", {**PIER, "anchor_reinforcement_in2": 1.86, "anchor_reinforcement_db_in": 0.625}
    )
    ids = {c.id for c in env.checks}
    assert "anchor.breakout_tension" not in ids
    rt = next(c for c in env.checks if c.id == "anchor.reinforcement_tension")
    assert rt.capacity == pytest.approx(0.75 * 1.86 * 60.0)
    assert rt.demand == pytest.approx(60.0) and rt.passed
    dev = next(c for c in env.checks if c.id == "anchor.reinforcement_development")
    assert dev.demand == pytest.approx(60000 * 1.6 * 0.625**1.5 / (55 * math.sqrt(3000)), rel=1e-9)
    assert dev.capacity == pytest.approx(24 - 4 / 1.5 - 3) and dev.passed
    shown = next(t.value for t in env.trace if t.symbol == "ratio,plain")
    assert shown == pytest.approx(plain_ratio, rel=1e-9)


def test_too_little_or_undeveloped_reinforcement_fails() -> None:
    few = solve(
        "connection.anchor_rods", {**PIER, "anchor_reinforcement_in2": 1.24, "anchor_reinforcement_db_in": 0.625}
    )
    assert not next(c for c in few.checks if c.id == "anchor.reinforcement_tension").passed
    shallow = solve(
        "connection.anchor_rods",
        {**PIER, "hef_in": 12.0, "anchor_reinforcement_in2": 1.86, "anchor_reinforcement_db_in": 0.625},
    )
    dev = next(c for c in shallow.checks if c.id == "anchor.reinforcement_development")
    assert dev.capacity == pytest.approx(12 - 4 / 1.5 - 3) and not dev.passed


def test_bars_beyond_half_hef_are_refused() -> None:
    with pytest.raises(InputError) as err:
        solve("connection.anchor_rods", {**PIER, "hef_in": 12.0, "anchor_reinforcement_in2": 1.0,
                                         "anchor_reinforcement_offset_in": 7.0})  # fmt: skip
    assert "anchor_reinforcement_offset_in" in str(err.value)
