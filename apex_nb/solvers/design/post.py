"""The post a design chose (typed from a ``post.select`` envelope) and the practice wall limits."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from apex_nb.calc import Calc
from apex_nb.envelope import Envelope
from apex_nb.pack_schemas.design_defaults import SignDesignDefaultsPack


@dataclass(frozen=True)
class PostChoice:
    """What the designs need from a ``post.select`` envelope, typed (found or the closest section)."""

    found: bool
    label: str | None
    family: str | None
    shape: Literal["round", "square"]
    width_in: float
    plan_diameter_in: float
    wall_in: float
    weight_lb_per_ft: float
    ratio: float
    governing_check: str
    reason: str = ""

    @classmethod
    def from_envelope(cls, env: Envelope) -> PostChoice:
        """Read a selection (``found``) or its closest failing section (not found)."""
        return cls.from_result(env.result)

    @classmethod
    def from_result(cls, r: Mapping[str, Any]) -> PostChoice:
        """Read a ``post.select`` result, or ``select.choice`` (the same fields of it)."""
        row: Mapping[str, Any] = r if r["found"] else (r.get("closest") or {})
        dims: Mapping[str, Any] = r["dimensions"] if r["found"] else row
        family = row.get("family")
        width = next((float(dims[k]) for k in ("od_in", "b_in", "bf_in", "width_in") if dims.get(k)), 0.0)
        if dims.get("od_in"):
            plan = width
        else:
            depth = float(dims.get("depth_in") or dims.get("d_in") or dims.get("ht_in") or width)
            plan = math.hypot(width, depth)
        return cls(
            found=bool(r["found"]),
            label=row.get("label"),
            family=family,
            shape="round" if family in ("pipe", "hss-round") else "square",
            width_in=width,
            plan_diameter_in=plan,
            wall_in=float(dims.get("t_nom_in") or 0.0),
            weight_lb_per_ft=float(row.get("weight_lb_per_ft") or 0.0),
            ratio=float(row["ratio"]) if row.get("ratio") is not None else math.inf,
            governing_check=str(row.get("governing_check") or "none"),
            reason=str(r.get("reason") or ""),
        )

    def settled(self, width_in: float, shape: str, weight_lb_per_ft: float) -> bool:
        """True when the wind and self-weight were taken on a post at least as wide and heavy as this one.

        A narrower post of another shape also settles (its wind was taken on the wider one).
        """
        return (
            self.width_in <= width_in + 1e-9
            and (self.shape == shape or self.width_in < width_in - 1e-9)
            and self.weight_lb_per_ft <= weight_lb_per_ft + 1e-9
        )


def iterate_post(
    calc: Calc, iterations: int, select: Callable[[float, str, float], PostChoice]
) -> tuple[float, str, float]:
    """Iterate post wind and post size from a 6 in pipe; return the final (width in, shape, self-weight lb/ft).

    ``select(width_in, shape, self_weight_lb_per_ft)`` sizes the post with the wind and self-weight taken
    on that post; the post taken grows (never shrinks) until it is at least as wide and heavy as the
    one selected (``PostChoice.settled``) or no post is found.
    """
    width_in, shape, self_weight = 6.625, "round", 0.0
    for _ in range(iterations):
        choice = select(width_in, shape, self_weight)
        if not choice.found:
            break
        settled = choice.settled(width_in, shape, self_weight)
        self_weight = max(self_weight, choice.weight_lb_per_ft)
        if settled:
            break
        width_in, shape = max(choice.width_in, width_in), choice.shape
    else:
        calc.applies("post size converged", False, "post wind and post size did not settle", penalty=0.2)
    return width_in, shape, self_weight


def wall_limits(policy: SignDesignDefaultsPack, *, base_plated: bool) -> dict[str, float]:
    """``post.select`` inputs for the practice wall limits of the policy pack."""
    return {
        "min_wall_in": policy.min_wall_base_plate_in if base_plated else policy.min_wall_embedded_in,
        "max_round_d_over_t": policy.max_round_d_over_t,
        "max_rect_b_over_t": policy.max_rect_b_over_t,
    }
