"""Natural frequency of a vertical cantilever by Rayleigh's method (equations/mechanics/dynamics.py).

Hand check (a cantilever with a tip mass, written out):
    E = 29,000 ksi, I = 100 in⁴, L = 20 ft = 240 in, tip weight W = 1,000 lb, massless post.
    k = 3EI/L³ = 3 × 29,000 × 100 / 240³ = 8,700,000 / 13,824,000 = 0.629340 kip/in
    M = W/g = 1.000 kip / 386.0886 in/s² = 0.00259008 kip·s²/in
    ω = √(k/M) = √(242.981) = 15.5878 rad/s;  f = ω/2π = 2.4809 Hz
Rayleigh with the static shape under a lateral tip load is the exact SDOF answer.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apex_nb.equations.mechanics.dynamics import (
    STANDARD_GRAVITY_IN_PER_S2,
    rayleigh_frequency_hz,
    tip_mass_frequency_hz,
    uniform_cantilever_frequency_hz,
    uniform_load_deflection_at_in,
)
from apex_nb.packs import PackLibrary
from apex_nb.sections import Section, find_section


def test_hand_checked_tip_mass() -> None:
    k = 3 * 29000 * 100 / 240**3
    assert k == pytest.approx(0.629340, rel=1e-5)
    f = rayleigh_frequency_hz(
        e_ksi=29000, i_in4=100, height_ft=20, post_weight_lb_per_ft=0, lumped_weights_lb=[(1000, 20)]
    )
    assert f == pytest.approx(2.4809, abs=5e-4)


@pytest.mark.parametrize(("e", "i", "h", "w"), [(29000, 100, 20, 1000), (29000, 443, 50, 1500), (10000, 30, 8, 200)])
def test_tip_mass_only_equals_closed_form(e: float, i: float, h: float, w: float) -> None:
    exact = math.sqrt(3 * e * i / ((w / 1000 / STANDARD_GRAVITY_IN_PER_S2) * (h * 12) ** 3)) / (2 * math.pi)
    assert tip_mass_frequency_hz(e, i, h, w) == pytest.approx(exact, rel=1e-12)
    assert rayleigh_frequency_hz(
        e_ksi=e, i_in4=i, height_ft=h, post_weight_lb_per_ft=0, lumped_weights_lb=[(w, h)]
    ) == pytest.approx(exact, rel=1e-10)


@pytest.mark.parametrize(("e", "i", "h", "w"), [(29000, 100, 20, 50), (29000, 685, 50, 82.85), (29000, 28.1, 12, 19)])
def test_uniform_mass_only_within_rayleigh_error(e: float, i: float, h: float, w: float) -> None:
    """Exact (β₁L)² = 3.516; the static-shape Rayleigh quotient gives 3.530: +0.40 %, never below."""
    exact = uniform_cantilever_frequency_hz(e, i, h, w)
    m = w / 1000 / 12 / STANDARD_GRAVITY_IN_PER_S2
    assert exact == pytest.approx(3.516 / (2 * math.pi) * math.sqrt(e * i / (m * (h * 12) ** 4)), rel=1e-4)
    f = rayleigh_frequency_hz(e_ksi=e, i_in4=i, height_ft=h, post_weight_lb_per_ft=w)
    assert f >= exact
    assert f / exact - 1 == pytest.approx(0.0040, abs=0.0005)


def test_uniform_load_curve_ends_at_wl4_over_8ei() -> None:
    assert uniform_load_deflection_at_in(0.01, 240, 240, 29000, 100) == pytest.approx(0.01 * 240**4 / (8 * 29000 * 100))


def test_issue_12_pylon_is_flexible() -> None:
    """Issue 12 item 4: a 50 ft HSS16 pylon with a 1,500 lb cabinet, fixed base, f1 ≈ 0.9 Hz.

    Section properties from the aisc-v16-hss-round pack. HSS16.000X0.312 (I = 443 in⁴, 52.32 lb/ft)
    with the cabinet centroid at the top gives 0.908 Hz; the heavier HSS16.000X0.500 (685 in⁴,
    82.85 lb/ft) gives 1.04 Hz with a rigid base, just rigid, and drops below 1 Hz with any
    realistic foundation rotation.
    """
    library = PackLibrary()
    thin = find_section(library.get, "HSS16.000X0.312")
    thick = find_section(library.get, "HSS16.000X0.500")
    assert (thin.ix_in4, thin.weight_lb_per_ft, thick.ix_in4, thick.weight_lb_per_ft) == (443, 52.32, 685, 82.85)

    def frequency(section: Section) -> float:
        return rayleigh_frequency_hz(
            e_ksi=29000, i_in4=section.ix_in4, height_ft=50, post_weight_lb_per_ft=section.weight_lb_per_ft,
            lumped_weights_lb=[(1500, 50)],
        )  # fmt: skip

    f_thin = frequency(thin)
    assert f_thin == pytest.approx(0.908, abs=0.002)
    assert f_thin < 1.0
    f_thick = frequency(thick)
    assert f_thick == pytest.approx(1.044, abs=0.002)
    soft = rayleigh_frequency_hz(
        e_ksi=29000,
        i_in4=thick.ix_in4,
        height_ft=50,
        post_weight_lb_per_ft=thick.weight_lb_per_ft,
        lumped_weights_lb=[(1500, 50)],
        rotational_spring_kip_in_per_rad=50000 * 12,
    )
    assert soft < 1.0 < f_thick


def test_rotational_spring_matches_sdof_with_added_flexibility() -> None:
    """Tip mass on a massless post with a base spring: 1/k = L³/3EI + L²/kθ (series flexibility)."""
    e, i, h, w, k_theta = 29000.0, 200.0, 30.0, 2000.0, 1.0e6
    length = h * 12
    k = 1.0 / (length**3 / (3 * e * i) + length**2 / k_theta)
    exact = math.sqrt(k / (w / 1000 / STANDARD_GRAVITY_IN_PER_S2)) / (2 * math.pi)
    f = rayleigh_frequency_hz(
        e_ksi=e,
        i_in4=i,
        height_ft=h,
        post_weight_lb_per_ft=0,
        lumped_weights_lb=[(w, h)],
        rotational_spring_kip_in_per_rad=k_theta,
    )
    assert f == pytest.approx(exact, rel=1e-10)


def test_lower_cabinet_raises_frequency_and_more_weight_lowers_it() -> None:
    def f(weight: float, z: float) -> float:
        return rayleigh_frequency_hz(
            e_ksi=29000, i_in4=443, height_ft=50, post_weight_lb_per_ft=52.32, lumped_weights_lb=[(weight, z)]
        )

    assert f(1500, 40) > f(1500, 50)
    assert f(3000, 50) < f(1500, 50)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"post_weight_lb_per_ft": 0, "lumped_weights_lb": []},
        {"post_weight_lb_per_ft": 10, "lumped_weights_lb": [(100, 60)]},
        {"post_weight_lb_per_ft": 10, "rotational_spring_kip_in_per_rad": 0},
    ],
)
def test_bad_inputs_raise(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        rayleigh_frequency_hz(e_ksi=29000, i_in4=100, height_ft=50, **kwargs)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    i_in4=st.floats(10, 2000),
    height_ft=st.floats(8, 80),
    w_lb_per_ft=st.floats(5, 150),
    cabinet_lb=st.floats(50, 10000),
    fraction=st.floats(0.3, 1.0),
)
def test_rayleigh_lies_between_dunkerley_and_the_exact_bounds(
    i_in4: float, height_ft: float, w_lb_per_ft: float, cabinet_lb: float, fraction: float
) -> None:
    """Dunkerley's formula 1/f² ≈ Σ 1/fᵢ² is a lower bound on f₁, Rayleigh's quotient an upper one
    (Blevins, Formulas for Natural Frequency and Mode Shape, §3.3; Chopra §8.5); both bracket the
    true f₁, so Rayleigh >= Dunkerley always; that they agree within 8 % over this range of signs on
    posts is an observed band (a gross error in either would break it), not a theorem.
    Each part alone: the uniform post exactly (β₁L)² = 3.516; the cabinet at z on the massless
    post, k = 3EI/z³.
    """
    e = 29000.0
    z = fraction * height_ft
    f_post = uniform_cantilever_frequency_hz(e, i_in4, height_ft, w_lb_per_ft)
    f_cabinet = tip_mass_frequency_hz(e, i_in4, z, cabinet_lb)
    dunkerley = 1.0 / math.sqrt(1.0 / f_post**2 + 1.0 / f_cabinet**2)
    f = rayleigh_frequency_hz(
        e_ksi=e,
        i_in4=i_in4,
        height_ft=height_ft,
        post_weight_lb_per_ft=w_lb_per_ft,
        lumped_weights_lb=[(cabinet_lb, z)],
    )
    assert f >= dunkerley * (1 - 1e-12)
    assert f <= dunkerley * 1.08
