"""The JCS encoder against the reference rfc8785 package, byte for byte."""

from __future__ import annotations

import math

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from apex_nb.canonical import canonical_json_bytes, content_hash, ecmascript_number

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.integers(-(2**53 - 1), 2**53 - 1)
    | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=25,
)


@settings(max_examples=1500, deadline=None)
@given(json_values)
def test_matches_the_reference_implementation(value: object) -> None:
    assert canonical_json_bytes(value) == rfc8785.dumps(value)


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (0.0, "0"),
        (-0.0, "0"),
        (1.0, "1"),
        (100.0, "100"),
        (0.1, "0.1"),
        (1e-6, "0.000001"),
        (1.5e-7, "1.5e-7"),
        (1e21, "1e+21"),
        (1e20, "100000000000000000000"),
        (123456789012345680000.0, "123456789012345680000"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (-2.5e-5, "-0.000025"),
    ],
)
def test_ecmascript_number_form(number: float, text: str) -> None:
    assert ecmascript_number(number) == text
    assert rfc8785.dumps(number).decode() == text


def test_key_order_is_utf16_code_units() -> None:
    value = {"\U0001f600": 1, "\ufb01": 2, "a": 3, "é": 4}
    assert canonical_json_bytes(value) == rfc8785.dumps(value)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_numbers_are_refused_with_their_path(bad: float) -> None:
    with pytest.raises(ValueError, match=r"\$\.a\[1\]"):
        canonical_json_bytes({"a": [1.0, bad]})


def test_unsafe_integers_and_non_json_types_are_refused() -> None:
    with pytest.raises(ValueError, match="safe range"):
        canonical_json_bytes(2**60)
    with pytest.raises(TypeError):
        canonical_json_bytes({"a": {1, 2}})


def test_hash_ignores_key_order_and_whitespace() -> None:
    assert content_hash({"b": 1, "a": [1.5, "x"]}) == content_hash({"a": [1.5, "x"], "b": 1})
    assert content_hash({"a": 1}).startswith("sha256-jcs-v1:")
