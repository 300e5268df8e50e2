"""HTML building blocks shared by the calc report and the envelope viewer (no UI imports).

Every block is a pure function of an envelope: the same envelope gives the same bytes.
Checks, assumptions and warnings are gathered from the envelope and all its parts (a complete
design keeps the wind, post and foundation checks in its component envelopes).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from apex_nb.report.formulas import formula_html, symbol_html

if TYPE_CHECKING:
    from apex_nb.envelope import Assumption, Check, Envelope

BLOCK_CSS = """
.apx-table{border-collapse:collapse;margin:4px 0 12px;font-size:12px}
.apx-table td,.apx-table th{border:1px solid #d0d7de;padding:3px 6px;text-align:left;vertical-align:top}
.apx-table th{background:#f6f8fa}
.apx-num{text-align:right;font-variant-numeric:tabular-nums}
.apx-pass{color:#1a7f37;font-weight:600}.apx-fail{color:#cf222e;font-weight:600}
.apx-bar{background:#eaeef2;width:140px;height:10px;display:inline-block;position:relative;vertical-align:middle}
.apx-bar span{position:absolute;left:0;top:0;bottom:0}
.apx-bar i{position:absolute;left:66.7%;top:-2px;bottom:-2px;border-left:1px dashed #57606a}
.apx-hash{font-family:ui-monospace,monospace;font-size:11px;word-break:break-all}
"""


@dataclass(frozen=True)
class Located:
    """An item of an envelope or of one of its parts, with the solver path it came from."""

    where: str
    item: Any


def walk(env: Envelope, where: str = "") -> Iterator[tuple[str, Envelope]]:
    """The envelope and every part, depth first, with a path such as ``design.pole_sign > wind.asce7_sign``."""
    here = f"{where} > {env.solver.name}" if where else env.solver.name
    yield here, env
    for part in env.parts:
        yield from walk(part, here)


def gather(env: Envelope, attribute: str) -> list[Located]:
    """``checks``, ``assumptions``, ``warnings`` or ``applicability`` of the envelope and its parts."""
    return [Located(where, item) for where, sub in walk(env) for item in getattr(sub, attribute)]


def governing(env: Envelope) -> Check | None:
    """The check with the highest ratio over the envelope and all its parts (ties by id)."""
    checks = [loc.item for loc in gather(env, "checks")]
    return max(checks, key=lambda c: (c.ratio, c.id)) if checks else None


def fmt(value: Any, digits: int = 4) -> str:
    """Display form: floats to ``digits`` significant figures (thousands grouped), booleans yes/no."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.2f}" if 1e3 <= abs(value) < 1e12 else f"{value:.{digits}g}"
    if isinstance(value, (list, dict)):
        return html.escape(_short(value))
    if value is None:
        return "–"
    return html.escape(str(value))


def _short(value: Any) -> str:
    import json

    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "..."


def table(headers: list[str], rows: list[list[str]], css: str = "") -> str:
    """An HTML table; cells are already HTML. ``css`` adds a class to the table."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="apx-table {css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def ratio_bar(ratio: float, passed: bool) -> str:
    """A bar to 1.5 x capacity (the dashed line marks 1.0); green when the check passes."""
    width = max(0.0, min(ratio, 1.5)) / 1.5 * 100
    color = "#1a7f37" if passed else "#cf222e"
    return f'<span class="apx-bar"><span style="width:{width:.1f}%;background:{color}"></span><i></i></span>'


def verdict_html(passed: bool) -> str:
    """PASS or FAIL, coloured."""
    return '<span class="apx-pass">PASS</span>' if passed else '<span class="apx-fail">FAIL</span>'


def checks_table(env: Envelope) -> str:
    """Every check of the envelope and its parts: demand, capacity, ratio bar, verdict and clause."""
    located = gather(env, "checks")
    if not located:
        return "<p>No checks in this envelope.</p>"
    rows = []
    for loc in located:
        check: Check = loc.item
        rows.append(
            [
                html.escape(check.id),
                html.escape(check.description),
                f'<span class="apx-num">{check.demand:.4g}</span>',
                f'<span class="apx-num">{check.capacity:.4g}</span>',
                html.escape(check.unit),
                f"{ratio_bar(check.ratio, check.passed)} {check.ratio:.3f}",
                verdict_html(check.passed),
                html.escape(check.clause),
                html.escape(loc.where),
            ]
        )
    return table(
        ["check", "description", "demand", "capacity", "unit", "ratio", "", "clause", "from"], rows, "apx-checks"
    )


def assumptions_list(env: Envelope) -> str:
    """Assumptions of the envelope and its parts, each with its clause."""
    located = gather(env, "assumptions")
    if not located:
        return "<p>None recorded.</p>"
    items = []
    for loc in located:
        item: Assumption = loc.item
        clause = f" <i>({html.escape(item.clause)})</i>" if item.clause else ""
        items.append(f"<li>{html.escape(item.text)}{clause} <small>{html.escape(loc.where)}</small></li>")
    return '<ul class="apx-assumptions">' + "".join(items) + "</ul>"


def applicability_list(env: Envelope) -> str:
    """Applicability rules that do not hold (they lowered the confidence)."""
    located = [loc for loc in gather(env, "applicability") if not loc.item.ok]
    if not located:
        return "<p>Every applicability rule holds.</p>"
    items = [
        f"<li>{html.escape(loc.item.rule)}: {html.escape(loc.item.note)} "
        f"(confidence x {1 - loc.item.penalty:.2f}) <small>{html.escape(loc.where)}</small></li>"
        for loc in located
    ]
    return '<ul class="apx-applicability">' + "".join(items) + "</ul>"


def warnings_list(env: Envelope) -> str:
    """Warnings of the envelope and its parts."""
    located = gather(env, "warnings")
    if not located:
        return ""
    items = [f"<li>{html.escape(loc.item)} <small>{html.escape(loc.where)}</small></li>" for loc in located]
    return '<ul class="apx-warnings">' + "".join(items) + "</ul>"


def trace_table(
    env: Envelope,
    *,
    symbol: Callable[[str], str] = symbol_html,
    formula: Callable[[str], str] = formula_html,
) -> str:
    """The trace of the envelope and its parts: symbol, meaning, formula, value, unit, clause."""
    rows = []
    for where, sub in walk(env):
        for item in sub.trace:
            rows.append(
                [
                    symbol(item.symbol),
                    html.escape(item.description),
                    formula(item.formula),
                    f'<span class="apx-num">{fmt(item.value)}</span>',
                    html.escape(item.unit),
                    html.escape(item.clause),
                    html.escape(where),
                ]
            )
    return table(["symbol", "description", "formula", "value", "unit", "clause", "from"], rows, "apx-trace")


def result_table(env: Envelope) -> str:
    """The top-level result, one key per row (lists of objects shown as nested tables)."""
    rows = []
    for key, value in env.result.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            keys = list(dict.fromkeys(k for v in value for k in v))
            cell = table([html.escape(k) for k in keys], [[fmt(v.get(k)) for k in keys] for v in value])
        else:
            cell = fmt(value)
        rows.append([html.escape(key), cell])
    return table(["result", "value"], rows, "apx-result")


def packs_table(env: Envelope) -> str:
    """Every pack read by the envelope and its parts (name, version, full sha256), once each."""
    seen: dict[tuple[str, str, str], str] = {}
    for where, sub in walk(env):
        for pack in sub.packs:
            seen.setdefault((pack.name, pack.version, pack.sha256), where)
    rows = [
        [html.escape(name), html.escape(version), f'<span class="apx-hash">{html.escape(sha)}</span>']
        for (name, version, sha) in sorted(seen)
    ]
    return table(["pack", "version", "sha256"], rows, "apx-packs")


def hashes_table(env: Envelope) -> str:
    """Content hash of the envelope and of each part."""
    rows = [
        [
            html.escape(where),
            html.escape(sub.solver.version),
            f'<span class="apx-hash">{html.escape(sub.content_sha256)}</span>',
        ]
        for where, sub in walk(env)
    ]
    return table(["envelope", "solver version", "content hash"], rows, "apx-hashes")
