"""Section properties of round and rectangular tubes from their dimensions (custom sections).

Rectangular tubes follow the AISC convention for HSS: outside corner radius 2t, inside radius t,
flat widths b = B − 3t and h = H − 3t for local buckling (AISC 360 §B4.1b(d)), torsional
constant C = 2(B − t)(H − t)t − 4.5(4 − π)t³ (AISC 360 §H3.1 user note). Units: in.
"""

from __future__ import annotations

import math

from apex_nb.units import IN2_PER_FT2

_QUARTER_DISC_I = math.pi / 16.0 - 4.0 / (9.0 * math.pi)  # own I of a quarter disc, × r⁴


def _rounded_rectangle(b: float, h: float, r: float) -> tuple[float, float, float]:
    """(A, Ix, Q_half) of a solid b × h rectangle with four corners rounded to radius r (x horizontal)."""
    if r <= 0.0:
        return b * h, b * h**3 / 12.0, b * (h / 2.0) ** 2 / 2.0
    y_square = h / 2.0 - r / 2.0
    y_disc = h / 2.0 - r + 4.0 * r / (3.0 * math.pi)
    area_disc = math.pi * r * r / 4.0
    i_spandrel = (r**4 / 12.0 + r * r * y_square**2) - (_QUARTER_DISC_I * r**4 + area_disc * y_disc**2)
    q_spandrel = r * r * y_square - area_disc * y_disc
    area = b * h - (4.0 - math.pi) * r * r
    ix = b * h**3 / 12.0 - 4.0 * i_spandrel
    q_half = b * (h / 2.0) ** 2 / 2.0 - 2.0 * q_spandrel
    return area, ix, q_half


def rect_tube(depth_in: float, width_in: float, t_in: float) -> dict[str, float]:
    """A, Ix, Sx, Zx, rx, Iy, Sy, Zy, ry, J, C, b, h, b/t, h/t of a rectangular tube (depth along y).

    Outside corner radius 2t, inside t (AISC Manual Part 1 HSS convention). J by Bredt on the
    midline (corner radius 1.5t): J = 4 Ap² t/p; C = 2 Ap t.
    """
    outer_r, inner_r = 2.0 * t_in, t_in
    a_o, ix_o, qx_o = _rounded_rectangle(width_in, depth_in, outer_r)
    a_i, ix_i, qx_i = _rounded_rectangle(width_in - 2 * t_in, depth_in - 2 * t_in, inner_r)
    _, iy_o, qy_o = _rounded_rectangle(depth_in, width_in, outer_r)
    _, iy_i, qy_i = _rounded_rectangle(depth_in - 2 * t_in, width_in - 2 * t_in, inner_r)
    area = a_o - a_i
    ix, iy = ix_o - ix_i, iy_o - iy_i
    rm = 1.5 * t_in
    ap = (width_in - t_in) * (depth_in - t_in) - (4.0 - math.pi) * rm * rm
    perimeter = 2.0 * ((width_in - t_in) + (depth_in - t_in)) - (8.0 - 2.0 * math.pi) * rm
    flat_b, flat_h = width_in - 3.0 * t_in, depth_in - 3.0 * t_in
    return {
        "A": area,
        "Ix": ix,
        "Sx": ix / (depth_in / 2.0),
        "Zx": 2.0 * (qx_o - qx_i),
        "rx": math.sqrt(ix / area),
        "Iy": iy,
        "Sy": iy / (width_in / 2.0),
        "Zy": 2.0 * (qy_o - qy_i),
        "ry": math.sqrt(iy / area),
        "J": 4.0 * ap * ap * t_in / perimeter,
        "C": 2.0 * ap * t_in,
        "b": flat_b,
        "h": flat_h,
        "b_t": flat_b / t_in,
        "h_t": flat_h / t_in,
    }


def round_tube(od_in: float, t_in: float) -> dict[str, float]:
    """A, I, S, Z, r, J, C and D/t of a round tube: π/4(D² − d²), π/64(D⁴ − d⁴), 2I/D, (D³ − d³)/6, 2I, 2J/D."""
    inner = od_in - 2.0 * t_in
    area = math.pi / 4.0 * (od_in**2 - inner**2)
    inertia = math.pi / 64.0 * (od_in**4 - inner**4)
    return {
        "A": area,
        "Ix": inertia,
        "Sx": 2.0 * inertia / od_in,
        "Zx": (od_in**3 - inner**3) / 6.0,
        "rx": math.sqrt(inertia / area),
        "J": 2.0 * inertia,
        "C": 4.0 * inertia / od_in,
        "D_t": od_in / t_in,
    }


def weight_lb_per_ft(area_in2: float, density_lb_per_ft3: float) -> float:
    """Weight per foot = A × density / 144 (lb/ft)."""
    return area_in2 * density_lb_per_ft3 / IN2_PER_FT2
