"""Schema of the EN 1991-1-4 signboard pack (``en1991-1-4-signboards``): recommended values."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from apex_nb.pack_schemas.base import ClausedPack, PackModel

TerrainCategory = Literal["0", "I", "II", "III", "IV"]


class Terrain(PackModel):
    """Roughness length z0 and minimum height z_min of one terrain category (EN 1991-1-4 Table 4.1)."""

    z0_m: float = Field(gt=0)
    z_min_m: float = Field(gt=0)


class Signboards(PackModel):
    """§7.4.3 signboard rule: cf, reference height and eccentricity."""

    cf: float = Field(gt=0)
    eccentricity_ratio: float = Field(gt=0, lt=0.5, description="e = ratio x b")
    clearance_ratio_min: float = Field(gt=0, description="cf holds when zg >= ratio x h ...")
    aspect_max_when_low: float = Field(gt=0, description="... or when b/h <= this value with zg below it")


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
    z0_ii_m: float = Field(gt=0)
    terrain_factor_coefficient: float = Field(gt=0)
    terrain_factor_exponent: float = Field(gt=0)
    z_max_m: float = Field(gt=0)
    air_density_kg_m3: float = Field(gt=0)
    turbulence_factor: float = Field(gt=0)
    peak_factor: float = Field(gt=0, description="7 = 2 x 3.5 in qp = (1 + 7 Iv) ½ ρ vm²")
    orography_factor: float = Field(gt=0)
    structural_factor: float = Field(gt=0, description="cs cd (1.0 recommended for small rigid structures)")
    signboards: Signboards
