"""Quantity take-offs of the designs (steel, plate, excavation, dead load per post).

Not code equations but arithmetic a checker audits, so each carries its formula like one and the
trace shows the same text the design computes with.
"""

from __future__ import annotations

from apex_nb.equations.metadata import equation
from apex_nb.units import FT3_PER_YD3


@equation("F x")
def torsion_from_lever(force: float, lever: float) -> float:
    """Torsion of a force about the post: force times its lever arm."""
    return force * lever


@equation("D_faces / n + w L_post")
def dead_load_per_post_lb(face_dead_per_post_lb: float, weight_lb_per_ft: float, post_length_ft: float) -> float:
    """Dead load per post at grade: its share of the faces plus its self-weight."""
    return face_dead_per_post_lb + weight_lb_per_ft * post_length_ft


@equation("w x (L_post + embedded length) x posts")
def post_steel_lb(weight_lb_per_ft: float, post_length_ft: float, embedded_ft: float, posts: int) -> float:
    """Post steel of all posts, above grade and embedded."""
    return weight_lb_per_ft * (post_length_ft + embedded_ft) * posts


@equation("N x B x t x density x posts")
def plate_steel_lb(n_in: float, b_in: float, t_in: float, density_lb_per_in3: float, posts: int) -> float:
    """Base plates of all posts."""
    return n_in * b_in * t_in * density_lb_per_in3 * posts


@equation("B L (cover + t) / 27")
def excavation_yd3(width_ft: float, length_ft: float, bottom_depth_ft: float) -> float:
    """Excavation of a spread footing down to its bottom, yd³."""
    return width_ft * length_ft * bottom_depth_ft / FT3_PER_YD3
