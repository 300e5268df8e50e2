"""The one strength-check helper records Rn, φRn and/or Rn/Ω and the check as the solvers did by hand."""

from __future__ import annotations

import pytest

from apex_nb.calc import Calc
from apex_nb.packs import PackLibrary
from apex_nb.solvers.strength import Phi, Required, available, strength


class _Factor:
    """An AISC factor pair as the packs give it (AISC 360-16 §F1: φ 0.90, Ω 1.67)."""

    phi = 0.9
    omega = 1.67
    clause = "AISC 360-16 §F1(1)"


def test_both_records_design_and_allowable_and_checks_the_method() -> None:
    calc = Calc(PackLibrary())
    s = strength(
        calc, "Mn", 100.0, _Factor(), method="ASD", unit="kip-in", show="both",
        nominal_description="nominal flexural strength", nominal_clause="AISC 360-16 §F8",
        check=Required("flexure", "Mr vs Mn/Ω", 50.0, "AISC 360-16 §F8"),
    )  # fmt: skip
    assert (s.nominal, s.design) == (100.0, pytest.approx(90.0))
    assert s.allowable == pytest.approx(100.0 / 1.67) and s.available == s.allowable
    lines = [(t.symbol, t.formula, t.clause, t.unit) for t in calc.trace]
    assert lines == [
        ("Mn", "", "AISC 360-16 §F8", "kip-in"),
        ("φMn", "0.9 × Mn", "AISC 360-16 §F1(1)", "kip-in"),
        ("Mn/Ω", "Mn / 1.67", "AISC 360-16 §F1(1)", "kip-in"),
    ]
    check = calc.checks[-1]
    assert (check.id, check.capacity, check.clause) == ("flexure", s.allowable, "AISC 360-16 §F8")
    assert s.ratio == pytest.approx(50.0 / (100.0 / 1.67))


def test_strength_design_records_phi_only_with_the_aci_text() -> None:
    calc = Calc(PackLibrary())
    s = strength(
        calc, "Nsa", 20.0, Phi(0.75, "ACI 318-19 §17.5.3"), method="strength", unit="kip",
        description="design steel strength in tension",
        check=Required("anchor.steel_tension", "Rod steel in tension", 16.0, "ACI 318-19 §17.6.1"),
    )  # fmt: skip
    assert s.available == pytest.approx(15.0) and s.allowable is None
    item = calc.trace[-1]
    assert (item.symbol, item.formula, item.description) == ("φNsa", "0.75 Nsa", "design steel strength in tension")
    assert not calc.checks[-1].passed and s.ratio == pytest.approx(16.0 / 15.0)


def test_overrides_and_unrecorded_available() -> None:
    calc = Calc(PackLibrary())
    s = strength(
        calc, "Rn", 10.0, _Factor(), method="LRFD", unit="kip/in", name="φRn,w", formula="0.60 FEXX (0.707 w) x φ"
    )
    assert calc.trace[-1].symbol == "φRn,w" and calc.trace[-1].formula == "0.60 FEXX (0.707 w) x φ"
    assert s.check is None and available(10.0, _Factor(), "ASD") == pytest.approx(10.0 / 1.67)
    with pytest.raises(ValueError, match="no check"):
        _ = s.ratio
    with pytest.raises(ValueError, match="ASD needs a safety factor"):
        available(10.0, Phi(0.75), "ASD")
    with pytest.raises(ValueError, match="show='both' needs"):
        strength(calc, "Nsa", 1.0, Phi(0.75), method="strength", unit="kip", show="both")
