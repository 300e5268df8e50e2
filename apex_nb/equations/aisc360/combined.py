"""Axial force plus flexure: AISC 360-16/360-22 §H1.1 (doubly and singly symmetric members)."""

from __future__ import annotations

from apex_nb.equations.aisc360 import aisc360


@aisc360("Pr/Pc + 8/9 Mr/Mc (Pr/Pc ≥ 0.2) else Pr/2Pc + Mr/Mc", "§H1.1", "Eqs. H1-1a, H1-1b")
def h1_interaction(
    pr: float, pc: float, mrx: float, mcx: float, mry: float = 0.0, mcy: float = 1.0, switch: float = 0.2
) -> float:
    """Pr/Pc + 8/9 (Mrx/Mcx + Mry/Mcy) when Pr/Pc ≥ 0.2 (Eq. H1-1a), else Pr/(2Pc) + (...) (Eq. H1-1b)."""
    axial = pr / pc
    bending = mrx / mcx + mry / mcy
    if axial >= switch:
        return axial + 8.0 / 9.0 * bending
    return axial / 2.0 + bending
