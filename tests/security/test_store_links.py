"""The project store never follows links (issue 14, finding 3) and a bad event line never blocks.

Real symbolic links (and one hard link) in a real store, and a link delivered by a real
``git clone``: every operation that would read or write through them is refused with
``UnsafePath`` naming the path, and nothing outside the store root changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from apex_nb.project import ProjectStore
from apex_nb.project.safefs import UnsafePath

APEX = [sys.executable, "-m", "apex_nb.cli.main"]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (links not followed) with the sha256 of its bytes."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            out[str(path)] = "link->" + os.readlink(path)
        elif path.is_file():
            out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            out[str(path)] = "dir"
    return out


@pytest.fixture
def world(tmp_path: Path) -> tuple[ProjectStore, Path]:
    """A store with project p1, and an 'outside' folder holding files an attacker aims at."""
    root = tmp_path / "store"
    root.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.txt").write_text("do not touch\n")
    (outside / "project.json").write_text(json.dumps({"id": "p1", "name": "outside", "schema_version": 1}))
    store = ProjectStore(root)
    store.create("p1", {"name": "Real"}, who="t")
    return store, outside


def _save(store: ProjectStore, project_id: str = "p1") -> None:
    project, etag = store.load(project_id)
    project.name = project.name + " rev"
    store.save(project_id, project, if_match=etag, who="t")


LINKED = {
    # what to replace by a link -> the operation that must refuse it
    "project folder (create)": ("projects/p2", "dir", lambda s: s.create("p2", {"name": "x"}, who="t")),
    "project folder (load)": ("projects/p2", "dir", lambda s: s.load("p2")),
    "projects/ folder": ("projects", "dir", lambda s: s.create("p3", {"name": "x"}, who="t")),
    "project.json (load)": ("projects/p1/project.json", "project.json", lambda s: s.load("p1")),
    "events.jsonl (save)": ("projects/p1/events.jsonl", "victim.txt", _save),
    "events.jsonl (history)": ("projects/p1/events.jsonl", "victim.txt", lambda s: s.history("p1")),
    ".lock (save)": ("projects/p1/.lock", "victim.txt", _save),
    ".versions/ (save)": ("projects/p1/.versions", "dir", _save),
    "attachments/ (put)": ("projects/p1/attachments", "dir", lambda s: s.put_attachment("p1", b"data")),
    "attachment file (read)": (
        f"projects/p1/attachments/{hashlib.sha256(b'victim').hexdigest()}",
        "victim.txt",
        lambda s: s.read_attachment("p1", hashlib.sha256(b"victim").hexdigest()),
    ),
}


@pytest.mark.parametrize("case", sorted(LINKED))
def test_a_link_anywhere_in_the_store_is_refused_and_nothing_outside_changes(
    case: str, world: tuple[ProjectStore, Path]
) -> None:
    store, outside = world
    relative, target_kind, operation = LINKED[case]
    link = store.root / relative
    if link.is_dir() and not link.is_symlink():
        os.rename(link, link.with_name(link.name + ".moved"))
    elif link.exists():
        link.unlink()
    link.parent.mkdir(parents=True, exist_ok=True)
    target = outside if target_kind == "dir" else outside / target_kind
    link.symlink_to(target)
    before = snapshot(outside)
    operation_fn: Callable[[ProjectStore], object] = operation
    with pytest.raises(UnsafePath, match="symbolic link") as caught:
        operation_fn(store)
    assert str(link) in str(caught.value)
    assert snapshot(outside) == before


def test_hard_linked_event_log_is_not_appended_to(world: tuple[ProjectStore, Path]) -> None:
    store, outside = world
    log = store.root / "projects/p1/events.jsonl"
    log.unlink()
    os.link(outside / "victim.txt", log)
    with pytest.raises(UnsafePath, match="hard links"):
        _save(store)
    assert (outside / "victim.txt").read_text() == "do not touch\n"


def test_a_fifo_is_refused_instead_of_blocking(world: tuple[ProjectStore, Path]) -> None:
    store, _ = world
    path = store.root / "projects/p1/project.json"
    path.unlink()
    os.mkfifo(path)
    with pytest.raises(UnsafePath, match="regular file"):
        store.load("p1")


def test_list_skips_linked_projects(world: tuple[ProjectStore, Path]) -> None:
    store, outside = world
    evil = outside / "evil"
    evil.mkdir()
    (evil / "project.json").write_text(json.dumps({"id": "evil", "name": "x", "schema_version": 1}))
    (store.root / "projects/evil").symlink_to(evil)
    assert store.list_ids() == ["p1"]
    projects = store.root / "projects"
    projects.rename(store.root / "real-projects")
    projects.symlink_to(store.root / "real-projects")
    with pytest.raises(UnsafePath, match="symbolic link"):
        store.list_ids()


def git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(cwd)}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def test_git_delivered_links_are_refused_by_the_cli(tmp_path: Path) -> None:
    """A repository whose commit holds links (a project folder and an event log pointing outside)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.txt").write_text("do not touch\n")
    upstream = tmp_path / "upstream"
    (upstream / "projects" / "good").mkdir(parents=True)
    git(upstream, "init", "-q", "-b", "main")
    git(upstream, "config", "user.name", "T")
    git(upstream, "config", "user.email", "t@example.invalid")
    os.symlink("../../outside", upstream / "projects" / "evil")  # relative: valid after the clone too
    os.symlink("../../../outside/victim.txt", upstream / "projects" / "good" / "events.jsonl")
    (upstream / "projects" / "good" / "project.json").write_text(
        json.dumps({"id": "good", "name": "Good", "schema_version": 1}, indent=2) + "\n"
    )
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "links")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(upstream), str(clone))
    assert (clone / "projects" / "evil").is_symlink()  # git delivered the links
    before = snapshot(outside)
    env = {**os.environ, "APEX_NB_USER": "attacker-target"}
    new = subprocess.run([*APEX, "project", "new", "evil", "--name", "$(touch pwned)", "--root", str(clone)],
                         capture_output=True, text=True, env=env, check=False)  # fmt: skip
    assert new.returncode == 1 and "symbolic link" in new.stderr and "Traceback" not in new.stderr
    edit = subprocess.run([*APEX, "project", "set", "good", "name=Other", "--root", str(clone)],
                          capture_output=True, text=True, env=env, check=False)  # fmt: skip
    assert edit.returncode == 1 and "symbolic link" in edit.stderr and "events.jsonl" in edit.stderr
    assert snapshot(outside) == before
    assert not (outside / "project.json").exists()


def test_a_bad_event_line_is_reported_by_number_and_never_blocks_a_save(
    world: tuple[ProjectStore, Path],
) -> None:
    store, _ = world
    log = store.root / "projects/p1/events.jsonl"
    with log.open("a", encoding="utf-8") as handle:
        handle.write('{"at": "x", "changes_total": "many", "etag_after": "e"}\n')  # badly typed
        handle.write('{"changes": 5}\n')
        handle.write("[1, 2]\n")
        handle.write('{"at": 3}\n')
    _save(store)  # a save appends after the bad lines (and reads the last event first)
    _save(store)
    events, bad = store.history_checked("p1")
    assert bad == [2, 3, 4, 5]
    assert [e.action for e in events] == ["create", "save", "save"]
    done = subprocess.run([*APEX, "project", "history", "p1", "--root", str(store.root)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "line 2 is not a readable event" in done.stderr and "line 5" in done.stderr
    assert done.stdout.count(" save ") == 2


def test_a_bad_last_event_line_does_not_block_a_save(world: tuple[ProjectStore, Path]) -> None:
    store, _ = world
    log = store.root / "projects/p1/events.jsonl"
    with log.open("a", encoding="utf-8") as handle:
        handle.write('{"action": "save", "changes": [1, 2], "etag_after": "x"}\n')
    _save(store)
    assert store.history("p1")[-1].action == "save"
