"""``apex-nb project new | list | show | set | diff | history | attach | merge-driver | install-git``.

Every command works on the store rooted at ``--root`` (default: ``$APEX_NB_ROOT`` or the current
directory), i.e. on ``<root>/projects/<id>/project.json``. ``set`` takes httpie-style edits:
``PATH=text`` sets a string, ``PATH:=json`` sets any JSON value, e.g.
``apex-nb project set acme name="Pylon B" site.lat:=45.5 'signs[id=s1].inputs.height_ft:=24'``.
"""

from __future__ import annotations

import argparse
import json
import mimetypes
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from apex_nb.errors import ApexError, FieldProblem, InputError
from apex_nb.project.gitdriver import install_git, run_driver
from apex_nb.project.merge import diff
from apex_nb.project.model import SCHEMA_VERSION, normalize
from apex_nb.project.paths import delete_path, parse_path, set_path
from apex_nb.project.store import (
    ETAG_RE,
    PROJECT_FILE,
    PreconditionFailed,
    ProjectStore,
    parse_json_object,
    serialize,
)

SET_RETRIES = 5


def register(subparsers: Any) -> None:
    """Add the ``project`` command group."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--root",
        default=os.environ.get("APEX_NB_ROOT", "."),
        help="folder holding projects/ (default: $APEX_NB_ROOT or the current directory)",
    )
    common.add_argument(
        "--who", default=None, help="name recorded in the event log (default: $APEX_NB_USER or user@host)"
    )

    project = subparsers.add_parser("project", help="create, inspect and edit projects stored as JSON")
    sub = project.add_subparsers(dest="project_command", required=True)

    new = sub.add_parser("new", parents=[common], help="create a project")
    new.add_argument("id")
    new.add_argument("--name", help="project name (required unless --from-file gives one)")
    new.add_argument("--customer", default="", help="customer name")
    new.add_argument("--address", default="", help="site address")
    new.add_argument("--lat", type=float, default=None)
    new.add_argument("--lon", type=float, default=None)
    new.add_argument("--jurisdiction", default="")
    new.add_argument("--code", action="append", default=[], metavar="CODE=EDITION", help='e.g. "ASCE 7=7-22"')
    new.add_argument("--from-file", type=Path, default=None, help="start from this JSON document")
    new.set_defaults(func=cmd_new)

    lst = sub.add_parser("list", parents=[common], help="one line per project: id, status, name")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_list)

    show = sub.add_parser("show", parents=[common], help="print project.json (canonical form)")
    show.add_argument("id")
    show.add_argument("--etag", action="store_true", help="print only the etag")
    show.set_defaults(func=cmd_show)

    setp = sub.add_parser("set", parents=[common], help="edit fields: PATH=text, PATH:=json")
    setp.add_argument("id")
    setp.add_argument("edits", nargs="*", metavar="PATH=VALUE")
    setp.add_argument("--unset", action="append", default=[], metavar="PATH", help="remove a key or list item")
    setp.add_argument("--if-match", default=None, help="apply the edits to this version; fail if it is not current")
    setp.add_argument("--merge", action="store_true", help="with --if-match: merge with newer edits if clean")
    setp.set_defaults(func=cmd_set)

    dif = sub.add_parser("diff", parents=[common], help="field-level diff of two versions")
    dif.add_argument("id")
    dif.add_argument("old", nargs="?", default=None, help="etag, file, git:REV or 'current' (default: previous)")
    dif.add_argument("new", nargs="?", default="current", help="same forms (default: current)")
    dif.add_argument("--json", action="store_true")
    dif.set_defaults(func=cmd_diff)

    his = sub.add_parser("history", parents=[common], help="the event log: who changed what, when")
    his.add_argument("id")
    his.add_argument("--limit", type=int, default=None, help="only the newest N events")
    his.add_argument("--json", action="store_true", help="raw JSON lines")
    his.set_defaults(func=cmd_history)

    att = sub.add_parser("attach", parents=[common], help="store a file by content hash and list it")
    att.add_argument("id")
    att.add_argument("file", type=Path)
    att.add_argument("--media-type", default=None)
    att.set_defaults(func=cmd_attach)

    drv = sub.add_parser("merge-driver", help="git merge driver: %%O %%A %%B [%%P]")
    drv.add_argument("base")
    drv.add_argument("ours")
    drv.add_argument("theirs")
    drv.add_argument("path", nargs="?", default=None)
    drv.set_defaults(func=cmd_merge_driver)

    ins = sub.add_parser("install-git", parents=[common], help="write .gitattributes and git config for the driver")
    ins.add_argument("--command", default=None, help="how git should run apex-nb (default: this installation)")
    ins.set_defaults(func=cmd_install_git)


def _store(args: argparse.Namespace) -> ProjectStore:
    return ProjectStore(args.root)


def _problem(path: str, message: str, allowed: str = "") -> InputError:
    return InputError([FieldProblem(path, message, allowed)], context="command line")


def cmd_new(args: argparse.Namespace) -> int:
    """Create a project from flags (or a JSON file plus flags) and print its etag."""
    doc: dict[str, Any] = {}
    if args.from_file is not None:
        doc = parse_json_object(args.from_file.read_bytes(), args.from_file)
    doc.setdefault("schema_version", SCHEMA_VERSION)
    if args.name:
        doc["name"] = args.name
    if "name" not in doc:
        raise _problem("--name", "is required", "a project name")
    customer = doc.setdefault("customer", {})
    site = doc.setdefault("site", {})
    if args.customer:
        customer["name"] = args.customer
    for key in ("address", "lat", "lon", "jurisdiction"):
        value = getattr(args, key)
        if value not in (None, ""):
            site[key] = value
    for item in args.code:
        code, sep, edition = item.partition("=")
        if not sep or not code.strip() or not edition.strip():
            raise _problem("--code", f"{item!r} is not CODE=EDITION", '"ASCE 7=7-22"')
        site.setdefault("code_editions", {})[code.strip()] = edition.strip()
    store = _store(args)
    etag = store.create(args.id, doc, who=args.who)
    print(f"created {store.project_file(args.id)}\n{etag}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """Print id, status and name of every project (unreadable ones are flagged, not fatal)."""
    store = _store(args)
    rows = []
    for project_id in store.list_ids():
        try:
            project, etag = store.load(project_id)
            rows.append({"id": project_id, "status": project.status.value, "name": project.name, "etag": etag})
        except ApexError as exc:
            rows.append({"id": project_id, "status": "UNREADABLE", "name": str(exc), "etag": None})
    if args.json:
        print(json.dumps(rows, indent=2, sort_keys=True))
    else:
        for row in rows:
            print(f"{row['id']:32s} {row['status']:11s} {row['name']}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Print the project in canonical form, or only its etag."""
    project, etag = _store(args).load(args.id)
    if args.etag:
        print(etag)
    else:
        sys.stdout.write(serialize(project.to_json()).decode())
    return 0


def _split_edit(edit: str) -> tuple[str, str, str] | None:
    """Split ``PATH=value`` / ``PATH:=value`` at the first ``=`` outside brackets and quotes."""
    depth, quoted = 0, False
    for index, char in enumerate(edit):
        if quoted:
            quoted = char != '"' or edit[index - 1] == "\\"
        elif char == '"':
            quoted = True
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "=" and depth == 0 and index > 0:
            if edit[index - 1] == ":":
                return edit[: index - 1], ":=", edit[index + 1 :]
            return edit[:index], "=", edit[index + 1 :]
    return None


def _parse_edits(edits: list[str]) -> list[tuple[str, Any]]:
    """``PATH=text`` -> string, ``PATH:=json`` -> parsed JSON."""
    out = []
    for edit in edits:
        parts = _split_edit(edit)
        if parts is None or not parts[0]:
            raise _problem(edit, "is not PATH=text or PATH:=json", 'name="Pylon B", site.lat:=45.5')
        path, op, value = parts
        parsed: Any = value
        if op == ":=":
            try:
                parsed = json.loads(value)
            except ValueError as exc:
                raise _problem(path, f"value is not JSON ({exc})", "use PATH=text for plain text") from None
        out.append((path, parsed))
    return out


def _apply(doc: dict[str, Any], edits: list[tuple[str, Any]], unset: list[str]) -> dict[str, Any]:
    """Apply the edits to a copy of ``doc``; a missing path is an InputError naming it."""
    out = json.loads(json.dumps(doc))
    for text, value in edits:
        try:
            set_path(out, parse_path(text), value)
        except KeyError as exc:
            raise _problem(text, str(exc.args[0])) from None
    for text in unset:
        try:
            delete_path(out, parse_path(text))
        except KeyError as exc:
            raise _problem(text, str(exc.args[0])) from None
    return out


def cmd_set(args: argparse.Namespace) -> int:
    """Apply edits and save with the etag they were based on; print the new etag.

    Without ``--if-match`` the edits are re-applied to the newest version if someone else saved
    in between (they are path edits, so that is safe). With ``--if-match`` they apply to that exact
    version and a newer file is a failure unless ``--merge`` finds the edits disjoint.
    """
    edits = _parse_edits(args.edits)
    if not edits and not args.unset:
        raise _problem("edits", "nothing to change", "PATH=text, PATH:=json or --unset PATH")
    store = _store(args)
    if args.if_match is not None:
        base = store.version(args.id, args.if_match)
        if base is None:
            raise _problem("--if-match", f"version {args.if_match} is not known for {args.id!r}", "an etag from show")
        doc = _apply(normalize(base), edits, args.unset)
        etag = store.save(args.id, doc, if_match=args.if_match, merge=args.merge, who=args.who)
        print(etag)
        return 0
    for attempt in range(SET_RETRIES):
        project, current = store.load(args.id)
        doc = _apply(project.to_json(), edits, args.unset)
        try:
            etag = store.save(args.id, doc, if_match=current, who=args.who)
        except PreconditionFailed:
            if attempt == SET_RETRIES - 1:
                raise
            continue
        print(etag)
        return 0
    return 1  # pragma: no cover - the loop returns or raises


def _resolve(store: ProjectStore, project_id: str, ref: str) -> dict[str, Any]:
    """A version named by an etag, ``current``, ``git:REV`` or a JSON file path, normalised."""
    path = store.project_file(project_id)
    if ref == "current":
        return store.load(project_id)[0].to_json()
    if ETAG_RE.fullmatch(ref):
        doc = store.version(project_id, ref)
        if doc is None:
            raise _problem("version", f"{ref} is not known for {project_id!r}", "an etag from history")
        return normalize(doc)
    if ref.startswith("git:"):
        done = subprocess.run(
            ["git", "-C", str(path.parent), "show", f"{ref[4:]}:./{PROJECT_FILE}"],
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            raise ApexError(f"git show {ref[4:]}:{PROJECT_FILE} failed: {done.stderr.decode().strip()}")
        return normalize(parse_json_object(done.stdout, Path(f"{ref}:{path}")))
    file = Path(ref)
    return normalize(parse_json_object(file.read_bytes(), file))


def cmd_diff(args: argparse.Namespace) -> int:
    """Print the field-level changes between two versions (default: the last save)."""
    store = _store(args)
    old_ref = args.old
    if old_ref is None:
        events = [e for e in store.history(args.id) if e.etag_before]
        if not events:
            print("(no earlier version)")
            return 0
        old_ref = events[-1].etag_before
    changes = diff(_resolve(store, args.id, old_ref), _resolve(store, args.id, args.new))
    if args.json:
        print(json.dumps([{"op": c.op, "path": c.path} for c in changes], indent=2))
    else:
        for change in changes:
            print(change.describe())
    return 0


def _change_tail(change: dict[str, Any]) -> str:
    """``: old -> new`` for a replace, ``: value`` for an add or remove, nothing for a reorder."""
    if "old" in change and "new" in change:
        return f": {json.dumps(change['old'])} -> {json.dumps(change['new'])}"
    if "new" in change or "old" in change:
        return f": {json.dumps(change.get('new', change.get('old')))}"
    return ""


def cmd_history(args: argparse.Namespace) -> int:
    """Print the event log, oldest first."""
    store = _store(args)
    events, bad_lines = store.history_checked(args.id)
    for number in bad_lines:
        print(
            f"warning: {store.events(args.id).path} line {number} is not a readable event (skipped)",
            file=sys.stderr,
        )
    if args.limit is not None:
        events = events[-args.limit :] if args.limit > 0 else []
    for event in events:
        if args.json:
            print(json.dumps(event.to_json(), sort_keys=True))
            continue
        before = (event.etag_before or "-").split(":")[-1][:12]
        after = event.etag_after.split(":")[-1][:12]
        print(f"{event.at}  {event.who}  {event.action}  {before} -> {after}")
        for change in event.changes:
            print(f"    {change['op']:7s} {change['path']}{_change_tail(change)}")
        if event.changes_total > len(event.changes):
            print(f"    ... {event.changes_total - len(event.changes)} more")
    return 0


def _attachment_id(name: str, taken: set[str]) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-._")[:56] or "file"
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    return candidate


def cmd_attach(args: argparse.Namespace) -> int:
    """Store a file under attachments/<sha256> and add it to the project's attachments."""
    store = _store(args)
    data = args.file.read_bytes()
    digest = store.put_attachment(args.id, data)
    media = args.media_type or mimetypes.guess_type(args.file.name)[0] or "application/octet-stream"
    for attempt in range(SET_RETRIES):
        project, etag = store.load(args.id)
        doc = project.to_json()
        if any(item["sha256"] == digest for item in doc["attachments"]):
            print(f"already attached: {digest}")
            return 0
        item_id = _attachment_id(args.file.name, {item["id"] for item in doc["attachments"]})
        doc["attachments"].append(
            {"id": item_id, "filename": args.file.name, "sha256": digest, "size": len(data), "media_type": media}
        )
        try:
            store.save(args.id, doc, if_match=etag, who=args.who)
        except PreconditionFailed:
            if attempt == SET_RETRIES - 1:
                raise
            continue
        print(f"attached {args.file.name} as {item_id}: {digest}")
        return 0
    return 1  # pragma: no cover


def cmd_merge_driver(args: argparse.Namespace) -> int:
    """Git merge driver entry point (see apex_nb.project.gitdriver)."""
    return run_driver(args.base, args.ours, args.theirs, args.path)


def cmd_install_git(args: argparse.Namespace) -> int:
    """Configure the current git work tree to merge project files semantically."""
    for line in install_git(Path(args.root), args.command):
        print(line)
    return 0
