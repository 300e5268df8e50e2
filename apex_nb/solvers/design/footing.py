"""Drilled footings of a design: the cost-optimal auger, footing torsion and anchor reinforcement."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from apex_nb.calc import Calc
from apex_nb.envelope import Envelope
from apex_nb.equations import pricing
from apex_nb.equations.ibc import embedment as embedment_eq
from apex_nb.pack_schemas.design_defaults import SignDesignDefaultsPack
from apex_nb.pack_schemas.foundation_choice import FoundationChoicePack
from apex_nb.pack_schemas.soils import EmbedmentConstants
from apex_nb.solvers.design.common import COST_FAMILY, LB_PER_KIP, soil_inputs
from apex_nb.solvers.design.inputs import Soil
from apex_nb.solvers.design.post import PostChoice
from apex_nb.solvers.foundation import shaft_torsion
from apex_nb.solvers.foundation.choice import (
    CostBasis,
    FootingOption,
    FootingPricer,
    PricedOption,
    allowed_diameters_in,
    choose,
)
from apex_nb.solvers.foundation.common import foundations_pack
from apex_nb.solvers.foundation.embedment import wider_minimum_depth_bound_ft
from apex_nb.units import FT3_PER_YD3, IN_PER_FT, PSI_PER_KSI

CHOICE_PACK = "foundation-choice"


#: Skip an auger whose cost, at a proven lower bound of its depth, exceeds the runner-up's (the
#: choice is unchanged; tests compare with this off across a sweep of designs).
AUGER_BOUND_PRUNING = True


def _dearer_than_runner_up(
    size_in: float,
    trials: dict[float, Envelope],
    passing: list[FootingOption],
    base: dict[str, Any],
    constants: EmbedmentConstants,
    pricer: FootingPricer,
    further: Callable[[FootingOption], bool],
    priced: Callable[[FootingOption], PricedOption],
) -> bool:
    """True when auger ``size_in`` can be neither the cheapest passing footing nor the runner-up.

    Depth lower bound: the minimum depth of the wider auger is at least
    ``wider_minimum_depth_bound_ft`` of every narrower auger already solved (its equation with
    the narrower one's soil pressure), so its design depth is at least that bound taken through
    the same ``design_depth_ft`` (the minimum depth, rounded up to the increment; both only grow).
    Its direct cost at that depth (concrete by the solver's own formula, drilling, embedded steel;
    rebar >= 0) bounds its cost from below, since every line grows with depth (priced exactly only
    when its float lower bound does not already settle it). When that bound is
    above the second-cheapest option already known to pass everything (embedment, depth limits,
    ``further``), the auger cannot be chosen or be the runner-up, and ``choose`` never asks
    ``further`` about options dearer than the runner-up; nor can it be rejected, being wider than
    two options that pass within the depth limits.

    ``passing`` holds the options so far that pass the embedment within the depth limits;
    ``further`` is asked in cost order only until two pass (the ones dearer than the second
    cannot change the bound; it asks the same question of every option, so which ones are asked
    changes no answer).
    """
    if len(passing) < 2:
        return False
    ranked = sorted(passing, key=lambda o: (priced(o).cost_usd, o.diameter_in, o.depth_ft))
    known: list[float] = []
    for option in ranked:
        if further(option):
            known.append(priced(option).cost_usd)
            if len(known) == 2:
                break
    narrower = [t for d, t in trials.items() if d < size_in]
    if len(known) < 2 or not narrower:
        return False
    wider_ft = size_in / IN_PER_FT
    force, height = base["lateral_force_lb"], base["force_height_ft"]
    minimum_lb = max(wider_minimum_depth_bound_ft(t.result, constants, force, height, wider_ft) for t in narrower)
    depth = embedment_eq.design_depth_ft(minimum_lb, base["min_depth_ft"], narrower[0].inputs["depth_increment_ft"])
    bound = FootingOption(size_in, depth, embedment_eq.round_shaft_concrete_yd3(depth, wider_ft), True, 0.0)
    low = pricer.lower_bound_usd(bound) if depth > 0.0 else None
    if low is None:  # outside what the price rules take: solve it
        return False
    return low > known[1] + 1e-9 or pricer.price(bound).cost_usd > known[1] + 1e-9  # exact only when close


@dataclass(frozen=True)
class FootingPick:
    """The footing a design adopts and, when chosen by cost, the choice behind it."""

    envelope: Envelope
    choice: dict[str, Any] | None


def embedded_post_basis(holes: int, post: PostChoice, policy: SignDesignDefaultsPack) -> CostBasis:
    """Cost basis of augers that embed the post: its steel family and weight, the concrete cover below it."""
    return CostBasis(
        holes=holes,
        steel_family=COST_FAMILY[post.family or "pipe"],
        embedded_steel_lb_per_ft=post.weight_lb_per_ft,
        post_bottom_cover_ft=policy.post_bottom_cover_in / IN_PER_FT,
    )


def embedded_post_ft(footing: Envelope, policy: SignDesignDefaultsPack) -> float:
    """Length of post below grade: the footing depth less the concrete cover under the post (at least 0)."""
    return max(footing.result["design_depth_ft"] - policy.post_bottom_cover_in / IN_PER_FT, 0.0)


def pick_footing(
    calc: Calc,
    *,
    lateral_force_lb: float,
    moment_lb_ft: float,
    post_width_in: float,
    soil: Soil,
    diameter_ft: float | None,
    policy: SignDesignDefaultsPack,
    cost_basis: CostBasis | None = None,
    rebar_lb: Callable[[Envelope], float] | None = None,
    also_passes: Callable[[Envelope], bool] | None = None,
) -> FootingPick:
    """``foundation.embedment`` for one post: given diameter, or the cost-optimal auger.

    Auto: every standard auger at least post width + 2 x clearance, each at the depth
    ``foundation.embedment`` designs for it (at least the ``foundation-choice`` minimum), priced by
    the ``prices`` pack with ``apex_nb.solvers.foundation.choice`` (concrete, drilling, embedded
    post steel, pier rebar from ``rebar_lb``); an option passes when the embedment passes and
    ``also_passes`` (e.g. the footing torsion) holds; the cheapest within the maximum depth is adopted and
    the runner-up reported. If none fits, the largest auger (its checks and a warning say why).
    """
    height_ft = moment_lb_ft / lateral_force_lb
    base = {**soil_inputs(soil), "lateral_force_lb": lateral_force_lb, "force_height_ft": height_ft}
    rules: FoundationChoicePack = calc.pack(CHOICE_PACK).data
    if diameter_ft is not None:
        # A diameter the user gives must still hold the post with its concrete cover, and stay
        # within the depth a contractor drills: the same rules the automatic choice applies.
        calc.check(
            "footing.hole_fits_post",
            f"post plan width + 2 x {policy.footing_clearance_in:g} in concrete <= footing diameter",
            demand=post_width_in + 2 * policy.footing_clearance_in,
            capacity=diameter_ft * IN_PER_FT,
            unit="in",
            clause="sign-design-defaults footing_clearance_in",
        )
        given = calc.solve("foundation.embedment", {**base, "diameter_ft": diameter_ft})
        calc.applies(
            "footing within the foundation-choice depth limits",
            given.result["design_depth_ft"] <= rules.max_depth_ft + 1e-9,
            f"{diameter_ft * IN_PER_FT:g} in needs {given.result['design_depth_ft']:g} ft "
            f"(> {rules.max_depth_ft:g} ft): use a wider footing or more posts",
            penalty=0.2,
        )
        return FootingPick(given, None)
    prices = calc.pack("prices").data
    base["min_depth_ft"] = max(soil.min_depth_ft, rules.min_depth_ft)
    sizes = allowed_diameters_in(policy.auger_diameters_in, post_width_in, policy.footing_clearance_in)
    sizes = sizes or [policy.auger_diameters_in[-1]]
    basis = cost_basis or CostBasis(holes=1)
    trials: dict[float, Envelope] = {}
    options: list[FootingOption] = []
    passing: list[FootingOption] = []  # passes the embedment within the depth limits
    further_memo: dict[float, bool] = {}
    pricer = FootingPricer.of(basis, prices)
    constants = foundations_pack(calc).embedment  # the pack every embedment trial here reads
    priced_memo: dict[float, PricedOption] = {}  # by diameter: one option per auger size

    def further(option: FootingOption) -> bool:
        if option.diameter_in not in further_memo:
            further_memo[option.diameter_in] = also_passes is None or also_passes(trials[option.diameter_in])
        return further_memo[option.diameter_in]

    def priced(option: FootingOption) -> PricedOption:
        """``price_option`` once per option of this solve (the basis and pack are fixed here)."""
        found = priced_memo.get(option.diameter_in)
        if found is None or found.option is not option:
            found = priced_memo[option.diameter_in] = pricer.price(option)
        return found

    for size_in in sizes:
        if AUGER_BOUND_PRUNING and _dearer_than_runner_up(
            size_in, trials, passing, base, constants, pricer, further, priced
        ):
            continue
        trial = calc.trial("foundation.embedment", {**base, "diameter_ft": size_in / IN_PER_FT})
        trials[size_in] = trial
        option = FootingOption(
            diameter_in=size_in,
            depth_ft=trial.result["design_depth_ft"],
            concrete_yd3=trial.result["concrete_yd3"],
            passed=bool(trial.result["passed"]),
            rebar_lb=rebar_lb(trial) if rebar_lb is not None else 0.0,
        )
        options.append(option)
        if option.passed and rules.min_depth_ft - 1e-9 <= option.depth_ft <= rules.max_depth_ft + 1e-9:
            passing.append(option)
    choice = choose(options, basis, prices, rules, further if also_passes is not None else None, priced)
    calc.applies(
        "footing within the foundation-choice depth limits",
        choice.chosen is not None,
        f"no standard auger from {sizes[0]:g} to {sizes[-1]:g} in passes within {rules.max_depth_ft:g} ft:"
        " consider more posts or a spread footing",
        penalty=0.2,
    )
    if choice.chosen is None:
        return FootingPick(calc.adopt(trials[sizes[-1]]), None)
    chosen, runner = choice.chosen, choice.runner_up
    calc.apply(
        "C_footing",
        pricing.footing_direct_cost_usd,
        chosen.cost_usd,
        unit="USD",
        description=f"direct footing cost, {chosen.option.diameter_in:g} in x {chosen.option.depth_ft:g} ft (chosen)",
        clause="foundation-choice; prices",
    )
    if runner is not None:
        calc.value(
            "ΔC_runner_up",
            choice.runner_up_extra_usd or 0.0,
            unit="USD",
            description=f"runner-up {runner.option.diameter_in:g} in x {runner.option.depth_ft:g} ft: extra cost",
            clause="foundation-choice; prices",
        )
    calc.assume(
        f"Auger {chosen.option.diameter_in:g} in x {chosen.option.depth_ft:g} ft: the cheapest passing standard auger"
        f" >= post + 2 x {policy.footing_clearance_in:g} in, {rules.min_depth_ft:g}-{rules.max_depth_ft:g} ft deep,"
        " by the price pack",
        "foundation-choice",
    )

    def described(priced: PricedOption | None) -> dict[str, Any] | None:
        if priced is None:
            return None
        return {
            "diameter_in": priced.option.diameter_in,
            "depth_ft": priced.option.depth_ft,
            "concrete_yd3_each": priced.option.concrete_yd3,
            "rebar_lb_each": priced.option.rebar_lb,
            "direct_cost_usd": priced.cost_usd,
        }

    summary = {
        "basis": "direct footing cost: concrete, drilling, embedded post steel, pier rebar (before overhead, margin)",
        "chosen": described(chosen),
        "runner_up": described(runner),
        "runner_up_extra_usd": choice.runner_up_extra_usd,
        "rejected": [
            {"diameter_in": r.option.diameter_in, "depth_ft": r.option.depth_ft, "reason": r.reason}
            for r in choice.rejected
        ],
    }
    return FootingPick(calc.adopt(trials[chosen.option.diameter_in]), summary)


def cubic_yards(volume_ft3: float) -> float:
    """ft³ to yd³."""
    return volume_ft3 / FT3_PER_YD3


def circle_area_ft2(diameter_ft: float) -> float:
    """Area of a circle, ft²."""
    return math.pi * diameter_ft**2 / 4.0


@dataclass(frozen=True)
class FootingTorsion:
    """The torsion a footing carries into the soil and how it gets there (``foundation.shaft_torsion``).

    ASD, like the embedment. An embedded post transfers torsion by welded lugs (``post_width_in``
    given); a base plate by its rods (``post_width_in`` None). Without a Table 1806.2 class the
    presumptive class 4 sliding values are used (an assumption).
    """

    torsion_lb_ft: float
    soil: Soil
    dead_load_lb: float
    post_width_in: float | None
    fc_psi: float

    def inputs(self, calc: Calc, footing: Envelope) -> dict[str, Any]:
        """The ``foundation.shaft_torsion`` inputs for ``footing`` (an embedment envelope)."""
        soil_class = self.soil.soil_class
        if soil_class is None:
            soil_class = 4
            calc.assume(
                "Footing torsion: no soil class given, presumptive IBC Table 1806.2 class 4 sliding values used"
            )
        return {
            "torsion_kip_ft": self.torsion_lb_ft / LB_PER_KIP,
            "diameter_ft": footing.result["b_ft"],
            "depth_ft": footing.result["design_depth_ft"],
            "ibc_edition": self.soil.ibc_edition,
            "soil_class": soil_class,
            "dead_load_kip": self.dead_load_lb / LB_PER_KIP,
            "transfer": "lugs" if self.post_width_in is not None else "anchor_rods",
            "post_width_in": self.post_width_in,
            "fc_psi": self.fc_psi,
        }

    def solve(self, calc: Calc, footing: Envelope) -> Envelope:
        """The footing torsion part of the adopted footing."""
        return calc.solve("foundation.shaft_torsion", self.inputs(calc, footing))

    def passes(self, calc: Calc) -> Callable[[Envelope], bool]:
        """A ``pick_footing`` predicate: the torsion check (soil and transfer) passes for that embedment."""

        def passes(embedment: Envelope) -> bool:
            scratch = calc.scratch()  # its assumptions are the adopted footing's to state
            inputs = self.inputs(scratch, embedment)
            passed = shaft_torsion.checks_pass(inputs, scratch)  # no solve for options never adopted
            if passed is None:
                passed = bool(calc.trial("foundation.shaft_torsion", inputs).result["passed"])
            return passed

        return passes


def torsion_summary(part: Envelope | None) -> dict[str, Any] | None:
    """The footing torsion check as design result fields (None when the design has no footing torsion)."""
    if part is None:
        return None
    r = part.result
    return {
        "torsion_kip_ft": r["torsion_kip_ft"],
        "allowable_torque_kip_ft": r["allowable_torque_kip_ft"],
        "transfer": r["transfer"],
        "ratio": r["ratio"],
        "passed": r["passed"],
        "to_add": r["to_add"],
    }


def anchor_reinforcement(
    calc: Calc, plate_inputs: dict[str, Any], pier_d_in: float, hef_in: float
) -> tuple[Envelope | None, dict[str, Any], float]:
    """The lightest ACI 318-19 §17.5.2.1 anchor reinforcement letting the base plate's anchor checks pass.

    Candidates (``aci318-pier`` pack): bar size x bars per tension row, placed beside the rods;
    each is tried through ``connection.base_plate`` (rods re-chosen with it). Returns the passing
    trial (or None), the anchor-reinforcement inputs to pass on, and the bar weight of one base
    (both rod rows, since wind reverses). Nothing passes: ({}, 0) and the plain result stands.
    """
    pack = calc.pack("aci318-pier").data
    bars = {b.size: b for b in pack.bars}
    best: tuple[float, Envelope, dict[str, Any]] | None = None
    for size in pack.anchor_bar_sizes:
        bar = bars[size]
        ld = max(pack.fy_ksi * PSI_PER_KSI * bar.diameter_in / (25.0 * math.sqrt(plate_inputs["fc_psi"])), 12.0)
        for per_row in pack.anchor_bars_per_row:
            extra = {
                "supplementary_reinforcement": True,
                "anchor_reinforcement_in2": per_row * bar.area_in2,
                "anchor_reinforcement_db_in": bar.diameter_in,
                "anchor_reinforcement_offset_in": pack.anchor_bar_offset_in,
            }
            trial = calc.trial("connection.base_plate", {**plate_inputs, "pedestal_diameter_in": pier_d_in, **extra})
            anchors = trial.result.get("anchor_checks") or {}
            if not anchors.get("passed"):
                continue
            length_ft = (hef_in - pack.end_cover_in + ld + 12.0 * bar.diameter_in) / IN_PER_FT
            weight = 2 * per_row * length_ft * bar.weight_lb_per_ft
            if best is None or weight < best[0]:
                best = (weight, trial, extra)
            break
    if best is None:
        return None, {}, 0.0
    weight, trial, extra = best
    calc.assume(
        f"Anchor reinforcement: {extra['anchor_reinforcement_in2']:.2f} in² of hooked bars per rod row,"
        f" {pack.anchor_bar_offset_in:g} in. beside the rods, both rows (ACI 318-19 §17.5.2.1); pier bars and"
        " ties make breakout Condition A",
        "ACI 318-19 §17.5.2.1",
    )
    return trial, extra, weight
