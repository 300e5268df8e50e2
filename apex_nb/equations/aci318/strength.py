"""Strength design: ACI 318-19 §21.1.1 (design strength = φ × nominal strength; no ASD).

Used for the anchors of Chapter 17 (φ from §17.5.3) and the members of Chapter 22. φ comes from
the ``aci318-19-anchors``, ``aci318-pier`` and ``shaft-torsion`` packs; the formula text carries it
as ``{phi:g}`` and the nominal strength's symbol as ``{rn}``.
"""

from __future__ import annotations

from apex_nb.equations.aci318 import aci318


@aci318("{phi:g} {rn}", "§21.1.1")
def design_strength(phi: float, nominal: float) -> float:
    """Design strength φSn, ACI 318-19 §21.1.1 (Chapter 17 anchors: φ of §17.5.3)."""
    return phi * nominal
