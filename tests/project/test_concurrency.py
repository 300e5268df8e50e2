"""Real processes against one project: no lost update under contention, no torn file after SIGKILL."""

from __future__ import annotations

import itertools
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from apex_nb.canonical import content_hash
from apex_nb.project import ProjectStore
from apex_nb.project.model import parse_project
from apex_nb.project.store import TMP_PREFIX, serialize

REPO = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("_worker.py")
WRITERS = 8
UPDATES = 100
KILLS = 16


def spawn(root: Path, mode: str, index: int, count: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, str(WORKER), str(root), "p", mode, str(index), str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def start_together(root: Path, indexes: list[int], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not all((root / f"ready-{i}").exists() for i in indexes):
        assert time.monotonic() < deadline, "writers did not start"
        time.sleep(0.01)
    (root / "go").touch()


def new_project(root: Path, writers: int, payload: str = "") -> ProjectStore:
    store = ProjectStore(root)
    signs = [{"id": f"w{i}", "inputs": {"count": 0, "payload": payload}} for i in range(writers)]
    store.create("p", {"name": "contended", "signs": signs})
    return store


def assert_whole_and_valid(store: ProjectStore) -> str:
    """One read of project.json: it parses, validates, is canonical and its version was recorded."""
    raw = store.project_file("p").read_bytes()  # other writers may still be running: read once
    doc = json.loads(raw)
    assert serialize(doc) == raw, "project.json is not in canonical form"
    parse_project(doc)
    etag = content_hash(doc)
    assert store.version("p", etag) == doc, "the version on disk was not recorded before it was written"
    return etag


def test_eight_processes_hundred_updates_each_lose_nothing(tmp_path: Path) -> None:
    store = new_project(tmp_path, WRITERS)
    # half the writers reload and retry on a mismatch, half let the store merge their disjoint edit
    procs = [spawn(tmp_path, "retry" if i % 2 else "merge", i, UPDATES) for i in range(WRITERS)]
    start_together(tmp_path, list(range(WRITERS)))
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    counts = {s.id: s.inputs["count"] for s in store.load("p")[0].signs}
    assert counts == {f"w{i}": UPDATES for i in range(WRITERS)}

    events = store.history("p")
    saves = [e for e in events if e.action != "create"]
    assert len(saves) == WRITERS * UPDATES
    actions = [e.action for e in saves]
    assert set(actions) == {"save", "merge"}  # both the plain CAS path and the merge path were taken
    for before, after in itertools.pairwise(events):  # one unbroken chain of versions
        assert after.etag_before == before.etag_after
    assert events[-1].etag_after == assert_whole_and_valid(store)


def test_sigkill_at_random_moments_never_leaves_a_torn_file(tmp_path: Path) -> None:
    # a 400 kB payload makes each write take long enough for kills to land mid-write
    store = new_project(tmp_path, 3, payload="x" * 400_000)
    rng = random.Random(1234)
    procs = {i: spawn(tmp_path, "forever", i, 0) for i in range(3)}
    start_together(tmp_path, list(procs))
    kills = 0
    try:
        for _ in range(KILLS):
            time.sleep(rng.uniform(0.02, 0.2))
            while not (running := [i for i in procs if (tmp_path / f"ready-{i}").exists()]):
                time.sleep(0.01)
            index = rng.choice(running)  # only writers past their imports, i.e. writing
            procs[index].send_signal(signal.SIGKILL)
            procs[index].wait(timeout=10)
            kills += 1
            assert_whole_and_valid(store)
            (tmp_path / f"ready-{index}").unlink()
            procs[index] = spawn(tmp_path, "forever", index, 0)
    finally:
        for proc in procs.values():
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
    assert kills == KILLS
    assert_whole_and_valid(store)
    project, etag = store.load("p")
    assert sum(s.inputs["count"] for s in project.signs) > 0, "the writers never managed to write"

    # the lock is free again, leftovers are cleaned up and the history is still readable
    doc = project.to_json()
    doc["name"] = "after the crashes"
    store.save("p", doc, if_match=etag)
    assert not list(store.project_dir("p").glob(f"{TMP_PREFIX}*"))
    events, _torn = store.events("p").read_checked()
    assert events[-1].etag_after == assert_whole_and_valid(store)


def run_instrumented(root: Path, mode: str, crash_at: int = 0) -> subprocess.Popen[str]:
    return spawn(root, mode, 0, crash_at)


def test_crash_before_each_durability_step_leaves_old_or_new(tmp_path: Path) -> None:
    base = tmp_path / "base"
    store = ProjectStore(base)
    before = store.create("p", {"name": "before"})

    trace_root = tmp_path / "trace"
    subprocess.run(["cp", "-a", str(base), str(trace_root)], check=True)
    traced = run_instrumented(trace_root, "trace")
    out, err = traced.communicate(timeout=60)
    assert traced.returncode == 0, err
    calls = [json.loads(line) for line in out.splitlines()]
    replace_at = next(c["n"] for c in calls if c["call"] == "replace" and c["detail"].endswith("project.json"))
    after = ProjectStore(trace_root).load("p")[1]
    assert after != before

    roots = {}
    for call in calls:
        root = tmp_path / f"crash-{call['n']}"
        subprocess.run(["cp", "-a", str(base), str(root)], check=True)
        roots[call["n"]] = (root, run_instrumented(root, "crash", call["n"]))
    for n, (root, proc) in roots.items():
        proc.communicate(timeout=60)
        assert proc.returncode == -signal.SIGKILL, f"crash point {n} was not reached"
        crashed = ProjectStore(root)
        raw = crashed.project_file("p").read_bytes()
        assert serialize(json.loads(raw)) == raw
        project, etag = crashed.load("p")
        # killed before the rename of project.json: the old file; after it: the new one
        assert etag == (before if n <= replace_at else after), f"crash before call {n} ({calls[n - 1]})"
        assert project.name == ("before" if n <= replace_at else "after")
        # and the store carries on: the next save works and records any unlogged change
        doc = project.to_json()
        doc["name"] = "recovered"
        crashed.save("p", doc, if_match=etag)
        events = crashed.history("p")
        for first, second in itertools.pairwise(events):
            assert second.etag_before == first.etag_after
    assert len(calls) >= 5  # version fsync+rename, tmp fsync, rename, dir fsync, log fsync
