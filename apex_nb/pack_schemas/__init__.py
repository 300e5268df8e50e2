"""Pack body schemas, keyed by the ``schema`` id in each pack header.

Each domain keeps its schema models in its own module here; ``SCHEMAS`` lists them all so
``apex-nb packs verify`` can validate every pack. Add a new schema by adding its module and
one entry below.
"""

from __future__ import annotations

from pydantic import BaseModel

from apex_nb.pack_schemas import asce7_wind, materials

SCHEMAS: dict[str, type[BaseModel]] = {
    "asce7-wind/1": asce7_wind.Asce7WindPack,
    "steel-materials/1": materials.SteelMaterialsPack,
}
