"""Fixtures of the batch tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from .batchutil import SMALL, portfolio_rows, write_csv


@pytest.fixture
def small_csv(tmp_path: Path) -> Path:
    """Four sites across three ASCE 7 editions."""
    header, rows = portfolio_rows(SMALL)
    return write_csv(tmp_path / "sites.csv", header, rows)


@pytest.fixture
def temp_packs(packs_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable packs root that this test (and the processes it starts) reads."""
    monkeypatch.setenv("APEX_NB_PACKS", str(packs_copy))
    return packs_copy
