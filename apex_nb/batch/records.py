"""The run record ``DIR/runs/<site_id>/run.json`` and whether a finished run can be reused.

The record is written last, after the envelope, so it is the "finished" marker; ``stale_reason``
compares it with the current input key, the envelope file's sha256 and the packs lock
(``apex_nb.batch.keys``).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from apex_nb.batch.keys import LockState
from apex_nb.canonical import file_sha256
from apex_nb.version import __version__

RECORD_NAME = "run.json"
ENVELOPE_NAME = "envelope.json"


@dataclass
class RunRecord:
    """``DIR/runs/<site_id>/run.json``: written last, after the envelope (the finished marker)."""

    site_id: str
    status: str  # "ok" or "failed"
    solver: str
    engine: str
    input_key: str
    run_key: str = ""
    packs: list[dict[str, str]] = field(default_factory=list)
    content_sha256: str = ""
    envelope_file_sha256: str = ""
    notebook: str = ""
    error: str = ""
    duration_s: float = 0.0
    finished_at: str = ""
    apex_nb_version: str = __version__

    def to_json(self) -> str:
        """Deterministic JSON text."""
        return json.dumps(asdict(self), indent=2, sort_keys=True) + "\n"

    @classmethod
    def read(cls, run_dir: Path) -> RunRecord | None:
        """The record in ``run_dir``, or None when missing or unreadable (then the run is redone)."""
        path = run_dir / RECORD_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(**data)
        except (OSError, ValueError, TypeError):
            return None


def now_text() -> str:
    """UTC timestamp for records (never hashed)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def stale_reason(record: RunRecord | None, key: str, lock: LockState, run_dir: Path) -> str:
    """Why a run must (re)run, or '' when its finished result can be reused."""
    if record is None:
        return "new"
    if record.status != "ok":
        return "failed before"
    if record.input_key != key:
        return "inputs changed"
    envelope = run_dir / ENVELOPE_NAME
    try:
        if file_sha256(envelope.read_bytes()) != record.envelope_file_sha256:
            return "envelope altered"
    except OSError:
        return "envelope missing"
    for used in record.packs:
        if lock.stale(used):
            return f"pack {used['name']} changed"
    return ""
