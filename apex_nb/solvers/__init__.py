"""Every registered solver, listed explicitly; the folder tells where each one lives.

| solvers | folder |
|---|---|
| ``wind.asce7_qz``, ``wind.asce7_sign``, ``wind.asce7_post``, ``wind.en1991_signboard`` | ``solvers/wind/`` |
| ``member.check``, ``member.deflection``, ``post.select`` | ``solvers/member/`` |
| ``connection.anchor_rods``, ``connection.base_plate`` | ``solvers/connection/`` |
| ``foundation.embedment``, ``foundation.spread_footing`` | ``solvers/foundation/`` |
| ``foundation.shaft_torsion``, ``foundation.pier_reinforcement`` | ``solvers/foundation/`` |
| ``cost.estimate`` | ``solvers/cost/`` |
| ``structure.natural_frequency`` | ``solvers/structure/`` |
| ``design.pole_sign`` (and the other complete designs) | ``solvers/design/`` |
"""

from __future__ import annotations

from apex_nb.calc import Solver
from apex_nb.solvers.connection import anchor_rods as connection_anchor_rods
from apex_nb.solvers.connection import base_plate as connection_base_plate
from apex_nb.solvers.cost import estimate as cost_estimate
from apex_nb.solvers.design import cantilever_sign as design_cantilever_sign
from apex_nb.solvers.design import monument_sign as design_monument_sign
from apex_nb.solvers.design import pole_sign as design_pole_sign
from apex_nb.solvers.design import quick_quote as design_quick_quote
from apex_nb.solvers.foundation import embedment as foundation_embedment
from apex_nb.solvers.foundation import pier_reinforcement as foundation_pier_reinforcement
from apex_nb.solvers.foundation import shaft_torsion as foundation_shaft_torsion
from apex_nb.solvers.foundation import spread_footing as foundation_spread_footing
from apex_nb.solvers.member import check as member_check
from apex_nb.solvers.member import deflection as member_deflection
from apex_nb.solvers.member import select as post_select
from apex_nb.solvers.structure import natural_frequency as structure_natural_frequency
from apex_nb.solvers.wind import asce7_post, asce7_qz, asce7_sign, en1991_signboard

ALL: tuple[Solver, ...] = (
    asce7_qz.SOLVER,
    asce7_sign.SOLVER,
    asce7_post.SOLVER,
    en1991_signboard.SOLVER,
    foundation_embedment.SOLVER,
    foundation_spread_footing.SOLVER,
    foundation_shaft_torsion.SOLVER,
    foundation_pier_reinforcement.SOLVER,
    cost_estimate.SOLVER,
    connection_anchor_rods.SOLVER,
    connection_base_plate.SOLVER,
    member_check.SOLVER,
    member_deflection.SOLVER,
    post_select.SOLVER,
    structure_natural_frequency.SOLVER,
    design_pole_sign.SOLVER,
    design_monument_sign.SOLVER,
    design_cantilever_sign.SOLVER,
    design_quick_quote.SOLVER,
)
