"""The ``@equation`` metadata and ``Calc.apply`` write a formula once and record it in the trace."""

from __future__ import annotations

import pytest

from apex_nb.calc import Calc
from apex_nb.equations.metadata import equation, equation_of, formula_of, registered
from apex_nb.packs import PackLibrary


@equation(formula="{phi:g} × Rn", clause="AISC 360-16 §B3.1", number="Eq. B3-1")
def _design_strength(phi: float, rn: float) -> float:
    return phi * rn


def _plain(x: float) -> float:
    return x


def test_metadata_is_attached_and_registered() -> None:
    meta = equation_of(_design_strength)
    assert meta.clause == "AISC 360-16 §B3.1" and meta.number == "Eq. B3-1"
    assert registered()[meta.name] == meta
    assert formula_of(_design_strength, phi=0.9) == "0.9 × Rn"


def test_placeholders_match_filled_text_only() -> None:
    meta = equation_of(_design_strength)
    assert meta.matches("0.75 × Rn")
    assert not meta.matches("0.75 × Mn")
    assert not meta.matches("× Rn")


def test_apply_records_value_formula_and_clause() -> None:
    calc = Calc(PackLibrary())
    value = calc.apply("φRn", _design_strength, 0.9, 10.0, unit="kip", description="design strength", fill={"phi": 0.9})
    assert value == pytest.approx(9.0)
    item = calc.trace[-1]
    assert (item.formula, item.clause, item.unit) == ("0.9 × Rn", "AISC 360-16 §B3.1", "kip")
    calc.apply("φRn", _design_strength, 0.75, 2.0, description="x", clause="ACI 318-19 §17.5.3", fill={"phi": 0.75})
    assert calc.trace[-1].clause == "ACI 318-19 §17.5.3"


def test_undecorated_function_is_refused() -> None:
    with pytest.raises(TypeError, match="no @equation metadata"):
        Calc(PackLibrary()).apply("x", _plain, 1.0, description="x")
