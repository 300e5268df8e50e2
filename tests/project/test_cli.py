"""``apex-nb project ...`` through the real argument parser (in process, for speed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from apex_nb.cli.main import main
from apex_nb.project import ProjectStore


def cli(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = main(["project", args[0], "--root", str(root), "--who", "cli-test", *args[1:]])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_list_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(
        capsys, tmp_path, "new", "acme", "--name", "ACME pylon", "--customer", "ACME",
        "--lat", "46.8", "--lon", "-92.1", "--jurisdiction", "Duluth", "--code", "ASCE 7=7-22",
    )  # fmt: skip
    assert code == 0 and "sha256-jcs-v1:" in out
    project, etag = ProjectStore(tmp_path).load("acme")
    assert (project.customer.name, project.site.lat, project.site.code_editions) == ("ACME", 46.8, {"ASCE 7": "7-22"})
    assert cli(capsys, tmp_path, "list")[1].split() == ["acme", "draft", "ACME", "pylon"]
    code, out, _ = cli(capsys, tmp_path, "show", "acme")
    assert json.loads(out)["name"] == "ACME pylon"
    assert cli(capsys, tmp_path, "show", "acme", "--etag")[1].strip() == etag


def test_set_strings_json_values_items_and_unset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli(capsys, tmp_path, "new", "p", "--name", "x", "--code", "IBC=2021")
    code, _, err = cli(
        capsys, tmp_path, "set", "p", "name=Pylon = B", "customer.phone=5551234", "site.lat:=45.5", "site.lon:=-93",
        'signs[id=s1]:={"name": "main", "inputs": {"height_ft": 24}}', "--unset", 'site.code_editions["IBC"]',
    )  # fmt: skip
    assert code == 0, err
    project = ProjectStore(tmp_path).load("p")[0]
    assert (project.name, project.customer.phone, project.site.lat) == ("Pylon = B", "5551234", 45.5)
    assert project.signs[0].inputs == {"height_ft": 24} and project.site.code_editions == {}
    assert cli(capsys, tmp_path, "set", "p", 'signs[id="s1"].inputs.height_ft:=30')[0] == 0
    assert ProjectStore(tmp_path).load("p")[0].signs[0].inputs["height_ft"] == 30


def test_set_errors_exit_2_with_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli(capsys, tmp_path, "new", "p", "--name", "x")
    code, _, err = cli(capsys, tmp_path, "set", "p", "status=approved")
    assert code == 2 and "cannot go from 'draft' to 'approved'" in err
    code, _, err = cli(capsys, tmp_path, "set", "p", "site.lat:=north")
    assert code == 2 and "site.lat" in err
    code, _, err = cli(capsys, tmp_path, "set", "p", "nosuch.key=1")
    assert code == 2 and "$.nosuch does not exist" in err
    code, _, err = cli(capsys, tmp_path, "new", "../evil", "--name", "x")
    assert code == 2 and "not a valid project id" in err


def test_set_if_match_fails_on_a_newer_file_unless_the_merge_is_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, tmp_path, "new", "p", "--name", "x")
    old = cli(capsys, tmp_path, "show", "p", "--etag")[1].strip()
    cli(capsys, tmp_path, "set", "p", "name=theirs")
    code, _, err = cli(capsys, tmp_path, "set", "p", "customer.name=ACME", "--if-match", old)
    assert code == 1 and "changed since you loaded it" in err and "merge=True" in err
    code, _, err = cli(capsys, tmp_path, "set", "p", "name=mine", "--if-match", old, "--merge")
    assert code == 1 and "$.name" in err
    code, _, err = cli(capsys, tmp_path, "set", "p", "customer.name=ACME", "--if-match", old, "--merge")
    assert code == 0, err
    project = ProjectStore(tmp_path).load("p")[0]
    assert (project.name, project.customer.name) == ("theirs", "ACME")


def test_diff_and_history(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli(capsys, tmp_path, "new", "p", "--name", "x")
    first = cli(capsys, tmp_path, "show", "p", "--etag")[1].strip()
    cli(capsys, tmp_path, "set", "p", "name=y", "status=estimating")
    assert cli(capsys, tmp_path, "diff", "p")[1].splitlines() == [
        '~ $.name: "x" -> "y"',
        '~ $.status: "draft" -> "estimating"',
    ]
    cli(capsys, tmp_path, "set", "p", "name=z")
    assert cli(capsys, tmp_path, "diff", "p", first)[1].splitlines()[0] == '~ $.name: "x" -> "z"'
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"schema_version": 1, "id": "p", "name": "q"}))
    assert '~ $.name: "z" -> "q"' in cli(capsys, tmp_path, "diff", "p", "current", str(other))[1]
    out = cli(capsys, tmp_path, "history", "p")[1]
    assert out.count("cli-test") == 3 and 'replace $.status: "draft" -> "estimating"' in out
    lines = cli(capsys, tmp_path, "history", "p", "--json", "--limit", "1")[1].splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["changes"][0]["new"] == "z"


def test_attach(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli(capsys, tmp_path, "new", "p", "--name", "x")
    photo = tmp_path / "site photo.jpg"
    photo.write_bytes(b"\xff\xd8 jpeg bytes")
    code, _, _ = cli(capsys, tmp_path, "attach", "p", str(photo))
    assert code == 0
    store = ProjectStore(tmp_path)
    attachment = store.load("p")[0].attachments[0]
    assert (attachment.id, attachment.media_type, attachment.size) == ("site-photo.jpg", "image/jpeg", 13)
    assert store.read_attachment("p", attachment.sha256) == photo.read_bytes()
    assert "already attached" in cli(capsys, tmp_path, "attach", "p", str(photo))[1]


def test_a_corrupt_project_is_reported_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cli(capsys, tmp_path, "new", "p", "--name", "x")
    path = ProjectStore(tmp_path).project_file("p")
    path.write_text("<<<<<<< HEAD")
    code, _, err = cli(capsys, tmp_path, "show", "p")
    assert code == 1 and str(path) in err and "not valid JSON" in err
    assert "UNREADABLE" in cli(capsys, tmp_path, "list")[1]
