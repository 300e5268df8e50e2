"""price_bom and cost.estimate: hand-priced BOM, re-pricing without re-engineering, bad inputs, properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apex_nb import solve
from apex_nb.errors import InputError, PackError
from apex_nb.packs import PackLibrary
from apex_nb.solvers.cost.bom import Bom, price_bom

LIB = PackLibrary()

BOM = {
    "steel": [
        {"family": "hss_rect", "weight_lb": 1200, "description": "HSS12x12x3/8 post"},
        {"family": "pipe", "weight_lb": 300},
    ],
    "plate_lb": 150,
    "anchor_rods": [{"count": 4, "diameter_in": 1.0, "length_in": 36}],
    "concrete_yd3": 3.5,
    "excavation_yd3": 4.0,
    "overall_height_ft": 20,
    "galvanized": True,
    "cabinet_area_ft2": 64,
}

# Hand pricing with prices 2026.1.0 (see the pack): amounts per line in USD.
EXPECTED_2026_1 = {
    "hss_rect steel: HSS12x12x3/8 post": 1200 * 1.70,
    "pipe steel": 300 * 1.60,
    "plate": 150 * 1.90,
    "hot-dip galvanizing": 1650 * 0.65,
    "anchor rod 1 in x 36 in": 4 * (30 + 7.5 * 3),
    "foundation concrete": 3.5 * 185,
    "excavation": 4 * 75,
    "installation labor, up to 25 ft": 3600,
    "installation equipment, up to 25 ft": 1800,
    "sign face/cabinet install": 64 * 14,
    "engineering and calculations": 950,
}


def prices(version):
    return LIB.get("prices", version).data


def estimate(**kw):
    return solve("cost.estimate", {"bom": BOM, **kw}, library=LIB)


def test_price_bom_by_hand():
    priced = price_bom(Bom.model_validate(BOM), prices("2026.1.0"))
    amounts = {line["item"]: line["amount_usd"] for line in priced["lines"]}
    assert amounts == pytest.approx(EXPECTED_2026_1)
    assert priced["direct_cost_usd"] == pytest.approx(11331.00)
    assert priced["overhead_usd"] == pytest.approx(1359.72)
    assert priced["margin_usd"] == pytest.approx(2538.14)  # 0.20 x 12690.72, half-up to cents
    assert priced["engineering_usd"] == 950
    assert priced["total_usd"] == pytest.approx(16178.86)
    assert all(round(line["amount_usd"], 2) == line["amount_usd"] for line in priced["lines"])


def test_repricing_changes_only_money_and_keeps_the_design_link():
    design = "sha256-jcs-v1:" + "ab" * 32
    old = estimate(design_content_sha256=design, price_pack_version="2026.1.0")
    new = estimate(design_content_sha256=design, price_pack_version="2026.2.0")
    assert [p.version for p in old.packs] == ["2026.1.0"] and [p.version for p in new.packs] == ["2026.2.0"]
    assert old.result["design_content_sha256"] == new.result["design_content_sha256"] == design
    assert old.inputs["bom"] == new.inputs["bom"]
    assert old.result["total_usd"] == pytest.approx(16178.86)
    assert new.result["total_usd"] == pytest.approx(16608.54)
    assert new.result["price_effective_date"] == "2026-07-01"
    labor = [(a["amount_usd"], b["amount_usd"]) for a, b in zip(old.result["lines"], new.result["lines"], strict=True)
             if a["category"] in ("labor", "equipment", "excavation", "anchor_rods")]  # fmt: skip
    assert all(a == b for a, b in labor)
    assert old.content_sha256 != new.content_sha256
    assert estimate().packs[0].version == "2026.2.0"  # newest locked by default


def test_auger_rounds_up_to_the_next_priced_size():
    bom = Bom.model_validate({"auger_holes": [{"count": 2, "diameter_in": 33, "depth_ft": 8}], "overall_height_ft": 12,
                              "engineering_fee": False})  # fmt: skip
    priced = price_bom(bom, prices("2026.1.0"))
    line = next(line for line in priced["lines"] if line["category"] == "excavation")
    assert "36 in" in line["item"] and line["amount_usd"] == 2 * 8 * 55.0
    assert priced["engineering_usd"] == 0


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"anchor_rods": [{"count": 4, "diameter_in": 0.8, "length_in": 24}]}, "bom.anchor_rods.0.diameter_in"),
        ({"auger_holes": [{"count": 1, "diameter_in": 96, "depth_ft": 10}]}, "bom.auger_holes.0.diameter_in"),
        ({"overall_height_ft": 150}, "bom.overall_height_ft"),
    ],
)
def test_unpriced_items_name_the_bom_field(change, path):
    with pytest.raises(InputError) as info:
        solve("cost.estimate", {"bom": {**BOM, **change}}, library=LIB)
    assert path in [p.path for p in info.value.problems]


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"bom": {**BOM, "plate_lb": -1}}, "bom.plate_lb"),
        ({"bom": {**BOM, "steel": [{"family": "channel", "weight_lb": 10}]}}, "bom.steel.0.family"),
        ({"bom": {**BOM, "concrete_yd3": float("nan")}}, "bom.concrete_yd3"),
        ({"bom": {k: v for k, v in BOM.items() if k != "overall_height_ft"}}, "bom.overall_height_ft"),
        ({"bom": BOM, "design_content_sha256": "abc"}, "design_content_sha256"),
        ({"bom": BOM, "price_pack_version": "latest"}, "price_pack_version"),
        ({"bom": {**BOM, "colour": "red"}}, "bom.colour"),
    ],
)
def test_bad_inputs_name_the_field(data, path):
    with pytest.raises(InputError) as info:
        solve("cost.estimate", data, library=LIB)
    assert path in [p.path for p in info.value.problems]


def test_unknown_price_pack_version():
    with pytest.raises(PackError):
        estimate(price_pack_version="1999.1.0")


def test_estimate_records_unverified_prices_as_assumptions():
    env = estimate()
    assert any("illustrative 2026 US average" in a.text for a in env.assumptions)
    assert any("not linked to a design envelope" in a.text for a in env.assumptions)


@settings(max_examples=40, deadline=None)
@given(
    st.floats(min_value=1, max_value=20000),
    st.floats(min_value=0, max_value=5000),
    st.floats(min_value=0, max_value=50),
    st.floats(min_value=0, max_value=30),
    st.floats(min_value=1, max_value=100),
    st.booleans(),
)
def test_total_never_drops_when_quantities_grow(steel, extra, concrete, extra_concrete, height, galvanized):
    def total(steel_lb, concrete_yd3):
        bom = Bom.model_validate({"steel": [{"family": "w_shape", "weight_lb": steel_lb}], "concrete_yd3": concrete_yd3,
                                  "overall_height_ft": height, "galvanized": galvanized})  # fmt: skip
        return price_bom(bom, prices("2026.1.0"))["total_usd"]

    assert total(steel + extra, concrete + extra_concrete) >= total(steel, concrete)
