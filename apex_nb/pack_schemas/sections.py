"""Schemas of the AISC v16 section packs (CSV packs: one row per shape, AISC column names).

The CSV loader hands the rows to these models as ``{"rows": [...]}`` with every cell as text;
pydantic turns the numeric cells into floats (refusing blanks, NaN and inf). Column names keep
the AISC Shapes Database spelling (``D_t`` for ``D/t``, ``b_t`` for ``b/tdes`` ...) so a value
can be found in the database by eye; units are in each pack header.
"""

from __future__ import annotations

from pydantic import BaseModel, Field, model_validator

from apex_nb.pack_schemas.base import PackModel, PositiveFloat


class _Row(PackModel):
    label: str = Field(min_length=1, description="AISC_Manual_Label")
    edi: str = Field(min_length=1, description="EDI_Std_Nomenclature")
    W: PositiveFloat = Field(description="Nominal weight, lb/ft")
    A: PositiveFloat = Field(description="Cross-sectional area, in^2")


class _StrongAxis(BaseModel):
    """Moment of inertia, plastic and elastic moduli and radius of gyration about x (in^4, in^3, in)."""

    Ix: PositiveFloat
    Zx: PositiveFloat
    Sx: PositiveFloat
    rx: PositiveFloat


class _WeakAxis(BaseModel):
    """The same properties about y."""

    Iy: PositiveFloat
    Zy: PositiveFloat
    Sy: PositiveFloat
    ry: PositiveFloat


class _Tube(_Row, _StrongAxis):
    tnom: PositiveFloat = Field(description="Nominal wall thickness, in")
    tdes: PositiveFloat = Field(description="Design wall thickness, in (AISC 360 B4.2)")
    J: PositiveFloat


class PipeRow(_Tube):
    """One pipe (STD, XS, XXS)."""

    OD: PositiveFloat
    ID: PositiveFloat
    D_t: PositiveFloat = Field(description="D/t with the design wall thickness")


class RoundHssRow(_Tube):
    """One round HSS."""

    OD: PositiveFloat
    D_t: PositiveFloat = Field(description="D/t with the design wall thickness")
    C: PositiveFloat = Field(description="HSS torsional constant, in^3")


class RectHssRow(_Tube, _WeakAxis):
    """One square or rectangular HSS (Ht = overall depth, B = overall width)."""

    Ht: PositiveFloat
    h: PositiveFloat = Field(description="Flat depth of the walls for local buckling (Ht - 3 tdes), in")
    B: PositiveFloat
    b: PositiveFloat = Field(description="Flat width of the walls for local buckling (B - 3 tdes), in")
    b_t: PositiveFloat = Field(description="b/tdes")
    h_t: PositiveFloat = Field(description="h/tdes")
    C: PositiveFloat = Field(description="HSS torsional constant, in^3")


class WRow(_Row, _StrongAxis, _WeakAxis):
    """One W shape."""

    d: PositiveFloat
    bf: PositiveFloat
    tw: PositiveFloat
    tf: PositiveFloat
    kdes: PositiveFloat
    bf_2tf: PositiveFloat
    h_tw: PositiveFloat
    J: PositiveFloat
    Cw: PositiveFloat
    rts: PositiveFloat
    ho: PositiveFloat


class _Pack(PackModel):
    @model_validator(mode="after")
    def _unique_labels(self) -> _Pack:
        labels = [row.label for row in self.rows]  # type: ignore[attr-defined]
        if len(labels) != len(set(labels)):
            raise ValueError("duplicate labels")
        return self


class PipePack(_Pack):
    """Body of ``aisc-v16-pipe``."""

    rows: list[PipeRow] = Field(min_length=1)


class RoundHssPack(_Pack):
    """Body of ``aisc-v16-hss-round``."""

    rows: list[RoundHssRow] = Field(min_length=1)


class RectHssPack(_Pack):
    """Body of ``aisc-v16-hss-rect``."""

    rows: list[RectHssRow] = Field(min_length=1)


class WPack(_Pack):
    """Body of ``aisc-v16-w``."""

    rows: list[WRow] = Field(min_length=1)
