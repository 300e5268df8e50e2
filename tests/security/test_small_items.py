"""The smaller findings of issue 14 (finding 7): deep JSON, many invalid rows, app flags, parameters."""

from __future__ import annotations

import csv
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from apex_nb.app_server import TOKEN_ENV, AppSettings, voila_command
from apex_nb.batch.site import SiteScope
from apex_nb.cli.main import main
from apex_nb.errors import InputError
from apex_nb.notebook import ParameterScope
from apex_nb.solvers.wind.asce7_qz import QzInput

REPO = Path(__file__).resolve().parents[2]
APEX = [sys.executable, "-m", "apex_nb.cli.main"]


def deep_object(depth: int, leaf: object) -> str:
    return '{"a":' * depth + json.dumps(leaf) + "}" * depth


def test_100000_deep_json_input_exits_2_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text(deep_object(100_000, 1))
    done = subprocess.run([*APEX, "solve", "wind.asce7_qz", "-i", str(path)], capture_output=True, text=True)
    assert done.returncode == 2
    assert "--input" in done.stderr and "nested too deeply" in done.stderr
    assert "Traceback" not in done.stderr


def test_merge_driver_with_two_600_deep_sides_reports_instead_of_crashing(tmp_path: Path) -> None:
    base = {"id": "p1", "name": "x", "schema_version": 1}
    (tmp_path / "base.json").write_text(json.dumps(base))
    ours, theirs = tmp_path / "ours.json", tmp_path / "theirs.json"
    head = '{"id": "p1", "name": "x", "schema_version": 1, "notes": '
    ours.write_text(head + deep_object(600, 1) + "}")
    theirs.write_text(head + deep_object(600, 2) + "}")
    before = ours.read_bytes()
    done = subprocess.run(
        [*APEX, "project", "merge-driver", str(tmp_path / "base.json"), str(ours), str(theirs), "p/project.json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr  # unreadable: git leaves the conflict to the user
    assert "nested" in done.stderr and "Traceback" not in done.stderr
    assert ours.read_bytes() == before  # %A left alone


def test_100000_invalid_batch_rows_are_reported_quickly(tmp_path: Path) -> None:
    """Issue 14: 249 s before the JSON schema was cached; the issue asks for under 20 s."""
    sheet = (REPO / "examples" / "portfolio.csv").read_text().splitlines()
    header, row = sheet[0].split(","), sheet[1].split(",")
    speed = header.index("wind_speed_mph")
    path = tmp_path / "bad.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for number in range(100_000):
            writer.writerow([f"S{number}", *row[1:speed], "-5", *row[speed + 1 :]])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(
        [*APEX, "batch", str(path), "--out", str(tmp_path / "out"), "--engine", "inprocess", "--quiet"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    elapsed = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert done.returncode == 2
    assert "100000 problem(s)" in done.stderr and "row 100001 (S99999), wind_speed_mph" in done.stderr
    # CPU seconds, not wall time: on the shared 2-core machine the wall clock measures the neighbours
    # (4.6 s wall unloaded, 22 s at load average 14, measured 2026-12-04).
    assert cpu_s < 20.0, f"{cpu_s:.1f} CPU s ({elapsed:.1f} s wall)"


def test_insecure_network_flag_is_gone_and_open_binds_need_a_token(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["app", "--host", "0.0.0.0", "--allow-insecure-network", "--print-command"])
    assert caught.value.code == 2
    assert "unrecognized arguments: --allow-insecure-network" in capsys.readouterr().err
    assert main(["app", "--host", "0.0.0.0", "--print-command"]) == 2
    assert "--token" in capsys.readouterr().err
    assert "allow-insecure-network" not in (REPO / "README.md").read_text()
    apps = (REPO / "docs" / "APPS.md").read_text()
    assert "no override (the former `--allow-insecure-network` is gone)" in apps
    assert apps.count("allow-insecure-network") == 1


@pytest.mark.parametrize("token", [" ", "", "   \t", "short", "has space in it"])
def test_blank_or_weak_tokens_are_refused(token: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["app", "--token", token, "--print-command"]) == 2
    assert "--token" in capsys.readouterr().err


def test_token_file_and_environment_are_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("file-token-123456\n")
    assert main(["app", "--host", "0.0.0.0", "--token-file", str(token_file), "--print-command"]) == 0
    assert "file-token-123456" not in capsys.readouterr().out
    token_file.write_text("  \n")
    assert main(["app", "--token-file", str(token_file), "--print-command"]) == 2


def test_token_travels_in_the_environment_never_on_the_command_line() -> None:
    argv, env = voila_command(AppSettings(host="0.0.0.0", token="sekret-token-value-42"))
    assert not any("sekret-token-value-42" in part for part in argv)
    assert env[TOKEN_ENV] == "sekret-token-value-42"
    argv, env = voila_command(AppSettings())
    assert TOKEN_ENV not in env


def test_a_parameter_that_rebinds_an_existing_name_is_validated() -> None:
    """``papermill -p SiteScope 1`` / ``-p ParameterScope 1`` used to skip validation."""
    namespace: dict[str, object] = {"SiteScope": SiteScope, "ParameterScope": ParameterScope, "os": os}
    scope = SiteScope(namespace)
    namespace.update(solver="wind.asce7_qz", envelope_path="e.json",
                     inputs_json=json.dumps({"edition": "7-16", "wind_speed_mph": 115, "exposure": "C",
                                             "height_ft": 30}))  # fmt: skip
    namespace["SiteScope"] = 1
    with pytest.raises(InputError, match="SiteScope: unknown parameter"):
        scope.validate()
    namespace2: dict[str, object] = {"ParameterScope": ParameterScope, "height_ft": 30}
    scope2 = ParameterScope(namespace2)
    namespace2.update(ParameterScope=1, edition="7-16", wind_speed_mph=115, exposure="C")
    with pytest.raises(InputError, match="ParameterScope: unknown parameter"):
        scope2.validate(QzInput)
    namespace2["ParameterScope"] = ParameterScope
    namespace2["height_ft"] = 1e9  # a parameter reusing an existing data name is validated too
    with pytest.raises(InputError, match="height_ft"):
        scope2.validate(QzInput)


def test_the_token_is_not_visible_in_ps(tmp_path: Path) -> None:
    """A real ``apex-nb app`` with a token from the environment: no process shows it in ps."""
    sys.path.insert(0, str(REPO / "tests" / "browser"))
    from browser_support import start_app

    secret = "ps-visible-token-" + os.urandom(4).hex()
    os.environ[TOKEN_ENV] = secret
    try:
        server = start_app(tmp_path, "--pool-size", "0", "--max-kernels", "2")
    finally:
        del os.environ[TOKEN_ENV]
    try:
        listing = subprocess.run(["ps", "-eo", "pid,args", "--width", "100000"], capture_output=True, text=True)
        assert "apex_nb.widgets.voila_server" in listing.stdout  # the server is running
        assert secret not in listing.stdout
    finally:
        server.stop()
