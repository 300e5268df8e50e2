"""Writer process for the concurrency tests (run as a script, one real process per writer).

Usage: ``python _worker.py ROOT PROJECT MODE INDEX COUNT``

* ``retry``: COUNT read-modify-write increments of ``signs[id=w<INDEX>].inputs.count``; on a
  PreconditionFailed reload and re-apply.
* ``merge``: the same, but a mismatch is resolved by ``save(..., merge=True)`` (the edits of
  different writers never overlap, so a MergeConflict is a bug and crashes the worker).
* ``forever``: like retry, until killed (for the SIGKILL test).
* ``trace`` / ``crash``: one save with os.fsync and os.replace instrumented; ``trace`` prints
  the calls as JSON lines, ``crash`` SIGKILLs itself just before call number COUNT.

Every mode but trace/crash writes ``ROOT/ready-INDEX`` after its imports and waits for
``ROOT/go`` so that all writers start together and really contend.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path
from typing import Any

from apex_nb.project import PreconditionFailed, ProjectStore


def bump(doc: dict[str, Any], index: int) -> dict[str, Any]:
    """Increment this writer's counter in the document."""
    for sign in doc["signs"]:
        if sign["id"] == f"w{index}":
            sign["inputs"]["count"] += 1
            return doc
    raise KeyError(f"w{index}")


def wait_for_go(root: Path, index: int) -> None:
    """Say ready, then wait for the starting gun."""
    (root / f"ready-{index}").touch()
    while not (root / "go").exists():
        time.sleep(0.002)


def run_updates(store: ProjectStore, project_id: str, index: int, count: int, merge: bool) -> dict[str, int]:
    """COUNT successful increments (forever if negative); return how many attempts it took."""
    attempts = done = 0
    while count < 0 or done < count:
        project, etag = store.load(project_id)
        attempts += 1
        try:
            store.save(project_id, bump(project.to_json(), index), if_match=etag, merge=merge, who=f"w{index}")
        except PreconditionFailed:
            if merge:  # disjoint edits always merge: any refusal here is a bug
                raise
            time.sleep(random.random() * 0.002)
            continue
        done += 1
    return {"attempts": attempts, "done": done}


def instrumented_save(store: ProjectStore, project_id: str, crash_at: int | None) -> None:
    """One save with os.fsync/os.replace traced (and optionally a SIGKILL before call crash_at)."""
    project, etag = store.load(project_id)
    doc = project.to_json()
    doc["name"] = "after"
    calls = 0
    real_fsync, real_replace = os.fsync, os.replace

    def hook(kind: str, detail: str) -> None:
        nonlocal calls
        calls += 1
        if crash_at is None:
            print(json.dumps({"n": calls, "call": kind, "detail": detail}), flush=True)
        elif calls == crash_at:
            os.kill(os.getpid(), signal.SIGKILL)

    def fsync(fd: int) -> None:
        hook("fsync", os.readlink(f"/proc/self/fd/{fd}") if os.path.exists("/proc/self/fd") else str(fd))
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        hook("replace", str(dst))
        real_replace(src, dst)

    os.fsync, os.replace = fsync, replace  # type: ignore[assignment]
    try:
        store.save(project_id, doc, if_match=etag, who="crash-test")
    finally:
        os.fsync, os.replace = real_fsync, real_replace  # type: ignore[assignment]


def main() -> int:
    root, project_id, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    index, count = int(sys.argv[4]), int(sys.argv[5])
    store = ProjectStore(root)
    if mode in ("trace", "crash"):
        instrumented_save(store, project_id, count if mode == "crash" else None)
        return 0
    wait_for_go(root, index)
    stats = run_updates(store, project_id, index, -1 if mode == "forever" else count, merge=mode == "merge")
    print(json.dumps(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
