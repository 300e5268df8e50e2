"""Every formula the member, connection and pier/shaft solvers record comes from an ``@equation`` (issue 17).

The bundled examples reach member.check, member.deflection, post.select, connection.base_plate,
connection.anchor_rods, foundation.shaft_torsion and foundation.pier_reinforcement; a W-shape
check with torsion and axial force and an LRFD triangular base plate reach the remaining branches.
A recorded formula must be a registered equation's formula with its placeholders filled: a
``{name:spec}`` placeholder (a pack coefficient) only by a number, the generic design-basis
formulas (φRn, Rn/Ω) only on φ and /Ω lines. ``HAND_TYPED`` would list a trace line still
written in the solver; it is empty, so any new hand-typed formula fails here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from apex_nb.envelope import Envelope
from apex_nb.equations.aci318 import strength as aci_strength
from apex_nb.equations.aisc360 import design_basis
from apex_nb.equations.metadata import Equation, equation_of, registered
from apex_nb.registry import solve

ROOT = Path(__file__).resolve().parents[2]
SOLVERS = {
    "member.check",
    "member.deflection",
    "post.select",
    "connection.base_plate",
    "connection.anchor_rods",
    "foundation.shaft_torsion",
    "foundation.pier_reinforcement",
}
GENERIC = {
    equation_of(f).name
    for f in (design_basis.design_strength, design_basis.allowable_strength, aci_strength.design_strength)
}
NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?"
PLACEHOLDER = re.compile(r"(\{[A-Za-z_][A-Za-z0-9_]*(?::[^{}]*)?\})")
HAND_TYPED: set[tuple[str, str]] = set()  # every line now comes from an @equation


def _pattern(eq: Equation) -> re.Pattern[str]:
    parts = []
    for part in PLACEHOLDER.split(eq.formula):
        if PLACEHOLDER.fullmatch(part):
            parts.append(NUMBER if ":" in part else ".+?")
        else:
            parts.append(re.escape(part))
    return re.compile("".join(parts), flags=re.DOTALL)


def _from_equation(symbol: str, formula: str) -> bool:
    for eq in registered().values():
        if eq.name in GENERIC and not (symbol.startswith("φ") or symbol.endswith("/Ω")):
            continue
        if _pattern(eq).fullmatch(formula):
            return True
    return False


def _envelopes() -> Iterator[Envelope]:
    def walk(env: Envelope) -> Iterator[Envelope]:
        yield env
        for part in env.parts:
            yield from walk(part)

    for path in sorted((ROOT / "examples").glob("*.json")):
        example = json.loads(path.read_text(encoding="utf-8"))
        yield from walk(solve(example["solver"], example["inputs"]))
    rect = {"section": "HSS8x8x1/4", "edition": "360-16", "design_method": "ASD", "moment_kip_ft": 40.0}
    rect.update(shear_kip=5.0, length_ft=12.0)
    yield solve("member.check", {**rect, "torsion_kip_ft": 12.0, "axial_kip": 20.0})
    yield solve("member.check", {**rect, "section": "W14x22", "axial_kip": 20.0, "design_method": "LRFD"})
    plate = {"post_shape": "rect", "post_b_in": 8.0, "post_d_in": 8.0, "post_wall_in": 0.25, "axial_kip": 5.0}
    plate.update(moment_kip_ft=30.0, design_method="LRFD", bearing_distribution="triangular", fc_psi=3000, hef_in=12.0)
    yield from walk(solve("connection.base_plate", plate))


def test_recorded_formulas_come_from_equations() -> None:
    loose: set[tuple[str, str, str]] = set()
    reached: set[str] = set()
    for env in _envelopes():
        if env.solver.name not in SOLVERS:
            continue
        reached.add(env.solver.name)
        for item in env.trace:
            if item.formula and (env.solver.name, item.symbol) not in HAND_TYPED:
                if not _from_equation(item.symbol, item.formula):
                    loose.add((env.solver.name, item.symbol, item.formula))
    assert reached == SOLVERS
    assert not loose, f"formulas typed in a solver instead of carried by an @equation: {sorted(loose)}"
