"""Solver ``design.quick_quote``: the sales quote, a full design from bounded, safe inputs.

The quote is the complete engineering chain (``design.pole_sign`` or ``design.monument_sign``)
run on conservative defaults; its envelope is a part of the quote, so the price always rests on
real checks. The quote is flagged for engineer review whenever the design says so.
"""

from __future__ import annotations

from typing import Any

from apex_nb.calc import Calc
from apex_nb.registry import Solver
from apex_nb.solvers.design.quick_quote_inputs import QuickQuoteInput

VERSION = "1.1.0"
POST_SPACING_FRACTION = 0.6


def design_inputs(q: QuickQuoteInput) -> tuple[str, dict[str, Any]]:
    """The design solver and its inputs for a quote (the mapping is the whole policy)."""
    wind = {"edition": q.edition, "wind_speed_mph": q.wind_speed_mph, "exposure": q.exposure}
    soil = {"soil_class": q.soil_class}
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
    """Run the design behind the quote and summarise it for a salesperson."""
    name, design_in = design_inputs(inputs)
    if inputs.post_count == 2 and inputs.sign_type == "pole":
        calc.assume(f"Two posts at {POST_SPACING_FRACTION:g} x the sign width, centred")
    if inputs.sign_type == "monument":
        calc.assume("Monument: the sign is solid from grade to its top height")
    design = calc.solve(name, design_in)
    r = design.result
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
    }


SOLVER = Solver(
    name="design.quick_quote",
    version=VERSION,
    input_model=QuickQuoteInput,
    run=run,
    summary="Sales quick quote: bounded inputs, the full pole or monument design behind a price",
)
