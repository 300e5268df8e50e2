"""Solver ``post.select``: the lightest AISC v16 section that passes every strength check and the
service deflection limit, with the next passing options as a value-engineering list.

Candidates are the rows of the chosen families, sorted by (weight, depth, label): the first
passing one is the lightest, and ties are broken by the shallower section, then the label
(deterministic, no hashing). Each candidate is screened with the exact code path of
``member.check`` (``core.evaluate`` with a quiet recorder); the chosen section is then re-run
through ``member.check`` and ``member.deflection`` with full recording, and those envelopes
become this envelope's parts. A larger demand can only shrink the passing set, so it never
selects a lighter section.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import Field, model_validator

from apex_nb.calc import Calc, Solver
from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import validate
from apex_nb.packs import Pack
from apex_nb.sections import FAMILY_PACK, Family, Section, SectionNotFound, find_section, sections_of
from apex_nb.solvers.member.check import MemberCheckInput
from apex_nb.solvers.member.common import (
    COMBINATIONS_PACK,
    Material,
    MemberDemand,
    Quiet,
    factors_for,
    grade_for,
    service_factor,
)
from apex_nb.solvers.member.core import NotApplicable, evaluate
from apex_nb.solvers.member.deflection import (
    DeflectionInput,
    DeflectionLoads,
    cantilever_deflection_in,
    deflection_limit,
    service_loads,
)
from apex_nb.types import PostFamily
from apex_nb.units import IN_PER_FT

VERSION = "1.0.0"

SelectFamily = PostFamily
PACK_FAMILY: dict[str, Family] = {
    "pipe": "pipe",
    "hss-round": "hss-round",
    "hss-square": "hss-rect",
    "hss-rect": "hss-rect",
    "w": "w",
}


class PostSelectInput(MemberDemand, DeflectionLoads):
    """Inputs of ``post.select``: the families to search and their limits, the demands and the service loads."""

    families: list[SelectFamily] = Field(
        default_factory=lambda: list[SelectFamily](["pipe", "hss-round", "hss-square"]),
        min_length=1,
        max_length=5,
        description="Families to search: 'pipe', 'hss-round', 'hss-square', 'hss-rect' (non-square), 'w'",
    )
    grade_pipe: str = Field(default="A53B", description="Grade id for pipes")
    grade_hss_round: str = Field(default="A500C-round", description="Grade id for round HSS")
    grade_hss_rect: str = Field(default="A500C-rect", description="Grade id for square and rectangular HSS")
    grade_w: str = Field(default="A992", description="Grade id for W shapes")
    max_depth_in: float | None = Field(
        default=None, gt=0, le=100, description="Largest outside depth (OD, Ht or d) allowed, in"
    )
    max_width_in: float | None = Field(
        default=None, gt=0, le=100, description="Largest outside width (OD, B or bf) allowed, in"
    )
    min_wall_in: float | None = Field(
        default=None, gt=0, le=2, description="Smallest nominal wall of a pipe or HSS allowed (practice limit), in"
    )
    max_round_d_over_t: float | None = Field(
        default=None, gt=0, le=300, description="Largest D/t of a pipe or round HSS allowed (design wall), -"
    )
    max_rect_b_over_t: float | None = Field(
        default=None, gt=0, le=300, description="Largest b/t and h/t of a square or rectangular HSS allowed, -"
    )
    min_i_in4: float | None = Field(
        default=None,
        gt=0,
        le=1.0e7,
        description="Smallest moment of inertia about the bending axis, in⁴ (a stiffness floor, e.g. to stay rigid)",
    )
    alternatives_count: int = Field(default=3, ge=0, le=10, description="How many further passing sections to list")

    @model_validator(mode="after")
    def _loads(self) -> PostSelectInput:
        problems = self._load_problems(self.length_ft, "length_ft")
        if len(set(self.families)) != len(self.families):
            problems.append(FieldProblem("families", "listed twice", "each family once"))
        if problems:
            raise InputError(problems)
        return self


def _grade_field(family: Family) -> str:
    return {"pipe": "grade_pipe", "hss-round": "grade_hss_round", "hss-rect": "grade_hss_rect", "w": "grade_w"}[family]


def _within_wall_limits(section: Section, inputs: PostSelectInput) -> bool:
    """Practice limits on the wall: minimum nominal thickness and maximum slenderness (W shapes exempt)."""
    if section.shape == "w":
        return True
    if inputs.min_wall_in is not None and (section.t_nom_in or 0.0) < inputs.min_wall_in - 1e-9:
        return False
    if inputs.max_round_d_over_t is not None and section.d_t is not None and section.d_t > inputs.max_round_d_over_t:
        return False
    if inputs.max_rect_b_over_t is not None:
        widest = max(section.b_t or 0.0, section.h_t or 0.0)
        if widest > inputs.max_rect_b_over_t:
            return False
    return True


#: Screened candidate lists by (pack hashes, limits): a design asks for the same list on every
#: sizing iteration, and screening some 400 sections was a tenth of a pole design's time.
_CANDIDATES: dict[tuple[Any, ...], tuple[Section, ...]] = {}
_CANDIDATES_LIMIT = 256


def _candidates(calc: Calc, inputs: PostSelectInput) -> list[Section]:
    packs: dict[str, Pack] = {n: calc.pack(FAMILY_PACK[PACK_FAMILY[n]]) for n in inputs.families}  # recorded as read
    key = (
        tuple((name, pack.sha256) for name, pack in packs.items()),
        inputs.max_depth_in,
        inputs.max_width_in,
        inputs.min_wall_in,
        inputs.max_round_d_over_t,
        inputs.max_rect_b_over_t,
        inputs.min_i_in4,
        inputs.bending_axis,
    )
    cached = _CANDIDATES.get(key)
    if cached is None:
        if len(_CANDIDATES) >= _CANDIDATES_LIMIT:
            _CANDIDATES.clear()
        cached = _CANDIDATES[key] = tuple(_screen(packs, inputs))
    return list(cached)


def _screen(packs: Mapping[str, Pack], inputs: PostSelectInput) -> list[Section]:
    """The sections of the families within the size, wall and stiffness limits, lightest first."""
    found: list[Section] = []
    for name in inputs.families:
        family = PACK_FAMILY[name]
        for section in sections_of(family, packs[name]):
            if name == "hss-square" and not section.is_square:
                continue
            if name == "hss-rect" and section.is_square:
                continue
            if inputs.max_depth_in is not None and section.depth_in > inputs.max_depth_in:
                continue
            if inputs.max_width_in is not None and section.width_in > inputs.max_width_in:
                continue
            if not _within_wall_limits(section, inputs):
                continue
            inertia = section.inertia_in4(inputs.bending_axis)
            if inputs.min_i_in4 is not None and inertia < inputs.min_i_in4:
                continue
            found.append(section)
    return sorted(found, key=lambda s: (s.weight_lb_per_ft, s.depth_in, s.label))


UPPER_BOUND_RESISTANCE = 0.9  # >= 1/Ωb (0.60) and φb (0.90): a bound, never a capacity


def _cannot_pass(
    section: Section,
    fy_ksi: float,
    e_ksi: float,
    inputs: PostSelectInput,
    has_loads: bool,
    points: list[tuple[float, float]],
    uniforms: list[tuple[float, float, float]],
    limit_in: float,
) -> bool:
    """True when the section surely fails: its plastic moment bound or its exact drift.

    Every AISC 360 flexural strength is at most Mp = Fy Z, and 0.9 Mp bounds both Mp/Ωb and
    φb Mp, so a section with 0.9 Fy Z below the demand cannot pass; a section whose drift
    exceeds the limit cannot either. Sections this prunes would fail the full evaluation too.
    """
    z_in3 = section.plastic_modulus_in3(inputs.bending_axis)
    if UPPER_BOUND_RESISTANCE * fy_ksi * z_in3 / IN_PER_FT < inputs.moment_kip_ft:
        return True
    if has_loads:
        inertia = section.inertia_in4(inputs.bending_axis)
        deflection, _ = cantilever_deflection_in(points, uniforms, inputs.length_ft * IN_PER_FT, e_ksi, inertia)
        return deflection > limit_in
    return False


@dataclass(frozen=True)
class _Search:
    """What screening the candidates found, with what ``run`` needs of the setup afterwards."""

    candidates: list[Section]
    passing: list[dict[str, Any]]  # the first passing row (lightest) and up to alternatives_count more
    chosen: Section | None  # the section of the first passing row
    best: dict[str, Any] | None  # the lowest-ratio row screened (the closest when none passes)
    skipped: int
    screened: int
    materials: dict[Family, Material]
    k: float
    cb: float
    has_loads: bool
    ratio_limit: float | None  # the deflection limit L/ratio and its basis (None without service loads)
    basis: str | None


def _search(inputs: PostSelectInput, calc: Calc) -> _Search:
    """Read the factors, grades and service loads, then screen the candidates lightest first.

    Keeps the first passing section and the next few (recording into ``calc`` as ``run`` does).
    """
    factors, pack = factors_for(calc, inputs.edition)
    options = inputs.options(pack.cantilever)
    demand = inputs.demand()
    families_used = {PACK_FAMILY[f] for f in inputs.families}
    materials = {
        f: grade_for(calc, f, getattr(inputs, _grade_field(f)), field=_grade_field(f)) for f in sorted(families_used)
    }
    has_loads = bool(inputs.point_loads or inputs.uniform_loads)
    ratio_limit: float | None = None
    basis: str | None = None
    if has_loads:
        combos = calc.pack(COMBINATIONS_PACK).data if inputs.loads_level == "W" else None
        k_service = service_factor(calc, inputs.loads_level or "service", inputs.asce7_edition, combos)
        ratio_limit, basis = deflection_limit(calc, inputs.deflection_limit_ratio)
        length_in = inputs.length_ft * IN_PER_FT
        points, uniforms = service_loads(k_service, inputs)
        limit_in = length_in / ratio_limit
    else:
        points, uniforms, limit_in, length_in = [], [], 0.0, 0.0
        calc.warn("No service loads given: the deflection of the post was not checked")
    quiet = Quiet()
    limits = [
        f"nominal wall >= {inputs.min_wall_in:g} in" if inputs.min_wall_in is not None else "",
        f"D/t <= {inputs.max_round_d_over_t:g}" if inputs.max_round_d_over_t is not None else "",
        f"b/t and h/t <= {inputs.max_rect_b_over_t:g}" if inputs.max_rect_b_over_t is not None else "",
    ]
    if inputs.min_i_in4 is not None:
        limits.append(f"I >= {inputs.min_i_in4:.4g} in⁴ (stiffness floor)")
    if any(limits):
        listed = ", ".join(x for x in limits if x)
        calc.assume(f"Only sections within the practice wall limits are considered: {listed}")
    candidates = _candidates(calc, inputs)
    calc.value(
        "candidates", len(candidates), description=f"sections in {', '.join(inputs.families)} within the size limits"
    )
    # First pass prunes sections that cannot pass (upper bound 0.9 Fy Z on any available moment,
    # exact deflection); if none passes, a second full pass finds the true closest section.
    for prune in (True, False):
        passing: list[dict[str, Any]] = []
        chosen: Section | None = None
        skipped = screened = pruned = 0
        best: dict[str, Any] | None = None
        for section in candidates:
            if inputs.torsion_kip_ft > 0.0 and section.shape == "w":
                skipped += 1
                continue
            if inputs.bending_axis == "minor" and section.shape == "w":
                skipped += 1
                continue
            material = materials[section.family]
            if prune and _cannot_pass(
                section,
                material.fy_ksi,
                material.e_ksi,
                inputs,
                has_loads,
                points,
                uniforms,
                limit_in if has_loads else 0.0,
            ):
                pruned += 1
                continue
            screened += 1
            try:
                checked = evaluate(quiet, section, material.fy_ksi, material.e_ksi, factors, demand, options)
            except NotApplicable:
                skipped += 1
                continue
            ratio, governing = checked["ratio"], checked["governing_check"]
            deflection = None
            if has_loads:
                inertia = section.inertia_in4(inputs.bending_axis)
                deflection, _ = cantilever_deflection_in(points, uniforms, length_in, material.e_ksi, inertia)
                if deflection / limit_in > ratio:
                    ratio, governing = deflection / limit_in, "deflection"
            row = {
                "label": section.label,
                "family": section.selection_family,
                "weight_lb_per_ft": section.weight_lb_per_ft,
                **section.dimensions(),
                "ratio": ratio,
                "governing_check": governing,
                "deflection_in": deflection,
            }
            if best is None or ratio < best["ratio"]:
                best = row
            if ratio <= 1.0:
                if chosen is None:
                    chosen = section
                passing.append(row)
                if len(passing) > inputs.alternatives_count:
                    break
        if passing:
            break
    return _Search(
        candidates=candidates,
        passing=passing,
        chosen=chosen,
        best=best,
        skipped=skipped,
        screened=screened,
        materials=materials,
        k=options.k_factor,
        cb=options.cb,
        has_loads=has_loads,
        ratio_limit=ratio_limit,
        basis=basis,
    )


#: The memo name of a screening (``Calc.reuse``; no solver has this name).
SEARCH = "post.select/search"


def _searched(inputs: PostSelectInput, calc: Calc) -> _Search:
    """``_search`` recorded into ``calc``; within ``reuse_parts``, screened once per inputs and replayed.

    A pole design's last sizing iteration reads the choice (``choice``), then solves the same
    selection in full: the screening is done once for both. It runs first on an empty recorder in
    ``run``, so replaying its records (``Calc.absorb``) gives the same envelope. The screening's
    rows are shared between its readers: never change them.
    """

    def screen() -> tuple[_Search, Calc]:
        scratch = calc.scratch()
        return _search(inputs, scratch), scratch

    found, recorded = calc.reuse(SEARCH, inputs, screen)
    calc.absorb(recorded)
    return found


def _reason(found: _Search, inputs: PostSelectInput) -> str:
    """Why no section was selected (the closest one, W shapes under torsion, or no candidate)."""
    best, candidates = found.best, found.candidates
    if best is not None:
        return f"no section passes; the closest is {best['label']} at ratio {best['ratio']:.2f}"
    if inputs.torsion_kip_ft > 0.0 and all(s.shape == "w" for s in candidates):
        return "W shapes are open sections and cannot carry the torsion: choose pipe or HSS"
    if not candidates:
        return "no section of these families is within the size and wall limits"
    return "no candidate is within the provisions implemented for this load"


def _dimensions(row: dict[str, Any]) -> dict[str, Any]:
    """The outside dimensions of a screened row (its ``*_in`` entries but the deflection)."""
    return {k_: v for k_, v in row.items() if k_.endswith("_in") and k_ != "deflection_in"}


def _part_inputs(inputs: PostSelectInput, found: _Search) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The inputs of the chosen section's member.check and member.deflection (None without service loads)."""
    chosen = found.passing[0]
    common = {"section": chosen["label"], "grade": found.materials[PACK_FAMILY[chosen["family"]]].grade.id}
    check = {
        **common,
        "edition": inputs.edition,
        "design_method": inputs.design_method,
        "moment_kip_ft": inputs.moment_kip_ft,
        "shear_kip": inputs.shear_kip,
        "torsion_kip_ft": inputs.torsion_kip_ft,
        "axial_kip": inputs.axial_kip,
        "length_ft": inputs.length_ft,
        "k_factor": found.k,
        "cb": found.cb,
        "bending_axis": inputs.bending_axis,
    }
    if not found.has_loads:
        return check, None
    deflection = {
        **common,
        "post_height_ft": inputs.length_ft,
        "point_loads": [p.model_dump() for p in inputs.point_loads],
        "uniform_loads": [u.model_dump() for u in inputs.uniform_loads],
        "loads_level": inputs.loads_level,
        "asce7_edition": inputs.asce7_edition,
        "deflection_limit_ratio": found.ratio_limit,
        "bending_axis": inputs.bending_axis,
    }
    return check, deflection


def choice(data: Mapping[str, Any], calc: Calc) -> dict[str, Any] | None:
    """What ``run``'s result says of the chosen (or closest) section, without solving its parts.

    For a sizing iteration that reads only the choice (``PostChoice.from_result``): the inputs are
    validated as ``registry.solve`` validates them and screened by the same ``_search`` in a scratch
    recorder, so ``found``, ``label``, ``family``, ``weight_lb_per_ft``, ``dimensions``, ``ratio``,
    ``governing_check``, ``reason`` and ``closest`` are those of a full ``post.select`` solve
    (tests/member/test_select_choice.py), without member.check and member.deflection of the chosen
    section. Those parts re-run the screening's own evaluation of it, so they can only fail on what
    the screening does not look at: their input bounds, the label resolving to that section, the
    bending axis. Those are checked here, and None (solve in full) is returned when one fails. When
    nothing passes, the full solve's own checks are not repeated here: a sizing iteration stops at
    a choice that found nothing and solves that selection in full (``iterate_post``).
    """
    inputs = validate(PostSelectInput, dict(data), context="post.select input")
    scratch = calc.scratch()
    found = _searched(inputs, scratch)
    if not found.passing:
        return {"found": False, "label": None, "reason": _reason(found, inputs), "closest": found.best or {}}
    chosen = found.passing[0]
    if inputs.bending_axis != "major":
        return None
    check_inputs, deflection_inputs = _part_inputs(inputs, found)
    try:
        validate(MemberCheckInput, check_inputs)
        if deflection_inputs is not None:
            validate(DeflectionInput, deflection_inputs)
        if find_section(scratch.pack, chosen["label"]) != found.chosen:
            return None
    except (InputError, SectionNotFound):
        return None
    return {
        "found": True,
        "label": chosen["label"],
        "family": chosen["family"],
        "weight_lb_per_ft": chosen["weight_lb_per_ft"],
        "dimensions": _dimensions(chosen),
        "ratio": chosen["ratio"],
        "governing_check": chosen["governing_check"],
    }


def run(inputs: PostSelectInput, calc: Calc) -> dict[str, Any]:
    """Lightest passing AISC v16 post (pipe, round/square/rect HSS, W) for M, V, T, P and deflection

    Screen the candidates lightest first; keep the first passing one and the next few.
    """
    found = _searched(inputs, calc)  # first: the screening's records lead the trace
    candidates, passing, best = found.candidates, found.passing, found.best
    calc.value(
        "skipped",
        found.skipped,
        description="candidates outside the provisions implemented or the load (W with torsion)",
    )
    if not passing:
        if best is not None:
            calc.check(
                "selection",
                f"no section in {', '.join(inputs.families)} passes; "
                f"lowest ratio {best['ratio']:.3g} ({best['label']})",
                demand=best["ratio"],
                capacity=1.0,
                unit="-",
                clause="post.select",
            )
        reason = _reason(found, inputs)
        calc.applies("a section passes", False, reason, penalty=0.5)
        return {
            "found": False,
            "label": None,
            "reason": reason,
            "closest": best or {},
            "alternatives": [],
            "candidates_checked": len(candidates),
        }
    chosen = passing[0]
    check_inputs, deflection_inputs = _part_inputs(inputs, found)
    check_env = calc.solve("member.check", check_inputs)
    strength = check_env.result
    calc.check(
        "strength",
        f"governing strength check of {chosen['label']}: {strength['governing_check']}",
        demand=strength["ratio"],
        capacity=1.0,
        unit="-",
        clause=strength["governing_clause"],
    )
    deflection_result = None
    if deflection_inputs is not None:
        assert found.ratio_limit is not None and found.basis is not None
        ratio_limit, basis = found.ratio_limit, found.basis
        defl_env = calc.solve("member.deflection", deflection_inputs)
        deflection_result = defl_env.result
        calc.check(
            "deflection",
            f"service tip deflection of {chosen['label']} vs L/{ratio_limit:g}",
            demand=deflection_result["deflection_in"],
            capacity=deflection_result["deflection_limit_in"],
            unit="in",
            clause=basis,
        )
    calc.note(
        "selected",
        chosen["label"],
        description=f"lightest passing section ({chosen['weight_lb_per_ft']:g} lb/ft)",
        clause=check_env.result["section_source"]["pack"] or "",
    )
    return {
        "found": True,
        "label": chosen["label"],
        "family": chosen["family"],
        "grade": check_inputs["grade"],
        "weight_lb_per_ft": chosen["weight_lb_per_ft"],
        "dimensions": _dimensions(chosen),
        "ratio": chosen["ratio"],
        "governing_check": chosen["governing_check"],
        "strength_ratio": strength["ratio"],
        "strength_governing_check": strength["governing_check"],
        "deflection_in": deflection_result["deflection_in"] if deflection_result else None,
        "deflection_limit_in": deflection_result["deflection_limit_in"] if deflection_result else None,
        "mn_kip_ft": strength["mn_kip_ft"],
        "phi_mn_kip_ft": strength["phi_mn_kip_ft"],
        "mn_over_omega_kip_ft": strength["mn_over_omega_kip_ft"],
        "compactness": strength["compactness"],
        "section_source": strength["section_source"],
        "alternatives": passing[1:],
        "candidates": len(candidates),
        "candidates_screened": found.screened,
    }


SOLVER = Solver.of("post.select", VERSION, run)
