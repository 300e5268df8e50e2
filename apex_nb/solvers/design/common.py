"""Pieces shared by the complete-sign designs: wind per face, load factors, footings, BOM, review.

Every load is computed from wind and dead load; every component is solved through
``calc.solve`` so its envelope becomes a part of the design envelope (linked by content hash
in the design result).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from apex_nb.calc import Calc
from apex_nb.envelope import Envelope, confidence_from
from apex_nb.pack_schemas.design_defaults import SignDesignDefaultsPack
from apex_nb.solvers.design.inputs import Face, SiteWind, Soil
from apex_nb.solvers.member.common import load_combinations

DEFAULTS_PACK = "sign-design-defaults"
COST_FAMILY = {
    "pipe": "pipe",
    "hss-round": "hss_round",
    "hss-square": "hss_rect",
    "hss-rect": "hss_rect",
    "w": "w_shape",
}
LB_PER_KIP = 1000.0


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


def face_wind(calc: Calc, wind: SiteWind, face: Face) -> Envelope:
    """``wind.asce7_sign`` for one face (each face is its own sign per ASCE 7 Ch. 29)."""
    inputs = {
        **wind_inputs(wind),
        "sign_width_ft": face.width_ft,
        "sign_height_ft": face.height_ft,
        "top_height_ft": face.top_height_ft,
        "solidity_ratio": face.solidity_ratio,
    }
    if face.return_corner_ft is not None:
        inputs["return_corner_ft"] = face.return_corner_ft
    return calc.solve("wind.asce7_sign", inputs)


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


def load_factors(calc: Calc, edition: str, method: str) -> LoadFactors:
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
    return LoadFactors(member["W"], member["D"], member["expression"], soil["W"], soil["D"], soil["expression"])


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


def embedded_footing(
    calc: Calc,
    *,
    lateral_force_lb: float,
    moment_lb_ft: float,
    post_width_in: float,
    soil: Soil,
    diameter_ft: float | None,
    policy: SignDesignDefaultsPack,
) -> Envelope:
    """``foundation.embedment`` for one post: given diameter, or the policy's auger search.

    Auto: the smallest standard auger at least post width + 2 x clearance whose design depth
    stays within the preferred maximum; if none does, the largest auger (and a warning).
    """
    height_ft = moment_lb_ft / lateral_force_lb
    base = {**soil_inputs(soil), "lateral_force_lb": lateral_force_lb, "force_height_ft": height_ft}
    if diameter_ft is not None:
        return calc.solve("foundation.embedment", {**base, "diameter_ft": diameter_ft})
    smallest_in = post_width_in + 2 * policy.footing_clearance_in
    sizes = [d for d in policy.auger_diameters_in if d >= smallest_in - 1e-9] or [policy.auger_diameters_in[-1]]
    for size_in in sizes:
        trial = calc.trial("foundation.embedment", {**base, "diameter_ft": size_in / 12.0})
        if trial.result["design_depth_ft"] <= policy.preferred_max_embedment_ft or size_in == sizes[-1]:
            calc.applies(
                "footing within the preferred embedment depth",
                trial.result["design_depth_ft"] <= policy.preferred_max_embedment_ft,
                f"even the largest standard auger ({size_in:g} in) needs {trial.result['design_depth_ft']:g} ft "
                f"(> {policy.preferred_max_embedment_ft:g} ft preferred): consider more posts or a spread footing",
                penalty=0.2,
            )
            calc.assume(
                f"Auger {size_in:g} in: the smallest standard size >= post + 2 x {policy.footing_clearance_in:g} in "
                f"keeping the depth within {policy.preferred_max_embedment_ft:g} ft"
            )
            return calc.adopt(trial)
    raise AssertionError("unreachable: the last size always returns")


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
    cost = calc.solve("cost.estimate", {"bom": bom})
    gov_label, gov_ratio = governing_check(calc.parts)
    return {
        "price_total_usd": cost.result["total_usd"],
        "price_lines": cost.result["lines"],
        "governing_check": gov_label,
        "governing_ratio": gov_ratio,
        **review(calc, policy.review_confidence_below),
        "parts_sha256": [p.content_sha256 for p in calc.parts],
    }


def cubic_yards(volume_ft3: float) -> float:
    """ft³ to yd³."""
    return volume_ft3 / 27.0


def circle_area_ft2(diameter_ft: float) -> float:
    """Area of a circle, ft²."""
    return math.pi * diameter_ft**2 / 4.0
