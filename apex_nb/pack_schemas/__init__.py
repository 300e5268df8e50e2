"""Pack body schemas, keyed by the ``schema`` id in each pack header.

Each domain keeps its schema models in its own module here; ``SCHEMAS`` lists them all so
``apex-nb packs verify`` can validate every pack. Add a new schema by adding its module and
one entry below.
"""

from __future__ import annotations

from pydantic import BaseModel

from apex_nb.pack_schemas import (
    aci318_pier,
    aisc360,
    asce7_wind,
    connections,
    design_defaults,
    en1991,
    foundation_choice,
    load_combinations,
    materials,
    prices,
    sections,
    shaft_torsion,
    soils,
)

SCHEMAS: dict[str, type[BaseModel]] = {
    "asce7-wind/1": asce7_wind.Asce7WindPack,
    "steel-materials/1": materials.SteelMaterialsPack,
    "aci318-anchors/1": connections.Aci318AnchorsPack,
    "anchor-rod-schedule/1": connections.AnchorRodSchedulePack,
    "aisc-dg1/1": connections.AiscDg1Pack,
    "ibc-soils/1": soils.IbcSoilsPack,
    "ibc-foundations/1": soils.IbcFoundationsPack,
    "prices/1": prices.PricesPack,
    "aisc360-factors/1": aisc360.Aisc360Pack,
    "load-combinations/1": load_combinations.LoadCombinationsPack,
    "aisc-pipe/1": sections.PipePack,
    "aisc-hss-round/1": sections.RoundHssPack,
    "aisc-hss-rect/1": sections.RectHssPack,
    "aisc-w/1": sections.WPack,
    "en1991-1-4-signboards/1": en1991.En1991SignboardsPack,
    "sign-design-defaults/1": design_defaults.SignDesignDefaultsPack,
    "foundation-choice/1": foundation_choice.FoundationChoicePack,
    "shaft-torsion/1": shaft_torsion.ShaftTorsionPack,
    "aci318-pier/1": aci318_pier.Aci318PierPack,
}
