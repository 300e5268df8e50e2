"""Helpers for running the notebooks with papermill (each run in its own working directory)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
EXECUTION_TIMEOUT_S = 120  # papermill once sat > 10 min on a first run: always bound it


@pytest.fixture
def run_notebook(tmp_path: Path):
    """Run ``notebooks/<name>.ipynb`` with parameters; return the executed notebook path."""
    import papermill as pm

    def run(name: str, parameters: dict[str, Any]) -> Path:
        output = tmp_path / f"{name}.out.ipynb"
        pm.execute_notebook(
            str(NOTEBOOKS / f"{name}.ipynb"),
            str(output),
            parameters=parameters,
            kernel_name="python3",
            cwd=str(tmp_path),
            execution_timeout=EXECUTION_TIMEOUT_S,
            progress_bar=False,
            log_output=False,
        )
        return output

    return run
