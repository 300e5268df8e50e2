"""Every notebook executed by papermill with parameters; assertions on the JSON the run wrote."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import papermill as pm
import pytest
from apex_nb.widgets.app import SolverApp

import apex_nb
from apex_nb.envelope import Envelope
from apex_nb.project import ProjectStore

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"


pytestmark = pytest.mark.slow

QZ = {"edition": "7-16", "wind_speed_mph": 115.0, "exposure": "C", "height_ft": 15.0}
QUOTE = {
    "sign_type": "pole",
    "sign_width_ft": 10.0,
    "sign_height_ft": 5.0,
    "top_height_ft": 22.0,
    "wind_speed_mph": 120.0,
    "exposure": "C",
    "soil_class": 4,
    "edition": "7-16",
    "post_count": 1,
}


def test_verification_notebook_passes_every_example(run_notebook, tmp_path: Path) -> None:
    results = tmp_path / "verification.json"
    run_notebook("verification", {"results_path": str(results)})
    data = json.loads(results.read_text())
    assert data["summary"]["fail"] == 0 and data["summary"]["error"] == 0
    assert data["summary"]["pass"] >= 9
    qz = {(r["id"], r["key"]): r for r in data["rows"]}
    assert qz[("qz-7-10-D-155mph-20ft", "qz_psf")]["actual"] == pytest.approx(56.62, rel=5e-4)


def test_design_notebook_matches_an_interactive_run(run_notebook, tmp_path: Path) -> None:
    """Same inputs: papermill run, direct solve and the interactive form give one content hash."""
    out = tmp_path / "env.json"
    report = tmp_path / "report.html"
    run_notebook(
        "design_sign",
        {
            "solver": "wind.asce7_qz",
            "inputs": QZ,
            "compare_editions": ["7-10", "7-16"],
            "envelope_path": str(out),
            "report_path": str(report),
            "project_dir": str(tmp_path),
            "project_id": "papermill-job",
        },
    )
    envelope = Envelope.from_json(out.read_text())
    envelope.verify()
    assert envelope.result["qz_psf"] == pytest.approx(24.461, rel=1e-4)
    direct = apex_nb.solve("wind.asce7_qz", QZ)
    app = SolverApp("wind.asce7_qz", {**QZ, "height_ft": 40.0}, show_drawings=False)
    app.form.set_values({"height_ft": 15.0})  # an engineer typing the same inputs
    assert envelope.content_sha256 == direct.content_sha256 == app.envelope.content_sha256
    assert envelope.content_sha256 in report.read_text()
    project, _ = ProjectStore(tmp_path).load("papermill-job")
    assert project.designs[0].envelope_hash == envelope.content_sha256


@pytest.mark.parametrize(
    ("parameters", "named"),
    [
        ({"solver": "wind.asce7_qz", "inputs": QZ, "colour": "red"}, "colour"),
        ({"solver": "wind.asce7_qz", "inputs": {**QZ, "height_ft": -1.0}}, "inputs.height_ft"),
        ({"solver": "no.such.solver", "inputs": {}}, "solver"),
    ],
)
def test_design_notebook_fails_fast_on_bad_parameters(run_notebook, parameters, named) -> None:
    with pytest.raises(pm.PapermillExecutionError) as info:
        run_notebook("design_sign", {**parameters, "interactive": False})
    assert info.value.ename == "InputError"
    assert named in info.value.evalue and "notebook parameters" in info.value.evalue
    assert info.value.exec_count <= 4  # it failed at the validation cell, before any solve


@pytest.mark.parametrize(
    ("parameters", "named"),
    [({"sign_width_ft": 100.0}, "sign_width_ft"), ({"sign_colour": "red"}, "sign_colour")],
)
def test_quick_quote_notebook_fails_fast_on_bad_parameters(run_notebook, parameters, named) -> None:
    with pytest.raises(pm.PapermillExecutionError) as info:
        run_notebook("quick_quote", parameters)
    assert info.value.ename == "InputError" and named in info.value.evalue


def test_quick_quote_notebook_writes_a_quote(run_notebook, tmp_path: Path) -> None:
    out = tmp_path / "quote.json"
    run_notebook(
        "quick_quote",
        {**QUOTE, "envelope_path": str(out), "project_dir": str(tmp_path), "project_id": "quote-job"},
    )
    envelope = Envelope.from_json(out.read_text())
    envelope.verify()
    assert envelope.solver.name == "design.quick_quote"
    assert envelope.content_sha256 == apex_nb.solve("design.quick_quote", QUOTE).content_sha256
    result = envelope.result
    assert result["post_label"] and result["post_count"] == 1
    assert result["footing_diameter_ft"] > 0 and result["footing_depth_ft"] > 0 and result["concrete_yd3"] > 0
    assert result["price_total_usd"] > 0
    direct = sum(line["amount_usd"] for line in result["price_lines"])
    assert 0 < direct <= result["price_total_usd"]  # the total adds overhead and margin to marked-up lines
    assert isinstance(result["needs_engineer_review"], bool) and 0.0 <= envelope.confidence <= 1.0
    project, _ = ProjectStore(tmp_path).load("quote-job")
    assert project.designs[0].envelope_hash == envelope.content_sha256


def test_nbval_marked_cells(tmp_path: Path) -> None:
    """nbval in lax mode on the cells marked ``# NBVAL_CHECK_OUTPUT`` of verification.ipynb."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval-lax",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            str(NOTEBOOKS / "verification.ipynb"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "passed" in done.stdout


def test_notebooks_are_stored_without_outputs() -> None:
    for path in sorted((REPO / "notebooks").glob("*.ipynb")):
        notebook = json.loads(path.read_text())
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None, path.name
        tags = [t for c in notebook["cells"] for t in c.get("metadata", {}).get("tags", [])]
        assert tags.count("parameters") == 1, path.name


POLE = {
    "wind": {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C"},
    "faces": [{"width_ft": 10, "height_ft": 5, "top_height_ft": 22}],
}


def test_pole_sign_design_notebook_matches_the_interactive_form(run_notebook, tmp_path: Path) -> None:
    out = tmp_path / "pole.json"
    run_notebook(
        "design_sign",
        {"solver": "design.pole_sign", "inputs": POLE, "compare_editions": ["7-10", "7-16"], "envelope_path": str(out)},
    )
    envelope = Envelope.from_json(out.read_text())
    envelope.verify()
    assert envelope.result["post_label"] and envelope.result["footing_depth_ft"] > 0
    app = SolverApp("design.pole_sign", POLE, show_drawings=False)  # nested groups as JSON boxes
    assert app.envelope is not None and app.envelope.content_sha256 == envelope.content_sha256
