"""AISC 360 member equations (360-16 and 360-22), one small pure function per equation.

Units: kip, in, ksi (moments in kip-in inside the equations; solvers convert to kip-ft).
The equations used here read the same in 360-16 and 360-22; functions that classify or pick
a branch take the edition explicitly (``check_edition``) so a future difference has one
place to go. Table values (φ, Ω, Table B4.1 limits, Table E7.1 constants) come from the
``aisc360-factors`` pack, not from these modules.
"""

from __future__ import annotations

from collections.abc import Callable

from apex_nb.equations.metadata import F, equation

EDITIONS = ("360-16", "360-22")


def check_edition(edition: str) -> str:
    """Return ``edition`` when it is one this package implements, else raise ValueError."""
    if edition not in EDITIONS:
        raise ValueError(f"AISC edition {edition!r} is not implemented (known: {', '.join(EDITIONS)})")
    return edition


def aisc360(formula: str, clause: str, number: str = "") -> Callable[[F], F]:
    """``@equation`` for an AISC 360-16/360-22 equation: ``clause`` is the section (``"§F7.2(b)"``)."""
    return equation(formula, clause=f"AISC 360-16 {clause}", number=number, editions=EDITIONS)
