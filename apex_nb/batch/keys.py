"""Run keys and freshness: what makes a finished run reusable.

A run is reusable when nothing it depends on changed. Its dependencies are:

- the row's solver and inputs (the canonical JSON the engines receive),
- the notebook's exact bytes when the papermill engine ran it (``None`` in-process),
- the apex_nb version,
- the packs the run actually read (name, version, sha256), known only after the run.

So the key has two parts. Before a run, ``input_key`` hashes the first three. After it,
``run.json`` stores the input key and the packs the envelope says it read; ``run_key`` hashes
both. On the next batch a run is skipped only when its input key is unchanged, its envelope file
is intact, and every pack it read is still the one the current ``packs.lock`` would give (the
newest locked version, same sha256, file bytes matching the lock). Changing one pack therefore
re-runs exactly the runs that read it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from apex_nb.canonical import content_hash, file_sha256
from apex_nb.errors import PackError
from apex_nb.packs import pack_files, read_lock, version_key
from apex_nb.version import __version__

KEY_SCHEME = "apex-nb-run-v1"
RECORD_NAME = "run.json"
ENVELOPE_NAME = "envelope.json"


def input_key(solver: str, inputs: dict[str, Any], notebook_sha256: str | None, version: str = __version__) -> str:
    """Hash of what is known before a run: solver, inputs, notebook bytes, apex_nb version."""
    return content_hash(
        {
            "scheme": KEY_SCHEME,
            "solver": solver,
            "inputs": inputs,
            "notebook_sha256": notebook_sha256,
            "apex_nb_version": version,
        }
    )


def run_key(input_key_: str, packs: list[dict[str, str]]) -> str:
    """Hash of the input key and the packs the run read (name, version, sha256), sorted by name."""
    return content_hash({"input_key": input_key_, "packs": sorted(packs, key=lambda p: p["name"])})


@dataclass(frozen=True)
class LockState:
    """The current packs root as the lock describes it: pins, newest versions, intact files."""

    pins: dict[tuple[str, str], str] = field(default_factory=dict)  # (name, version) -> sha256
    newest: dict[str, str] = field(default_factory=dict)  # name -> newest locked version
    intact: frozenset[tuple[str, str]] = frozenset()  # (name, version) whose bytes match the lock

    def problem(self, used: dict[str, str]) -> str:
        """Why a pack an envelope read is not the one this lock gives now ('' when it is)."""
        ident = (used["name"], used["version"])
        if ident not in self.pins:
            return f"pack {used['name']} {used['version']} is not in the local packs.lock"
        if self.pins[ident] != used["sha256"]:
            return f"pack {used['name']} {used['version']} has another sha256 in the local packs.lock"
        if ident not in self.intact:
            return f"pack {used['name']} {used['version']} file does not match packs.lock"
        return ""

    def stale(self, used: dict[str, str]) -> bool:
        """True when a run that read ``used`` would read something else today."""
        return bool(self.problem(used)) or self.newest.get(used["name"]) != used["version"]


def lock_state(root: Path) -> LockState:
    """Read ``packs.lock`` under ``root`` and hash the pack files once.

    A missing or unreadable lock gives an empty state: then no finished run is fresh, and the
    re-runs report the lock problem themselves.
    """
    try:
        lock = read_lock(root)
    except PackError:
        return LockState()
    pins: dict[tuple[str, str], str] = {}
    newest: dict[str, str] = {}
    for rel, sha in lock.items():
        path = Path(rel)
        name, version = path.parent.as_posix(), path.stem
        try:
            key = version_key(version)
        except PackError:
            continue
        pins[(name, version)] = sha
        if name not in newest or key > version_key(newest[name]):
            newest[name] = version
    intact = set()
    for file in pack_files(root):
        rel = file.relative_to(root).as_posix()
        ident = (file.parent.name, file.stem)
        if lock.get(rel) == file_sha256(file.read_bytes()):
            intact.add(ident)
    return LockState(pins=pins, newest=newest, intact=frozenset(intact))


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


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once at import: os.umask is process-wide, not thread-safe to probe later


def atomic_write(path: Path, data: bytes | str, *, durable: bool = True) -> Path:
    """Write ``data`` to ``path`` through a temp file in the same folder and ``os.replace``.

    The rename makes the write atomic against a killed process in every case. ``durable``
    also fsyncs the temp file first, so the new content survives an OS crash; per-site run
    outputs skip that (about 1.6 ms a file here) because they are a verified cache: a run
    whose envelope no longer matches the sha256 in its ``run.json`` is simply run again.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(handle, 0o666 & ~_UMASK)  # mkstemp makes 0600; keep the usual permissions
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path
