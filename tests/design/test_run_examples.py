"""`apex-nb run` solves every bundled example design and prints one summary row each."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_run_solves_every_example(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "apex_nb.cli.main", "run", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    examples = sorted(EXAMPLES.glob("*.json"))
    assert done.returncode == 0, done.stderr
    assert f"{len(examples)} of {len(examples)} examples solved" in done.stdout
    for path in examples:
        title = json.loads(path.read_text())["title"]
        assert title[:34] in done.stdout
        written = tmp_path / f"{path.stem}.envelope.json"
        assert json.loads(written.read_text())["content_sha256"].startswith("sha256-jcs-v1:")


def test_run_reports_a_bad_example_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text(json.dumps({"title": "bad", "solver": "wind.asce7_qz", "inputs": {}}))
    done = subprocess.run(
        [sys.executable, "-m", "apex_nb.cli.main", "run", "--examples", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "INPUT ERROR" in done.stdout and "wind_speed_mph" in done.stdout
