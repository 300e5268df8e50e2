"""foundation.embedment against published examples, properties and bad inputs."""

from __future__ import annotations

import math

import pytest
from _support.published import Published
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from apex_nb import solve
from apex_nb.errors import InputError
from apex_nb.packs import PackLibrary
from apex_nb.solvers.foundation.embedment import wider_minimum_depth_bound_ft

LIB = PackLibrary()  # one verified pack cache for the module (a new library re-reads every pack)

PA_TO_PSF = 0.020885434
M_TO_FT = 1 / 0.3048


def emb(**kw):
    base = {"ibc_edition": "2021"}
    base.update(kw)
    return solve("foundation.embedment", base, library=LIB)


# Each example's inputs: the edition, the load and the pole | the soil and the IBC readings the sheet takes.
TEDDS = Published(
    "Tedds 'Flagpole embedment (IBC)', IBC 2021, calc version 1.2.04 (scribd.com/document/697991832)",
    "foundation.embedment",
    {"ibc_edition": "2021", "lateral_force_lb": 33700, "force_height_ft": 39.4, "square_side_ft": 126 / 12}
    | {"lateral_bearing_psf_per_ft": 150, "one_third_increase": True, "constrained": True},
    {
        "mode": "design",
        "shape": "square",
        "required_depth_ft": pytest.approx(12.60, rel=0.002),
        "s3_psf": pytest.approx(2394, rel=0.003),
        "s1_psf": None,
        "design_depth_ft": 13.0,
    },
)
MATHCAD = Published(
    "'FlagpoleFooting' Mathcad sheet, IBC 2018 §1807.3 (scribd.com/document/560795266)",
    "foundation.embedment",
    {"ibc_edition": "2018", "lateral_force_lb": 30000, "force_height_ft": 3, "diameter_ft": 4.5}
    | {"lateral_bearing_psf_per_ft": 350, "isolated_pole_factor": 2, "constrained": True},
    {
        "required_depth_ft": pytest.approx(1.509 * M_TO_FT, rel=1e-3),
        "s3_psf": pytest.approx(1.660e5 * PA_TO_PSF, rel=1e-3),
    },
)
FLAGPOLE_SHEET = Published(
    "'Flagpole Footing Design Based on Chapter 18 of IBC & CBC' (scribd.com/doc/296150218, /document/612680534)",
    "foundation.embedment",
    {"ibc_edition": "2021", "lateral_force_lb": 100000, "force_height_ft": 62.11, "diameter_ft": 6}
    | {"lateral_bearing_psf_per_ft": 200, "isolated_pole_factor": 2, "depth_limit_rule": "pressure_depth"},
    {"required_depth_ft": pytest.approx(30.55, rel=0.005)},
)
ZEPHYRHILLS = Published(
    "City of Zephyrhills FL permit archive, doc 178567 page 40 (easyseals.com)",
    "foundation.embedment",
    {"ibc_edition": "2018", "lateral_force_lb": 890, "force_height_ft": 3.4, "diameter_ft": 3}
    | {"soil_class": 4, "isolated_pole_factor": 2, "depth_ft": 4},
    {
        "mode": "check",
        "s1_psf": pytest.approx(400.0),
        "a_ft": pytest.approx(1.7, abs=0.05),
        "required_depth_ft": pytest.approx(3.54, abs=0.01),
    },
)


def test_published_tedds_flagpole_constrained_square_design():
    """Tedds 'Flagpole embedment (IBC)', IBC 2021, calc version 1.2.04 (scribd.com/document/697991832):
    P = 33,700 lb at 39.4 ft, square 126 in (diagonal 178.19 in), laterally restrained, 150 pcf,
    LDF1 = 1.33 (§1806.1), LDF2 = 1.0: d = 12.60 ft with S3 = 2394 psf (d capped at 12 ft).
    We apply 4/3 exactly, not 1.33: S3 = 2400 psf (+0.25 %) and d = 12.584 ft (−0.13 %);
    tolerance 0.2 % on d and 0.3 % on S3 covers exactly that."""
    env = TEDDS.solve(LIB)
    r = env.result
    TEDDS.check(r)
    assert r["b_ft"] * 12 == pytest.approx(178.19, abs=0.01)
    # The same example with the sheet's 1.33 reproduces 12.60 to print precision.
    assert math.sqrt(4.25 * 33700 * 39.4 / (1.33 * 150 * 12 * r["b_ft"])) == pytest.approx(12.60, abs=0.005)
    assert env.passed


def test_published_mathcad_flagpole_constrained_round_design():
    """'FlagpoleFooting' Mathcad sheet, IBC 2018 §1807.3 (scribd.com/document/560795266): restrained at
    grade, P = 30 kip at H = 3 ft, round B = 4.5 ft, S = 350 pcf, isolated pole factor 2:
    d = 1.509 m, S3 = 1.660e5 Pa. Tolerance 0.1 %: the sheet prints 4 significant figures."""
    MATHCAD.check(MATHCAD.solve(LIB).result)


def test_published_flagpole_spreadsheet_nonconstrained_round_design():
    """'Flagpole Footing Design Based on Chapter 18 of IBC & CBC' spreadsheet (scribd.com/doc/296150218
    and /document/612680534): unrestrained, P = 100 k at 62.11 ft, round b = 6 ft, S = 0.2 ksf/ft,
    F = 2 (2021 IBC §1806.3.4), S1 = F S min(d/3, 12'): 'Use 6 ft dia x 30.55 ft deep'.
    The sheet caps d/3 (our 'pressure_depth' rule) and stops after a few trial iterations from
    8 ft; the converged root is 30.64 ft, +0.3 %. Tolerance 0.5 %."""
    r = FLAGPOLE_SHEET.solve(LIB).result
    FLAGPOLE_SHEET.check(r)
    assert r["iterations"] > 3
    # The converged root is a fixed point of Eq. 18-1 with S1 at d/3.
    d = r["required_depth_ft"]
    s1 = 2 * 200 * d / 3
    a = 2.34 * 100000 / (s1 * 6)
    assert 0.5 * a * (1 + math.sqrt(1 + 4.36 * 62.11 / a)) == pytest.approx(d, abs=1e-5)
    # The literal reading (d <= 12 ft when computing S1) is much deeper.
    literal = {k: v for k, v in FLAGPOLE_SHEET.inputs.items() if k != "depth_limit_rule"}
    assert emb(**literal).result["required_depth_ft"] > 50


def test_published_zephyrhills_round_check():
    """City of Zephyrhills FL permit archive, doc 178567 page 40 (easyseals.com 'Footing Design for
    Freestanding Signs and Flagpoles', FBC §1807.3.2.1, unconstrained): round B = 3 ft, d = 4 ft,
    class 4 (150 psf/ft) x 2: S1 = 400 psf, P = 0.89 kip at 3.40 ft, A = 1.7 ft, d_req = 3.54 ft OK.
    Tolerance 0.01 ft: the sheet prints P and h rounded."""
    env = ZEPHYRHILLS.solve(LIB)
    ZEPHYRHILLS.check(env.result)
    assert env.passed
    check = next(c for c in env.checks if c.id == "embedment.depth")
    assert (check.capacity, check.passed) == (4.0, True)


@pytest.mark.parametrize(("depth", "passes"), [(12.6, True), (12.0, False)])
def test_check_mode_constrained_square(depth, passes):
    """The Tedds example in check mode: 12.6 ft passes, 12.0 ft does not."""
    env = emb(**TEDDS.inputs, depth_ft=depth)
    assert env.passed is passes
    assert env.result["s3_psf"] == pytest.approx(2400.0)


def test_interpretations_are_named_assumptions():
    env = emb(lateral_force_lb=2000, force_height_ft=10, diameter_ft=2, soil_class=4)
    texts = " | ".join(a.text for a in env.assumptions)
    assert "No 2x isolated-pole" in texts
    assert "No one-third increase" in texts
    assert "Nonconstrained" in texts
    assert "12 ft" in texts
    env2 = emb(
        lateral_force_lb=2000, force_height_ft=10, diameter_ft=2, soil_class=4,
        isolated_pole_factor=2, one_third_increase=True, constrained=True,
    )  # fmt: skip
    texts2 = " | ".join(a.text for a in env2.assumptions)
    assert "1/2 in." in texts2 and "One-third increase" in texts2 and "Constrained" in texts2
    assert env2.result["required_depth_ft"] < env.result["required_depth_ft"]


def test_min_depth_rounding_and_soil_report_applicability():
    env = emb(
        lateral_force_lb=150, force_height_ft=3, diameter_ft=2, soil_class=3, min_depth_ft=3.2, soil_report_depth_ft=3.0
    )
    r = env.result
    assert r["required_depth_ft"] < 3.2
    assert r["design_depth_ft"] == 3.5
    assert r["concrete_yd3"] == pytest.approx(math.pi * 4 / 4 * 3.5 / 27)
    rule = next(a for a in env.applicability if a.rule == "foundation no deeper than the soil data")
    assert rule.ok is False
    assert env.confidence < 1.0
    failing = emb(lateral_force_lb=150, force_height_ft=3, diameter_ft=2, soil_class=3, min_depth_ft=4, depth_ft=3.5)
    assert not failing.passed
    assert next(c for c in failing.checks if c.id == "embedment.min_depth").passed is False


def test_square_equals_round_of_its_diagonal():
    square = emb(lateral_force_lb=3000, force_height_ft=8, square_side_ft=2, soil_class=4).result
    round_ = emb(lateral_force_lb=3000, force_height_ft=8, diameter_ft=2 * math.sqrt(2), soil_class=4).result
    assert square["required_depth_ft"] == pytest.approx(round_["required_depth_ft"], rel=1e-9)
    assert square["concrete_yd3"] != round_["concrete_yd3"]


forces = st.floats(min_value=100, max_value=50000)
heights = st.floats(min_value=1, max_value=40)
diameters = st.floats(min_value=1, max_value=6)


@settings(max_examples=25, deadline=None)
@given(forces, st.floats(min_value=1.01, max_value=3), heights, diameters, st.booleans())
def test_larger_force_deeper(force, scale, height, diameter, constrained):
    common = {"force_height_ft": height, "diameter_ft": diameter, "soil_class": 4, "constrained": constrained}
    small = emb(lateral_force_lb=force, **common).result["required_depth_ft"]
    large = emb(lateral_force_lb=force * scale, **common).result["required_depth_ft"]
    assert large >= small


@settings(max_examples=20, deadline=None)
@given(forces, heights, diameters, st.booleans())
def test_weaker_soil_deeper(force, height, diameter, constrained):
    depths = [
        emb(
            lateral_force_lb=force, force_height_ft=height, diameter_ft=diameter, soil_class=c, constrained=constrained
        ).result["required_depth_ft"]
        for c in (1, 2, 3, 4, 5)
    ]
    assert depths == sorted(depths)


@settings(max_examples=20, deadline=None)
@given(forces, heights, diameters, st.booleans())
def test_check_at_design_depth_passes_and_below_minimum_fails(force, height, diameter, constrained):
    common = {
        "lateral_force_lb": force, "force_height_ft": height, "diameter_ft": diameter, "soil_class": 5,
        "constrained": constrained,
    }  # fmt: skip
    design = emb(**common)
    assert design.passed
    r = design.result
    assume(r["design_depth_ft"] <= 60)  # depth_ft input range
    assert emb(**common, depth_ft=r["design_depth_ft"]).passed
    shallow = 0.98 * r["minimum_depth_ft"]
    if shallow > 0:
        assert not emb(**common, depth_ft=shallow).passed


BASE = {"ibc_edition": "2021", "lateral_force_lb": 1000, "force_height_ft": 8, "diameter_ft": 2, "soil_class": 4}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"square_side_ft": 2}, "square_side_ft"),
        ({"diameter_ft": None}, "diameter_ft"),
        ({"lateral_force_lb": -5}, "lateral_force_lb"),
        ({"lateral_force_lb": 0}, "lateral_force_lb"),
        ({"soil_class": 6}, "soil_class"),
        ({"soil_class": 0}, "soil_class"),
        ({"lateral_bearing_psf_per_ft": 200}, "lateral_bearing_psf_per_ft"),
        ({"soil_class": None}, "soil_class"),
        ({"isolated_pole_factor": 3}, "isolated_pole_factor"),
        ({"ibc_edition": "2015"}, "ibc_edition"),
        ({"lateral_force_lb": float("nan")}, "lateral_force_lb"),
        ({"depth_ft": -1}, "depth_ft"),
        ({"force_height_ft": 0}, "force_height_ft"),
        ({"depth_limit_rule": "other"}, "depth_limit_rule"),
        ({"frost": 3}, "frost"),
    ],
)
def test_bad_inputs_name_the_field(change, field):
    data = {**BASE, **change}
    data = {k: v for k, v in data.items() if v is not None}
    with pytest.raises(InputError) as info:
        solve("foundation.embedment", data)
    assert field in [p.path for p in info.value.problems]


# -- the auger search's depth bound for a wider footing never exceeds that footing's minimum depth ---
@settings(max_examples=300, deadline=None)
@given(
    force=st.floats(min_value=50, max_value=200_000),
    height=st.floats(min_value=0.5, max_value=300),
    narrow=st.floats(min_value=0.5, max_value=8),
    widen=st.one_of(st.floats(min_value=1.0, max_value=4), st.floats(min_value=1.0, max_value=1.0 + 1e-6)),
    soil=st.one_of(
        st.fixed_dictionaries({"soil_class": st.sampled_from([1, 2, 3, 4, 5])}),
        st.fixed_dictionaries({"lateral_bearing_psf_per_ft": st.floats(min_value=5, max_value=5000)}),
    ),
    readings=st.fixed_dictionaries(
        {
            "ibc_edition": st.sampled_from(["2018", "2021", "2024"]),
            "constrained": st.booleans(),
            "isolated_pole_factor": st.sampled_from([1, 2]),
            "depth_limit_rule": st.sampled_from(["embedment_depth", "pressure_depth"]),
            "min_depth_ft": st.sampled_from([0.0, 3.0]),
        }
    ),
)
def test_wider_footing_depth_bound_is_a_lower_bound(
    force: float, height: float, narrow: float, widen: float, soil: dict, readings: dict
) -> None:
    """``wider_minimum_depth_bound_ft`` from a narrower design <= the wider footing's own minimum depth.

    ``pick_footing`` skips an auger by it, so a bound above the solved depth could change a choice.
    """
    common = {"lateral_force_lb": force, "force_height_ft": height, **soil, **readings}
    narrower = solve("foundation.embedment", {**common, "diameter_ft": narrow}, library=LIB)
    wider_ft = min(narrow * widen, 20.0)
    wider = solve("foundation.embedment", {**common, "diameter_ft": wider_ft}, library=LIB)
    k = LIB.get("ibc-foundations").data.embedment
    bound = wider_minimum_depth_bound_ft(narrower.result, k, force, height, wider_ft)
    assert bound <= wider.result["minimum_depth_ft"]
    # not vacuous: at least the narrower depth scaled by b/b' (the bound the search used before), to 1e-8
    assert bound >= (narrower.result["minimum_depth_ft"] - 1e-6) * narrow / wider_ft * (1 - 1e-8) - 1e-6
