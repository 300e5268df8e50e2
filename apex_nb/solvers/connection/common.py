"""Pack reads and small helpers shared by the connection solvers."""

from __future__ import annotations

import math

from apex_nb.calc import Calc
from apex_nb.errors import FieldProblem, InputError
from apex_nb.pack_schemas.connections import Aci318AnchorsPack, AiscDg1Pack, AnchorRodSchedulePack, RodSize
from apex_nb.pack_schemas.materials import Grade, SteelMaterialsPack
from apex_nb.units import LB_PER_KIP as LB_PER_KIP  # re-exported; one definition in apex_nb.units
from apex_nb.units import PSI_PER_KSI as PSI_PER_KSI


def anchors_pack(calc: Calc) -> Aci318AnchorsPack:
    """The ACI 318-19 Chapter 17 constants (recorded in the envelope)."""
    return calc.pack("aci318-19-anchors").data


def schedule_pack(calc: Calc) -> AnchorRodSchedulePack:
    """Standard rod sizes, plate thicknesses and weld sizes (recorded in the envelope)."""
    return calc.pack("anchor-rod-schedule").data


def dg1_pack(calc: Calc) -> AiscDg1Pack:
    """DG1 and AISC 360 connection factors (recorded in the envelope)."""
    return calc.pack("aisc-dg1").data


def grade(calc: Calc, field: str, grade_id: str, uses: tuple[str, ...]) -> Grade:
    """A material grade from the steel-materials pack, refused with the field named if unknown."""
    pack: SteelMaterialsPack = calc.pack("steel-materials").data
    allowed = [g.id for g in pack.grades if g.use in uses]
    found = next((g for g in pack.grades if g.id == grade_id and g.use in uses), None)
    if found is None:
        raise InputError(
            [FieldProblem(field, f"unknown grade {grade_id!r} for {'/'.join(uses)}", "one of " + ", ".join(allowed))]
        )
    return found


def rod_size(schedule: AnchorRodSchedulePack, field: str, diameter_in: float) -> RodSize:
    """The schedule row of a rod diameter, refused with the field named if not standard."""
    found = schedule.rod(diameter_in)
    if found is None:
        allowed = ", ".join(f"{r.diameter_in:g}" for r in schedule.rods)
        raise InputError([FieldProblem(field, f"{diameter_in:g} in. is not in the rod schedule", f"one of {allowed}")])
    return found


def next_standard(values: list[float], required: float) -> float | None:
    """The smallest value in an ascending list that is >= required (1e-9 slack), else None."""
    return next((v for v in values if v >= required - 1e-9), None)


def round_up(value: float, increment: float) -> float:
    """Round up to a multiple of ``increment`` (plan sizes), deterministic (1e-9 slack)."""
    return max(math.ceil(value / increment - 1e-9), 1) * increment
