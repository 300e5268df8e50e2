"""Canonical JSON (RFC 8785, JCS) and the content-hash scheme shared by envelopes and projects.

Hashes are written as ``"sha256-jcs-v1:" + hexdigest`` so the scheme can evolve without
ambiguity. Only parsed content is hashed: whitespace, key order and timestamps never are.

The encoder here is a direct JCS serializer for JSON data (dict, list, str, int, float, bool,
None): keys sorted by UTF-16 code units, strings escaped as ECMAScript JSON.stringify does
(the C-accelerated ``json`` string encoder produces exactly that), numbers in the ECMAScript
Number-to-String form. It is about twice as fast as the reference ``rfc8785`` package and is
tested byte for byte against it (tests/backbone/test_canonical.py), since every envelope and
project etag is hashed through it.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

HASH_SCHEME = "sha256-jcs-v1"
MAX_SAFE_INTEGER = 2**53 - 1


def check_finite(value: Any, path: str = "$") -> None:
    """Raise ValueError naming the JSON path of any NaN or infinite float."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"non-finite number {value!r} at {path}")
    elif isinstance(value, dict):
        for key, item in value.items():
            check_finite(item, f"{path}.{key}")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            check_finite(item, f"{path}[{index}]")


def ecmascript_number(x: float) -> str:
    """A finite float as ECMAScript Number::toString writes it (RFC 8785 §3.2.2.3).

    Both Python's repr and ECMAScript use the shortest digit string that round-trips; only the
    layout differs (ECMAScript keeps plain decimals for 1e-6 <= |x| < 1e21, drops '.0').
    """
    text = repr(x)
    if "e" not in text and x != 0.0:
        return text[:-2] if text.endswith(".0") else text
    if x == 0.0:
        return "0"
    sign = "-" if text[0] == "-" else ""
    text = text.lstrip("-")
    mantissa, _, exponent = text.partition("e")
    whole, _, fraction = mantissa.partition(".")
    fraction = "" if fraction == "0" else fraction
    raw = whole + fraction
    digits = raw.lstrip("0")
    point = len(whole) + int(exponent or 0) - (len(raw) - len(digits))  # x = 0.digits × 10^point
    digits = digits.rstrip("0") or "0"
    k = len(digits)
    if k <= point <= 21:
        out = digits + "0" * (point - k)
    elif 0 < point <= 21:
        out = digits[:point] + "." + digits[point:]
    elif -6 < point <= 0:
        out = "0." + "0" * (-point) + digits
    else:
        e = point - 1
        out = digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return sign + out


def _utf16_key(key: str) -> bytes:
    return key.encode("utf-16-be")


def _number(x: float, _repr: Callable[[float], str] = float.__repr__) -> str:
    """``ecmascript_number`` with a fast path for the common plain decimals (same text)."""
    if x != x or x in (math.inf, -math.inf):
        raise ValueError("non-finite number")
    text = _repr(x)
    if "e" in text or x == 0.0 or len(text) > 17:
        return ecmascript_number(x)
    return text[:-2] if text[-2:] == ".0" else text


class Raw(str):
    """Text that is already canonical JSON (RFC 8785), for ``object_text`` to write verbatim as a member.

    Lets a caller splice in the encoding of a piece it has encoded itself (an envelope's trace,
    straight from its items): the bytes, and so the hash, are those of the plain value. Only
    ``object_text`` writes it verbatim; inside data the encoder refuses it like any ``str`` subclass
    (TypeError), so data can never splice text into a hash.
    """


def object_text(members: dict[str, Any]) -> str:
    """Canonical JSON of an object whose members are ``Raw`` text or JSON values (ASCII keys)."""
    keys = sorted(members)
    if not "".join(keys).isascii():
        raise ValueError("object_text takes ASCII keys (their order is the code point order)")
    return (
        "{"
        + ",".join(
            f"{encode_basestring(key)}:{value if type(value) is Raw else canonical_json_text(value)}"
            for key in keys
            for value in (members[key],)
        )
        + "}"
    )


def _encode(value: Any, write: Callable[[str], Any]) -> None:
    # Strings and floats inside containers are written inline (most leaves are one of the two):
    # the recursion per leaf was most of the cost of hashing an envelope.
    kind = type(value)
    if kind is dict:
        keys = sorted(value)
        if not "".join(keys).isascii():  # non-ASCII keys: order by UTF-16 code units
            keys = sorted(value, key=_utf16_key)
        write("{")
        separator = ""
        for key in keys:
            if type(key) is not str:
                raise TypeError(f"JSON object keys must be strings, got {type(key).__name__}")
            write(separator + encode_basestring(key) + ":")
            separator = ","
            item = value[key]
            item_kind = type(item)
            if item_kind is str:
                write(encode_basestring(item))
            elif item_kind is float:
                write(_number(item))
            else:
                _encode(item, write)
        write("}")
    elif kind is list or kind is tuple:
        write("[")
        separator = ""
        for item in value:
            if separator:
                write(separator)
            separator = ","
            item_kind = type(item)
            if item_kind is str:
                write(encode_basestring(item))
            elif item_kind is float:
                write(_number(item))
            else:
                _encode(item, write)
        write("]")
    elif kind is str:
        write(encode_basestring(value))
    elif kind is float:
        write(_number(value))
    elif value is True:
        write("true")
    elif value is False:
        write("false")
    elif value is None:
        write("null")
    elif kind is int:
        if abs(value) > MAX_SAFE_INTEGER:
            raise ValueError(f"integer {value} is outside the IEEE 754 safe range (RFC 8785 §3.2.2.3)")
        write(str(value))
    else:
        raise TypeError(f"{kind.__name__} is not JSON data")


def canonical_json_text(value: Any) -> str:
    """RFC 8785 canonical JSON text of a JSON value; NaN and inf are refused with their path."""
    parts: list[str] = []
    try:
        _encode(value, parts.append)
    except ValueError as exc:
        if "non-finite" in str(exc):
            check_finite(value)
        raise
    return "".join(parts)


def canonical_json_bytes(value: Any) -> bytes:
    """RFC 8785 canonical UTF-8 bytes of a JSON value; NaN and inf are refused with their path."""
    return canonical_json_text(value).encode("utf-8")


def content_hash(value: Any) -> str:
    """``sha256-jcs-v1:<hex>`` over the canonical JSON of ``value``."""
    digest = hashlib.sha256(canonical_json_bytes(value)).hexdigest()
    return f"{HASH_SCHEME}:{digest}"


def file_sha256(data: bytes) -> str:
    """Plain hex sha256 of exact bytes (used for pack files and attachments)."""
    return hashlib.sha256(data).hexdigest()


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending in "..." when it was longer (for messages)."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def short_json(value: Any, limit: int) -> str:
    """One line of sorted JSON of ``value`` for messages and diffs, clipped to ``limit`` characters."""
    return clip(json.dumps(value, sort_keys=True, ensure_ascii=False), limit)
