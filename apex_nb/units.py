"""Unit constants, and reading lengths and numbers the way people type them: ``4'6"``, ``54 in``, ``115 mph``.

The conversion constants below are the one place a factor between units is written (issue 17);
code divides by ``LB_PER_KIP`` instead of a bare 1000. Unit labels are spelled as in ``MOMENT_LB_FT``.

Forms in the apps accept text, never a number box that silently turns ``4'6"`` into 46. Anything
these functions cannot read is refused with a message that shows what they can read; nothing
is guessed (``4-6`` or ``4,5`` are refused, not read as 46 or 45).
"""

from __future__ import annotations

import math
import re

# Conversion factors (exact by definition).
IN_PER_FT = 12.0
IN2_PER_FT2 = 144.0
IN3_PER_FT3 = 1728.0
FT3_PER_YD3 = 27.0
LB_PER_KIP = 1000.0
PSI_PER_KSI = 1000.0
N_PER_KN = 1000.0
MM_PER_IN = 25.4

# Unit labels of moments, spelled one way everywhere (trace, reports, forms).
MOMENT_LB_FT = "lb-ft"
MOMENT_KIP_FT = "kip-ft"

LENGTH_EXAMPLE = "type feet like 4.5, 4'6\" or 4 ft 6 in"

_NUM = r"(\d+(?:\.\d*)?|\.\d+)"
_INCH = r"(\d+\s+\d+/\d+|\d+/\d+|\d+(?:\.\d*)?|\.\d+)"
_FT = r"(?:feet|foot|ft|'|’|′)"
_IN = r"(?:inches|inch|in|\"|”|″|''|’’|′′)"
_FEET_ONLY = re.compile(rf"{_NUM}\s*{_FT}?", re.IGNORECASE)
_INCHES_ONLY = re.compile(rf"{_INCH}\s*{_IN}", re.IGNORECASE)
_FEET_INCHES = re.compile(rf"{_NUM}\s*{_FT}\s*,?\s*{_INCH}\s*{_IN}?", re.IGNORECASE)


class ReadError(ValueError):
    """Text that is not a number or length; the message says what to type instead."""


def _inches(text: str) -> float:
    """``6``, ``6.5``, ``1/2`` or ``6 1/2`` inches as a number."""
    parts = text.split()
    whole = 0.0
    if len(parts) == 2:
        whole, text = float(parts[0]), parts[1]
    if "/" in text:
        top, bottom = text.split("/")
        if float(bottom) == 0:
            raise ReadError(f"{text!r} divides by zero")
        return whole + float(top) / float(bottom)
    return whole + float(text)


def parse_length_ft(text: str) -> float:
    """Feet from ``4.5``, ``4.5 ft``, ``4'6"``, ``4' 6``, ``4 ft 6 in``, ``54 in``, ``4' 6 1/2"``.

    Raises ``ReadError`` (with an example) for empty text, other units, negative values, or
    inches of 12 or more after feet.
    """
    raw = text.strip()
    if not raw:
        raise ReadError(f"this field is empty: {LENGTH_EXAMPLE}")
    if match := _FEET_ONLY.fullmatch(raw):
        value = float(match.group(1))
    elif match := _INCHES_ONLY.fullmatch(raw):
        value = _inches(match.group(1)) / IN_PER_FT
    elif match := _FEET_INCHES.fullmatch(raw):
        inches = _inches(match.group(2))
        if inches >= IN_PER_FT:
            raise ReadError(f"{raw!r} has {inches:g} inches after the feet (12 or more): {LENGTH_EXAMPLE}")
        value = float(match.group(1)) + inches / IN_PER_FT
    else:
        raise ReadError(f"{raw!r} is not a length: {LENGTH_EXAMPLE}")
    if not math.isfinite(value):
        raise ReadError(f"{raw!r} is not a length: {LENGTH_EXAMPLE}")
    return value


def parse_number(text: str, unit: str = "") -> float:
    """A plain number, optionally followed by its unit (``115`` or ``115 mph``)."""
    raw = text.strip()
    example = f"type a number like 115{(' ' + unit) if unit else ''}"
    if not raw:
        raise ReadError(f"this field is empty: {example}")
    pattern = rf"{_NUM}(?:\s*{re.escape(unit)})?" if unit else _NUM
    match = re.fullmatch(pattern, raw, re.IGNORECASE)
    if match is None:
        raise ReadError(f"{raw!r} is not a number: {example}")
    return float(match.group(1))


def feet_text(value_ft: float) -> str:
    """A length as a salesperson writes it: ``4 ft``, ``4 ft 6 in``, ``9.5 ft`` -> ``9 ft 6 in``."""
    total_in = round(value_ft * IN_PER_FT)
    feet, inches = divmod(total_in, int(IN_PER_FT))
    return f"{feet} ft" + (f" {inches} in" if inches else "")
