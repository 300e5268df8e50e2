"""Durable, compare-and-swap storage of projects as git-friendly JSON files.

Layout under the store root (usually the root of a git work tree)::

    projects/<id>/project.json        canonical JSON: sorted keys, 2-space indent, LF, final newline
    projects/<id>/events.jsonl        append-only event log (git: merge=union)
    projects/<id>/attachments/<sha256>  attachment bytes, named by their sha256
    projects/<id>/.versions/<hex>.json  every version this clone has seen, by etag (not in git)
    projects/<id>/.lock               the file lock of the project (not in git)
    projects/<id>/.gitignore          keeps .versions/, .lock and temp files out of git

Etag protocol: the etag of a version is ``content_hash`` of its parsed JSON
(``"sha256-jcs-v1:" + sha256`` of the RFC 8785 form), so whitespace and key order never change it.
``load`` returns it; ``save(..., if_match=etag)`` writes only if the file still has that etag.

Base versions: a three-way merge needs the version the caller started from. The store keeps it
content-addressed in ``.versions/<hex>.json``: ``save`` and ``create`` record what they write and
``load`` records what it read (so versions that arrived through git are covered too). A caller's
``if_match`` therefore names its base exactly, with no state in the Project object. If the base
is unknown (versions pruned or from another clone), the mismatch is still reported but without a
merge, and the caller reloads.

Durability: every write goes to a temp file in the same directory, is fsynced, moved over the old
file with ``os.replace`` and the directory is fsynced; all under the project's file lock, after
re-reading and re-hashing the current file (compare-and-swap). Readers take no lock: a rename is
atomic, so they see the old file or the new one. A file that does not parse is reported as
:class:`CorruptProjectFile` naming it and is never overwritten.

Links: the store never follows one. ``projects/``, project folders, ``project.json``,
``events.jsonl``, ``.versions/``, ``attachments/``, ``.lock`` and ``.gitignore`` are checked with
``lstat`` and files are opened with ``O_NOFOLLOW`` (apex_nb/project/safefs.py); a link, or a
folder that resolves outside the store root, is refused with :class:`UnsafePath` naming it, and
nothing is written.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import re
import socket
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from filelock import FileLock
from filelock import Timeout as LockTimeout

from apex_nb.canonical import content_hash, file_sha256
from apex_nb.errors import ApexError, FieldProblem, InputError
from apex_nb.files import TMP_PREFIX, atomic_write
from apex_nb.project.events import Event, EventLog, make_event
from apex_nb.project.merge import Conflict, MergeResult, diff, three_way_merge
from apex_nb.project.model import (
    SCHEMA_VERSION,
    Project,
    check_transition,
    normalize,
    parse_project,
    validate_project_id,
)
from apex_nb.project.safefs import check_inside, check_no_link, read_bytes_nofollow

PROJECTS_DIR = "projects"
PROJECT_FILE = "project.json"
EVENTS_FILE = "events.jsonl"
VERSIONS_DIR = ".versions"
ATTACHMENTS_DIR = "attachments"
LOCK_FILE = ".lock"
GITIGNORE_TEXT = f"{LOCK_FILE}\n{TMP_PREFIX}*\n{VERSIONS_DIR}/\n"

DEFAULT_MAX_PROJECT_BYTES = 4 * 1024 * 1024
MAX_JSON_DEPTH = 64
"""Deepest nesting a project file may have (a real one is about 12 deep, an inline envelope
included); deeper files are refused before the merge and diff code, which recurse, see them."""
DEFAULT_MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024

ETAG_RE = re.compile(r"^sha256-jcs-v1:([0-9a-f]{64})$")
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")


# --- errors -------------------------------------------------------------------------------------


class ProjectError(ApexError):
    """Base class of project-store errors."""


class ProjectNotFound(ProjectError):
    """No ``project.json`` for this id."""


class ProjectExists(ProjectError):
    """``create`` found the project already there (create never overwrites)."""


class CorruptProjectFile(ProjectError):
    """A file on disk is not a readable project; it is named and left untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason} (the file is left as it is; fix it by hand or restore it from git)")


class StoreBusy(ProjectError):
    """The project lock could not be taken in time."""


class PreconditionRequired(ProjectError):
    """A save without ``if_match``: the store refuses blind overwrites."""


class PreconditionFailed(ProjectError):
    """The file changed since the caller's version (``expected``); nothing was written.

    ``current_etag`` is the etag on disk now. ``merge`` is the field-level three-way merge of
    (base = expected version, ours = the project being saved, theirs = current), or None when
    the base version is unknown to this store.
    """

    def __init__(self, project_id: str, expected: str, current_etag: str, merge: MergeResult | None) -> None:
        self.project_id = project_id
        self.expected = expected
        self.current_etag = current_etag
        self.merge = merge
        if merge is None:
            advice = "the version you started from is unknown here: reload and re-apply your change"
        elif merge.clean:
            advice = "your edits do not overlap theirs: save again with merge=True, or reload"
        else:
            advice = f"{len(merge.conflicts)} conflict(s):\n{merge.report()}"
        super().__init__(
            f"project {project_id!r} changed since you loaded it (expected {expected}, now {current_etag}); {advice}"
        )

    @property
    def conflicts(self) -> list[Conflict]:
        """Conflicts of the merge (empty when it is clean or unavailable)."""
        return [] if self.merge is None else list(self.merge.conflicts)


class MergeConflict(PreconditionFailed):
    """``save(..., merge=True)`` found overlapping edits; nothing was written."""


# --- helpers ------------------------------------------------------------------------------------


def default_actor() -> str:
    """Who is acting: ``$APEX_NB_USER``, else ``user@host``."""
    env = os.environ.get("APEX_NB_USER")
    if env:
        return env
    try:
        user = getpass.getuser()
    except Exception:  # no passwd entry in some containers
        user = "unknown"
    return f"{user}@{socket.gethostname()}"


def serialize(doc: Any) -> bytes:
    """The canonical file form: sorted keys, 2-space indent, LF line ends, trailing newline."""
    return (json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode()


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json_object(raw: bytes, path: Path) -> dict[str, Any]:
    """Strictly parse a project file: UTF-8, no NaN/Infinity, no duplicate keys, an object."""
    try:
        doc = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        reason = "empty file" if not raw.strip() else f"not valid JSON ({exc})"
        raise CorruptProjectFile(path, reason) from None
    if not isinstance(doc, dict):
        raise CorruptProjectFile(path, f"top level is {type(doc).__name__}, not an object")
    depth = json_depth(doc)
    if depth > MAX_JSON_DEPTH:
        raise CorruptProjectFile(path, f"nested {depth} levels deep (at most {MAX_JSON_DEPTH})")
    return doc


def json_depth(value: Any) -> int:
    """How deeply objects and lists nest in ``value`` (a scalar is 0), without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth + 1)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _hash(doc: Any, path: Path) -> str:
    try:
        return content_hash(doc)
    except ValueError as exc:
        raise CorruptProjectFile(path, f"cannot be canonicalized ({exc})") from None


# --- the store ----------------------------------------------------------------------------------


class ProjectStore:
    """Projects under ``<root>/projects/``; see the module docstring for layout and protocol."""

    def __init__(
        self,
        root: str | os.PathLike[str],
        *,
        max_project_bytes: int = DEFAULT_MAX_PROJECT_BYTES,
        max_attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES,
        lock_timeout: float = 30.0,
    ) -> None:
        self.root = Path(root)
        self.projects_dir = self.root / PROJECTS_DIR
        self.max_project_bytes = max_project_bytes
        self.max_attachment_bytes = max_attachment_bytes
        self.lock_timeout = lock_timeout

    # paths

    def project_dir(self, project_id: str) -> Path:
        """``projects/<id>`` (the id is validated first, so this never escapes the root)."""
        return self.projects_dir / validate_project_id(project_id)

    def _guard(self, project_id: str, *names: str) -> Path:
        """``projects/<id>/<names...>`` after refusing links on the way (UnsafePath).

        ``projects/`` and the project folder must be real folders (when they exist) resolving
        inside the store root; each further name must not be a link. Absent parts are fine.
        """
        directory = self.project_dir(project_id)
        for folder in (self.projects_dir, directory):
            if check_no_link(folder, kind="dir") is not None:
                check_inside(folder, self.root)
        path = directory
        for name in names:
            path = path / name
            check_no_link(path)
        return path

    def project_file(self, project_id: str) -> Path:
        """``projects/<id>/project.json``."""
        return self.project_dir(project_id) / PROJECT_FILE

    def events(self, project_id: str) -> EventLog:
        """The event log of a project (refused when the folder or the log is a link)."""
        return EventLog(self._guard(project_id, EVENTS_FILE))

    @contextlib.contextmanager
    def _locked(self, project_id: str) -> Iterator[None]:
        self._guard(project_id, LOCK_FILE)
        if not self.project_dir(project_id).is_dir():
            raise ProjectNotFound(f"no project {project_id!r} under {self.projects_dir}")
        lock = FileLock(
            self.project_dir(project_id) / LOCK_FILE,
            timeout=self.lock_timeout,
            poll_interval=0.001,
            fallback_to_soft=False,
        )
        try:
            lock.acquire()
        except LockTimeout:
            raise StoreBusy(
                f"project {project_id!r} is locked by another writer (waited {self.lock_timeout}s)"
            ) from None
        try:
            yield
        finally:
            lock.release()

    # reading

    def list_ids(self) -> list[str]:
        """Ids of every project in the store, sorted (linked project folders are left out)."""
        check_no_link(self.projects_dir, kind="dir")
        if not self.projects_dir.is_dir():
            return []
        ids = []
        for entry in self.projects_dir.iterdir():
            try:
                validate_project_id(entry.name)
            except InputError:
                continue
            if entry.is_symlink() or (entry / PROJECT_FILE).is_symlink():
                continue  # never followed; load() names the link when asked for it
            if (entry / PROJECT_FILE).is_file():
                ids.append(entry.name)
        return sorted(ids)

    def _read(self, project_id: str) -> tuple[dict[str, Any], str]:
        """The current document and its etag; ProjectNotFound or CorruptProjectFile."""
        path = self._guard(project_id, PROJECT_FILE)
        try:
            raw = read_bytes_nofollow(path, max_bytes=self.max_project_bytes)
        except (FileNotFoundError, NotADirectoryError):
            raise ProjectNotFound(f"no project {project_id!r} under {self.projects_dir}") from None
        except ValueError as exc:
            raise CorruptProjectFile(path, str(exc)) from None
        doc = parse_json_object(raw, path)
        return doc, _hash(doc, path)

    def _parse_existing(self, doc: dict[str, Any], path: Path) -> Project:
        """A document from disk as a Project; invalid content is a CorruptProjectFile."""
        try:
            return parse_project(doc, source=str(path))
        except InputError as exc:
            raise CorruptProjectFile(path, f"not a valid project: {exc}") from None

    def load(self, project_id: str) -> tuple[Project, str]:
        """The project (migrated to the current schema) and the etag of the file as it is on disk."""
        doc, etag = self._read(project_id)
        project = self._parse_existing(doc, self.project_file(project_id))
        self._remember(project_id, etag, doc)
        return project, etag

    def history(self, project_id: str) -> list[Event]:
        """Every event of the project, oldest first (unreadable lines skipped: see history_checked)."""
        return self.history_checked(project_id)[0]

    def history_checked(self, project_id: str) -> tuple[list[Event], list[int]]:
        """Every readable event, oldest first, and the 1-based numbers of lines that are not events."""
        self._guard(project_id, EVENTS_FILE)
        if check_no_link(self.project_file(project_id)) is None:
            raise ProjectNotFound(f"no project {project_id!r} under {self.projects_dir}")
        return self.events(project_id).read_checked()

    def version(self, project_id: str, etag: str) -> dict[str, Any] | None:
        """A version this store has seen, by etag (verified against its hash), or None."""
        match = ETAG_RE.fullmatch(etag)
        if match is None:
            return None
        path = self._guard(project_id, VERSIONS_DIR, f"{match.group(1)}.json")
        try:
            doc = json.loads(read_bytes_nofollow(path, max_bytes=self.max_project_bytes))
            return doc if isinstance(doc, dict) and content_hash(doc) == etag else None
        except (OSError, ValueError, RecursionError):
            return None

    def _remember(self, project_id: str, etag: str, doc: dict[str, Any]) -> None:
        """Keep ``doc`` as ``.versions/<hex>.json`` so later saves can merge against it."""
        match = ETAG_RE.fullmatch(etag)
        assert match is not None
        target = self._guard(project_id, VERSIONS_DIR, f"{match.group(1)}.json")
        directory = target.parent
        if check_no_link(target) is not None:
            return
        directory.mkdir(exist_ok=True)
        check_no_link(directory, kind="dir")
        atomic_write(target, serialize(doc), sync_dir=False)

    # writing

    def _coerce(self, project_id: str, data: Project | Mapping[str, Any], *, fill_id: bool) -> dict[str, Any]:
        """Validate caller data into the canonical document; InputError lists every problem."""
        doc = data.to_json() if isinstance(data, Project) else dict(data)
        doc.setdefault("schema_version", SCHEMA_VERSION)
        if fill_id:
            doc.setdefault("id", project_id)
        if doc.get("id") != project_id:
            raise InputError(
                [FieldProblem("id", f"is {doc.get('id')!r} but the project is {project_id!r}", project_id)],
                context=f"project {project_id}",
            )
        return parse_project(doc, source=f"project {project_id}").to_json()

    def _encode(self, project_id: str, doc: dict[str, Any]) -> tuple[bytes, str]:
        """File bytes and etag of a validated document, with the size limit enforced."""
        try:
            etag = content_hash(doc)
        except ValueError as exc:
            raise InputError([FieldProblem("$", str(exc))], context=f"project {project_id}") from None
        data = serialize(doc)
        if len(data) > self.max_project_bytes:
            raise InputError(
                [FieldProblem("$", f"project.json would be {len(data)} bytes", f"<= {self.max_project_bytes}")],
                context=f"project {project_id}",
            )
        return data, etag

    def _clean_temp_files(self, directory: Path) -> None:
        """Remove temp files left by writers that crashed (safe: we hold the lock)."""
        now = time.time()
        for stale in directory.glob(f"{TMP_PREFIX}*"):
            with contextlib.suppress(OSError):
                stale.unlink()
        for sub in (VERSIONS_DIR, ATTACHMENTS_DIR):
            for stale in (directory / sub).glob(f"{TMP_PREFIX}*"):
                with contextlib.suppress(OSError):
                    if now - stale.stat().st_mtime > 60:  # lock-free writers use these briefly
                        stale.unlink()

    def create(self, project_id: str, data: Project | Mapping[str, Any], *, who: str | None = None) -> str:
        """Write a new project (never over an existing one); return its etag.

        ``data`` may omit ``id`` (it is filled in) and ``schema_version``; any status is accepted,
        so projects can be imported mid-workflow.
        """
        doc = self._coerce(project_id, data, fill_id=True)
        data_bytes, etag = self._encode(project_id, doc)
        directory = self.project_dir(project_id)
        self._guard(project_id, PROJECT_FILE)
        self.projects_dir.mkdir(parents=True, exist_ok=True)
        directory.mkdir(exist_ok=True)
        self._guard(project_id, ".gitignore")
        with self._locked(project_id):
            path = self._guard(project_id, PROJECT_FILE)
            if os.path.lexists(path):
                raise ProjectExists(f"project {project_id!r} already exists at {path}")
            self._clean_temp_files(directory)
            ignore = self._guard(project_id, ".gitignore")
            if not os.path.lexists(ignore):
                atomic_write(ignore, GITIGNORE_TEXT.encode())
            self._remember(project_id, etag, doc)
            atomic_write(path, data_bytes)
            self.events(project_id).append(make_event(who or default_actor(), "create", None, etag, []))
        return etag

    def save(
        self,
        project_id: str,
        project: Project | Mapping[str, Any],
        *,
        if_match: str | None = None,
        merge: bool = False,
        who: str | None = None,
    ) -> str:
        """Write ``project`` if the file still has etag ``if_match``; return the new etag.

        On a mismatch nothing is written and :class:`PreconditionFailed` carries the current etag
        and the three-way merge (base = version ``if_match``, ours = ``project``, theirs =
        current). With ``merge=True`` a clean merge is written instead (reload afterwards to see
        it); overlapping edits raise :class:`MergeConflict`. A status change must follow
        :data:`~apex_nb.project.model.ALLOWED_TRANSITIONS`. Saving identical content is a no-op.
        """
        if if_match is None:
            raise PreconditionRequired(
                f"save of {project_id!r} refused: pass if_match=<etag from load()> (blind overwrites are not allowed)"
            )
        if not ETAG_RE.fullmatch(if_match):
            raise InputError(
                [FieldProblem("if_match", f"{if_match!r} is not an etag", "sha256-jcs-v1:<64 hex digits>")],
                context="save",
            )
        doc = self._coerce(project_id, project, fill_id=False)
        data, etag = self._encode(project_id, doc)
        path = self.project_file(project_id)
        with self._locked(project_id):
            self._clean_temp_files(path.parent)
            current_doc, current_etag = self._read(project_id)
            current = self._parse_existing(current_doc, path).to_json()
            action = "save"
            if current_etag != if_match:
                result = self._merge_with_base(project_id, if_match, doc, current)
                if result is None or not result.clean or not merge:
                    error = MergeConflict if merge and result is not None else PreconditionFailed
                    raise error(project_id, if_match, current_etag, result)
                doc = result.merged
                data, etag = self._encode(project_id, doc)
                action = "merge"
            check_transition(current["status"], doc["status"])
            if etag == current_etag:
                return etag
            log = self.events(project_id)
            self._log_external_change(project_id, log, current_etag, current)
            self._remember(project_id, etag, doc)
            atomic_write(path, data)
            log.append(make_event(who or default_actor(), action, current_etag, etag, diff(current, doc)))
        return etag

    def _merge_with_base(
        self, project_id: str, base_etag: str, ours: dict[str, Any], theirs: dict[str, Any]
    ) -> MergeResult | None:
        """Three-way merge against the stored base version; None if that version is unknown."""
        base_doc = self.version(project_id, base_etag)
        if base_doc is None:
            return None
        try:
            base = normalize(base_doc)
        except ApexError:
            return None
        result = three_way_merge(base, ours, theirs)
        if result.clean:
            try:
                result.merged = parse_project(result.merged, source="merged project").to_json()
            except InputError as exc:
                result.conflicts.append(Conflict((), base, ours, theirs, reason=f"merged project is invalid: {exc}"))
        return result

    def _log_external_change(self, project_id: str, log: EventLog, current_etag: str, current: dict[str, Any]) -> None:
        """If the file changed without an event (git pull, hand edit, crash), record that first."""
        last = log.last()
        if last is not None and last.etag_after == current_etag:
            return
        before = None if last is None else last.etag_after
        previous = None if before is None else self.version(project_id, before)
        changes = []
        if previous is not None:
            with contextlib.suppress(ApexError):
                changes = diff(normalize(previous), current)
        log.append(make_event("unknown", "external", before, current_etag, changes))

    # attachments

    def put_attachment(self, project_id: str, data: bytes) -> str:
        """Store bytes as ``attachments/<sha256>`` (idempotent) and return the sha256 hex."""
        if len(data) > self.max_attachment_bytes:
            raise InputError(
                [FieldProblem("attachment", f"{len(data)} bytes", f"<= {self.max_attachment_bytes}")],
                context="attachment",
            )
        if check_no_link(self._guard(project_id, PROJECT_FILE), kind="file") is None:
            raise ProjectNotFound(f"no project {project_id!r} under {self.projects_dir}")
        digest = file_sha256(data)
        target = self._guard(project_id, ATTACHMENTS_DIR, digest)
        directory = target.parent
        directory.mkdir(exist_ok=True)
        check_no_link(directory, kind="dir")
        try:
            same = file_sha256(read_bytes_nofollow(target)) == digest
        except FileNotFoundError:
            same = False
        if not same:
            atomic_write(target, data)
        return digest

    def attachment_path(self, project_id: str, sha256: str) -> Path:
        """Where the attachment with this sha256 lives (it may not exist)."""
        if not _SHA_RE.fullmatch(sha256):
            raise InputError([FieldProblem("sha256", f"{sha256!r} is not a sha256", "64 lowercase hex digits")])
        return self._guard(project_id, ATTACHMENTS_DIR, sha256)

    def read_attachment(self, project_id: str, sha256: str) -> bytes:
        """The attachment's bytes, verified against their hash."""
        path = self.attachment_path(project_id, sha256)
        try:
            data = read_bytes_nofollow(path, max_bytes=self.max_attachment_bytes)
        except ValueError as exc:
            raise CorruptProjectFile(path, str(exc)) from None
        except FileNotFoundError:
            raise ProjectError(f"no attachment {sha256} in project {project_id!r}") from None
        if file_sha256(data) != sha256:
            raise CorruptProjectFile(path, "content does not match its sha256 name")
        return data

    # maintenance

    def prune_versions(self, project_id: str, keep: int = 200) -> int:
        """Delete all but the ``keep`` newest stored versions (never the current one); return the count."""
        directory = self._guard(project_id, VERSIONS_DIR)
        with self._locked(project_id):
            _, current = self._read(project_id)
            current_name = f"{current.split(':', 1)[1]}.json"
            files = sorted(
                (p for p in directory.glob("*.json") if p.name != current_name),
                key=lambda p: p.lstat().st_mtime,
                reverse=True,
            )
            removed = 0
            for stale in files[max(0, keep - 1) :]:
                stale.unlink()
                removed += 1
        return removed
