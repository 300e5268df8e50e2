"""Pieces shared by the complete-sign designs: wind per face, load factors, footings, BOM, review.

Every load is computed from wind and dead load; every component is solved through
``calc.solve`` so its envelope becomes a part of the design envelope (linked by content hash
in the design result).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

from apex_nb.calc import Calc
from apex_nb.envelope import Envelope, confidence_from
from apex_nb.errors import InputError
from apex_nb.pack_schemas.design_defaults import SignDesignDefaultsPack
from apex_nb.pack_schemas.foundation_choice import FoundationChoicePack
from apex_nb.solvers.design.inputs import Face, SiteWind, Soil
from apex_nb.solvers.foundation.choice import CostBasis, FootingOption, PricedOption, allowed_diameters_in, choose
from apex_nb.solvers.member.common import AsceEdition, DesignMethod, load_combinations
from apex_nb.units import LB_PER_KIP as LB_PER_KIP  # re-exported; one definition in apex_nb.units

DEFAULTS_PACK = "sign-design-defaults"
CHOICE_PACK = "foundation-choice"
COST_FAMILY = {
    "pipe": "pipe",
    "hss-round": "hss_round",
    "hss-square": "hss_rect",
    "hss-rect": "hss_rect",
    "w": "w_shape",
}


def defaults(calc: Calc) -> SignDesignDefaultsPack:
    """The design-policy pack (recorded in the envelope)."""
    return calc.pack(DEFAULTS_PACK).data


def wind_inputs(wind: SiteWind) -> dict[str, Any]:
    """Site wind fields shared by the wind solvers."""
    data: dict[str, Any] = {
        "edition": wind.edition,
        "wind_speed_mph": wind.wind_speed_mph,
        "exposure": wind.exposure,
        "kzt": wind.kzt,
        "ground_elevation_ft": wind.ground_elevation_ft,
    }
    if wind.importance_factor is not None:
        data["importance_factor"] = wind.importance_factor
    return data


def face_wind(
    calc: Calc, wind: SiteWind, face: Face, natural_frequency_hz: float | None = None, *, keep: bool = True
) -> Envelope:
    """``wind.asce7_sign`` for one face (each face is its own sign per ASCE 7 Ch. 29).

    With ``natural_frequency_hz`` below 1 Hz the wind solver uses the flexible gust factor Gf;
    ``keep=False`` returns a trial (a sizing pass) that the caller adopts once it has converged.
    """
    inputs = {
        **wind_inputs(wind),
        "sign_width_ft": face.width_ft,
        "sign_height_ft": face.height_ft,
        "top_height_ft": face.top_height_ft,
        "solidity_ratio": face.solidity_ratio,
    }
    if face.return_corner_ft is not None:
        inputs["return_corner_ft"] = face.return_corner_ft
    if natural_frequency_hz is not None:
        inputs["natural_frequency_hz"] = natural_frequency_hz
    return calc.solve("wind.asce7_sign", inputs) if keep else calc.trial("wind.asce7_sign", inputs)


def dynamic_summary(calc: Calc, frequency: Envelope | None, n1_used: float | None, face: Envelope) -> dict[str, Any]:
    """Adopt the natural-frequency part and state which gust factor the wind used, and why.

    ASCE 7 §26.2: rigid when f1 >= 1 Hz (G = 0.85); below 1 Hz the structure is flexible and the
    wind uses Gf of §26.11.5 (7-10 §26.9.5, 7-05 §6.5.8.2), evaluated at ``n1_used``.
    """
    gust = float(face.result["gust_factor"])
    if frequency is None:
        return {
            "natural_frequency_hz": None,
            "flexible": None,
            "gust_factor": gust,
            "gust_factor_basis": ("no post selected: frequency not computed; G = 0.85 (rigid) assumed"),
        }
    frequency = calc.adopt(frequency)
    f1 = float(frequency.result["f1_hz"])
    calc.value("f1", f1, unit="Hz", description="first natural frequency of the sign on its post (rigid base)",
               clause=frequency.result["clause"])  # fmt: skip
    if n1_used is None:
        basis = f"f1 = {f1:.2f} Hz >= 1 Hz: rigid, G = {gust:g} ({frequency.result['rigid_limit_clause']})"
    else:
        basis = (
            f"f1 = {f1:.2f} Hz < 1 Hz: flexible; Gf = {gust:.3f} (ASCE 7 §26.11.5) evaluated at {n1_used:.2f} Hz, "
            f"no higher than the final post's f1, with the wind pack's damping ratio"
        )
        calc.applies(
            "along-wind gust response only (no vortex shedding or across-wind check)",
            False,
            "a flexible pole can be excited across the wind (vortex shedding); Gf covers along-wind response only",
            penalty=0.1,
        )
    calc.assume(basis, frequency.result["rigid_limit_clause"])
    return {
        "natural_frequency_hz": f1,
        "flexible": n1_used is not None,
        "gust_factor": gust,
        "gust_factor_basis": basis,
    }


def face_weight_lb(calc: Calc, face: Face, policy: SignDesignDefaultsPack) -> float:
    """Face dead weight: given, or area x the policy's psf (an assumption)."""
    if face.weight_lb is not None:
        return face.weight_lb
    weight = face.width_ft * face.height_ft * policy.face_dead_load_psf
    calc.assume(
        f"{face.name}: weight {weight:.0f} lb = {face.width_ft:g} x {face.height_ft:g} ft x "
        f"{policy.face_dead_load_psf:g} psf (typical cabinet; give the weight when known)"
    )
    return weight


@dataclass(frozen=True)
class LoadFactors:
    """Factors on W and D for member design (method) and for soil (always ASD)."""

    member_w: float
    member_d: float
    member_combo: str
    soil_w: float
    soil_d: float
    soil_combo: str
    member_combos: tuple[tuple[float, float], ...] = ()

    @property
    def counteracting_d(self) -> float:
        """The smallest D factor among the combinations with the full member W factor (0.6D, 0.9D).

        Anchor tension and uplift grow as the axial load falls, so connections are checked with it.
        """
        with_full_wind = [d for d, w in self.member_combos if abs(w - self.member_w) < 1e-12]
        return min(with_full_wind) if with_full_wind else self.member_d

    def member_demand(self, dead: float, wind: float) -> float:
        """The largest D x dead + W x wind over the method's combinations (1.4D included in LRFD).

        For a load where dead and wind add (a cantilever's moments about one axis, checked
        conservatively), a small wind can leave 1.4D or 1.2D + 0.5W governing, not the
        combination with the largest W factor.
        """
        combos = self.member_combos or ((self.member_d, self.member_w),)
        return max(d * dead + w * wind for d, w in combos)


def load_factors(calc: Calc, edition: AsceEdition, method: DesignMethod) -> LoadFactors:
    """Governing D + W combination factors from the load-combinations pack.

    Members use the method's combination with the largest W factor (its D factor for axial);
    soil checks always use the ASD combination with the largest W factor, since IBC Table
    1806.2 values are allowable stresses.
    """
    member = max(load_combinations(calc, edition, method), key=lambda c: (c["W"], c["D"]))
    soil = max(load_combinations(calc, edition, "ASD"), key=lambda c: (c["W"], c["D"]))
    calc.note(
        "member_combination", member["expression"], description="member design combination", clause=member["clause"]
    )
    calc.note("soil_combination", soil["expression"], description="soil (allowable) combination", clause=soil["clause"])
    every = tuple((c["D"], c["W"]) for c in load_combinations(calc, edition, method))
    return LoadFactors(member["W"], member["D"], member["expression"], soil["W"], soil["D"], soil["expression"], every)


def soil_load_factors(calc: Calc, factors: LoadFactors, soil: Soil) -> LoadFactors:
    """The soil's wind factor: the basic ASD 0.6W, or 0.6ωW when the one-third increase is taken.

    IBC §1806.1 allows the one-third increase of Table 1806.2 values only with the alternative
    ASD combinations (2018 §1605.3.2, 2021/2024 §1605.2), whose wind term is 0.6ωW with ω = 1.3
    for ASCE 7 Chapter 26-31 wind; ω = 1.3 is applied to 7-05 wind too (conservative).
    """
    if not soil.one_third_increase:
        return factors
    soils = calc.pack("ibc-soils").data
    clauses = soils.clauses[soil.ibc_edition]
    omega = calc.value(
        "ω",
        soils.adjustments.alternative_asd_wind_omega,
        description="factor on the wind of the alternative ASD combinations (taken with the one-third increase)",
        clause=clauses.alternative_combinations,
    )
    soil_w = calc.value(
        "a_W,soil",
        factors.soil_w * omega,
        description="wind factor on the soil with the one-third increase",
        formula=f"{factors.soil_w:g} ω",
        clause=clauses.alternative_combinations,
    )
    combo = f"D + {soil_w:g}W (alternative ASD: {clauses.alternative_combinations})"
    calc.note("soil_combination_used", combo, description="soil combination with the one-third increase")
    calc.assume(
        f"One-third increase of the soil values taken, so the soil is loaded with 0.6ωW = {soil_w:g}W "
        f"({clauses.alternative_combinations}), not the basic 0.6W",
        clauses.one_third_increase,
    )
    return replace(factors, soil_w=soil_w, soil_combo=combo)


@dataclass(frozen=True)
class CaseForces:
    """Per-post forces of one wind case at the W level, with the loads that bend the post.

    ``point_loads`` are (force per post in lb, height in ft): the windward post's share of every
    face, used for its service deflection as well as for its strength.
    """

    case: str
    shear_lb: float
    moment_lb_ft: float
    torsion_lb_ft: float
    point_loads: tuple[tuple[float, float], ...]

    def drift_index(self, length_ft: float) -> float:
        """Σ P z² (3L − z): proportional to the tip deflection these loads give (to rank cases)."""
        return sum(p * z * z * (3.0 * length_ft - z) for p, z in self.point_loads)


@dataclass(frozen=True)
class PostChoice:
    """What the designs need from a ``post.select`` envelope, typed (found or the closest section)."""

    found: bool
    label: str | None
    family: str | None
    shape: Literal["round", "square"]
    width_in: float
    plan_diameter_in: float
    wall_in: float
    weight_lb_per_ft: float
    ratio: float
    governing_check: str
    reason: str = ""

    @classmethod
    def from_envelope(cls, env: Envelope) -> PostChoice:
        """Read a selection (``found``) or its closest failing section (not found)."""
        r = env.result
        row: dict[str, Any] = r if r["found"] else (r.get("closest") or {})
        dims: dict[str, Any] = r["dimensions"] if r["found"] else row
        family = row.get("family")
        width = next((float(dims[k]) for k in ("od_in", "b_in", "bf_in", "width_in") if dims.get(k)), 0.0)
        if dims.get("od_in"):
            plan = width
        else:
            depth = float(dims.get("depth_in") or dims.get("d_in") or dims.get("ht_in") or width)
            plan = math.hypot(width, depth)
        return cls(
            found=bool(r["found"]),
            label=row.get("label"),
            family=family,
            shape="round" if family in ("pipe", "hss-round") else "square",
            width_in=width,
            plan_diameter_in=plan,
            wall_in=float(dims.get("t_nom_in") or 0.0),
            weight_lb_per_ft=float(row.get("weight_lb_per_ft") or 0.0),
            ratio=float(row["ratio"]) if row.get("ratio") is not None else math.inf,
            governing_check=str(row.get("governing_check") or "none"),
            reason=str(r.get("reason") or ""),
        )


def wall_limits(policy: SignDesignDefaultsPack, *, base_plated: bool) -> dict[str, float]:
    """``post.select`` inputs for the practice wall limits of the policy pack."""
    return {
        "min_wall_in": policy.min_wall_base_plate_in if base_plated else policy.min_wall_embedded_in,
        "max_round_d_over_t": policy.max_round_d_over_t,
        "max_rect_b_over_t": policy.max_rect_b_over_t,
    }


def faces_overlap(faces: list[Face]) -> list[tuple[str, str]]:
    """Pairs of faces whose elevations overlap (each is loaded as its own sign: likely a duplicate)."""
    pairs: list[tuple[str, str]] = []
    for i, a in enumerate(faces):
        for b in faces[i + 1 :]:
            low = max(a.top_height_ft - a.height_ft, b.top_height_ft - b.height_ft)
            high = min(a.top_height_ft, b.top_height_ft)
            if high - low > 1e-9:
                pairs.append((a.name, b.name))
    return pairs


def check_geometry(calc: Calc, faces: list[Face], reach_ft: float, policy: SignDesignDefaultsPack) -> None:
    """Design-level rules on the geometry: no overlapping faces, no face reaching too far beyond its posts."""
    overlaps = faces_overlap(faces)
    for a, b in overlaps:
        calc.warn(
            f"faces '{a}' and '{b}' overlap in elevation: each is loaded as its own sign. If they are the two sides "
            "of one double-faced cabinet, give it once (ASCE 7 Ch. 29 loads the cabinet, not each face)"
        )
    calc.applies(
        "faces do not overlap in elevation",
        not overlaps,
        "overlapping faces double the wind: check the face list",
        penalty=0.3,
    )
    calc.value("reach", reach_ft, unit="ft", description="farthest reach of a face beyond its outermost post")
    calc.applies(
        f"faces reach at most {policy.max_face_overhang_ft:g} ft beyond the posts",
        reach_ft <= policy.max_face_overhang_ft + 1e-9,
        f"a face reaches {reach_ft:g} ft beyond its post: torsion and foundation twist need an engineer "
        "(or add a post)",
        penalty=0.25,
    )


def no_post_verdict(
    calc: Calc, post: PostChoice, policy: SignDesignDefaultsPack, member: str = "post"
) -> dict[str, Any]:
    """Closing fields when no standard section passes: no price is invented, an engineer must look."""
    why = post.reason or (f"the closest is {post.label} at ratio {post.ratio:.2f}" if post.label else "")
    message = f"no standard {member} passes: refer to an engineer" + (f" ({why})" if why else "")
    calc.warn(message)
    gov_label, gov_ratio = governing_check(calc.parts)
    verdict = review(calc, policy.review_confidence_below)
    return {
        "design_status": "no_standard_post",
        "verdict": message,
        "closest_post_label": post.label,
        "closest_post_ratio": post.ratio if math.isfinite(post.ratio) else None,
        "price_total_usd": None,
        "price_lines": [],
        "governing_check": gov_label,
        "governing_ratio": gov_ratio,
        "needs_engineer_review": True,
        "review_reasons": sorted({message, *verdict["review_reasons"]}),
        "review_notes": verdict["review_notes"],
        "parts_sha256": calc.part_hashes(),
    }


def soil_inputs(soil: Soil) -> dict[str, Any]:
    """Soil fields of ``foundation.embedment``; the interpretations become its assumptions."""
    data: dict[str, Any] = {
        "ibc_edition": soil.ibc_edition,
        "isolated_pole_factor": soil.isolated_pole_factor,
        "one_third_increase": soil.one_third_increase,
        "constrained": soil.constrained,
        "min_depth_ft": soil.min_depth_ft,
    }
    if soil.lateral_bearing_psf_per_ft is not None:
        data["lateral_bearing_psf_per_ft"] = soil.lateral_bearing_psf_per_ft
    else:
        data["soil_class"] = soil.soil_class
    return data


@dataclass(frozen=True)
class FootingPick:
    """The footing a design adopts and, when chosen by cost, the choice behind it."""

    envelope: Envelope
    choice: dict[str, Any] | None


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
            capacity=diameter_ft * 12.0,
            unit="in",
            clause="sign-design-defaults footing_clearance_in",
        )
        given = calc.solve("foundation.embedment", {**base, "diameter_ft": diameter_ft})
        calc.applies(
            "footing within the foundation-choice depth limits",
            given.result["design_depth_ft"] <= rules.max_depth_ft + 1e-9,
            f"{diameter_ft * 12:g} in needs {given.result['design_depth_ft']:g} ft (> {rules.max_depth_ft:g} ft): "
            "use a wider footing or more posts",
            penalty=0.2,
        )
        return FootingPick(given, None)
    prices = calc.pack("prices").data
    base["min_depth_ft"] = max(soil.min_depth_ft, rules.min_depth_ft)
    sizes = allowed_diameters_in(policy.auger_diameters_in, post_width_in, policy.footing_clearance_in)
    sizes = sizes or [policy.auger_diameters_in[-1]]
    trials: dict[float, Envelope] = {}
    options: list[FootingOption] = []
    for size_in in sizes:
        trial = calc.trial("foundation.embedment", {**base, "diameter_ft": size_in / 12.0})
        trials[size_in] = trial
        options.append(
            FootingOption(
                diameter_in=size_in,
                depth_ft=trial.result["design_depth_ft"],
                concrete_yd3=trial.result["concrete_yd3"],
                passed=bool(trial.result["passed"]),
                rebar_lb=rebar_lb(trial) if rebar_lb is not None else 0.0,
            )
        )
    further = None if also_passes is None else (lambda option: also_passes(trials[option.diameter_in]))
    choice = choose(options, cost_basis or CostBasis(holes=1), prices, rules, further)
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
    calc.value(
        "C_footing",
        chosen.cost_usd,
        unit="USD",
        description=f"direct footing cost, {chosen.option.diameter_in:g} in x {chosen.option.depth_ft:g} ft (chosen)",
        formula="concrete + drilling + embedded post + rebar, before overhead and margin",
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


def all_checks(parts: list[Envelope]) -> list[tuple[str, Any]]:
    """Every check of every part, depth first, as (solver name, check): ``envelope.checks_of``."""
    from apex_nb.envelope import checks_of

    return [(found.solver, found.check) for found in checks_of(parts)]


def governing_check(parts: list[Envelope]) -> tuple[str, float]:
    """('solver: check id', ratio) of ``envelope.governing_of`` (the one documented rule)."""
    from apex_nb.envelope import governing_of

    found = governing_of(parts)
    return (found.label, found.ratio) if found else ("none", 0.0)


def review(calc: Calc, floor: float) -> dict[str, Any]:
    """Whether a design needs an engineer, and why.

    Needs review when any check of any part fails, when a design-level applicability rule
    does not hold, or when the design's confidence (the envelope rule, computed the same way
    here) is below ``floor``. ``review_notes`` always lists every rule outside applicability.
    """
    failed = [f"{name}: {c.id} fails (ratio {c.ratio:.2f})" for name, c in all_checks(calc.parts) if not c.passed]
    failed += [f"design: {c.id} fails (ratio {c.ratio:.2f})" for c in calc.checks if not c.passed]
    notes: list[str] = []
    stack = list(calc.parts)
    while stack:
        part = stack.pop(0)
        notes.extend(f"{part.solver.name}: {a.rule}" for a in part.applicability if not a.ok)
        stack.extend(part.parts)
    own = [f"design: {a.rule}" for a in calc.applicability if not a.ok]
    notes.extend(own)
    confidence = confidence_from(calc.applicability, calc.checks, [p.confidence for p in calc.parts])
    reasons = failed + own
    if confidence < floor:
        reasons.append(f"confidence {confidence:.2f} is below {floor:g}")
    return {
        "needs_engineer_review": bool(reasons),
        "review_reasons": sorted(set(reasons)),
        "review_notes": sorted(set(notes)),
    }


def price_and_verdict(calc: Calc, bom: dict[str, Any], policy: SignDesignDefaultsPack) -> dict[str, Any]:
    """Price the BOM (``cost.estimate`` part), then the fields every design result ends with.

    Call last: the governing check, the review verdict and the part hashes cover every part.
    """
    try:
        cost = calc.adopt(calc.trial("cost.estimate", {"bom": bom}))
    except InputError as exc:
        # A finished design whose quantities the price pack does not cover (a 150 ft pylon, a
        # 12 ft auger): the engineering stands, the price is unknown rather than invented.
        reason = "; ".join(str(p) for p in exc.problems)
        calc.applies("the price pack covers the bill of quantities", False, reason, penalty=0.2)
        calc.warn(f"not priced: the price pack does not cover this design ({reason})")
        gov_label, gov_ratio = governing_check(calc.parts)
        verdict = review(calc, policy.review_confidence_below)
        return {
            "design_status": "designed_not_priced",
            "verdict": f"designed, but outside the price pack: price by hand ({reason})",
            "price_total_usd": None,
            "price_lines": [],
            "governing_check": gov_label,
            "governing_ratio": gov_ratio,
            **verdict,
            "parts_sha256": calc.part_hashes(),
        }
    gov_label, gov_ratio = governing_check(calc.parts)
    verdict = review(calc, policy.review_confidence_below)
    return {
        "design_status": "designed",
        "verdict": "needs an engineer's review" if verdict["needs_engineer_review"] else "all checks pass",
        "price_total_usd": cost.result["total_usd"],
        "price_lines": cost.result["lines"],
        "governing_check": gov_label,
        "governing_ratio": gov_ratio,
        **verdict,
        "parts_sha256": calc.part_hashes(),
    }


def cubic_yards(volume_ft3: float) -> float:
    """ft³ to yd³."""
    return volume_ft3 / 27.0


def circle_area_ft2(diameter_ft: float) -> float:
    """Area of a circle, ft²."""
    return math.pi * diameter_ft**2 / 4.0


def footing_torsion(
    calc: Calc,
    *,
    torsion_lb_ft: float,
    footing: Envelope,
    soil: Soil,
    dead_load_lb: float,
    post_width_in: float | None,
    fc_psi: float,
) -> Envelope:
    """``foundation.shaft_torsion`` part: the footing's torsion (ASD, like the embedment) in the soil and its transfer.

    An embedded post transfers torsion by welded lugs (``post_width_in`` given); a base plate by its
    rods (``post_width_in`` None). Without a Table 1806.2 class the presumptive class 4 sliding
    values are used (an assumption).
    """
    inputs = torsion_inputs(
        calc, torsion_lb_ft=torsion_lb_ft, footing=footing, soil=soil, dead_load_lb=dead_load_lb,
        post_width_in=post_width_in, fc_psi=fc_psi,
    )  # fmt: skip
    return calc.solve("foundation.shaft_torsion", inputs)


def torsion_inputs(
    calc: Calc,
    *,
    torsion_lb_ft: float,
    footing: Envelope,
    soil: Soil,
    dead_load_lb: float,
    post_width_in: float | None,
    fc_psi: float,
) -> dict[str, Any]:
    """The ``foundation.shaft_torsion`` inputs of a footing (see ``footing_torsion``)."""
    soil_class = soil.soil_class
    if soil_class is None:
        soil_class = 4
        calc.assume("Footing torsion: no soil class given, presumptive IBC Table 1806.2 class 4 sliding values used")
    return {
        "torsion_kip_ft": torsion_lb_ft / LB_PER_KIP,
        "diameter_ft": footing.result["b_ft"],
        "depth_ft": footing.result["design_depth_ft"],
        "ibc_edition": soil.ibc_edition,
        "soil_class": soil_class,
        "dead_load_kip": dead_load_lb / LB_PER_KIP,
        "transfer": "lugs" if post_width_in is not None else "anchor_rods",
        "post_width_in": post_width_in,
        "fc_psi": fc_psi,
    }


def torsion_passes(
    calc: Calc, *, torsion_lb_ft: float, soil: Soil, dead_load_lb: float, post_width_in: float | None, fc_psi: float
) -> Callable[[Envelope], bool]:
    """A ``pick_footing`` predicate: the footing torsion check (soil and transfer) passes for that embedment."""

    def passes(embedment: Envelope) -> bool:
        scratch = Calc(library=calc.library)  # its assumptions are the adopted footing's to state
        inputs = torsion_inputs(
            scratch, torsion_lb_ft=torsion_lb_ft, footing=embedment, soil=soil, dead_load_lb=dead_load_lb,
            post_width_in=post_width_in, fc_psi=fc_psi,
        )  # fmt: skip
        return bool(calc.trial("foundation.shaft_torsion", inputs).result["passed"])

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
        ld = max(pack.fy_ksi * 1000.0 * bar.diameter_in / (25.0 * math.sqrt(plate_inputs["fc_psi"])), 12.0)
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
            length_ft = (hef_in - pack.end_cover_in + ld + 12.0 * bar.diameter_in) / 12.0
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
