"""Equation tables: each AISC 360 / mechanics function against hand-worked values (arithmetic shown)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apex_nb.equations.aisc360 import check_edition, combined, compression, flexure, shear, torsion
from apex_nb.equations.aisc360 import classification as b4
from apex_nb.equations.mechanics import cantilever

E = 29000.0
LENGTH_IN = st.floats(12.0, 600.0)  # cantilever post lengths, 1 to 50 ft


@pytest.mark.parametrize(
    ("ratio", "lp", "lr", "expected"),
    [
        (10.0, 20.0, 30.0, "compact"),
        (20.0, 20.0, 30.0, "compact"),
        (25.0, 20.0, 30.0, "noncompact"),
        (31.0, 20.0, 30.0, "slender"),
    ],
)
def test_b4_flexure_classification(ratio: float, lp: float, lr: float, expected: str) -> None:
    assert b4.classify_flexure(ratio, lp, lr, "360-16") == expected == b4.classify_flexure(ratio, lp, lr, "360-22")


def test_edition_is_explicit() -> None:
    with pytest.raises(ValueError, match="360-10"):
        check_edition("360-10")
    assert b4.classify_compression(40.0, 63.8, "360-22") == "nonslender"
    assert b4.worst("compact", "slender", "noncompact") == "slender"


@pytest.mark.parametrize(
    ("func", "args", "expected"),
    [
        # Mp = Fy Z = 50 × 18.0 = 900 kip-in (Design Examples v15.0 F.7B)
        (flexure.plastic_moment, (50.0, 18.0), 900.0),
        # F8-2: (0.021 × 29000/50 + 46) × 10 = (12.18 + 46) × 10 = 581.8
        (flexure.f8_noncompact, (E, 50.0, 46.0, 10.0), 581.8),
        # F8-4: 0.33 × 29000/250 = 38.28 ksi; F8-3: 38.28 × 10 = 382.8
        (flexure.f8_slender_fcr, (E, 250.0), 38.28),
        (flexure.f8_slender, (E, 250.0, 10.0), 382.8),
        # F7-6 at h/t = 70, Fy 50: 0.305 × 70 × √(50/29000) − 0.738 = 0.14853; Mp = 1000, FyS = 800 -> 970.29
        (
            flexure.f7_web_noncompact,
            (1000.0, 50.0, 16.0, 70.0, E),
            1000.0 - 200.0 * (0.305 * 70 * math.sqrt(50 / E) - 0.738),
        ),
        # F7-12: 0.13 × 29000 × 2.52 × √(73.8 × 5.37)/900 = 210 in (Design Examples v15.0 F.7B prints 210)
        (flexure.f7_ltb_lp, (E, 2.52, 73.8, 5.37, 900.0), 210.0),
        # F7-13: 2 × 29000 × 2.52 × √(73.8 × 5.37)/(0.7 × 50 × 14.9) = 5580 in (F.7B prints 5,580)
        (flexure.f7_ltb_lr, (E, 2.52, 73.8, 5.37, 50.0, 14.9), 5580.0),
        # F2-5: 1.76 × 2.0 × √(29000/50) = 1.76 × 2 × 24.083 = 84.77 in
        (flexure.f2_lp, (2.0, E, 50.0), 84.77),
        # F3-2 kc bounds: 4/√400 = 0.2 -> 0.35; 4/√16 = 1.0 -> 0.76; 4/√64 = 0.5
        (flexure.f3_kc, (400.0,), 0.35),
        (flexure.f3_kc, (16.0,), 0.76),
        (flexure.f3_kc, (64.0,), 0.5),
        # G5-2: L/D = 100, D/t = 40: 1.60E/(10 × 40^1.25) = 46400/1011.9 = 45.85 -> capped 0.6 × 46 = 27.6
        (shear.g5_fcr, (E, 46.0, 600.0, 6.0, 40.0), 27.6),
        # G5-1: 27.6 × 5.0/2 = 69.0 kip
        (shear.g5_nominal, (27.6, 5.0), 69.0),
        # G2-1 with Cv = 1: 0.6 × 50 × 3.0 × 1 = 90 kip; G4 Aw = 2 × 7.0 × 0.25 = 3.5
        (shear.g2_nominal, (50.0, 3.0, 1.0), 90.0),
        (shear.g4_web_area, (7.0, 0.25), 3.5),
        # G2-9: h/tw = 30 ≤ 1.10√(5 × 29000/50) = 59.24 -> 1.0
        (shear.web_shear_coefficient_cv2, (30.0, 5.0, E, 50.0), 1.0),
        # G2-11: h/tw = 100 > 1.37 × 53.85: 1.51 × 5 × 29000/(100² × 50) = 0.4379
        (shear.web_shear_coefficient_cv2, (100.0, 5.0, E, 50.0), 0.4379),
        # H3-3: h/t = 30 ≤ 2.45√(580) = 59.0 -> 0.6 × 50 = 30 ksi
        (torsion.h3_rect_fcr, (E, 50.0, 30.0), 30.0),
        # H3-5: h/t = 80 > 3.07 × 24.083 = 73.9: 0.458 π² 29000/6400 = 20.48 ksi
        (torsion.h3_rect_fcr, (E, 50.0, 80.0), 0.458 * math.pi**2 * E / 6400.0),
        # H3-1: 30 × 10 = 300 kip-in; C = 2J/D = 2 × 52.7/6.625 = 15.91 (database C 15.9)
        (torsion.h3_nominal, (30.0, 10.0), 300.0),
        (torsion.round_torsional_constant, (52.7, 6.625), 15.91),
        # H3-6: (0.1 + 0.5) + (0.2 + 0.3)² = 0.85
        (torsion.h3_interaction, (1.0, 10.0, 5.0, 10.0, 2.0, 10.0, 3.0, 10.0), 0.85),
        # H1-1a: 0.5 + 8/9 × 0.4 = 0.8556; H1-1b: 0.1/2 + 0.4 = 0.45
        (combined.h1_interaction, (5.0, 10.0, 4.0, 10.0), 0.5 + 8.0 / 9.0 * 0.4),
        (combined.h1_interaction, (1.0, 10.0, 4.0, 10.0), 0.45),
        # E3-4: π² × 29000/100² = 28.62 ksi; E3-3: 0.877 × 10 = 8.77 ksi
        # E3-2: 0.658^(50/28.62) × 50 = exp(1.7470 × ln 0.658) × 50 = 0.48134 × 50 = 24.07 ksi
        (compression.e3_fe, (E, 100.0), 28.62),
        (compression.e3_fcr, (50.0, math.pi**2 * E / 100.0**2), 24.07),
        (compression.e3_fcr, (50.0, 10.0), 8.77),
        # E7-7: [0.038 × 29000/(46 × 80) + 2/3] × 10 = (0.29946 + 0.66667) × 10 = 9.661
        (compression.e7_round_effective_area, (E, 46.0, 80.0, 10.0), 9.661),
        # E7-5: (1.38 × 33.7/50)² × 50 = 43.25 ksi; E7-3 with Fel = Fcr: b (1 − 0.2) × 1 = 0.8 b
        (compression.e7_elastic_local_stress, (1.38, 33.7, 50.0, 50.0), 43.25),
        (compression.e7_effective_width, (10.0, 0.2, 30.0, 30.0), 8.0),
    ],
)
def test_equation_table(func: object, args: tuple[float, ...], expected: float) -> None:
    # printed values carry 3 to 4 significant figures: 0.2 %
    assert func(*args) == pytest.approx(expected, rel=2e-3)  # type: ignore[operator]


def test_f7_flange_equations_match_design_example_f8b() -> None:
    """AISC Design Examples v15.0, Example F.8B (HSS8×8×3/16, Fy 50): b = 7.48, b/t = 43.0 -> be = 6.33 in."""
    be = flexure.f7_effective_width(0.174, 7.48, 43.0, E, 50.0)
    assert be == pytest.approx(6.33, abs=0.005)
    assert flexure.f7_flange_slender(50.0, 12.1) == pytest.approx(605.0)


def test_f7_2_is_capped_at_mp() -> None:
    # at b/t below λp the bracket is negative: the equation would exceed Mp, the cap holds it at Mp
    assert flexure.f7_flange_noncompact(900.0, 50.0, 14.9, 20.0, E) == 900.0


# --- cantilever -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("p", "z", "length", "i", "expected"),
    [
        # tip load: PL³/3EI = 1 × 120³/(3 × 29000 × 10) = 1.98621 in
        (1.0, 120.0, 120.0, 10.0, 120.0**3 / (3 * E * 10.0)),
        # load at mid-height: P (L/2)² (3L − L/2)/6EI = 5PL³/48EI = 5 × 120³/(48 × 29000 × 10) = 0.62069 in
        (1.0, 60.0, 120.0, 10.0, 5 * 120.0**3 / (48 * E * 10.0)),
        # published: City of Zephyrhills FL freestanding-sign calculation (4 in. Sch. 40, I = 7.2 in⁴, 24.7 psf × 60 ft²
        # = 1.482 kip at 3.0 ft): Δmax = 0.11 in, printed to 0.01 in -> tolerance 0.005 in below
        (1.482, 36.0, 36.0, 7.2, 0.11),
    ],
)
def test_point_load_tip_deflection(p: float, z: float, length: float, i: float, expected: float) -> None:
    assert cantilever.point_load_tip_deflection(p, z, length, E, i) == pytest.approx(expected, abs=0.005, rel=1e-9)


def test_the_simply_supported_form_is_not_used() -> None:
    """A tip load deflects PL³/3EI, 16 times the simply supported PL³/48EI of the earlier tools."""
    tip = cantilever.point_load_tip_deflection(1.0, 100.0, 100.0, E, 10.0)
    assert tip / (100.0**3 / (48 * E * 10.0)) == pytest.approx(16.0)


def test_uniform_segment_over_full_height_is_wl4_over_8ei() -> None:
    """AISC Manual Table 3-23 case 19 (cantilever, uniform load): Δ = wl⁴/8EI."""
    w, length, i = 0.01, 240.0, 50.0
    assert cantilever.uniform_segment_tip_deflection(w, 0.0, length, length, E, i) == pytest.approx(
        w * length**4 / (8 * E * i)
    )


@given(
    p=st.floats(0.01, 50.0),
    z_frac=st.floats(0.01, 1.0),
    length=LENGTH_IN,
    i=st.floats(1.0, 5000.0),
)
def test_deflection_curve_agrees_with_tip_formula(p: float, z_frac: float, length: float, i: float) -> None:
    """Table 3-23 case 22 elastic curve evaluated at the tip equals the tip formula; δ grows with z."""
    z = z_frac * length
    tip = cantilever.point_load_tip_deflection(p, z, length, E, i)
    assert cantilever.point_load_deflection_at(p, z, length, E, i) == pytest.approx(tip, rel=1e-9)
    assert cantilever.point_load_tip_deflection(p, min(z * 1.1, length), length, E, i) >= tip * (1 - 1e-12)


@given(
    w=st.floats(0.001, 1.0),
    z1=st.floats(0.0, 0.5),
    z2=st.floats(0.5, 1.0),
    length=LENGTH_IN,
)
def test_uniform_segment_is_the_sum_of_its_parts(w: float, z1: float, z2: float, length: float) -> None:
    a, m, b = z1 * length, 0.5 * length, z2 * length
    whole = cantilever.uniform_segment_tip_deflection(w, a, b, length, E, 100.0)
    parts = cantilever.uniform_segment_tip_deflection(
        w, a, m, length, E, 100.0
    ) + cantilever.uniform_segment_tip_deflection(w, m, b, length, E, 100.0)
    assert whole == pytest.approx(parts, rel=1e-9, abs=1e-15)
