"""The bill of quantities (BOM) that ``cost.estimate`` prices, and the pure pricing function.

A design produces quantities (steel by family in lb, plate lb, anchor rods, concrete, excavation
or auger holes, overall height, galvanizing, cabinet area); a ``prices`` pack turns them into
money. Keeping the two apart means re-pricing a design with a newer price pack never re-runs the
engineering: build the ``Bom`` once from the design envelope and call ``price_bom`` (or the
``cost.estimate`` solver) with another pack version.

Pricing rules (documented so an estimator can audit them):
- steel: weight x family price; plate: weight x plate price; galvanizing (when ``galvanized``):
  (steel + plate weight) x galvanizing price;
- anchor rods: count x (each + per-ft x length); the diameter must be one the pack prices;
- concrete yd³ x price; rebar lb x price (placed); excavation yd³ x price;
- auger holes: count x depth x price per ft of the smallest pack auger at least as large as the hole
  (a 33 in hole is drilled with a 36 in auger);
- labor and equipment: the first height band whose ``max_height_ft`` >= ``overall_height_ft``;
- cabinet/face install: area x price per ft²;
- overhead = overhead_fraction x direct cost; margin = margin_fraction x (direct + overhead);
  the engineering fee (when ``engineering_fee``) is added after markups, not marked up.
Money is computed in decimal and rounded half-up to cents per line.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import Field

from apex_nb.equations import pricing
from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import SolverInput
from apex_nb.pack_schemas.prices import PricesPack, SteelFamily
from apex_nb.units import IN_PER_FT


class SteelItem(SolverInput):
    """Structural steel of one family (material and shop fabrication)."""

    family: SteelFamily = Field(description="'pipe', 'hss_round', 'hss_rect' or 'w_shape'")
    weight_lb: float = Field(gt=0, le=1_000_000, description="Steel weight, lb")
    description: str = Field(default="", max_length=200, description="What it is, e.g. 'HSS10x10x3/8 post, 24 ft'")


class AnchorRodItem(SolverInput):
    """A group of identical anchor rods."""

    count: int = Field(ge=1, le=500, description="Number of rods")
    diameter_in: float = Field(gt=0, le=4, description="Rod diameter, in (a diameter the price pack lists)")
    length_in: float = Field(gt=0, le=240, description="Rod length, in")


class AugerItem(SolverInput):
    """Drilled holes of one diameter (direct-embedded footings)."""

    count: int = Field(ge=1, le=100, description="Number of holes")
    diameter_in: float = Field(gt=0, le=120, description="Hole diameter, in")
    depth_ft: float = Field(gt=0, le=80, description="Depth of each hole, ft")


class Bom(SolverInput):
    """Bill of quantities of one sign structure (the public input of ``cost.estimate``)."""

    steel: list[SteelItem] = Field(default_factory=list, description="Structural steel by family")
    plate_lb: float = Field(default=0.0, ge=0, le=1_000_000, description="Base and cap plates, stiffeners, lb")
    anchor_rods: list[AnchorRodItem] = Field(default_factory=list, description="Anchor rod groups")
    concrete_yd3: float = Field(default=0.0, ge=0, le=10_000, description="Foundation concrete, yd³")
    excavation_yd3: float = Field(default=0.0, ge=0, le=10_000, description="Open excavation (spread footings), yd³")
    rebar_lb: float = Field(default=0.0, ge=0, le=1_000_000, description="Reinforcing bar in footings and piers, lb")
    auger_holes: list[AugerItem] = Field(default_factory=list, description="Drilled holes (direct embedment)")
    overall_height_ft: float = Field(gt=0, le=200, description="Overall sign height above grade, ft (labor band)")
    galvanized: bool = Field(default=False, description="Hot-dip galvanize the steel and plate")
    cabinet_area_ft2: float = Field(default=0.0, ge=0, le=10_000, description="Sign face/cabinet area to install, ft²")
    engineering_fee: bool = Field(default=True, description="Include the engineering fee")


def as_decimal(value: float | int) -> Decimal:
    """A quantity or price as the decimal money is computed in: a float by its shortest repr, an int exactly."""
    return Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)


_d = as_decimal


def _line(
    category: str, item: str, quantity: float | int, unit: str, unit_price: Decimal, marked_up: bool = True
) -> dict[str, Any]:
    amount = pricing.line_amount_usd(_d(quantity), unit_price)
    return {
        "category": category,
        "item": item,
        "quantity": float(quantity),
        "unit": unit,
        "unit_price_usd": float(unit_price),
        "amount_usd": amount,
        "marked_up": marked_up,
    }


def price_bom(bom: Bom, prices: PricesPack) -> dict[str, Any]:
    """Price every BOM line with ``prices``; return lines and totals (USD, cents).

    Pure: no I/O, no recorder. Raises InputError naming the BOM field when the pack has no
    price for it (an anchor-rod diameter, an auger larger than the largest, a height above the
    highest labor band).
    """
    lines: list[dict[str, Any]] = []
    problems: list[FieldProblem] = []
    steel_prices = prices.steel_usd_per_lb
    for item in bom.steel:
        label = f"{item.family} steel" + (f": {item.description}" if item.description else "")
        lines.append(_line("steel", label, item.weight_lb, "lb", _d(getattr(steel_prices, item.family))))
    if bom.plate_lb > 0:
        lines.append(_line("plate", "plate", bom.plate_lb, "lb", _d(prices.plate_usd_per_lb)))
    if bom.galvanized:
        galv_lb = sum(i.weight_lb for i in bom.steel) + bom.plate_lb
        if galv_lb > 0:
            lines.append(_line("galvanizing", "hot-dip galvanizing", galv_lb, "lb", _d(prices.galvanizing_usd_per_lb)))
    rods = {r.diameter_in: r for r in prices.anchor_rods}
    for index, group in enumerate(bom.anchor_rods):
        price = rods.get(group.diameter_in)
        if price is None:
            problems.append(
                FieldProblem(
                    f"anchor_rods.{index}.diameter_in",
                    f"no price for {group.diameter_in:g} in rods",
                    "one of " + ", ".join(f"{d:g}" for d in sorted(rods)),
                )
            )
            continue
        each = _d(price.each_usd) + _d(price.per_ft_usd) * _d(group.length_in) / Decimal(IN_PER_FT)
        label = f"anchor rod {group.diameter_in:g} in x {group.length_in:g} in"
        lines.append(_line("anchor_rods", label, group.count, "each", pricing.money(each)))
    if bom.concrete_yd3 > 0:
        lines.append(_line("concrete", "foundation concrete", bom.concrete_yd3, "yd3", _d(prices.concrete_usd_per_yd3)))
    if bom.rebar_lb > 0:
        if prices.rebar_usd_per_lb is None:
            problems.append(FieldProblem("rebar_lb", "this price pack has no rebar price", "0 (or a rebar price)"))
        else:
            lines.append(_line("rebar", "reinforcing bar, placed", bom.rebar_lb, "lb", _d(prices.rebar_usd_per_lb)))
    if bom.excavation_yd3 > 0:
        lines.append(_line("excavation", "excavation", bom.excavation_yd3, "yd3", _d(prices.excavation_usd_per_yd3)))
    for index, hole in enumerate(bom.auger_holes):
        auger = next((a for a in prices.auger_usd_per_ft if a.diameter_in >= hole.diameter_in - 1e-9), None)
        if auger is None:
            problems.append(
                FieldProblem(
                    f"auger_holes.{index}.diameter_in",
                    f"larger than the largest priced auger ({prices.auger_usd_per_ft[-1].diameter_in:g} in)",
                    f"<= {prices.auger_usd_per_ft[-1].diameter_in:g}",
                )
            )
            continue
        label = (
            f"auger {auger.diameter_in:g} in for a {hole.diameter_in:g} in hole, {hole.count} x {hole.depth_ft:g} ft"
        )
        lines.append(_line("excavation", label, hole.count * hole.depth_ft, "ft", _d(auger.usd_per_ft)))
    band = next((b for b in prices.labor_bands if b.max_height_ft >= bom.overall_height_ft), None)
    if band is None:
        problems.append(
            FieldProblem(
                "overall_height_ft",
                "above the highest labor band of the price pack",
                f"<= {prices.labor_bands[-1].max_height_ft:g}",
            )
        )
    else:
        lines.append(_line("labor", f"installation labor, {band.label}", 1, "lot", _d(band.labor_usd)))
        lines.append(_line("equipment", f"installation equipment, {band.label}", 1, "lot", _d(band.equipment_usd)))
    if bom.cabinet_area_ft2 > 0:
        lines.append(
            _line("install", "sign face/cabinet install", bom.cabinet_area_ft2, "ft2",
                  _d(prices.cabinet_install_usd_per_ft2))
        )  # fmt: skip
    if problems:
        raise InputError([FieldProblem(f"bom.{p.path}", p.message, p.allowed) for p in problems], "bill of quantities")
    if bom.engineering_fee:
        lines.append(_line("engineering", "engineering and calculations", 1, "lot", _d(prices.engineering_fee_usd),
                           marked_up=False))  # fmt: skip

    direct = sum((line["amount_usd"] for line in lines if line["marked_up"]), Decimal(0))
    unmarked = sum((line["amount_usd"] for line in lines if not line["marked_up"]), Decimal(0))
    overhead = pricing.overhead_usd(direct, _d(prices.overhead_fraction))
    margin = pricing.margin_usd(direct, overhead, _d(prices.margin_fraction))
    total = pricing.total_usd(direct, overhead, margin, unmarked)
    for line in lines:
        line["amount_usd"] = float(line["amount_usd"])
    return {
        "lines": lines,
        "direct_cost_usd": float(direct),
        "overhead_usd": float(overhead),
        "margin_usd": float(margin),
        "engineering_usd": float(unmarked),
        "total_usd": float(total),
        "currency": prices.currency,
    }
