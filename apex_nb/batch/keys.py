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
re-runs exactly the runs that read it. The run record itself (``run.json``) and the freshness
test that reads it are in ``apex_nb.batch.records``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apex_nb.canonical import content_hash, file_sha256
from apex_nb.errors import PackError
from apex_nb.packs import pack_files, read_lock, version_key
from apex_nb.version import __version__

KEY_SCHEME = "apex-nb-run-v1"


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
