"""The quick quote's sign elevation as inline SVG: fast (no matplotlib), and it scales to any width.

One drawing per quote: the face, the post(s) or monument body or arm, the ground, and the
foundation below it, with the sizes a customer asks about. Only numbers from the envelope are
drawn (formatted here), so there is no text to escape from a user.
"""

from __future__ import annotations

from typing import Any

from apex_nb.units import feet_text

VIEW_W = 420.0
VIEW_H = 330.0
MARGIN = 34.0
STEEL = "#5b6770"
FACE = "#1f6feb"
CONCRETE = "#b8b1a6"
SOIL = "#efe6d8"


def _num(value: Any, default: float = 0.0) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else default


def _text(x: float, y: float, text: str, anchor: str = "middle", size: int = 12) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'font-family="system-ui,sans-serif" fill="#222">{text}</text>'
    )


def elevation_svg(inputs: dict[str, Any], result: dict[str, Any] | None) -> str:
    """SVG of the sign seen from the front; ``result`` None draws only what the inputs say."""
    r = result or {}
    kind = str(inputs.get("sign_type", "pole"))
    width = _num(inputs.get("sign_width_ft"), 8.0)
    top = _num(inputs.get("top_height_ft"), 20.0)
    height = top if kind == "monument" else _num(inputs.get("sign_height_ft"), 4.0)
    if kind == "monument":
        below = _num(r.get("footing_thickness_ft"), 1.0)
        pad = _num(r.get("footing_width_ft"), width + 1.0)
        span = max(width, pad)
    else:
        below = _num(r.get("footing_depth_ft"), 0.3 * top)
        arm = width + 0.5 if kind == "cantilever" else 0.0
        span = width + arm * 0.25 + (1.0 if kind == "cantilever" else 0.0)
    scale = min((VIEW_W - 2 * MARGIN) / max(span, 1.0), (VIEW_H - 2 * MARGIN) / max(top + below, 1.0))
    ground = MARGIN + top * scale
    cx = VIEW_W / 2

    def y(ft: float) -> float:
        return ground - ft * scale

    parts = [
        f'<rect x="0" y="{ground:.1f}" width="{VIEW_W:.0f}" height="{VIEW_H - ground:.1f}" fill="{SOIL}"/>',
        f'<line x1="0" y1="{ground:.1f}" x2="{VIEW_W:.0f}" y2="{ground:.1f}" stroke="#6b5b45" stroke-width="2"/>',
    ]
    post_w = max(4.0, 0.75 * scale)
    if kind == "monument":
        pad_w = pad * scale
        parts.append(
            f'<rect x="{cx - pad_w / 2:.1f}" y="{ground:.1f}" width="{pad_w:.1f}" height="{below * scale:.1f}" '
            f'fill="{CONCRETE}" stroke="#777"/>'
        )
        parts.append(
            f'<rect x="{cx - width * scale / 2:.1f}" y="{y(top):.1f}" width="{width * scale:.1f}" '
            f'height="{top * scale:.1f}" fill="{FACE}" fill-opacity="0.85" stroke="#123"/>'
        )
        parts.append(_text(cx, ground + below * scale + 14, f"pad {feet_text(pad)} wide", size=11))
        face_left, face_top = cx - width * scale / 2, y(top)
    else:
        hole = _num(r.get("footing_diameter_ft"), 2.0) * scale
        if kind == "cantilever":
            post_x = cx - (width + 0.5) * scale / 2
            face_left = post_x + 0.5 * scale
            posts = [post_x]
            parts.append(
                f'<rect x="{post_x:.1f}" y="{y(top) - 3:.1f}" width="{(width + 0.5) * scale:.1f}" height="5" '
                f'fill="{STEEL}"/>'
            )
        else:
            face_left = cx - width * scale / 2
            spacing = 0.6 * width * scale
            posts = [cx - spacing / 2, cx + spacing / 2] if int(_num(inputs.get("post_count"), 1)) == 2 else [cx]
        for px in posts:
            parts.append(
                f'<rect x="{px - hole / 2:.1f}" y="{ground:.1f}" width="{hole:.1f}" height="{below * scale:.1f}" '
                f'fill="{CONCRETE}" stroke="#777"/>'
            )
            parts.append(
                f'<rect x="{px - post_w / 2:.1f}" y="{y(top):.1f}" width="{post_w:.1f}" '
                f'height="{(top + below * 0.9) * scale:.1f}" fill="{STEEL}"/>'
            )
        face_top = y(top) + (4 if kind == "cantilever" else 0)
        parts.append(
            f'<rect x="{face_left:.1f}" y="{face_top:.1f}" width="{width * scale:.1f}" height="{height * scale:.1f}" '
            f'fill="{FACE}" fill-opacity="0.85" stroke="#123"/>'
        )
        parts.append(
            _text(posts[-1] + hole / 2 + 4, ground + below * scale / 2 + 4, f"{feet_text(below)} deep", "start", 11)
        )
    label_y = y(top) - 9 if kind == "cantilever" else face_top - 6  # above the arm, not on it
    parts.append(_text(face_left + width * scale / 2, label_y, f"{feet_text(width)} wide"))
    parts.append(
        f'<line x1="{MARGIN - 14:.1f}" y1="{y(top):.1f}" x2="{MARGIN - 14:.1f}" y2="{ground:.1f}" stroke="#222" '
        'stroke-width="1" marker-start="url(#a)" marker-end="url(#a)"/>'
    )
    parts.append(_text(MARGIN - 10, (y(top) + ground) / 2, f"top {feet_text(top)}", "start", 11))
    if kind != "monument":
        parts.append(
            _text(
                face_left + width * scale / 2, face_top + height * scale / 2 + 4, f"{feet_text(height)} tall", size=11
            )
        )
    marker = (
        '<defs><marker id="a" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="5" markerHeight="5" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>'
    )
    return (
        f'<svg class="apx-qq-svg" viewBox="0 0 {VIEW_W:.0f} {VIEW_H:.0f}" role="img" '
        f'aria-label="sign elevation" preserveAspectRatio="xMidYMid meet" '
        f'style="width:100%;height:auto;max-height:340px;display:block">{marker}{"".join(parts)}</svg>'
    )
