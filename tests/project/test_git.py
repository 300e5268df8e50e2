"""Real git repositories: the merge driver through ``git merge``, and install-git."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("apex-nb")
APEX = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "apex_nb.cli.main"]


def run(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "APEX_NB_USER": "tester", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(cwd.parent)}
    env.pop("APEX_NB_ROOT", None)
    done = subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, env=env, check=False)
    if check and done.returncode != 0:
        raise AssertionError(f"{args} exited {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done


def apex(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return run(cwd, *APEX, *args, check=check)


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return run(cwd, "git", *args, check=check)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repo on branch main with project p1 committed and the driver installed."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.com")
    apex(root, "project", "new", "p1", "--name", "Pylon", "--address", "1 Main")
    apex(root, "project", "install-git")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "p1")
    return root


def project(root: Path) -> dict:
    return json.loads((root / "projects/p1/project.json").read_text())


def commit_edit(root: Path, branch: str, *edits: str) -> None:
    git(root, "checkout", "-q", "-B", branch, "main")
    apex(root, "project", "set", "p1", *edits)
    git(root, "commit", "-q", "-am", f"{branch}: {' '.join(edits)}")


def test_install_git_writes_attributes_and_config_once(repo: Path) -> None:
    attributes = (repo / ".gitattributes").read_text().splitlines()
    assert "projects/*/project.json merge=apex-nb-project" in attributes
    assert "projects/*/events.jsonl merge=union" in attributes
    driver = git(repo, "config", "merge.apex-nb-project.driver").stdout
    assert "project merge-driver %O %A %B %P" in driver
    apex(repo, "project", "install-git")
    assert (repo / ".gitattributes").read_text().splitlines() == attributes
    # local state is not tracked; project, log and ignore file are
    tracked = set(git(repo, "ls-files").stdout.split())
    assert tracked == {
        ".gitattributes",
        "projects/p1/.gitignore",
        "projects/p1/events.jsonl",
        "projects/p1/project.json",
    }


def test_branches_editing_different_fields_merge_cleanly(repo: Path) -> None:
    commit_edit(repo, "rename", "name=Pylon B", 'notes[id=n-a]:={"text": "from rename"}')
    commit_edit(repo, "move", "site.address=2 Main", 'notes[id=n-b]:={"text": "from move"}')
    done = git(repo, "merge", "--no-edit", "rename", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    merged = project(repo)
    assert (merged["name"], merged["site"]["address"]) == ("Pylon B", "2 Main")
    assert [n["id"] for n in merged["notes"]] == ["n-b", "n-a"]  # ours first, both kept
    raw = (repo / "projects/p1/project.json").read_text()
    assert raw == json.dumps(merged, sort_keys=True, indent=2) + "\n"  # still canonical
    events = [json.loads(line) for line in (repo / "projects/p1/events.jsonl").read_text().splitlines()]
    assert [e["action"] for e in events].count("save") == 2  # both branches' events survive (union)
    show = apex(repo, "project", "show", "p1")
    assert json.loads(show.stdout)["name"] == "Pylon B"
    # the next save after the merge records the merge as an outside change, then the edit
    apex(repo, "project", "set", "p1", "status=estimating")
    history = apex(repo, "project", "history", "p1").stdout
    assert "external" in history and "$.status" in history


def test_the_same_field_on_both_branches_is_a_conflict_by_path(repo: Path) -> None:
    commit_edit(repo, "theirs", "site.address=3 Theirs St", "name=Pylon T")
    commit_edit(repo, "ours", "site.address=2 Ours St", "customer.name=ACME")
    done = git(repo, "merge", "--no-edit", "theirs", check=False)
    assert done.returncode != 0
    output = done.stdout + done.stderr
    assert "$.site.address" in output and "2 Ours St" in output and "3 Theirs St" in output
    assert "$.name" not in output  # only the overlapping field conflicts
    assert "projects/p1/project.json" in git(repo, "diff", "--name-only", "--diff-filter=U").stdout
    left = project(repo)  # valid JSON: the merge with ours at the conflicting path
    assert (left["site"]["address"], left["name"], left["customer"]["name"]) == ("2 Ours St", "Pylon T", "ACME")


def test_the_driver_protocol_directly(tmp_path: Path) -> None:
    base = {"schema_version": 1, "id": "p", "name": "A", "site": {"address": "1"}}
    files = {}
    for name, doc in {"O": base, "A": {**base, "name": "B"}, "B": {**base, "site": {"address": "2"}}}.items():
        files[name] = tmp_path / name
        files[name].write_text(json.dumps(doc))
    done = apex(tmp_path, "project", "merge-driver", *(str(files[n]) for n in "OAB"), "x/project.json", check=False)
    assert done.returncode == 0, done.stderr
    merged = json.loads(files["A"].read_text())
    assert (merged["name"], merged["site"]["address"], merged["status"]) == ("B", "2", "draft")

    files["B"].write_text("{not json")
    before = files["A"].read_bytes()
    done = apex(tmp_path, "project", "merge-driver", *(str(files[n]) for n in "OAB"), check=False)
    assert done.returncode == 2 and "not valid JSON" in done.stderr
    assert files["A"].read_bytes() == before  # %A left alone when a side is unreadable
