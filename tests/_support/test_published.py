"""The published-example record's own rules: the printed-figure tolerance and the figure check."""

from __future__ import annotations

import pytest

from _support.published import Published, printed


def test_printed_allows_half_a_unit_of_the_last_printed_digit() -> None:
    assert printed("17.80") == 17.8049
    assert printed("17.80") != 17.8051
    assert printed("648") == 648.49
    assert printed("648") != 647.49
    assert printed("22.37", 1000) == 22_374.9  # kips printed, pounds computed: +-5 lb
    assert printed("22.37", 1000) != 22_375.1


def test_check_names_the_field_and_the_source() -> None:
    example = Published("sheet X, page 1", "wind.asce7_qz", {}, {"kz": printed("0.85"), "level": "allowable"})
    example.check({"kz": 0.852, "level": "allowable"})
    with pytest.raises(AssertionError, match=r"kz = 0\.856; sheet X, page 1 prints"):
        example.check({"kz": 0.856, "level": "allowable"})
    with pytest.raises(AssertionError, match="level = 'strength'"):
        example.check({"kz": 0.85, "level": "strength"})
