"""Post sizing of a pole sign: the forces per wind case on each post, and the post <-> post wind iteration."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from apex_nb.calc import Calc
from apex_nb.envelope import Envelope
from apex_nb.pack_schemas.design_defaults import SignDesignDefaultsPack
from apex_nb.solvers.design.common import (
    LB_PER_KIP,
    face_wind,
    wind_inputs,
)
from apex_nb.solvers.design.inputs import PoleSignInput
from apex_nb.solvers.design.loads import CaseForces, LoadFactors
from apex_nb.solvers.design.post import PostChoice, iterate_post, wall_limits
from apex_nb.solvers.member.select import choice as post_choice

#: The memo name of a sizing iteration's post choice (``Calc.reuse``; no solver has this name).
CHOICE = "post.select/choice"


def case_post_forces(faces: list[Envelope], post_count: int, spacing_ft: float | None) -> dict[str, CaseForces]:
    """Per-post shear (lb), moment at grade (lb-ft), torsion (lb-ft) and bending loads for Cases A, B, C at W.

    One post: torsion = force x eccentricity from the post axis (face centred on the post).
    Two posts: an eccentric force F at e from the centre loads the nearer (windward) post with
    F (1/2 + e/S); the couple goes into differential bending, so each post's torsion is taken 0.
    The same windward share bends the post for its deflection (``point_loads``).
    """
    cases: dict[str, CaseForces] = {}
    any_case_c = any(env.result["case_c_applies"] for env in faces)
    for case in ("A", "B", "C") if any_case_c else ("A", "B"):
        shear = moment = torsion = 0.0
        loads: list[tuple[float, float]] = []
        for env in faces:
            r = env.result
            if case == "C" and not r["case_c_applies"]:
                force, height, ecc = r["force_case_a_lb"], r["resultant_height_ft"], 0.0
            elif case == "C":
                width = env.inputs["sign_width_ft"]
                force = r["case_c_force_lb"]
                height = r["case_c_moment_at_grade_lb_ft"] / force
                ecc = width / 2.0 - r["case_c_resultant_from_windward_ft"]
            else:
                force, height = r["force_case_a_lb"], r["resultant_height_ft"]
                ecc = r["case_b_eccentricity_ft"] if case == "B" else 0.0
            if post_count == 1:
                share = 1.0
                torsion += force * abs(ecc)
            else:
                assert spacing_ft is not None
                share = 0.5 + abs(ecc) / spacing_ft
            shear += force * share
            moment += force * share * height
            loads.append((force * share, height))
        cases[case] = CaseForces(case, shear, moment, torsion, tuple(loads))
    return cases


def _post_select_inputs(
    inputs: PoleSignInput, demand: dict[str, float], point_loads: list[dict[str, float]], length_ft: float
) -> dict[str, Any]:
    return {
        "edition": inputs.aisc_edition,
        "design_method": inputs.design_method,
        "families": list(inputs.post_families),
        "moment_kip_ft": demand["moment_kip_ft"],
        "shear_kip": demand["shear_kip"],
        "torsion_kip_ft": demand["torsion_kip_ft"],
        "axial_kip": demand["axial_kip"],
        "length_ft": length_ft,
        "point_loads": point_loads,
        "loads_level": "W",
        "asce7_edition": inputs.wind.edition,
        "deflection_limit_ratio": inputs.deflection_limit_ratio,
    }


@dataclass(frozen=True)
class Sizing:
    """One pass of wind -> cases -> post: the trial envelopes of the faces, the post wind and the post."""

    faces: list[Envelope]
    cases: dict[str, CaseForces]
    selection: Envelope
    post_wind: Envelope | None
    width_in: float
    shape: str
    self_weight_lb_per_ft: float
    history: list[str]
    drift_case: str


def size_post(
    inputs: PoleSignInput,
    calc: Calc,
    policy: SignDesignDefaultsPack,
    factors: LoadFactors,
    face_dead_lb: float,
    natural_frequency_hz: float | None,
    min_i_in4: float | None = None,
) -> Sizing:
    """Wind on the faces (Gf when ``natural_frequency_hz`` < 1 Hz), the cases, and the post selection.

    Post wind and post size are iterated until the wind and self-weight were taken on a post at
    least as wide and heavy as the one selected. Each iteration reads the post choice alone
    (``select.choice``, the same screening); the last iteration's selection is then solved in full.
    Nothing here is a part yet (trial solves).
    """
    n = inputs.post_count
    top_ft = max(face.top_height_ft for face in inputs.faces)
    bottom_ft = min(face.top_height_ft - face.height_ft for face in inputs.faces)
    widest_ft = max(face.width_ft for face in inputs.faces)
    faces = [face_wind(calc, inputs.wind, face, natural_frequency_hz, keep=False) for face in inputs.faces]
    cases = case_post_forces(faces, n, inputs.post_spacing_ft)
    drift_case = max(cases.values(), key=lambda c: (c.drift_index(top_ft), c.case))
    base_plated = inputs.foundation == "base_plate"
    flexible = (
        {}
        if natural_frequency_hz is None
        else {
            "natural_frequency_hz": natural_frequency_hz,
            "structure_height_ft": top_ft,
            "structure_width_ft": widest_ft,
        }
    )
    post_wind: Envelope | None = None
    history: list[str] = []
    chosen: list[tuple[dict[str, Any], PostChoice]] = []  # each iteration's post.select inputs and choice

    def select(width_in: float, shape: str, self_weight_lb_per_ft: float) -> PostChoice:
        nonlocal post_wind
        post_wind = None
        post_force_lb = post_moment_lb_ft = 0.0
        if bottom_ft > 0:
            post_wind = calc.trial(
                "wind.asce7_post",
                {
                    **wind_inputs(inputs.wind),
                    "post_shape": shape,
                    "post_width_in": width_in,
                    "exposed_height_ft": bottom_ft,
                    **flexible,
                },
            )
            post_force_lb = post_wind.result["force_per_post_lb"]
            post_moment_lb_ft = post_wind.result["moment_at_grade_lb_ft"] / post_wind.result.get("number_of_posts", 1)
        shear_w = max(c.shear_lb for c in cases.values()) + post_force_lb
        moment_w = max(c.moment_lb_ft for c in cases.values()) + post_moment_lb_ft
        torsion_w = max(c.torsion_lb_ft for c in cases.values())
        point_loads = [{"force_kip": f / LB_PER_KIP, "height_ft": z} for f, z in drift_case.point_loads]
        if post_force_lb > 0:
            point_loads.append(
                {"force_kip": post_force_lb / LB_PER_KIP, "height_ft": post_moment_lb_ft / post_force_lb}
            )
        demand = {
            "moment_kip_ft": factors.member_w * moment_w / LB_PER_KIP,
            "shear_kip": factors.member_w * shear_w / LB_PER_KIP,
            "torsion_kip_ft": factors.member_w * torsion_w / LB_PER_KIP,
            "axial_kip": factors.member_d * (face_dead_lb + self_weight_lb_per_ft * top_ft) / LB_PER_KIP,
        }
        select_inputs = {
            **_post_select_inputs(inputs, demand, point_loads, top_ft),
            **wall_limits(policy, base_plated=base_plated),
            **({"min_i_in4": min_i_in4} if min_i_in4 is not None else {}),
        }
        # Only the last iteration's selection is kept (solved below); the others are read for their
        # choice alone, which ``select.choice`` gives without solving the chosen post's parts.
        quick = calc.reuse(CHOICE, select_inputs, lambda: post_choice(select_inputs, calc))
        if quick is None:  # the choice cannot vouch that a full solve would not fail: solve in full
            quick = calc.trial("post.select", select_inputs).result
        choice = PostChoice.from_result(quick)
        chosen.append((select_inputs, choice))
        history.append(choice.label or "none")
        return choice

    width_in, shape, self_weight_lb_per_ft = iterate_post(calc, policy.max_post_iterations, select)
    assert chosen  # the policy pack allows at least one iteration
    last_inputs, last_choice = chosen[-1]
    selection = calc.trial("post.select", last_inputs)
    assert PostChoice.from_envelope(selection) == last_choice, "post.select and its choice disagree"
    return Sizing(faces, cases, selection, post_wind, width_in, shape, self_weight_lb_per_ft, history, drift_case.case)


def case_fields(forces: CaseForces) -> dict[str, float]:
    """The per-post forces of one case as result fields."""
    return {"shear_lb": forces.shear_lb, "moment_lb_ft": forces.moment_lb_ft, "torsion_lb_ft": forces.torsion_lb_ft}
