"""Shared fixtures: a throw-away packs root built from the real packs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs a fixed (derandomized) set of examples so a landing never depends on luck; local runs
# keep exploring new examples, and any failure they find becomes a regular test.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
PACKS = REPO / "packs"


@pytest.fixture
def packs_copy(tmp_path: Path) -> Path:
    """A writable copy of the real packs folder (lock included)."""
    target = tmp_path / "packs"
    shutil.copytree(PACKS, target)
    return target
