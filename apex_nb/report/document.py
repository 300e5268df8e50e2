"""The calc package: a permit-ready HTML (and, through Chromium, PDF) set of sheets per design.

What a plans examiner expects in a US sign-structure calc package, in order: a cover with the
project, site address, customer, engineer of record and an honest verdict (checks pass or not;
whether the tool flags an engineer review, and that the package is valid only once sealed), a
sheet index; then per design the design criteria (codes and editions, risk category, basic wind
speed and its source, exposure, soil class and its source, load combinations, deflection
limit), the loads (wind per face, per-post actions, drawings), the checks grouped by component
with their clauses (each check once), the assumptions and what lies outside applicability, the
inputs and every intermediate value, and the content hash with the constants packs. Pricing is
left out unless asked for (``with_pricing``): price lines and mark-up do not belong in an
engineering submittal.

Every sheet carries the title block (project, site, customer, engineer of record, seal and
signature area, date, revision) and "Sheet x of y": the block is ``position: fixed`` (Chromium
repeats it on every printed page, and a table footer reserves its height so content never runs
under it) and the sheet number is a CSS ``@page`` margin box. Letter and A4 are both laid out for
their printable width.

One escaping path: the page is a Jinja2 template with autoescape; fragments come from
``apex_nb.report.blocks`` as ``markupsafe.Markup``. Determinism: the page is a pure function of
(envelopes, project, options, print date).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from apex_nb.envelope import Envelope, LocatedCheck
from apex_nb.errors import FieldProblem, InputError
from apex_nb.report import blocks, drawings
from apex_nb.report.pdf import CSP_META
from apex_nb.version import __version__

TEMPLATES = Path(__file__).resolve().parent / "templates"
_JINJA = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=select_autoescape(default=True, default_for_string=True),
    keep_trailing_newline=True,
)


@dataclass(frozen=True)
class Paper:
    """A printed page: CSS size and margin (the title block and tables fit its printable width)."""

    name: str
    css: str
    width_mm: float
    margin_mm: float = 12.0


PAPERS = {"letter": Paper("letter", "Letter", 215.9), "a4": Paper("a4", "A4", 210.0)}

PAGE_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:10.5px;color:#1f2328;margin:0}
h1{font-size:20px;margin:0 0 4px}h2{font-size:14px;border-bottom:2px solid #0969da;padding-bottom:2px;margin:10px 0 6px}
h3{font-size:12px;margin:10px 0 4px}
.subtitle{color:#57606a;margin:0 0 8px}
.sheet{break-before:page}.sheet.cover{break-before:auto}
.cover-dl{display:grid;grid-template-columns:40mm 1fr;gap:2px 8px;margin:6px 0}
.cover-dl dt{color:#57606a}.cover-dl dd{margin:0}
.note{font-size:10px;color:#57606a}
.review-yes{color:#9a6700;font-weight:600}.review-no{color:#1a7f37}
.layout{width:100%;border-collapse:collapse}.layout>tbody>tr>td,.layout>tfoot>tr>td{padding:0}
.tb-spacer{height:27mm}
.titleblock{position:fixed;left:0;right:0;bottom:0;height:24mm;display:grid;
grid-template-columns:1.5fr 1.1fr 1.4fr 1fr 1.2fr 1.1fr 0.8fr;border:1.2px solid #1f2328;font-size:8px;
background:#fff;box-sizing:border-box}
.tb-cell{border-left:1px solid #1f2328;padding:2px 4px;overflow:hidden;overflow-wrap:anywhere}
.tb-cell:first-child{border-left:none}
.tb-cell span{display:block;color:#57606a;font-size:7px;text-transform:uppercase}
.tb-main{font-size:9px}
.apx-table{width:100%;table-layout:fixed}
.apx-table td,.apx-table th{overflow-wrap:anywhere;word-break:normal}
.apx-table .apx-table{width:100%}
.apx-trace col.c-sym{width:11%}.apx-trace col.c-desc{width:27%}.apx-trace col.c-formula{width:22%}
.apx-trace col.c-val{width:12%}.apx-trace col.c-unit{width:7%}.apx-trace col.c-clause{width:21%}
.apx-checks col.c-id{width:12%}.apx-checks col.c-desc{width:20%}.apx-checks col.c-num{width:9%}
.apx-checks col.c-unit{width:6%}.apx-checks col.c-ratio{width:13%}.apx-checks col.c-ok{width:8%}
.apx-checks col.c-clause{width:23%}
@media print{.apx-table{font-size:9.5px}.apx-pass,.apx-fail{white-space:nowrap}}
.apx-bar{width:52px}
.apx-hash{font-size:9px}
.drawings{break-inside:avoid}
.drawing{display:inline-block;vertical-align:top;margin:2px 4px 2px 0;width:48%}
.drawing svg{width:100%;height:auto}
figure.design-chart{margin:4px 0 10px;break-inside:avoid}figure.design-chart svg{width:100%;max-width:150mm;height:auto}
.endnote{margin-top:12px;color:#57606a;font-size:9px}
tr{break-inside:avoid}
@media screen{body{max-width:1000px;margin:0 auto;padding:8px}.titleblock{position:static;margin-bottom:8px}
.tb-spacer{display:none}.tb-sheet{display:none}}
"""

_PRICE_KEYS = re.compile(r"^(price|cost|margin|overhead|markup)|_usd$")
_COMPONENTS = (
    ("wind.", "Wind loads"),
    ("post.", "Post"),
    ("member.", "Post"),
    ("foundation.", "Foundation"),
    ("connection.", "Base plate and anchors"),
    ("cost.", "Pricing"),
)


@dataclass(frozen=True)
class ReportOptions:
    """Title block and layout of a calc package (everything not in the envelope itself)."""

    title: str = ""
    project: str = ""
    site: str = ""
    customer: str = ""
    engineer: str = ""
    license: str = ""
    revision: str = "0"
    risk_category: str = ""
    paper: Literal["letter", "a4"] = "letter"
    with_pricing: bool = False
    drawings: bool = True
    charts: bool = False  # design charts around each design (apex_nb.report.design_charts), on request


@dataclass
class ReportSource:
    """What a report is made of: envelopes, and the project (or batch site) they belong to."""

    envelopes: list[Envelope]
    project: dict[str, Any] | None = None
    labels: list[str] = field(default_factory=list)
    sign_inputs: list[dict[str, Any]] = field(default_factory=list)
    site: str = ""


def _input_schema(solver: str) -> dict[str, Any]:
    """JSON schema of a registered solver's input model ({} when unknown)."""
    from apex_nb.registry import list_solvers

    for item in list_solvers():
        if item.name == solver:
            return item.input_schema()
    return {}


def _field_schema(schema: dict[str, Any], node: dict[str, Any], name: str) -> dict[str, Any]:
    """The property ``name`` of ``node`` (following $ref, anyOf and array items)."""
    defs = schema.get("$defs", {})

    def resolve(item: dict[str, Any]) -> dict[str, Any]:
        ref = item.get("$ref", "")
        item = defs.get(ref.split("/")[-1], item) if ref else item
        if "items" in item:
            return resolve(item["items"])
        for option in item.get("anyOf", []):
            if option.get("type") != "null":
                return resolve(option)
        return item

    return resolve(node).get("properties", {}).get(name, {})


def _flatten(value: Any, prefix: str, schema: dict[str, Any], node: dict[str, Any]) -> list[tuple[str, Any, str]]:
    """(dotted name, value, description) rows: nested groups and lists of groups are opened."""
    rows = []
    for key, item in value.items():
        spec = _field_schema(schema, node, key)
        name = f"{prefix}{key}"
        if isinstance(item, dict) and item:
            rows += _flatten(item, name + ".", schema, spec)
        elif isinstance(item, list) and item and all(isinstance(x, dict) for x in item):
            for index, entry in enumerate(item):
                rows += _flatten(entry, f"{name}[{index}].", schema, spec)
        else:
            rows.append((name, item, spec.get("description", "")))
    return rows


def inputs_table(env: Envelope, given: dict[str, Any] | None = None) -> Markup:
    """Every input (nested groups opened) with value, description and source."""
    schema = _input_schema(env.solver.name)
    defaults = {k: v.get("default") for k, v in schema.get("properties", {}).items() if "default" in v}
    rows = []
    for name, value, description in _flatten(env.inputs, "", schema, schema):
        top = name.split(".")[0].split("[")[0]
        if given is not None:
            source = "project sign input" if top in given else "default of the input model"
        elif top in defaults and defaults[top] == env.inputs.get(top):
            source = "default of the input model"
        else:
            source = "given"
        rows.append([name, blocks.value_html(value, name.split(".")[-1]), description, source])
    return blocks.table(["input", "value", "meaning", "source"], rows, "apx-inputs")


def _drawings_html(env: Envelope) -> Markup:
    parts = []
    for name, drawing in drawings.all_drawings(env).items():
        # drawings.to_svg escapes every text it draws: trusted markup
        parts.append(Markup('<div class="drawing drawing-{}">{}</div>').format(name, Markup(drawings.to_svg(drawing))))
    return Markup("").join(parts)


# -- sections -------------------------------------------------------------------------------
def _component(solver: str) -> str:
    for prefix, name in _COMPONENTS:
        if solver.startswith(prefix):
            return name
    return solver


def _repeat_of_child(found: LocatedCheck, located: list[LocatedCheck]) -> bool:
    """True when a part's check only restates one of its own sub-parts' checks (same numbers)."""
    prefix = found.path + " > "
    mine = found.check
    return any(
        other.path.startswith(prefix)
        and other.check.unit == mine.unit
        and math.isclose(other.check.demand, mine.demand, rel_tol=1e-6, abs_tol=1e-9)
        and math.isclose(other.check.capacity, mine.capacity, rel_tol=1e-6, abs_tol=1e-9)
        for other in located
    )


def checks_by_component(env: Envelope) -> Markup:
    """Every check once, grouped by component (wind, post, foundation...), with its clause."""
    located = env.all_checks()
    if not located:
        return Markup("<p>No checks in this envelope.</p>")
    governing = env.governing()
    shown = [f for f in located if not _repeat_of_child(f, located)]
    if governing is not None and governing not in shown:  # its restatement governs: show the original
        shown = located
    groups: dict[str, list[LocatedCheck]] = {}
    for found in shown:
        groups.setdefault(_component(found.solver), []).append(found)
    cols = Markup(
        '<colgroup><col class="c-id"><col class="c-desc"><col class="c-num"><col class="c-num"><col class="c-unit">'
        '<col class="c-ratio"><col class="c-ok"><col class="c-clause"></colgroup>'
    )
    head = Markup(
        "<thead><tr><th>check</th><th>description</th><th>demand</th><th>capacity</th><th>unit</th>"
        "<th>ratio</th><th></th><th>clause</th></tr></thead>"
    )
    body = []
    for component, items in groups.items():
        body.append(Markup('<tr class="apx-group"><th colspan="8">{}</th></tr>').format(component))
        for found in items:
            c = found.check
            css = Markup(' class="apx-gov"') if found is governing else Markup("")
            body.append(
                Markup(
                    "<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                    '<td class="apx-ratio">{} {:.3f}</td><td>{}</td><td>{}</td></tr>'
                ).format(
                    css,
                    c.id,
                    c.description,
                    blocks.value_html(c.demand, unit=c.unit),
                    blocks.value_html(c.capacity, unit=c.unit),
                    c.unit,
                    blocks.ratio_bar(c.ratio, c.passed),
                    c.ratio,
                    blocks.verdict_html(c.passed),
                    c.clause,
                )
            )
    return Markup('<table class="apx-table apx-checks">{}{}<tbody>{}</tbody></table>').format(
        cols, head, Markup("").join(body)
    )


def _find(env: Envelope, *keys: str) -> Any:
    """The first value of a dotted input path found in the envelope or any part."""
    for _where, sub in env.walk():
        for key in keys:
            node: Any = sub.inputs
            for piece in key.split("."):
                node = node.get(piece) if isinstance(node, dict) else None
            if node not in (None, ""):
                return node
    return None


def criteria_table(env: Envelope, options: ReportOptions) -> Markup:
    """Codes and editions, risk category, wind speed and its source, exposure, soil and its source."""
    solvers = {sub.solver.name for _w, sub in env.walk()}
    rows: list[list[Any]] = []
    ibc = _find(env, "soil.ibc_edition", "ibc_edition")
    if ibc:
        rows.append(["Building code", f"IBC {ibc}", "foundations: IBC §1806 and §1807"])
    asce = _find(env, "wind.edition", "edition", "asce7_edition")
    if asce:
        rows.append(["Wind loads", f"ASCE {asce}", "Chapters 26 and 29 (§29.3 solid freestanding signs)"])
    aisc = _find(env, "aisc_edition")
    if aisc or any(s.startswith(("member.", "post.")) for s in solvers):
        method = _find(env, "design_method") or ""
        rows.append(["Steel", f"AISC {aisc or '360'}", f"{method} design".strip()])
    if any(s.startswith("connection.anchor") for s in solvers):
        rows.append(["Anchors", "ACI 318-19 Chapter 17", "anchoring to concrete"])
    source = str(_find(env, "wind.wind_speed_source", "wind_speed_source") or "")
    risk = options.risk_category
    if not risk:
        match = re.search(r"risk\s*cat(?:egory|\.)?\s*([IV]+)", source, flags=re.I)
        risk = f"{match.group(1)} (from the wind speed source)" if match else ""
    rows.append(
        [
            "Risk category",
            risk or "not stated in the inputs",
            "ASCE 7 Table 1.5-1; the basic wind speed must come from the map of this risk category",
        ]
    )
    speed = _find(env, "wind.wind_speed_mph", "wind_speed_mph")
    if speed is not None:
        rows.append(
            [
                "Basic wind speed V",
                f"{blocks.fmt(float(speed), 'mph')} mph",
                f"source: {source}"
                if source
                else "source: not stated in the inputs (confirm from the ASCE 7 "
                "map or the ASCE Hazard Tool for the site)",
            ]
        )
    exposure = _find(env, "wind.exposure", "exposure")
    if exposure:
        kzt = _find(env, "wind.kzt", "kzt")
        elevation = _find(env, "wind.ground_elevation_ft", "ground_elevation_ft")
        rows.append(
            ["Exposure", str(exposure), f"Kzt = {kzt if kzt is not None else 1}; ground elevation {elevation or 0} ft"]
        )
    soil = _soil_row(env)
    if soil:
        rows.append(soil)
    for key, label in (
        ("member_combination", "Load combination, members"),
        ("soil_combination", "Load combination, soil"),
    ):
        if env.result.get(key):
            rows.append([label, str(env.result[key]), "ASCE 7 §2.3 / §2.4 (dead and wind)"])
    limit = _find(env, "deflection_limit_ratio")
    if limit:
        rows.append(["Deflection limit", f"L/{float(limit):g} at service wind", "engineer's serviceability limit"])
    return blocks.table(["criterion", "value", "basis / source"], rows, "apx-criteria")


def _soil_row(env: Envelope) -> list[Any] | None:
    soil = env.inputs.get("soil") if isinstance(env.inputs.get("soil"), dict) else None
    embed = next((sub for _w, sub in env.walk() if sub.solver.name.startswith("foundation.")), None)
    if soil is None and embed is None:
        return None
    data = soil or (embed.inputs if embed else {})
    unconfirmed = [a.rule for _w, sub in env.walk() for a in sub.applicability if not a.ok and "soil" in a.rule.lower()]
    if data.get("lateral_bearing_psf_per_ft"):
        value = f"{blocks.fmt(float(data['lateral_bearing_psf_per_ft']), 'psf')} psf/ft lateral bearing"
        source = "geotechnical report value given by the engineer"
    else:
        value = f"IBC Table 1806.2 class {data.get('soil_class', '–')}"
        source = "presumptive class"
    if unconfirmed:
        source += "; not confirmed by a site investigation (" + "; ".join(unconfirmed) + ")"
    return ["Soil", value, source]


_LOAD_KEYS = (
    "wind_design_level",
    "governing_wind_case",
    "wind_force_total_lb",
    "per_post_w",
    "cases",
)


def loads_html(env: Envelope) -> Markup:
    """Wind on each face (Cases A/B/C), forces on posts, and the design actions per post."""
    rows = []
    for _where, sub in env.walk():
        if sub.solver.name != "wind.asce7_sign":
            continue
        r, i = sub.result, sub.inputs
        rows.append(
            [
                f"{i.get('sign_width_ft', 0):g} x {i.get('sign_height_ft', 0):g} ft, "
                f"top {i.get('top_height_ft', 0):g} ft",
                blocks.value_html(r.get("qh_psf"), "qh_psf"),
                blocks.value_html(r.get("cf_case_a"), "cf"),
                blocks.value_html(r.get("force_case_a_lb"), "force_lb"),
                blocks.value_html(r.get("moment_at_grade_lb_ft"), "m_lb_ft"),
                blocks.value_html(r.get("torsion_case_b_lb_ft"), "t_lb_ft"),
                str(r.get("governing_case", "–")),
                str(r.get("design_level", "–")),
            ]
        )
    out = []
    if rows:
        out.append(
            blocks.table(
                ["face", "qh (psf)", "Cf", "F (lb)", "M at grade (lb-ft)", "T Case B (lb-ft)", "case", "level"],
                rows,
                "apx-loads",
            )
        )
    posts = [
        [blocks.value_html(sub.result.get("force_per_post_lb"), "f_lb"), str(sub.result.get("clause", ""))]
        for _w, sub in env.walk()
        if sub.solver.name == "wind.asce7_post"
    ]
    if posts:
        out.append(Markup("<h3>Wind on the exposed posts</h3>"))
        out.append(blocks.table(["force per post (lb)", "clause"], posts, "apx-post-wind"))
    design = [[key, blocks.value_html(env.result[key], key)] for key in _LOAD_KEYS if key in env.result]
    if design:
        out.append(Markup("<h3>Design actions</h3>"))
        out.append(blocks.table(["quantity", "value"], design, "apx-actions"))
    return Markup("").join(out) if out else Markup("<p>No load summary for this solver.</p>")


def trace_print(env: Envelope, with_pricing: bool) -> Markup:
    """The trace for print: one table, a header row per part, columns sized to the sheet."""
    body = []
    for where, sub in env.walk():
        if not with_pricing and sub.solver.name.startswith("cost."):
            continue
        if not sub.trace:
            continue
        body.append(Markup('<tr class="apx-group"><th colspan="6">{}</th></tr>').format(where))
        for item in sub.trace:
            body.append(
                Markup("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>").format(
                    blocks.symbol_html(item.symbol),
                    item.description,
                    blocks.formula_html(item.formula),
                    blocks.value_html(item.value, unit=item.unit),
                    item.unit,
                    item.clause,
                )
            )
    cols = Markup(
        '<colgroup><col class="c-sym"><col class="c-desc"><col class="c-formula"><col class="c-val">'
        '<col class="c-unit"><col class="c-clause"></colgroup>'
    )
    head = Markup(
        "<thead><tr><th>symbol</th><th>description</th><th>formula</th><th>value</th><th>unit</th>"
        "<th>clause</th></tr></thead>"
    )
    return Markup('<table class="apx-table apx-trace">{}{}<tbody>{}</tbody></table>').format(
        cols, head, Markup("").join(body)
    )


def pricing_html(env: Envelope) -> Markup | None:
    """Price lines and totals (only with ``with_pricing``)."""
    priced = {k: v for k, v in env.result.items() if _PRICE_KEYS.search(k)}
    for _w, sub in env.walk():
        if sub.solver.name.startswith("cost."):
            priced = {**priced, **{f"{k}": v for k, v in sub.result.items() if _PRICE_KEYS.search(k) or k == "lines"}}
    if not priced:
        return None
    return blocks.table(["item", "value"], [[k, blocks.value_html(v, k)] for k, v in priced.items()], "apx-pricing")


@dataclass
class _Design:
    env: Envelope
    label: str
    verdict: Markup
    governing: str
    review: str
    review_needed: bool
    review_reasons: list[str]
    criteria: Markup
    loads: Markup
    drawings: Markup | None
    checks: Markup
    results: Markup
    assumptions: Markup
    applicability: Markup
    warnings: Markup
    pricing: Markup | None
    charts: list[Any]  # design_charts.DesignChart, when asked for
    inputs: Markup
    trace: Markup
    hashes: Markup
    packs: Markup


def _design(env: Envelope, label: str, given: dict[str, Any] | None, options: ReportOptions) -> _Design:
    checks = env.all_checks()
    failed = [c for c in checks if not c.check.passed]
    verdict = (
        Markup('<span class="apx-pass">PASS</span> — all {} checks').format(len(checks))
        if not failed
        else Markup('<span class="apx-fail">FAIL</span> — {} of {} checks fail').format(len(failed), len(checks))
    )
    flag = blocks.needs_review(env)
    reasons = [str(r) for r in env.result.get("review_reasons") or []] if flag else []
    if flag is None:
        review, needed = "not assessed by this solver: the engineer of record reviews everything", True
    elif flag:
        review, needed = "NEEDED — " + ("; ".join(reasons) or "see section 4"), True
    else:
        review, needed = f"not flagged by apex-nb (confidence {env.confidence:.2f}); seal after review", False
    skip = set() if options.with_pricing else {k for k in env.result if _PRICE_KEYS.search(k)}
    return _Design(
        env=env,
        label=label,
        verdict=verdict,
        governing=blocks.governing_text(env),
        review=review,
        review_needed=needed,
        review_reasons=reasons,
        criteria=criteria_table(env, options),
        loads=loads_html(env),
        drawings=_drawings_html(env) if options.drawings else None,
        checks=checks_by_component(env),
        results=blocks.result_table(env, skip=skip),
        assumptions=_assumptions(env, options.with_pricing),
        applicability=blocks.applicability_list(env),
        warnings=blocks.warnings_list(env),
        pricing=pricing_html(env) if options.with_pricing else None,
        charts=_charts(env, options),
        inputs=inputs_table(env, given),
        trace=trace_print(env, options.with_pricing),
        hashes=blocks.hashes_table(env),
        packs=blocks.packs_table(env),
    )


def _charts(env: Envelope, options: ReportOptions) -> list[Any]:
    if not options.charts:
        return []
    from apex_nb.report.design_charts import design_charts

    return design_charts(env, with_pricing=options.with_pricing)


def _assumptions(env: Envelope, with_pricing: bool) -> Markup:
    """Assumptions of the envelope and its parts, each once, with clause and component."""
    seen: dict[tuple[str, str], str] = {}
    for _where, sub in env.walk():
        if not with_pricing and sub.solver.name.startswith("cost."):
            continue
        for item in sub.assumptions:
            seen.setdefault((item.text, item.clause), _component(sub.solver.name))
    if not seen:
        return Markup("<p>None recorded.</p>")
    rows = [[component, text, clause] for (text, clause), component in seen.items()]
    return blocks.table(["component", "assumption", "clause"], rows, "apx-assumptions")


def _date_text(print_date: dt.date | str | None) -> str:
    if print_date is None:
        return dt.date.today().isoformat()
    return print_date.isoformat() if isinstance(print_date, dt.date) else str(print_date)


def _title_block(source: ReportSource, options: ReportOptions, date: str) -> dict[str, str]:
    project = source.project or {}
    customer = project.get("customer") or {}
    site = project.get("site") or {}
    first = source.labels[0] if source.labels else source.envelopes[0].solver.name
    project_text = options.project or " ".join(
        x for x in (str(project.get("name", "")), f"({project['id']})" if project.get("id") else "") if x
    )
    return {
        "title": options.title or str(project.get("name") or "") or first,
        "project": project_text,
        "site": options.site or str(site.get("address") or "") or source.site,
        "customer": options.customer or str(customer.get("name") or ""),
        "engineer": options.engineer,
        "license": options.license,
        "date": date,
        "revision": options.revision,
    }


def _index(source: ReportSource, designs: list[_Design], sheets: dict[str, int] | None) -> list[dict[str, Any]]:
    items = []
    for n, d in enumerate(designs, start=1):
        names = [
            ("criteria", f"{n}.1 Design criteria — {d.label}"),
            ("loads", f"{n}.2 Loads"),
            ("checks", f"{n}.3 Checks by component"),
            ("assumptions", f"{n}.4 Assumptions and applicability"),
        ]
        if d.pricing is not None:
            names.append(("pricing", f"{n}.5 Pricing (not part of the engineering)"))
        if d.charts:
            names.append(("charts", f"{n}.5a Design charts"))
        names += [
            ("calculation", f"{n}.6 Calculation"),
            ("hashes", f"{n}.7 Reproducibility: content hash and constants"),
        ]
        for key, title in names:
            items.append({"title": title, "sheet": (sheets or {}).get(f"s-{n}-{key}", "–"), "anchor": f"s-{n}-{key}"})
    return items


def render_html(
    source: Envelope | ReportSource | Sequence[Envelope],
    *,
    print_date: dt.date | str | None = None,
    title: str = "",
    drawings: bool = True,
    options: ReportOptions | None = None,
    sheets: dict[str, int] | None = None,
) -> str:
    """The calc package page for one envelope, several, or a ReportSource (project or batch site)."""
    if isinstance(source, Envelope):
        source = ReportSource([source])
    elif not isinstance(source, ReportSource):
        source = ReportSource(list(source))
    if not source.envelopes:
        raise InputError([FieldProblem("envelopes", "nothing to report", "at least one envelope")], "report")
    for env in source.envelopes:
        env.verify()
    opts = options or ReportOptions()
    if title and not opts.title:
        opts = replace(opts, title=title)
    if not drawings:
        opts = replace(opts, drawings=False)
    date = _date_text(print_date)
    designs = []
    for index, env in enumerate(source.envelopes):
        label = source.labels[index] if index < len(source.labels) else env.solver.name
        given = source.sign_inputs[index] if index < len(source.sign_inputs) else None
        designs.append(_design(env, label, given, opts))
    page = _JINJA.get_template("package.html.j2").render(
        tb=_title_block(source, opts, date),
        paper=PAPERS[opts.paper],
        css=Markup(blocks.BLOCK_CSS + PAGE_CSS),
        designs=designs,
        any_review=any(d.review_needed for d in designs),
        index=_index(source, designs, sheets),
        version=__version__,
        csp_meta=Markup(CSP_META),  # a constant: no script, no external request (apex_nb.report.pdf)
    )
    return page


def write_package(
    source: Envelope | ReportSource | Sequence[Envelope],
    html_path: str | Path,
    pdf_path: str | Path | None = None,
    *,
    print_date: dt.date | str | None = None,
    options: ReportOptions | None = None,
) -> dict[str, Path]:
    """Write the HTML package, and the PDF when asked (two passes: the sheet index gets real numbers).

    The first print finds the sheet of every section with ``pdftotext`` (poppler-utils); the
    page is rendered again with those numbers and printed again. Without pdftotext the index
    keeps "–" for the sheets.
    """
    from apex_nb.report.pdf import render_pdf

    html_target = Path(html_path)
    html_target.parent.mkdir(parents=True, exist_ok=True)
    page = render_html(source, print_date=print_date, options=options)
    html_target.write_text(page, encoding="utf-8")
    written = {"html": html_target}
    if options is not None and options.charts:
        written.update(_write_charts(source, html_target, options))
    if pdf_path is None:
        return written
    pdf = render_pdf(html_target, pdf_path)
    sheets = section_sheets(pdf, page)
    if sheets:
        page = render_html(source, print_date=print_date, options=options, sheets=sheets)
        html_target.write_text(page, encoding="utf-8")
        pdf = render_pdf(html_target, pdf_path)
    written["pdf"] = pdf
    return written


def _write_charts(
    source: Envelope | ReportSource | Sequence[Envelope], html_target: Path, options: ReportOptions
) -> dict[str, Path]:
    """Each design chart as SVG and PNG in ``<html stem>-charts/`` beside the page (keys ``chart:<file>``)."""
    from apex_nb.report.design_charts import design_charts, write_chart_files

    if isinstance(source, Envelope):
        envelopes = [source]
    elif isinstance(source, ReportSource):
        envelopes = list(source.envelopes)
    else:
        envelopes = list(source)
    items = [
        (n, chart)
        for n, env in enumerate(envelopes, start=1)
        for chart in design_charts(env, with_pricing=options.with_pricing)
    ]
    folder = html_target.with_name(html_target.stem + "-charts")
    return {f"chart:{path.name}": path for path in write_chart_files(items, folder)}


def section_sheets(pdf: Path, page: str) -> dict[str, int]:
    """{section anchor: sheet number} read back from the printed PDF ({} without pdftotext)."""
    titles = re.findall(r'<h2 id="(s-\d+-[a-z]+)">(.*?)</h2>', page)
    try:
        pages = _pdf_pages_text(pdf)
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, int] = {}
    first_body = next((i for i, text in enumerate(pages) if "Sheet index" not in text and i > 0), 1)
    for anchor, title in titles:
        plain = re.sub(r"\s+", " ", _unescape(title)).strip()
        for number, text in enumerate(pages[first_body:], start=first_body + 1):
            if plain in re.sub(r"\s+", " ", text):
                found[anchor] = number
                break
    return found


def _unescape(text: str) -> str:
    import html as _html

    return _html.unescape(text)


def _pdf_pages_text(pdf: Path) -> list[str]:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise subprocess.SubprocessError(done.stderr)
    return done.stdout.split("\f")


def _batch_site(path: Path) -> str:
    """'SITE-ID, City, ST' when ``path`` is ``DIR/runs/<site>/envelope.json`` of a batch ('' otherwise)."""
    record = path.parent / "run.json"
    if not record.is_file():
        return ""
    try:
        site_id = str(json.loads(record.read_text(encoding="utf-8")).get("site_id", ""))
    except (OSError, ValueError):
        return ""
    summary = path.parent.parent.parent / "summary.csv"
    extra = ""
    if site_id and summary.is_file():
        try:
            with summary.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    if row.get("site_id") == site_id:
                        extra = ", ".join(x for x in (row.get("city", ""), row.get("state", "")) if x)
                        break
        except (OSError, csv.Error):
            extra = ""
    return f"site {site_id}" + (f", {extra}" if extra else "") if site_id else ""


def load_source(envelope_path: str | Path | None = None, *, project: tuple[str, str] | None = None) -> ReportSource:
    """An envelope JSON file, or (store root, project id): every design with an inline envelope."""
    if envelope_path is not None:
        path = Path(envelope_path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError([FieldProblem("envelope", f"cannot read {path}: {exc.strerror}")], "report") from None
        try:
            return ReportSource([Envelope.from_json(text)], site=_batch_site(path))
        except ValueError as exc:
            raise InputError([FieldProblem("envelope", f"{path} is not an envelope: {exc}")], "report") from None
    if project is None:
        raise InputError([FieldProblem("source", "give an envelope file or --project DIR ID")], "report")
    from apex_nb.project import ProjectStore

    root, project_id = project
    loaded, _etag = ProjectStore(root).load(project_id)
    doc = loaded.to_json()
    signs = {s["id"]: s.get("inputs", {}) for s in doc.get("signs", [])}
    envelopes, labels, given = [], [], []
    for design in doc.get("designs", []):
        if design.get("envelope") is None:
            continue
        try:
            envelopes.append(Envelope.model_validate(design["envelope"]))
        except ValueError as exc:  # a malformed envelope is refused before rendering
            raise InputError(
                [FieldProblem(f"designs[id={design.get('id')!r}].envelope", f"is not an envelope: {exc}")], "report"
            ) from None
        labels.append(design.get("label") or design["id"])
        given.append(signs.get(design.get("sign_id") or "") or {})
    if not envelopes:
        raise InputError([FieldProblem("project", f"{project_id} has no design with an inline envelope")], "report")
    return ReportSource(envelopes, doc, labels, given)
