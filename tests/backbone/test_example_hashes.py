"""Every bundled example design keeps its pinned content hash (issue 17).

A refactor must not change a number, a trace line or a check. An engineering change that does
re-pins with ``python tools/example_hashes.py --write`` in the same commit and names the moved
designs in its message.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("example_hashes", ROOT / "tools" / "example_hashes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bundled_examples_keep_their_pinned_hashes() -> None:
    tool = _tool()
    pinned = json.loads(tool.PINNED.read_text(encoding="utf-8"))
    now = tool.current_hashes()
    assert len(now) >= 30, "the examples and the portfolio sites are all solved"
    assert tool.moved(pinned, now) == [], "re-pin with tools/example_hashes.py --write and say why in the commit"


def test_a_moved_hash_is_named() -> None:
    tool = _tool()
    assert tool.moved({"a": "1", "b": "2"}, {"a": "1", "b": "3", "c": "4"}) == ["b", "c"]
