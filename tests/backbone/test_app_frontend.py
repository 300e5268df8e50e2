"""Which browser front end ``apex-nb app`` serves (issue 16): the light one unless asked otherwise.

The quick quote runs apex-nb's own front end (template ``apex``); an app notebook can ask for
JupyterLab's (``"apex_nb": {"frontend": "lab"}``), ``--frontend`` overrides both, an unknown name
is refused naming where it came from, and a light front end that was never built (no Node.js at
install) falls back to JupyterLab's with a message instead of a broken page.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from apex_nb import app_server
from apex_nb.app_server import LAB_TEMPLATE, TEMPLATE, AppSettings, voila_command
from apex_nb.errors import InputError


def app_notebook(folder: Path, name: str, **meta: object) -> Path:
    path = folder / f"{name}.ipynb"
    notebook = {"cells": [], "metadata": {"apex_nb": {"app": True, **meta}}, "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return path


def template_of(settings: AppSettings) -> str:
    argv, _ = voila_command(settings)
    (flag,) = [arg for arg in argv if arg.startswith("--template=")]
    return flag.split("=", 1)[1]


@pytest.fixture
def built() -> None:
    if not app_server.frontend_built():
        pytest.fail("the light front end is not built: `make install` builds it (tools/build_frontend.sh)")


def test_the_quick_quote_gets_the_light_front_end(built: None) -> None:
    assert template_of(AppSettings()) == TEMPLATE


def test_a_notebook_can_ask_for_jupyterlab_and_the_flag_overrides_it(tmp_path: Path, built: None) -> None:
    app_notebook(tmp_path, "mathy", frontend="lab")
    app_notebook(tmp_path, "plain")
    assert template_of(AppSettings(app="mathy", notebooks_dir=tmp_path)) == LAB_TEMPLATE
    assert template_of(AppSettings(app="plain", notebooks_dir=tmp_path)) == TEMPLATE
    assert template_of(AppSettings(app="mathy", notebooks_dir=tmp_path, frontend="apex")) == TEMPLATE
    assert template_of(AppSettings(app="plain", notebooks_dir=tmp_path, frontend="lab")) == LAB_TEMPLATE


def test_unknown_front_ends_are_refused_naming_the_field(tmp_path: Path) -> None:
    app_notebook(tmp_path, "odd", frontend="react")
    with pytest.raises(InputError) as flag:
        voila_command(AppSettings(frontend="vue"))
    assert "--frontend" in str(flag.value) and "apex or lab" in str(flag.value)
    assert "apex_nb.frontend" not in str(flag.value)  # a bad flag is not blamed on the notebook
    with pytest.raises(InputError) as meta:
        voila_command(AppSettings(app="odd", notebooks_dir=tmp_path))
    assert "apex_nb.frontend" in str(meta.value) and "odd.ipynb" in str(meta.value)


def test_an_unbuilt_light_front_end_falls_back_to_jupyterlab_and_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(app_server, "FRONTEND_BUNDLE", Path("voila", "templates", TEMPLATE, "static", "missing.js"))
    assert template_of(AppSettings()) == LAB_TEMPLATE
    assert "light front end is not built" in capsys.readouterr().err
