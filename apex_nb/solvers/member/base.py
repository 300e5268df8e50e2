"""What every part of the member check shares: the recorder, the demand and options, section reads, B4 limits.

Units inside: kip, in, ksi. ``Recorder`` is ``Calc`` (member.check) or ``Quiet`` (post.select
screening), so both run the same code path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from apex_nb.equations.aisc360 import classification as b4
from apex_nb.pack_schemas.aisc360 import EditionFactors
from apex_nb.sections import Section


class Recorder(Protocol):
    """What ``evaluate`` needs from a recorder (``Calc`` or ``Quiet``; ``records``: keeps text)."""

    @property
    def records(self) -> bool: ...

    def value(
        self,
        symbol: str,
        value: float,
        *,
        unit: str = ...,
        description: str,
        formula: str = ...,
        clause: str = ...,
    ) -> float: ...
    def apply(
        self,
        symbol: str,
        fn: Callable[..., float],
        *args: Any,
        unit: str = ...,
        description: str,
        clause: str | None = ...,
        fill: Mapping[str, Any] | None = ...,
        **kwargs: Any,
    ) -> float: ...
    def note(self, *args: Any, **kwargs: Any) -> None: ...
    def check(
        self, check_id: str, description: str, *, demand: float, capacity: float, unit: str, clause: str
    ) -> Any: ...
    def assume(self, *args: Any, **kwargs: Any) -> None: ...
    def applies(self, rule: str, ok: bool, note: str = "", penalty: float = ...) -> bool: ...
    def warn(self, text: str) -> None: ...


class NotApplicable(Exception):
    """The section lies outside the provisions implemented (e.g. D/t ≥ 0.45E/Fy, slender web)."""


@dataclass(frozen=True)
class Demand:
    """Required strengths for the design method in use (ASD or LRFD combinations)."""

    moment_kip_ft: float
    shear_kip: float
    torsion_kip_ft: float
    axial_kip: float


@dataclass(frozen=True)
class Options:
    """Edition, method and member data for one check."""

    edition: str
    method: Literal["ASD", "LRFD"]
    length_ft: float
    k_factor: float
    cb: float
    axis: str  # "major" | "minor"


@dataclass(frozen=True)
class Prop:
    """One section property a check reads: its symbol, the ``Section`` field, unit and what it is."""

    symbol: str
    field: str
    unit: str
    what: str


D_T = Prop("D/t", "d_t", "", "diameter-to-thickness ratio")
AG = Prop("Ag", "area_in2", "in²", "gross area")
T_DES = Prop("t_des", "t_des_in", "in", "design wall thickness")
ZX = Prop("Zx", "zx_in3", "in³", "plastic section modulus")
SX = Prop("Sx", "sx_in3", "in³", "elastic section modulus")
RY = Prop("ry", "ry_in", "in", "radius of gyration about y")
J = Prop("J", "j_in4", "in⁴", "torsional constant")
H_TW = Prop("h/tw", "h_tw", "", "web slenderness")


def props(rec: Recorder, sec: Section, *wanted: Prop) -> list[float]:
    """Record each wanted section property in turn (NotApplicable when the section table lacks one)."""
    return [prop(rec, sec, p.symbol, getattr(sec, p.field), p.unit, p.what) for p in wanted]


def prop(rec: Recorder, sec: Section, symbol: str, value: float | None, unit: str, what: str) -> float:
    """Record a section property (NotApplicable when the section table lacks it)."""
    if value is None:
        raise NotApplicable(f"{sec.label} has no {what}")
    derived = " (derived: C = 2J/OD)" if symbol == "C" and "c_in3" in sec.derived else ""
    return rec.value(symbol, value, unit=unit, description=f"{what} of {sec.label}{derived}", clause=sec.source_clause)


def limit(rec: Recorder, f: EditionFactors, key: str, e: float, fy: float, symbol: str) -> float:
    """Record a width-to-thickness limit of Table B4.1 (coefficient and basis from the pack)."""
    lim = f.limits[key]
    fn = b4.table_b4_limit_linear if lim.basis == "E/Fy" else b4.table_b4_limit_root
    return rec.apply(
        symbol, fn, lim.coefficient, e, fy, description=key.replace("_", " "), clause=lim.clause,
        fill={"coefficient": lim.coefficient},
    )  # fmt: skip
