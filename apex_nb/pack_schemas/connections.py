"""Schemas of the connection packs: ``aci318-19-anchors``, ``anchor-rod-schedule`` and ``aisc-dg1``.

Each pack body is a strict model: unknown keys, NaN and inf are refused, and the cross-field
rules that a typo would break (ascending schedules, a clause for every provision) are checked
here so ``apex-nb packs verify`` catches them before a solver does.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from apex_nb.pack_schemas.base import ClausedPack, PackModel, PositiveFloat, UnitFraction, require_increasing
from apex_nb.types import AiscBearingEdition

# --------------------------------------------------------------------------- ACI 318-19 Ch. 17


class AnchorPhi(PackModel):
    """Strength reduction factors of ACI 318-19 Table 17.5.3 used for cast-in anchors."""

    steel_tension_ductile: UnitFraction
    steel_shear_ductile: UnitFraction
    steel_tension_brittle: UnitFraction
    steel_shear_brittle: UnitFraction
    concrete_cast_in_condition_a: UnitFraction = Field(description="Breakout / side-face, supp. reinf. present")
    concrete_cast_in_condition_b: UnitFraction = Field(description="Breakout / side-face, no supp. reinf.")
    pullout_cast_in: UnitFraction
    pryout_cast_in: UnitFraction


class BreakoutTension(PackModel):
    """Constants of §17.6.2 (concrete breakout in tension) for cast-in anchors."""

    kc_cast_in: PositiveFloat = Field(description="k_c in Eq. 17.6.2.2.1 (24 for cast-in)")
    deep_coefficient: PositiveFloat = Field(description="16 in Eq. 17.6.2.2.3")
    deep_hef_min_in: PositiveFloat
    deep_hef_max_in: PositiveFloat
    anco_coefficient: PositiveFloat = Field(description="9 in ANco = 9 hef^2 (Eq. 17.6.2.1.4)")
    projection_factor: PositiveFloat = Field(description="1.5 in 1.5 hef")
    psi_ed_base: UnitFraction = Field(description="0.7 in Eq. 17.6.2.4.1b")
    psi_ed_slope: UnitFraction = Field(description="0.3 in Eq. 17.6.2.4.1b")
    psi_c_uncracked_cast_in: float = Field(ge=1, description="ψc,N for cast-in anchors in uncracked concrete")
    psi_c_cracked: PositiveFloat
    psi_cp_cast_in: PositiveFloat = Field(description="ψcp,N for cast-in anchors")
    three_edge_spacing_divisor: PositiveFloat = Field(description="s/3 in §17.6.2.1.2")


class Pullout(PackModel):
    """Constants of §17.6.3 (pullout of cast-in headed anchors)."""

    bearing_coefficient: PositiveFloat = Field(description="8 in Np = 8 Abrg f'c (Eq. 17.6.3.2.2a)")
    psi_c_p_uncracked: float = Field(ge=1)
    psi_c_p_cracked: PositiveFloat


class SideFaceBlowout(PackModel):
    """Constants of §17.6.4 (side-face blowout of headed anchors)."""

    coefficient: PositiveFloat = Field(description="160 in Eq. 17.6.4.1")
    applies_when_hef_over_ca1: PositiveFloat = Field(description="hef > 2.5 ca1")
    corner_ratio_limit: PositiveFloat = Field(description="ca2 < 3 ca1 triggers the corner factor")
    corner_divisor: PositiveFloat = Field(description="4 in (1 + ca2/ca1)/4")
    group_spacing_divisor: PositiveFloat = Field(description="6 in (1 + s/(6 ca1)) (Eq. 17.6.4.2)")


class BreakoutShear(PackModel):
    """Constants of §17.7.2 (concrete breakout in shear) for cast-in anchors."""

    vb_coefficient: PositiveFloat = Field(description="7 in Eq. 17.7.2.2.1a")
    vb_cap_coefficient: PositiveFloat = Field(description="9 in Eq. 17.7.2.2.1b")
    le_max_diameters: PositiveFloat = Field(description="le <= 8 da (§17.7.2.2.1)")
    avco_coefficient: PositiveFloat = Field(description="4.5 in AVco = 4.5 ca1^2 (Eq. 17.7.2.1.3)")
    projection_factor: PositiveFloat = Field(description="1.5 in 1.5 ca1")
    psi_ed_base: UnitFraction
    psi_ed_slope: UnitFraction
    psi_c: dict[Literal["uncracked", "cracked_none", "cracked_edge_bar", "cracked_stirrups"], float]
    three_edge_spacing_divisor: PositiveFloat = Field(description="s/3 in §17.7.2.1.2")


class SteelStrength(PackModel):
    """Constants of §17.6.1 and §17.7.1 (anchor steel)."""

    futa_max_over_fya: PositiveFloat = Field(description="futa <= 1.9 fya")
    futa_cap_ksi: PositiveFloat = Field(description="futa <= 125 ksi")
    shear_factor_cast_in: UnitFraction = Field(description="0.6 in Vsa = 0.6 Ase,V futa (Eq. 17.7.1.2a)")
    grout_pad_factor: UnitFraction = Field(description="0.8 for built-up grout pads (§17.7.1.2.1)")


class Pryout(PackModel):
    """Constants of §17.7.3 (pryout)."""

    kcp_shallow: PositiveFloat
    kcp_deep: PositiveFloat
    hef_split_in: PositiveFloat


class Interaction(PackModel):
    """Constants of §17.8 (tension-shear interaction)."""

    small_ratio: UnitFraction = Field(description="0.2: the other action may be ignored")
    sum_limit: float = Field(gt=1, description="1.2 in Eq. 17.8.3")


class Detailing(PackModel):
    """Geometry limits of §17.9 and material limits of §17.3."""

    min_spacing_untorqued_diameters: PositiveFloat
    min_spacing_torqued_diameters: PositiveFloat
    min_edge_torqued_diameters: PositiveFloat
    fc_max_psi: PositiveFloat


class AnchorReinforcement(PackModel):
    """ACI 318-19 §17.5.2.1 anchor reinforcement and the §25.4.3 hooked-bar development it needs."""

    phi: UnitFraction = Field(description="φ of anchor reinforcement in tension (§17.5.2.1)")
    reach_over_hef: UnitFraction = Field(description="Bars within this x hef of the anchor count (R17.5.2.1)")
    cone_run_over_rise: PositiveFloat = Field(description="Breakout surface: horizontal run per unit depth (35°: 1.5)")
    hook_divisor: PositiveFloat = Field(description="55 in ldh = fy ψ db^1.5 / (55 λ sqrt(f'c)) (Eq. 25.4.3.1a)")
    psi_r: PositiveFloat = Field(description="ψr without confining reinforcement (Table 25.4.3.2)")
    psi_o: PositiveFloat = Field(description="ψo for a hook not in a column core (Table 25.4.3.2)")
    psi_c_intercept: PositiveFloat = Field(description="ψc = f'c/15000 + this for f'c < 6000 psi (Table 25.4.3.2)")
    psi_c_divisor_psi: PositiveFloat
    ldh_min_db: PositiveFloat
    ldh_min_in: PositiveFloat


class Aci318AnchorsPack(ClausedPack):
    """Body of the ``aci318-19-anchors`` pack."""

    REQUIRED_CLAUSES = frozenset(
        {
            "phi",
            "steel_tension",
            "breakout_tension",
            "pullout",
            "side_face_blowout",
            "steel_shear",
            "breakout_shear",
            "pryout",
            "interaction",
            "detailing",
            "lambda_a",
        }
    )

    edition: Literal["318-19"]
    phi: AnchorPhi
    lambda_concrete: dict[Literal["normal", "sand_lightweight", "all_lightweight"], float]
    lambda_a_over_lambda_cast_in: UnitFraction = Field(description="λa = 1.0 λ for cast-in (§17.2.4.1)")
    steel: SteelStrength
    breakout_tension: BreakoutTension
    pullout: Pullout
    side_face_blowout: SideFaceBlowout
    breakout_shear: BreakoutShear
    pryout: Pryout
    interaction: Interaction
    detailing: Detailing
    ductile_grades: list[str] = Field(min_length=1, description="Rod grades meeting the §2.3 ductile definition")
    anchor_reinforcement: AnchorReinforcement | None = Field(
        default=None, description="§17.5.2.1 anchor reinforcement (None: not available in this pack)"
    )
    clauses: dict[str, str]


# --------------------------------------------------------------------------- rod schedule


class RodSize(PackModel):
    """One standard anchor rod diameter (UNC thread, heavy hex nut or head)."""

    diameter_in: PositiveFloat
    label: str
    threads_per_inch: PositiveFloat
    tensile_stress_area_in2: PositiveFloat = Field(description="ASME B1.1: 0.7854 (d - 0.9743/n)^2")
    heavy_hex_across_flats_in: PositiveFloat = Field(description="F = 1.5 d + 1/8 (ASME B18.2.2 heavy hex)")
    bearing_area_heavy_hex_in2: PositiveFloat = Field(description="Abrg = (√3/2) F^2 - π d^2/4")


class AnchorRodSchedulePack(PackModel):
    """Body of the ``anchor-rod-schedule`` pack."""

    rods: list[RodSize] = Field(min_length=1)
    plate_thicknesses_in: list[float] = Field(min_length=1)
    fillet_weld_sizes_in: list[float] = Field(min_length=1)
    plate_plan_increment_in: PositiveFloat

    @model_validator(mode="after")
    def _ascending(self) -> AnchorRodSchedulePack:
        for name, values in (
            ("rods", [r.diameter_in for r in self.rods]),
            ("plate_thicknesses_in", self.plate_thicknesses_in),
            ("fillet_weld_sizes_in", self.fillet_weld_sizes_in),
        ):
            require_increasing(name, values)
        return self

    def rod(self, diameter_in: float) -> RodSize | None:
        """The schedule row of a diameter (exact match within 1e-6 in), else None."""
        return next((r for r in self.rods if abs(r.diameter_in - diameter_in) < 1e-6), None)


# --------------------------------------------------------------------------- AISC DG1 + 360 clauses


class FactorPair(PackModel):
    """A LRFD resistance factor and its ASD safety factor, with the clause."""

    phi: UnitFraction
    omega: float = Field(ge=1)
    clause: str


class MinFilletRow(PackModel):
    """One row of AISC 360 Table J2.4: thinner part up to ``thickness_max_in`` -> minimum size."""

    thickness_max_in: float | None = Field(default=None, gt=0, description="None: and over")
    min_size_in: PositiveFloat


class BearingEdition(PackModel):
    """AISC 360 §J8 concrete bearing for one edition."""

    phi: UnitFraction
    omega: float = Field(ge=1)
    coefficient: PositiveFloat = Field(description="0.85 in Pp = 0.85 f'c A1 sqrt(A2/A1)")
    confinement_max: float = Field(ge=1, description="sqrt(A2/A1) <= 2 (Eq. J8-2 cap 1.7 f'c A1)")
    clause: str


class AiscDg1Pack(ClausedPack):
    """Body of the ``aisc-dg1`` pack."""

    REQUIRED_CLAUSES = frozenset(
        {"moment_case", "large_moment", "small_moment", "plate_compression", "plate_tension", "plan_m_n"}
    )

    bearing: dict[AiscBearingEdition, BearingEdition]
    plate_flexure: FactorPair
    yield_line_factor: dict[Literal["round", "rect"], float]
    rod_tension_aisc: FactorPair
    rod_tension_fnt_over_fu: UnitFraction = Field(description="Fnt = 0.75 Fu (Table J3.2, threaded parts)")
    weld: FactorPair
    weld_fnw_over_fexx: UnitFraction = Field(description="Fnw = 0.60 FEXX (Table J2.5)")
    fillet_throat_factor: UnitFraction = Field(description="effective throat = 0.707 w (equal legs)")
    fillet_min_size: list[MinFilletRow] = Field(min_length=1)
    base_metal_shear_rupture: FactorPair
    base_metal_tension_rupture: FactorPair
    base_metal_fnv_over_fu: UnitFraction = Field(description="0.60 Fu (Eq. J4-4)")
    asd_anchor_alpha_default: float = Field(ge=1, description="ASD -> strength level factor for ACI anchor checks")
    clauses: dict[str, str]
