"""ProjectStore in one process: files, etags, CAS, merges, errors, events, attachments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from apex_nb.canonical import content_hash
from apex_nb.errors import InputError
from apex_nb.project import (
    CorruptProjectFile,
    InvalidTransition,
    MergeConflict,
    PreconditionFailed,
    PreconditionRequired,
    ProjectExists,
    ProjectNotFound,
    ProjectStore,
    UnknownSchemaVersion,
)
from apex_nb.project.store import serialize


@pytest.fixture
def store(tmp_path: Path) -> ProjectStore:
    s = ProjectStore(tmp_path)
    s.create("p", {"name": "Pylon", "signs": [{"id": "s1", "inputs": {"h": 10}}]}, who="ann")
    return s


def test_the_file_is_canonical_and_the_etag_is_the_content_hash(store: ProjectStore) -> None:
    raw = store.project_file("p").read_bytes()
    assert raw.endswith(b"}\n") and b"\r" not in raw
    doc = json.loads(raw)
    assert raw == (json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode()
    assert list(doc) == sorted(doc)
    project, etag = store.load("p")
    assert etag == content_hash(doc) and etag.startswith("sha256-jcs-v1:")
    assert project.name == "Pylon"


def test_whitespace_and_key_order_never_change_the_etag(store: ProjectStore) -> None:
    _, etag = store.load("p")
    path = store.project_file("p")
    doc = json.loads(path.read_bytes())
    path.write_text(json.dumps(dict(reversed(list(doc.items()))), indent=7) + "\r\n\n")
    assert store.load("p")[1] == etag


def test_create_is_create_only(store: ProjectStore) -> None:
    with pytest.raises(ProjectExists):
        store.create("p", {"name": "again"})
    assert store.load("p")[0].name == "Pylon"


def test_save_without_if_match_is_refused(store: ProjectStore) -> None:
    project, _ = store.load("p")
    project.name = "blind"
    with pytest.raises(PreconditionRequired):
        store.save("p", project)
    assert store.load("p")[0].name == "Pylon"


def test_save_with_the_current_etag_writes_and_returns_the_new_etag(store: ProjectStore) -> None:
    project, etag = store.load("p")
    project.name = "Pylon B"
    new = store.save("p", project, if_match=etag)
    assert new != etag
    assert store.load("p") == (project, new)
    assert store.save("p", project, if_match=new) == new  # identical content: no-op, same etag
    assert [e.action for e in store.history("p")] == ["create", "save"]


def test_a_stale_save_fails_with_the_current_etag_and_a_clean_merge(store: ProjectStore) -> None:
    base, etag = store.load("p")
    theirs = base.model_copy(deep=True)
    theirs.site.address = "1 Main"
    current = store.save("p", theirs, if_match=etag)
    ours = base.model_copy(deep=True)
    ours.name = "Pylon B"
    with pytest.raises(PreconditionFailed) as info:
        store.save("p", ours, if_match=etag)
    error = info.value
    assert error.current_etag == current and error.expected == etag
    assert error.merge is not None and error.merge.clean
    assert error.merge.merged["name"] == "Pylon B" and error.merge.merged["site"]["address"] == "1 Main"
    assert store.load("p")[1] == current  # nothing written
    merged_etag = store.save("p", ours, if_match=etag, merge=True, who="bob")
    merged, now = store.load("p")
    assert now == merged_etag and merged.name == "Pylon B" and merged.site.address == "1 Main"
    last = store.history("p")[-1]
    assert (last.action, last.who, last.etag_before, last.etag_after) == ("merge", "bob", current, merged_etag)
    assert [c["path"] for c in last.changes] == ["$.name"]


def test_overlapping_edits_list_conflicts_by_path_and_write_nothing(store: ProjectStore) -> None:
    base, etag = store.load("p")
    theirs = base.model_copy(deep=True)
    theirs.signs[0].inputs["h"] = 12
    current = store.save("p", theirs, if_match=etag)
    ours = base.model_copy(deep=True)
    ours.signs[0].inputs["h"] = 14
    ours.name = "also renamed"
    with pytest.raises(MergeConflict) as info:
        store.save("p", ours, if_match=etag, merge=True)
    assert [c.path for c in info.value.conflicts] == ['$.signs[id="s1"].inputs.h']
    assert (info.value.conflicts[0].ours, info.value.conflicts[0].theirs) == (14, 12)
    assert store.load("p")[1] == current
    assert len(store.history("p")) == 2


def test_a_merge_that_breaks_a_rule_is_a_conflict(store: ProjectStore) -> None:
    base, etag = store.load("p")
    theirs = base.to_json()
    theirs["signs"] = []  # they delete the sign...
    store.save("p", theirs, if_match=etag)
    ours = base.to_json()  # ...while we add a design for it
    ours["designs"] = [{"id": "d1", "sign_id": "s1", "envelope_hash": "sha256-jcs-v1:" + "0" * 64}]
    with pytest.raises(MergeConflict, match="unknown sign"):
        store.save("p", ours, if_match=etag, merge=True)


def test_an_unknown_base_gives_no_merge(store: ProjectStore) -> None:
    project, _ = store.load("p")
    with pytest.raises(PreconditionFailed) as info:
        store.save("p", project, if_match="sha256-jcs-v1:" + "f" * 64, merge=True)
    assert info.value.merge is None and "reload" in str(info.value)
    with pytest.raises(InputError):
        store.save("p", project, if_match="not-an-etag")


def test_versions_that_arrive_from_outside_become_merge_bases(store: ProjectStore) -> None:
    path = store.project_file("p")
    doc = json.loads(path.read_bytes())
    doc["name"] = "edited by git pull"
    path.write_bytes(serialize(doc))
    pulled, etag = store.load("p")  # load records the version it read
    assert store.version("p", etag) == doc
    other = pulled.model_copy(deep=True)
    other.customer.name = "ACME"
    store.save("p", other, if_match=etag)
    mine = pulled.model_copy(deep=True)
    mine.site.jurisdiction = "Duluth"
    store.save("p", mine, if_match=etag, merge=True)
    final = store.load("p")[0]
    assert (final.name, final.customer.name, final.site.jurisdiction) == ("edited by git pull", "ACME", "Duluth")
    actions = [e.action for e in store.history("p")]
    assert actions == ["create", "external", "save", "merge"]  # the outside edit was logged on the next save


def test_status_changes_follow_the_workflow(store: ProjectStore) -> None:
    project, etag = store.load("p")
    project.status = "approved"  # type: ignore[assignment]
    with pytest.raises(InvalidTransition, match="cannot go from 'draft' to 'approved'"):
        store.save("p", project, if_match=etag)
    for status in ("estimating", "submitted", "rejected", "revised", "submitted", "approved"):
        project.status = status  # type: ignore[assignment]
        etag = store.save("p", project, if_match=etag)
    assert store.load("p")[0].status == "approved"


def test_the_saved_project_must_keep_its_id(store: ProjectStore) -> None:
    project, etag = store.load("p")
    doc = project.to_json()
    doc["id"] = "other"
    with pytest.raises(InputError, match="id"):
        store.save("p", doc, if_match=etag)


def test_corrupt_files_are_named_and_never_overwritten(store: ProjectStore) -> None:
    _, etag = store.load("p")
    path = store.project_file("p")
    for garbage in (b"", b'{"name": "torn', b"[1, 2]", b'{"a": 1, "a": 2}', b'{"x": NaN}', b"\xff\xfe"):
        path.write_bytes(garbage)
        with pytest.raises(CorruptProjectFile) as info:
            store.load("p")
        assert str(path) in str(info.value)
        with pytest.raises(CorruptProjectFile):
            store.save("p", {"id": "p", "name": "fix"}, if_match=etag)
        assert path.read_bytes() == garbage


def test_a_file_that_fails_the_schema_is_corrupt_too(store: ProjectStore) -> None:
    path = store.project_file("p")
    doc = json.loads(path.read_bytes())
    doc["site"]["lat"] = 500
    path.write_bytes(serialize(doc))
    with pytest.raises(CorruptProjectFile, match=r"site\.lat"):
        store.load("p")


def test_an_unknown_schema_version_is_a_clear_error(store: ProjectStore) -> None:
    path = store.project_file("p")
    doc = json.loads(path.read_bytes())
    doc["schema_version"] = 7
    path.write_bytes(serialize(doc))
    with pytest.raises(UnknownSchemaVersion, match=r"project\.json: schema_version 7 is newer"):
        store.load("p")


def test_size_limits(tmp_path: Path) -> None:
    small = ProjectStore(tmp_path, max_project_bytes=2000, max_attachment_bytes=10)
    with pytest.raises(InputError, match="bytes"):
        small.create("big", {"name": "x", "notes": [{"id": "n", "text": "y" * 5000}]})
    assert not small.project_file("big").exists()
    small.create("ok", {"name": "x"})
    with pytest.raises(InputError, match="attachment"):
        small.put_attachment("ok", b"0123456789A")
    small.project_file("ok").write_bytes(b" " * 3000)
    with pytest.raises(CorruptProjectFile, match="exceeds the limit"):
        small.load("ok")


def test_ids_are_validated_before_any_path_is_built(tmp_path: Path) -> None:
    store = ProjectStore(tmp_path / "root")
    for bad in ("../escape", "/etc", "aux"):
        with pytest.raises(InputError):
            store.create(bad, {"name": "x"})
    assert not (tmp_path / "escape").exists()
    with pytest.raises(ProjectNotFound):
        store.load("missing")
    with pytest.raises(ProjectNotFound):
        store.save("missing", {"id": "missing", "name": "x"}, if_match="sha256-jcs-v1:" + "0" * 64)
    with pytest.raises(ProjectNotFound):
        store.history("missing")


def test_list_ids(tmp_path: Path) -> None:
    store = ProjectStore(tmp_path)
    assert store.list_ids() == []
    for pid in ("b", "a"):
        store.create(pid, {"name": pid})
    (store.projects_dir / "Not-An-Id").mkdir()
    (store.projects_dir / "empty").mkdir()
    assert store.list_ids() == ["a", "b"]


def test_the_event_log_records_who_what_and_etags(store: ProjectStore) -> None:
    project, etag = store.load("p")
    project.name = "Pylon B"
    project.signs[0].inputs["h"] = 11
    new = store.save("p", project, if_match=etag, who="carl")
    lines = store.events("p").path.read_text().splitlines()
    assert len(lines) == 2
    create, save = (json.loads(line) for line in lines)
    assert (create["action"], create["who"], create["etag_before"], create["etag_after"]) == (
        "create",
        "ann",
        None,
        etag,
    )
    assert (save["who"], save["etag_before"], save["etag_after"]) == ("carl", etag, new)
    assert save["changes"] == [
        {"op": "replace", "path": "$.name", "old": "Pylon", "new": "Pylon B"},
        {"op": "replace", "path": '$.signs[id="s1"].inputs.h', "old": 10, "new": 11},
    ]
    assert save["at"].endswith("Z")


def test_a_torn_last_event_line_is_skipped_and_repaired(store: ProjectStore) -> None:
    log = store.events("p")
    with open(log.path, "ab") as handle:
        handle.write(b'{"action": "save", "etag_')
    events, bad = log.read_checked()
    assert len(events) == 1 and bad == [2]
    assert log.last() is not None and log.last().action == "create"
    project, etag = store.load("p")
    project.name = "after a crash"
    store.save("p", project, if_match=etag)
    events, bad = log.read_checked()
    assert [e.action for e in events] == ["create", "save"] and bad == [2]


def test_attachments_are_stored_by_content_hash(store: ProjectStore) -> None:
    digest = store.put_attachment("p", b"site photo")
    assert store.put_attachment("p", b"site photo") == digest
    path = store.attachment_path("p", digest)
    assert path.parent.name == "attachments" and path.name == digest
    assert store.read_attachment("p", digest) == b"site photo"
    path.write_bytes(b"tampered")
    with pytest.raises(CorruptProjectFile, match="does not match"):
        store.read_attachment("p", digest)


def test_gitignore_keeps_local_state_out_of_git(store: ProjectStore) -> None:
    ignore = (store.project_dir("p") / ".gitignore").read_text().split()
    assert {".lock", ".versions/", ".tmp-*"} <= set(ignore)


def test_prune_versions_keeps_the_newest_and_the_current(store: ProjectStore) -> None:
    project, etag = store.load("p")
    for i in range(5):
        project.name = f"v{i}"
        etag = store.save("p", project, if_match=etag)
    assert store.prune_versions("p", keep=2) == 4
    assert store.version("p", etag) is not None
    assert len(list((store.project_dir("p") / ".versions").glob("*.json"))) == 2
