"""Design basis: AISC 360-16/360-22 §B3.1 (LRFD, Eq. B3-1) and §B3.2 (ASD, Eq. B3-2).

The required strength may not exceed the design strength φRn (LRFD) or the allowable strength
Rn/Ω (ASD). φ and Ω come from the ``aisc360-factors`` and ``aisc-dg1`` packs; the formula text
carries them as ``{phi:g}`` / ``{omega:g}`` and the nominal strength's symbol as ``{rn}``.
"""

from __future__ import annotations

from apex_nb.equations.metadata import equation


@equation(formula="{phi:g} × {rn}", clause="AISC 360-16 §B3.1", number="Eq. B3-1", editions=("360-16", "360-22"))
def design_strength(phi: float, nominal: float) -> float:
    """Design strength φRn (LRFD), AISC 360-16/360-22 §B3.1 Eq. B3-1."""
    return phi * nominal


@equation(formula="{rn} / {omega:g}", clause="AISC 360-16 §B3.2", number="Eq. B3-2", editions=("360-16", "360-22"))
def allowable_strength(nominal: float, omega: float) -> float:
    """Allowable strength Rn/Ω (ASD), AISC 360-16/360-22 §B3.2 Eq. B3-2."""
    return nominal / omega
