"""HTML rendering of an envelope for JupyterLab (plain HTML and inline CSS, no UI imports)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from apex_nb.envelope import Envelope

_STYLE = (
    "<style>.apx{font-family:system-ui,sans-serif;font-size:13px}.apx table{border-collapse:collapse;"
    "margin:4px 0 10px}.apx td,.apx th{border:1px solid #ddd;padding:2px 6px;text-align:left}"
    ".apx .ok{color:#1a7f37;font-weight:600}.apx .bad{color:#cf222e;font-weight:600}"
    ".apx .bar{background:#eee;width:120px;height:10px;display:inline-block;position:relative}"
    ".apx .bar span{position:absolute;left:0;top:0;bottom:0}</style>"
)


def fmt(value: Any) -> str:
    """Display form of a value: floats to 4 significant figures, others as text."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, list):
        return f"[{len(value)} items]"
    if isinstance(value, dict):
        return "{…}"
    return html.escape(str(value))


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _bar(ratio: float, passed: bool) -> str:
    width = max(0.0, min(ratio, 1.5)) / 1.5 * 100
    color = "#1a7f37" if passed else "#cf222e"
    return f'<span class="bar"><span style="width:{width:.0f}%;background:{color}"></span></span>'


def envelope_html(env: Envelope) -> str:
    """A readable summary: verdict, result, checks with ratio bars, assumptions, trace, packs."""
    verdict = '<span class="ok">PASS</span>' if env.passed else '<span class="bad">FAIL</span>'
    parts = [_STYLE, '<div class="apx">']
    parts.append(
        f"<h4>{html.escape(env.solver.name)} v{html.escape(env.solver.version)} — {verdict} — "
        f"confidence {env.confidence:.2f}</h4>"
    )
    parts.append(_table(["result", "value"], [[html.escape(k), fmt(v)] for k, v in env.result.items()]))
    if env.checks:
        rows = [
            [
                html.escape(c.id),
                html.escape(c.description),
                f"{c.demand:.4g}",
                f"{c.capacity:.4g}",
                html.escape(c.unit),
                f"{_bar(c.ratio, c.passed)} {c.ratio:.3f}",
                '<span class="ok">pass</span>' if c.passed else '<span class="bad">fail</span>',
                html.escape(c.clause),
            ]
            for c in env.checks
        ]
        parts.append(_table(["check", "description", "demand", "capacity", "unit", "ratio", "", "clause"], rows))
    if env.assumptions:
        items = "".join(f"<li>{html.escape(a.text)} <i>{html.escape(a.clause)}</i></li>" for a in env.assumptions)
        parts.append(f"<b>Assumptions</b><ul>{items}</ul>")
    bad_rules = [a for a in env.applicability if not a.ok]
    if bad_rules:
        items = "".join(f"<li>{html.escape(a.rule)}: {html.escape(a.note)}</li>" for a in bad_rules)
        parts.append(f"<b>Outside applicability</b><ul>{items}</ul>")
    if env.warnings:
        items = "".join(f"<li>{html.escape(w)}</li>" for w in env.warnings)
        parts.append(f"<b>Warnings</b><ul>{items}</ul>")
    trace_rows = [
        [
            html.escape(t.symbol),
            html.escape(t.description),
            html.escape(t.formula),
            fmt(t.value),
            html.escape(t.unit),
            html.escape(t.clause),
        ]
        for t in env.trace
    ]
    parts.append(
        "<details><summary>Trace</summary>"
        + _table(["symbol", "description", "formula", "value", "unit", "clause"], trace_rows)
        + "</details>"
    )
    pack_rows = [[html.escape(p.name), html.escape(p.version), html.escape(p.sha256[:16]) + "…"] for p in env.packs]
    parts.append("<details><summary>Packs</summary>" + _table(["pack", "version", "sha256"], pack_rows) + "</details>")
    parts.append(f"<small>{html.escape(env.content_sha256)}</small></div>")
    return "".join(parts)
