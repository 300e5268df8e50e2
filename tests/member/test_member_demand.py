"""member.check and post.select share one definition of the member demands (MemberDemand), and
member.deflection records every tip deflection line from an @equation (issue 17)."""

from __future__ import annotations

import pytest

from apex_nb import solve
from apex_nb.equations.mechanics import cantilever
from apex_nb.equations.metadata import equation_of
from apex_nb.errors import InputError
from apex_nb.packs import PackLibrary
from apex_nb.solvers.member.check import MemberCheckInput
from apex_nb.solvers.member.common import MemberDemand
from apex_nb.solvers.member.select import PostSelectInput

LIB = PackLibrary()
DEMAND_FIELDS = ("edition", "design_method", "moment_kip_ft", "shear_kip", "torsion_kip_ft", "axial_kip",
                 "length_ft", "k_factor", "cb", "bending_axis")  # fmt: skip


def test_both_solvers_read_the_same_demand_fields() -> None:
    check = MemberCheckInput.model_json_schema()["properties"]
    select = PostSelectInput.model_json_schema()["properties"]
    assert set(MemberDemand.model_fields) == set(DEMAND_FIELDS)
    for name in DEMAND_FIELDS:
        assert check[name] == select[name], name


def test_a_demand_no_section_carries_fails_the_check_instead_of_the_input() -> None:
    """2e5 kip-ft is far beyond any post (W44x335: φMp ≈ 6,100 kip-ft): a failed check, not an input error."""
    env = solve("member.check", {"section": "W44x335", "edition": "360-16", "design_method": "LRFD",
                                 "moment_kip_ft": 2.0e5, "length_ft": 20.0}, library=LIB)  # fmt: skip
    assert env.result["passed"] is False
    assert env.result["ratio"] > 30.0
    select = solve("post.select", {"edition": "360-16", "design_method": "LRFD", "families": ["w"],
                                   "moment_kip_ft": 2.0e5, "length_ft": 20.0}, library=LIB)  # fmt: skip
    assert select.result["found"] is False
    with pytest.raises(InputError) as exc:
        solve("member.check", {"section": "W44x335", "edition": "360-16", "design_method": "LRFD",
                               "moment_kip_ft": 2.0e7, "length_ft": 20.0}, library=LIB)  # fmt: skip
    assert {p.path for p in exc.value.problems} == {"moment_kip_ft"}


def test_minor_axis_is_refused_for_a_pipe_by_check_and_deflection() -> None:
    loads = {"point_loads": [{"force_kip": 1.0, "height_ft": 10.0}], "loads_level": "service"}
    for name, inputs in (
        ("member.check", {"edition": "360-16", "design_method": "ASD", "moment_kip_ft": 5.0, "length_ft": 10.0}),
        ("member.deflection", {"post_height_ft": 10.0, **loads}),
    ):
        with pytest.raises(InputError) as exc:
            solve(name, {"section": "Pipe 6 STD", "bending_axis": "minor", **inputs}, library=LIB)
        assert {p.path for p in exc.value.problems} == {"bending_axis"}, name


def test_deflection_trace_lines_carry_their_equations() -> None:
    env = solve("member.deflection", {
        "section": "HSS8x8x1/4", "post_height_ft": 20.0, "loads_level": "service",
        "point_loads": [{"force_kip": 2.0, "height_ft": 18.0}],
        "uniform_loads": [{"load_kip_per_ft": 0.05, "z_bottom_ft": 0.0, "z_top_ft": 20.0}],
    }, library=LIB)  # fmt: skip
    by_symbol = {item.symbol: item for item in env.trace}
    expected = {
        "δ1": cantilever.point_load_tip_deflection,
        "δw1": cantilever.uniform_segment_tip_deflection,
        "δ": cantilever.tip_deflection_sum,
        "δ_allow": cantilever.deflection_limit_in,
    }
    for symbol, fn in expected.items():
        assert by_symbol[symbol].formula == equation_of(fn).formula, symbol
    assert by_symbol["δ"].value == pytest.approx(by_symbol["δ1"].value + by_symbol["δw1"].value)
    assert by_symbol["δ1"].clause == "AISC Manual Table 3-23 case 22"
    assert not by_symbol["k_service"].formula  # a pack constant, not a formula
