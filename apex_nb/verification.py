"""Published worked examples run against the solvers: the registry behind ``verification.ipynb``.

Each example is a dict with ``id``, ``source`` (who published it, edition, page or item),
``solver``, ``inputs``, ``expected`` ({result key: published value}), ``tolerance`` (relative,
justified in ``note`` by how the source rounds) and ``note``. ``run_examples()`` solves each
one and returns one row per expected value. Solver authors add their examples to ``EXAMPLES``
(keep them cheap: the notebook runs all of them under papermill in the tests).

An example whose solver is not registered yet gives rows with status ``missing-solver``
instead of failing, so the list can grow ahead of the solvers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from apex_nb.errors import ApexError

EXAMPLES: list[dict[str, Any]] = [
    {
        "id": "qz-7-10-D-155mph-20ft",
        "source": (
            "Medeek Engineering, 'Sign Calculator: Lateral Loads' Rev. 1.0.0 (2015), job 2015-041, "
            "ASCE 7-10 Sec. 29.4 (public sheet: V = 155 mph, exposure D, h = 20 ft, Kz = 1.083, qz = 56.62 psf)"
        ),
        "solver": "wind.asce7_qz",
        "inputs": {"edition": "7-10", "wind_speed_mph": 155, "exposure": "D", "height_ft": 20, "kz_method": "formula"},
        "expected": {"kz": 1.083, "qz_psf": 56.62},
        "tolerance": 5e-4,
        "note": "the sheet prints 4 significant figures (half a last unit is < 5e-4 relative); Kz from the power law",
    },
    {
        "id": "qz-7-05-C-90mph-35ft",
        "source": (
            "'Wind Analysis for Freestanding Wall & Sign Based on ASCE 7-05' spreadsheet (public example: "
            "exposure C, I = 1.00, V = 90 mph, Kzt = 1, h = 35 ft, qh = 17.80 psf)"
        ),
        "solver": "wind.asce7_qz",
        "inputs": {"edition": "7-05", "wind_speed_mph": 90, "exposure": "C", "height_ft": 35},
        "expected": {"qz_psf": 17.80},
        "tolerance": 5e-4,
        "note": "printed to 0.01 psf; Kz = 1.01 interpolated in ASCE 7-05 Table 6-3 between 30 and 40 ft",
    },
    {
        "id": "qz-7-16-C-115mph-15ft-hand",
        "source": (
            "Hand calculation: ASCE 7-16 Eq. 26.10-1, qz = 0.00256 Kz Kzt Kd Ke V^2 with Kz = 0.85 "
            "(Table 26.10-1, 15 ft, exposure C), Kd = 0.85 (Table 26.6-1, solid freestanding signs), "
            "Kzt = Ke = 1: qz = 0.00256 x 0.85 x 0.85 x 115^2 = 24.461 psf"
        ),
        "solver": "wind.asce7_qz",
        "inputs": {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C", "height_ft": 15},
        "expected": {"kz": 0.85, "kd": 0.85, "ke": 1.0, "qz_psf": 24.461},
        "tolerance": 1e-4,
        "note": "exact arithmetic on table values; the result is given to 5 significant figures",
    },
    {
        "id": "qz-7-16-C-115mph-15ft-5000ft-elevation-hand",
        "source": (
            "Hand calculation: ASCE 7-16 Table 26.9-1 note 2, Ke = e^(-0.0000362 zg) at zg = 5000 ft "
            "= 0.83444; qz = 24.461 x 0.83444 = 20.411 psf"
        ),
        "solver": "wind.asce7_qz",
        "inputs": {
            "edition": "7-16",
            "wind_speed_mph": 115,
            "exposure": "C",
            "height_ft": 15,
            "ground_elevation_ft": 5000,
        },
        "expected": {"ke": 0.83444, "qz_psf": 20.411},
        "tolerance": 1e-4,
        "note": "given to 5 significant figures",
    },
]

EXAMPLES += [
    {
        "id": "sign-7-10-D-155mph-medeek",
        "source": (
            "Medeek Engineering, 'Sign Calculator: Lateral Loads' Rev. 1.0.0 (2015), job 2015-041, ASCE 7-10 "
            "Sec. 29.4: 3 ft x 3 ft envelope, As = 7.48 ft², top at 20 ft, V = 155 mph, exposure D: Cf = 1.80, "
            "F = 648 lb strength, 389 lb ASD"
        ),
        "solver": "wind.asce7_sign",
        "inputs": {
            "edition": "7-10",
            "wind_speed_mph": 155,
            "exposure": "D",
            "sign_width_ft": 3,
            "sign_height_ft": 3,
            "top_height_ft": 20,
            "sign_area_ft2": 7.48,
            "kz_method": "formula",
        },
        "expected": {"cf_case_a": 1.80, "force_case_a_lb": 648, "force_case_a_asd_lb": 389},
        "tolerance": 1e-3,
        "note": "forces printed to the pound (half a pound is < 1e-3 relative)",
    },
    {
        "id": "pipe-8-xs-flexure-aisc-f9b",
        "source": (
            "AISC Design Examples v15.0 (2017), Example F.9B, pp. F-43 to F-44: Pipe 8 XS, A53 Gr. B, compact, "
            "Mn = Mp = 90.4 kip-ft, φbMn = 81.4 kip-ft, Mn/Ωb = 54.1 kip-ft"
        ),
        "solver": "member.check",
        "inputs": {
            "section": "Pipe 8 XS",
            "grade": "A53B",
            "edition": "360-16",
            "design_method": "LRFD",
            "moment_kip_ft": 1.0,
            "length_ft": 0.1,
        },
        "expected": {"mn_kip_ft": 90.4, "phi_mn_kip_ft": 81.4, "mn_over_omega_kip_ft": 54.1},
        "tolerance": 5e-3,
        "note": "the example and the section properties are printed to 3 significant figures",
    },
    {
        "id": "embedment-constrained-square-tedds",
        "source": (
            "Tedds 'Flagpole embedment (IBC)', IBC 2021, calc version 1.2.04 (Scribd 697991832): P = 33,700 lb at "
            "39.4 ft, 126 in square, 150 psf/ft, one-third increase, constrained: d = 12.60 ft"
        ),
        "solver": "foundation.embedment",
        "inputs": {
            "ibc_edition": "2021",
            "lateral_force_lb": 33700,
            "force_height_ft": 39.4,
            "square_side_ft": 10.5,
            "lateral_bearing_psf_per_ft": 150,
            "one_third_increase": True,
            "constrained": True,
        },
        "expected": {"required_depth_ft": 12.60},
        "tolerance": 2e-3,
        "note": "the sheet multiplies by 1.33 where apex-nb applies 4/3 exactly (-0.13 % on d)",
    },
    {
        "id": "embedment-nonconstrained-round-check-zephyrhills",
        "source": (
            "City of Zephyrhills FL permit archive, doc 178567 p. 40 ('Footing Design for Freestanding Signs and "
            "Flagpoles', §1807.3.2.1): round 3 ft, d = 4 ft, class 4 x 2, P = 0.89 kip at 3.40 ft: "
            "S1 = 400 psf, required d = 3.54 ft"
        ),
        "solver": "foundation.embedment",
        "inputs": {
            "ibc_edition": "2018",
            "lateral_force_lb": 890,
            "force_height_ft": 3.4,
            "diameter_ft": 3,
            "soil_class": 4,
            "isolated_pole_factor": 2,
            "depth_ft": 4,
        },
        "expected": {"s1_psf": 400.0, "required_depth_ft": 3.54},
        "tolerance": 3e-3,
        "note": "the sheet prints P and h rounded; 0.01 ft on 3.54 ft",
    },
]

STATUSES = ("pass", "fail", "missing-solver", "error")


# Issue 13: foundations and connections (DG1 plates, shaft torsion, pier reinforcement).
EXAMPLES += [
    {
        "id": "dg1-b52-geometry-bearing-stress",
        "source": (
            "AISC Design Guide 1, 2nd Ed. (2006), Appendix B.5.2, p. 60: 14 x 14 in. plate, W8x31, A2/A1 = 4, "
            "f'c = 3 ksi, AISC 360-05 φc = 0.60: fp,max = 0.60 (0.85)(3.0)(2) = 3.06 ksi (LRFD)"
        ),
        "solver": "connection.base_plate",
        "inputs": {
            "post_shape": "rect", "post_b_in": 8.0, "post_d_in": 8.0, "post_wall_in": 0.435, "plate_n_in": 14.0,
            "plate_b_in": 14.0, "rod_edge_in": 1.5, "fc_psi": 3000.0, "pedestal_n_in": 28.0, "pedestal_b_in": 28.0,
            "aisc_edition": "360-05", "design_method": "LRFD", "axial_kip": 90.0, "moment_kip_ft": 60.0,
        },
        "expected": {"available_bearing_stress_ksi": 3.06},
        "tolerance": 5e-3,
        "note": "the guide prints 3 significant figures",
    },
    {
        "id": "dg1-hss45-3kipft-hand",
        "source": (
            "Hand calculation, DG1 2nd Ed. §3.4 (Eq. 3.4.3, 3.3.15) with AISC 360-16 §J8, ASD: HSS 4.5 x 0.125 on a"
            " 24 in. pier, P = 0.2 kip, M = 3 kip-ft, 12 x 12 in. plate: Y = 0.1893 in., Mpl = fp Y (m - Y/2) ="
            " 1.2132 kip-in/in, tp,req = sqrt(4 x 1.2132 x 1.67/36) = 0.474 in. (tests/connection)"
        ),
        "solver": "connection.base_plate",
        "inputs": {
            "post_shape": "round", "post_diameter_in": 4.5, "post_wall_in": 0.125, "axial_kip": 0.2,
            "moment_kip_ft": 3.0, "fc_psi": 3000.0, "pedestal_diameter_in": 24.0, "design_method": "ASD",
        },
        "expected": {"bearing_length_in": 0.1893, "required_thickness_in": 0.4745},
        "tolerance": 2e-3,
        "note": "hand values carried to 4 significant figures",
    },
    {
        "id": "shaft-torsion-class4-hand",
        "source": (
            "Hand calculation, IDOT AGMU Memo 11.1 (2011) torque form with IBC 2021 Table 1806.2 class 4 (μ = 0.25):"
            " 3 ft x 8 ft shaft, K0 = 0.5, γ = 100 pcf: T_side = π μ K0 γ D² L²/4 = 5654.9 lb-ft; N = 0.6 (π 9/4 x 8"
            " x 145 + 1000) = 5519.7 lb, T_base = μ N D/3 = 1379.9 lb-ft; T_allow = 7.0348 kip-ft"
        ),
        "solver": "foundation.shaft_torsion",
        "inputs": {
            "torsion_kip_ft": 5.0, "diameter_ft": 3.0, "depth_ft": 8.0, "ibc_edition": "2021", "soil_class": 4,
            "dead_load_kip": 1.0, "post_width_in": 10.75,
        },
        "expected": {"allowable_torque_kip_ft": 7.0348, "lug_capacity_kip": 19.89},
        "tolerance": 1e-4,
        "note": "exact arithmetic; lugs 0.65 x 0.85 x 3 ksi x 12 in² (ACI 318-19 §22.8.3.2)",
    },
    {
        "id": "pier-4-no8-24in-hand",
        "source": (
            "Hand calculation, ACI 318-19 §22.2 strain compatibility: 24 in. pier, 4 #8 at 3.875 in. from the face,"
            " f'c = 4000 psi, fy = 60 ksi, P = 0: c = 4.11 in., Mn = 1789 kip-in, εt = 0.0117 -> φ = 0.90,"
            " φMn = 1610 kip-in (tests/foundation/test_pier_reinforcement.py)"
        ),
        "solver": "foundation.pier_reinforcement",
        "inputs": {
            "diameter_in": 24.0, "depth_ft": 10.0, "lateral_force_lb": 1000.0, "force_height_ft": 10.0,
            "soil_reaction_psf_per_ft": 300.0, "fc_psi": 4000.0, "bar_size": 8, "bar_count": 4,
        },
        "expected": {"design_moment_kip_in": 1610.5},
        "tolerance": 5e-3,
        "note": "the hand iteration carries 4 significant figures",
    },
]  # fmt: skip


def _registered() -> set[str]:
    from apex_nb.registry import list_solvers

    return {s.name for s in list_solvers()}


def _row(example: Mapping[str, Any], key: str, expected: Any, **extra: Any) -> dict[str, Any]:
    return {
        "id": example["id"],
        "solver": example["solver"],
        "key": key,
        "expected": expected,
        "actual": None,
        "relative_error": None,
        "tolerance": example.get("tolerance", 0.0),
        "status": "error",
        "message": "",
        "source": example.get("source", ""),
        **extra,
    }


def compare(actual: Any, expected: Any, tolerance: float) -> tuple[bool, float | None]:
    """(passed, relative error): numbers by relative error (absolute when expected is 0), else equality."""
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        if isinstance(actual, bool) or not isinstance(actual, (int, float)) or not math.isfinite(actual):
            return False, None
        scale = abs(expected) if expected != 0 else 1.0
        error = abs(actual - expected) / scale
        return error <= tolerance, error
    return actual == expected, None


def run_examples(
    examples: Iterable[Mapping[str, Any]] | None = None, *, ids: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """Solve every example (or those in ``ids``) and return one row per expected value.

    Row keys: id, solver, key, expected, actual, relative_error, tolerance, status (one of
    ``STATUSES``), message, source, content_sha256.
    """
    from apex_nb.registry import solve

    wanted = set(ids) if ids is not None else None
    registered = _registered()
    rows: list[dict[str, Any]] = []
    for example in EXAMPLES if examples is None else examples:
        if wanted is not None and example["id"] not in wanted:
            continue
        expected_items = list(example["expected"].items())
        if example["solver"] not in registered:
            rows.extend(
                _row(example, k, v, status="missing-solver", message="solver not registered", content_sha256="")
                for k, v in expected_items
            )
            continue
        try:
            envelope = solve(example["solver"], dict(example["inputs"]))
        except ApexError as exc:
            rows.extend(_row(example, k, v, message=str(exc), content_sha256="") for k, v in expected_items)
            continue
        for key, expected in expected_items:
            if key not in envelope.result:
                rows.append(
                    _row(
                        example, key, expected, message=f"result has no {key!r}", content_sha256=envelope.content_sha256
                    )
                )
                continue
            actual = envelope.result[key]
            passed, error = compare(actual, expected, float(example.get("tolerance", 0.0)))
            rows.append(
                _row(
                    example,
                    key,
                    expected,
                    actual=actual,
                    relative_error=error,
                    status="pass" if passed else "fail",
                    content_sha256=envelope.content_sha256,
                )
            )
    return rows


def summary(rows: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Count of rows by status."""
    counts = dict.fromkeys(STATUSES, 0)
    for row in rows:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    return counts


def write_results(rows: list[dict[str, Any]], path: str) -> None:
    """Write ``{"rows": rows, "summary": counts}`` as JSON ('' = do not write)."""
    if not path:
        return
    import json
    from pathlib import Path

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = {"rows": rows, "summary": summary(rows)}
    target.write_text(json.dumps(payload, indent=2, sort_keys=True, allow_nan=False) + "\n", encoding="utf-8")
