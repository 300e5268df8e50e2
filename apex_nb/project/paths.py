"""JSON paths for project documents: how conflicts and changes are named, and how the CLI edits.

A path is a tuple of segments: a ``str`` is an object key, an ``int`` a list index and
:class:`ById` an item of a list of objects picked by its ``id`` field. Rendered, a path reads
``$.signs[id="s1"].inputs.height``; :func:`parse_path` reads that form back (the leading ``$``
and the quotes around ids are optional, so ``signs[id=s1].inputs.height`` works on a shell).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from apex_nb.errors import FieldProblem, InputError


@dataclass(frozen=True)
class ById:
    """Selects the item whose ``id`` equals ``id`` in a list of objects."""

    id: str


Segment = str | int | ById
Path = tuple[Segment, ...]

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def format_path(path: Path) -> str:
    """Render a path as ``$.key[id="x"][0]["odd key"]``."""
    out = ["$"]
    for seg in path:
        if isinstance(seg, ById):
            out.append(f"[id={json.dumps(seg.id)}]")
        elif isinstance(seg, int):
            out.append(f"[{seg}]")
        elif _IDENT.fullmatch(seg):
            out.append(f".{seg}")
        else:
            out.append(f"[{json.dumps(seg)}]")
    return "".join(out)


_TOKEN = re.compile(
    r"""\.(?P<key>[A-Za-z_][A-Za-z0-9_]*)
      | \[(?P<index>\d+)\]
      | \[id=(?:"(?P<qid>(?:[^"\\]|\\.)*)"|(?P<id>[^\]"]+))\]
      | \[(?P<qkey>"(?:[^"\\]|\\.)*")\]""",
    re.VERBOSE,
)


def parse_path(text: str) -> Path:
    """Parse the rendered form (see module docstring); raise InputError if it is malformed."""
    body = text.strip()
    if body.startswith("$"):
        body = body[1:]
    if body and body[0] not in ".[":
        body = "." + body
    segments: list[Segment] = []
    pos = 0
    while pos < len(body):
        match = _TOKEN.match(body, pos)
        if match is None:
            raise InputError(
                [FieldProblem("path", f"cannot parse {text!r} at position {pos}", 'e.g. signs[id="s1"].name')],
                context="path",
            )
        if match["key"] is not None:
            segments.append(match["key"])
        elif match["index"] is not None:
            segments.append(int(match["index"]))
        elif match["qid"] is not None:
            segments.append(ById(json.loads(f'"{match["qid"]}"')))
        elif match["id"] is not None:
            segments.append(ById(match["id"]))
        else:
            segments.append(json.loads(match["qkey"]))
        pos = match.end()
    return tuple(segments)


def _step(container: Any, seg: Segment, text: str) -> Any:
    """The child of ``container`` at ``seg``; KeyError with a readable message if absent."""
    if isinstance(seg, ById) and isinstance(container, list):
        for item in container:
            if isinstance(item, dict) and item.get("id") == seg.id:
                return item
    elif isinstance(seg, int) and isinstance(container, list):
        if 0 <= seg < len(container):
            return container[seg]
    elif isinstance(seg, str) and isinstance(container, dict) and seg in container:
        return container[seg]
    raise KeyError(f"{text} does not exist")


def get_path(doc: Any, path: Path) -> Any:
    """The value at ``path``; KeyError if some segment does not exist."""
    value = doc
    for depth, seg in enumerate(path):
        value = _step(value, seg, format_path(path[: depth + 1]))
    return value


def set_path(doc: Any, path: Path, value: Any) -> None:
    """Set the value at ``path`` in place; the parent must exist (a missing key is added)."""
    if not path:
        raise KeyError("cannot replace the whole document")
    parent = get_path(doc, path[:-1])
    last = path[-1]
    if isinstance(last, str) and isinstance(parent, dict):
        parent[last] = value
        return
    if isinstance(last, ById) and isinstance(parent, list):
        for index, item in enumerate(parent):
            if isinstance(item, dict) and item.get("id") == last.id:
                parent[index] = value
                return
        if isinstance(value, dict):
            parent.append({"id": last.id, **value})
            return
    if isinstance(last, int) and isinstance(parent, list) and 0 <= last < len(parent):
        parent[last] = value
        return
    raise KeyError(f"cannot set {format_path(path)}")


def delete_path(doc: Any, path: Path) -> None:
    """Remove the key or list item at ``path`` in place; KeyError if it does not exist."""
    if not path:
        raise KeyError("cannot delete the whole document")
    parent = get_path(doc, path[:-1])
    last = path[-1]
    if isinstance(last, str) and isinstance(parent, dict) and last in parent:
        del parent[last]
        return
    if isinstance(last, ById) and isinstance(parent, list):
        for index, item in enumerate(parent):
            if isinstance(item, dict) and item.get("id") == last.id:
                del parent[index]
                return
    if isinstance(last, int) and isinstance(parent, list) and 0 <= last < len(parent):
        del parent[last]
        return
    raise KeyError(f"{format_path(path)} does not exist")
