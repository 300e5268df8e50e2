"""Load factors of a design (ASCE 7 combinations, the IBC soil alternatives) and the forces per wind case."""

from __future__ import annotations

from dataclasses import dataclass, replace

from apex_nb.calc import Calc
from apex_nb.equations.asce7 import combinations
from apex_nb.solvers.design.inputs import Soil
from apex_nb.solvers.member.common import AsceEdition, DesignMethod, load_combinations


@dataclass(frozen=True)
class LoadFactors:
    """Factors on W and D for member design (method) and for soil (always ASD)."""

    member_w: float
    member_d: float
    member_combo: str
    soil_w: float
    soil_d: float
    soil_combo: str
    member_combos: tuple[tuple[float, float], ...] = ()

    @property
    def counteracting_d(self) -> float:
        """The smallest D factor among the combinations with the full member W factor (0.6D, 0.9D).

        Anchor tension and uplift grow as the axial load falls, so connections are checked with it.
        """
        with_full_wind = [d for d, w in self.member_combos if abs(w - self.member_w) < 1e-12]
        return min(with_full_wind) if with_full_wind else self.member_d

    def member_demand(self, dead: float, wind: float) -> float:
        """The largest D x dead + W x wind over the method's combinations (1.4D included in LRFD).

        For a load where dead and wind add (a cantilever's moments about one axis, checked
        conservatively), a small wind can leave 1.4D or 1.2D + 0.5W governing, not the
        combination with the largest W factor.
        """
        combos = self.member_combos or ((self.member_d, self.member_w),)
        return max(d * dead + w * wind for d, w in combos)

    def soil_force_lb(self, calc: Calc, shear_w_lb: float) -> float:
        """P_soil: the lateral force on the footing, the post shear V_W at the soil (ASD) wind factor; traced."""
        return calc.apply(
            "P_soil",
            combinations.factored_load,
            self.soil_w,
            shear_w_lb,
            unit="lb",
            description="lateral force on the footing",
            clause=self.soil_combo,
            fill={"factor": self.soil_w, "load": "V_W"},
        )


def load_factors(calc: Calc, edition: AsceEdition, method: DesignMethod) -> LoadFactors:
    """Governing D + W combination factors from the load-combinations pack.

    Members use the method's combination with the largest W factor (its D factor for axial);
    soil checks always use the ASD combination with the largest W factor, since IBC Table
    1806.2 values are allowable stresses.
    """
    member = max(load_combinations(calc, edition, method), key=lambda c: (c["W"], c["D"]))
    soil = max(load_combinations(calc, edition, "ASD"), key=lambda c: (c["W"], c["D"]))
    calc.note(
        "member_combination", member["expression"], description="member design combination", clause=member["clause"]
    )
    calc.note("soil_combination", soil["expression"], description="soil (allowable) combination", clause=soil["clause"])
    every = tuple((c["D"], c["W"]) for c in load_combinations(calc, edition, method))
    return LoadFactors(member["W"], member["D"], member["expression"], soil["W"], soil["D"], soil["expression"], every)


def soil_load_factors(calc: Calc, factors: LoadFactors, soil: Soil) -> LoadFactors:
    """The soil's wind factor: the basic ASD 0.6W, or 0.6ωW when the one-third increase is taken.

    IBC §1806.1 allows the one-third increase of Table 1806.2 values only with the alternative
    ASD combinations (2018 §1605.3.2, 2021/2024 §1605.2), whose wind term is 0.6ωW with ω = 1.3
    for ASCE 7 Chapter 26-31 wind; ω = 1.3 is applied to 7-05 wind too (conservative).
    """
    if not soil.one_third_increase:
        return factors
    soils = calc.pack("ibc-soils").data
    clauses = soils.clauses[soil.ibc_edition]
    omega = calc.value(
        "ω",
        soils.adjustments.alternative_asd_wind_omega,
        description="factor on the wind of the alternative ASD combinations (taken with the one-third increase)",
        clause=clauses.alternative_combinations,
    )
    soil_w = calc.apply(
        "a_W,soil",
        combinations.alternative_wind_factor,
        factors.soil_w,
        omega,
        description="wind factor on the soil with the one-third increase",
        clause=clauses.alternative_combinations,
        fill={"factor": factors.soil_w},
    )
    combo = f"D + {soil_w:g}W (alternative ASD: {clauses.alternative_combinations})"
    calc.note("soil_combination_used", combo, description="soil combination with the one-third increase")
    calc.assume(
        f"One-third increase of the soil values taken, so the soil is loaded with 0.6ωW = {soil_w:g}W "
        f"({clauses.alternative_combinations}), not the basic 0.6W",
        clauses.one_third_increase,
    )
    return replace(factors, soil_w=soil_w, soil_combo=combo)


@dataclass(frozen=True)
class CaseForces:
    """Per-post forces of one wind case at the W level, with the loads that bend the post.

    ``point_loads`` are (force per post in lb, height in ft): the windward post's share of every
    face, used for its service deflection as well as for its strength.
    """

    case: str
    shear_lb: float
    moment_lb_ft: float
    torsion_lb_ft: float
    point_loads: tuple[tuple[float, float], ...]

    def drift_index(self, length_ft: float) -> float:
        """Σ P z² (3L − z): proportional to the tip deflection these loads give (to rank cases)."""
        return sum(p * z * z * (3.0 * length_ft - z) for p, z in self.point_loads)
