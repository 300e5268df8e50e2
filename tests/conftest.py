"""Shared fixtures: a throw-away packs root built from the real packs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKS = REPO / "packs"


@pytest.fixture
def packs_copy(tmp_path: Path) -> Path:
    """A writable copy of the real packs folder (lock included)."""
    target = tmp_path / "packs"
    shutil.copytree(PACKS, target)
    return target
