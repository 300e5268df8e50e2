"""The core package never imports UI packages; widgets sit on top of it."""

from __future__ import annotations

import subprocess
import sys

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


def test_core_imports_no_ui_package() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_every_solver_has_semver_and_documented_fields() -> None:
    from apex_nb import list_solvers

    for solver in list_solvers():
        parts = solver.version.split(".")
        assert len(parts) == 3 and all(p.isdigit() for p in parts), solver.name
        schema = solver.input_schema()
        for name, spec in schema["properties"].items():
            assert spec.get("description"), f"{solver.name}.{name} has no description"
