"""The calculation recorder a solver writes into while it runs.

A solver's ``run(inputs, calc)`` reads constants through ``calc.pack``, names every
intermediate with ``calc.value`` (symbol, unit, formula, clause), states checks with
``calc.check``, assumptions with ``calc.assume`` and applicability rules with ``calc.applies``,
and may run other solvers with ``calc.solve`` (their envelopes become ``parts``). The registry
turns the recorder into an Envelope; nothing here is global.
"""

from __future__ import annotations

import inspect
import marshal
import math
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from pydantic import BaseModel

from apex_nb import hooks
from apex_nb.envelope import PYDANTIC_SLOTS_KEPT, Applicability, Assumption, Check, Envelope, TraceItem, built
from apex_nb.equations.metadata import equation_of
from apex_nb.errors import SolverError
from apex_nb.inputs import SolverInput
from apex_nb.packs import Pack, PackLibrary, PackRef

if TYPE_CHECKING:
    from collections.abc import Mapping

DEFAULT_PENALTY = 0.1
NO_CAPACITY_RATIO = 1.0e6  # the ratio recorded for a demand against zero capacity (a failed check)

#: Sub-solve memo of ``reuse_parts`` (None: every ``calc.trial`` solves).
#: Holds envelopes (``Calc.trial``) and the values of ``Calc.reuse``, under keys that name them.
_PART_MEMO: ContextVar[dict[tuple[Any, ...], Any] | None] = ContextVar("apex_nb_part_memo", default=None)
PART_MEMO_LIMIT = 512  # least recently used parts go first; grid repeats are close together
MARSHAL_VERSION = 2  # the newest format without back-references (version 3 marks objects shared by reference)


@contextmanager
def reuse_parts(memo: dict[tuple[Any, ...], Any] | None = None) -> Iterator[dict[tuple[Any, ...], Any]]:
    """Within this block, a sub-solve with the same solver, inputs and pack library is solved once.

    Solvers are pure functions of (solver, inputs, packs), so the memoised envelope is the one a
    fresh solve would return: same result, same content hash (a test compares both ways). The
    key holds the solver name, the canonical inputs and the library's root and pins; a pack file
    changed inside the block is not seen, so use it only where the packs are fixed for the whole
    run (one price book, one chart sweep). Grids repeat wind and soil parts across many designs.
    """
    memo = {} if memo is None else memo  # pass the same dict to share the memo across blocks of one run
    token = _PART_MEMO.set(memo)
    try:
        yield memo
    finally:
        _PART_MEMO.reset(token)


def _keep(memo: dict[tuple[Any, ...], Any], key: tuple[Any, ...], value: Any) -> None:
    """Put ``value`` in the memo as the most recently used; when full, drop the least recently used
    eighth at once (dropping them one by one rescanned the deleted slots at the dict's front each time)."""
    if key not in memo and len(memo) >= PART_MEMO_LIMIT:
        for old in [k for k, _ in zip(memo, range(PART_MEMO_LIMIT // 8), strict=False)]:
            del memo[old]
    memo[key] = value


_PLAIN_LEAVES = frozenset({str, int, float, bool, type(None)})


def _plain_data(value: Any) -> bool:
    """True when ``value`` is made of exact dict (str keys), list, tuple, str, int, float, bool and None."""
    kind = type(value)
    if kind is dict:
        return all(type(key) is str for key in value) and all(
            type(item) in _PLAIN_LEAVES or _plain_data(item) for item in value.values()
        )
    if kind is list or kind is tuple:
        return all(type(item) in _PLAIN_LEAVES or _plain_data(item) for item in value)
    return kind in _PLAIN_LEAVES


def _memo_key(name: str, inputs: Any, library: PackLibrary) -> tuple[Any, ...] | None:
    """(solver, inputs as bytes, library root and pins), or None when the inputs are not plain data.

    The bytes are ``marshal`` format 2 (no back-references, so they depend on the values alone):
    types and values exactly (1, 1.0 and True differ, so do 0.0 and -0.0; floats bit for bit), and
    equal bytes load back to equal inputs, so a hit is always the same solve. It is a few times
    cheaper than JSON text; the same mapping built in another key order is a miss (solved again).
    """
    if hasattr(inputs, "model_dump"):
        data = {"model": type(inputs).__qualname__, "fields": inputs.model_dump(mode="json")}  # JSON types only
    elif _plain_data(inputs):
        data = inputs
    else:  # marshal writes any buffer (a numpy number or array, bytes) as its raw bytes: no key
        return None
    try:
        text = marshal.dumps(data, MARSHAL_VERSION)
    except ValueError:  # not plain data (an object, a subclass of dict, str, float...)
        return None
    return (name, text, str(library.root), tuple(sorted(library.pins.items())))


def _finite(symbol: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SolverError(f"{symbol}: expected a number, got {value!r}")
    if not math.isfinite(value):
        raise SolverError(f"{symbol}: computed a non-finite value ({value!r})")
    return float(value)


# --- the recorder's models, built without validating again ----------------------------------
# A design records a few hundred trace items, checks and assumptions, and pydantic validation was
# the largest single cost of recording them. The recorder's own arguments are already what
# validation would keep (numbers through ``_finite``, texts exact ``str``), so ``built`` sets the
# four slots of a pydantic model as ``BaseModel.model_construct`` does, without its generic work:
# the item is equal to, dumps and copies as a validated one (tests/backbone/test_calc_fast.py).
# Any argument of another type goes through the validating constructor as before.

T = TypeVar("T")

#: Each model's fields as ``built`` fills them: (name, annotation, constraints, default), in order.
_SHAPES: dict[type[BaseModel], tuple[tuple[Any, ...], ...]] = {
    TraceItem: (
        ("symbol", str, (), ...),
        ("description", str, (), ...),
        ("formula", str, (), ""),
        ("value", float | int | str | bool | list[Any] | None, (), ...),
        ("unit", str, (), ""),
        ("clause", str, (), ""),
    ),
    Check: (
        ("id", str, (), ...),
        ("description", str, (), ...),
        ("clause", str, (), ...),
        ("demand", float, (), ...),
        ("capacity", float, (), ...),
        ("ratio", float, (), ...),
        ("unit", str, (), ...),
        ("passed", bool, (), ...),
    ),
    Assumption: (("text", str, (), ...), ("clause", str, (), "")),
    Applicability: (
        ("rule", str, (), ...),
        ("ok", bool, (), ...),
        ("note", str, (), ""),
        ("penalty", float, ("Ge(ge=0.0)", "Le(le=1.0)"), 0.0),
    ),
}


def _shape_of(model: type[BaseModel]) -> tuple[tuple[Any, ...], ...] | None:
    """The model's fields as ``_SHAPES`` writes them, or None when it has a hook ``built`` would skip."""
    hooks_ = model.__pydantic_decorators__
    if (
        model.__private_attributes__
        or model.__pydantic_post_init__ is not None
        or model.model_config.get("extra") != "forbid"
        or any(getattr(hooks_, kind.name) for kind in fields(hooks_))  # validators, serializers, computed fields
    ):
        return None
    return tuple(
        (
            name,
            info.annotation,
            tuple(map(repr, info.metadata)),
            ... if info.is_required() else info.default,
        )
        for name, info in model.model_fields.items()
        if info.alias is None and info.validation_alias is None
    )


def _fast_models() -> bool:
    """True when pydantic keeps the four slots ``built`` sets and every model is as ``_SHAPES`` says."""
    try:
        return PYDANTIC_SLOTS_KEPT and all(_shape_of(model) == shape for model, shape in _SHAPES.items())
    except (AttributeError, TypeError):  # another pydantic's internals: validate every item
        return False


#: Whether the recorder builds its models the fast way (else every item is validated: slower, the same).
FAST_MODELS = _fast_models()

_VALUE_FIELDS = frozenset(("symbol", "description", "formula", "value", "unit", "clause"))
_NOTE_FIELDS = frozenset(("symbol", "description", "value", "clause"))  # formula and unit left at their defaults
_CHECK_FIELDS = frozenset(("id", "description", "clause", "demand", "capacity", "ratio", "unit", "passed"))
_ASSUMPTION_FIELDS = frozenset(("text", "clause"))
_APPLICABILITY_FIELDS = frozenset(("rule", "ok", "note", "penalty"))
_NOTE_VALUES = (str, bool, int, type(None))  # kept as they are by TraceItem.value's union (exact types only)


def check_ratio(demand: float, capacity: float) -> float:
    """The ratio ``Calc.check`` records (pass when <= 1): demand / capacity, capped at ``NO_CAPACITY_RATIO``.

    No capacity at all (a resultant outside the base, no sliding resistance) is a failed check with
    a finite ratio, never inf, so the envelope stays valid JSON.
    """
    if capacity <= 0.0:
        return 0.0 if demand <= 0.0 else NO_CAPACITY_RATIO
    return min(max(demand, 0.0) / capacity, NO_CAPACITY_RATIO)


#: ``solve(name, inputs, *, library) -> Envelope``: how a Calc solves a part (the registry's ``solve``).
SolveFn = Callable[..., Envelope]


@dataclass
class Calc:
    """Collects trace, checks, assumptions, applicability, warnings, packs read and parts.

    ``solve_fn`` solves a part by name; the registry hands in its own ``solve``, and a Calc made
    without one (a scratch recorder inside a solver, a test) uses the package's (``apex_nb.hooks``).
    """

    #: A recorder that keeps text (the screening recorder ``member.common.Quiet`` keeps none).
    records: ClassVar[bool] = True

    library: PackLibrary
    trace: list[TraceItem] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    assumptions: list[Assumption] = field(default_factory=list)
    applicability: list[Applicability] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    packs_used: dict[str, PackRef] = field(default_factory=dict)
    parts: list[Envelope] = field(default_factory=list)
    solve_fn: SolveFn | None = field(default=None, repr=False, compare=False)
    #: False inside a sizing trial (``registry.solve(sealed=False)``): parts stay drafts until the
    #: trial itself is adopted and sealed, so a discarded trial never pays for hashing its parts.
    seal_parts: bool = True
    #: ``id`` of a memoised trial -> its ``reuse_parts`` key, so ``adopt`` can put the sealed
    #: envelope back in the memo (a part re-used by the next design is hashed once, not per design).
    memo_keys: dict[int, tuple[Any, ...]] = field(default_factory=dict, repr=False, compare=False)

    def scratch(self) -> Calc:
        """A recorder for a throwaway computation inside a solver: this one's library and solve function
        (not the package hooks), nothing of it kept here."""
        return Calc(library=self.library, solve_fn=self.solve_fn)

    def absorb(self, other: Calc) -> None:
        """Append, in order, what ``other`` recorded: a computation kept in the memo (``reuse``) in a
        scratch recorder, replayed into this one as if recorded here (it holds no parts)."""
        if other.parts:
            raise SolverError("absorb: a recorder with parts is adopted part by part, not absorbed")
        for ref in other.packs_used.values():
            self._record_pack(ref)
        self.trace.extend(other.trace)
        self.checks.extend(other.checks)
        self.assumptions.extend(other.assumptions)
        self.applicability.extend(other.applicability)
        self.warnings.extend(other.warnings)

    def pack(self, name: str, version: str | None = None) -> Pack:
        """Load a pack (verified against packs.lock) and record that this solve read it."""
        loaded = self.library.get(name, version)
        seen = self.packs_used.get(loaded.header.name)
        if seen is None or seen.version != loaded.header.version or seen.sha256 != loaded.sha256:
            self._record_pack(loaded.ref)  # else that very pack is recorded already (the same PackRef)
        return loaded

    def _record_pack(self, ref: PackRef) -> None:
        existing = self.packs_used.get(ref.name)
        if existing and existing != ref:
            raise SolverError(f"pack {ref.name} read at two versions ({existing.version}, {ref.version})")
        self.packs_used[ref.name] = ref

    def value(
        self,
        symbol: str,
        value: float,
        *,
        unit: str = "",
        description: str,
        formula: str = "",
        clause: str = "",
    ) -> float:
        """Record a named numeric intermediate (refusing NaN/inf) and return it as a float."""
        # a finite float is returned as it is (x - x is NaN for inf and NaN); anything else is checked
        number = value if type(value) is float and value - value == 0.0 else _finite(symbol, value)
        if FAST_MODELS and type(symbol) is type(description) is type(formula) is type(unit) is type(clause) is str:
            item = built(
                TraceItem,
                {
                    "symbol": symbol,
                    "description": description,
                    "formula": formula,
                    "value": number,
                    "unit": unit,
                    "clause": clause,
                },
                _VALUE_FIELDS,
            )
        else:
            item = TraceItem(
                symbol=symbol, description=description, formula=formula, value=number, unit=unit, clause=clause
            )
        self.trace.append(item)
        return number

    def apply(
        self,
        symbol: str,
        fn: Callable[..., float],
        *args: Any,
        unit: str = "",
        description: str,
        clause: str | None = None,
        fill: Mapping[str, Any] | None = None,
        **kwargs: Any,
    ) -> float:
        """Evaluate an ``@equation`` function and record it with the formula (and clause) it carries.

        ``clause`` overrides the equation's own (an edition-specific clause from a pack);
        ``fill`` fills the formula's ``{placeholders}``.
        """
        meta = equation_of(fn)
        return self.value(
            symbol,
            fn(*args, **kwargs),
            unit=unit,
            description=description,
            formula=meta.fill(**(fill or {})),
            clause=meta.clause if clause is None else clause,
        )

    def note(self, symbol: str, value: str | bool | int | None, *, description: str, clause: str = "") -> None:
        """Record a non-numeric trace entry (a choice, a table row, a label)."""
        if FAST_MODELS and type(value) in _NOTE_VALUES and type(symbol) is type(description) is type(clause) is str:
            item = built(
                TraceItem,
                {
                    "symbol": symbol,
                    "description": description,
                    "formula": "",
                    "value": value,
                    "unit": "",
                    "clause": clause,
                },
                _NOTE_FIELDS,
            )
        else:
            item = TraceItem(symbol=symbol, description=description, value=value, clause=clause)
        self.trace.append(item)

    def check(
        self,
        check_id: str,
        description: str,
        *,
        demand: float,
        capacity: float,
        unit: str,
        clause: str,
    ) -> Check:
        """Record demand <= capacity as a check; ratio = demand / capacity, pass when ratio <= 1.

        For "at least" checks (a safety factor, a depth) pass the required value as demand
        and the provided value as capacity.
        """
        demand_v = _finite(f"{check_id}.demand", demand)
        capacity_v = _finite(f"{check_id}.capacity", capacity)
        ratio = check_ratio(demand_v, capacity_v)
        values: dict[str, Any] = {
            "id": check_id,
            "description": description,
            "clause": clause,
            "demand": demand_v,
            "capacity": capacity_v,
            "ratio": ratio,  # a finite float by construction
            "unit": unit,
            "passed": ratio <= 1.0,
        }
        if FAST_MODELS and type(check_id) is type(description) is type(clause) is type(unit) is str:
            item = built(Check, values, _CHECK_FIELDS)
        else:
            item = Check(**values)
        self.checks.append(item)
        return item

    def assume(self, text: str, clause: str = "") -> None:
        """Record an assumption an engineer or plan checker may want to challenge."""
        if FAST_MODELS and type(text) is type(clause) is str:
            self.assumptions.append(built(Assumption, {"text": text, "clause": clause}, _ASSUMPTION_FIELDS))
        else:
            self.assumptions.append(Assumption(text=text, clause=clause))

    def applies(self, rule: str, ok: bool, note: str = "", penalty: float = DEFAULT_PENALTY) -> bool:
        """Record an applicability rule; when it does not hold, confidence drops by ``penalty``."""
        values: dict[str, Any] = {"rule": rule, "ok": bool(ok), "note": note, "penalty": penalty}
        if FAST_MODELS and type(rule) is type(note) is str and type(penalty) is float and 0.0 <= penalty <= 1.0:
            self.applicability.append(built(Applicability, values, _APPLICABILITY_FIELDS))
        else:
            self.applicability.append(Applicability(**values))
        return bool(ok)

    def warn(self, text: str) -> None:
        """Record a warning shown to the user (does not change confidence by itself)."""
        self.warnings.append(text)

    def trial(self, name: str, inputs: Mapping[str, Any] | Any) -> Envelope:
        """Solve with the same pack library without keeping the result (a sizing iteration).

        Returns an unsealed draft (no hash yet); keep the converged trial with ``adopt``, which seals
        it, so it becomes a part exactly once.
        """
        solve = self.solve_fn or hooks.solve
        found, key = self._memoised(name, inputs, lambda: solve(name, inputs, library=self.library, sealed=False))
        if key is not None:
            self.memo_keys[id(found)] = key
        return found

    def reuse(self, name: str, inputs: Mapping[str, Any] | Any, compute: Callable[[], T]) -> T:
        """``compute()``, computed once per (name, inputs, pack library) within ``reuse_parts``.

        For a pure function of its inputs and the packs that is not a solve (the choice a sizing
        iteration reads); ``name`` must be no solver's name (kept in the parts' memo). Outside
        ``reuse_parts``, or for inputs that are not plain data, computed every time. The value is
        shared: never change it.
        """
        return self._memoised(name, inputs, compute)[0]

    def _memoised(
        self, name: str, inputs: Mapping[str, Any] | Any, compute: Callable[[], T]
    ) -> tuple[T, tuple[Any, ...] | None]:
        """``compute()`` through the ``reuse_parts`` memo, with its key (None: not memoised)."""
        memo = _PART_MEMO.get()
        key = _memo_key(name, inputs, self.library) if memo is not None else None
        if memo is None or key is None:
            return compute(), None
        value: T = memo.pop(key) if key in memo else compute()  # re-inserted: the dict's order is the recency
        _keep(memo, key, value)
        return value, key

    def adopt(self, envelope: Envelope) -> Envelope:
        """Keep an envelope already solved with this library (a converged trial) as a part.

        Sealed at once, except inside a sizing trial (see ``seal_parts``); read the parts' hashes
        with ``part_hashes``.
        """
        if self.seal_parts and not envelope.is_sealed:
            draft, envelope = envelope, envelope.sealed()
            memo, key = _PART_MEMO.get(), self.memo_keys.get(id(draft))
            if memo is not None and key is not None and memo.get(key) is draft:  # identity: ids are reused
                memo[key] = envelope  # the same content, sealed: the next trial of it needs no hashing
        for used in envelope.packs:
            self._record_pack(PackRef(used.name, used.version, used.sha256))
        self.parts.append(envelope)
        return envelope

    def solve(self, name: str, inputs: Mapping[str, Any] | Any, *, sealed: bool = False) -> Envelope:
        """Run another solver with the same pack library; keep its envelope as a part.

        ``sealed=True`` when the caller reads the part's ``content_sha256`` (even inside a trial).
        """
        part = self.adopt(self.trial(name, inputs))
        if sealed and not part.is_sealed:
            part = self.parts[-1] = part.sealed()
        return part

    def part_hashes(self) -> list[str]:
        """The content hashes of the parts kept so far (sealing any draft among them in place)."""
        self.parts = [part.sealed() for part in self.parts]
        return [part.content_sha256 for part in self.parts]


@dataclass(frozen=True)
class Solver:
    """One solver: a name, a semver, an input model and a pure ``run(inputs, calc) -> result``.

    Defined beside the recorder its ``run`` writes into, so solver modules never import the
    registry that lists them (``apex_nb.solvers.ALL``, read by ``apex_nb.registry``).
    """

    name: str
    version: str
    input_model: type[SolverInput]
    run: Callable[[Any, Calc], dict[str, Any]]
    summary: str

    @classmethod
    def of(cls, name: str, version: str, run: Callable[[Any, Calc], dict[str, Any]]) -> Solver:
        """The solver of ``run``, each fact written once: the input model is the type of run's
        first parameter and the summary the first paragraph of run's docstring."""
        first = next(iter(inspect.signature(run).parameters))
        summary = " ".join((inspect.getdoc(run) or "").split("\n\n")[0].split())
        return cls(name, version, typing.get_type_hints(run)[first], run, summary)

    def input_schema(self) -> dict[str, Any]:
        """JSON schema of the input model (units and ranges in field descriptions)."""
        return self.input_model.model_json_schema()
