"""Cost-optimal choice of a drilled footing: among the allowed augers that pass, the cheapest.

Pure logic (no recorder): the caller designs a depth for each allowed auger with
``foundation.embedment`` and hands the results here as ``FootingOption`` values; this module
filters them by the ``foundation-choice`` rules and prices each with the same rules
``cost.estimate`` uses (``apex_nb.solvers.cost.bom.price_bom``), so the ranking is the price the
customer sees. Only the lines that change with the footing are compared: concrete, drilling
(per ft of the smallest priced auger at least the hole), the embedded post steel and any
reinforcement. Overhead and margin multiply every line alike, so the direct cost ranks them.
Ties go to the smaller diameter, then the shallower hole (deterministic).

``FootingPricer`` prices the options of one solve without building a ``Bom`` per option (the
auger search prices many); ``price_option_by_bom`` is the reference it equals (tests compare).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import get_args

import annotated_types
from pydantic import BaseModel

from apex_nb.equations import pricing
from apex_nb.pack_schemas.foundation_choice import FoundationChoicePack
from apex_nb.pack_schemas.prices import PricesPack, SteelFamily
from apex_nb.solvers.cost.bom import AugerItem, Bom, SteelItem, as_decimal, price_bom

FOOTING_CATEGORIES = ("concrete", "excavation", "steel", "rebar")
FAILS_A_CHECK = "fails a footing check at its depth (embedment or torsion)"


@dataclass(frozen=True)
class FootingOption:
    """One auger diameter at the depth designed for it (per hole)."""

    diameter_in: float
    depth_ft: float
    concrete_yd3: float
    passed: bool
    rebar_lb: float = 0.0


@dataclass(frozen=True)
class CostBasis:
    """What the footing cost depends on besides the hole: the number of holes and the embedded post."""

    holes: int
    steel_family: str | None = None  # a SteelFamily id; Bom validates it
    embedded_steel_lb_per_ft: float = 0.0
    post_bottom_cover_ft: float = 0.0


@dataclass(frozen=True)
class PricedOption:
    """A passing option with its direct footing cost (all holes), USD."""

    option: FootingOption
    cost_usd: float
    lines: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Rejected:
    """An option left out and why."""

    option: FootingOption
    reason: str


@dataclass(frozen=True)
class FootingChoice:
    """The cheapest passing option, the runner-up, and everything considered."""

    chosen: PricedOption | None
    runner_up: PricedOption | None
    priced: tuple[PricedOption, ...]
    rejected: tuple[Rejected, ...]

    @property
    def runner_up_extra_usd(self) -> float | None:
        """How much more the runner-up costs (direct footing cost), USD."""
        if self.chosen is None or self.runner_up is None:
            return None
        return round(self.runner_up.cost_usd - self.chosen.cost_usd, 2)


def allowed_diameters_in(auger_sizes_in: list[float], post_width_in: float, clearance_in: float) -> list[float]:
    """Standard augers at least post width + 2 x clearance (the concrete cover around the post)."""
    smallest = post_width_in + 2.0 * clearance_in
    return [d for d in auger_sizes_in if d >= smallest - 1e-9]


def footing_bom(option: FootingOption, basis: CostBasis, prices: PricesPack) -> Bom:
    """The footing-dependent part of the bill of quantities for ``option`` (all holes)."""
    steel = []
    embedded_ft = max(option.depth_ft - basis.post_bottom_cover_ft, 0.0)
    if basis.steel_family is not None and basis.embedded_steel_lb_per_ft > 0 and embedded_ft > 0:
        weight = basis.embedded_steel_lb_per_ft * embedded_ft * basis.holes
        steel.append({"family": basis.steel_family, "weight_lb": weight, "description": "embedded post length"})
    return Bom.model_validate(
        {
            "steel": steel,
            "concrete_yd3": option.concrete_yd3 * basis.holes,
            "auger_holes": [{"count": basis.holes, "diameter_in": option.diameter_in, "depth_ft": option.depth_ft}],
            "rebar_lb": option.rebar_lb * basis.holes,
            "overall_height_ft": prices.labor_bands[0].max_height_ft,
            "engineering_fee": False,
        }
    )


def price_option_by_bom(option: FootingOption, basis: CostBasis, prices: PricesPack) -> PricedOption:
    """Direct cost of the footing lines of ``option`` by the ``cost.estimate`` rules (labor excluded).

    The reference path: a validated ``Bom`` priced by ``price_bom``. ``price_option`` gives the
    same result faster (a test compares the two over many random options).
    """
    priced = price_bom(footing_bom(option, basis, prices), prices)
    lines = tuple(
        (line["item"], line["amount_usd"]) for line in priced["lines"] if line["category"] in FOOTING_CATEGORIES
    )
    return PricedOption(option, round(sum(amount for _, amount in lines), 2), lines)


_STEEL_FAMILIES = frozenset(get_args(SteelFamily))


def _field_range(model: type[BaseModel], name: str) -> tuple[float, float, bool]:
    """(low, high, low is open) of a numeric ``Bom`` field, read from its own constraints (one source)."""
    low, high, low_open = -math.inf, math.inf, False
    for rule in model.model_fields[name].metadata:
        if isinstance(rule, annotated_types.Gt):
            low, low_open = float(rule.gt), True  # type: ignore[arg-type]
        elif isinstance(rule, annotated_types.Ge):
            low, low_open = float(rule.ge), False  # type: ignore[arg-type]
        elif isinstance(rule, annotated_types.Le):
            high = float(rule.le)  # type: ignore[arg-type]
    return low, high, low_open


_HOLES = _field_range(AugerItem, "count")
_DIAMETER = _field_range(AugerItem, "diameter_in")
_DEPTH = _field_range(AugerItem, "depth_ft")
_CONCRETE = _field_range(Bom, "concrete_yd3")
_REBAR = _field_range(Bom, "rebar_lb")
_HEIGHT = _field_range(Bom, "overall_height_ft")
_STEEL = _field_range(SteelItem, "weight_lb")


def _bom_float(value: object, field: tuple[float, float, bool]) -> float | None:
    """``value`` as the ``Bom`` field would hold it (a float within its range), or None if refused there."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    low, high, low_open = field
    inside = (low < number if low_open else low <= number) and number <= high  # False for NaN
    return number if inside else None


def _amount(quantity: float, unit_price: Decimal) -> float:
    """One line's amount as ``price_bom`` reports it: decimal quantity x unit price, to the cent, as float."""
    return float(pricing.line_amount_usd(as_decimal(quantity), unit_price))


#: A unit price as the pricing computes with it (decimal) and as a float (for the lower bound).
UnitPrice = tuple[Decimal, float]


def _unit(value: float) -> UnitPrice:
    return as_decimal(value), float(value)


@dataclass(frozen=True)
class FootingPricer:
    """``price_option`` for one cost basis and price pack, with what does not depend on the option done once.

    ``price`` builds the footing lines ``price_option_by_bom`` gives without a ``Bom`` or the other
    BOM lines: the same quantities as ``footing_bom``; the same unit prices, order, labels and
    decimal rounding as ``price_bom`` (steel, concrete, rebar, auger). Whenever the ``Bom`` would
    refuse a value (out of its field range, NaN, not a number) or the pack lacks a price (no rebar
    price, an auger larger than the largest, no labor band for the height) it takes the reference
    path, which raises its own error. Labor, equipment and the fee are not footing lines, so they
    are not computed. Make one per solve (``of``); it holds no state beyond its two inputs.
    """

    basis: CostBasis
    prices: PricesPack
    #: the Bom accepts the basis' hole count and the pack's first labor band height
    usable: bool
    #: the embedded steel's unit price (None: no valid steel family; the Bom path decides)
    steel_usd: UnitPrice | None
    concrete_usd: UnitPrice
    rebar_usd: UnitPrice | None
    #: (diameter, usd/ft) of every priced auger, smallest first (the pack's order)
    augers: tuple[tuple[float, UnitPrice], ...]

    @classmethod
    def of(cls, basis: CostBasis, prices: PricesPack) -> FootingPricer:
        """The pricer of ``basis`` with ``prices``."""
        holes = basis.holes
        usable = (
            type(holes) is int
            and _bom_float(holes, _HOLES) is not None
            and _bom_float(prices.labor_bands[0].max_height_ft, _HEIGHT) is not None
        )
        family = basis.steel_family
        steel_ok = type(family) is str and family in _STEEL_FAMILIES
        return cls(
            basis=basis,
            prices=prices,
            usable=usable,
            steel_usd=_unit(getattr(prices.steel_usd_per_lb, family)) if steel_ok and family else None,
            concrete_usd=_unit(prices.concrete_usd_per_yd3),
            rebar_usd=None if prices.rebar_usd_per_lb is None else _unit(prices.rebar_usd_per_lb),
            augers=tuple((a.diameter_in, _unit(a.usd_per_ft)) for a in prices.auger_usd_per_ft),
        )

    def quantities(self, option: FootingOption) -> list[tuple[str, float, UnitPrice]] | None:
        """(item, quantity, unit price) of each footing line of ``option``, in ``price_bom``'s order, or
        None where the reference path must decide (the Bom would refuse it or the pack has no price)."""
        if not self.usable:
            return None
        basis, holes = self.basis, self.basis.holes
        diameter = _bom_float(option.diameter_in, _DIAMETER)
        depth = _bom_float(option.depth_ft, _DEPTH)
        concrete = _bom_float(option.concrete_yd3 * holes, _CONCRETE)
        rebar = _bom_float(option.rebar_lb * holes, _REBAR)
        if diameter is None or depth is None or concrete is None or rebar is None:
            return None
        lines: list[tuple[str, float, UnitPrice]] = []
        embedded_ft = max(option.depth_ft - basis.post_bottom_cover_ft, 0.0)
        if basis.steel_family is not None and basis.embedded_steel_lb_per_ft > 0 and embedded_ft > 0:
            weight = _bom_float(basis.embedded_steel_lb_per_ft * embedded_ft * holes, _STEEL)
            if self.steel_usd is None or weight is None:
                return None
            lines.append((f"{basis.steel_family} steel: embedded post length", weight, self.steel_usd))
        if concrete > 0:
            lines.append(("foundation concrete", concrete, self.concrete_usd))
        if rebar > 0:
            if self.rebar_usd is None:
                return None
            lines.append(("reinforcing bar, placed", rebar, self.rebar_usd))
        auger = next((a for a in self.augers if a[0] >= diameter - 1e-9), None)
        if auger is None:
            return None
        label = f"auger {auger[0]:g} in for a {diameter:g} in hole, {holes} x {depth:g} ft"
        lines.append((label, holes * depth, auger[1]))
        return lines

    def lines(self, option: FootingOption) -> tuple[tuple[str, float], ...] | None:
        """The footing lines of ``option`` (item, USD), or None where the reference path must decide."""
        quantities = self.quantities(option)
        if quantities is None:
            return None
        return tuple((item, _amount(quantity, unit[0])) for item, quantity, unit in quantities)

    def price(self, option: FootingOption) -> PricedOption:
        """``price_option(option, basis, prices)``."""
        lines = self.lines(option)
        if lines is None:
            return price_option_by_bom(option, self.basis, self.prices)
        return PricedOption(option, round(sum(amount for _, amount in lines), 2), lines)

    def lower_bound_usd(self, option: FootingOption) -> float | None:
        """A float at most ``price(option).cost_usd``, without decimals (None where ``lines`` is None).

        Each line is quantity x unit price rounded half-up to the cent, so at least the exact
        product less half a cent; the decimal operands (shortest reprs of the floats) and the float
        product differ from it by a few parts in 1e16, and the float sum and the final rounding to
        cents lose at most another half cent and a few ulps: 1e-12 of the sum and 1 cent per line
        (plus one) more than covers them (a test checks it against ``price`` over many options).
        """
        quantities = self.quantities(option)
        if quantities is None:
            return None
        total = sum(quantity * unit[1] for _, quantity, unit in quantities)
        return total * (1.0 - 1e-12) - 0.01 * (len(quantities) + 1)


def price_option(option: FootingOption, basis: CostBasis, prices: PricesPack) -> PricedOption:
    """Direct cost of the footing lines of ``option`` by the ``cost.estimate`` rules (labor excluded).

    Equal to ``price_option_by_bom`` (the validated-BOM path, which it falls back to whenever the
    BOM would refuse the option, so errors are the same): building and validating a whole ``Bom``
    for four lines was most of the auger search's pricing time. Pricing many options of one basis
    and pack: ``FootingPricer.of(basis, prices).price``.
    """
    return FootingPricer.of(basis, prices).price(option)


def choose(
    options: list[FootingOption],
    basis: CostBasis,
    prices: PricesPack,
    rules: FoundationChoicePack,
    also_passes: Callable[[FootingOption], bool] | None = None,
    priced_by: Callable[[FootingOption], PricedOption] | None = None,
) -> FootingChoice:
    """Reject failing, too-deep or too-shallow options; rank the rest by direct cost.

    ``also_passes`` is a further footing check (e.g. the torsion in the soil) that costs a solve:
    it is asked in cost order, cheapest first, only until the chosen option and the runner-up are
    found, since a dearer option can be neither. Options after the runner-up stay in ``priced``
    unchecked by it. ``priced_by`` prices an option when the caller has already priced it with
    ``price_option`` for this basis and pack (a memo); by default ``price_option``.
    """
    rejected: list[Rejected] = []
    priced: list[PricedOption] = []
    for option in options:
        if not option.passed:
            rejected.append(Rejected(option, FAILS_A_CHECK))
        elif option.depth_ft > rules.max_depth_ft + 1e-9:
            rejected.append(Rejected(option, f"needs {option.depth_ft:g} ft, deeper than {rules.max_depth_ft:g} ft"))
        elif option.depth_ft < rules.min_depth_ft - 1e-9:
            rejected.append(Rejected(option, f"{option.depth_ft:g} ft is shallower than {rules.min_depth_ft:g} ft"))
        else:
            priced.append(price_option(option, basis, prices) if priced_by is None else priced_by(option))
    ranked = sorted(priced, key=lambda p: (p.cost_usd, p.option.diameter_in, p.option.depth_ft))
    if also_passes is not None:
        kept: list[PricedOption] = []
        checked = 0
        for candidate in ranked:
            if len(kept) == 2:
                break
            checked += 1
            if also_passes(candidate.option):
                kept.append(candidate)
            else:
                rejected.append(Rejected(candidate.option, FAILS_A_CHECK))
        ranked = kept + ranked[checked:]
        rejected.sort(key=lambda r: options.index(r.option))
    return FootingChoice(
        chosen=ranked[0] if ranked else None,
        runner_up=ranked[1] if len(ranked) > 1 else None,
        priced=tuple(ranked),
        rejected=tuple(rejected),
    )
