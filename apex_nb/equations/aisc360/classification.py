"""Local-buckling classification of section elements (AISC 360-16/360-22 §B4.1)."""

from __future__ import annotations

from typing import Literal

from apex_nb.equations.aisc360 import aisc360, check_edition

FlexureClass = Literal["compact", "noncompact", "slender"]
CompressionClass = Literal["nonslender", "slender"]


def classify_flexure(ratio: float, lambda_p: float, lambda_r: float, edition: str) -> FlexureClass:
    """Compact when λ ≤ λp, noncompact when λp < λ ≤ λr, slender when λ > λr.

    AISC 360-16 and 360-22 §B4.1b (elements in flexure, Table B4.1b).
    """
    check_edition(edition)
    if ratio <= lambda_p:
        return "compact"
    if ratio <= lambda_r:
        return "noncompact"
    return "slender"


def classify_compression(ratio: float, lambda_r: float, edition: str) -> CompressionClass:
    """Nonslender when λ ≤ λr, slender otherwise.

    AISC 360-16 and 360-22 §B4.1a (elements in axial compression, Table B4.1a).
    """
    check_edition(edition)
    return "nonslender" if ratio <= lambda_r else "slender"


def worst(*classes: FlexureClass) -> FlexureClass:
    """The least favourable of several element classes (slender > noncompact > compact)."""
    order = {"compact": 0, "noncompact": 1, "slender": 2}
    return max(classes, key=lambda c: order[c])


@aisc360("{coefficient:g} E/Fy", "Table B4.1a, B4.1b")
def table_b4_limit_linear(coefficient: float, e_ksi: float, fy_ksi: float) -> float:
    """A width-to-thickness limit of Table B4.1a/b written as coefficient × E/Fy (round HSS D/t limits)."""
    return coefficient * (e_ksi / fy_ksi)


@aisc360("{coefficient:g} sqrt(E/Fy)", "Table B4.1a, B4.1b")
def table_b4_limit_root(coefficient: float, e_ksi: float, fy_ksi: float) -> float:
    """A width-to-thickness limit of Table B4.1a/b written as coefficient × √(E/Fy) (flat elements)."""
    return coefficient * (e_ksi / fy_ksi) ** 0.5
