"""AISC Design Guide 1 (base plates) equations; edition and equation numbers in each docstring."""

from __future__ import annotations

from collections.abc import Callable

from apex_nb.equations.metadata import F, equation

EDITIONS = ("DG1-2",)


def dg1(formula: str, clause: str, number: str = "") -> Callable[[F], F]:
    """``@equation`` for an AISC Design Guide 1 (2nd Ed.) equation: ``clause`` is the section (``"§3.4"``)."""
    return equation(formula, clause=f"DG1 2nd Ed. {clause}", number=number, editions=EDITIONS)
