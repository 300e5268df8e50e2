"""Canonical JSON (RFC 8785, JCS) and the content-hash scheme shared by envelopes and projects.

Hashes are written as ``"sha256-jcs-v1:" + hexdigest`` so the scheme can evolve without
ambiguity. Only parsed content is hashed: whitespace, key order and timestamps never are.
"""

from __future__ import annotations

import hashlib
import math
from typing import Any

import rfc8785

HASH_SCHEME = "sha256-jcs-v1"


def _check_finite(value: Any, path: str = "$") -> None:
    """Raise ValueError naming the JSON path of any NaN or infinite float."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"non-finite number {value!r} at {path}")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_finite(item, f"{path}.{key}")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _check_finite(item, f"{path}[{index}]")


def canonical_json_bytes(value: Any) -> bytes:
    """RFC 8785 canonical UTF-8 bytes of a JSON value; NaN and inf are refused."""
    _check_finite(value)
    return rfc8785.dumps(value)


def content_hash(value: Any) -> str:
    """``sha256-jcs-v1:<hex>`` over the canonical JSON of ``value``."""
    digest = hashlib.sha256(canonical_json_bytes(value)).hexdigest()
    return f"{HASH_SCHEME}:{digest}"


def file_sha256(data: bytes) -> str:
    """Plain hex sha256 of exact bytes (used for pack files and attachments)."""
    return hashlib.sha256(data).hexdigest()
