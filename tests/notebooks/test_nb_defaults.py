"""Every notebook in notebooks/ runs as shipped: papermill, a real kernel, no parameters at all.

The design notebook's defaults are the README's pole sign, so its first Run All is a real design
with its governing check; a bad parameter stops with a short message (no library traceback).
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import papermill as pm
import pytest

import apex_nb

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
README_POLE = {
    "wind": {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C"},
    "faces": [{"width_ft": 10, "height_ft": 6, "top_height_ft": 25}],
}

pytestmark = pytest.mark.slow


def _outputs(path: Path) -> str:
    """Every text and HTML output of an executed notebook, joined."""
    notebook = nbformat.read(path, as_version=4)
    texts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            texts.append(output.get("text", ""))
            data = output.get("data", {})
            texts.append(data.get("text/html", "") + data.get("text/plain", ""))
            texts.append("\n".join(output.get("traceback", [])))
    return "\n".join(texts)


def test_there_are_notebooks() -> None:
    assert {p.stem for p in NOTEBOOKS} >= {"design_sign", "quick_quote", "batch_site", "verification"}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_with_its_defaults(run_notebook, notebook: Path) -> None:
    executed = run_notebook(notebook.stem, {})
    text = _outputs(executed)
    assert "Traceback" not in text and "Error" not in text.replace("InputError", "")


def test_design_notebook_defaults_are_the_readme_pole_sign(run_notebook) -> None:
    executed = run_notebook("design_sign", {})
    direct = apex_nb.solve("design.pole_sign", README_POLE)
    text = _outputs(executed)
    found = direct.governing()
    assert found is not None and found.label in text and f"{found.ratio:.3f}" in text
    assert direct.content_sha256 in text  # the very design of the README, shown in full
    assert "apx-checks" in text and "7-22" in text  # checks table and the edition comparison


def test_bad_parameter_shows_a_short_message(run_notebook) -> None:
    with pytest.raises(pm.PapermillExecutionError) as info:
        run_notebook("design_sign", {"inputs": {**README_POLE, "faces": [{"width_ft": -3}]}})
    assert info.value.ename == "InputError" and "inputs.faces" in info.value.evalue
    shown = "\n".join(info.value.traceback)
    assert "Invalid input" in shown and "inputs.faces" in shown
    assert "pydantic" not in shown and "site-packages" not in shown and 'File "' not in shown
    assert len(info.value.traceback) < 12, shown  # a few lines, not a library traceback


def test_notebook_json_is_valid() -> None:
    for path in NOTEBOOKS:
        nbformat.validate(json.loads(path.read_text()))
