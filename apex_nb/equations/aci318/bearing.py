"""ACI 318-19 bearing on concrete (Chapter 22), for lugs or plates pushing on the concrete around them.

Units: in., kip, ksi.
"""

from __future__ import annotations

from apex_nb.equations.aci318 import aci318


@aci318("0.85 f'c {area}", "§22.8.3.2", "Table 22.8.3.2 (a)")
def bearing_strength_kip(fc_ksi: float, area_in2: float, coefficient: float = 0.85) -> float:
    """Bn = 0.85 f'c A1, no confinement increase (ACI 318-19 §22.8.3.2, Table 22.8.3.2 (a))."""
    return coefficient * fc_ksi * area_in2


@aci318("φ 0.85 f'c (projection x height)", "§22.8.3.2, §21.2.1", "Table 22.8.3.2 (a)")
def lug_design_bearing_kip(
    phi: float, fc_ksi: float, projection_in: float, height_in: float, coefficient: float = 0.85
) -> float:
    """φBn under one lug of area projection x height, Bn of Table 22.8.3.2 (a) (ACI 318-19 §22.8.3.2)."""
    return phi * bearing_strength_kip(fc_ksi, projection_in * height_in, coefficient)


def lug_torque_kip_in(force_per_lug_kip: float, lugs: int, lever_in: float) -> float:
    """Torque carried by ``lugs`` lugs each bearing ``force_per_lug_kip`` at ``lever_in`` from the post axis."""
    return force_per_lug_kip * lugs * lever_in
