"""``apex-nb packs list | show NAME | verify | lock``."""

from __future__ import annotations

import argparse
import json
from typing import Any

from apex_nb.packs import PackLibrary, write_lock


def register(subparsers: Any) -> None:
    """Add the ``packs`` command group."""
    packs = subparsers.add_parser("packs", help="list, show, verify and lock constants packs")
    sub = packs.add_subparsers(dest="packs_command", required=True)
    sub.add_parser("list", help="every pack and its locked versions").set_defaults(func=cmd_list)
    show = sub.add_parser("show", help="header and sha256 of one pack")
    show.add_argument("name")
    show.add_argument("--version", dest="pack_version", default=None)
    show.add_argument("--data", action="store_true", help="print the pack body too")
    show.set_defaults(func=cmd_show)
    sub.add_parser("verify", help="check every pack against packs.lock and its schema").set_defaults(func=cmd_verify)
    sub.add_parser("lock", help="rewrite packs.lock from the files present (after review)").set_defaults(func=cmd_lock)


def cmd_list(args: argparse.Namespace) -> int:
    """Print one line per pack version: name, version, edition, title."""
    library = PackLibrary()
    for name in library.names():
        for version in library.versions(name):
            pack = library.get(name, version)
            print(f"{name:28s} {version:8s} {pack.header.edition:10s} {pack.header.title}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Print a pack's header, sha256 and (with --data) its body as JSON."""
    pack = PackLibrary().get(args.name, args.pack_version)
    out: dict[str, Any] = {"path": str(pack.path), "sha256": pack.sha256, **pack.header.model_dump(by_alias=True)}
    if args.data:
        out["data"] = pack.data.model_dump(mode="json")
    print(json.dumps(out, indent=2, sort_keys=True))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    """Exit 1 and name every bad file when any pack fails its lock or schema."""
    library = PackLibrary()
    problems = library.verify_all()
    for problem in problems:
        print(f"FAIL {problem}")
    if problems:
        return 1
    print(f"ok: {len(library.names())} packs verified against {library.root / 'packs.lock'}")
    return 0


def cmd_lock(args: argparse.Namespace) -> int:
    """Rewrite packs.lock from the pack files present."""
    path = write_lock(PackLibrary().root)
    print(f"wrote {path}")
    return 0
