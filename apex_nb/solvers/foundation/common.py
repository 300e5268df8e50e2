"""Pack reads and soil values shared by the foundation solvers."""

from __future__ import annotations

from dataclasses import dataclass

from apex_nb.calc import Calc
from apex_nb.errors import FieldProblem, InputError
from apex_nb.pack_schemas.soils import FoundationClauses, IbcFoundationsPack, IbcSoilsPack, SoilClauses
from apex_nb.types import IbcEdition

__all__ = ["IbcEdition"]  # re-exported for the foundation solvers (defined in apex_nb.types)

SOILS_PACK = "ibc-soils"
FOUNDATIONS_PACK = "ibc-foundations"


def exactly_one(model: object, first: str, second: str, first_label: str = "") -> list[FieldProblem]:
    """The problem when both or neither of two alternative inputs are given (naming the missing or extra one).

    ``first_label`` names the first in the allowed text (e.g. "soil_class (1..5)").
    """
    if (getattr(model, first) is None) != (getattr(model, second) is None):
        return []
    field = second if getattr(model, first) is not None else first
    return [FieldProblem(field, f"give exactly one of {first} or {second}", f"one of {first_label or first}, {second}")]


def soils_pack(calc: Calc) -> IbcSoilsPack:
    """The ``ibc-soils`` body (recorded in the envelope)."""
    return calc.pack(SOILS_PACK).data


def foundations_pack(calc: Calc) -> IbcFoundationsPack:
    """The ``ibc-foundations`` body (recorded in the envelope)."""
    return calc.pack(FOUNDATIONS_PACK).data


def soil_clauses(pack: IbcSoilsPack, edition: IbcEdition) -> SoilClauses:
    """Clause strings of ``edition`` in the soils pack."""
    return pack.clauses[edition]


def foundation_clauses(pack: IbcFoundationsPack, edition: IbcEdition) -> FoundationClauses:
    """Clause strings of ``edition`` in the foundations pack."""
    return pack.clauses[edition]


@dataclass(frozen=True)
class IbcFoundation:
    """The two IBC packs of a foundation solve and the clauses of the edition in force."""

    soils: IbcSoilsPack
    found: IbcFoundationsPack
    sc: SoilClauses
    fc: FoundationClauses


def ibc_foundation(calc: Calc, edition: IbcEdition, one_third_increase: bool = False) -> IbcFoundation:
    """Read the soils and foundations packs, note the edition, refuse a one-third increase the edition lacks."""
    soils = soils_pack(calc)
    found = foundations_pack(calc)
    ibc = IbcFoundation(soils, found, soil_clauses(soils, edition), foundation_clauses(found, edition))
    calc.note("ibc_edition", edition, description="IBC edition in force")
    if one_third_increase and not ibc.sc.one_third_permitted:
        raise InputError(
            [FieldProblem("one_third_increase", f"IBC {edition} has no alternative ASD combinations", "false")]
        )
    return ibc


def note_soil_source(
    calc: Calc,
    soils: IbcSoilsPack,
    edition: IbcEdition,
    soil_class: int | None,
    soil_report_depth_ft: float | None,
) -> None:
    """Record where the soil values come from; presumptive values without a report cost confidence."""
    clauses = soil_clauses(soils, edition)
    if soil_class is not None:
        row = soils.soil(soil_class)
        symbols = f" ({', '.join(row.usc_symbols)})" if row.usc_symbols else ""
        calc.note("soil_class", soil_class, description=f"{row.description}{symbols}", clause=clauses.table)
        calc.assume(
            f"Presumptive values of Table 1806.2 class {soil_class} ({row.description}) describe the site soil",
            clauses.table,
        )
        if soil_report_depth_ft is None:
            calc.applies(
                "soil class confirmed by a site investigation",
                False,
                "presumptive class chosen without a geotechnical report depth",
                penalty=0.05,
            )
    else:
        calc.assume("Soil values are taken from a site-specific geotechnical report (user input)")
