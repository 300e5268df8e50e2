"""Solver ``cost.estimate``: price a bill of quantities with a dated, versioned ``prices`` pack.

The input is the ``Bom`` (``apex_nb.solvers.cost.bom``) plus, optionally, the content hash of
the design envelope it was taken from and a price-pack version. The envelope records the exact
price pack (name, version, sha256), so two estimates of one design under two price packs differ
only in money; no engineering is re-run.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from apex_nb.calc import Calc, Solver
from apex_nb.equations import pricing
from apex_nb.equations.metadata import formula_of
from apex_nb.inputs import SolverInput
from apex_nb.solvers.cost.bom import Bom, price_bom

VERSION = "1.0.0"
PRICES_PACK = "prices"


class EstimateInput(SolverInput):
    """Inputs of ``cost.estimate``."""

    bom: Bom = Field(description="Bill of quantities of the sign structure")
    design_content_sha256: str | None = Field(
        default=None,
        pattern=r"^sha256-jcs-v1:[0-9a-f]{64}$",
        description="content_sha256 of the design envelope the BOM was taken from",
    )
    price_pack_version: str | None = Field(
        default=None,
        pattern=r"^\d+\.\d+\.\d+$",
        description="Version of the 'prices' pack to use (default: the newest locked one)",
    )


def run(inputs: EstimateInput, calc: Calc) -> dict[str, Any]:
    """Price a sign's bill of quantities with a dated price pack (steel, plate, rods, concrete, labor)

    Price the BOM line by line; totals with overhead, margin and the engineering fee.
    """
    pack = calc.pack(PRICES_PACK, inputs.price_pack_version)
    prices = pack.data
    calc.note("price_pack", pack.header.version, description=f"price pack effective {prices.effective_date}")
    if inputs.design_content_sha256 is not None:
        calc.note("design", inputs.design_content_sha256, description="design envelope priced")
    else:
        calc.assume("The bill of quantities is not linked to a design envelope")
    for text in pack.header.unverified:
        calc.assume(f"Price pack {pack.header.version}: {text}")
    priced = price_bom(inputs.bom, prices)
    for line in priced["lines"]:
        calc.value(
            f"${line['category']}",
            line["amount_usd"],
            unit="USD",
            description=line["item"],
            formula=formula_of(
                pricing.line_amount_usd, quantity=line["quantity"], unit=line["unit"], unit_price=line["unit_price_usd"]
            ),
        )
    calc.value("$direct", priced["direct_cost_usd"], unit="USD", description="direct cost (marked-up lines)")
    calc.value("$overhead", priced["overhead_usd"], unit="USD", description="overhead",
               formula=formula_of(pricing.overhead_usd, fraction=prices.overhead_fraction))  # fmt: skip
    calc.value("$margin", priced["margin_usd"], unit="USD", description="margin",
               formula=formula_of(pricing.margin_usd, fraction=prices.margin_fraction))  # fmt: skip
    calc.value("$total", priced["total_usd"], unit="USD", description="total price",
               formula=formula_of(pricing.total_usd))  # fmt: skip
    return {
        **priced,
        "price_pack_version": pack.header.version,
        "price_effective_date": prices.effective_date.isoformat(),
        "design_content_sha256": inputs.design_content_sha256,
    }


SOLVER = Solver.of("cost.estimate", VERSION, run)
