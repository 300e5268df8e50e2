"""Published worked examples of wind on signs, reproduced by the solvers.

Each example names its source and where the numbers are printed; the tolerance is the
rounding of the published figure (half a unit of its last printed digit) unless stated.

1. Medeek Engineering Inc., "Sign Calculator: Lateral Loads", Rev. 1.0.0 (9/27/2015), job
   2015-041, ASCE 7-10 §29.4; published as Scribd document 391952847 ("SIGN-CALCULATOR-xls"),
   page 1. Shaped face As = 7.48 ft² on a 3 ft x 3 ft envelope, Kz by the formula.
2./3. "Wind Analysis for Freestanding Wall & Sign Based on ASCE 7-05" (Engineering-International
   style spreadsheet), Scribd document 828657211 ("SignWind"), page 1: 100 ft x 8 ft sign, top at
   35 ft, return corner 2 ft. Cases A/B force, moment and Case B torsion (2); the design summary's
   "max horizontal wind pressure 55 psf", which is the Case C leading region reduced by the
   return-corner factor at Lr/s = 0.25 (3).
4./5. Same spreadsheet family, Scribd document 458377490 ("CASE3-28-psf"), page 1: a 689 ft x
   6.6 ft wall on the ground (s/h = 1), I = 1.15, return corner 1821.3 ft. Cases A/B with the
   0.05 s raise of the resultant (4); Case C regions 1 and 2 with the return-corner factor 0.6 and
   the (1.8 - s/h) reduction (5).
6. "Wind actions on signboards according to Eurocode 1 part 4" design example, Scribd documents
   179494512 and 202744144, page 1-2: b = 5 m, h = 7 m, zg = 1.5 m, vb = 33 m/s, terrain I.
7. Eurocode Applied, "Wind load on signboards (force coefficient)" calculation sheet of
   Jun 13 2022, published as studylib document 25858705, page 1: b = 6 m, h = 1.86 m,
   zg = 5.17 m, vb = 20 m/s, terrain II.
8. Engineering Express, "Porosity - How 'Open' A Surface Is - Explained" (wiki, undated),
   https://www.engineeringexpress.com/wiki/how-to-calculate-porosity-louver-sign-fence, under
   "ASCE 7 figure 29.3-1 note 2": a surface 25 % visually open (75 % solid) gives
   1 - (1 - 0.75)^1.5 = 0.875. The only published openings example found: it stops at the factor,
   so the force-level checks below are the factor carried through example 2's sign.
"""

from __future__ import annotations

import pytest
from _support.published import Published, printed

from apex_nb import solve
from apex_nb.packs import PackLibrary

LIB = PackLibrary()


def sign(**inputs):
    return solve("wind.asce7_sign", inputs, library=LIB)


def sheet_sign(
    wind_speed_mph: float, importance: float, width_ft: float, height_ft: float, top_ft: float, return_corner_ft: float
) -> dict:
    """Inputs of the ASCE 7-05 "Freestanding Wall & Sign" sheets (examples 2-5): exposure C, in the
    order the sheets print them (V, I, B, s, h, Lr)."""
    return {
        "edition": "7-05",
        "exposure": "C",
        "wind_speed_mph": wind_speed_mph,
        "importance_factor": importance,
        "sign_width_ft": width_ft,
        "sign_height_ft": height_ft,
        "top_height_ft": top_ft,
        "return_corner_ft": return_corner_ft,
    }


MEDEEK = Published(
    "example 1: Medeek 'Sign Calculator: Lateral Loads' (Scribd 391952847), page 1",
    "wind.asce7_sign",
    {"edition": "7-10", "wind_speed_mph": 155, "exposure": "D", "kz_method": "formula"}  # the wind
    | {"sign_width_ft": 3, "sign_height_ft": 3, "top_height_ft": 20, "sign_area_ft2": 7.48},  # the shaped face
    {
        "kz": printed("1.083"),
        "qh_psf": printed("56.62"),
        "s_over_h": pytest.approx(0.15),
        "b_over_s": pytest.approx(1.00),
        "cf_case_a": pytest.approx(1.80, abs=1e-9),
        "force_case_a_lb": printed("648"),
        "force_case_a_asd_lb": printed("389"),
        "case_b_eccentricity_ft": pytest.approx(0.60),  # ".2B = 0.60 ft"
        "design_level": "strength",
    },
)
SIGNWIND = Published(
    "examples 2-3: 'SignWind' ASCE 7-05 sheet (Scribd 828657211), page 1",
    "wind.asce7_sign",
    sheet_sign(90, 1.0, 100, 8, 35, 2),
    {
        "kz": pytest.approx(1.01, abs=1e-9),  # Table 6-3, 35 ft interpolated
        "qh_psf": printed("17.80"),
        "force_case_a_lb": printed("22.37", 1000),
        "moment_at_grade_lb_ft": printed("693.57", 1000),  # F (h - 0.5 s)
        "torsion_case_b_lb_ft": printed("447.46", 1000),  # 0.2 F B
        "design_level": "allowable",
    },
)
CASE3 = Published(
    "examples 4-5: 'CASE3-28-psf' ASCE 7-05 sheet (Scribd 458377490), page 1",
    "wind.asce7_sign",
    sheet_sign(100, 1.15, 689, 6.6, 6.6, 1821.3),
    {
        "kz": pytest.approx(0.85),
        "qh_psf": printed("21.27"),
        "cf_case_a": pytest.approx(1.30, abs=1e-9),  # s/h = 1, B/s >= 45
        "pressure_case_a_psf": printed("24"),
        "force_case_a_lb": printed("106.88", 1000),
        "resultant_height_ft": pytest.approx(0.55 * 6.6),  # s/h = 1: 0.05 s above the centre
        "moment_at_grade_lb_ft": printed("387.98", 1000),
        "torsion_case_b_lb_ft": printed("14728.22", 1000),
    },
)


def test_1_medeek_sign_calculator_asce7_10() -> None:
    r = MEDEEK.solve(LIB).result
    MEDEEK.check(r)
    assert r["case_c_applies"] is False  # "Case C not required"


@pytest.fixture(scope="module")
def signwind():
    return SIGNWIND.solve(LIB).result


def test_2_signwind_cases_a_b(signwind) -> None:
    r = signwind
    SIGNWIND.check(r)
    assert r["force_case_a_asd_lb"] == pytest.approx(r["force_case_a_lb"])  # 7-05: W at 1.0 in ASD


def test_3_signwind_case_c_peak_pressure_with_return_corner(signwind) -> None:
    r = signwind
    # Lr/s = 2/8 = 0.25: factor interpolated between (0, 1.00) and (0.3, 0.90); leading Cf at
    # B/s = 12.5 between the 10 (3.75) and 13 (4.00) columns.
    assert r["return_corner_factor"] == pytest.approx(1 - 0.25 / 0.3 * 0.10)
    leading = r["case_c_regions"][0]
    assert (leading["from_ft"], leading["to_ft"]) == (0.0, 8.0)
    assert leading["cf"] == pytest.approx((3.75 + 2.5 / 3 * 0.25) * (1 - 0.25 / 0.3 * 0.10))
    assert leading["pressure_psf"] == printed("55")  # "max horizontal wind pressure p = 55 psf"
    # The summary's maximum force, moment and torsion are those of Cases A/B: Case C stays below them.
    assert r["case_c_force_lb"] / 1000 < 22.37
    assert abs(r["case_c_torsion_lb_ft"]) / 1000 < 447.46
    assert r["governing_case"] == "B"
    assert r["case_c_regions"][-1]["to_ft"] == pytest.approx(100.0)


@pytest.fixture(scope="module")
def case3():
    return CASE3.solve(LIB).result


def test_4_case3_wall_cases_a_b(case3) -> None:
    CASE3.check(case3)


def test_5_case3_case_c_regions(case3) -> None:
    r = case3
    assert r["return_corner_factor"] == pytest.approx(0.60)  # Lr/s = 276 >= 2
    assert r["case_c_clearance_factor"] == pytest.approx(0.80)  # 1.8 - s/h
    first, second = r["case_c_regions"][:2]
    assert first["to_ft"] == pytest.approx(6.6)
    assert first["cf"] == pytest.approx(2.064, abs=1e-9)  # 4.30 x 0.6 x 0.8
    assert first["pressure_psf"] == pytest.approx(37, abs=0.5)
    assert first["area_ft2"] == pytest.approx(43.56)
    assert first["force_lb"] / 1000 == pytest.approx(1.63, abs=0.005)
    y = r["resultant_height_ft"]
    assert first["force_lb"] * y / 1000 == pytest.approx(5.90, abs=0.005)
    arm = 689 / 2 - 0.5 * (first["from_ft"] + first["to_ft"])
    assert first["force_lb"] * arm / 1000 == pytest.approx(554.63, abs=0.005)
    assert second["cf"] == pytest.approx(2.040, abs=1e-9)  # 2.55 x 0.8, not starred
    assert second["pressure_psf"] == pytest.approx(37, abs=0.5)
    assert r["governing_case"] == "B"


def test_6_eurocode_signboard_design_example() -> None:
    r = solve(
        "wind.en1991_signboard",
        {"basic_wind_velocity_mps": 33, "terrain_category": "I", "width_m": 5, "height_m": 7, "clearance_m": 1.5},
    ).result
    assert r["reference_height_m"] == pytest.approx(5.00)
    assert r["kr"] == pytest.approx(0.1698, abs=5e-5)
    assert r["cr"] == pytest.approx(1.055, abs=5e-4)
    assert r["iv"] == pytest.approx(0.1609, abs=5e-5)
    # vm = cr x 33 with cr rounded to 1.055 in the example: half a unit of cr is 0.0005 x 33 = 0.017 m/s.
    assert r["vm_mps"] == pytest.approx(34.82, abs=0.017)
    assert r["qp_kn_m2"] == pytest.approx(1.61, abs=0.005)
    assert r["cf"] == pytest.approx(1.80)  # zg < h/4 but b/h = 0.714 <= 1
    assert r["signboard_rule_applies"] is True
    # The example multiplies the rounded qp = 1.61 kN/m²: 101.43 kN. With the unrounded qp the
    # force is 0.05 % higher; qp's own rounding (half a unit in 1.61 = 0.3 %) bounds the gap.
    assert r["force_kn"] == pytest.approx(101.43, rel=0.003)
    assert r["force_kn"] == pytest.approx(1.80 * r["qp_kn_m2"] * 35, rel=1e-12)
    assert r["eccentricity_m"] == pytest.approx(1.25)


def test_7_eurocode_applied_signboard_sheet() -> None:
    r = solve(
        "wind.en1991_signboard",
        {"basic_wind_velocity_mps": 20, "terrain_category": "II", "width_m": 6, "height_m": 1.86, "clearance_m": 5.17},
    ).result
    assert r["effective_pressure_kn_m2"] == pytest.approx(0.921, abs=0.0005)
    assert r["force_kn"] == pytest.approx(10.281, abs=0.0005)
    assert r["moment_at_base_kn_m"] == pytest.approx(62.71, abs=0.005)
    assert r["eccentricity_m"] == pytest.approx(1.50)


@pytest.mark.parametrize("edition", ["7-05", "7-10", "7-16", "7-22"])
def test_8_engineering_express_openings_factor(edition: str, signwind) -> None:
    inputs = {
        "edition": edition,
        "wind_speed_mph": 90 if edition == "7-05" else 115,
        "exposure": "C",
        "sign_width_ft": 100,
        "sign_height_ft": 8,
        "top_height_ft": 35,
        "return_corner_ft": 2,
    }
    envelope = solve("wind.asce7_sign", {**inputs, "solidity_ratio": 0.75}, library=LIB)
    r = envelope.result
    solid = sign(**inputs).result
    assert r["opening_factor"] == 0.875  # printed "0.875 or 87.5% solid"; 0.25^1.5 = 0.125 exactly
    # 25 % open is still a solid sign: the rule holds and costs no confidence.
    rule = next(a for a in envelope.applicability if "openings below 30 %" in a.rule)
    assert rule.ok
    # Note 2 multiplies the force coefficients, so every case scales by the factor and nothing else.
    assert r["cf_case_a"] == pytest.approx(0.875 * solid["cf_case_a"], rel=1e-12)
    assert r["force_case_a_lb"] == pytest.approx(0.875 * solid["force_case_a_lb"], rel=1e-12)
    assert r["torsion_case_b_lb_ft"] == pytest.approx(0.875 * solid["torsion_case_b_lb_ft"], rel=1e-12)
    assert len(r["case_c_regions"]) == len(solid["case_c_regions"])
    for open_region, solid_region in zip(r["case_c_regions"], solid["case_c_regions"], strict=True):
        assert open_region["force_lb"] == pytest.approx(0.875 * solid_region["force_lb"], rel=1e-12)
    if edition == "7-05":  # example 2's published sign: 22.37 kips solid, so 19.57 kips at 75 % solid
        assert solid["force_case_a_lb"] == pytest.approx(signwind["force_case_a_lb"])
        assert r["force_case_a_lb"] / 1000 == pytest.approx(0.875 * 22.37, abs=0.005)
