"""The layer contract (pyproject ``[tool.apex-nb.layers]``, checked by tools/check_layers.py) holds,
and the checker catches each kind of break: an upward import inside a function or under
TYPE_CHECKING, a UI package in the core, a cycle, a module placed in no layer."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKER = ROOT / "tools" / "check_layers.py"

SCRIPT = """
import importlib, pkgutil, sys
import apex_nb
for info in pkgutil.walk_packages(apex_nb.__path__, "apex_nb."):
    if info.name.startswith("apex_nb.widgets"):
        continue
    importlib.import_module(info.name)
ui = sorted(m for m in sys.modules if m.split(".")[0] in {"ipywidgets", "voila", "IPython", "matplotlib", "playwright"})
print(",".join(ui))
"""


def _check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(CHECKER), str(root)], capture_output=True, text=True, check=False)


def test_the_tree_keeps_the_layer_contract() -> None:
    done = _check(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "layer contract kept" in done.stdout


def test_core_imports_no_ui_package() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


BREAKS = {
    "upward import inside a function": (
        "apex_nb/equations/ibc/embedment.py",
        "\n\ndef _sneak():\n    from apex_nb.registry import solve\n\n    return solve\n",
        "apex_nb.equations.ibc.embedment (equations) imports apex_nb.registry (registry), a higher layer [function]",
    ),
    "upward import under TYPE_CHECKING": (
        "apex_nb/packs.py",
        "\nif TYPE_CHECKING:\n    from apex_nb.report import blocks\n",
        "apex_nb.packs (packs) imports apex_nb.report.blocks (services), a higher layer [type-checking]",
    ),
    "a UI package in the core": (
        "apex_nb/report/pdf.py",
        "\n\ndef _plot():\n    import matplotlib.pyplot as plt\n\n    return plt\n",
        "core module apex_nb.report.pdf imports matplotlib.pyplot [function]",
    ),
    "a cycle inside one layer": (
        "apex_nb/batch/keys.py",
        "\n\ndef _record():\n    from apex_nb.batch.records import RunRecord\n\n    return RunRecord\n",
        "import cycle: apex_nb.batch.keys <-> apex_nb.batch.records",
    ),
    "a module in no layer": ("apex_nb/stray.py", '"""Placed nowhere."""\n', "apex_nb.stray is in no layer"),
    "widgets importing the core is fine, the core importing widgets is not": (
        "apex_nb/diff.py",
        "\n\ndef _show():\n    from apex_nb.widgets import viewer\n\n    return viewer\n",
        "apex_nb.diff (services) imports apex_nb.widgets.viewer (widgets), a higher layer [function]",
    ),
}


@pytest.mark.parametrize("kind", sorted(BREAKS))
def test_the_checker_fails_on_a_deliberately_wrong_import(tmp_path: Path, kind: str) -> None:
    skip = shutil.ignore_patterns("__pycache__", "templates")
    for folder in ("apex_nb", "widgets"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=skip)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    assert _check(tmp_path).returncode == 0  # the copy keeps the contract before the break
    relative, text, expected = BREAKS[kind]
    target = tmp_path / relative
    target.write_text((target.read_text(encoding="utf-8") if target.exists() else "") + text, encoding="utf-8")
    done = _check(tmp_path)
    assert done.returncode == 1
    assert expected in done.stdout, done.stdout


def test_an_exception_no_longer_needed_is_an_error(tmp_path: Path) -> None:
    for folder in ("apex_nb", "widgets"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__", "templates"))
    stale = '\n[[tool.apex-nb.exceptions]]\nimporter = "apex_nb.packs"\nimported = "apex_nb.registry"\nreason = "x"\n'
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8") + stale)
    done = _check(tmp_path)
    assert done.returncode == 1
    assert "exception apex_nb.packs -> apex_nb.registry is no longer needed" in done.stdout


def test_every_solver_has_semver_and_documented_fields() -> None:
    from apex_nb import list_solvers

    for solver in list_solvers():
        parts = solver.version.split(".")
        assert len(parts) == 3 and all(p.isdigit() for p in parts), solver.name
        schema = solver.input_schema()
        for name, spec in schema["properties"].items():
            assert spec.get("description"), f"{solver.name}.{name} has no description"
