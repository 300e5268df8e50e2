"""``select.choice`` names the section a full ``post.select`` solve names (session 6 speed work).

A pole design's post sizing iterates post wind and post size; only the last iteration's
``post.select`` envelope is kept, the others are read for their choice alone, and
``apex_nb.solvers.member.select.choice`` gives that choice without the recorded member.check and
member.deflection of the chosen section. Here both are compared over many generated selections
(found and not found, every family, torsion, axial, wall limits, stiffness floors, W and
service loads) field by field, bad inputs raise the same errors, and ``Calc.reuse`` computes
once per inputs inside ``reuse_parts``.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apex_nb.calc import Calc, reuse_parts
from apex_nb.errors import InputError
from apex_nb.packs import PackLibrary
from apex_nb.registry import solve
from apex_nb.solvers.design.post import PostChoice
from apex_nb.solvers.member.select import choice

LIB = PackLibrary()
FAMILIES = ["pipe", "hss-round", "hss-square", "hss-rect", "w"]
CHOICE_FIELDS = ("found", "label", "family", "weight_lb_per_ft", "dimensions", "ratio", "governing_check")


@st.composite
def selections(draw: st.DrawFn) -> dict[str, Any]:
    """post.select inputs as designs send them, and beyond (axis, limits, no service loads)."""
    families = draw(st.lists(st.sampled_from(FAMILIES), min_size=1, max_size=3, unique=True))
    data: dict[str, Any] = {
        "edition": draw(st.sampled_from(["360-16", "360-22"])),
        "design_method": draw(st.sampled_from(["ASD", "LRFD"])),
        "families": families,
        "moment_kip_ft": draw(st.floats(0.0, 800.0)),
        "shear_kip": draw(st.floats(0.0, 30.0)),
        "torsion_kip_ft": draw(st.sampled_from([0.0, 0.0, 0.5, 5.0, 40.0])),
        "axial_kip": draw(st.sampled_from([0.0, 0.3, 4.0, 60.0])),
        "length_ft": draw(st.floats(4.0, 40.0)),
        "alternatives_count": draw(st.integers(0, 4)),
    }
    if draw(st.booleans()):
        data["point_loads"] = [
            {"force_kip": draw(st.floats(0.01, 4.0)), "height_ft": draw(st.floats(0.5, data["length_ft"]))}
            for _ in range(draw(st.integers(1, 2)))
        ]
        data["loads_level"] = draw(st.sampled_from(["W", "service"]))
        if data["loads_level"] == "W":
            data["asce7_edition"] = draw(st.sampled_from(["7-10", "7-16", "7-22"]))
        data["deflection_limit_ratio"] = draw(st.sampled_from([60.0, 100.0, 150.0]))
    if draw(st.booleans()):
        data.update(min_wall_in=0.25, max_round_d_over_t=69.3, max_rect_b_over_t=33.7)
    if draw(st.booleans()):
        data["max_depth_in"] = draw(st.floats(4.0, 30.0))
    if draw(st.booleans()):
        data["min_i_in4"] = draw(st.floats(1.0, 2000.0))
    if "hss-rect" in families and "w" not in families and draw(st.booleans()):
        data["bending_axis"] = "minor"
    return data


def _compare(data: dict[str, Any]) -> None:
    """The choice is the full solve's; None only where the full solve's parts look at what it does not."""
    try:
        full = solve("post.select", data, library=LIB)
    except InputError as exc:
        try:
            quick = choice(data, Calc(library=LIB))
        except InputError as again:  # refused in validation or the screening: the same refusal
            assert str(again) == str(exc)
            return
        # refused by a part of the chosen section (the minor axis on a round section): never vouched for
        assert quick is None or quick["found"] is False
        return
    quick = choice(data, Calc(library=LIB))
    result = full.result
    if quick is None:
        assert data.get("bending_axis") == "minor" and result["found"]
        return
    if result["found"]:
        assert set(quick) == set(CHOICE_FIELDS)
        for key in CHOICE_FIELDS:
            assert quick[key] == result[key], key
            assert type(quick[key]) is type(result[key]), key
    else:
        assert quick == {"found": False, "label": None, "reason": result["reason"], "closest": result["closest"]}
    assert PostChoice.from_result(quick) == PostChoice.from_envelope(full)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=selections())
def test_the_choice_is_the_one_a_full_solve_makes(data: dict[str, Any]) -> None:
    _compare(data)


@pytest.mark.parametrize(
    "data",
    [
        # a pole design's first iteration (6.625 in pipe, no self-weight), found
        {
            "edition": "360-16",
            "design_method": "ASD",
            "families": ["pipe", "hss-round", "hss-square"],
            "moment_kip_ft": 2.6152942865279996,
            "shear_kip": 0.22922398364799995,
            "torsion_kip_ft": 0.13226137436159996,
            "axial_kip": 0.084,
            "length_ft": 15.0,
            "point_loads": [{"force_kip": 0.27554452991999995, "height_ft": 13.5}],
            "loads_level": "W",
            "asce7_edition": "7-10",
            "deflection_limit_ratio": 100.0,
            "min_wall_in": 0.25,
            "max_round_d_over_t": 69.3,
            "max_rect_b_over_t": 33.7,
        },
        # nothing passes: the closest section
        {"edition": "360-22", "design_method": "LRFD", "families": ["pipe"], "moment_kip_ft": 5000.0, "length_ft": 20},
        # W shapes only, under torsion: no candidate
        {"edition": "360-16", "design_method": "ASD", "families": ["w"], "moment_kip_ft": 5.0, "torsion_kip_ft": 1.0,
         "length_ft": 12},
        # the minor axis, where member.check refuses a round section: the choice does not vouch
        {"edition": "360-16", "design_method": "ASD", "families": ["pipe", "hss-rect"], "moment_kip_ft": 0.0,
         "length_ft": 4, "bending_axis": "minor"},
        {"edition": "360-16", "design_method": "ASD", "families": ["hss-rect"], "moment_kip_ft": 3.0,
         "length_ft": 8, "bending_axis": "minor"},
        # nothing within the size limits
        {"edition": "360-16", "design_method": "ASD", "families": ["pipe"], "moment_kip_ft": 5.0, "length_ft": 12,
         "max_depth_in": 1.0},
    ],
)  # fmt: skip
def test_the_choice_in_the_cases_designs_meet(data: dict[str, Any]) -> None:
    _compare(data)


def test_bad_inputs_are_refused_as_a_solve_refuses_them() -> None:
    bad = {"edition": "360-16", "design_method": "ASD", "families": ["tube"], "moment_kip_ft": 1.0, "length_ft": 10}
    with pytest.raises(InputError) as full:
        solve("post.select", bad, library=LIB)
    with pytest.raises(InputError) as quick:
        choice(bad, Calc(library=LIB))
    assert str(quick.value) == str(full.value)
    assert "families.0" in str(quick.value)


def test_reuse_computes_once_per_inputs_within_reuse_parts() -> None:
    calls: list[int] = []

    def compute() -> dict[str, int]:
        calls.append(1)
        return {"n": len(calls)}

    calc = Calc(library=LIB)
    assert calc.reuse("x/choice", {"a": 1}, compute) == {"n": 1}
    assert calc.reuse("x/choice", {"a": 1}, compute) == {"n": 2}  # no memo outside reuse_parts
    with reuse_parts() as memo:
        first = calc.reuse("x/choice", {"a": 1}, compute)
        assert calc.reuse("x/choice", {"a": 1}, compute) is first
        assert calc.reuse("x/choice", {"a": 1.0}, compute) == {"n": 4}  # 1.0 is not 1
        assert calc.reuse("y/choice", {"a": 1}, compute) == {"n": 5}  # names keep values apart
        assert len(memo) == 3


@settings(max_examples=60, deadline=None)
@given(
    label=st.sampled_from(["Pipe 6 STD", "Pipe 3 1/2 XS", "HSS8x8x1/4", "HSS10X6X3/16", "HSS6.625x0.280", "W14x22"]),
    moment=st.floats(0.0, 200.0),
    shear=st.floats(0.0, 20.0),
    torsion=st.sampled_from([0.0, 0.4, 6.0]),
    axial=st.sampled_from([0.0, 1.5, 40.0]),
    method=st.sampled_from(["ASD", "LRFD"]),
    edition=st.sampled_from(["360-16", "360-22"]),
)
def test_the_quiet_screening_computes_what_member_check_records(
    label: str, moment: float, shear: float, torsion: float, axial: float, method: str, edition: str
) -> None:
    """The screening recorder composes no formula text; every number and verdict is member.check's."""
    from apex_nb.sections import find_section
    from apex_nb.solvers.member.base import Demand, Options
    from apex_nb.solvers.member.common import Quiet, factors_for, grade_for
    from apex_nb.solvers.member.core import NotApplicable, evaluate

    calc = Calc(library=LIB)
    factors, _ = factors_for(calc, edition)  # type: ignore[arg-type]
    section = find_section(calc.pack, label)
    material = grade_for(calc, section.family, None)
    if section.shape == "w" and torsion > 0.0:
        torsion = 0.0
    demand = Demand(moment, shear, torsion, axial)
    options = Options(edition, method, 15.0, 2.1, 1.0, "major")  # type: ignore[arg-type]
    try:
        loud = evaluate(calc, section, material.fy_ksi, material.e_ksi, factors, demand, options)
    except NotApplicable:
        with pytest.raises(NotApplicable):
            evaluate(Quiet(), section, material.fy_ksi, material.e_ksi, factors, demand, options)
        return
    quiet = evaluate(Quiet(), section, material.fy_ksi, material.e_ksi, factors, demand, options)
    assert quiet == loud
    assert all(item.formula for item in calc.trace if item.symbol.startswith("φ") or item.symbol.endswith("/Ω"))


def test_a_selection_replaying_a_kept_screening_is_byte_identical() -> None:
    """Inside reuse_parts the screening of a choice is kept and replayed by the full solve of it."""
    data = {
        "edition": "360-22",
        "design_method": "LRFD",
        "families": ["pipe", "hss-square"],
        "moment_kip_ft": 30.0,
        "shear_kip": 2.0,
        "torsion_kip_ft": 0.5,
        "axial_kip": 1.0,
        "length_ft": 18.0,
        "point_loads": [{"force_kip": 1.2, "height_ft": 15.0}],
        "loads_level": "W",
        "asce7_edition": "7-22",
        "min_wall_in": 0.25,
    }
    fresh = solve("post.select", data, library=LIB)
    calc = Calc(library=LIB)
    with reuse_parts() as memo:
        quick = calc.reuse("post.select/choice", data, lambda: choice(data, calc))
        assert any(key[0] == "post.select/search" for key in memo)
        replayed = calc.trial("post.select", data).sealed()
        again = calc.trial("post.select", data)  # a memo hit: the same envelope
    assert replayed.to_json() == fresh.to_json()
    assert again.sealed().to_json() == fresh.to_json()
    assert quick is not None and PostChoice.from_result(quick) == PostChoice.from_envelope(fresh)
    scratch = Calc(library=LIB)
    with pytest.raises(Exception, match="absorb"):
        scratch.absorb(fresh_recorder_with_part(scratch))


def fresh_recorder_with_part(calc: Calc) -> Calc:
    """A recorder holding a part (absorb refuses it: parts are adopted one by one)."""
    other = calc.scratch()
    other.solve("wind.asce7_qz", {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C", "height_ft": 30})
    return other


def test_the_screening_keeps_nominal_strengths_and_gives_what_it_computed() -> None:
    """The screening keeps each section's demand-free limit states: a kept one gives what a fresh one
    computes for every demand, results never share a dict, and a refusal is raised again."""
    from apex_nb.sections import find_section
    from apex_nb.solvers.member import core
    from apex_nb.solvers.member.base import Demand, Options
    from apex_nb.solvers.member.common import Quiet, factors_for, grade_for

    calc = Calc(library=LIB)
    factors, _ = factors_for(calc, "360-22")
    options = Options("360-22", "LRFD", 20.0, 2.1, 1.0, "major")
    demands = [Demand(m, v, t, p) for m in (5.0, 60.0) for v in (0.5, 9.0) for t in (0.0, 2.0) for p in (0.0, 3.0)]
    for label in ("Pipe8STD", "HSS10x6x1/4", "HSS8.625x0.250"):
        section = find_section(calc.pack, label)
        material = grade_for(calc, section.family, None)
        args = (section, material.fy_ksi, material.e_ksi, factors)
        core._NOMINAL.clear()
        fresh = []
        for demand in demands:
            core._NOMINAL.clear()
            fresh.append(core.evaluate(Quiet(), *args, demand, options))
        kept = [core.evaluate(Quiet(), *args, demand, options) for demand in demands]
        assert kept == fresh and len(core._NOMINAL) >= 2
        assert kept[0]["compactness"] is not kept[1]["compactness"]
        kept[0]["compactness"]["flexure"] = "changed"  # a reader changing its result changes nothing kept
        assert core.evaluate(Quiet(), *args, demands[0], options) == fresh[0]
    w_shape = find_section(calc.pack, "W12x26")
    w_steel = grade_for(calc, w_shape.family, None)
    minor = Options("360-22", "LRFD", 20.0, 2.1, 1.0, "minor")
    outcomes = []
    for _ in range(2):  # computed, then kept
        try:
            outcomes.append(core.evaluate(Quiet(), w_shape, w_steel.fy_ksi, w_steel.e_ksi, factors, demands[0], minor))
        except core.NotApplicable as exc:
            outcomes.append(("refused", exc.args))
    assert outcomes[0] == outcomes[1]
