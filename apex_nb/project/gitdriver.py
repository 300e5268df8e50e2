"""Git integration: a custom merge driver for project.json and the setup that installs it.

Git calls ``<driver> %O %A %B %P`` with the ancestor, ours (current branch) and theirs; the
driver must leave its result in %A and exit 0 for a clean merge, non-zero for a conflict. Here
the three versions are merged field by field with :func:`~apex_nb.project.merge.three_way_merge`.
On a conflict %A still receives valid JSON (the merge, holding *ours* at each conflicting path)
and a report naming every conflicting path goes to stderr; git marks the file unmerged so the
user fixes those paths and ``git add``\\ s it. ``events.jsonl`` uses git's built-in ``union``
driver: concurrent appends from two branches simply both survive.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from apex_nb.errors import ApexError
from apex_nb.project.merge import Conflict, MergeResult, three_way_merge
from apex_nb.project.model import normalize, parse_project
from apex_nb.project.store import EVENTS_FILE, PROJECT_FILE, PROJECTS_DIR, parse_json_object, serialize

DRIVER_NAME = "apex-nb-project"
EXIT_CLEAN = 0
EXIT_CONFLICT = 1
EXIT_UNREADABLE = 2


@dataclass
class DriverOutcome:
    """What the driver decided: exit code, the bytes for %A (None = leave %A alone), the report."""

    exit_code: int
    output: bytes | None
    report: str


def _prepared(path: Path, *, allow_empty: bool) -> dict[str, Any]:
    """Parse one side; normalise it to the current schema when it validates, else keep it raw."""
    raw = path.read_bytes()
    if allow_empty and not raw.strip():
        return {}  # add/add: git passes an empty ancestor
    doc = parse_json_object(raw, path)
    try:
        return normalize(doc, source=str(path))
    except ApexError:
        return doc


def merge_files(base: Path, ours: Path, theirs: Path, label: str = "project.json") -> DriverOutcome:
    """Merge three versions of a project.json; never raises for bad content, reports it instead."""
    try:
        docs = (
            _prepared(base, allow_empty=True),
            _prepared(ours, allow_empty=False),
            _prepared(theirs, allow_empty=False),
        )
    except ApexError as exc:
        return DriverOutcome(EXIT_UNREADABLE, None, f"apex-nb: cannot merge {label}: {exc}\n")
    try:
        result: MergeResult = three_way_merge(*docs)
    except RecursionError:
        return DriverOutcome(EXIT_UNREADABLE, None, f"apex-nb: cannot merge {label}: nested too deeply\n")
    if result.clean:
        try:
            parse_project(result.merged, source=f"merged {label}")
        except ApexError as exc:
            result.conflicts.append(Conflict((), *docs, reason=f"merged project is invalid: {exc}"))
    output = serialize(result.merged)
    if result.clean:
        return DriverOutcome(EXIT_CLEAN, output, "")
    report = (
        f"apex-nb: {len(result.conflicts)} conflict(s) merging {label}:\n"
        + "\n".join(f"  {line}" for c in result.conflicts for line in c.describe().splitlines())
        + f"\n{label} now holds the merge with *ours* at the paths above; fix them, then `git add` it.\n"
    )
    return DriverOutcome(EXIT_CONFLICT, output, report)


def run_driver(base: str, ours: str, theirs: str, label: str | None = None) -> int:
    """Git's merge-driver protocol: result into ``ours`` (%A), report to stderr, exit code back."""
    outcome = merge_files(Path(base), Path(ours), Path(theirs), label or "project.json")
    if outcome.output is not None:
        Path(ours).write_bytes(outcome.output)
    if outcome.report:
        sys.stderr.write(outcome.report)
    return outcome.exit_code


def default_driver_command() -> str:
    """How git should start the driver: the ``apex-nb`` script beside this Python, else ``python -m``."""
    script = Path(sys.executable).with_name("apex-nb")
    if script.is_file() and os.access(script, os.X_OK):
        return shlex.quote(str(script))
    return f"{shlex.quote(sys.executable)} -m apex_nb.cli.main"


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ApexError(f"git {' '.join(args)} failed in {repo}: {done.stderr.strip()}")
    return done.stdout.strip()


def install_git(store_root: Path, command: str | None = None) -> list[str]:
    """Write ``.gitattributes`` lines and local git config for the driver; return what was done.

    Idempotent. ``store_root`` is the folder that holds ``projects/``; it must be inside a git
    work tree, and the attribute patterns are written relative to the work tree's top.
    """
    store_root = store_root.resolve()
    top = Path(_git(store_root, "rev-parse", "--show-toplevel")).resolve()
    try:
        prefix = store_root.relative_to(top).as_posix()
    except ValueError:
        raise ApexError(f"store root {store_root} is outside the git work tree {top}") from None
    base = PROJECTS_DIR if prefix == "." else f"{prefix}/{PROJECTS_DIR}"
    wanted = [f"{base}/*/{PROJECT_FILE} merge={DRIVER_NAME}", f"{base}/*/{EVENTS_FILE} merge=union"]
    attributes = top / ".gitattributes"
    existing = attributes.read_text(encoding="utf-8").splitlines() if attributes.exists() else []
    missing = [line for line in wanted if line not in existing]
    done = []
    if missing:
        text = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
        if text and not text.endswith("\n"):
            text += "\n"
        attributes.write_text(text + "".join(line + "\n" for line in missing), encoding="utf-8")
        done.append(f"{attributes}: added {', '.join(missing)}")
    driver = f"{command or default_driver_command()} project merge-driver %O %A %B %P"
    _git(top, "config", "--local", f"merge.{DRIVER_NAME}.name", "apex-nb semantic merge of project.json")
    _git(top, "config", "--local", f"merge.{DRIVER_NAME}.driver", driver)
    done.append(f"git config merge.{DRIVER_NAME}.driver = {driver}")
    return done
