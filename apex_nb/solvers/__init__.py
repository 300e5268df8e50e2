"""Every registered solver, listed explicitly (name -> module):

- ``wind.asce7_qz``: ASCE 7 velocity pressure (``solvers/wind/asce7_qz.py``)
"""

from __future__ import annotations

from apex_nb.registry import Solver
from apex_nb.solvers.wind import asce7_qz

ALL: tuple[Solver, ...] = (asce7_qz.SOLVER,)
