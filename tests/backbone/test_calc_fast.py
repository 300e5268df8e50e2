"""The recorder's fast paths give what the slow ones gave (apex_nb.calc, session 6 speed work).

``Calc`` builds its trace items, checks, assumptions and applicability rules without validating
them again (``built``) when its arguments are already what validation keeps. Here each fast-built
item is compared with the validated one over many generated arguments: equal, the same fields
set, the same dumps (Python, JSON mode, JSON text, ``exclude_unset``), copies and pickles, and a
whole design solved both ways is byte-identical. Arguments of other types still go through
validation (same item, same errors).
"""

from __future__ import annotations

import copy
import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import apex_nb.calc as calc_module
from apex_nb.calc import Calc
from apex_nb.envelope import Applicability, Assumption, Check, TraceItem
from apex_nb.errors import SolverError
from apex_nb.packs import PackLibrary
from apex_nb.registry import solve

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

texts = st.text(max_size=40)
finite = st.floats(allow_nan=False, allow_infinity=False)
numbers = st.one_of(finite, st.integers(min_value=-(2**80), max_value=2**80))
note_values = st.one_of(texts, st.booleans(), st.integers(min_value=-(2**80), max_value=2**80), st.none())


def _same(fast: BaseModel, slow: BaseModel) -> None:
    """Indistinguishable: type, state, dumps, copies, pickles and repr."""
    assert type(fast) is type(slow)
    assert fast == slow
    assert list(fast.__dict__) == list(slow.__dict__)
    assert [type(v) for v in fast.__dict__.values()] == [type(v) for v in slow.__dict__.values()]
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.__pydantic_extra__ == slow.__pydantic_extra__
    assert fast.__pydantic_private__ == slow.__pydantic_private__
    assert fast.model_dump() == slow.model_dump()
    assert fast.model_dump(mode="json") == slow.model_dump(mode="json")
    assert fast.model_dump(exclude_unset=True) == slow.model_dump(exclude_unset=True)
    assert fast.model_dump_json() == slow.model_dump_json()
    assert repr(fast) == repr(slow)
    assert fast.model_copy() == slow.model_copy()
    assert fast.model_copy(update={"description": "x"} if "description" in fast.__dict__ else {}) == slow.model_copy(
        update={"description": "x"} if "description" in slow.__dict__ else {}
    )
    assert copy.deepcopy(fast) == copy.deepcopy(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow
    assert type(fast).model_validate(fast.model_dump()) == slow


def _calc() -> Calc:
    return Calc(library=PackLibrary())


def test_the_fast_path_is_in_use_with_this_pydantic() -> None:
    """Else every comparison below would compare the validating path with itself."""
    assert calc_module.FAST_MODELS
    calc = _calc()
    calc.value("x", 1.5, description="d")
    assert type(calc.trace[0]) is TraceItem


@settings(max_examples=300, deadline=None)
@given(symbol=texts, description=texts, formula=texts, unit=texts, clause=texts, value=numbers)
def test_value_items_are_the_validated_ones(
    symbol: str, description: str, formula: str, unit: str, clause: str, value: float
) -> None:
    calc = _calc()
    number = calc.value(symbol, value, unit=unit, description=description, formula=formula, clause=clause)
    slow = TraceItem(
        symbol=symbol, description=description, formula=formula, value=float(value), unit=unit, clause=clause
    )
    assert type(number) is float
    _same(calc.trace[0], slow)


@settings(max_examples=300, deadline=None)
@given(symbol=texts, description=texts, clause=texts, value=note_values)
def test_note_items_are_the_validated_ones(symbol: str, description: str, clause: str, value: Any) -> None:
    calc = _calc()
    calc.note(symbol, value, description=description, clause=clause)
    _same(calc.trace[0], TraceItem(symbol=symbol, description=description, value=value, clause=clause))


@settings(max_examples=300, deadline=None)
@given(check_id=texts, description=texts, unit=texts, clause=texts, demand=finite, capacity=finite)
def test_checks_are_the_validated_ones(
    check_id: str, description: str, unit: str, clause: str, demand: float, capacity: float
) -> None:
    calc = _calc()
    fast = calc.check(check_id, description, demand=demand, capacity=capacity, unit=unit, clause=clause)
    slow = Check(
        id=check_id,
        description=description,
        clause=clause,
        demand=fast.demand,
        capacity=fast.capacity,
        ratio=fast.ratio,
        unit=unit,
        passed=fast.ratio <= 1.0,
    )
    assert calc.checks == [fast]
    _same(fast, slow)


@settings(max_examples=200, deadline=None)
@given(
    text=texts,
    clause=texts,
    rule=texts,
    ok=st.one_of(st.booleans(), st.integers(-2, 2)),
    note=texts,
    penalty=st.one_of(st.floats(0.0, 1.0), st.sampled_from([0, 1, 0.1])),
)
def test_assumptions_and_rules_are_the_validated_ones(
    text: str, clause: str, rule: str, ok: Any, note: str, penalty: float
) -> None:
    calc = _calc()
    calc.assume(text, clause)
    assert calc.applies(rule, ok, note, penalty) is bool(ok)
    _same(calc.assumptions[0], Assumption(text=text, clause=clause))
    _same(calc.applicability[0], Applicability(rule=rule, ok=bool(ok), note=note, penalty=penalty))


class _Text(str):
    """A str subclass: not what validation keeps as is, so it takes the validating path."""


def test_other_argument_types_still_go_through_validation() -> None:
    calc = _calc()
    calc.value(_Text("s"), 2, description=_Text("d"))
    calc.note("n", 1.25, description="a float note")  # type: ignore[arg-type]
    calc.note("n", [1, "a"], description="a list note")  # type: ignore[arg-type]
    assert calc.trace == [
        TraceItem(symbol="s", description="d", value=2.0),
        TraceItem(symbol="n", description="a float note", value=1.25),
        TraceItem(symbol="n", description="a list note", value=[1, "a"]),
    ]
    with pytest.raises(ValidationError):
        calc.value("x", 1.0, description="d", clause=None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        calc.note("x", float("nan"), description="d")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        calc.applies("rule", False, penalty=1.5)
    with pytest.raises(ValidationError):
        calc.assume(None)  # type: ignore[arg-type]
    for bad in (float("inf"), float("-inf"), float("nan"), True, "1"):
        with pytest.raises(SolverError):
            calc.value("x", bad, description="d")  # type: ignore[arg-type]
    assert str(calc.value("z", -0.0, description="d")) == "-0.0"


@pytest.mark.parametrize(
    "example", ["pole-single-post-phoenix.json", "monument-denver.json", "cantilever-chicago.json"]
)
def test_a_design_recorded_the_fast_way_is_byte_identical(example: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whole designs, parts included: the same JSON with the fast path on and off."""
    spec = json.loads((EXAMPLES / example).read_text(encoding="utf-8"))
    fast = solve(spec["solver"], spec["inputs"])
    monkeypatch.setattr(calc_module, "FAST_MODELS", False)
    slow = solve(spec["solver"], spec["inputs"])
    assert fast.to_json() == slow.to_json()
    assert fast.content_sha256 == slow.content_sha256
    assert fast == slow


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), finite, texts),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(texts, inner, max_size=4)),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(first=json_values, second=json_values)
def test_the_reuse_key_is_exact(first: Any, second: Any) -> None:
    """Equal keys only for the same inputs (types included), and the same key for a copy built anew."""
    library = PackLibrary()
    key_a = calc_module._memo_key("s", {"x": first}, library)
    key_b = calc_module._memo_key("s", {"x": second}, library)
    assert key_a is not None and key_b is not None
    rebuilt = json.loads(json.dumps({"x": first}))  # new objects, none interned or shared
    assert calc_module._memo_key("s", rebuilt, library) == key_a
    if key_a == key_b:
        assert json.dumps(first) == json.dumps(second)  # JSON text tells 1, 1.0, true, -0.0 and 0.0 apart


def test_the_reuse_key_tells_near_values_apart() -> None:
    library = PackLibrary()
    keys = [calc_module._memo_key("s", {"v": v}, library) for v in (1, 1.0, True, 0.0, -0.0, "1", None, [1], 5e-324)]
    assert len(set(keys)) == len(keys)
    assert calc_module._memo_key("s", {"v": object()}, library) is None  # not plain data: never memoised
    assert calc_module._memo_key("s", {"v": 1}, library) != calc_module._memo_key("t", {"v": 1}, library)


def test_values_marshal_writes_as_raw_bytes_get_no_reuse_key() -> None:
    """marshal writes any buffer as its bytes: np.float64(1.0) and the int64 of the same bits, an array and its
    reshape, bytes and bytearray would share a key (review); such inputs are never memoised."""
    import numpy as np

    library = PackLibrary()
    for odd in (np.float64(1.0), np.int64(4607182418800017408), np.array([1.0, 2.0]), b"ab", bytearray(b"ab")):
        assert calc_module._memo_key("s", {"v": odd}, library) is None
        assert calc_module._memo_key("s", {"v": [1.0, {"w": odd}]}, library) is None
    assert calc_module._memo_key("s", {1: 2.0}, library) is None  # a key that is not text
    assert calc_module._memo_key("s", {"v": [1.0, {"w": (2, None, True)}]}, library) is not None


def test_the_memo_keeps_the_most_recently_used_within_its_limit() -> None:
    limit = calc_module.PART_MEMO_LIMIT
    calc = _calc()
    with calc_module.reuse_parts() as memo:
        for n in range(limit):
            calc.reuse("n", {"n": n}, lambda n=n: n)  # type: ignore[misc]
        assert calc.reuse("n", {"n": 0}, lambda: -1) == 0  # a hit, now the most recent
        for n in range(limit, 3 * limit):
            calc.reuse("n", {"n": n}, lambda n=n: n)  # type: ignore[misc]
            assert len(memo) <= limit
        assert len(memo) > limit - limit // 8 - 1
        newest = [calc_module._memo_key("n", {"n": n}, calc.library) for n in range(3 * limit - 100, 3 * limit)]
        assert all(key in memo for key in newest)
        assert calc_module._memo_key("n", {"n": 0}, calc.library) not in memo  # the oldest went first


def test_a_pack_read_again_is_recorded_once_and_two_versions_are_refused() -> None:
    calc = _calc()
    first = calc.pack("ibc-foundations", "1.1.0")
    kept = calc.packs_used["ibc-foundations"]
    assert calc.pack("ibc-foundations", "1.1.0") is first
    assert calc.packs_used == {"ibc-foundations": kept} and kept == first.ref
    with pytest.raises(SolverError, match="two versions"):
        calc.pack("ibc-foundations", "1.0.0")
    assert calc.packs_used == {"ibc-foundations": kept}


def test_a_model_with_a_hook_or_another_field_is_not_built_the_fast_way() -> None:
    """The guard behind FAST_MODELS: a validator, a constraint or a new field turns the fast path off."""
    from pydantic import Field, field_validator

    class Checked(TraceItem):
        @field_validator("symbol")
        @classmethod
        def _strip(cls, value: str) -> str:
            return value.strip()

    class Bounded(Assumption):
        text: str = Field(max_length=10)

    class Wider(Assumption):
        source: str = ""

    assert calc_module._shape_of(TraceItem) == calc_module._SHAPES[TraceItem]
    assert calc_module._shape_of(Checked) is None
    assert calc_module._shape_of(Bounded) != calc_module._SHAPES[Assumption]
    assert calc_module._shape_of(Wider) != calc_module._SHAPES[Assumption]
