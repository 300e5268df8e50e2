"""The envelope: every solver result with its inputs, checks, assumptions, trace and packs.

The content hash is ``sha256-jcs-v1:<hex>`` over the RFC 8785 canonical JSON of
``{solver, inputs, packs, result, checks, assumptions, applicability, warnings, confidence,
trace, parts}`` at full precision (``parts`` as the list of the parts' own content hashes, each
part verified in turn); rounding happens only for display. Everything a report prints is
covered; only ``apex_nb_version`` (the package that wrote the file) is not. The hash has no
secret: it proves the file is internally consistent, not who made it (docs/ARCHITECTURE.md,
"What the content hash proves"). ``verify(resolve=True)`` also re-solves from the inputs and
the pinned pack versions and compares, which proves the numbers themselves.

Confidence rule (documented, structural, never from text): start at 1.0, multiply by
``(1 - penalty)`` for every applicability rule that does not hold, and by
``NEAR_LIMIT_FACTOR`` once when any check's ratio lies within ``NEAR_LIMIT_BAND`` of 1.0,
because there the pass/fail verdict turns on the rounding of inputs. A composite solve (a
complete design) starts from the lowest confidence among its parts: it is never more
confident than its weakest component. The result lies in [0, 1] by construction.

Governing check (the one rule every display uses, through ``Envelope.governing()``): over the
envelope and all its parts (``Envelope.all_checks()``, depth first), the check with the highest
demand/capacity ratio. Equal ratios go to the label ``"<solver>: <check id>"`` that sorts first
character by character (a label that extends another sorts before it); equal labels go to the
first one met in walk order. This is the rule the complete designs have always stored in
``result["governing_check"]``, so every display names the check the result names.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring as _string
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from apex_nb import hooks
from apex_nb.canonical import HASH_SCHEME, Raw, canonical_json_text, check_finite, ecmascript_number, object_text
from apex_nb.errors import ApexError, EnvelopeError

NEAR_LIMIT_BAND = 0.05
NEAR_LIMIT_FACTOR = 0.9
PACK_SHA256_PATTERN = r"^[0-9a-f]{64}$"
CONTENT_HASH_PATTERN = r"^sha256-jcs-v1:[0-9a-f]{64}$"
_PLACEHOLDER_HASH = "sha256-jcs-v1:" + "0" * 64
_PLACEHOLDER_DIGEST = "0" * 64
_PLAIN_LEAVES = (float, int, str, bool, type(None))
DRAFT_CONTEXT: dict[str, str] = {"numbers": "checked when the draft is sealed"}  # see _only_finite_numbers


def refuse_non_finite(value: Any, name: str) -> None:
    """Raise ValueError naming the path of a NaN or infinite float inside ``value`` (JSON-like data).

    The C JSON encoder finds one quickly (values it cannot write are skipped here, not refused:
    hashing decides about those); the path is then found in Python.
    """
    try:
        json.dumps(value, allow_nan=False, skipkeys=True, default=_opaque)
    except ValueError:
        check_finite(value, name)
        raise ValueError(f"{name}: holds a non-finite number") from None


def _opaque(_value: Any) -> None:
    return None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


M = TypeVar("M", bound=BaseModel)
#: pydantic keeps a model's state in these four slots, which ``built`` sets (checked once at import).
PYDANTIC_SLOTS_KEPT = getattr(BaseModel, "__slots__", ()) == (
    "__dict__",
    "__pydantic_fields_set__",
    "__pydantic_extra__",
    "__pydantic_private__",
)


def built(model: type[M], values: dict[str, Any], given: Iterable[str]) -> M:
    """A ``model`` holding ``values`` (every field, in field order) as if made with the fields ``given``,
    without validating: only for values already what validation keeps (the recorder's and the
    registry's own), and only when ``PYDANTIC_SLOTS_KEPT``. As ``model_construct``, without its generic work."""
    item = object.__new__(model)
    object.__setattr__(item, "__dict__", values)
    object.__setattr__(item, "__pydantic_fields_set__", set(given))
    object.__setattr__(item, "__pydantic_extra__", None)
    object.__setattr__(item, "__pydantic_private__", None)
    return item


class SolverId(_Strict):
    """Which solver produced the result, and its semver (minor bump on any numeric change).

    Frozen: the registry hands the same object to every envelope of that solver version.
    """

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    name: str
    version: str


class Check(_Strict):
    """A pass/fail comparison: demand against capacity with its clause."""

    id: str
    description: str
    clause: str
    demand: float
    capacity: float
    ratio: float
    unit: str
    passed: bool


class Assumption(_Strict):
    """Something the solver assumed that an engineer may want to challenge."""

    text: str
    clause: str = ""


class Applicability(_Strict):
    """An explicit applicability rule; a rule that does not hold lowers confidence by ``penalty``."""

    rule: str
    ok: bool
    note: str = ""
    penalty: float = Field(default=0.0, ge=0.0, le=1.0)


class TraceItem(_Strict):
    """One named value: symbol, meaning, formula, value, unit and the clause it comes from."""

    symbol: str
    description: str
    formula: str = ""
    value: float | int | str | bool | list[Any] | None
    unit: str = ""
    clause: str = ""


_TRACE_KEYS = ("clause", "description", "formula", "symbol", "unit", "value")  # TraceItem's fields, JCS order
_TRACE_HEADS: dict[tuple[Any, ...], str] = {}  # (symbol, description, formula, unit, clause) -> text to the value
_TRACE_HEADS_LIMIT = 50_000  # a book writes a few thousand distinct ones; cleared when past this


def _trace_json(trace: list[TraceItem]) -> Raw:
    """Canonical JSON of a trace, the text ``canonical_json_text`` gives for its ``model_dump(mode="json")``.

    A trace is most of an envelope, its items all have the same six keys, and the same solver
    writes the same symbol, description, formula, unit and clause design after design: the text
    up to the value is kept per those five strings (``_TRACE_HEADS``), so an item costs its value.
    An item with anything but plain strings, or a value that is not a number, string, bool or
    null, goes through ``model_dump`` and the general encoder.
    """
    if not _TRACE_FAST:
        for item in trace:
            refuse_non_finite(item.value, f"trace {item.symbol}")
        return Raw(canonical_json_text([item.model_dump(mode="json") for item in trace]))
    heads = _TRACE_HEADS
    if len(heads) > _TRACE_HEADS_LIMIT:
        heads.clear()
    out = []
    for item in trace:
        value = item.value
        key = (item.symbol, item.description, item.formula, item.unit, item.clause)
        head = heads.get(key)
        if head is None and all(type(text) is str for text in key):
            symbol, description, formula, unit, clause = key
            head = heads[key] = (
                f'{{"clause":{_string(clause)},"description":{_string(description)},"formula":{_string(formula)},'
                f'"symbol":{_string(symbol)},"unit":{_string(unit)},"value":'
            )
        if head is not None and type(value) in _PLAIN_LEAVES:
            out.append(f"{head}{_leaf(value)}}}")
        else:
            refuse_non_finite(value, f"trace {item.symbol}")  # pydantic's JSON form would write NaN as null
            out.append(canonical_json_text(item.model_dump(mode="json")))
    return Raw(f"[{','.join(out)}]")


def _leaf(value: Any) -> str:
    """A number, string, bool or null as canonical JSON (a float's form written at once)."""
    if type(value) is float and math.isfinite(value):
        return ecmascript_number(value)
    return canonical_json_text(value)  # ints (safe range), strings, bools, null; refuses NaN/inf


_TRACE_FAST = tuple(sorted(TraceItem.model_fields)) == _TRACE_KEYS  # else every item goes through model_dump


_CHECK_KEYS = ("capacity", "clause", "demand", "description", "id", "passed", "ratio", "unit")  # JCS order


def _checks_json(checks: list[Check]) -> Raw:
    """Canonical JSON of a list of checks, written field by field (the text of their ``model_dump``)."""
    out = []
    for check in checks:
        text = (check.id, check.description, check.clause, check.unit)
        if _CHECK_FAST and type(check.passed) is bool and all(type(part) is str for part in text):
            out.append(
                f'{{"capacity":{_leaf(check.capacity)},"clause":{_string(check.clause)},'
                f'"demand":{_leaf(check.demand)},"description":{_string(check.description)},'
                f'"id":{_string(check.id)},"passed":{"true" if check.passed else "false"},'
                f'"ratio":{_leaf(check.ratio)},"unit":{_string(check.unit)}}}'
            )
        else:
            out.append(canonical_json_text(check.model_dump(mode="json")))
    return Raw(f"[{','.join(out)}]")


_CHECK_FAST = tuple(sorted(Check.model_fields)) == _CHECK_KEYS  # else every check goes through model_dump


_REPEATED = ("packs", "assumptions", "applicability")  # lists of small models that recur across designs
_REPEATED_TEXT: dict[tuple[Any, ...], str] = {}  # (model, (type, value) of each field) -> canonical JSON


def _repeated_json(items: list[BaseModel]) -> Raw:
    """Canonical JSON of a list of small models, each item's text kept by its class and typed field values.

    Typed: equal values of different types (``True`` and ``1``) never share a text.
    """
    if len(_REPEATED_TEXT) > _TRACE_HEADS_LIMIT:
        _REPEATED_TEXT.clear()
    out = []
    for item in items:
        key = (type(item), *((type(value), value) for value in item.__dict__.values()))
        try:
            text = _REPEATED_TEXT.get(key)
            keep = True
        except TypeError:  # a field value that cannot be a key (a list): encoded, not kept
            text, keep = None, False
        if text is None:
            text = canonical_json_text(item.model_dump(mode="json"))
            if keep:
                _REPEATED_TEXT[key] = text
        out.append(text)
    return Raw(f"[{','.join(out)}]")


class PackUsed(_Strict):
    """A constants pack read while solving: name, version and sha256 of its exact bytes.

    Frozen: the registry hands the same object to every envelope that read that pack version.
    """

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    name: str
    version: str
    sha256: str = Field(pattern=PACK_SHA256_PATTERN, description="64 lowercase hex digits")


class Envelope(_Strict):
    """A solver result with everything needed to audit and reproduce it."""

    solver: SolverId
    inputs: dict[str, Any]
    result: dict[str, Any]
    checks: list[Check] = Field(default_factory=list)
    assumptions: list[Assumption] = Field(default_factory=list)
    applicability: list[Applicability] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    trace: list[TraceItem] = Field(default_factory=list)
    packs: list[PackUsed] = Field(default_factory=list)
    parts: list[Envelope] = Field(default_factory=list, description="Envelopes of component solves")
    apex_nb_version: str
    content_sha256: str = Field(pattern=CONTENT_HASH_PATTERN, description="sha256-jcs-v1:<64 lowercase hex>")

    @field_validator("confidence")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("confidence must be finite")
        return value

    @field_validator("inputs", "result")
    @classmethod
    def _only_finite_numbers(cls, value: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        """Refuse NaN and infinity anywhere in the inputs or the result (a file, a hand-made dict).

        ``float`` fields refuse them by the model config, but these two are free-form JSON, and
        pydantic's JSON form writes NaN as null, so an envelope holding NaN could be hashed as if
        it held null. A draft skips this walk (``DRAFT_CONTEXT``): sealing it encodes every number
        canonically, which refuses NaN and infinity (``compute_hash``).
        """
        if info.context is not DRAFT_CONTEXT:
            refuse_non_finite(value, info.field_name or "value")
        return value

    @field_validator("trace")
    @classmethod
    def _only_finite_trace_lists(cls, value: list[TraceItem], info: ValidationInfo) -> list[TraceItem]:
        """A trace value may be a list (free-form): refuse NaN and infinity in it, as in the result."""
        if info.context is not DRAFT_CONTEXT:
            for index, item in enumerate(value):
                if isinstance(item.value, list):
                    refuse_non_finite(item.value, f"trace[{index}].value")
        return value

    # -- hashing -------------------------------------------------------------------------
    def hashed_content(self) -> dict[str, Any]:
        """The part of the envelope that the content hash covers (all but ``apex_nb_version``)."""
        return hashed_fields(self.model_dump(mode="json", exclude={"parts", "apex_nb_version", "content_sha256"}),
                             [p.content_sha256 for p in self.parts])  # fmt: skip

    def compute_hash(self) -> str:
        """Recompute the content hash from the hashed content.

        Refuses content that holds a draft's placeholder hash: a part's hash read before the part
        was sealed (``Calc.part_hashes`` and ``Calc.solve(sealed=True)`` are the ways to read them).
        """
        parts = [p.content_sha256 for p in self.parts]
        try:  # plain JSON (every solver's): encoded as it stands, NaN and inf refused
            result = canonical_json_text(self.result)
            content: dict[str, Any] = {
                "solver": {"name": self.solver.name, "version": self.solver.version},
                "inputs": Raw(canonical_json_text(self.inputs)),
                "checks": _checks_json(self.checks),
                "warnings": self.warnings,
                "confidence": self.confidence,
            }
        except TypeError:  # a value that is not plain JSON (a numpy number, an int key): pydantic's JSON form
            refuse_non_finite(self.inputs, "inputs")  # which would write NaN as null
            refuse_non_finite(self.result, "result")
            content = self.model_dump(mode="json", exclude={"parts", "apex_nb_version", "content_sha256", "trace",
                                                            *_REPEATED})  # fmt: skip
            result = canonical_json_text(content["result"])
        if _PLACEHOLDER_HASH in parts or _PLACEHOLDER_DIGEST in result:
            raise EnvelopeError(f"{self.solver.name}: a draft's placeholder hash leaked into the content")
        # The same bytes as content_hash(self.hashed_content()) (tests/pricebook/test_reuse.py), with
        # the result and the trace encoded once each, the trace and checks straight from their items,
        # and the packs, assumptions and applicability rules that recur design after design kept encoded.
        content.update(result=Raw(result), trace=_trace_json(self.trace), parts=parts)
        content.update({name: _repeated_json(getattr(self, name)) for name in _REPEATED})
        return f"{HASH_SCHEME}:{hashlib.sha256(object_text(content).encode('utf-8')).hexdigest()}"

    @classmethod
    def seal(cls, **fields: Any) -> Envelope:
        """An envelope from its fields with ``content_sha256`` computed (do not pass it)."""
        return cls.draft(**fields).sealed()

    @classmethod
    def draft(cls, **fields: Any) -> Envelope:
        """An envelope whose hash is not computed yet: a sizing trial that may be thrown away.

        Hashing is about half the cost of a small solve, and a design tries many sections and
        augers for each one it keeps; ``sealed()`` computes the hash when a trial is adopted.
        A draft never verifies (its hash field holds a placeholder).
        """
        return cls.model_validate({**fields, "content_sha256": _PLACEHOLDER_HASH}, context=DRAFT_CONTEXT)

    @classmethod
    def recorded_draft(cls, **fields: Any) -> Envelope:
        """A ``draft`` from fields that are already what validation keeps, built without validating again.

        For the registry, whose fields are its recorder's own models, plain JSON (``_plain``,
        ``model_dump``) and a confidence from ``confidence_from``: a design makes several drafts and
        validating them again was about 1.5% of its CPU. Equal to ``draft(**fields)`` in every way
        (tests/backbone/test_envelope.py); anything unexpected goes through ``draft``, which validates.
        """
        confidence = fields.get("confidence")
        if (
            not _FAST_DRAFT
            or fields.keys() != _DRAFT_FIELDS
            or type(fields["inputs"]) is not dict
            or type(fields["result"]) is not dict
            or type(confidence) is not float
            or not 0.0 <= confidence <= 1.0
            or any(type(text) is not str for text in fields["warnings"])
        ):
            return cls.draft(**fields)
        values = {name: fields.get(name, _PLACEHOLDER_HASH) for name in _ENVELOPE_FIELDS}
        return built(cls, values, _ENVELOPE_FIELDS)

    @property
    def is_sealed(self) -> bool:
        """False for a ``draft`` whose hash has not been computed."""
        return self.content_sha256 != _PLACEHOLDER_HASH

    def sealed(self) -> Envelope:
        """This envelope with its content hash (and its parts' hashes) computed; itself if sealed."""
        if self.is_sealed:
            return self
        parts = [part.sealed() for part in self.parts]
        whole = (
            self
            if all(a is b for a, b in zip(parts, self.parts, strict=True))
            else self.model_copy(update={"parts": parts})
        )
        return whole.model_copy(update={"content_sha256": whole.compute_hash()})

    def verify(
        self,
        *,
        resolve: bool = False,
        library: Any = None,
        pack_versions: Mapping[str, str] | None = None,
    ) -> bool:
        """Raise EnvelopeError when the stored hash does not match the content; else True.

        With ``resolve=True`` the solver is also run again on ``inputs`` with the pack versions
        the envelope names, and the fresh envelope must hash the same: this proves the numbers,
        checks and verdicts, not only that the file is internally consistent. ``library`` (a
        PackLibrary) and ``pack_versions`` are for tests and audits of other pack roots.
        """
        try:
            actual = self.compute_hash()
        except ValueError as exc:  # a non-finite number: such content has no hash
            raise EnvelopeError(f"{self.solver.name}: {exc}") from None
        if actual != self.content_sha256:
            raise EnvelopeError(f"content hash mismatch: stored {self.content_sha256}, computed {actual}")
        for part in self.parts:
            part.verify()
        if resolve:
            self._resolve_and_compare(library, pack_versions)
        return True

    def _resolve_and_compare(self, library: Any, pack_versions: Mapping[str, str] | None) -> None:
        try:
            installed = hooks.solver_version(self.solver.name)
        except ApexError as exc:
            raise EnvelopeError(f"cannot re-solve: {exc}") from None
        if installed != self.solver.version:
            raise EnvelopeError(
                f"cannot re-solve: envelope made by {self.solver.name} v{self.solver.version}, installed v{installed}"
            )
        pins = {p.name: p.version for p in self.packs}
        pins.update(pack_versions or {})
        try:
            fresh = hooks.solve(self.solver.name, self.inputs, library=library, pack_versions=pins)
        except ApexError as exc:
            raise EnvelopeError(f"re-solve of {self.solver.name} failed: {exc}") from None
        if fresh.content_sha256 != self.content_sha256:
            diffs = _differences(self, fresh)
            raise EnvelopeError(
                f"re-solve of {self.solver.name} differs from the envelope ({'; '.join(diffs[:5]) or 'content'}): "
                f"stored {self.content_sha256}, re-solved {fresh.content_sha256}"
            )

    # -- convenience -------------------------------------------------------------------------
    @property
    def passed(self) -> bool:
        """True when every check passed (and every part passed)."""
        return all(c.passed for c in self.checks) and all(p.passed for p in self.parts)

    def walk(self, prefix: str = "") -> Iterator[tuple[str, Envelope]]:
        """This envelope and every part, depth first, each with its path (``a > b > c``)."""
        path = f"{prefix} > {self.solver.name}" if prefix else self.solver.name
        yield path, self
        for part in self.parts:
            yield from part.walk(path)

    def all_checks(self) -> list[LocatedCheck]:
        """Every check of this envelope and of all its parts, depth first, with the part path."""
        return checks_of([self])

    def governing(self) -> LocatedCheck | None:
        """The governing check over the envelope and its parts (rule in the module docstring)."""
        return governing_of([self])

    @property
    def governing_check(self) -> Check | None:
        """The check of ``governing()`` (over the envelope and its parts), or None without checks."""
        found = self.governing()
        return found.check if found else None

    def part(self, solver_name: str) -> Envelope:
        """The first component envelope produced by ``solver_name``."""
        for item in self.parts:
            if item.solver.name == solver_name:
                return item
        raise KeyError(solver_name)

    def to_json(self, indent: int | None = 2) -> str:
        """Deterministic JSON (sorted keys, no NaN); byte-identical across processes."""
        return json.dumps(self.model_dump(mode="json"), sort_keys=True, indent=indent, allow_nan=False) + "\n"

    @classmethod
    def from_json(cls, text: str | bytes) -> Envelope:
        """Parse envelope JSON produced by ``to_json``."""
        return cls.model_validate_json(text)

    def _repr_html_(self) -> str:
        return hooks.envelope_html(self)

    def __str__(self) -> str:
        gov = self.governing()
        gov_text = f"{gov.label} ratio {gov.check.ratio:.3f}" if gov else "no checks"
        verdict = "PASS" if self.passed else "FAIL"
        return (
            f"{self.solver.name} v{self.solver.version}: {verdict}, governing {gov_text}, "
            f"confidence {self.confidence:.2f}, {self.content_sha256[:25]}..."
        )


_ENVELOPE_FIELDS = tuple(Envelope.model_fields)
_DRAFT_FIELDS = frozenset(_ENVELOPE_FIELDS) - {"content_sha256"}
#: ``recorded_draft`` builds the envelope with ``built``; with other pydantic internals (or private
#: attributes, which it does not set) every draft is validated instead.
_FAST_DRAFT = (
    PYDANTIC_SLOTS_KEPT and not Envelope.__private_attributes__ and Envelope.model_config.get("extra") == "forbid"
)


@dataclass(frozen=True)
class LocatedCheck:
    """A check with where it came from: the part path and the solver that recorded it."""

    path: str
    solver: str
    check: Check

    @property
    def label(self) -> str:
        """``"<solver>: <check id>"``, the form designs store in ``result["governing_check"]``."""
        return f"{self.solver}: {self.check.id}"

    @property
    def ratio(self) -> float:
        """The check's demand/capacity ratio."""
        return self.check.ratio


def checks_of(envelopes: Iterable[Envelope], prefix: str = "") -> list[LocatedCheck]:
    """Every check of ``envelopes`` and of all their parts, depth first, with part paths."""
    return [
        LocatedCheck(path, sub.solver.name, check)
        for env in envelopes
        for path, sub in env.walk(prefix)
        for check in sub.checks
    ]


def _tie_key(located: LocatedCheck) -> tuple[float, list[int]]:
    return located.check.ratio, [-ord(ch) for ch in located.label]


def governing_of(envelopes: Sequence[Envelope]) -> LocatedCheck | None:
    """The governing check over ``envelopes`` and their parts (rule in the module docstring)."""
    found = checks_of(envelopes)
    if not found:
        return None
    top = max(located.check.ratio for located in found)
    tied = [located for located in found if located.check.ratio == top]  # the tie key only where needed
    return tied[0] if len(tied) == 1 else max(tied, key=_tie_key)


def confidence_from(
    applicability: list[Applicability], checks: list[Check], part_confidences: list[float] | None = None
) -> float:
    """Confidence in [0, 1] by the rule in this module's docstring."""
    value = min(part_confidences or [1.0])
    for rule in applicability:
        if not rule.ok:
            value *= 1.0 - rule.penalty
    if any(abs(c.ratio - 1.0) <= NEAR_LIMIT_BAND for c in checks):
        value *= NEAR_LIMIT_FACTOR
    return max(0.0, min(1.0, value))


HASHED_FIELDS = (
    "solver",
    "inputs",
    "packs",
    "result",
    "checks",
    "assumptions",
    "applicability",
    "warnings",
    "confidence",
    "trace",
    "parts",
)


def hashed_fields(content: Mapping[str, Any], part_hashes: list[str]) -> dict[str, Any]:
    """The hashed dict: every field of ``HASHED_FIELDS`` (``parts`` as the parts' hashes)."""
    out = {key: content[key] for key in HASHED_FIELDS if key != "parts"}
    out["parts"] = list(part_hashes)
    return out


def _differences(stored: Envelope, fresh: Envelope, where: str = "") -> list[str]:
    """Which hashed fields differ between a stored and a re-solved envelope (parts opened)."""
    here = f"{where}{stored.solver.name}: " if where or stored.parts else ""
    a, b = stored.hashed_content(), fresh.hashed_content()
    out: list[str] = []
    for key in HASHED_FIELDS:
        if a.get(key) == b.get(key):
            continue
        if key == "checks":
            for old, new in zip(stored.checks, fresh.checks, strict=False):
                if old != new:
                    out.append(f"{here}check {old.id}: stored ratio {old.ratio:.4g} passed {old.passed}, "
                               f"re-solved ratio {new.ratio:.4g} passed {new.passed}")  # fmt: skip
            if len(stored.checks) != len(fresh.checks):
                out.append(f"{here}{len(stored.checks)} checks stored, {len(fresh.checks)} re-solved")
        elif key == "parts" and len(stored.parts) == len(fresh.parts):
            for old_part, new_part in zip(stored.parts, fresh.parts, strict=True):
                if old_part.content_sha256 != new_part.content_sha256:
                    out.extend(_differences(old_part, new_part, here))
        else:
            out.append(f"{here}{key} differs")
    return out
