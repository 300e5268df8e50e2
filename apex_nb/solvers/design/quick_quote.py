"""Solver ``design.quick_quote``: the sales quote, a full design from bounded, safe inputs.

The quote is the complete engineering chain (``design.pole_sign``, ``design.monument_sign`` or
``design.cantilever_sign``) run on conservative defaults; its envelope is a part of the quote, so
the price always rests on real checks. The quote is flagged for engineer review whenever the
design says so. Options the customer asks for (illumination, a second face, removal of the
existing sign) are priced from the ``quote-terms`` pack and added to the structure's price.
"""

from __future__ import annotations

import math
from typing import Any

from apex_nb.calc import Calc, Solver
from apex_nb.equations import pricing
from apex_nb.solvers.design.inputs import CantileverSignInput
from apex_nb.solvers.design.quick_quote_inputs import QuickQuoteInput

VERSION = "1.1.0"
POST_SPACING_FRACTION = 0.6
TERMS_PACK = "quote-terms"
OPTIONS = ("illumination", "double_face", "removal")


def design_inputs(q: QuickQuoteInput) -> tuple[str, dict[str, Any]]:
    """The design solver and its inputs for a quote (the mapping is the whole policy)."""
    wind = {"edition": q.edition, "wind_speed_mph": q.wind_speed_mph, "exposure": q.exposure}
    soil = {"soil_class": q.soil_class}
    if q.sign_type == "cantilever":
        offset_ft = CantileverSignInput.model_fields["face_offset_ft"].default  # the design's own default
        face = {"name": "sign", "width_ft": q.sign_width_ft, "height_ft": q.sign_height_ft,
                "top_height_ft": q.top_height_ft}  # fmt: skip
        return "design.cantilever_sign", {
            "wind": wind,
            "face": face,
            # rounded UP to the hundredth: round() could leave the arm a hair short of the face
            # (3.125 -> 3.12) and the design would refuse its own quote
            "arm_length_ft": math.ceil(round((offset_ft + q.sign_width_ft) * 100.0, 6)) / 100.0,
            "soil": soil,
        }
    if q.sign_type == "monument":
        return "design.monument_sign", {
            "wind": wind,
            "sign_width_ft": q.sign_width_ft,
            "sign_height_ft": q.top_height_ft,
            "soil": soil,
        }
    inputs: dict[str, Any] = {
        "wind": wind,
        "faces": [
            {
                "name": "sign",
                "width_ft": q.sign_width_ft,
                "height_ft": q.sign_height_ft,
                "top_height_ft": q.top_height_ft,
            }
        ],
        "post_count": q.post_count,
        "soil": soil,
    }
    if q.post_count == 2:
        inputs["post_spacing_ft"] = round(POST_SPACING_FRACTION * q.sign_width_ft, 2)
    return "design.pole_sign", inputs


def run(inputs: QuickQuoteInput, calc: Calc) -> dict[str, Any]:
    """Sales quick quote: bounded inputs, the full pole, monument or cantilever design behind a price

    Run the design behind the quote and summarise it for a salesperson.
    """
    name, design_in = design_inputs(inputs)
    if inputs.post_count == 2 and inputs.sign_type == "pole":
        calc.assume(f"Two posts at {POST_SPACING_FRACTION:g} x the sign width, centred")
    if inputs.sign_type == "monument":
        calc.assume("Monument: the sign is solid from grade to its top height")
    if inputs.sign_type == "cantilever":
        calc.assume("Cantilever: the face starts at the design's default offset from the post and ends at the arm tip")
    design = calc.solve(name, design_in, sealed=True)  # its hash goes on the quote
    r = design.result
    option_lines = price_options(inputs, calc)
    options_usd = round(sum(line["amount_usd"] for line in option_lines), 2)
    return {
        "sign_type": inputs.sign_type,
        "design_solver": name,
        "design_content_sha256": design.content_sha256,
        "design_status": r.get("design_status", "designed"),
        "verdict": r.get("verdict"),
        "post_label": r["post_label"],
        "post_count": r["post_count"],
        "foundation_type": r["foundation_type"],
        "foundation_summary": r["foundation_summary"],
        "footing_diameter_ft": r.get("footing_diameter_ft"),
        "footing_depth_ft": r.get("footing_depth_ft"),
        "concrete_yd3": r.get("concrete_yd3"),
        "steel_lb": r.get("steel_lb"),
        "price_total_usd": r["price_total_usd"],
        "price_lines": r["price_lines"],
        "governing_check": r["governing_check"],
        "governing_ratio": r["governing_ratio"],
        "design_confidence": design.confidence,
        "needs_engineer_review": r["needs_engineer_review"] or not design.passed,
        "review_reasons": r["review_reasons"],
        "review_notes": r["review_notes"],
        "option_lines": option_lines,
        "options_total_usd": options_usd,
        "quote_total_usd": quote_total(r.get("price_total_usd"), options_usd, calc),
        "post_family": r.get("post_family"),
        "arm_label": r.get("arm_label"),
        "footing_width_ft": r.get("footing_width_ft"),
        "footing_length_ft": r.get("footing_length_ft"),
        "footing_thickness_ft": r.get("footing_thickness_ft"),
    }


def quote_total(price_usd: float | None, options_usd: float, calc: Calc) -> float | None:
    """The structure plus the options; None when the design gives no price (an engineer must design it)."""
    if price_usd is None:
        calc.assume("No quote total: the design found no standard structure, so it has no price")
        return None
    return calc.apply(
        "$quote",
        pricing.quote_total_usd,
        price_usd,
        options_usd,
        unit="USD",
        description="quote total: the structure plus the options",
        clause="",
    )


def price_options(q: QuickQuoteInput, calc: Calc) -> list[dict[str, Any]]:
    """One priced line per option asked for (sell prices from the ``quote-terms`` pack)."""
    chosen = [name for name in OPTIONS if getattr(q, name)]
    if not chosen:
        return []
    terms = calc.pack(TERMS_PACK).data
    area_ft2 = q.sign_width_ft * (q.top_height_ft if q.sign_type == "monument" else q.sign_height_ft)
    if q.double_face or q.illumination:
        calc.assume("Options: the structure is designed for the pack's face dead load, which covers lit double faces")
    lines = []
    for name in chosen:
        option = terms.option(name)
        amount = calc.apply(
            f"$option_{name}",
            pricing.option_price_usd,
            option.base_usd,
            option.per_face_ft2_usd,
            area_ft2,
            option.per_top_height_ft_usd,
            q.top_height_ft,
            unit="USD",
            description=option.label,
            clause="",
            fill={
                "base": option.base_usd,
                "per_ft2": option.per_face_ft2_usd,
                "area": area_ft2,
                "per_ft": option.per_top_height_ft_usd,
                "height": q.top_height_ft,
            },
        )
        lines.append({"option": name, "item": option.label, "amount_usd": amount})
    return lines


SOLVER = Solver.of("design.quick_quote", VERSION, run)
