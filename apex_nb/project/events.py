"""Append-only JSONL event log of a project: when, who, what changed, etag before and after.

One JSON object per line, keys sorted, so ``events.jsonl`` merges in git with the built-in
``union`` driver. Lines are appended with ``O_APPEND`` and fsynced. A crash can at worst leave a
torn last line: readers skip it (``read_checked`` reports it) and the next append starts on a
fresh line, so one crash never makes the history unreadable.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from apex_nb.project.merge import MISSING, Change
from apex_nb.project.safefs import open_nofollow, read_bytes_nofollow

MAX_CHANGES_LOGGED = 200
"""Changes listed per event; beyond that only the count is kept (the versions hold the rest)."""

_MAX_VALUE_CHARS = 200


@dataclass(frozen=True)
class Event:
    """One entry of the log. ``action`` is create, save, merge or external (edited outside)."""

    at: str
    who: str
    action: str
    etag_before: str | None
    etag_after: str
    changes: list[dict[str, Any]] = field(default_factory=list)
    changes_total: int = 0

    def to_json(self) -> dict[str, Any]:
        """The JSON object written as one line: every field, by name."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        """Read an event back (unknown keys are ignored so old readers survive new writers).

        ValueError when a known key has the wrong type (a hand edit, a bad merge): the reader
        reports that line and skips it.
        """
        changes = data.get("changes") or []
        total = data.get("changes_total") or 0
        before = data.get("etag_before")
        texts = {key: data.get(key, "") for key in ("at", "who", "action", "etag_after")}
        bad = [key for key, value in texts.items() if not isinstance(value, str)]
        if before is not None and not isinstance(before, str):
            bad.append("etag_before")
        if not isinstance(changes, list) or not all(isinstance(c, dict) for c in changes):
            bad.append("changes")
        if isinstance(total, bool) or not isinstance(total, int):
            bad.append("changes_total")
        if bad:
            raise ValueError(f"wrong type for {', '.join(bad)}")
        return cls(
            at=texts["at"],
            who=texts["who"],
            action=texts["action"],
            etag_before=before,
            etag_after=texts["etag_after"],
            changes=list(changes),
            changes_total=total,
        )


def _parse_line(line: bytes) -> Event | None:
    """The event on one line, or None if the line is torn, not an object or badly typed."""
    try:
        data = json.loads(line)
        return Event.from_json(data) if isinstance(data, dict) else None
    except (ValueError, RecursionError):
        return None


def _small(value: Any) -> Any:
    """Scalars as they are (long strings cut); containers summarised, to keep lines short."""
    if isinstance(value, str) and len(value) > _MAX_VALUE_CHARS:
        return value[:_MAX_VALUE_CHARS] + "..."
    if isinstance(value, dict):
        return f"{{object with {len(value)} keys}}"
    if isinstance(value, list):
        return f"[list of {len(value)}]"
    return value


def changes_to_json(changes: list[Change]) -> list[dict[str, Any]]:
    """Compact JSON form of a diff for the log: op, path and small before/after values."""
    out = []
    for change in changes[:MAX_CHANGES_LOGGED]:
        item: dict[str, Any] = {"op": change.op, "path": change.path}
        if change.old is not MISSING and change.op != "reorder":
            item["old"] = _small(change.old)
        if change.new is not MISSING and change.op != "reorder":
            item["new"] = _small(change.new)
        out.append(item)
    return out


def make_event(who: str, action: str, etag_before: str | None, etag_after: str, changes: list[Change]) -> Event:
    """An event stamped now (UTC, ISO 8601)."""
    return Event(
        at=datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        who=who,
        action=action,
        etag_before=etag_before,
        etag_after=etag_after,
        changes=changes_to_json(changes),
        changes_total=len(changes),
    )


class EventLog:
    """The ``events.jsonl`` of one project. Appends must happen under the project lock."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def append(self, event: Event) -> None:
        """Append one line durably; repair a torn last line first by starting a new line."""
        line = json.dumps(event.to_json(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        data = (line + "\n").encode("utf-8")
        fd = open_nofollow(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o666, single_link=True)
        try:
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                data = b"\n" + data
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)

    def read(self) -> list[Event]:
        """Every complete event in order (torn lines from interrupted appends are skipped)."""
        return self.read_checked()[0]

    def read_checked(self) -> tuple[list[Event], list[int]]:
        """Events in order, plus the 1-based numbers of lines that are not readable events.

        Such lines come from an append cut short by a crash, a hand edit or a bad merge; they are
        reported rather than fatal so one bad line never makes the history unreadable or blocks a
        save.
        """
        try:
            raw = read_bytes_nofollow(self.path)
        except FileNotFoundError:
            return [], []
        events: list[Event] = []
        bad: list[int] = []
        for number, line in enumerate(raw.split(b"\n"), start=1):
            if not line.strip():
                continue
            event = _parse_line(line)
            if event is None:
                bad.append(number)
            else:
                events.append(event)
        return events, bad

    def last(self) -> Event | None:
        """The newest complete event, reading only the tail of the file."""
        try:
            with os.fdopen(open_nofollow(self.path, os.O_RDONLY), "rb") as handle:
                size = handle.seek(0, os.SEEK_END)
                chunk = 65536
                while True:
                    start = max(0, size - chunk)
                    handle.seek(start)
                    tail = handle.read(size - start)
                    lines = tail.split(b"\n")
                    candidates = lines if start == 0 else lines[1:]
                    for line in reversed(candidates):
                        event = _parse_line(line) if line.strip() else None
                        if event is not None:
                            return event
                    if start == 0:
                        return None
                    chunk *= 4
        except FileNotFoundError:
            return None
