"""Cost-optimal choice of a drilled footing: among the allowed augers that pass, the cheapest.

Pure logic (no recorder): the caller designs a depth for each allowed auger with
``foundation.embedment`` and hands the results here as ``FootingOption`` values; this module
filters them by the ``foundation-choice`` rules and prices each with the same rules
``cost.estimate`` uses (``apex_nb.solvers.cost.bom.price_bom``), so the ranking is the price the
customer sees. Only the lines that change with the footing are compared: concrete, drilling
(per ft of the smallest priced auger at least the hole), the embedded post steel and any
reinforcement. Overhead and margin multiply every line alike, so the direct cost ranks them.
Ties go to the smaller diameter, then the shallower hole (deterministic).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from apex_nb.pack_schemas.foundation_choice import FoundationChoicePack
from apex_nb.pack_schemas.prices import PricesPack
from apex_nb.solvers.cost.bom import Bom, price_bom

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


def price_option(option: FootingOption, basis: CostBasis, prices: PricesPack) -> PricedOption:
    """Direct cost of the footing lines of ``option`` by the ``cost.estimate`` rules (labor excluded)."""
    priced = price_bom(footing_bom(option, basis, prices), prices)
    lines = tuple(
        (line["item"], line["amount_usd"]) for line in priced["lines"] if line["category"] in FOOTING_CATEGORIES
    )
    return PricedOption(option, round(sum(amount for _, amount in lines), 2), lines)


def choose(
    options: list[FootingOption],
    basis: CostBasis,
    prices: PricesPack,
    rules: FoundationChoicePack,
    also_passes: Callable[[FootingOption], bool] | None = None,
) -> FootingChoice:
    """Reject failing, too-deep or too-shallow options; rank the rest by direct cost.

    ``also_passes`` is a further footing check (e.g. the torsion in the soil) that costs a solve:
    it is asked in cost order, cheapest first, only until the chosen option and the runner-up are
    found, since a dearer option can be neither. Options after the runner-up stay in ``priced``
    unchecked by it.
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
            priced.append(price_option(option, basis, prices))
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
