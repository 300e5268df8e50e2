"""First natural frequency of a vertical cantilever (fixed base) carrying its own weight and lumped weights.

Rayleigh's method with the static deflected shape: apply a lateral load equal to each weight at
its own height (the post's weight per length as a uniform load), compute the static deflections
u, and take

    ω² = g Σ Wᵢ uᵢ / Σ Wᵢ uᵢ²        (continuous parts as ∫ w u dz and ∫ w u² dz)

Chopra, *Dynamics of Structures*, §8.5 "Rayleigh's method" (the shape from the static deflection
under the weights, Eq. 8.5.9-type quotient) and Clough & Penzien, *Dynamics of Structures*, §8-4
(improved Rayleigh method). Rayleigh's quotient is an upper bound on ω₁; with the static shape
the error is small: for a uniform cantilever 3.530 vs the exact 3.516 (0.4 %), and exact for a
massless post with one tip mass. This is also the "Rayleigh formula" ASCE 7-16/7-22 Commentary
C26.11 points to for an approximate fundamental frequency.

Units: E in ksi, I in in⁴, weights in lb (lb/ft for the post), heights in ft; deflections are
computed in kip and in; frequencies returned in Hz. A rotational spring at the base (a flexible
foundation) adds a rigid-body rotation θ = M_base / kθ to the shape.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from apex_nb.equations.mechanics.cantilever import point_load_deflection_at
from apex_nb.equations.metadata import equation
from apex_nb.units import IN_PER_FT, LB_PER_KIP

# Standard gravity, 9.80665 m/s² (CGPM 1901), in in/s²: a physical constant, not a code value.
STANDARD_GRAVITY_IN_PER_S2 = 9.80665 / 0.0254
_FT_TO_IN = IN_PER_FT
_LB_TO_KIP = 1.0 / LB_PER_KIP
_RAYLEIGH = "Rayleigh's method, static deflected shape (Chopra, Dynamics of Structures, §8.5)"

# 5-point Gauss-Legendre nodes and weights on [-1, 1]: exact for polynomials up to degree 9, so
# ∫ w u² over a segment without a point load inside (u of degree 4 -> u² of degree 8) is exact.
_GAUSS_5 = (
    (-0.9061798459386640, 0.2369268850561891),
    (-0.5384693101056831, 0.4786286704993665),
    (0.0, 0.5688888888888889),
    (0.5384693101056831, 0.4786286704993665),
    (0.9061798459386640, 0.2369268850561891),
)


def uniform_load_deflection_at_in(w_kip_per_in: float, x_in: float, l_in: float, e_ksi: float, i_in4: float) -> float:
    """Deflection at height x of a cantilever under a uniform load w over its full length, in.

    u(x) = w x² (6L² − 4Lx + x²) / (24 EI) (AISC Manual Table 3-23 case 19 elastic curve, measured
    from the fixed end); x = L gives wL⁴/(8EI).
    """
    return w_kip_per_in * x_in**2 * (6.0 * l_in**2 - 4.0 * l_in * x_in + x_in**2) / (24.0 * e_ksi * i_in4)


def static_shape_in(
    x_in: float,
    *,
    e_ksi: float,
    i_in4: float,
    length_in: float,
    w_kip_per_in: float,
    point_loads: Sequence[tuple[float, float]],
    base_rotation_rad: float = 0.0,
) -> float:
    """Static lateral deflection at height x under the uniform load and the point loads (kip, in), in.

    Superposition of the elastic curves (AISC Manual Table 3-23 cases 19 and 22) plus the rigid
    rotation of a flexible base, θ x.
    """
    u = uniform_load_deflection_at_in(w_kip_per_in, x_in, length_in, e_ksi, i_in4) if w_kip_per_in else 0.0
    for p_kip, z_in in point_loads:
        u += point_load_deflection_at(p_kip, z_in, x_in, e_ksi, i_in4)
    return u + base_rotation_rad * x_in


def base_moment_kip_in(length_in: float, w_kip_per_in: float, point_loads: Sequence[tuple[float, float]]) -> float:
    """Moment at the fixed base of the lateral loads, kip-in: w L²/2 + Σ P z."""
    return w_kip_per_in * length_in**2 / 2.0 + sum(p * z for p, z in point_loads)


@equation("(1/2π) √(g Σ Wi ui / Σ Wi ui²), u = static deflection under lateral loads = weights", clause=_RAYLEIGH)
def rayleigh_frequency_hz(
    *,
    e_ksi: float,
    i_in4: float,
    height_ft: float,
    post_weight_lb_per_ft: float,
    lumped_weights_lb: Sequence[tuple[float, float]] = (),
    rotational_spring_kip_in_per_rad: float | None = None,
) -> float:
    """f₁ = ω₁ / 2π of a fixed-base vertical cantilever by Rayleigh's method, Hz.

    ``lumped_weights_lb`` holds (weight lb, height ft above the fixed base) pairs, each height in
    (0, height_ft]. The shape is the static deflection under lateral loads equal to the weights
    (Chopra §8.5; Clough & Penzien §8-4); ω² = g (∫ w u dz + Σ Wᵢ uᵢ) / (∫ w u² dz + Σ Wᵢ uᵢ²),
    integrated exactly (5-point Gauss between the point-load heights). A rotational base spring
    kθ (kip-in/rad) adds θ = M_base / kθ; None is a rigid base.
    """
    if e_ksi <= 0 or i_in4 <= 0 or height_ft <= 0:
        raise ValueError("E, I and the height must be positive")
    if post_weight_lb_per_ft < 0:
        raise ValueError("the post weight per ft must be >= 0")
    length_in = height_ft * _FT_TO_IN
    w = post_weight_lb_per_ft * _LB_TO_KIP / _FT_TO_IN
    loads: list[tuple[float, float]] = []
    for weight_lb, z_ft in lumped_weights_lb:
        if weight_lb < 0 or not 0.0 < z_ft <= height_ft * (1 + 1e-12):
            raise ValueError("each lumped weight needs weight >= 0 and 0 < height <= the post height")
        if weight_lb > 0:
            loads.append((weight_lb * _LB_TO_KIP, min(z_ft, height_ft) * _FT_TO_IN))
    if w == 0.0 and not loads:
        raise ValueError("no mass: give a post weight or at least one lumped weight")
    theta = 0.0
    if rotational_spring_kip_in_per_rad is not None:
        if rotational_spring_kip_in_per_rad <= 0:
            raise ValueError("the rotational spring must be > 0 (None for a rigid base)")
        theta = base_moment_kip_in(length_in, w, loads) / rotational_spring_kip_in_per_rad

    def u(x: float) -> float:
        return static_shape_in(
            x, e_ksi=e_ksi, i_in4=i_in4, length_in=length_in, w_kip_per_in=w, point_loads=loads, base_rotation_rad=theta
        )

    numerator = 0.0
    denominator = 0.0
    if w > 0.0:
        breaks = sorted({0.0, length_in, *(z for _, z in loads)})
        for a, b in itertools.pairwise(breaks):
            half, mid = 0.5 * (b - a), 0.5 * (a + b)
            for node, weight in _GAUSS_5:
                ux = u(mid + half * node)
                numerator += weight * half * w * ux
                denominator += weight * half * w * ux * ux
    for p, z in loads:
        uz = u(z)
        numerator += p * uz
        denominator += p * uz * uz
    omega = math.sqrt(STANDARD_GRAVITY_IN_PER_S2 * numerator / denominator)
    return omega / (2.0 * math.pi)


def tip_mass_frequency_hz(e_ksi: float, i_in4: float, height_ft: float, tip_weight_lb: float) -> float:
    """f = (1/2π) √(3EI / (M L³)) of a massless cantilever with a tip mass M = W/g, Hz.

    Single-degree-of-freedom closed form: k = 3EI/L³ (AISC Manual Table 3-23 case 22 with z = L),
    ω = √(k/M) (Chopra §1.2, Example 1.1-type stiffness).
    """
    length_in = height_ft * _FT_TO_IN
    k = 3.0 * e_ksi * i_in4 / length_in**3
    mass = tip_weight_lb * _LB_TO_KIP / STANDARD_GRAVITY_IN_PER_S2
    return math.sqrt(k / mass) / (2.0 * math.pi)


def uniform_cantilever_frequency_hz(e_ksi: float, i_in4: float, height_ft: float, weight_lb_per_ft: float) -> float:
    """Exact first frequency of a uniform cantilever, f = (1.8751²/2π) √(EI / (m L⁴)), Hz.

    β₁L = 1.87510 is the first root of 1 + cos βL cosh βL = 0 (Chopra §16.3, Table 16.3.1-type
    results; Clough & Penzien §18-3), so (β₁L)² = 3.516. m is the mass per unit length.
    """
    length_in = height_ft * _FT_TO_IN
    m = weight_lb_per_ft * _LB_TO_KIP / _FT_TO_IN / STANDARD_GRAVITY_IN_PER_S2
    return 1.875104068711961**2 / (2.0 * math.pi) * math.sqrt(e_ksi * i_in4 / (m * length_in**4))


@equation("w L + Σ Wi")
def total_weight_lb(
    post_weight_lb_per_ft: float, height_ft: float, lumped_weights_lb: Sequence[tuple[float, float]]
) -> float:
    """Weight of the post over its height plus the lumped weights, lb."""
    return post_weight_lb_per_ft * height_ft + sum(p for p, _ in lumped_weights_lb)


@equation("1 / f1")
def natural_period_s(frequency_hz: float) -> float:
    """Natural period T = 1 / f, s."""
    return 1.0 / frequency_hz


@equation("M_base / kθ", clause=_RAYLEIGH)
def base_rotation_rad(base_moment_kip_in: float, spring_kip_in_per_rad: float) -> float:
    """Rigid-body rotation of a spring base under the base moment, rad."""
    return base_moment_kip_in / spring_kip_in_per_rad
