"""ACI 318 equations (edition explicit in each docstring): Chapter 17 anchoring to concrete."""

from __future__ import annotations

from collections.abc import Callable

from apex_nb.equations.metadata import F, equation

EDITIONS = ("318-19",)


def aci318(formula: str, clause: str, number: str = "") -> Callable[[F], F]:
    """``@equation`` for an ACI 318-19 equation: ``clause`` is the section (``"§17.6.1.2"``)."""
    return equation(formula, clause=f"ACI 318-19 {clause}", number=number, editions=EDITIONS)
