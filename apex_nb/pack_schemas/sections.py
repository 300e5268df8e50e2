"""Schemas of the AISC v16 section packs (CSV packs: one row per shape, AISC column names).

The CSV loader hands the rows to these models as ``{"rows": [...]}`` with every cell as text;
pydantic turns the numeric cells into floats (refusing blanks, NaN and inf). Column names keep
the AISC Shapes Database spelling (``D_t`` for ``D/t``, ``b_t`` for ``b/tdes`` ...) so a value
can be found in the database by eye; units are in each pack header.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    label: str = Field(min_length=1, description="AISC_Manual_Label")
    edi: str = Field(min_length=1, description="EDI_Std_Nomenclature")
    W: float = Field(gt=0, description="Nominal weight, lb/ft")
    A: float = Field(gt=0, description="Cross-sectional area, in^2")


class _StrongAxis(BaseModel):
    """Moment of inertia, plastic and elastic moduli and radius of gyration about x (in^4, in^3, in)."""

    Ix: float = Field(gt=0)
    Zx: float = Field(gt=0)
    Sx: float = Field(gt=0)
    rx: float = Field(gt=0)


class _WeakAxis(BaseModel):
    """The same properties about y."""

    Iy: float = Field(gt=0)
    Zy: float = Field(gt=0)
    Sy: float = Field(gt=0)
    ry: float = Field(gt=0)


class _Tube(_Row, _StrongAxis):
    tnom: float = Field(gt=0, description="Nominal wall thickness, in")
    tdes: float = Field(gt=0, description="Design wall thickness, in (AISC 360 B4.2)")
    J: float = Field(gt=0)


class PipeRow(_Tube):
    """One pipe (STD, XS, XXS)."""

    OD: float = Field(gt=0)
    ID: float = Field(gt=0)
    D_t: float = Field(gt=0, description="D/t with the design wall thickness")


class RoundHssRow(_Tube):
    """One round HSS."""

    OD: float = Field(gt=0)
    D_t: float = Field(gt=0, description="D/t with the design wall thickness")
    C: float = Field(gt=0, description="HSS torsional constant, in^3")


class RectHssRow(_Tube, _WeakAxis):
    """One square or rectangular HSS (Ht = overall depth, B = overall width)."""

    Ht: float = Field(gt=0)
    h: float = Field(gt=0, description="Flat depth of the walls for local buckling (Ht - 3 tdes), in")
    B: float = Field(gt=0)
    b: float = Field(gt=0, description="Flat width of the walls for local buckling (B - 3 tdes), in")
    b_t: float = Field(gt=0, description="b/tdes")
    h_t: float = Field(gt=0, description="h/tdes")
    C: float = Field(gt=0, description="HSS torsional constant, in^3")


class WRow(_Row, _StrongAxis, _WeakAxis):
    """One W shape."""

    d: float = Field(gt=0)
    bf: float = Field(gt=0)
    tw: float = Field(gt=0)
    tf: float = Field(gt=0)
    kdes: float = Field(gt=0)
    bf_2tf: float = Field(gt=0)
    h_tw: float = Field(gt=0)
    J: float = Field(gt=0)
    Cw: float = Field(gt=0)
    rts: float = Field(gt=0)
    ho: float = Field(gt=0)


class _Pack(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

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
