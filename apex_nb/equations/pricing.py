"""Pricing arithmetic of ``cost.estimate``: money in decimal, rounded half-up to cents.

Not a code equation but a rule an estimator audits, so each carries its formula like one: the
trace of a price shows the same text the pricing uses. Fractions come from the ``prices`` pack.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from apex_nb.equations.metadata import equation

CENT = Decimal("0.01")


def money(value: Decimal) -> Decimal:
    """Round to cents, half up."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@equation("{quantity:g} {unit} x {unit_price:g} USD")
def line_amount_usd(quantity: Decimal, unit_price: Decimal) -> Decimal:
    """One priced line: quantity x unit price, to the cent."""
    return money(quantity * unit_price)


@equation("{fraction:g} x direct")
def overhead_usd(direct: Decimal, fraction: Decimal) -> Decimal:
    """Overhead: the pack's fraction of the direct (marked-up) cost, to the cent."""
    return money(direct * fraction)


@equation("{fraction:g} x (direct + overhead)")
def margin_usd(direct: Decimal, overhead: Decimal, fraction: Decimal) -> Decimal:
    """Margin on direct cost plus overhead, to the cent."""
    return money((direct + overhead) * fraction)


@equation("direct + overhead + margin + engineering fee")
def total_usd(direct: Decimal, overhead: Decimal, margin: Decimal, unmarked: Decimal) -> Decimal:
    """Total price: marked-up cost with its markups, plus the lines that are not marked up (the fee)."""
    return direct + overhead + margin + unmarked


@equation("concrete + drilling + embedded post + rebar, before overhead and margin")
def footing_direct_cost_usd(lines_usd: float) -> float:
    """Direct cost of a footing option: the sum of its footing lines (from ``foundation.choice``)."""
    return lines_usd


@equation("price + options")
def quote_total_usd(price_usd: float, options_usd: float) -> float:
    """Quote total: the structure's price plus the options chosen, to the cent."""
    return round(price_usd + options_usd, 2)


@equation("{base:g} + {per_ft2:g} x {area:g} ft² + {per_ft:g} x {height:g} ft")
def option_price_usd(base: float, per_ft2: float, area_ft2: float, per_ft: float, height_ft: float) -> float:
    """A quote option: base price, plus per square foot of face, plus per foot of top height, to the cent."""
    return round(base + per_ft2 * area_ft2 + per_ft * height_ft, 2)
