"""Pure three-way merge and diff of JSON documents (no I/O, no project knowledge).

Rules, applied at every level of the document:

* if ours and theirs agree, take it; if only one side changed (the other equals base), take
  that side. This alone gives merge(b, x, b) = x, merge(b, b, y) = y and merge(b, x, x) = x;
* if both changed an object, merge it key by key (a key added, changed or removed on one side
  only is taken from that side);
* if both changed a *keyed list* (every item an object with a unique string ``id``, as signs,
  designs and notes are), merge it item by item by ``id``. The result follows the order of the
  side that reordered (ours if neither did); the other side's new items go in before the item
  that follows them on that side, or at the end if none does (so appends stay appends, ours
  first). If both sides reordered the list differently, that is a conflict on the list;
* anything else changed on both sides differently (scalars, plain lists, type changes, a key
  added on both sides with different values, an item removed on one side and edited on the
  other) is a conflict at its JSON path. The merged value then holds *ours* at that path.

Equality is JSON equality: ``1 == 1.0`` but ``true != 1``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

from apex_nb.canonical import short_json
from apex_nb.project.paths import ById, Path, format_path


class _Missing:
    """Marks an absent key or list item (distinct from JSON null)."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()


def json_equal(a: Any, b: Any) -> bool:
    """JSON value equality: numbers compare by value, booleans are not numbers, MISSING is itself."""
    if a is MISSING or b is MISSING:
        return a is b
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def _keyed(items: Any) -> dict[str, Any] | None:
    """``{id: item}`` (in order) if ``items`` is a list of objects with unique string ids, else None."""
    if not isinstance(items, list):
        return None
    out: dict[str, Any] = {}
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or item["id"] in out:
            return None
        out[item["id"]] = item
    return out


def _show(value: Any) -> str:
    """Short one-line rendering of a value for reports."""
    if value is MISSING:
        return "(absent)"
    return short_json(value, 120)


@dataclass(frozen=True)
class Conflict:
    """Both sides changed the value at ``path`` differently (values may be MISSING)."""

    segments: Path
    base: Any
    ours: Any
    theirs: Any
    reason: str = "changed on both sides"

    @property
    def path(self) -> str:
        """The JSON path, e.g. ``$.site.address``."""
        return format_path(self.segments)

    def describe(self) -> str:
        """Multi-line human-readable account of the conflict."""
        return (
            f"{self.path}: {self.reason}\n"
            f"    base:   {_show(self.base)}\n"
            f"    ours:   {_show(self.ours)}\n"
            f"    theirs: {_show(self.theirs)}"
        )

    def to_json(self) -> dict[str, Any]:
        """JSON-able form (absent values become null with a flag)."""
        out: dict[str, Any] = {"path": self.path, "reason": self.reason}
        for name in ("base", "ours", "theirs"):
            value = getattr(self, name)
            out[name] = None if value is MISSING else value
            if value is MISSING:
                out[f"{name}_absent"] = True
        return out


@dataclass
class MergeResult:
    """The merged document and the conflicts; ``merged`` is only to be written when ``clean``."""

    merged: Any
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """True when there is no conflict."""
        return not self.conflicts

    def report(self) -> str:
        """Readable list of conflicts (empty string when clean)."""
        return "\n".join(c.describe() for c in self.conflicts)


def three_way_merge(base: Any, ours: Any, theirs: Any) -> MergeResult:
    """Merge two edits of ``base``; see the module docstring for the rules."""
    conflicts: list[Conflict] = []
    merged = _merge(base, ours, theirs, (), conflicts)
    return MergeResult(merged=merged, conflicts=conflicts)


def _merge(base: Any, ours: Any, theirs: Any, path: Path, conflicts: list[Conflict]) -> Any:
    if json_equal(ours, theirs):
        return ours
    if json_equal(base, ours):
        return theirs
    if json_equal(base, theirs):
        return ours
    if isinstance(base, dict) and isinstance(ours, dict) and isinstance(theirs, dict):
        return _merge_dicts(base, ours, theirs, path, conflicts)
    keyed = [_keyed(v) for v in (base, ours, theirs)]
    if keyed[0] is not None and keyed[1] is not None and keyed[2] is not None:
        return _merge_keyed(keyed[0], keyed[1], keyed[2], path, conflicts)
    conflicts.append(Conflict(path, base, ours, theirs))
    return ours


def _merge_dicts(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any], path: Path, conflicts: list[Conflict]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    keys = list(dict.fromkeys([*ours, *theirs, *base]))
    for key in keys:
        value = _merge(
            base.get(key, MISSING), ours.get(key, MISSING), theirs.get(key, MISSING), (*path, key), conflicts
        )
        if value is not MISSING:
            out[key] = value
    return out


def _relative(order: list[str], keep: set[str]) -> list[str]:
    return [i for i in order if i in keep]


def _merge_keyed(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any], path: Path, conflicts: list[Conflict]
) -> list[Any]:
    items: dict[str, Any] = {}
    for item_id in dict.fromkeys([*ours, *theirs, *base]):
        value = _merge(
            base.get(item_id, MISSING),
            ours.get(item_id, MISSING),
            theirs.get(item_id, MISSING),
            (*path, ById(item_id)),
            conflicts,
        )
        if value is not MISSING:
            items[item_id] = value

    base_order, our_order, their_order = list(base), list(ours), list(theirs)
    common_o = set(base) & set(ours)
    common_t = set(base) & set(theirs)
    ours_moved = _relative(our_order, common_o) != _relative(base_order, common_o)
    theirs_moved = _relative(their_order, common_t) != _relative(base_order, common_t)
    if ours_moved and theirs_moved:
        common = set(base) & set(ours) & set(theirs)
        if _relative(our_order, common) != _relative(their_order, common):
            conflicts.append(Conflict(path, base_order, our_order, their_order, reason="list reordered on both sides"))
    skeleton, other = (their_order, our_order) if theirs_moved and not ours_moved else (our_order, their_order)
    order = [i for i in skeleton if i in items]
    placed = set(order)
    for index, item_id in enumerate(other):
        if item_id in placed or item_id not in items:
            continue
        after = next((p for p in other[index + 1 :] if p in placed), None)
        order.insert(len(order) if after is None else order.index(after), item_id)
        placed.add(item_id)
    order.extend(sorted(set(items) - placed))
    return [items[i] for i in order]


# --- diff ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One difference between two documents: ``op`` is add, remove, replace or reorder."""

    op: str
    segments: Path
    old: Any = MISSING
    new: Any = MISSING

    @property
    def path(self) -> str:
        """The JSON path of the change."""
        return format_path(self.segments)

    def describe(self) -> str:
        """One line: ``~ $.name: "a" -> "b"``."""
        if self.op == "add":
            return f"+ {self.path}: {_show(self.new)}"
        if self.op == "remove":
            return f"- {self.path}: {_show(self.old)}"
        if self.op == "reorder":
            return f"~ {self.path}: reordered"
        return f"~ {self.path}: {_show(self.old)} -> {_show(self.new)}"


def diff(old: Any, new: Any) -> list[Change]:
    """Field-level differences from ``old`` to ``new`` (objects by key, keyed lists by id)."""
    changes: list[Change] = []
    _diff(old, new, (), changes)
    return changes


def _diff(old: Any, new: Any, path: Path, out: list[Change]) -> None:
    if json_equal(old, new):
        return
    if old is MISSING:
        out.append(Change("add", path, new=new))
        return
    if new is MISSING:
        out.append(Change("remove", path, old=old))
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            _diff(old.get(key, MISSING), new.get(key, MISSING), (*path, key), out)
        return
    k_old, k_new = _keyed(old), _keyed(new)
    if k_old is not None and k_new is not None:
        for item_id in dict.fromkeys([*k_old, *k_new]):
            _diff(k_old.get(item_id, MISSING), k_new.get(item_id, MISSING), (*path, ById(item_id)), out)
        common = set(k_old) & set(k_new)
        if _relative(list(k_old), common) != _relative(list(k_new), common):
            out.append(Change("reorder", path, old=list(k_old), new=list(k_new)))
        return
    out.append(Change("replace", path, old=old, new=new))
