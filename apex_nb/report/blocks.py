"""HTML building blocks shared by the calc report, the envelope repr and the viewer (no UI imports).

One escaping path: every fragment is a ``markupsafe.Markup``; text from an envelope enters only
through ``Markup.format``/``escape`` (or Jinja2 autoescape in the report page), so a check id
such as ``<script>`` is shown, never run. ``table`` escapes every plain ``str`` cell and keeps
``Markup`` cells as they are.

Every block is a pure function of an envelope: the same envelope gives the same bytes. Checks,
assumptions and warnings come from the envelope and all its parts through the envelope's own
walk (``Envelope.walk``/``all_checks``/``governing``), the one rule every display shares.

Numbers are formatted by unit (``fmt``): money with thousands separators and cents, lengths in
feet to 0.01 ft and inches to 0.001 in, forces and moments to whole pounds, ratios to 0.001,
never e-notation for ordinary magnitudes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from apex_nb.report.formulas import formula_html, symbol_html

if TYPE_CHECKING:
    from apex_nb.envelope import Envelope, LocatedCheck

BLOCK_CSS = """
.apx-table{border-collapse:collapse;margin:4px 0 12px;font-size:12px}
/* the :not(.apx-x) lifts these rules above JupyterLab's right-aligned output tables */
table.apx-table:not(.apx-x) td,table.apx-table:not(.apx-x) th{border:1px solid #d0d7de;padding:3px 6px;
text-align:left;vertical-align:top}
table.apx-table:not(.apx-x) td .apx-num{display:block;text-align:right}
.apx-ratio{white-space:nowrap}
.apx-table th{background:#f6f8fa}
.apx-table .apx-table{margin:0;font-size:11px}
.apx-num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.apx-pass{color:#1a7f37;font-weight:600}.apx-fail{color:#cf222e;font-weight:600}
.apx-review{color:#9a6700;font-weight:600}
.apx-bar{background:#eaeef2;width:110px;height:10px;display:inline-block;position:relative;vertical-align:middle}
.apx-bar span{position:absolute;left:0;top:0;bottom:0}
.apx-bar i{position:absolute;left:66.7%;top:-2px;bottom:-2px;border-left:1px dashed #57606a}
.apx-hash{font-family:ui-monospace,monospace;font-size:11px;word-break:break-all}
.apx-group th{background:#eef3f9;font-weight:600}
.apx-gov td{background:#fff8c5}
.apx-headline{border:1px solid #d0d7de;border-left:4px solid #0969da;padding:6px 10px;margin:6px 0 10px}
.apx-headline div{margin:2px 0}
"""

# unit of a result key, from its suffix (the solvers name units in keys: ``moment_lb_ft``)
_SUFFIX_UNITS: tuple[tuple[str, str], ...] = (
    ("_usd", "USD"),
    ("_kip_ft", "kip-ft"),
    ("_lb_ft", "lb-ft"),
    ("_lb_per_ft", "lb/ft"),
    ("_kip_in", "kip-in"),
    ("_ft3", "ft³"),
    ("_ft2", "ft²"),
    ("_yd3", "yd³"),
    ("_in2", "in²"),
    ("_in3", "in³"),
    ("_in4", "in⁴"),
    ("_psf", "psf"),
    ("_psi", "psi"),
    ("_ksi", "ksi"),
    ("_mph", "mph"),
    ("_kip", "kip"),
    ("_lb", "lb"),
    ("_ft", "ft"),
    ("_in", "in"),
    ("_deg", "deg"),
    ("ratio", "ratio"),
)
_DECIMALS = {
    "USD": 2,
    "$": 2,
    "ft": 2,
    "in": 3,
    "lb": 0,
    "lb-ft": 0,
    "lb/ft": 1,
    "kip": 2,
    "kip-ft": 2,
    "kip-in": 1,
    "psf": 1,
    "psi": 0,
    "ksi": 1,
    "mph": 0,
    "ft²": 2,
    "ft³": 2,
    "yd³": 2,
    "in²": 3,
    "in³": 3,
    "in⁴": 2,
    "ratio": 3,
    "deg": 1,
}


def unit_of(key: str) -> str:
    """The unit named by a result key's suffix (``price_total_usd`` -> USD), '' when none."""
    lowered = key.lower()
    for suffix, unit in _SUFFIX_UNITS:
        if lowered.endswith(suffix):
            return unit
    return ""


def number(value: float, unit: str = "") -> str:
    """A number for people: by unit when known, else about 4 significant figures; no e-notation."""
    if not math.isfinite(value):
        return str(value)
    if unit in ("USD", "$"):
        return f"${value:,.2f}" if value >= 0 else f"-${-value:,.2f}"
    decimals = _DECIMALS.get(unit)
    if decimals is None:
        if value == 0 or (float(value).is_integer() and abs(value) < 1e15):
            return f"{value:,.0f}" if abs(value) >= 1e4 else f"{value:g}"
        magnitude = math.floor(math.log10(abs(value)))
        if magnitude < -6:
            return f"{value:.3g}"
        decimals = min(6, max(0, 3 - magnitude))
    return f"{value:,.{decimals}f}"


def fmt(value: Any, unit: str = "") -> str:
    """Plain display text (not HTML) of a scalar: yes/no, – for None, numbers by ``unit``."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 1e4 else str(value)
    if isinstance(value, float):
        return number(value, unit)
    if isinstance(value, (list, tuple)) and not any(isinstance(v, (dict, list)) for v in value):
        return ", ".join(fmt(v) for v in value)
    return str(value)


def value_html(value: Any, key: str = "", unit: str = "") -> Markup:
    """A result value as HTML: dicts and lists of dicts as sub-tables, numbers by unit."""
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    unit = unit or (unit_of(key) if numeric else "")
    if isinstance(value, dict):
        if not value:
            return Markup("–")
        rows = [[str(k), value_html(v, str(k))] for k, v in value.items()]
        return table(["", ""], rows, "apx-sub", header=False)
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        keys = list(dict.fromkeys(k for v in value for k in v))
        rows = [[value_html(v.get(k), k) for k in keys] for v in value]
        return table([k.replace("_", " ") for k in keys], rows, "apx-sub")
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        return Markup("<br>").join(value_html(v, key) for v in value)
    text = fmt(value, unit)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Markup('<span class="apx-num">{}</span>').format(text)
    return escape(text)


def cell(value: Any) -> Markup:
    """A table cell's content: Markup as it is, anything else escaped."""
    return value if isinstance(value, Markup) else escape(str(value))


def table(headers: Iterable[Any], rows: Iterable[Iterable[Any]], css: str = "", *, header: bool = True) -> Markup:
    """An HTML table: plain ``str`` cells are escaped, ``Markup`` cells kept; ``css`` adds classes."""
    head = Markup("").join(Markup("<th>{}</th>").format(cell(h)) for h in headers)
    body = Markup("").join(
        Markup("<tr>{}</tr>").format(Markup("").join(Markup("<td>{}</td>").format(cell(c)) for c in row))
        for row in rows
    )
    thead = Markup("<thead><tr>{}</tr></thead>").format(head) if header else Markup("")
    return Markup('<table class="apx-table {}">{}<tbody>{}</tbody></table>').format(css, thead, body)


def ratio_bar(ratio: float, passed: bool) -> Markup:
    """A bar to 1.5 x capacity (the dashed line marks 1.0); green when the check passes."""
    width = max(0.0, min(ratio, 1.5)) / 1.5 * 100
    color = "#1a7f37" if passed else "#cf222e"
    return Markup('<span class="apx-bar"><span style="width:{:.1f}%;background:{}"></span><i></i></span>').format(
        width, color
    )


def verdict_html(passed: bool) -> Markup:
    """PASS or FAIL, coloured."""
    return Markup('<span class="apx-pass">PASS</span>' if passed else '<span class="apx-fail">FAIL</span>')


def needs_review(env: Envelope) -> bool | None:
    """The design's own ``needs_engineer_review`` verdict (None when the solver gives none)."""
    value = env.result.get("needs_engineer_review")
    return value if isinstance(value, bool) else None


def review_html(env: Envelope) -> Markup:
    """The review verdict in words, honest about what it rests on."""
    flag = needs_review(env)
    if flag is None:
        return Markup("no review verdict from this solver")
    if flag:
        reasons = env.result.get("review_reasons") or []
        text = "; ".join(str(r) for r in reasons) if isinstance(reasons, list) else str(reasons)
        return Markup('<span class="apx-review">ENGINEER REVIEW NEEDED</span>{}').format(f" — {text}" if text else "")
    return Markup('<span class="apx-pass">no engineer review flagged</span>')


def governing_text(env: Envelope) -> str:
    """``label ratio 0.981 (clause)`` of ``env.governing()``, or 'no checks'."""
    found = env.governing()
    if found is None:
        return "no checks"
    return f"{found.label} ratio {found.check.ratio:.3f} ({found.check.clause})"


def headline_html(env: Envelope) -> Markup:
    """The top of every display: verdict, governing check with its ratio bar, review verdict, confidence."""
    found = env.governing()
    gov = (
        Markup('<b class="apx-gov-label">{}</b> {} <b class="apx-gov-ratio">{:.3f}</b> <i>{}</i>').format(
            found.label, ratio_bar(found.check.ratio, found.check.passed), found.check.ratio, found.check.clause
        )
        if found
        else Markup("no checks")
    )
    return Markup(
        '<div class="apx-headline"><div><b>{}</b> v{} — {} — confidence '
        '<span class="apx-confidence">{:.2f}</span></div>'
        '<div class="apx-governing">Governing check: {}</div><div class="apx-review-line">Review: {}</div></div>'
    ).format(env.solver.name, env.solver.version, verdict_html(env.passed), env.confidence, gov, review_html(env))


def _check_row(found: LocatedCheck, governing: LocatedCheck | None) -> list[Any]:
    check = found.check
    return [
        check.id,
        check.description,
        value_html(check.demand, unit=check.unit),
        value_html(check.capacity, unit=check.unit),
        check.unit,
        Markup('<span class="apx-ratio">{} {:.3f}</span>').format(ratio_bar(check.ratio, check.passed), check.ratio),
        verdict_html(check.passed),
        check.clause,
    ]


def checks_table(env: Envelope) -> Markup:
    """Every check of the envelope and its parts, grouped by part (a header row per part).

    The governing check's row is highlighted (class ``apx-gov``).
    """
    located = env.all_checks()
    if not located:
        return Markup("<p>No checks in this envelope.</p>")
    governing = env.governing()
    headers = ["check", "description", "demand", "capacity", "unit", "ratio", "", "clause"]
    out = [
        Markup("<thead><tr>{}</tr></thead><tbody>").format(
            Markup("").join(Markup("<th>{}</th>").format(h) for h in headers)
        )
    ]
    current = None
    for found in located:
        if found.path != current:
            current = found.path
            out.append(Markup('<tr class="apx-group"><th colspan="8">{}</th></tr>').format(found.path))
        css = ' class="apx-gov"' if governing is not None and found is governing else ""
        cells = Markup("").join(Markup("<td>{}</td>").format(cell(c)) for c in _check_row(found, governing))
        out.append(Markup("<tr{}>{}</tr>").format(Markup(css), cells))
    out.append(Markup("</tbody>"))
    return Markup('<table class="apx-table apx-checks">{}</table>').format(Markup("").join(out))


def assumptions_list(env: Envelope) -> Markup:
    """Assumptions of the envelope and its parts, each with its clause and part."""
    items = [
        Markup("<li>{}{} <small>{}</small></li>").format(
            item.text, Markup(" <i>({})</i>").format(item.clause) if item.clause else "", where
        )
        for where, sub in env.walk()
        for item in sub.assumptions
    ]
    if not items:
        return Markup("<p>None recorded.</p>")
    return Markup('<ul class="apx-assumptions">{}</ul>').format(Markup("").join(items))


def applicability_list(env: Envelope) -> Markup:
    """Applicability rules that do not hold (they lowered the confidence)."""
    items = [
        Markup("<li>{}: {} (confidence x {:.2f}) <small>{}</small></li>").format(
            rule.rule, rule.note, 1 - rule.penalty, where
        )
        for where, sub in env.walk()
        for rule in sub.applicability
        if not rule.ok
    ]
    if not items:
        return Markup("<p>Every applicability rule holds.</p>")
    return Markup('<ul class="apx-applicability">{}</ul>').format(Markup("").join(items))


def warnings_list(env: Envelope) -> Markup:
    """Warnings of the envelope and its parts ('' when none)."""
    items = [
        Markup("<li>{} <small>{}</small></li>").format(text, where)
        for where, sub in env.walk()
        for text in sub.warnings
    ]
    return Markup('<ul class="apx-warnings">{}</ul>').format(Markup("").join(items)) if items else Markup("")


def trace_table(
    env: Envelope,
    *,
    symbol: Callable[[str], Markup] = symbol_html,
    formula: Callable[[str], Markup] = formula_html,
    with_part: bool = True,
) -> Markup:
    """The trace of the envelope and its parts: symbol, meaning, formula, value, unit, clause."""
    rows = []
    for where, sub in env.walk():
        for item in sub.trace:
            row = [
                cell(symbol(item.symbol)),
                item.description,
                cell(formula(item.formula)),
                value_html(item.value, unit=item.unit),
                item.unit,
                item.clause,
            ]
            rows.append([*row, where] if with_part else row)
    headers = ["symbol", "description", "formula", "value", "unit", "clause"]
    return table([*headers, "from"] if with_part else headers, rows, "apx-trace")


def result_table(env: Envelope, *, skip: Iterable[str] = ()) -> Markup:
    """The top-level result, one key per row; nested groups and lists of groups as sub-tables."""
    hidden = set(skip)
    rows = [[key, value_html(value, key)] for key, value in env.result.items() if key not in hidden]
    return table(["result", "value"], rows, "apx-result")


def packs_table(env: Envelope) -> Markup:
    """Every pack read by the envelope and its parts (name, version, full sha256), once each."""
    seen: set[tuple[str, str, str]] = set()
    for _where, sub in env.walk():
        for pack in sub.packs:
            seen.add((pack.name, pack.version, pack.sha256))
    rows = [
        [name, version, Markup('<span class="apx-hash">{}</span>').format(sha)] for (name, version, sha) in sorted(seen)
    ]
    return table(["pack", "version", "sha256"], rows, "apx-packs")


def hashes_table(env: Envelope) -> Markup:
    """Content hash of the envelope and of each part."""
    rows = [
        [where, sub.solver.version, Markup('<span class="apx-hash">{}</span>').format(sub.content_sha256)]
        for where, sub in env.walk()
    ]
    return table(["envelope", "solver version", "content hash"], rows, "apx-hashes")
