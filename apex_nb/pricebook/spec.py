"""The price book spec (YAML) and the cells it expands to.

A spec names one or more sign types with their sizes, and the grid every size is designed on:
wind speeds, exposures, soil classes and ASCE 7 editions, plus the IBC edition, the minimum
embedment and the price pack version. Every combination is a cell; a cell is a portfolio row
(``apex_nb.batch.rows.SiteRow``) so it maps to its complete design through the one row -> solver
mapping the batch uses (``row_to_solve``).

```yaml
title: Standard pole signs
price_pack_version: 2026.1.0      # a locked prices version; omit for the newest locked one
ibc_edition: "2021"
min_depth_ft: 3
wind_speeds_mph: [110, 130, 150]
exposures: [B, C, D]
soil_classes: [3, 4, 5]
editions: ["7-16", "7-22"]
signs:
  - sign_type: pole
    sizes:                         # a grid (every width x height x top height) ...
      widths_ft: [6, 8, 10]
      heights_ft: [3, 4, 6]
      top_heights_ft: [15, 20, 25]
  - sign_type: monument            # ... or a list; a monument is solid from grade (top = height)
    sizes: [{width_ft: 8, height_ft: 5}, {width_ft: 10, height_ft: 6}]
```

Grid sizes whose face is taller than its top height cannot be built; they are left out and
counted (``Spec.skipped``), never silently: the book's cover states the count.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from apex_nb.batch.rows import Edition, IbcEdition, SignType, SiteRow, row_to_solve
from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import problems_from

MAX_CELLS = 200_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)


class Size(_Strict):
    """One sign size: face width x height and the top of the face above grade."""

    width_ft: float = Field(gt=0, le=100, description="Face width B, ft")
    height_ft: float = Field(gt=0, le=50, description="Face height s, ft")
    top_height_ft: float | None = Field(
        default=None, gt=0, le=200, description="Top of the face above grade, ft (monuments: the height)"
    )

    def label(self) -> str:
        """``10 x 6 ft, top 25 ft``."""
        return f"{self.width_ft:g} x {self.height_ft:g} ft, top {self.top:g} ft"

    @property
    def top(self) -> float:
        """Top height (the face height when not given, as for a monument)."""
        return self.top_height_ft if self.top_height_ft is not None else self.height_ft


class SizeGrid(_Strict):
    """Every width x height x top height (a monument's top is its height: leave top_heights_ft out)."""

    widths_ft: list[float] = Field(min_length=1, description="Face widths B, ft")
    heights_ft: list[float] = Field(min_length=1, description="Face heights s, ft")
    top_heights_ft: list[float] | None = Field(default=None, min_length=1, description="Tops of face above grade, ft")


class SignSpec(_Strict):
    """One sign type and its sizes."""

    sign_type: SignType = Field(description="'pole', 'monument' or 'cantilever'")
    sizes: SizeGrid | list[Size] = Field(description="A grid of sizes or a list of sizes")
    face_offset_ft: float = Field(default=0.5, ge=0, le=20, description="Cantilever: post to near face edge, ft")

    def expand(self) -> tuple[list[Size], int]:
        """The buildable sizes and the number of grid sizes left out (face taller than its top)."""
        if isinstance(self.sizes, list):
            candidates = list(self.sizes)
        else:
            grid = self.sizes
            tops: list[float | None] = list(grid.top_heights_ft) if grid.top_heights_ft else [None]
            candidates = [
                Size(width_ft=w, height_ft=h, top_height_ft=t)
                for w, h, t in itertools.product(grid.widths_ft, grid.heights_ft, tops)
            ]
        kept: list[Size] = []
        skipped = 0
        for size in candidates:
            if self.sign_type == "monument" and size.top_height_ft not in (None, size.height_ft):
                raise InputError(
                    [FieldProblem("sizes", f"monument {size.label()}: a monument is solid from grade", "top = height")],
                    "price book spec",
                )
            if self.sign_type != "monument" and size.top_height_ft is None:
                raise InputError(
                    [
                        FieldProblem(
                            "sizes", f"{self.sign_type} {size.width_ft:g} x {size.height_ft:g} ft", "a top height"
                        )
                    ],
                    "price book spec",
                )
            if size.height_ft > size.top:
                skipped += 1
                continue
            kept.append(size)
        return kept, skipped


class Spec(_Strict):
    """A whole price book spec (see the module docstring)."""

    title: str = Field(default="Price book", max_length=120, description="Title on the cover")
    price_pack_version: str | None = Field(
        default=None, pattern=r"^\d+\.\d+\.\d+$", description="Locked prices version (default: newest locked)"
    )
    ibc_edition: IbcEdition = Field(default="2021", description="IBC edition for embedment")
    min_depth_ft: float = Field(default=3.0, ge=0, le=20, description="Frost or minimum embedment depth, ft")
    validity_days: int = Field(default=180, ge=1, le=3650, description="Days the book may be quoted from")
    wind_speeds_mph: list[float] = Field(min_length=1, description="Basic wind speeds V, mph")
    exposures: list[Literal["B", "C", "D"]] = Field(min_length=1, description="Exposure categories")
    soil_classes: list[int] = Field(min_length=1, description="IBC Table 1806.2 classes 1..5")
    editions: list[Edition] = Field(min_length=1, description="ASCE 7 editions")
    signs: list[SignSpec] = Field(min_length=1, description="Sign types and their sizes")

    @field_validator("wind_speeds_mph", "exposures", "soil_classes", "editions")
    @classmethod
    def _unique(cls, value: list[Any]) -> list[Any]:
        if len(set(value)) != len(value):
            raise ValueError("values must be unique")
        return value

    @field_validator("soil_classes")
    @classmethod
    def _soil(cls, value: list[int]) -> list[int]:
        bad = [v for v in value if not 1 <= v <= 5]
        if bad:
            raise ValueError(f"soil classes {bad} outside 1..5")
        return value

    @model_validator(mode="after")
    def _size(self) -> Spec:
        n = len(self.wind_speeds_mph) * len(self.exposures) * len(self.soil_classes) * len(self.editions)
        if n * sum(len(s.sizes) if isinstance(s.sizes, list) else 1 for s in self.signs) > MAX_CELLS:
            raise ValueError(f"more than {MAX_CELLS} cells")
        return self


@dataclass(frozen=True)
class Cell:
    """One combination: a sign of one size under one wind speed, exposure, soil class and edition."""

    cell_id: str
    sign_type: str
    size: Size
    wind_speed_mph: float
    exposure: str
    soil_class: int
    edition: str
    solver: str
    inputs: dict[str, Any]

    def key_fields(self) -> dict[str, Any]:
        """What a quote must match to fall on this cell (plain JSON)."""
        return {
            "sign_type": self.sign_type,
            "width_ft": self.size.width_ft,
            "height_ft": self.size.height_ft,
            "top_height_ft": self.size.top,
            "wind_speed_mph": self.wind_speed_mph,
            "exposure": self.exposure,
            "soil_class": self.soil_class,
            "edition": self.edition,
        }


def _num(value: float) -> str:
    return f"{value:g}"


def cell_id(sign_type: str, edition: str, speed: float, exposure: str, soil: int, size: Size) -> str:
    """A readable id that is also a valid site id: ``pole_7-16_V115_C_S4_10x6_T25``."""
    return (
        f"{sign_type}_{edition}_V{_num(speed)}_{exposure}_S{soil}_"
        f"{_num(size.width_ft)}x{_num(size.height_ft)}_T{_num(size.top)}"
    )


def _row(sign: SignSpec, size: Size, spec: Spec, edition: str, speed: float, exposure: str, soil: int) -> SiteRow:
    extra: dict[str, Any] = {}
    if sign.sign_type == "cantilever":
        extra = {"arm_length_ft": sign.face_offset_ft + size.width_ft, "face_offset_ft": sign.face_offset_ft}
    return SiteRow(
        site_id=cell_id(sign.sign_type, edition, speed, exposure, soil, size),
        sign_type=sign.sign_type,
        edition=edition,  # type: ignore[arg-type]
        wind_speed_mph=speed,
        exposure=exposure,  # type: ignore[arg-type]
        sign_width_ft=size.width_ft,
        sign_height_ft=size.height_ft,
        top_height_ft=size.top,
        soil_class=soil,
        ibc_edition=spec.ibc_edition,
        min_depth_ft=spec.min_depth_ft,
        **extra,
    )


def cells(spec: Spec) -> tuple[list[Cell], int]:
    """Every cell of the spec in book order, and the number of grid sizes left out."""
    out: list[Cell] = []
    skipped = 0
    for sign in spec.signs:
        sizes, left_out = sign.expand()
        skipped += (
            left_out * len(spec.editions) * len(spec.wind_speeds_mph) * len(spec.exposures) * len(spec.soil_classes)
        )
        for edition, speed, size, exposure, soil in itertools.product(
            spec.editions, spec.wind_speeds_mph, sizes, spec.exposures, spec.soil_classes
        ):
            try:
                row = _row(sign, size, spec, edition, speed, exposure, soil)
            except ValidationError as exc:  # a grid value outside what a site row allows
                where = f"signs[{spec.signs.index(sign)}] {sign.sign_type} {size.label()}, V {speed:g}"
                raise InputError(
                    [FieldProblem(f"{where}: {p.path}", p.message, p.allowed) for p in problems_from(exc, SiteRow)],
                    "price book spec",
                ) from None
            solver, inputs = row_to_solve(row)
            out.append(Cell(row.site_id, sign.sign_type, size, speed, exposure, soil, edition, solver, inputs))
    ids = [c.cell_id for c in out]
    if len(set(ids)) != len(ids):
        raise InputError(
            [FieldProblem("signs", "the same sign type and size appear twice", "unique sizes")], "price book spec"
        )
    return out, skipped


def load_spec(source: str | Path | dict[str, Any]) -> Spec:
    """A validated spec from a YAML file or a mapping; InputError names every bad field."""
    import yaml

    if isinstance(source, dict):
        data: Any = source
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError([FieldProblem("SPEC", f"{path}: no such file", "a price book spec .yaml")], "price book")
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise InputError([FieldProblem("SPEC", f"not valid YAML ({exc})", "YAML")], "price book") from None
    if not isinstance(data, dict):
        raise InputError([FieldProblem("SPEC", "not a mapping", "a YAML mapping")], "price book")
    try:
        return Spec.model_validate(data)
    except ValidationError as exc:
        raise InputError(problems_from(exc, Spec), "price book spec") from None
