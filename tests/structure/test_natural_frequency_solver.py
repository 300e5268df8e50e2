"""structure.natural_frequency: section labels from the packs or E and I, lumped weights, base spring."""

from __future__ import annotations

import pytest

from apex_nb import InputError, solve
from apex_nb.equations.mechanics.dynamics import rayleigh_frequency_hz
from apex_nb.packs import PackLibrary

LIB = PackLibrary()
CABINET = {"weight_lb": 1500, "height_ft": 50, "label": "cabinet"}


def run(**kw):
    return solve("structure.natural_frequency", kw, library=LIB)


def test_issue_12_pylon_from_the_section_pack() -> None:
    env = run(section="HSS16.000X0.312", height_ft=50, lumped_weights=[CABINET])
    res = env.result
    assert res["section"] == "HSS16.000X0.312"
    assert (res["i_in4"], res["post_weight_lb_per_ft"], res["e_ksi"]) == (443, 52.32, 29000)
    assert res["f1_hz"] == pytest.approx(0.908, abs=0.002)
    assert res["flexible"] is True
    assert res["base"] == "rigid"
    assert res["period_s"] == pytest.approx(1 / res["f1_hz"])
    assert res["total_weight_lb"] == pytest.approx(52.32 * 50 + 1500)
    assert any("soil" in a.text and "lower f1" in a.text for a in env.assumptions)
    f1 = next(t for t in env.trace if t.symbol == "f1")
    assert "Rayleigh" in f1.clause and f1.unit == "Hz"


def test_label_spelling_is_forgiving_and_matches_direct_e_and_i() -> None:
    by_label = run(section="hss16x.5", height_ft=50, lumped_weights=[CABINET]).result
    direct = run(e_ksi=29000, i_in4=685, post_weight_lb_per_ft=82.85, height_ft=50, lumped_weights=[CABINET]).result
    assert by_label["f1_hz"] == pytest.approx(direct["f1_hz"], rel=1e-12)
    assert by_label["flexible"] is False  # 1.04 Hz with a rigid base
    assert direct["section"] == "E, I (input)"


def test_rotational_spring_lowers_f1_and_is_stated() -> None:
    rigid = run(section="HSS16.000X0.500", height_ft=50, lumped_weights=[CABINET]).result["f1_hz"]
    env = run(section="HSS16.000X0.500", height_ft=50, lumped_weights=[CABINET], rotational_spring_kip_ft_per_rad=50000)
    assert env.result["base"] == "rotational spring"
    assert env.result["f1_hz"] < 1.0 < rigid
    assert env.result["f1_hz"] == pytest.approx(
        rayleigh_frequency_hz(
            e_ksi=29000,
            i_in4=685,
            height_ft=50,
            post_weight_lb_per_ft=82.85,
            lumped_weights_lb=[(1500, 50)],
            rotational_spring_kip_in_per_rad=600000,
        )
    )
    assert any("rotational spring" in a.text for a in env.assumptions)


def test_post_weight_override_and_minor_axis() -> None:
    light = run(
        section="HSS12x8x1/4", height_ft=30, post_weight_lb_per_ft=0, lumped_weights=[CABINET | {"height_ft": 30}]
    )
    major = run(section="HSS12x8x1/4", height_ft=30, lumped_weights=[CABINET | {"height_ft": 30}]).result
    minor = run(
        section="HSS12x8x1/4", height_ft=30, bending_axis="minor", lumped_weights=[CABINET | {"height_ft": 30}]
    ).result
    assert light.result["f1_hz"] > major["f1_hz"]
    assert minor["i_in4"] < major["i_in4"]
    assert minor["f1_hz"] < major["f1_hz"]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"height_ft": 50}, "section"),
        ({"section": "HSS16.000X0.500", "e_ksi": 29000, "i_in4": 100, "height_ft": 50}, "section"),
        ({"e_ksi": 29000, "height_ft": 50, "post_weight_lb_per_ft": 10}, "i_in4"),
        ({"e_ksi": 29000, "i_in4": 100, "height_ft": 50}, "post_weight_lb_per_ft"),
        ({"section": "HSS16.000X0.500", "height_ft": 40, "lumped_weights": [CABINET]}, "lumped_weights[0].height_ft"),
        ({"e_ksi": 29000, "i_in4": 100, "height_ft": 50, "post_weight_lb_per_ft": 0}, "lumped_weights"),
        ({"section": "HSS99x1", "height_ft": 50}, "section"),
        ({"section": "HSS16.000X0.500", "height_ft": 50, "bending_axis": "minor"}, "bending_axis"),
        ({"section": "HSS16.000X0.500", "height_ft": 0}, "height_ft"),
    ],
)
def test_bad_inputs_name_the_field(kwargs: dict, field: str) -> None:
    with pytest.raises(InputError) as info:
        run(**kwargs)
    assert field in str(info.value)
