"""Projects as git-tracked JSON: model, durable compare-and-swap store, merge, event log, git driver.

Typical use::

    store = ProjectStore(".")                 # projects live in ./projects/<id>/project.json
    store.create("acme-pylon", {"name": "ACME pylon sign"})
    project, etag = store.load("acme-pylon")
    project.name = "ACME pylon sign, rev B"
    etag = store.save("acme-pylon", project, if_match=etag)   # PreconditionFailed if it moved

See docs/PROJECTS.md for the file layout, the etag protocol and the merge rules.
"""

from __future__ import annotations

from apex_nb.project.events import Event, EventLog
from apex_nb.project.merge import Change, Conflict, MergeResult, diff, three_way_merge
from apex_nb.project.model import (
    ALLOWED_TRANSITIONS,
    SCHEMA_VERSION,
    Attachment,
    Customer,
    Design,
    Estimate,
    EstimateLine,
    InvalidTransition,
    Note,
    Project,
    Sign,
    Site,
    Status,
    UnknownSchemaVersion,
    check_transition,
    migrate,
    validate_project_id,
)
from apex_nb.project.store import (
    CorruptProjectFile,
    MergeConflict,
    PreconditionFailed,
    PreconditionRequired,
    ProjectError,
    ProjectExists,
    ProjectNotFound,
    ProjectStore,
    StoreBusy,
)

__all__ = [
    "ALLOWED_TRANSITIONS",
    "SCHEMA_VERSION",
    "Attachment",
    "Change",
    "Conflict",
    "CorruptProjectFile",
    "Customer",
    "Design",
    "Estimate",
    "EstimateLine",
    "Event",
    "EventLog",
    "InvalidTransition",
    "MergeConflict",
    "MergeResult",
    "Note",
    "PreconditionFailed",
    "PreconditionRequired",
    "Project",
    "ProjectError",
    "ProjectExists",
    "ProjectNotFound",
    "ProjectStore",
    "Sign",
    "Site",
    "Status",
    "StoreBusy",
    "UnknownSchemaVersion",
    "check_transition",
    "diff",
    "migrate",
    "three_way_merge",
    "validate_project_id",
]
