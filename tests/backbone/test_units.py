"""Lengths typed by people: feet-and-inches read exactly, anything else refused with an example."""

from __future__ import annotations

import pytest

from apex_nb.units import ReadError, feet_text, parse_length_ft, parse_number


@pytest.mark.parametrize(
    ("text", "feet"),
    [
        ("4", 4.0),
        ("4.5", 4.5),
        ("4.5 ft", 4.5),
        ("4'", 4.0),
        ("4'6\"", 4.5),
        ("4' 6\"", 4.5),
        ("4'6", 4.5),
        ("4 ft 6 in", 4.5),
        ("4ft6in", 4.5),
        ("4 feet 6 inches", 4.5),
        ("4’6”", 4.5),  # phone keyboards type curly quotes
        ("4′6″", 4.5),
        ("4'6''", 4.5),
        ("54 in", 4.5),
        ('54"', 4.5),
        ("4' 6 1/2\"", 4 + 6.5 / 12),
        ("0'9\"", 0.75),
    ],
)
def test_lengths_are_read_exactly(text: str, feet: float) -> None:
    assert parse_length_ft(text) == pytest.approx(feet, abs=1e-12)


@pytest.mark.parametrize("text", ["", "  ", "abc", "4-6", "4,5", "-4", "4 m", "4'13\"", "4 ft 6 in 2", "1/0 in", "nan"])
def test_anything_else_is_refused_with_an_example(text: str) -> None:
    with pytest.raises(ReadError) as caught:
        parse_length_ft(text)
    assert "4'6\"" in str(caught.value) or "divides" in str(caught.value)


def test_numbers_and_their_unit() -> None:
    assert parse_number("115") == 115.0 and parse_number("115 mph", "mph") == 115.0
    for bad in ("", "fast", "115 km/h", "1e400"):
        with pytest.raises(ReadError, match="115"):
            parse_number(bad, "mph")


def test_feet_text() -> None:
    assert feet_text(4.5) == "4 ft 6 in" and feet_text(9.0) == "9 ft" and feet_text(2.0 + 1 / 12) == "2 ft 1 in"
