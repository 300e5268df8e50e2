"""Schema of the EN 1991-1-4 signboard pack (``en1991-1-4-signboards``): recommended values."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from apex_nb.pack_schemas.base import ClausedPack, PackModel, PositiveFloat

TerrainCategory = Literal["0", "I", "II", "III", "IV"]


class Terrain(PackModel):
    """Roughness length z0 and minimum height z_min of one terrain category (EN 1991-1-4 Table 4.1)."""

    z0_m: PositiveFloat
    z_min_m: PositiveFloat


class Signboards(PackModel):
    """§7.4.3 signboard rule: cf, reference height and eccentricity."""

    cf: PositiveFloat
    eccentricity_ratio: float = Field(gt=0, lt=0.5, description="e = ratio x b")
    clearance_ratio_min: PositiveFloat = Field(description="cf holds when zg >= ratio x h ...")
    aspect_max_when_low: PositiveFloat = Field(description="... or when b/h <= this value with zg below it")


class En1991SignboardsPack(ClausedPack):
    """Body of the EN 1991-1-4 signboard pack: recommended values, each a nationally determined parameter."""

    REQUIRED_CLAUSES = frozenset(
        {
            "terrain",
            "terrain_factor",
            "roughness",
            "mean_velocity",
            "turbulence",
            "peak_pressure",
            "air_density",
            "force",
            "signboard_cf",
            "signboard_height",
            "signboard_eccentricity",
            "boundary_wall",
        }
    )

    clauses: dict[str, str]
    terrain_categories: dict[TerrainCategory, Terrain]
    z0_ii_m: PositiveFloat
    terrain_factor_coefficient: PositiveFloat
    terrain_factor_exponent: PositiveFloat
    z_max_m: PositiveFloat
    air_density_kg_m3: PositiveFloat
    turbulence_factor: PositiveFloat
    peak_factor: PositiveFloat = Field(description="7 = 2 x 3.5 in qp = (1 + 7 Iv) ½ ρ vm²")
    orography_factor: PositiveFloat
    structural_factor: PositiveFloat = Field(description="cs cd (1.0 recommended for small rigid structures)")
    signboards: Signboards
