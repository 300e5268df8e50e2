"""Every formula a converted solver records comes from an ``@equation`` (issue 17: a formula is written once).

The bundled examples, every portfolio site and a few extra inputs (each edition, flexible gust,
Case C, round and square posts, constrained embedment, one-third increase, a spring base, a
priced BOM) are solved; every envelope and each of its parts is walked, and each non-empty trace
formula must be the text of a registered equation with its ``{placeholders}`` filled. A solver
still being converted would be listed in ``NOT_YET_CONVERTED`` (its formulas not checked yet);
the list is empty: every solver is strict. A solver in neither list fails the test, so a new
solver cannot slip past it.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import apex_nb.equations
from apex_nb.batch.rows import load_portfolio
from apex_nb.envelope import Envelope
from apex_nb.equations.metadata import Equation, registered
from apex_nb.registry import list_solvers, solve

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

# Solvers whose every recorded formula is read from an @equation (strict).
CONVERTED = frozenset(
    {
        "wind.asce7_qz",
        "wind.asce7_sign",
        "wind.asce7_post",
        "wind.en1991_signboard",
        "foundation.embedment",
        "foundation.spread_footing",
        "structure.natural_frequency",
        "cost.estimate",
        "design.pole_sign",
        "design.monument_sign",
        "design.cantilever_sign",
        "design.quick_quote",
        "member.check",
        "member.deflection",
        "post.select",
        "connection.anchor_rods",
        "connection.base_plate",
        "foundation.pier_reinforcement",
        "foundation.shaft_torsion",
    }
)

# Solvers with a few trace lines still typed by hand: tests/member/test_member_formula_provenance.py
# checks them line by line and names those lines (HAND_TYPED); move a solver here to CONVERTED
# when its last hand-typed line is gone. The list ends empty.
NOT_YET_CONVERTED: frozenset[str] = frozenset()

SIGN = {"wind_speed_mph": 115, "exposure": "C", "sign_width_ft": 20, "sign_height_ft": 8, "top_height_ft": 25}
POST = {"wind_speed_mph": 140, "exposure": "D", "post_width_in": 16, "exposed_height_ft": 30}
EXTRA: list[tuple[str, dict[str, Any]]] = [
    *[("wind.asce7_qz", {"edition": e, "wind_speed_mph": 120, "exposure": "B", "height_ft": 40,
                         "kz_method": "formula" if e == "7-22" else "table"})
      for e in ("7-05", "7-10", "7-16", "7-22")],
    ("wind.asce7_qz", {"edition": "7-16", "wind_speed_mph": 120, "exposure": "C", "height_ft": 40,
                       "kz_method": "formula", "ground_elevation_ft": 5000}),
    *[("wind.asce7_sign", {**SIGN, "edition": e}) for e in ("7-05", "7-10", "7-16", "7-22")],
    ("wind.asce7_sign", {**SIGN, "edition": "7-22", "sign_width_ft": 40, "return_corner_ft": 4,
                         "solidity_ratio": 0.8, "natural_frequency_hz": 0.6, "along_wind_depth_ft": 2}),
    ("wind.asce7_sign", {**SIGN, "edition": "7-16", "sign_height_ft": 25, "sign_width_ft": 60}),
    ("wind.asce7_sign", {**SIGN, "edition": "7-10", "top_height_ft": 9, "sign_width_ft": 30, "kz_method": "formula"}),
    ("wind.asce7_sign", {**SIGN, "edition": "7-16", "wind_speed_mph": 50, "sign_height_ft": 2}),
    *[("wind.asce7_post", {**POST, "edition": e, "post_shape": s}) for e in ("7-05", "7-22")
      for s in ("round", "square")],
    ("wind.asce7_post", {**POST, "edition": "7-16", "post_shape": "round", "surface": "rough",
                         "number_of_posts": 2, "natural_frequency_hz": 0.5}),
    ("wind.en1991_signboard", {"basic_wind_velocity_mps": 26, "terrain_category": "II", "width_m": 10,
                               "height_m": 3, "clearance_m": 0.5}),
    ("foundation.embedment", {"lateral_force_lb": 2000, "force_height_ft": 15, "diameter_ft": 2, "soil_class": 4,
                              "ibc_edition": "2021"}),
    ("foundation.embedment", {"lateral_force_lb": 2000, "force_height_ft": 15, "square_side_ft": 2,
                              "soil_class": 3, "ibc_edition": "2018", "constrained": True, "depth_ft": 6}),
    ("foundation.spread_footing", {"ibc_edition": "2021", "dead_load_lb": 3000, "lateral_force_lb": 2500,
                                   "force_height_ft": 8, "soil_class": 5, "one_third_increase": True,
                                   "min_bottom_depth_ft": 3, "uplift_force_lb": 200}),
    ("foundation.spread_footing", {"ibc_edition": "2018", "dead_load_lb": 1000, "lateral_force_lb": 800,
                                   "moment_at_grade_lb_ft": 6000, "width_ft": 4, "length_ft": 4,
                                   "thickness_ft": 1.5, "allowable_bearing_psf": 2000, "cohesion_psf": 300}),
    ("structure.natural_frequency", {"e_ksi": 29000, "i_in4": 300, "height_ft": 25, "post_weight_lb_per_ft": 40,
                                     "lumped_weights": [{"weight_lb": 1500, "height_ft": 22}],
                                     "rotational_spring_kip_ft_per_rad": 50000}),
    ("cost.estimate", {"bom": {"steel": [{"family": "pipe", "weight_lb": 800}], "plate_lb": 60,
                               "anchor_rods": [{"count": 4, "diameter_in": 1.0, "length_in": 36}],
                               "concrete_yd3": 2.5, "overall_height_ft": 20, "galvanized": True,
                               "cabinet_area_ft2": 40}}),
]  # fmt: skip


def _all_equations() -> list[Equation]:
    """Import every equation module (so each decorator has run) and return the registry."""
    for info in pkgutil.walk_packages(apex_nb.equations.__path__, "apex_nb.equations."):
        importlib.import_module(info.name)
    return list(registered().values())


def _solved() -> Iterator[tuple[str, Envelope]]:
    for path in sorted(EXAMPLES.glob("*.json")):
        example = json.loads(path.read_text(encoding="utf-8"))
        yield path.name, solve(example["solver"], example["inputs"])
    for site in load_portfolio(EXAMPLES / "portfolio.csv").sites:
        yield f"portfolio.csv#{site.site_id}", solve(site.solver, site.inputs)
    for i, (name, inputs) in enumerate(EXTRA):
        yield f"extra[{i}] {name}", solve(name, inputs)


@pytest.fixture(scope="module")
def envelopes() -> list[tuple[str, Envelope]]:
    return list(_solved())


def test_the_two_lists_cover_every_solver_once() -> None:
    names = {s.name for s in list_solvers()}
    assert not CONVERTED & NOT_YET_CONVERTED
    assert names == CONVERTED | NOT_YET_CONVERTED, "put a new solver in CONVERTED (or, for now, NOT_YET_CONVERTED)"


def test_every_converted_formula_comes_from_an_equation(envelopes: list[tuple[str, Envelope]]) -> None:
    equations = _all_equations()
    exact = {e.formula for e in equations if "{" not in e.formula}
    templated = [e for e in equations if "{" in e.formula]

    def known(text: str) -> bool:
        return text in exact or any(e.matches(text) for e in templated)

    seen: set[str] = set()
    stray: dict[str, str] = {}
    for label, envelope in envelopes:
        for path, part in envelope.walk():
            name = part.solver.name
            assert name in CONVERTED | NOT_YET_CONVERTED, f"{name} is in neither list"
            if name not in CONVERTED:
                continue
            seen.add(name)
            for item in part.trace:
                if item.formula and not known(item.formula):
                    stray.setdefault(f"{name}: {item.formula!r}", f"{label} > {path} ({item.symbol})")
    assert not stray, "formulas typed by hand, not read from an @equation:\n" + "\n".join(
        f"{text}  [{where}]" for text, where in sorted(stray.items())
    )
    assert seen == CONVERTED, f"converted solvers never solved here: {sorted(CONVERTED - seen)}"


def test_the_check_would_catch_a_hand_typed_formula() -> None:
    """The matcher refuses text that differs from every equation (so the test above can fail)."""
    equations = _all_equations()
    assert any(e.matches("0.00256 Kz Kzt Kd Ke V²") for e in equations)
    assert not any(e.matches("0.00256 Kz Kzt Kd Ke V^2") for e in equations)
    assert not any(e.matches("F,A × y") for e in equations)
