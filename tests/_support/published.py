"""A published worked example as a record: where it is printed, the inputs it gives, the figures it prints.

The wind and foundation tests reproduce published calculations; each example names its document and
page, and each printed figure carries the tolerance its rounding allows. ``Published.check`` asserts
every printed figure on a result; a test adds the assertions that are not a single figure (ratios,
fixed points, comparisons).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest

from apex_nb import solve
from apex_nb.envelope import Envelope
from apex_nb.packs import PackLibrary


def printed(text: str, scale: float = 1.0) -> Any:
    """A figure as printed, ``"17.80"``: equal within half a unit of its last printed digit.

    ``scale`` converts the printed unit to the result's (1000 for kips printed, pounds computed).
    """
    decimals = len(text.partition(".")[2])
    return pytest.approx(float(text) * scale, abs=0.5 * 10.0**-decimals * scale)


@dataclass(frozen=True)
class Published:
    """One published example: ``figures`` maps a result field to what the document prints.

    A figure is compared with ``==``: use ``printed(...)`` for rounded numbers, ``pytest.approx``
    where the source states another tolerance, and plain values for exact ones.
    """

    source: str
    solver: str
    inputs: Mapping[str, Any]
    figures: Mapping[str, Any] = field(default_factory=dict)

    def solve(self, library: PackLibrary | None = None) -> Envelope:
        """Run the solver on the example's inputs."""
        return solve(self.solver, dict(self.inputs), library=library)

    def check(self, result: Mapping[str, Any]) -> None:
        """Assert every printed figure against ``result``, naming the field and the source."""
        for name, expected in self.figures.items():
            assert result[name] == expected, f"{name} = {result[name]!r}; {self.source} prints {expected!r}"
