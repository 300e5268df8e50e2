"""Every registered solver, listed explicitly (name -> module):

- ``wind.asce7_qz``: ASCE 7 velocity pressure (``solvers/wind/asce7_qz.py``)
- ``wind.asce7_sign``, ``wind.asce7_post``, ``wind.en1991_signboard``: sign Cases A/B/C, exposed posts, EN signboards (``solvers/wind/``)
- ``foundation.embedment``, ``foundation.spread_footing``, ``cost.estimate``: IBC 1807.3 poles, spread footings, price (``solvers/foundation/``, ``solvers/cost/``)
- ``member.check``, ``member.deflection``, ``post.select``: AISC 360 post checks, cantilever deflection, section selection (``solvers/member/``)
- ``connection.anchor_rods``, ``connection.base_plate``: ACI 318-19 Ch. 17 rods, AISC DG1 base plates and post welds (``solvers/connection/``)
"""

from __future__ import annotations

from apex_nb.registry import Solver
from apex_nb.solvers.connection import anchor_rods as connection_anchor_rods
from apex_nb.solvers.connection import base_plate as connection_base_plate
from apex_nb.solvers.cost import estimate as cost_estimate
from apex_nb.solvers.foundation import embedment as foundation_embedment
from apex_nb.solvers.foundation import spread_footing as foundation_spread_footing
from apex_nb.solvers.member import check as member_check
from apex_nb.solvers.member import deflection as member_deflection
from apex_nb.solvers.member import select as post_select
from apex_nb.solvers.wind import asce7_post, asce7_qz, asce7_sign, en1991_signboard

ALL: tuple[Solver, ...] = (
    asce7_qz.SOLVER,
    asce7_sign.SOLVER,
    asce7_post.SOLVER,
    en1991_signboard.SOLVER,
    foundation_embedment.SOLVER,
    foundation_spread_footing.SOLVER,
    cost_estimate.SOLVER,
    member_check.SOLVER,
    member_deflection.SOLVER,
    post_select.SOLVER,
    connection_anchor_rods.SOLVER,
    connection_base_plate.SOLVER,
)
