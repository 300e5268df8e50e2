"""Pieces shared by the complete-sign designs: the policy pack, wind per face, face weight, geometry.

Every load is computed from wind and dead load; every component is solved through
``calc.solve`` so its envelope becomes a part of the design envelope (linked by content hash
in the design result). Load factors are in ``loads``, the post choice in ``post``, footings in
``footing``, the review and price in ``verdict``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from apex_nb.calc import Calc
from apex_nb.envelope import Envelope
from apex_nb.pack_schemas.design_defaults import SignDesignDefaultsPack
from apex_nb.solvers.design.inputs import Face, SiteWind, Soil
from apex_nb.units import LB_PER_KIP as LB_PER_KIP  # re-exported; one definition in apex_nb.units

DEFAULTS_PACK = "sign-design-defaults"


COST_FAMILY = {
    "pipe": "pipe",
    "hss-round": "hss_round",
    "hss-square": "hss_rect",
    "hss-rect": "hss_rect",
    "w": "w_shape",
}


def defaults(calc: Calc) -> SignDesignDefaultsPack:
    """The design-policy pack (recorded in the envelope)."""
    return calc.pack(DEFAULTS_PACK).data


def given(model: BaseModel, *names: str) -> dict[str, Any]:
    """The named fields of ``model`` that are set (not None), in the order named: a component's inputs."""
    return {name: value for name in names if (value := getattr(model, name)) is not None}


def wind_inputs(wind: SiteWind) -> dict[str, Any]:
    """Site wind fields shared by the wind solvers."""
    return given(wind, "edition", "wind_speed_mph", "exposure", "kzt", "ground_elevation_ft", "importance_factor")


def face_wind(
    calc: Calc, wind: SiteWind, face: Face, natural_frequency_hz: float | None = None, *, keep: bool = True
) -> Envelope:
    """``wind.asce7_sign`` for one face (each face is its own sign per ASCE 7 Ch. 29).

    With ``natural_frequency_hz`` below 1 Hz the wind solver uses the flexible gust factor Gf;
    ``keep=False`` returns a trial (a sizing pass) that the caller adopts once it has converged.
    """
    inputs = {
        **wind_inputs(wind),
        "sign_width_ft": face.width_ft,
        "sign_height_ft": face.height_ft,
        "top_height_ft": face.top_height_ft,
        "solidity_ratio": face.solidity_ratio,
        **given(face, "return_corner_ft"),
    }
    if natural_frequency_hz is not None:
        inputs["natural_frequency_hz"] = natural_frequency_hz
    return calc.solve("wind.asce7_sign", inputs) if keep else calc.trial("wind.asce7_sign", inputs)


def dynamic_summary(calc: Calc, frequency: Envelope | None, n1_used: float | None, face: Envelope) -> dict[str, Any]:
    """Adopt the natural-frequency part and state which gust factor the wind used, and why.

    ASCE 7 §26.2: rigid when f1 >= 1 Hz (G = 0.85); below 1 Hz the structure is flexible and the
    wind uses Gf of §26.11.5 (7-10 §26.9.5, 7-05 §6.5.8.2), evaluated at ``n1_used``.
    """
    gust = float(face.result["gust_factor"])
    if frequency is None:
        return {
            "natural_frequency_hz": None,
            "flexible": None,
            "gust_factor": gust,
            "gust_factor_basis": ("no post selected: frequency not computed; G = 0.85 (rigid) assumed"),
        }
    frequency = calc.adopt(frequency)
    f1 = float(frequency.result["f1_hz"])
    calc.value("f1", f1, unit="Hz", description="first natural frequency of the sign on its post (rigid base)",
               clause=frequency.result["clause"])  # fmt: skip
    if n1_used is None:
        basis = f"f1 = {f1:.2f} Hz >= 1 Hz: rigid, G = {gust:g} ({frequency.result['rigid_limit_clause']})"
    else:
        basis = (
            f"f1 = {f1:.2f} Hz < 1 Hz: flexible; Gf = {gust:.3f} (ASCE 7 §26.11.5) evaluated at {n1_used:.2f} Hz, "
            f"no higher than the final post's f1, with the wind pack's damping ratio"
        )
        calc.applies(
            "along-wind gust response only (no vortex shedding or across-wind check)",
            False,
            "a flexible pole can be excited across the wind (vortex shedding); Gf covers along-wind response only",
            penalty=0.1,
        )
    calc.assume(basis, frequency.result["rigid_limit_clause"])
    return {
        "natural_frequency_hz": f1,
        "flexible": n1_used is not None,
        "gust_factor": gust,
        "gust_factor_basis": basis,
    }


def face_weight_lb(calc: Calc, face: Face, policy: SignDesignDefaultsPack) -> float:
    """Face dead weight: given, or area x the policy's psf (an assumption)."""
    if face.weight_lb is not None:
        return face.weight_lb
    weight = face.width_ft * face.height_ft * policy.face_dead_load_psf
    calc.assume(
        f"{face.name}: weight {weight:.0f} lb = {face.width_ft:g} x {face.height_ft:g} ft x "
        f"{policy.face_dead_load_psf:g} psf (typical cabinet; give the weight when known)"
    )
    return weight


def faces_overlap(faces: list[Face]) -> list[tuple[str, str]]:
    """Pairs of faces whose elevations overlap (each is loaded as its own sign: likely a duplicate)."""
    pairs: list[tuple[str, str]] = []
    for i, a in enumerate(faces):
        for b in faces[i + 1 :]:
            low = max(a.top_height_ft - a.height_ft, b.top_height_ft - b.height_ft)
            high = min(a.top_height_ft, b.top_height_ft)
            if high - low > 1e-9:
                pairs.append((a.name, b.name))
    return pairs


def check_geometry(calc: Calc, faces: list[Face], reach_ft: float, policy: SignDesignDefaultsPack) -> None:
    """Design-level rules on the geometry: no overlapping faces, no face reaching too far beyond its posts."""
    overlaps = faces_overlap(faces)
    for a, b in overlaps:
        calc.warn(
            f"faces '{a}' and '{b}' overlap in elevation: each is loaded as its own sign. If they are the two sides "
            "of one double-faced cabinet, give it once (ASCE 7 Ch. 29 loads the cabinet, not each face)"
        )
    calc.applies(
        "faces do not overlap in elevation",
        not overlaps,
        "overlapping faces double the wind: check the face list",
        penalty=0.3,
    )
    calc.value("reach", reach_ft, unit="ft", description="farthest reach of a face beyond its outermost post")
    calc.applies(
        f"faces reach at most {policy.max_face_overhang_ft:g} ft beyond the posts",
        reach_ft <= policy.max_face_overhang_ft + 1e-9,
        f"a face reaches {reach_ft:g} ft beyond its post: torsion and foundation twist need an engineer "
        "(or add a post)",
        penalty=0.25,
    )


def soil_inputs(soil: Soil) -> dict[str, Any]:
    """Soil fields of ``foundation.embedment``; the interpretations become its assumptions."""
    names = ("ibc_edition", "isolated_pole_factor", "one_third_increase", "constrained", "min_depth_ft")
    if soil.lateral_bearing_psf_per_ft is not None:
        return given(soil, *names, "lateral_bearing_psf_per_ft")
    return {**given(soil, *names), "soil_class": soil.soil_class}


def all_checks(parts: list[Envelope]) -> list[tuple[str, Any]]:
    """Every check of every part, depth first, as (solver name, check): ``envelope.checks_of``."""
    from apex_nb.envelope import checks_of

    return [(found.solver, found.check) for found in checks_of(parts)]


def governing_check(parts: list[Envelope]) -> tuple[str, float]:
    """('solver: check id', ratio) of ``envelope.governing_of`` (the one documented rule)."""
    from apex_nb.envelope import governing_of

    found = governing_of(parts)
    return (found.label, found.ratio) if found else ("none", 0.0)
