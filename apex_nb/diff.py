"""What changed between two envelopes: ``diff(a, b)`` and ``apex-nb diff A.json B.json``.

Reviewers ask why a price or a verdict moved after a pack, an edition or an input changed.
``diff`` walks both envelopes and every part (parts are matched by solver name and order among
their siblings, so ``wind.asce7_sign#2`` is the second wind part of its parent) and lists each
change in one of four groups:

- ``inputs``: an input field (nested fields as dotted paths),
- ``packs``: a constants pack by name (version and sha256),
- ``results``: a result field (nested fields as dotted paths, lists of numbers whole),
- ``checks``: a check's demand, capacity, ratio or verdict (``passed``), with the check's unit.

Each change carries the old and the new value, the unit (from the field name's unit suffix or
the check) and, for numbers, the change ``new - old``. Numbers are compared exactly (the hashes
are exact too), so a change in the 15th digit is still listed. The envelopes' hashes are never
trusted blindly: the diff compares the content itself.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from apex_nb.canonical import clip, short_json

if TYPE_CHECKING:
    from apex_nb.envelope import Envelope

Group = Literal["inputs", "packs", "results", "checks"]
GROUPS: tuple[Group, ...] = ("inputs", "packs", "results", "checks")
CHECK_FIELDS: tuple[str, ...] = ("demand", "capacity", "ratio", "passed")


class _Absent:
    """An input, result, check or part present on one side only."""

    def __repr__(self) -> str:
        return "(absent)"


ABSENT: Any = _Absent()

#: Unit suffixes of field names (longest first), as the project names its fields.
_UNIT_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("_lb_per_ft", "lb/ft"),
    ("_lb_ft", "lb-ft"),
    ("_kip_ft", "kip-ft"),
    ("_kip_in", "kip-in"),
    ("_lb_in", "lb-in"),
    ("_ft2", "ft²"),
    ("_ft3", "ft³"),
    ("_in2", "in²"),
    ("_in3", "in³"),
    ("_in4", "in⁴"),
    ("_yd3", "yd³"),
    ("_psf", "psf"),
    ("_psi", "psi"),
    ("_ksi", "ksi"),
    ("_pcf", "pcf"),
    ("_mph", "mph"),
    ("_usd", "USD"),
    ("_kip", "kip"),
    ("_lb", "lb"),
    ("_ft", "ft"),
    ("_in", "in"),
    ("_hz", "Hz"),
    ("_s", "s"),
)


def unit_of(name: str) -> str:
    """The unit a field name states in its suffix (``moment_at_grade_lb_ft`` -> ``lb-ft``), else ''."""
    last = name.rsplit(".", 1)[-1]
    for suffix, unit in _UNIT_SUFFIXES:
        if last.endswith(suffix):
            return unit
    return ""


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _same(a: Any, b: Any) -> bool:
    """JSON equality: numbers by value, booleans never equal to numbers."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if _is_number(a) and _is_number(b):
        return float(a) == float(b)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


@dataclass(frozen=True)
class Change:
    """One changed value: its group, where it is, old and new, unit and the change in that unit."""

    group: Group
    path: str
    old: Any
    new: Any
    unit: str = ""
    part: str = ""  # '' for the envelope itself, else the part path (``wind.asce7_sign#1/post.select#1``)

    @property
    def delta(self) -> float | None:
        """``new - old`` when both are numbers, else None."""
        if _is_number(self.old) and _is_number(self.new):
            return float(self.new) - float(self.old)
        return None

    @property
    def where(self) -> str:
        """Part path and field path together."""
        return f"{self.part}: {self.path}" if self.part else self.path

    def describe(self) -> str:
        """One line: ``where: old -> new unit (change +d unit)``."""
        unit = f" {self.unit}" if self.unit else ""
        text = f"{self.where}: {show(self.old)} -> {show(self.new)}{unit if self.delta is not None else ''}"
        if self.delta is not None:
            text += f" (change {self.delta:+.6g}{unit})"
        return text

    def as_json(self) -> dict[str, Any]:
        """Plain JSON (absent values become null with a flag)."""
        data = asdict(self)
        data["old_absent"] = self.old is ABSENT
        data["new_absent"] = self.new is ABSENT
        data["old"] = None if self.old is ABSENT else self.old
        data["new"] = None if self.new is ABSENT else self.new
        data["delta"] = self.delta
        return data


def show(value: Any) -> str:
    """Short text of a value for reports."""
    if value is ABSENT:
        return "(absent)"
    if isinstance(value, bool):
        return "pass" if value else "FAIL"
    if _is_number(value):
        return f"{value:.6g}" if isinstance(value, float) else str(value)
    if isinstance(value, str):
        return clip(value, 80)
    return short_json(value, 80)


@dataclass(frozen=True)
class EnvelopeDiff:
    """Every change between an old and a new envelope, in the four groups."""

    old_solver: str
    new_solver: str
    old_hash: str
    new_hash: str
    changes: tuple[Change, ...] = field(default_factory=tuple)

    @property
    def identical(self) -> bool:
        """True when nothing in the four groups changed."""
        return not self.changes

    def group(self, name: Group) -> list[Change]:
        """The changes of one group, in walk order."""
        return [c for c in self.changes if c.group == name]

    @property
    def inputs(self) -> list[Change]:
        """Changed inputs (parts included)."""
        return self.group("inputs")

    @property
    def packs(self) -> list[Change]:
        """Changed packs (name; old and new ``version sha256``)."""
        return self.group("packs")

    @property
    def results(self) -> list[Change]:
        """Changed results (parts included)."""
        return self.group("results")

    @property
    def checks(self) -> list[Change]:
        """Changed check fields (parts included)."""
        return self.group("checks")

    def find(self, path: str, group: Group | None = None, part: str | None = None) -> Change | None:
        """The first change at ``path`` (optionally in one group and part), or None."""
        for change in self.changes:
            if (
                change.path == path
                and (group is None or change.group == group)
                and (part is None or change.part == part)
            ):
                return change
        return None

    def explain(self) -> list[str]:
        """Why the price or the verdict moved, in a few sentences (top-level fields and packs)."""
        lines: list[str] = []
        top = {c.path: c for c in self.changes if not c.part and c.group == "results"}
        packs = ", ".join(f"{c.path} {_pack_change(c.old, c.new)}" for c in self.packs)
        inputs = ", ".join(f"{c.path} {show(c.old)} -> {show(c.new)}" for c in self.inputs if not c.part)
        cause = "; ".join(x for x in (f"inputs: {inputs}" if inputs else "", f"packs: {packs}" if packs else "") if x)
        for key in ("price_total_usd", "total_usd"):
            if key in top:
                lines.append(top[key].describe() + (f", because {cause}" if cause else ""))
        for key in ("needs_engineer_review", "post_label", "foundation_summary", "governing_check"):
            if key in top:
                lines.append(top[key].describe())
        flipped = [c for c in self.checks if c.path.endswith(".passed")]
        lines += [f"verdict {c.where}: {show(c.old)} -> {show(c.new)}" for c in flipped]
        if not lines and cause:
            lines.append(f"changed {cause}")
        return lines

    def as_json(self) -> dict[str, Any]:
        """Plain JSON of the whole diff, grouped."""
        return {
            "old": {"solver": self.old_solver, "content_sha256": self.old_hash},
            "new": {"solver": self.new_solver, "content_sha256": self.new_hash},
            "identical": self.identical,
            **{name: [c.as_json() for c in self.group(name)] for name in GROUPS},
        }

    def text(self, limit: int | None = None) -> str:
        """Grouped text for a terminal; ``limit`` caps the lines per group."""
        lines = [f"old {self.old_solver} {self.old_hash}", f"new {self.new_solver} {self.new_hash}"]
        if self.identical:
            lines.append("no changes in inputs, packs, results or checks")
            return "\n".join(lines)
        for name in GROUPS:
            items = self.group(name)
            if not items:
                continue
            lines.append(f"{name} ({len(items)} changed):")
            shown = items if limit is None else items[:limit]
            lines += [f"  {c.describe()}" for c in shown]
            if len(shown) < len(items):
                lines.append(f"  ... {len(items) - len(shown)} more")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text(limit=20)

    def _repr_html_(self) -> str:
        return diff_html(self)


def _pack_change(old: Any, new: Any) -> str:
    """``1.0.0 -> 1.1.0``, or ``2026.1.0 edited (sha256 ab12.. -> cd34..)`` when the version stayed."""
    if old is ABSENT or new is ABSENT:
        return f"{show(old).split(' ', 1)[0]} -> {show(new).split(' ', 1)[0]}"
    (old_v, old_sha), (new_v, new_sha) = str(old).split(" ", 1), str(new).split(" ", 1)
    if old_v == new_v:
        return f"{old_v} edited (sha256 {old_sha[:12]}.. -> {new_sha[:12]}..)"
    return f"{old_v} -> {new_v}"


# -- walking -------------------------------------------------------------------------------------
def _flatten(value: Any, prefix: str) -> Iterable[tuple[str, Any]]:
    """Leaves of nested dicts and lists of dicts as (dotted path, value); other lists whole."""
    if isinstance(value, Mapping):
        if not value and prefix:
            yield prefix, {}
        for key in value:
            yield from _flatten(value[key], f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
        for index, item in enumerate(value):
            yield from _flatten(item, f"{prefix}[{index}]")
    else:
        yield prefix, value


def _leaves(a: Mapping[str, Any], b: Mapping[str, Any]) -> Iterable[tuple[str, Any, Any]]:
    old, new = dict(_flatten(a, "")), dict(_flatten(b, ""))
    for path in list(old) + [p for p in new if p not in old]:
        before, after = old.get(path, ABSENT), new.get(path, ABSENT)
        if before is ABSENT or after is ABSENT or not _same(before, after):
            yield path, before, after


def _keyed(items: Iterable[Any], name_of: Any) -> dict[str, Any]:
    """``{name#n: item}``: the n-th item (1-based) with that name among its siblings."""
    seen: dict[str, int] = {}
    out: dict[str, Any] = {}
    for item in items:
        name = name_of(item)
        seen[name] = seen.get(name, 0) + 1
        out[f"{name}#{seen[name]}" if seen[name] > 1 else name] = item
    return out


def _walk(a: dict[str, Any] | None, b: dict[str, Any] | None, part: str, out: list[Change]) -> None:
    """Changes between two envelope dicts (``None`` = part absent on that side), then their parts."""
    empty: dict[str, Any] = {}
    ea, eb = a or empty, b or empty
    for path, old, new in _leaves(ea.get("inputs", {}), eb.get("inputs", {})):
        out.append(Change("inputs", path, old, new, unit_of(path), part))
    for path, old, new in _leaves(ea.get("result", {}), eb.get("result", {})):
        out.append(Change("results", path, old, new, unit_of(path), part))
    checks_a = _keyed(ea.get("checks", []), lambda c: c["id"])
    checks_b = _keyed(eb.get("checks", []), lambda c: c["id"])
    for key in list(checks_a) + [k for k in checks_b if k not in checks_a]:
        ca, cb = checks_a.get(key), checks_b.get(key)
        unit = (cb or ca or {}).get("unit", "")
        unit = "" if unit in ("-", "1") else unit
        for name in CHECK_FIELDS:
            old = ca[name] if ca is not None else ABSENT
            new = cb[name] if cb is not None else ABSENT
            if old is ABSENT or new is ABSENT or not _same(old, new):
                out.append(
                    Change("checks", f"{key}.{name}", old, new, "" if name in ("ratio", "passed") else unit, part)
                )
    parts_a = _keyed(ea.get("parts", []), lambda p: p["solver"]["name"])
    parts_b = _keyed(eb.get("parts", []), lambda p: p["solver"]["name"])
    for key in list(parts_a) + [k for k in parts_b if k not in parts_a]:
        pa, pb = parts_a.get(key), parts_b.get(key)
        where = f"{part}/{key}" if part else key
        if pa is None or pb is None:
            out.append(Change("results", "(part)", "present" if pa else ABSENT, "present" if pb else ABSENT, "", where))
        if pa is not None and pb is not None and pa.get("content_sha256") == pb.get("content_sha256"):
            continue  # same content hash and both verified by the caller: nothing inside changed
        _walk(pa, pb, where, out)


def _packs(a: dict[str, Any], b: dict[str, Any], out: list[Change]) -> None:
    """Packs of the whole tree (the top envelope lists every pack its parts read)."""

    def collect(env: dict[str, Any], into: dict[str, str]) -> dict[str, str]:
        for item in env.get("packs", []):
            into.setdefault(item["name"], f"{item['version']} {item['sha256']}")
        for sub in env.get("parts", []):
            collect(sub, into)
        return into

    old, new = collect(a, {}), collect(b, {})
    for name in sorted(set(old) | set(new)):
        before, after = old.get(name, ABSENT), new.get(name, ABSENT)
        if before != after:
            out.append(Change("packs", name, before, after))


def _as_dict(envelope: Envelope | Mapping[str, Any] | str | Path) -> dict[str, Any]:
    """An envelope as a verified plain dict (Envelope, dict, JSON text or a path to a JSON file)."""
    from apex_nb.envelope import Envelope

    if isinstance(envelope, Path):
        envelope = Envelope.from_json(envelope.read_bytes())
    elif isinstance(envelope, str):
        envelope = Envelope.from_json(envelope)
    elif isinstance(envelope, Mapping):
        envelope = Envelope.model_validate(dict(envelope))
    envelope.verify()
    return envelope.model_dump(mode="json")


def diff(a: Envelope | Mapping[str, Any] | str | Path, b: Envelope | Mapping[str, Any] | str | Path) -> EnvelopeDiff:
    """Every change from envelope ``a`` (old) to ``b`` (new); both are verified against their hashes."""
    old, new = _as_dict(a), _as_dict(b)
    changes: list[Change] = []
    _walk(old, new, "", changes)
    _packs(old, new, changes)
    order = {name: index for index, name in enumerate(GROUPS)}
    changes.sort(key=lambda c: order[c.group])  # stable: walk order inside each group
    return EnvelopeDiff(
        old_solver=f"{old['solver']['name']} v{old['solver']['version']}",
        new_solver=f"{new['solver']['name']} v{new['solver']['version']}",
        old_hash=old["content_sha256"],
        new_hash=new["content_sha256"],
        changes=tuple(changes),
    )


def explain_designs(old_doc: Mapping[str, Any], new_doc: Mapping[str, Any]) -> list[str]:
    """Why each design of a project changed between two versions (inline envelopes only).

    Designs are matched by ``id``; a design whose inline envelope changed gets the ``explain``
    lines of ``diff`` (price, post, foundation, verdict and their cause). Envelopes that do not
    verify are named, not explained: a project file edited by hand is not trusted.
    """
    from apex_nb.errors import ApexError

    def designs(doc: Mapping[str, Any]) -> dict[str, Any]:
        items = doc.get("designs") or []
        return {d["id"]: d.get("envelope") for d in items if isinstance(d, Mapping) and isinstance(d.get("id"), str)}

    old, new = designs(old_doc), designs(new_doc)
    lines: list[str] = []
    for design_id in [k for k in new if k in old]:
        before, after = old[design_id], new[design_id]
        if not before or not after or before == after:
            continue
        try:
            result = diff(before, after)
        except (ApexError, ValueError) as exc:
            lines.append(f"design {design_id}: envelope does not verify ({str(exc).splitlines()[0][:120]})")
            continue
        lines += [f"design {design_id}: {line}" for line in result.explain()]
    return lines


# -- HTML ------------------------------------------------------------------------------------------
def diff_html(result: EnvelopeDiff, limit: int = 200) -> str:
    """A notebook table per group; every value is escaped (markupsafe)."""
    from markupsafe import Markup, escape

    def cell(value: Any) -> Markup:
        return escape(show(value))

    html = [
        Markup(
            '<div class="apex-nb-diff"><p><b>old</b> {} <code>{}</code><br><b>new</b> {} <code>{}</code></p>'
        ).format(result.old_solver, result.old_hash, result.new_solver, result.new_hash)
    ]
    if result.identical:
        html.append(Markup("<p>No changes in inputs, packs, results or checks.</p>"))
    for name in GROUPS:
        items = result.group(name)
        if not items:
            continue
        html.append(Markup("<h4>{} ({} changed)</h4>").format(name, len(items)))
        html.append(
            Markup(
                "<table><thead><tr><th>part</th><th>field</th><th>old</th><th>new</th><th>change</th>"
                "<th>unit</th></tr></thead><tbody>"
            )
        )
        for change in items[:limit]:
            delta = "" if change.delta is None else f"{change.delta:+.6g}"
            html.append(
                Markup("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>").format(
                    change.part, change.path, cell(change.old), cell(change.new), delta, change.unit
                )
            )
        if len(items) > limit:
            html.append(Markup("<tr><td colspan=6>... {} more</td></tr>").format(len(items) - limit))
        html.append(Markup("</tbody></table>"))
    html.append(Markup("</div>"))
    return str(Markup("").join(html))


class _CallableModule(types.ModuleType):
    """``apex_nb.diff`` is this module; calling it runs ``diff`` (so ``apex_nb.diff(a, b)`` works)."""

    def __call__(self, a: Any, b: Any) -> EnvelopeDiff:
        return diff(a, b)


sys.modules[__name__].__class__ = _CallableModule
