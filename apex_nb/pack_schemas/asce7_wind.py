"""Schema of the ASCE 7 wind packs (one pack per edition: ``asce7-05-wind`` ... ``asce7-22-wind``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from apex_nb.pack_schemas.base import (
    ClausedPack,
    NonNegativeFloat,
    PackModel,
    PositiveFloat,
    UnitFraction,
    require_increasing,
    require_keys,
)
from apex_nb.types import Exposure


class ExposureConstants(PackModel):
    """Power-law terrain constants of one exposure category."""

    alpha: PositiveFloat
    zg_ft: PositiveFloat
    z_min_ft: PositiveFloat = Field(description="Below this height Kz is taken at z_min")


class KzFormula(PackModel):
    """Kz = coefficient (max(z, z_min)/zg)^(2/alpha)."""

    coefficient: PositiveFloat
    exposures: dict[Exposure, ExposureConstants]


class KzTable(PackModel):
    """The printed Kz table; values at the lowest height hold below it; linear interpolation."""

    heights_ft: list[float] = Field(min_length=2)
    B: list[float]
    C: list[float]
    D: list[float]

    @model_validator(mode="after")
    def _shape(self) -> KzTable:
        if any(b <= a for a, b in zip(self.heights_ft, self.heights_ft[1:], strict=False)):
            raise ValueError("heights_ft must increase strictly")
        for name in ("B", "C", "D"):
            if len(getattr(self, name)) != len(self.heights_ft):
                raise ValueError(f"column {name} has a different length than heights_ft")
        return self


class VelocityPressure(PackModel):
    """How the edition forms qz: which factors appear in the velocity-pressure equation."""

    coefficient: PositiveFloat = Field(description="0.00256 for mph and psf")
    kd_in_qz: bool
    uses_ke: bool
    uses_importance: bool
    ke_coefficient_per_ft: float | None = Field(default=None, gt=0)
    default_importance_factor: float | None = Field(default=None, gt=0)


class InterpolationTable(PackModel):
    """A printed two-way table: rows by ``row_values``, columns by ``column_values`` (both ascending)."""

    row_name: str
    column_name: str
    row_values: list[float] = Field(min_length=2)
    column_values: list[float] = Field(min_length=2)
    cells: list[list[float]]

    @model_validator(mode="after")
    def _shape(self) -> InterpolationTable:
        for name in ("row_values", "column_values"):
            values = getattr(self, name)
            require_increasing(name, values)
        if len(self.cells) != len(self.row_values):
            raise ValueError("cells needs one row per row value")
        if any(len(row) != len(self.column_values) for row in self.cells):
            raise ValueError("every cells row needs one value per column value")
        return self


class SurfaceFit(PackModel):
    """Commentary fit the Case A/B cells were rounded from (x = ln(B/s), y = s/h).

    Cf = (c0 + c1 x + c2 y + c3 x² + c4 y² + c5 x y) / divisor, rounded to ``rounding``.
    """

    c0: float
    c1: float
    c2: float
    c3: float
    c4: float
    c5: float
    divisor: PositiveFloat
    rounding: PositiveFloat
    clause: str


class CaseCRegion(PackModel):
    """One Case C region, from ``from_s`` to ``to_s`` times s measured from the windward edge.

    ``cf`` holds one value per column of the block (None where the figure leaves the cell empty);
    ``return_corner`` marks the starred cells that the return-corner factor reduces. ``to_s`` None
    means "to the leeward edge".
    """

    from_s: NonNegativeFloat
    to_s: float | None = Field(default=None, gt=0)
    cf: list[float | None]
    return_corner: list[bool]


class CaseCBlock(PackModel):
    """One Case C table of the figure (B/s = 2 ... 10, or B/s = 13 and >= 45)."""

    b_over_s: list[float] = Field(min_length=2)
    regions: list[CaseCRegion] = Field(min_length=2)

    @model_validator(mode="after")
    def _shape(self) -> CaseCBlock:
        n = len(self.b_over_s)
        for region in self.regions:
            if len(region.cf) != n or len(region.return_corner) != n:
                raise ValueError("each region needs one cf and one return_corner flag per B/s column")
        return self


class ReturnCorner(PackModel):
    """Return-corner factor by Lr/s (linear interpolation, last value holds)."""

    lr_over_s: list[float] = Field(min_length=2)
    factor: list[float] = Field(min_length=2)


class SolidSigns(PackModel):
    """Force coefficients and rules of the solid freestanding wall and sign figure."""

    case_ab: InterpolationTable
    surface_fit: SurfaceFit
    case_b_eccentricity_ratio: float = Field(gt=0, lt=0.5, description="Case B offset / B toward the windward edge")
    wall_resultant_raise_ratio: float = Field(ge=0, lt=0.5, description="s/h = 1: resultant this x s above centre")
    case_c_min_b_over_s: PositiveFloat
    case_c_blocks: list[CaseCBlock] = Field(min_length=1)
    return_corner: ReturnCorner
    high_clearance_s_over_h: UnitFraction = Field(description="Case C reduction applies when s/h exceeds this")
    high_clearance_constant: float = Field(gt=1, description="Case C factor = constant - s/h")
    solid_min_solidity: UnitFraction = Field(description="Openings below 30 %: epsilon >= 0.7 is 'solid'")
    opening_exponent: PositiveFloat = Field(description="Cf multiplier 1 - (1 - epsilon)^exponent")


class OtherStructures(PackModel):
    """Cf of chimneys, tanks and similar structures (used for exposed sign posts), by h/D."""

    h_over_d: list[float] = Field(min_length=2)
    rows: dict[str, list[float]]
    round_supercritical_d_sqrt_qz: PositiveFloat = Field(
        description="D sqrt(qz) (ft, psf) above which round is 'smooth'"
    )

    @model_validator(mode="after")
    def _shape(self) -> OtherStructures:
        needed = {
            "square_normal",
            "round_moderately_smooth",
            "round_rough",
            "round_very_rough",
            "round_subcritical",
        }
        require_keys(self.rows, needed, "other_structures rows missing:")
        for name, row in self.rows.items():
            if len(row) != len(self.h_over_d):
                raise ValueError(f"row {name} has a different length than h_over_d")
        return self


class DesignLevel(PackModel):
    """Which level the edition's wind loads are at and the ASD factor on W."""

    level: Literal["strength", "allowable"]
    asd_factor: UnitFraction = Field(description="W multiplier in the basic ASD combinations (0.6 or 1.0)")
    gust_effect_factor_rigid: float = Field(gt=0, le=1.5)
    minimum_pressure_psf: PositiveFloat = Field(description="Minimum design wind load, psf of projected area")


class GustTerrain(PackModel):
    """Gust constants of one exposure (7-16/7-22 Table 26.11-1, 7-10 Table 26.9-1, 7-05 Table 6-2).

    ᾱ and ε̄ are printed as reciprocals (1/4.0, 1/3.0) and kept that way.
    """

    alpha_bar_inverse: PositiveFloat = Field(description="1/ᾱ, mean-hourly speed power-law exponent")
    b_bar: PositiveFloat = Field(description="b̄, mean-hourly speed factor")
    c: float = Field(gt=0, lt=1, description="turbulence intensity factor")
    ell_ft: PositiveFloat = Field(description="ℓ, integral length scale factor, ft")
    epsilon_bar_inverse: PositiveFloat = Field(description="1/ε̄, integral length scale exponent")
    z_min_ft: PositiveFloat = Field(description="z_min: the equivalent height z̄ is at least this, ft")


GUST_EQUATIONS = ("z_bar", "iz", "lz", "q", "g_rigid", "vz", "n1", "rn", "rl", "r", "gr", "gf")


class GustFlexible(PackModel):
    """What the flexible gust-effect factor Gf needs: terrain constants, peak factors, damping policy.

    ``equations`` maps each equation of the procedure to its number in this edition (keys in
    ``GUST_EQUATIONS``). ``default_damping_ratio`` is a policy value (commentary guidance).
    """

    exposures: dict[Exposure, GustTerrain]
    g_q: PositiveFloat = Field(description="peak factor for background response gQ")
    g_v: PositiveFloat = Field(description="peak factor for wind response gv")
    height_fraction: UnitFraction = Field(description="z̄ = fraction x h (0.6)")
    default_damping_ratio: float = Field(gt=0, lt=1, description="β used when none is given (fraction of critical)")
    damping_clause: str
    equations: dict[str, str]

    @model_validator(mode="after")
    def _complete(self) -> GustFlexible:
        require_keys(self.equations, GUST_EQUATIONS, "gust_flexible.equations missing:")
        if set(self.exposures) != {"B", "C", "D"}:
            raise ValueError("gust_flexible.exposures needs B, C and D")
        return self


class Asce7WindPack(ClausedPack):
    """Body of an ASCE 7 wind pack."""

    edition: Literal["7-05", "7-10", "7-16", "7-22"]
    clauses: dict[str, str]
    velocity_pressure: VelocityPressure
    kz_formula: KzFormula
    kz_table: KzTable | None = Field(default=None, description="None when no verified printed table")
    kd: dict[str, float]
    band_heights_ft: list[float] = Field(
        default_factory=list, description="Heights at which the printed Kz table steps (bands for posts)"
    )
    design: DesignLevel | None = None
    solid_signs: SolidSigns | None = None
    other_structures: OtherStructures | None = None
    gust_flexible: GustFlexible | None = Field(
        default=None, description="Flexible gust-effect factor Gf (n1 < 1 Hz): constants and damping policy"
    )

    REQUIRED_CLAUSES = frozenset({"velocity_pressure", "kz_formula", "kz_table", "kd", "kzt"})

    def required_clauses(self) -> set[str]:
        """The base clauses and those of each optional section the pack carries."""
        needed = set(self.REQUIRED_CLAUSES)
        if self.solid_signs is not None:
            needed |= {"sign_force", "sign_cf", "gust", "minimum", "asd", "openings", "rigid"}
        if self.other_structures is not None:
            needed |= {"other_force", "other_cf"}
        if self.gust_flexible is not None:
            needed |= {"gust_flexible", "terrain_constants"}
        return needed

    @model_validator(mode="after")
    def _consistent(self) -> Asce7WindPack:
        if self.velocity_pressure.uses_ke and self.velocity_pressure.ke_coefficient_per_ft is None:
            raise ValueError("uses_ke needs ke_coefficient_per_ft")
        if self.solid_signs is not None and self.design is None:
            raise ValueError("solid_signs needs the design block (G, level, ASD factor, minimum)")
        require_increasing("band_heights_ft", self.band_heights_ft)
        return self
