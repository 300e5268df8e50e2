"""The project model: validation, ids, status workflow and schema migrations."""

from __future__ import annotations

from typing import Any

import pytest

from apex_nb.errors import InputError
from apex_nb.project import (
    ALLOWED_TRANSITIONS,
    InvalidTransition,
    Project,
    Status,
    UnknownSchemaVersion,
    check_transition,
    migrate,
    validate_project_id,
)
from apex_nb.project.model import parse_project


def full_project() -> dict[str, Any]:
    return {
        "schema_version": 1,
        "id": "acme-pylon",
        "name": "ACME pylon",
        "status": "estimating",
        "customer": {"name": "ACME", "email": "ops@acme.test"},
        "site": {
            "address": "1 Main St, Duluth MN",
            "lat": 46.78,
            "lon": -92.1,
            "jurisdiction": "Duluth",
            "code_editions": {"ASCE 7": "7-22", "IBC": "2021"},
        },
        "signs": [{"id": "s1", "name": "pylon", "inputs": {"height_ft": 24, "panels": [{"w": 8, "h": 4}]}}],
        "designs": [{"id": "d1", "sign_id": "s1", "envelope_hash": "sha256-jcs-v1:" + "0" * 64}],
        "estimate": {
            "currency": "USD",
            "lines": [{"id": "l1", "description": "post", "quantity": 2, "unit_price": 950}],
        },
        "attachments": [{"id": "photo", "filename": "site.jpg", "sha256": "a" * 64, "size": 12}],
        "notes": [{"id": "n1", "text": "soil report pending", "author": "kim", "at": "2024-05-01T12:00:00Z"}],
    }


def test_a_full_project_round_trips_through_json() -> None:
    project = parse_project(full_project())
    assert project.estimate is not None and project.estimate.total == 1900
    again = parse_project(project.to_json())
    assert again.to_json() == project.to_json()
    assert project.to_json()["notes"][0]["at"] == "2024-05-01T12:00:00Z"


def test_every_invalid_field_is_listed_with_a_dotted_path() -> None:
    doc = full_project()
    doc["site"]["lat"] = 123
    doc["signs"][0]["inputs"]["wind"] = float("nan")
    doc["colour"] = "red"
    with pytest.raises(InputError) as info:
        parse_project(doc)
    paths = {p.path for p in info.value.problems}
    assert {"site.lat", "colour"} <= paths
    assert any(path.startswith("signs.0.inputs.wind") for path in paths)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["signs"].append({"id": "s1"}), "duplicate"),
        (
            lambda d: d["designs"].append(
                {"id": "d2", "sign_id": "nope", "envelope_hash": "sha256-jcs-v1:" + "1" * 64}
            ),
            "unknown sign",
        ),
        (lambda d: d["designs"].append({"id": "d3"}), "envelope_hash or an inline envelope"),
        (lambda d: d["site"].pop("lon"), "lat and lon"),
        (lambda d: d["signs"][0]["inputs"].update(deep=_nested(40)), "deeper than"),
        (lambda d: d.update(name=""), "at least 1 character"),
    ],
)
def test_cross_field_rules(change: Any, message: str) -> None:
    doc = full_project()
    change(doc)
    with pytest.raises(InputError, match=message):
        parse_project(doc)


def _nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = {"x": value}
    return value


@pytest.mark.parametrize("good", ["a", "acme-pylon", "p.2024_01", "0", "x" * 64, "console"])
def test_valid_project_ids(good: str) -> None:
    assert validate_project_id(good) == good


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "../etc",
        "/abs",
        "a/b",
        "a\\b",
        ".hidden",
        "..",
        "a..b",
        "Upper",
        "con",
        "NUL",
        "com1.txt",
        "x" * 65,
        "end-",
        " a",
        7,
    ],
)
def test_invalid_project_ids_are_refused_with_the_rule(bad: Any) -> None:
    with pytest.raises(InputError) as info:
        validate_project_id(bad)
    assert info.value.problems[0].path == "id"
    assert "lowercase" in info.value.problems[0].allowed


def test_the_workflow_transitions() -> None:
    for old, new in [
        ("draft", "estimating"),
        ("estimating", "submitted"),
        ("submitted", "approved"),
        ("submitted", "rejected"),
        ("rejected", "revised"),
        ("revised", "submitted"),
        ("revised", "estimating"),
        ("approved", "approved"),
    ]:
        check_transition(old, new)
    for old, new in [("draft", "approved"), ("approved", "draft"), ("rejected", "submitted"), ("draft", "revised")]:
        with pytest.raises(InvalidTransition) as info:
            check_transition(old, new)
        assert info.value.problems[0].path == "status"
    assert set(ALLOWED_TRANSITIONS) == set(Status)


def test_unknown_or_missing_schema_versions_are_clear_errors() -> None:
    with pytest.raises(UnknownSchemaVersion, match="newer than this apex-nb understands"):
        migrate({"schema_version": 99}, source="projects/x/project.json")
    with pytest.raises(UnknownSchemaVersion, match=r"projects/x/project\.json: no schema_version"):
        migrate({"name": "x"}, source="projects/x/project.json")
    with pytest.raises(UnknownSchemaVersion, match="positive integer"):
        migrate({"schema_version": "1"})


def test_migrations_run_in_a_chain_up_to_the_current_version() -> None:
    def v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
        out = dict(doc)
        out["customer"] = {"name": out.pop("customer_name")}
        return out

    def v2_to_v3(doc: dict[str, Any]) -> dict[str, Any]:
        return {**doc, "name": doc["name"].strip()}

    chain = {1: v1_to_v2, 2: v2_to_v3}
    migrated = migrate({"schema_version": 1, "customer_name": "ACME", "name": " x "}, current=3, migrations=chain)
    assert migrated == {"schema_version": 3, "customer": {"name": "ACME"}, "name": "x"}
    with pytest.raises(UnknownSchemaVersion, match="no migration from schema_version 2"):
        migrate({"schema_version": 2}, current=3, migrations={1: v1_to_v2})


def test_the_model_is_strict_about_assignment() -> None:
    project = Project(id="p", name="x")
    with pytest.raises(ValueError):
        project.status = "finished"  # type: ignore[assignment]
