"""One member check (AISC 360 Chapters B, E, F, G, H) for one section, recorded or quiet.

``evaluate`` is the single code path behind ``member.check`` (recording into ``Calc``) and the
screening inside ``post.select`` (recording into ``Quiet``), so the section post.select picks is
checked exactly as member.check checks it. The limit states live by chapter: ``flexure`` (F),
``shear_torsion`` (G, H3.1), ``compression`` (E), ``interaction`` (H1, H3.2). Units inside: kip,
in, ksi; demands in kip-ft at the boundary.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar, cast

from apex_nb.pack_schemas.aisc360 import EditionFactors
from apex_nb.sections import Section
from apex_nb.solvers.member.base import Demand, NotApplicable, Options, Recorder
from apex_nb.solvers.member.compression import compression
from apex_nb.solvers.member.flexure import flexure_rect, flexure_round, flexure_w
from apex_nb.solvers.member.interaction import interaction
from apex_nb.solvers.member.shear_torsion import shear, torsion
from apex_nb.solvers.strength import Required, Strength, strength
from apex_nb.units import IN_PER_FT

__all__ = ["Demand", "NotApplicable", "Options", "Recorder", "evaluate"]

T = TypeVar("T")


def _strength_result(s: Strength, key: str, what: str, suffix: str, per: float) -> dict[str, float]:
    """The φRn, Rn/Ω and available entries of the result, in its units (``per`` = IN_PER_FT for kip-ft)."""
    assert s.allowable is not None  # AISC factors carry Ω
    return {
        f"phi_{key}{suffix}": s.design / per,
        f"{key}_over_omega{suffix}": s.allowable / per,
        f"available_{what}{suffix}": s.available / per,
    }


#: A limit state's nominal strength as the screening gets it: (section, factors, value or refusal).
_Kept = tuple[Section, EditionFactors, Any]
_NOMINAL: dict[tuple[Any, ...], _Kept] = {}
_NOMINAL_LIMIT = 8192


class _Refused(NamedTuple):
    """A limit state that raised NotApplicable for this section (raised again, as it would be)."""

    args: tuple[Any, ...]


def _nominal(fn: Callable[..., T], rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors,
             opt: Options) -> T:  # fmt: skip
    """``fn(rec, sec, fy, e, f, opt)``, kept for the screening (a recorder that ``records`` nothing).

    Without a recorder a limit state is a pure function of the section, its steel, the edition's
    factors and the member options, none of them the demand; a price book screens the same few
    hundred sections for thousands of demands. The entry holds the section and the factors it was
    computed for (compared by identity: an id is never reused while its object is kept here); a
    refusal (NotApplicable) is kept and raised again, a non-finite value is never kept (it raises).
    """
    if getattr(rec, "records", True):
        return fn(rec, sec, fy, e, f, opt)
    key = (fn, id(sec), fy, e, id(f), opt)
    kept = _NOMINAL.get(key)
    if kept is None or kept[0] is not sec or kept[1] is not f:
        try:
            value: Any = fn(rec, sec, fy, e, f, opt)
        except NotApplicable as exc:
            value = _Refused(exc.args)
        if len(_NOMINAL) >= _NOMINAL_LIMIT:
            _NOMINAL.clear()
        kept = _NOMINAL[key] = (sec, f, value)
    if isinstance(kept[2], _Refused):
        raise NotApplicable(*kept[2].args)
    return cast(T, kept[2])


def evaluate(
    rec: Recorder, sec: Section, fy: float, e: float, f: EditionFactors, demand: Demand, opt: Options
) -> dict[str, Any]:
    """Every applicable AISC 360 check of ``sec`` under ``demand``; returns strengths, ratios, the governing check.

    Raises NotApplicable when the section lies outside the provisions implemented.
    """
    method = opt.method
    if sec.shape == "round":
        mn, state, classes = _nominal(flexure_round, rec, sec, fy, e, f, opt)
        clause_m = f.clauses["f8"]
    elif sec.shape == "rect":
        mn, state, classes = _nominal(flexure_rect, rec, sec, fy, e, f, opt)
        clause_m = f.clauses["f7_yield"]
    else:
        mn, state, classes = _nominal(flexure_w, rec, sec, fy, e, f, opt)
        clause_m = f.clauses["f2"]
    classes = dict(classes)  # completed below and kept in the result: never the screening's kept one
    mr = demand.moment_kip_ft * IN_PER_FT
    m_av = strength(
        rec, "Mn", mn, f.resistance["flexure"], method=method, unit="kip-in", show="both",
        nominal_description=f"nominal flexural strength ({state})", nominal_clause=clause_m,
        check=Required(
            "flexure", f"required flexural strength vs {'φMn' if method == 'LRFD' else 'Mn/Ω'} ({state})", mr, clause_m
        ),
    )  # fmt: skip
    mn = m_av.nominal
    checks = [m_av.check]

    vn, v_factor = _nominal(shear, rec, sec, fy, e, f, opt)
    clause_v = f.clauses["g5"] if sec.shape == "round" else f.clauses["g4"] if sec.shape == "rect" else f.clauses["g2"]
    v_av = strength(
        rec, "Vn", vn, v_factor, method=method, unit="kip", show="both",
        check=Required("shear", "required shear strength vs available", demand.shear_kip, clause_v),
    )  # fmt: skip
    checks.append(v_av.check)

    result: dict[str, Any] = {
        "mn_kip_ft": mn / IN_PER_FT,
        **_strength_result(m_av, "mn", "moment", "_kip_ft", IN_PER_FT),
        "flexure_limit_state": state,
        "vn_kip": vn,
        **_strength_result(v_av, "vn", "shear", "_kip", 1.0),
    }
    t_av = None
    if demand.torsion_kip_ft > 0.0:
        tn = _nominal(torsion, rec, sec, fy, e, f, opt)
        tr = demand.torsion_kip_ft * IN_PER_FT
        t_av = strength(
            rec, "Tn", tn, f.resistance["torsion"], method=method, unit="kip-in", show="both",
            check=Required("torsion", "required torsional strength vs available", tr, f.clauses["h3_1"]),
        )  # fmt: skip
        checks.append(t_av.check)
        result.update({"tn_kip_ft": tn / IN_PER_FT, **_strength_result(t_av, "tn", "torsion", "_kip_ft", IN_PER_FT)})
    p_av = None
    if demand.axial_kip > 0.0:
        pn, comp_class = _nominal(compression, rec, sec, fy, e, f, opt)
        classes["compression"] = comp_class
        p_av = strength(
            rec, "Pn", pn, f.resistance["compression"], method=method, unit="kip", show="both",
            check=Required("compression", "required axial strength vs available", demand.axial_kip, f.clauses["e3"]),
        )  # fmt: skip
        checks.append(p_av.check)
        result.update({"pn_kip": pn, **_strength_result(p_av, "pn", "axial", "_kip", 1.0)})

    combined = interaction(rec, f, demand, mr, m_av, v_av, t_av, p_av)
    if combined is not None:
        checks.append(combined)

    governing = max(checks, key=lambda c: c.ratio)
    result.update(
        {
            "compactness": classes,
            "ratios": {c.id: c.ratio for c in checks},
            "ratio": governing.ratio,
            "governing_check": governing.id,
            "governing_clause": governing.clause,
            "passed": all(c.passed for c in checks),
        }
    )
    return result
