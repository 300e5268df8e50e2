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


@pytest.fixture(autouse=True)
def _no_stale_running_loop() -> None:
    """Start every test with no event loop registered as running in the main thread.

    A test that drives an event loop in-process (nbclient under papermill applies nest_asyncio)
    can leave its loop registered; Playwright's sync API and ``asyncio.run`` in a later test on
    the same worker then refuse to start. No test here legitimately runs inside a loop.
    """
    import asyncio

    if asyncio._get_running_loop() is not None:
        asyncio._set_running_loop(None)
