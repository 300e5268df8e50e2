"""Shared input pieces and pack reads of the member solvers (``member.check``, ``member.deflection``,
``post.select``): section and grade resolution, the quiet recorder used while screening many
sections, and the service-level wind factor.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from pydantic import Field, model_validator

from apex_nb.calc import Calc
from apex_nb.errors import FieldProblem, InputError, SolverError
from apex_nb.inputs import SolverInput
from apex_nb.pack_schemas.aisc360 import Aisc360Pack, CantileverDefaults, EditionFactors
from apex_nb.pack_schemas.load_combinations import LoadCombinationsPack
from apex_nb.pack_schemas.materials import Grade, SteelMaterialsPack
from apex_nb.sections import Family, Section, SectionNotFound, custom_rect, custom_round, find_section
from apex_nb.solvers.member.base import Demand, Options
from apex_nb.types import AiscEdition as AiscEdition  # re-exported; one definition in apex_nb.types
from apex_nb.types import AsceEdition, StructureHeightFt

DesignMethod = Literal["ASD", "LRFD"]
BendingAxis = Literal["major", "minor"]
LoadLevel = Literal["service", "W"]

FACTORS_PACK = "aisc360-factors"
MATERIALS_PACK = "steel-materials"
COMBINATIONS_PACK = "load-combinations"

# Default grade per family: the usual product specification for each shape in US practice
# (AISC Manual 16th Ed. Table 2-4 "preferred" material). Recorded as an assumption when used.
DEFAULT_GRADES: dict[Family, str] = {
    "pipe": "A53B",
    "hss-round": "A500C-round",
    "hss-rect": "A500C-rect",
    "w": "A992",
}
GRADE_USES: dict[Family, tuple[str, ...]] = {
    "pipe": ("pipe", "round_hss"),
    "hss-round": ("round_hss", "pipe"),
    "hss-rect": ("rect_hss",),
    "w": ("w_shape",),
}


class CustomTube(SolverInput):
    """A tube not in the AISC tables, from its outside dimensions and nominal wall."""

    shape: Literal["round", "rect"] = Field(description="'round' (give od_in) or 'rect' (give depth_in and width_in)")
    od_in: float | None = Field(default=None, gt=0, le=120, description="Outside diameter of a round tube, in")
    depth_in: float | None = Field(
        default=None, gt=0, le=120, description="Rectangular tube: outside depth Ht in the plane of bending, in"
    )
    width_in: float | None = Field(default=None, gt=0, le=120, description="Rectangular tube: outside width B, in")
    t_nom_in: float = Field(gt=0, le=4, description="Nominal wall thickness, in (t_des = factor × t_nom per grade)")

    @model_validator(mode="after")
    def _dimensions(self) -> CustomTube:
        problems = []
        if self.shape == "round":
            if self.od_in is None:
                problems.append(FieldProblem("custom.od_in", "required for a round tube", "number > 0"))
            elif self.t_nom_in >= self.od_in / 2:
                problems.append(
                    FieldProblem("custom.t_nom_in", "wall thicker than the radius", f"< {self.od_in / 2:g}")
                )
        else:
            for name in ("depth_in", "width_in"):
                if getattr(self, name) is None:
                    problems.append(FieldProblem(f"custom.{name}", "required for a rectangular tube", "number > 0"))
            if self.depth_in and self.width_in and 3 * self.t_nom_in >= min(self.depth_in, self.width_in):
                limit = min(self.depth_in, self.width_in) / 3
                problems.append(FieldProblem("custom.t_nom_in", "no flat wall left (b = B − 3t ≤ 0)", f"< {limit:g}"))
        if problems:
            raise InputError(problems)
        return self


class SectionChoice(SolverInput):
    """Mixin fields: one AISC label or one custom tube, and a grade."""

    section: str | None = Field(
        default=None,
        min_length=2,
        max_length=60,
        description="AISC v16 label or EDI name, any case and spacing: 'Pipe 6 STD', 'HSS8x8x1/4', 'W14x22'",
    )
    custom: CustomTube | None = Field(default=None, description="A custom round or rectangular tube instead of a label")
    grade: str | None = Field(
        default=None,
        description="Material grade id from the steel-materials pack (default by family: pipe A53B, round HSS "
        "A500C-round, rectangular HSS A500C-rect, W A992)",
    )

    @model_validator(mode="after")
    def _one_section(self) -> SectionChoice:
        if (self.section is None) == (self.custom is None):
            raise InputError(
                [FieldProblem("section", "give exactly one of section (AISC label) or custom", "section or custom")]
            )
        return self


class MemberDemand(SolverInput):
    """Mixin: the edition, method, required strengths and member data of ``member.check`` and ``post.select``.

    The bounds lie far above any section in the packs, so a demand no section can carry is a
    failing check (member.check) or "not found" (post.select), never an input error.
    """

    edition: AiscEdition = Field(description="AISC 360 edition: '360-16' or '360-22'")
    design_method: DesignMethod = Field(
        description="'ASD' (Rn/Ω vs ASD demands) or 'LRFD' (φRn vs LRFD demands): as the demands were combined"
    )
    moment_kip_ft: float = Field(
        ge=0, le=1.0e7, description="Required flexural strength Mr about the bending axis (at the post base), kip-ft"
    )
    shear_kip: float = Field(default=0.0, ge=0, le=1.0e6, description="Required shear strength Vr, kip")
    torsion_kip_ft: float = Field(
        default=0.0, ge=0, le=1.0e7, description="Required torsional strength Tr, kip-ft (HSS only: W shapes refuse it)"
    )
    axial_kip: float = Field(default=0.0, ge=0, le=1.0e7, description="Required axial compressive strength Pr, kip")
    length_ft: StructureHeightFt = Field(
        description="Member (post) length L: unbraced length, Lv for G5, deflection length, ft"
    )
    k_factor: float | None = Field(
        default=None, gt=0, le=5, description="Effective length factor K (default 2.1, fixed-free cantilever)"
    )
    cb: float | None = Field(
        default=None, ge=1.0, le=3.0, description="LTB modification factor Cb (default 1.0, unbraced cantilever)"
    )
    bending_axis: BendingAxis = Field(
        default="major",
        description="'major' (about x, depth Ht or d in the plane of bending) or 'minor' (rectangular HSS turned flat)",
    )

    def demand(self) -> Demand:
        """The required strengths as the member checks read them."""
        return Demand(self.moment_kip_ft, self.shear_kip, self.torsion_kip_ft, self.axial_kip)

    def options(self, cantilever: CantileverDefaults) -> Options:
        """Edition, method and member data, K and Cb defaulting to the pack's cantilever values."""
        k = self.k_factor if self.k_factor is not None else cantilever.k_factor
        cb = self.cb if self.cb is not None else cantilever.cb
        return Options(self.edition, self.design_method, self.length_ft, k, cb, self.bending_axis)


@dataclass(frozen=True)
class Material:
    """The grade used and the moduli, with their pack provenance."""

    grade: Grade
    fy_ksi: float
    e_ksi: float
    g_ksi: float
    density_lb_per_ft3: float


def factors_for(calc: Calc, edition: AiscEdition) -> tuple[EditionFactors, Aisc360Pack]:
    """The edition's φ/Ω, limits and clauses (pack read recorded)."""
    pack: Aisc360Pack = calc.pack(FACTORS_PACK).data
    return pack.editions[edition], pack


def materials(calc: Calc) -> SteelMaterialsPack:
    """The steel materials pack body (pack read recorded)."""
    return calc.pack(MATERIALS_PACK).data


def grade_for(calc: Calc, family: Family, grade_id: str | None, field: str = "grade") -> Material:
    """Resolve a grade id (or the family default) and check it suits the family; traced."""
    pack = materials(calc)
    wanted = grade_id or DEFAULT_GRADES[family]
    by_id = {g.id: g for g in pack.grades}
    allowed = [g.id for g in pack.grades if g.use in GRADE_USES[family]]
    grade = by_id.get(wanted)
    if grade is None or grade.use not in GRADE_USES[family] or grade.fy_ksi is None:
        raise InputError(
            [FieldProblem(field, f"grade {wanted!r} does not apply to {family}", "one of " + ", ".join(allowed))]
        )
    if grade_id is None:
        calc.assume(f"Material {grade.specification} ({grade.id}), the usual grade for {family}", grade.source)
    calc.note("grade", grade.id, description=f"material grade: {grade.specification}", clause=grade.source)
    fy = calc.value(
        "Fy", grade.fy_ksi, unit="ksi", description=f"yield stress, {grade.specification}", clause=grade.source
    )
    e = calc.value(
        "E", pack.elastic_modulus_ksi, unit="ksi", description="modulus of elasticity", clause="steel-materials"
    )
    return Material(
        grade=grade, fy_ksi=fy, e_ksi=e, g_ksi=pack.shear_modulus_ksi, density_lb_per_ft3=pack.density_lb_per_ft3
    )


def resolve_section(calc: Calc, inputs: SectionChoice, family_hint: Family | None = None) -> tuple[Section, Material]:
    """The section (pack row or custom tube) and its material; the pack row is recorded in the trace."""
    if inputs.section is not None:
        try:
            section = find_section(calc.pack, inputs.section)
        except SectionNotFound as exc:
            allowed = (
                ("close: " + ", ".join(exc.suggestions)) if exc.suggestions else "an AISC v16 pipe, HSS or W label"
            )
            raise InputError([FieldProblem("section", str(exc), allowed)]) from None
        material = grade_for(calc, section.family, inputs.grade)
        if material.grade.design_thickness_factor > 0.93 + 1e-9 and section.family != "w":
            calc.assume(
                f"{material.grade.id} permits t_des = t_nom, but the AISC v16 properties use t_des = 0.93 t_nom; "
                "the tabulated (smaller, conservative) properties are used",
                "AISC 360 §B4.2",
            )
    else:
        custom = inputs.custom
        assert custom is not None  # guaranteed by the model validator
        family: Family = "hss-round" if custom.shape == "round" else "hss-rect"
        material = grade_for(calc, family_hint or family, inputs.grade)
        factor = material.grade.design_thickness_factor
        if custom.shape == "round":
            section = custom_round(custom.od_in or 0.0, custom.t_nom_in, factor, material.density_lb_per_ft3)
        else:
            section = custom_rect(
                custom.depth_in or 0.0, custom.width_in or 0.0, custom.t_nom_in, factor, material.density_lb_per_ft3
            )
        calc.assume(
            "Custom tube: properties computed from dimensions with t_des = "
            f"{factor:g} t_nom and, for rectangular tubes, outside corner radius 2 t_des",
            "AISC 360 §B4.2; AISC Manual Part 1",
        )
    calc.note("section", section.label, description="section used", clause=section.source_clause)
    return section, material


def check_bending_axis(section: Section, axis: str) -> None:
    """Bending about the minor axis applies to rectangular HSS only (InputError on ``bending_axis`` otherwise)."""
    if axis == "minor" and section.shape != "rect":
        wrong = f"'minor' applies to rectangular HSS, not {section.family}"
        raise InputError([FieldProblem("bending_axis", wrong, "'major'")])


# --- quiet recorder for screening ---------------------------------------------------------
class QuietCheck(NamedTuple):
    """What a screening run keeps of a check (a named tuple: made for every check of every candidate)."""

    id: str
    ratio: float
    passed: bool
    clause: str


class Quiet:
    """Same interface as Calc's value/note/check/assume/applies/warn, recording nothing.

    post.select screens hundreds of sections with the exact code path of member.check, then
    re-runs the chosen one through member.check with full recording.
    """

    records = False  # keeps no text: callers may skip composing formulas for it (``strength``)

    def value(
        self,
        symbol: str,
        value: float,
        *,
        unit: str = "",
        description: str = "",
        formula: str = "",
        clause: str = "",
    ) -> float:
        """Return the value as a float, refusing NaN/inf like Calc.value."""
        number = float(value)
        if not math.isfinite(number):
            raise SolverError(f"{symbol}: computed a non-finite value ({value!r})")
        return number

    def apply(
        self,
        symbol: str,
        fn: Callable[..., float],
        *args: Any,
        unit: str = "",
        description: str = "",
        clause: str | None = None,
        fill: Mapping[str, Any] | None = None,
        **kwargs: Any,
    ) -> float:
        """Evaluate an equation as Calc.apply does (finite or SolverError); the keywords that only shape
        the trace line (unit, description, clause, fill) are taken and ignored."""
        del unit, description, clause, fill
        return self.value(symbol, fn(*args, **kwargs))

    def note(self, *_: Any, **__: Any) -> None:
        """Nothing to record."""

    def check(
        self, check_id: str, description: str, *, demand: float, capacity: float, unit: str, clause: str
    ) -> QuietCheck:
        """The ratio and verdict, computed as Calc.check does."""
        del description, unit
        if capacity <= 0.0:
            ratio = 0.0 if demand <= 0.0 else math.inf
        else:
            ratio = max(demand, 0.0) / capacity
        return QuietCheck(id=check_id, ratio=ratio, passed=ratio <= 1.0, clause=clause)

    def assume(self, *_: Any, **__: Any) -> None:
        """Nothing to record."""

    def applies(self, rule: str, ok: bool, note: str = "", penalty: float = 0.0) -> bool:
        """Return the verdict without recording it."""
        del rule, note, penalty
        return bool(ok)

    def warn(self, *_: Any) -> None:
        """Nothing to record."""


# --- service-level wind -------------------------------------------------------------------
def service_factor(
    calc: Calc | Quiet, level: LoadLevel, asce7_edition: AsceEdition | None, pack: LoadCombinationsPack | None
) -> float:
    """Factor turning the given loads into service-level loads (1.0 when already service level)."""
    if level == "service":
        calc.assume("Deflection loads are given at service level (e.g. from a 10-year MRI wind speed)")
        return calc.value("k_service", 1.0, description="service-level factor on the given loads (given at service)")
    assert pack is not None and asce7_edition is not None  # guaranteed by the input validators
    wind = pack.editions[asce7_edition].service_wind
    calc.assume(
        f"Service-level wind = {wind.factor_on_w:g} × W ({wind.w_level}-level W of ASCE {asce7_edition}); "
        f"alternative: {wind.alternative}",
        wind.basis,
    )
    what = f"service-level factor on ASCE {asce7_edition} W for deflection (load-combinations pack)"
    return calc.value("k_service", wind.factor_on_w, description=what, clause=wind.basis)


def load_combinations(calc: Calc, asce7_edition: AsceEdition, method: DesignMethod) -> list[dict[str, Any]]:
    """The edition's D + W combinations for ASD or LRFD (pack read recorded), for design solvers.

    Each item: ``{"id", "expression", "D", "W", "purpose", "clause"}`` with the factors on D and W.
    """
    pack: LoadCombinationsPack = calc.pack(COMBINATIONS_PACK).data
    edition = pack.editions[asce7_edition]
    combos = edition.asd if method == "ASD" else edition.lrfd
    return [
        {
            "id": c.id,
            "expression": c.expression,
            "D": c.factors.get("D", 0.0),
            "W": c.factors.get("W", 0.0),
            "purpose": c.purpose,
            "clause": c.clause,
        }
        for c in combos
    ]
