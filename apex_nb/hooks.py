"""The calls the record layer makes into the layers above it, wired once by the package.

``Calc.trial`` solves a part by name (the registry), ``Envelope.verify(resolve=True)`` re-solves
an envelope (the registry) and ``Envelope._repr_html_`` renders one for a notebook (the envelope
HTML view). Importing those layers from ``calc.py`` or ``envelope.py`` would point upward and
close a cycle (solvers -> calc -> registry -> solvers), so each calls the function stored here.
``apex_nb/__init__.py``, which Python runs before any submodule, stores functions that import the
registry and the view on first use; a ``Calc`` made by the registry is handed the registry's
solve function directly. Nothing here imports another apex_nb module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _unwired(*_args: Any, **_kwargs: Any) -> Any:
    raise RuntimeError("apex_nb.hooks is not wired: import apex_nb (its __init__ wires the hooks)")


#: ``solve(name, inputs, *, library=None, pack_versions=None) -> Envelope`` (``apex_nb.registry.solve``).
solve: Callable[..., Any] = _unwired
#: ``solver_version(name) -> str``: the installed version of solver ``name`` (an unknown name is an InputError).
solver_version: Callable[[str], str] = _unwired
#: ``envelope_html(envelope) -> str``: the notebook HTML of an envelope (``apex_nb.envelope_html``).
envelope_html: Callable[[Any], str] = _unwired
