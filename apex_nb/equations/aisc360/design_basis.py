"""Design basis: AISC 360-16/360-22 §B3.1 (LRFD, Eq. B3-1) and §B3.2 (ASD, Eq. B3-2).

The required strength may not exceed the design strength φRn (LRFD) or the allowable strength
Rn/Ω (ASD). φ and Ω come from the ``aisc360-factors`` and ``aisc-dg1`` packs; the formula text
carries them as ``{phi:g}`` / ``{omega:g}`` and the nominal strength's symbol as ``{rn}``.
"""

from __future__ import annotations

from apex_nb.equations.aisc360 import aisc360


@aisc360("{phi:g} × {rn}", "§B3.1", "Eq. B3-1")
def design_strength(phi: float, nominal: float) -> float:
    """Design strength φRn (LRFD), AISC 360-16/360-22 §B3.1 Eq. B3-1."""
    return phi * nominal


@aisc360("{rn} / {omega:g}", "§B3.2", "Eq. B3-2")
def allowable_strength(nominal: float, omega: float) -> float:
    """Allowable strength Rn/Ω (ASD), AISC 360-16/360-22 §B3.2 Eq. B3-2."""
    return nominal / omega
