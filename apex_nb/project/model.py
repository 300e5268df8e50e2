"""The project document: a pydantic v2 model, its status workflow and its schema migrations.

A project file is plain JSON with a ``schema_version``. Older versions are upgraded on read by
the chain of functions in :data:`MIGRATIONS` (``n -> n + 1``); a version newer than this code
knows is refused with :class:`UnknownSchemaVersion` rather than guessed at. Lists of objects
carry a stable ``id`` so that the three-way merge can merge them item by item. Timestamps such as
"last modified" are deliberately absent: they would make every concurrent edit conflict, and the
event log records them instead.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from apex_nb.errors import ApexError, FieldProblem, InputError

SCHEMA_VERSION = 1
"""Schema version written by this code."""

MAX_JSON_DEPTH = 32
"""Deepest nesting allowed in free-form values (sign inputs, inline envelopes)."""

MAX_ITEMS = 2000
"""Most items in any one list of the project (signs, designs, notes, ...)."""

ItemId = Annotated[
    str,
    StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$"),
]
ShortText = Annotated[str, StringConstraints(max_length=500)]
ContentHash = Annotated[str, StringConstraints(pattern=r"^sha256-jcs-v1:[0-9a-f]{64}$")]
Sha256Hex = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class Status(StrEnum):
    """Where a project is in its life: see :data:`ALLOWED_TRANSITIONS`."""

    DRAFT = "draft"
    ESTIMATING = "estimating"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    REVISED = "revised"


ALLOWED_TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.ESTIMATING}),
    Status.ESTIMATING: frozenset({Status.DRAFT, Status.SUBMITTED}),
    Status.SUBMITTED: frozenset({Status.APPROVED, Status.REJECTED}),
    Status.REJECTED: frozenset({Status.REVISED}),
    Status.REVISED: frozenset({Status.ESTIMATING, Status.SUBMITTED}),
    Status.APPROVED: frozenset(),
}
"""One-step moves a save may make; staying in the same status is always allowed."""


class InvalidTransition(InputError):
    """A save tried to move the status along a path the workflow does not allow."""

    def __init__(self, old: Status, new: Status) -> None:
        allowed = ", ".join(sorted(ALLOWED_TRANSITIONS[old])) or "none: approved is final"
        problem = FieldProblem("status", f"cannot go from {old.value!r} to {new.value!r}", allowed)
        super().__init__([problem], context="status change")
        self.old = old
        self.new = new


def check_transition(old: Status | str, new: Status | str) -> None:
    """Raise :class:`InvalidTransition` unless ``old -> new`` is allowed (or unchanged)."""
    old_s, new_s = Status(old), Status(new)
    if old_s != new_s and new_s not in ALLOWED_TRANSITIONS[old_s]:
        raise InvalidTransition(old_s, new_s)


def _check_json_value(value: Any, path: str, depth: int = 0) -> None:
    """Refuse NaN/inf and nesting deeper than MAX_JSON_DEPTH in a free-form JSON value."""
    if depth > MAX_JSON_DEPTH:
        raise ValueError(f"nested deeper than {MAX_JSON_DEPTH} levels at {path}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"non-finite number at {path}")
    if isinstance(value, dict):
        for key, item in value.items():
            _check_json_value(item, f"{path}.{key}", depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_json_value(item, f"{path}[{index}]", depth + 1)


def _unique_ids(items: list[Any], what: str) -> list[Any]:
    """Item ids must be unique inside a list: the merge keys list items by them."""
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ValueError(f"duplicate {what} id {item.id!r}")
        seen.add(item.id)
    return items


class _Model(BaseModel):
    """Strict base: unknown fields are errors and NaN/inf floats are refused."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, validate_assignment=True)


class Customer(_Model):
    """Who the project is for."""

    name: ShortText = ""
    contact: ShortText = ""
    email: ShortText = ""
    phone: ShortText = ""


class Site(_Model):
    """Where the sign stands and which rules apply there."""

    address: Annotated[str, StringConstraints(max_length=1000)] = ""
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    jurisdiction: ShortText = ""
    code_editions: dict[ShortText, ShortText] = Field(
        default_factory=dict,
        description='Code editions in force, e.g. {"ASCE 7": "7-22", "IBC": "2021"}.',
    )

    @model_validator(mode="after")
    def _lat_lon_together(self) -> Site:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon must be given together")
        return self


class Sign(_Model):
    """One sign of the project and its solver inputs (free-form JSON, validated by the solvers)."""

    id: ItemId
    name: ShortText = ""
    inputs: dict[str, JsonValue] = Field(default_factory=dict)

    @field_validator("inputs")
    @classmethod
    def _inputs_are_json(cls, value: dict[str, JsonValue]) -> dict[str, JsonValue]:
        _check_json_value(value, "inputs")
        return value


class Design(_Model):
    """A design result: an inline envelope, a reference to one by content hash, or both."""

    id: ItemId
    sign_id: ItemId | None = None
    label: ShortText = ""
    envelope_hash: ContentHash | None = None
    envelope: dict[str, JsonValue] | None = None

    @field_validator("envelope")
    @classmethod
    def _envelope_is_json(cls, value: dict[str, JsonValue] | None) -> dict[str, JsonValue] | None:
        if value is not None:
            _check_json_value(value, "envelope")
        return value

    @model_validator(mode="after")
    def _has_content(self) -> Design:
        if self.envelope_hash is None and self.envelope is None:
            raise ValueError("a design needs envelope_hash or an inline envelope")
        return self


class EstimateLine(_Model):
    """One priced line of an estimate."""

    id: ItemId
    description: ShortText = ""
    quantity: float = Field(default=1.0, ge=0)
    unit: Annotated[str, StringConstraints(max_length=32)] = "ea"
    unit_price: float = 0.0


class Estimate(_Model):
    """The price of the job, line by line."""

    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = "USD"
    lines: list[EstimateLine] = Field(default_factory=list, max_length=MAX_ITEMS)
    notes: Annotated[str, StringConstraints(max_length=20_000)] = ""

    @field_validator("lines")
    @classmethod
    def _lines_unique(cls, value: list[EstimateLine]) -> list[EstimateLine]:
        return _unique_ids(value, "estimate line")

    @property
    def total(self) -> float:
        """Sum of quantity x unit price (computed, never stored, so it cannot disagree)."""
        return sum(line.quantity * line.unit_price for line in self.lines)


class Attachment(_Model):
    """A file stored by content hash in ``attachments/<sha256>`` beside project.json."""

    id: ItemId
    filename: ShortText
    sha256: Sha256Hex
    size: int = Field(ge=0)
    media_type: ShortText = "application/octet-stream"


class Note(_Model):
    """A dated remark; notes are a keyed list so concurrent additions merge cleanly."""

    id: ItemId
    text: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    author: ShortText = ""
    at: datetime | None = None


class Project(_Model):
    """A sign-structure project: the content of ``projects/<id>/project.json``."""

    schema_version: int = SCHEMA_VERSION
    id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    status: Status = Status.DRAFT
    customer: Customer = Field(default_factory=Customer)
    site: Site = Field(default_factory=Site)
    signs: list[Sign] = Field(default_factory=list, max_length=MAX_ITEMS)
    designs: list[Design] = Field(default_factory=list, max_length=MAX_ITEMS)
    estimate: Estimate | None = None
    attachments: list[Attachment] = Field(default_factory=list, max_length=MAX_ITEMS)
    notes: list[Note] = Field(default_factory=list, max_length=MAX_ITEMS)

    @field_validator("schema_version")
    @classmethod
    def _current_version(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            raise ValueError(f"must be {SCHEMA_VERSION} once migrated, got {value}")
        return value

    @field_validator("signs", "designs", "attachments", "notes")
    @classmethod
    def _ids_unique(cls, value: list[Any]) -> list[Any]:
        return _unique_ids(value, "item")

    @model_validator(mode="after")
    def _designs_reference_signs(self) -> Project:
        sign_ids = {sign.id for sign in self.signs}
        for design in self.designs:
            if design.sign_id is not None and design.sign_id not in sign_ids:
                raise ValueError(f"design {design.id!r} refers to unknown sign {design.sign_id!r}")
        return self

    def to_json(self) -> dict[str, Any]:
        """The JSON value written to disk (every field present, so diffs are explicit)."""
        return self.model_dump(mode="json")


# --- schema migrations ---------------------------------------------------------------------

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}
"""``MIGRATIONS[n]`` turns a version-``n`` document into a version-``n + 1`` one (pure function).

Version 1 is the first published layout, so the chain is empty today; a schema change adds an
entry here and bumps :data:`SCHEMA_VERSION`, and old files upgrade on their next load.
"""


class UnknownSchemaVersion(ApexError):
    """A project file has a schema version this code cannot read (missing, newer, or unmigratable)."""

    def __init__(self, message: str, source: str = "") -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


def migrate(
    doc: Mapping[str, Any],
    *,
    source: str = "",
    current: int | None = None,
    migrations: Mapping[int, Migration] | None = None,
) -> dict[str, Any]:
    """Upgrade a raw project document to the current schema version, or explain why not.

    ``source`` names the file in error messages; ``current`` and ``migrations`` default to this
    module's :data:`SCHEMA_VERSION` and :data:`MIGRATIONS` (overridable for tests).
    """
    target = SCHEMA_VERSION if current is None else current
    chain = MIGRATIONS if migrations is None else migrations
    version = doc.get("schema_version")
    if version is None:
        raise UnknownSchemaVersion("no schema_version field", source)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UnknownSchemaVersion(f"schema_version must be a positive integer, got {version!r}", source)
    if version > target:
        raise UnknownSchemaVersion(
            f"schema_version {version} is newer than this apex-nb understands (up to {target}); "
            "upgrade apex-nb to read it",
            source,
        )
    out = dict(doc)
    while version < target:
        step = chain.get(version)
        if step is None:
            raise UnknownSchemaVersion(f"no migration from schema_version {version}", source)
        out = step(out)
        version += 1
        out["schema_version"] = version
    return out


def problems_from_validation(error: ValidationError) -> list[FieldProblem]:
    """Turn a pydantic ValidationError into FieldProblems with dotted paths."""
    problems = []
    for item in error.errors():
        path = ".".join(str(part) for part in item["loc"]) or "$"
        problems.append(FieldProblem(path, item["msg"]))
    return problems


def parse_project(doc: Mapping[str, Any], *, source: str = "") -> Project:
    """Migrate and validate a raw document; raise InputError listing every invalid field."""
    migrated = migrate(doc, source=source)
    try:
        return Project.model_validate(migrated)
    except ValidationError as exc:
        raise InputError(problems_from_validation(exc), context=source or "project") from None


def normalize(doc: Mapping[str, Any], *, source: str = "") -> dict[str, Any]:
    """The document as this code would write it (migrated, defaults filled in)."""
    return parse_project(doc, source=source).to_json()


_ID_RE = re.compile(r"^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$")
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "clock$"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)
PROJECT_ID_RULE = (
    "1-64 characters: lowercase letters, digits, '.', '_', '-'; starting and ending with a letter "
    "or digit; no '..'; not a reserved device name (con, nul, com1, ...)"
)


def validate_project_id(project_id: Any) -> str:
    """Return ``project_id`` if it is a safe directory name, else raise InputError.

    Ids are lowercase so two ids never collide on case-insensitive file systems, contain no
    separators (no traversal, no absolute paths) and avoid Windows device names.
    """
    problem = None
    if not isinstance(project_id, str):
        problem = "must be a string"
    elif not _ID_RE.fullmatch(project_id):
        problem = f"{project_id!r} is not a valid project id"
    elif ".." in project_id:
        problem = f"{project_id!r} contains '..'"
    elif project_id.split(".")[0] in _RESERVED:
        problem = f"{project_id!r} is a reserved name"
    if problem:
        raise InputError([FieldProblem("id", problem, PROJECT_ID_RULE)], context="project id")
    return project_id
