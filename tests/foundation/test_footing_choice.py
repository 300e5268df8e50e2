"""The cost-optimal drilled-footing choice (apex_nb.solvers.foundation.choice), by hand.

Prices from the ``prices`` pack 2026.2.0 (concrete 195 USD/yd³, 36 in auger 55 USD/ft, 72 in
auger 170 USD/ft, HSS round 1.85 USD/lb); rules from ``foundation-choice`` 1.0.0 (3 to 20 ft).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apex_nb.pack_schemas.prices import PricesPack
from apex_nb.packs import PackLibrary
from apex_nb.solvers.foundation.choice import (
    CostBasis,
    FootingOption,
    FootingPricer,
    PricedOption,
    allowed_diameters_in,
    choose,
    price_option,
    price_option_by_bom,
)

LIB = PackLibrary()
PRICES = LIB.get("prices", "2026.2.0").data
RULES = LIB.get("foundation-choice", "1.0.0").data


def _yd3(diameter_in: float, depth_ft: float) -> float:
    return math.pi * (diameter_in / 12) ** 2 / 4 * depth_ft / 27


def test_allowed_diameters_keep_the_clearance() -> None:
    sizes = [18, 24, 30, 36, 42, 48, 54, 60, 72]
    assert allowed_diameters_in(sizes, 10.0, 6.0) == [24, 30, 36, 42, 48, 54, 60, 72]
    assert allowed_diameters_in(sizes, 12.0, 6.0) == [24, 30, 36, 42, 48, 54, 60, 72]
    assert allowed_diameters_in(sizes, 12.1, 6.0) == [30, 36, 42, 48, 54, 60, 72]


def test_issue_13_two_holes_36_in_deep_beats_72_in_shallow() -> None:
    """Issue 13: 2 holes at 72 in x 11.5 ft (12.04 yd³ each) against 36 in x 17.5 ft (4.58 yd³ each).

    72 in: concrete 24.086 yd³ x 195 = 4696.68, drilling 2 x 11.5 x 170 = 3910.00 -> 8606.68 USD.
    36 in: concrete 9.163 yd³ x 195 = 1786.78, drilling 2 x 17.5 x 55 = 1925.00 -> 3711.78 USD.
    """
    wide = FootingOption(72, 11.5, _yd3(72, 11.5), True)
    deep = FootingOption(36, 17.5, _yd3(36, 17.5), True)
    basis = CostBasis(holes=2)
    assert price_option(wide, basis, PRICES).cost_usd == pytest.approx(4696.68 + 3910.0, abs=0.01)
    assert price_option(deep, basis, PRICES).cost_usd == pytest.approx(1786.78 + 1925.0, abs=0.01)
    choice = choose([wide, deep], basis, PRICES, RULES)
    assert choice.chosen is not None and choice.chosen.option == deep
    assert choice.runner_up is not None and choice.runner_up.option == wide
    assert choice.runner_up_extra_usd == pytest.approx(8606.68 - 3711.78, abs=0.01)


def test_embedded_steel_counts_against_depth() -> None:
    """40 lb/ft of post, 0.5 ft cover: 2 x 40 x 17.0 x 1.85 = 2516 USD of steel on the deep option."""
    deep = FootingOption(36, 17.5, _yd3(36, 17.5), True)
    basis = CostBasis(holes=2, steel_family="hss_round", embedded_steel_lb_per_ft=40.0, post_bottom_cover_ft=0.5)
    priced = price_option(deep, basis, PRICES)
    assert dict(priced.lines)["hss_round steel: embedded post length"] == pytest.approx(2 * 40 * 17.0 * 1.85)


def test_rules_reject_failing_too_deep_and_too_shallow() -> None:
    options = [
        FootingOption(24, 25.0, _yd3(24, 25.0), True),
        FootingOption(30, 14.0, _yd3(30, 14.0), False),
        FootingOption(36, 2.0, _yd3(36, 2.0), True),
        FootingOption(42, 12.0, _yd3(42, 12.0), True),
    ]
    choice = choose(options, CostBasis(holes=1), PRICES, RULES)
    assert choice.chosen is not None and choice.chosen.option.diameter_in == 42
    assert choice.runner_up is None and choice.runner_up_extra_usd is None
    reasons = {r.option.diameter_in: r.reason for r in choice.rejected}
    assert "deeper than 20 ft" in reasons[24]
    assert "fails" in reasons[30]
    assert "shallower than 3 ft" in reasons[36]


def test_nothing_passes_means_no_choice() -> None:
    choice = choose([FootingOption(24, 30.0, 3.0, True)], CostBasis(holes=1), PRICES, RULES)
    assert choice.chosen is None and choice.priced == ()


def test_rebar_is_priced_per_lb() -> None:
    bare = FootingOption(36, 10.0, _yd3(36, 10.0), True)
    reinforced = FootingOption(36, 10.0, _yd3(36, 10.0), True, rebar_lb=150.0)
    basis = CostBasis(holes=1)
    extra = price_option(reinforced, basis, PRICES).cost_usd - price_option(bare, basis, PRICES).cost_usd
    assert extra == pytest.approx(150.0 * 1.10, abs=0.01)


def test_a_further_check_is_asked_cheapest_first_until_chosen_and_runner_up() -> None:
    """The torsion predicate costs a solve: it is asked in cost order and stops after two pass."""
    options = [FootingOption(d, 8.0, _yd3(d, 8.0), True) for d in (24, 30, 36, 42, 48)]
    asked: list[float] = []

    def torsion_ok(option: FootingOption) -> bool:
        asked.append(option.diameter_in)
        return option.diameter_in != 24  # the cheapest fails torsion

    choice = choose(options, CostBasis(holes=1), PRICES, RULES, torsion_ok)
    assert asked == [24, 30, 36], "dearer options than the runner-up are never asked"
    assert choice.chosen is not None and choice.chosen.option.diameter_in == 30
    assert choice.runner_up is not None and choice.runner_up.option.diameter_in == 36
    assert [r.option.diameter_in for r in choice.rejected] == [24]
    assert "torsion" in choice.rejected[0].reason


# -- the fast footing pricer equals the validated-BOM path -------------------------------------------
PRICE_PACKS = [LIB.get("prices", v).data for v in LIB.versions("prices")]
PRICE_PACKS.append(PRICES.model_copy(update={"rebar_usd_per_lb": None}))  # a pack without a rebar price


def _size(valid: float, beyond: float) -> st.SearchStrategy[float]:
    """Mostly floats the Bom field accepts (up to ``valid``), sometimes an edge, NaN, or up to ``beyond``."""
    return st.tuples(
        st.integers(0, 9), st.floats(valid / 1000, valid), st.sampled_from([0.0, valid, beyond, math.nan]),
        st.floats(0, beyond),
    ).map(lambda t: t[1] if t[0] < 8 else t[2] if t[0] == 8 else t[3])  # fmt: skip


OPTIONS = st.builds(
    FootingOption,
    diameter_in=st.one_of(st.sampled_from([24.0, 12, 18, 30, 33.0, 36, 72.0, 96.0, 120.0, 121.0]), _size(72, 130)),
    depth_ft=_size(40, 90),
    concrete_yd3=_size(60, 150),
    passed=st.just(True),
    rebar_lb=st.one_of(st.just(0.0), _size(2_000, 12_000)),
)
BASES = st.builds(
    CostBasis,
    holes=st.tuples(st.integers(0, 9), st.integers(1, 4), st.integers(0, 110)).map(
        lambda t: t[1] if t[0] < 9 else t[2]
    ),
    steel_family=st.sampled_from([None, "pipe", "hss_round", "hss_rect", "w_shape", "timber"]),
    embedded_steel_lb_per_ft=st.one_of(st.just(0.0), _size(200, 800)),
    post_bottom_cover_ft=st.floats(0, 3),
)


def _outcome(price: Callable[[], PricedOption]) -> PricedOption | tuple[type, str]:
    try:
        return price()
    except Exception as exc:  # the same error, type and text, from both paths
        return type(exc), str(exc)


@settings(max_examples=600, deadline=None)
@given(option=OPTIONS, basis=BASES, prices=st.sampled_from(PRICE_PACKS))
def test_fast_pricing_equals_the_bom_path(option: FootingOption, basis: CostBasis, prices: PricesPack) -> None:
    """``FootingPricer`` (and ``price_option``) give the ``price_bom`` lines and cost, or its error, for any option."""
    reference = _outcome(lambda: price_option_by_bom(option, basis, prices))
    pricer = FootingPricer.of(basis, prices)
    assert _outcome(lambda: pricer.price(option)) == reference
    if isinstance(reference, PricedOption):  # priced by the fast path itself, not by falling back
        assert pricer.lines(option) == reference.lines
    assert _outcome(lambda: price_option(option, basis, prices)) == reference


@settings(max_examples=600, deadline=None)
@given(option=OPTIONS, basis=BASES, prices=st.sampled_from(PRICE_PACKS))
def test_float_lower_bound_never_exceeds_the_price(option: FootingOption, basis: CostBasis, prices: PricesPack) -> None:
    """``lower_bound_usd`` <= the exact cost, within a few cents of it, and None exactly where ``lines`` is."""
    pricer = FootingPricer.of(basis, prices)
    low = pricer.lower_bound_usd(option)
    assert (low is None) == (pricer.lines(option) is None)
    if low is not None:
        exact = pricer.price(option).cost_usd
        assert low <= exact
        assert exact - low <= 0.1 + 1e-11 * exact  # within a dime: tight enough to prune by


@pytest.mark.parametrize("holes", [1, 3])
def test_float_lower_bound_when_every_line_rounds_down_half_a_cent(holes: int) -> None:
    """Every line's exact amount just under a half cent above a whole cent (so rounded down 0.499 cent).

    Pipe 1.70 USD/lb, concrete 195 USD/yd³, rebar 1.10 USD/lb, 36 in auger 55 USD/ft (2026.2.0):
    20.00499 + 50.00499 + 3.00499 + 100.00499 USD before rounding, 173.00 USD after.
    """
    depth = 100.00499 / 55 / holes
    basis = CostBasis(holes, "pipe", embedded_steel_lb_per_ft=20.00499 / 1.70 / (depth * holes))
    option = FootingOption(36, depth, 50.00499 / 195 / holes, True, rebar_lb=3.00499 / 1.1 / holes)
    pricer = FootingPricer.of(basis, PRICES)
    exact = pricer.price(option)
    assert exact == price_option_by_bom(option, basis, PRICES)
    assert len(exact.lines) == 4 and exact.cost_usd == 173.0
    low = pricer.lower_bound_usd(option)
    assert low is not None and low <= exact.cost_usd


@settings(max_examples=200, deadline=None)
@given(
    options=st.lists(
        st.builds(
            FootingOption,
            diameter_in=st.sampled_from([24.0, 30.0, 36.0, 42.0, 48.0, 60.0, 72.0]),
            depth_ft=st.floats(2, 25),
            concrete_yd3=st.floats(0.5, 40),
            passed=st.booleans(),
            rebar_lb=st.floats(0, 400),
        ),
        max_size=7,
    ),
    basis=st.builds(
        CostBasis,
        holes=st.integers(1, 3),
        steel_family=st.sampled_from([None, "pipe", "hss_round"]),
        embedded_steel_lb_per_ft=st.floats(0, 120),
        post_bottom_cover_ft=st.floats(0, 1),
    ),
)
def test_choose_with_the_pricer_memo_equals_choose_by_bom(options: list[FootingOption], basis: CostBasis) -> None:
    """``choose`` given ``FootingPricer`` prices (as ``pick_footing`` does) equals ``choose`` pricing by BOM."""
    by_bom = choose(options, basis, PRICES, RULES, priced_by=lambda o: price_option_by_bom(o, basis, PRICES))
    assert choose(options, basis, PRICES, RULES, priced_by=FootingPricer.of(basis, PRICES).price) == by_bom
    assert choose(options, basis, PRICES, RULES) == by_bom
