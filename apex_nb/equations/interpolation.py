"""Linear interpolation in printed tables, the one definition every equation module uses.

ASCE 7 permits linear interpolation in its tables and figures (Kz table notes, the solid-sign
Cf figure note 5, the chimney Cf figure note 2); the end values hold beyond a table's range.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence


def interpolate_1d(x: float, xs: Sequence[float], ys: Sequence[float]) -> float:
    """Linear interpolation with end values held beyond the table (``xs`` ascending)."""
    if x <= xs[0]:
        return float(ys[0])
    if x >= xs[-1]:
        return float(ys[-1])
    i = bisect.bisect_right(xs, x)
    x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
    return float(y0 + (y1 - y0) * (x - x0) / (x1 - x0))


def interpolate_2d(
    row_value: float,
    column_value: float,
    rows: Sequence[float],
    columns: Sequence[float],
    cells: Sequence[Sequence[float]],
) -> float:
    """Bilinear interpolation in a printed two-way table; end rows and columns hold beyond it."""
    along_columns = [interpolate_1d(column_value, columns, row) for row in cells]
    return interpolate_1d(row_value, rows, along_columns)
