"""One strength check: nominal strength Rn, φRn and/or Rn/Ω, the available strength and the check.

Every limit state in the member, connection and foundation solvers ends the same way: a nominal
strength Rn, the design strength φRn (LRFD, AISC 360 §B3.1; ACI 318-19 §21.1.1) or the allowable
strength Rn/Ω (ASD, AISC 360 §B3.2), and demand ≤ available recorded as a check. ``strength``
does it in one call so the pattern, and the formula text it records, is written once:

    s = strength(calc, "Mn", mn, f.resistance["flexure"], method="LRFD", unit="kip-in", show="both",
                 check=Required("flexure", "required flexural strength vs φMn", demand=mr, clause=clause))

Methods: ``"LRFD"`` (φRn, AISC Eq. B3-1), ``"ASD"`` (Rn/Ω, Eq. B3-2) and ``"strength"`` (ACI 318
strength design, φ only: Chapter 17 anchors, Chapter 22 members). The recorded formula comes from
the ``@equation`` functions of ``apex_nb.equations.aisc360.design_basis`` and
``apex_nb.equations.aci318.strength`` unless a solver passes its own (a composite formula).
``available`` is the same arithmetic without recording, for sizing loops.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Protocol

from apex_nb.equations.aci318 import strength as aci
from apex_nb.equations.aisc360 import design_basis as b3
from apex_nb.equations.metadata import formula_of

Method = Literal["LRFD", "ASD", "strength"]
Show = Literal["available", "both"]


class ResistanceFactor(Protocol):
    """φ (and Ω for AISC ASD) of one limit state, with the clause they come from (pack entries)."""

    @property
    def phi(self) -> float: ...
    @property
    def omega(self) -> float | None: ...
    @property
    def clause(self) -> str: ...


@dataclass(frozen=True)
class Phi:
    """A strength-reduction factor alone (ACI 318 strength design has no Ω), with its clause."""

    phi: float
    clause: str = ""
    omega: float | None = None


class StrengthRecorder(Protocol):
    """What ``strength`` needs from a recorder: ``Calc`` or the quiet screening recorder.

    ``records`` is False for a recorder that keeps no text: the formulas are then not composed.
    """

    @property
    def records(self) -> bool: ...

    def value(
        self, symbol: str, value: float, *, unit: str = ..., description: str, formula: str = ..., clause: str = ...
    ) -> float: ...
    def check(
        self, check_id: str, description: str, *, demand: float, capacity: float, unit: str, clause: str
    ) -> Any: ...


@dataclass(frozen=True)
class Required:
    """The check against the available strength: id, description, required strength, clause (unit: the strength's)."""

    check_id: str
    description: str
    demand: float
    clause: str
    unit: str | None = None


@dataclass(frozen=True)
class Strength:
    """Rn, φRn, Rn/Ω (None without Ω), the available strength for the method, and the check if one was asked."""

    nominal: float
    design: float
    allowable: float | None
    available: float
    check: Any = None

    @property
    def ratio(self) -> float:
        """The check's demand/capacity ratio (a check must have been recorded)."""
        if self.check is None:
            raise ValueError("no check was recorded with this strength")
        return float(self.check.ratio)


def _design(nominal: float, factor: ResistanceFactor) -> float:
    return b3.design_strength(factor.phi, nominal)


def _allowable(nominal: float, factor: ResistanceFactor) -> float | None:
    return None if factor.omega is None else b3.allowable_strength(nominal, factor.omega)


def available(nominal: float, factor: ResistanceFactor, method: Method) -> float:
    """φRn (LRFD, strength design) or Rn/Ω (ASD), not recorded; ValueError for ASD without Ω."""
    if method != "ASD":
        return _design(nominal, factor)
    allowable = _allowable(nominal, factor)
    if allowable is None:
        raise ValueError("ASD needs a safety factor Ω; this resistance factor has φ only (strength design)")
    return allowable


def _phi_text(symbol: str, factor: ResistanceFactor, method: Method) -> str:
    equation = aci.design_strength if method == "strength" else b3.design_strength
    return formula_of(equation, phi=factor.phi, rn=symbol)


def strength(
    rec: StrengthRecorder,
    symbol: str,
    nominal: float,
    factor: ResistanceFactor,
    *,
    method: Method,
    unit: str,
    show: Show = "available",
    name: str | None = None,
    description: str | None = None,
    formula: str | None = None,
    clause: str | None = None,
    nominal_description: str | None = None,
    nominal_formula: str = "",
    nominal_clause: str = "",
    check: Required | None = None,
) -> Strength:
    """Record the available strength of one limit state (and its nominal strength and check) in one call.

    ``symbol`` names the nominal strength (``"Mn"``); the available one is recorded as ``φMn``
    (LRFD, strength design) or ``Mn/Ω`` (ASD) unless ``name`` says otherwise. ``show="both"``
    records φRn and Rn/Ω whatever the method (AISC member tables show both). ``description``,
    ``formula`` and ``clause`` override the defaults of the method's entry (the formula of the
    design-basis equation, the factor's clause). With ``nominal_description`` the nominal strength
    is recorded first under ``symbol``. With ``check`` the demand is checked against the available
    strength (the check's unit defaults to ``unit``).
    """
    if nominal_description is not None:
        nominal = rec.value(
            symbol, nominal, unit=unit, description=nominal_description, formula=nominal_formula, clause=nominal_clause
        )
    design = _design(nominal, factor)
    allowable = _allowable(nominal, factor)
    where = factor.clause if clause is None else clause
    texts = rec.records  # a quiet recorder keeps no formula: none is composed for it
    if show == "both":
        if allowable is None:
            raise ValueError(f"{symbol}: show='both' needs a safety factor Ω")
        design = rec.value(
            f"φ{symbol}",
            design,
            unit=unit,
            description=f"design strength φ{symbol}",
            formula=_phi_text(symbol, factor, method) if texts else "",
            clause=where,
        )
        allowable = rec.value(
            f"{symbol}/Ω",
            allowable,
            unit=unit,
            description=f"allowable strength {symbol}/Ω",
            formula=formula_of(b3.allowable_strength, omega=factor.omega, rn=symbol) if texts else "",
            clause=where,
        )
        result = allowable if method == "ASD" else design
    else:
        asd = method == "ASD"
        value = available(nominal, factor, method)
        default_name = f"{symbol}/Ω" if asd else f"φ{symbol}"
        if formula is not None or not texts:
            default_text = ""
        elif asd:
            default_text = formula_of(b3.allowable_strength, omega=factor.omega, rn=symbol)
        else:
            default_text = _phi_text(symbol, factor, method)
        default_description = f"allowable strength {symbol}/Ω" if asd else f"design strength φ{symbol}"
        result = rec.value(
            default_name if name is None else name,
            value,
            unit=unit,
            description=default_description if description is None else description,
            formula=default_text if formula is None else formula,
            clause=where,
        )
        if asd:
            allowable = result
        else:
            design = result
    recorded = None
    if check is not None:
        recorded = rec.check(
            check.check_id,
            check.description,
            demand=check.demand,
            capacity=result,
            unit=unit if check.unit is None else check.unit,
            clause=check.clause,
        )
    return Strength(nominal=nominal, design=design, allowable=allowable, available=result, check=recorded)
