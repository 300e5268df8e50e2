"""Load-combination arithmetic of the designs: a factor on a load, the alternative ASD wind factor,
the soil's share of a sustained moment, and moments about perpendicular axes.

ASCE 7 §2.4 (the basic ASD combinations D + 0.6W and 0.6D + 0.6W) and IBC 2018 §1605.3.2 /
2021 §1605.2 (the alternative basic combinations, D + 0.6ωW with ω = 1.3, taken with the
one-third increase of §1806.1). The factors come from the ``load-combinations`` and
``ibc-soils`` packs and fill the formulas' placeholders.
"""

from __future__ import annotations

import math

from apex_nb.equations.metadata import equation


@equation("{factor:g} x {load}", clause="ASCE 7 §2.4.1")
def factored_load(factor: float, load: float) -> float:
    """A load in a combination: its factor times the load (e.g. 0.6 x V_W)."""
    return factor * load


@equation("{factor:g} ω", clause="IBC 2018 §1605.3.2; IBC 2021 §1605.2")
def alternative_wind_factor(factor: float, omega: float) -> float:
    """Wind factor of the alternative ASD combinations: the basic factor times ω (1.3)."""
    return factor * omega


@equation("{dead_factor:g} x M_D x {increase:g}", clause="IBC §1806.3.4 and §1806.1")
def sustained_soil_moment(dead_factor: float, dead_moment: float, increase: float) -> float:
    """A permanent moment met against soil values raised for short-term loads: multiplied by the increases taken."""
    return dead_factor * dead_moment * increase


@equation("√(({wind_factor:g} M_W)² + M_D,soil²)")
def perpendicular_moments(wind_factor: float, wind_moment: float, dead_moment: float) -> float:
    """The resultant of a wind moment and a dead-load moment about perpendicular axes (a round shaft)."""
    return math.hypot(wind_factor * wind_moment, dead_moment)
