"""Saving an envelope into a project: idempotent, conflicts shown, merge offered."""

from __future__ import annotations

from pathlib import Path

from apex_nb.widgets.project_panel import ProjectPanel, ProjectSession, conflicts_html

import apex_nb
from apex_nb.project import ProjectStore

QZ = {"edition": "7-16", "wind_speed_mph": 115.0, "exposure": "C", "height_ft": 15.0}


def test_save_is_idempotent_and_keeps_the_envelope(tmp_path: Path) -> None:
    env = apex_nb.solve("wind.asce7_qz", QZ)
    session = ProjectSession(tmp_path)
    session.create("job-1", "Job 1")
    assert session.save_envelope(env).status == "saved"
    assert session.save_envelope(env).status == "saved"
    project, _ = ProjectStore(tmp_path).load("job-1")
    assert len(project.designs) == 1 and project.designs[0].envelope_hash == env.content_sha256
    assert project.signs[0].inputs == env.inputs


def test_concurrent_edit_elsewhere_offers_a_clean_merge(tmp_path: Path) -> None:
    env = apex_nb.solve("wind.asce7_qz", QZ)
    store = ProjectStore(tmp_path)
    store.create("job-2", {"name": "Job 2"})
    session = ProjectSession(tmp_path)
    session.open("job-2")
    other, etag = store.load("job-2")
    other.customer.name = "ACME"  # someone else saves a different field meanwhile
    store.save("job-2", other, if_match=etag)
    outcome = session.save_envelope(env)
    assert outcome.status == "merge_offered"
    assert session.merge_and_save().status == "saved"
    merged, _ = store.load("job-2")
    assert merged.customer.name == "ACME" and len(merged.designs) == 1


def test_conflict_is_listed_and_keep_mine_saves(tmp_path: Path) -> None:
    env = apex_nb.solve("wind.asce7_qz", QZ)
    store = ProjectStore(tmp_path)
    store.create("job-3", {"name": "Job 3"})
    panel = ProjectPanel(tmp_path, lambda: env)
    panel.picker.value = "job-3"
    mine = panel.session.project.to_json()
    theirs, etag = store.load("job-3")
    theirs.name = "Theirs"
    store.save("job-3", theirs, if_match=etag)
    mine["name"] = "Mine"
    outcome = panel.session._save(mine)
    panel._show(outcome)
    assert outcome.status == "conflict" and outcome.conflicts[0].path == "$.name"
    assert "Theirs" in panel.conflict_html.value and "Mine" in panel.conflict_html.value
    assert panel.conflict_box.layout.display == "flex"
    assert "$.name" in conflicts_html(outcome.conflicts)
    assert panel.session.keep_mine().status == "saved"
    assert store.load("job-3")[0].name == "Mine"


def test_panel_save_without_a_project_is_a_message(tmp_path: Path) -> None:
    panel = ProjectPanel(tmp_path, lambda: None)
    panel._save()
    assert "not valid" in panel.status.value
