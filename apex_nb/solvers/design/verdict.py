"""A design's review verdict and price: every check of every part, the governing one, the price."""

from __future__ import annotations

import math
from typing import Any

from apex_nb.calc import Calc
from apex_nb.envelope import confidence_from
from apex_nb.errors import InputError
from apex_nb.pack_schemas.design_defaults import SignDesignDefaultsPack
from apex_nb.solvers.design.common import all_checks, governing_check
from apex_nb.solvers.design.post import PostChoice


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
