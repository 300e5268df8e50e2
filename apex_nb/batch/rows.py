"""Portfolio rows: read a CSV or XLSX sheet of sites, validate every row, map a row to a solve.

Row numbers are the ones a spreadsheet user sees: the header is row 1, the first site row 2.
Validation happens in two steps for every row before anything runs: the flat ``SiteRow`` model
(types, units, enums), then the input model of the solver the row maps to (ranges and
cross-field rules such as post spacing against the face width). Every problem of every row is
collected; the caller reports them all at once.

The row -> solver mapping lives here only (``SIGN_TYPE_SOLVER``, ``_BUILDERS``, ``_COLUMN_OF``):
each sign type runs its complete design (``design.pole_sign``, ``design.monument_sign``,
``design.cantilever_sign``).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from apex_nb import types as ft
from apex_nb.errors import FieldProblem, InputError
from apex_nb.inputs import problems_from, validate
from apex_nb.types import AsceEdition as Edition  # Edition and IbcEdition: also read by apex_nb.pricebook
from apex_nb.types import IbcEdition

SignType = Literal["pole", "monument", "cantilever"]
SITE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
_EDITION_TEXT = re.compile(r"^(?:ASCE\s*)?7-(05|10|16|22)$", re.IGNORECASE)


class SiteRow(BaseModel):
    """One site of a portfolio: a flat row of a spreadsheet (units in the column names)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True, str_strip_whitespace=True)

    site_id: str = Field(pattern=SITE_ID_PATTERN, description="Unique id, also the run folder name (A-Z a-z 0-9 . _ -)")
    city: str = Field(default="", max_length=80, description="City (reports only)")
    state: str = Field(default="", max_length=40, description="State or region (reports only)")
    sign_type: SignType = Field(description="'pole', 'monument' or 'cantilever'")
    edition: Edition = Field(description="ASCE 7 edition in force: '7-05', '7-10', '7-16' or '7-22'")
    wind_speed_mph: ft.WindSpeedMph = Field(description="Basic wind speed V for the risk category, mph")
    wind_speed_source: str = Field(default="", max_length=200, description="Where V comes from (map, hazard tool)")
    exposure: ft.Exposure = Field(description="Exposure category B, C or D")
    kzt: ft.Kzt = Field(default=1.0, description="Topographic factor Kzt")
    ground_elevation_ft: ft.GroundElevationFt = Field(default=0.0, description="Ground elevation, ft")
    sign_width_ft: ft.FaceWidthFt = Field(description="Face width B, ft")
    sign_height_ft: ft.FaceHeightFt = Field(description="Face height s, ft")
    top_height_ft: ft.StructureHeightFt = Field(description="Top of the face above grade, ft")
    cabinet_weight_lb: ft.FaceWeightLb | None = Field(default=None, description="Face/cabinet weight, lb")
    sign_thickness_ft: ft.MonumentDepthFt | None = Field(default=None, description="Monument depth in plan, ft")
    arm_length_ft: ft.ArmLengthFt | None = Field(default=None, description="Cantilever: post to far end of face, ft")
    face_offset_ft: ft.FaceOffsetFt | None = Field(default=None, description="Cantilever: post to near face edge, ft")
    post_count: int = Field(default=1, ge=1, le=2, description="Number of posts (1 or 2)")
    post_spacing_ft: ft.PostSpacingFt | None = Field(default=None, description="Post spacing (two posts), ft")
    soil_class: ft.SoilClass | None = Field(default=5, description="IBC Table 1806.2 class 1..5 (5 = weakest)")
    ibc_edition: IbcEdition = Field(default="2021", description="IBC edition in force: '2018', '2021' or '2024'")
    min_depth_ft: ft.MinimumDepthFt = Field(default=3.0, description="Frost depth or local minimum embedment, ft")
    notes: str = Field(default="", max_length=500, description="Free text (reports only)")

    @field_validator("edition", mode="before")
    @classmethod
    def _edition_text(cls, value: Any) -> Any:
        if isinstance(value, (dt.date, dt.datetime)):
            raise ValueError(
                "the spreadsheet turned the edition into a date; format the column as text or write 'ASCE 7-16'"
            )
        if isinstance(value, str) and (match := _EDITION_TEXT.match(value.strip())):
            return f"7-{match.group(1)}"
        return value

    @field_validator("ibc_edition", "site_id", mode="before")
    @classmethod
    def _whole_number_text(cls, value: Any) -> Any:
        """Spreadsheets store 2021 or 1001 as numbers: accept them as text."""
        if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
            return str(int(value))
        return value

    @model_validator(mode="after")
    def _geometry(self) -> SiteRow:
        from apex_nb.solvers.design.site_rules import sign_geometry_problems  # one rule set with the app

        problems = sign_geometry_problems(self.sign_type, self.sign_height_ft, self.top_height_ft, self.post_count)
        if self.post_count == 2 and self.post_spacing_ft is None:
            problems.append(FieldProblem("post_spacing_ft", "required with two posts", "> 0 ft"))
        if self.post_count == 1 and self.post_spacing_ft is not None:
            problems.append(FieldProblem("post_spacing_ft", "only used with two posts", "leave empty for one post"))
        problems += self._sign_type_columns()
        if problems:
            raise InputError(problems)
        return self

    def _sign_type_columns(self) -> list[FieldProblem]:
        """Columns another sign type uses must stay empty: nothing given is silently ignored."""
        problems = []
        unused = {
            "pole": ("sign_thickness_ft", "arm_length_ft", "face_offset_ft"),
            "monument": ("arm_length_ft", "face_offset_ft"),
            "cantilever": ("sign_thickness_ft",),
        }[self.sign_type]
        for name in unused:
            if getattr(self, name) is not None:
                problems.append(FieldProblem(name, f"not used by {self.sign_type} signs", "leave empty"))
        if self.sign_type == "cantilever" and self.arm_length_ft is None:
            problems.append(FieldProblem("arm_length_ft", "required for cantilever signs", "> 0 ft"))
        return problems


COLUMNS: tuple[str, ...] = tuple(SiteRow.model_fields)
REQUIRED_COLUMNS: tuple[str, ...] = tuple(name for name, f in SiteRow.model_fields.items() if f.is_required())


# -- row -> solver mapping (the one place that wires rows to solvers) --------------------------
def _some(**values: Any) -> dict[str, Any]:
    """Drop empty optional cells so the solver's defaults apply (and are recorded as such)."""
    return {k: v for k, v in values.items() if v is not None and v != ""}


def _wind(row: SiteRow) -> dict[str, Any]:
    return _some(
        edition=row.edition,
        wind_speed_mph=row.wind_speed_mph,
        exposure=row.exposure,
        kzt=row.kzt,
        ground_elevation_ft=row.ground_elevation_ft,
        wind_speed_source=row.wind_speed_source,
    )


def _face(row: SiteRow) -> dict[str, Any]:
    return _some(
        name="face",
        width_ft=row.sign_width_ft,
        height_ft=row.sign_height_ft,
        top_height_ft=row.top_height_ft,
        weight_lb=row.cabinet_weight_lb,
    )


def _soil(row: SiteRow) -> dict[str, Any]:
    return _some(ibc_edition=row.ibc_edition, soil_class=row.soil_class, min_depth_ft=row.min_depth_ft)


def _design(row: SiteRow, **fields: Any) -> dict[str, Any]:
    """A complete design's inputs: the row's wind, the sign-specific ``fields``, the row's soil."""
    return _some(wind=_wind(row), **fields, soil=_soil(row))


def _pole(row: SiteRow) -> dict[str, Any]:
    return _design(row, faces=[_face(row)], post_count=row.post_count, post_spacing_ft=row.post_spacing_ft)


def _monument(row: SiteRow) -> dict[str, Any]:
    return _design(
        row,
        sign_width_ft=row.sign_width_ft,
        sign_height_ft=row.top_height_ft,  # solid from grade (checked in SiteRow)
        sign_thickness_ft=row.sign_thickness_ft,
        weight_lb=row.cabinet_weight_lb,
    )


def _cantilever(row: SiteRow) -> dict[str, Any]:
    return _design(row, face=_face(row), arm_length_ft=row.arm_length_ft, face_offset_ft=row.face_offset_ft)


#: sign type -> the complete design solver of that sign.
SIGN_TYPE_SOLVER: dict[str, str] = {
    "pole": "design.pole_sign",
    "monument": "design.monument_sign",
    "cantilever": "design.cantilever_sign",
}
_BUILDERS: dict[str, Callable[[SiteRow], dict[str, Any]]] = {
    "design.pole_sign": _pole,
    "design.monument_sign": _monument,
    "design.cantilever_sign": _cantilever,
}
_FACE_COLUMNS = {"width_ft": "sign_width_ft", "height_ft": "sign_height_ft", "weight_lb": "cabinet_weight_lb"}
#: solver input field (full path or last part) -> row column, where the names differ.
_COLUMN_OF: dict[str, dict[str, str]] = {
    "design.pole_sign": _FACE_COLUMNS,
    "design.cantilever_sign": _FACE_COLUMNS,
    "design.monument_sign": {"sign_height_ft": "top_height_ft", "weight_lb": "cabinet_weight_lb"},
}


def row_to_solve(row: SiteRow) -> tuple[str, dict[str, Any]]:
    """The solver a row runs and its inputs (plain JSON data)."""
    solver = SIGN_TYPE_SOLVER[row.sign_type]
    return solver, _BUILDERS[solver](row)


def column_for(solver: str, path: str) -> str:
    """The spreadsheet column behind a solver input path (``wind.exposure`` -> ``exposure``)."""
    mapping = _COLUMN_OF.get(solver, {})
    if path in mapping:
        return mapping[path]
    last = path.split(".")[-1]
    return mapping.get(last, last if last in COLUMNS else path)


def inputs_json(inputs: dict[str, Any]) -> str:
    """The one JSON text of a row's inputs that every engine receives (sorted keys, no NaN)."""
    return json.dumps(inputs, sort_keys=True, allow_nan=False, separators=(",", ":"))


# -- reading -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class RowProblem:
    """One problem of one row: spreadsheet row number, site id (when readable), field, message."""

    row: int
    site_id: str
    field: str
    message: str
    allowed: str = ""

    def __str__(self) -> str:
        site = f" ({self.site_id})" if self.site_id else ""
        tail = f" (allowed: {self.allowed})" if self.allowed else ""
        return f"row {self.row}{site}, {self.field}: {self.message}{tail}"


@dataclass(frozen=True)
class Site:
    """A valid row with its spreadsheet row number and the solve it maps to."""

    row_number: int
    row: SiteRow
    solver: str
    inputs: dict[str, Any]

    @property
    def site_id(self) -> str:
        """The row's site id."""
        return self.row.site_id


@dataclass
class Portfolio:
    """Every row of a sheet: the valid sites, the problems, and the ids of invalid rows."""

    path: Path
    sites: list[Site] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    invalid_rows: dict[int, str] = field(default_factory=dict)  # row number -> site id ('' if unreadable)
    invalid_cells: dict[int, dict[str, str]] = field(default_factory=dict)  # row -> city/state/sign_type text
    header_ok: bool = True

    @property
    def ok(self) -> bool:
        """True when every row is valid."""
        return not self.problems

    def error(self) -> InputError:
        """All problems as one InputError (row number and field in each path)."""
        problems = [
            FieldProblem(
                f"row {p.row}" + (f" ({p.site_id})" if p.site_id else "") + f", {p.field}", p.message, p.allowed
            )
            for p in self.problems
        ]
        return InputError(problems, context=f"portfolio {self.path.name}")


def _cell(value: Any) -> Any:
    """Normalise one cell: empty -> None, text stripped, NaN -> None."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str):
        text = value.strip()
        return text or None
    return value


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    import pandas as pd

    frame = pd.read_csv(
        path, dtype=str, keep_default_na=False, skip_blank_lines=False, encoding="utf-8-sig", header=None
    )
    records = frame.values.tolist()
    if not records:
        return [], []
    header = [str(h) for h in records[0]]
    return header, [(index + 1, list(values)) for index, values in enumerate(records) if index > 0]


def _read_xlsx(path: Path) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book["sites"] if "sites" in book.sheetnames else book.worksheets[0]
        rows = [(number, list(values)) for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        book.close()
    if not rows:
        return [], []
    header = ["" if h is None else str(h) for h in rows[0][1]]
    return header, rows[1:]


def read_sheet(path: Path) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """Header and (row number, cells) of a CSV or XLSX file; row 1 is the header."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError([FieldProblem(str(path), "file not found", "a .csv or .xlsx file")], context="portfolio")
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise InputError(
        [FieldProblem(str(path), f"unsupported file type {suffix!r}", ".csv or .xlsx")], context="portfolio"
    )


def _header_problems(header: list[str]) -> list[RowProblem]:
    problems = []
    names = [h.strip() for h in header]
    known = ", ".join(COLUMNS)
    for index, name in enumerate(names):
        if not name:
            continue
        if name not in COLUMNS:
            problems.append(RowProblem(1, "", name, "unknown column", f"known columns: {known}"))
        elif names.index(name) != index:
            problems.append(RowProblem(1, "", name, "column appears twice"))
    for name in REQUIRED_COLUMNS:
        if name not in names:
            problems.append(RowProblem(1, "", name, "required column is missing"))
    return problems


def _solver_problems(site_id: str, number: int, solver: str, inputs: dict[str, Any]) -> list[RowProblem]:
    """Validate the mapped inputs with the solver's own input model (ranges, cross-field rules)."""
    from apex_nb.registry import get_solver

    try:
        validate(get_solver(solver).input_model, inputs, context=f"{solver} input")
    except InputError as exc:
        return [RowProblem(number, site_id, column_for(solver, p.path), p.message, p.allowed) for p in exc.problems]
    return []


def load_portfolio(path: Path) -> Portfolio:
    """Read and validate every row of ``path``; never raises for bad rows (see ``Portfolio.problems``)."""
    header, records = read_sheet(path)
    portfolio = Portfolio(path=path)
    if not header:
        portfolio.header_ok = False
        portfolio.problems.append(RowProblem(1, "", "(header)", "the sheet is empty", ", ".join(COLUMNS)))
        return portfolio
    header_problems = _header_problems(header)
    if header_problems:
        portfolio.header_ok = False
        portfolio.problems.extend(header_problems)
        return portfolio
    names = [h.strip() for h in header]
    first_row_of: dict[str, int] = {}
    for number, cells in records:
        values = {name: _cell(cell) for name, cell in zip(names, cells, strict=False) if name}
        if all(v is None for v in values.values()):
            continue  # blank spreadsheet row
        data = {k: v for k, v in values.items() if v is not None}
        raw_id = data.get("site_id")
        site_id = str(int(raw_id)) if isinstance(raw_id, float) and raw_id.is_integer() else str(raw_id or "")
        row_problems: list[RowProblem] = []
        row: SiteRow | None = None
        try:
            row = SiteRow.model_validate(data)
        except ValidationError as exc:
            row_problems = [
                RowProblem(number, site_id, p.path, p.message, p.allowed) for p in problems_from(exc, SiteRow)
            ]
        if site_id and site_id in first_row_of:
            row_problems.append(
                RowProblem(number, site_id, "site_id", f"duplicate site_id (first at row {first_row_of[site_id]})")
            )
        elif site_id:
            first_row_of[site_id] = number
        if row is not None and not row_problems:
            solver, inputs = row_to_solve(row)
            row_problems = _solver_problems(site_id, number, solver, inputs)
            if not row_problems:
                portfolio.sites.append(Site(row_number=number, row=row, solver=solver, inputs=inputs))
                continue
        portfolio.problems.extend(row_problems)
        portfolio.invalid_rows[number] = site_id
        portfolio.invalid_cells[number] = {k: str(data[k])[:80] for k in ("city", "state", "sign_type") if k in data}
    if not portfolio.sites and not portfolio.problems:
        portfolio.problems.append(RowProblem(2, "", "(rows)", "no site rows below the header"))
    return portfolio
