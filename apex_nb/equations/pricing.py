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
