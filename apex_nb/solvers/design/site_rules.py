"""Geometry rules a sign's basic inputs must satisfy, shared by the quick-quote app and batch rows.

One validation: ``QuickQuoteInput`` (the app) and ``SiteRow`` (a portfolio row) both call
``sign_geometry_problems`` with the same field names, so a monument 4 ft tall with its top at
8 ft is refused with the same words in both, and never silently priced as something else.
Messages are in plain words: the app shows them to salespeople as they are.
"""

from __future__ import annotations

from apex_nb.errors import FieldProblem

SIGN_TYPES = ("pole", "monument", "cantilever")


def sign_geometry_problems(
    sign_type: str, sign_height_ft: float, top_height_ft: float, post_count: int
) -> list[FieldProblem]:
    """Problems of a sign's height, top height and post count (empty when consistent)."""
    problems: list[FieldProblem] = []
    if sign_height_ft > top_height_ft:
        problems.append(
            FieldProblem(
                "sign_height_ft",
                "the sign face is taller than its top height above the ground",
                f"at most the top height ({top_height_ft:g} ft)",
            )
        )
    elif sign_type == "monument" and sign_height_ft != top_height_ft:
        problems.append(
            FieldProblem(
                "sign_height_ft",
                "a monument sign is solid from the ground up, so its face height is its top height",
                f"the same as the top height ({top_height_ft:g} ft), e.g. both {top_height_ft:g} ft; "
                "a face on legs or a post is a pole sign",
            )
        )
    if sign_type in ("monument", "cantilever") and post_count != 1:
        problems.append(
            FieldProblem("post_count", f"a {sign_type} sign has a single support", "1 (one post, or the monument base)")
        )
    return problems
