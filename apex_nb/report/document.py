"""The HTML calc report: cover, inputs with sources, checks with clauses, drawings, assumptions,
trace, and hashes; one section per envelope (a project report has one per saved design).

Determinism: the page is a pure function of (envelopes, project, print date). No clock is read
unless ``print_date`` is omitted, and then only the date, shown on the cover and the footer.
Drawings come from ``apex_nb.widgets.drawings`` when matplotlib is installed (imported only
while rendering, so the core keeps no UI import); without it the report says so.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apex_nb import __version__
from apex_nb.envelope import Envelope
from apex_nb.errors import FieldProblem, InputError
from apex_nb.report import blocks
from apex_nb.report.pdf import CSP_META

PAGE_CSS = """
@page { size: Letter; margin: 14mm 12mm; }
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:12px;color:#1f2328;
margin:0 auto;max-width:1000px}
h1{font-size:22px;margin:0 0 6px}h2{font-size:17px;border-bottom:2px solid #0969da;padding-bottom:2px;margin-top:22px}
h3{font-size:14px;margin:14px 0 4px}
.cover{border:1px solid #d0d7de;padding:16px 20px;margin:10px 0 18px}
.cover dl{display:grid;grid-template-columns:180px 1fr;gap:3px 10px;margin:8px 0}
.cover dt{color:#57606a}.cover dd{margin:0}
.drawing{display:inline-block;vertical-align:top;margin:4px 8px 4px 0;max-width:48%}
.drawing svg{max-width:100%;height:auto}
.section{page-break-before:always}.section:first-of-type{page-break-before:auto}
footer{margin-top:24px;border-top:1px solid #d0d7de;padding-top:4px;color:#57606a;font-size:11px}
"""


@dataclass
class ReportSource:
    """What a report is made of: envelopes, and the project they belong to (if any)."""

    envelopes: list[Envelope]
    project: dict[str, Any] | None = None
    labels: list[str] = field(default_factory=list)
    sign_inputs: list[dict[str, Any]] = field(default_factory=list)


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


def inputs_table(env: Envelope, given: dict[str, Any] | None = None) -> str:
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
        rows.append([html.escape(name), blocks.fmt(value), html.escape(description), html.escape(source)])
    return blocks.table(["input", "value", "meaning", "source"], rows, "apx-inputs")


def _drawings_html(env: Envelope) -> str:
    try:
        from apex_nb.widgets import drawings
    except ImportError:  # matplotlib or ipywidgets absent: the rest of the report still renders
        return "<p>Drawings need matplotlib (not installed).</p>"
    parts = []
    for name, figure in drawings.all_drawings(env).items():
        svg = drawings.figure_svg(figure)
        svg = svg[svg.find("<svg") :]  # drop the XML prolog and doctype: inline SVG
        parts.append(f'<div class="drawing drawing-{name}">{svg}</div>')
    return "".join(parts)


def _section(env: Envelope, index: int, label: str, given: dict[str, Any] | None, with_drawings: bool) -> str:
    governing = blocks.governing(env)
    gov = (
        f"{html.escape(governing.id)} (ratio {governing.ratio:.3f}, {html.escape(governing.clause)})"
        if governing
        else "–"
    )
    title = html.escape(label or env.solver.name)
    out = [
        f'<section class="section" id="design-{index}"><h2>{index}. {title}</h2>',
        f"<p>Solver <b>{html.escape(env.solver.name)}</b> v{html.escape(env.solver.version)} — "
        f"{blocks.verdict_html(env.passed)} — confidence <b>{env.confidence:.2f}</b> — governing check {gov}</p>",
        "<h3>Inputs</h3>",
        inputs_table(env, given),
        "<h3>Results</h3>",
        blocks.result_table(env),
        "<h3>Checks</h3>",
        blocks.checks_table(env),
    ]
    if with_drawings:
        out += ["<h3>Drawings</h3>", _drawings_html(env)]
    out += [
        "<h3>Assumptions</h3>",
        blocks.assumptions_list(env),
        "<h3>Applicability</h3>",
        blocks.applicability_list(env),
    ]
    warnings = blocks.warnings_list(env)
    if warnings:
        out += ["<h3>Warnings</h3>", warnings]
    out += [
        "<h3>Calculation</h3>",
        blocks.trace_table(env),
        "<h3>Constants packs</h3>",
        blocks.packs_table(env),
        "<h3>Envelope hashes</h3>",
        blocks.hashes_table(env),
        "</section>",
    ]
    return "".join(out)


def _date_text(print_date: dt.date | str | None) -> str:
    if print_date is None:
        return dt.date.today().isoformat()
    return print_date.isoformat() if isinstance(print_date, dt.date) else str(print_date)


def render_html(
    source: Envelope | ReportSource | Sequence[Envelope],
    *,
    print_date: dt.date | str | None = None,
    title: str = "",
    drawings: bool = True,
) -> str:
    """The report page for one envelope, several, or a ReportSource (project)."""
    if isinstance(source, Envelope):
        source = ReportSource([source])
    elif not isinstance(source, ReportSource):
        source = ReportSource(list(source))
    if not source.envelopes:
        raise InputError([FieldProblem("envelopes", "nothing to report", "at least one envelope")], "report")
    for env in source.envelopes:
        env.verify()
    date = html.escape(_date_text(print_date))
    project = source.project or {}
    heading = title or project.get("name") or source.envelopes[0].solver.name
    cover = [
        f"<dt>Printed</dt><dd class='print-date'>{date}</dd>",
        f"<dt>apex-nb</dt><dd>{html.escape(__version__)}</dd>",
    ]
    if project:
        customer = project.get("customer") or {}
        site = project.get("site") or {}
        cover += [
            f"<dt>Project</dt><dd>{html.escape(str(project.get('id', '')))} "
            f"({html.escape(str(project.get('status', '')))})</dd>",
            f"<dt>Customer</dt><dd>{html.escape(str(customer.get('name', '')) or '–')}</dd>",
            f"<dt>Site</dt><dd>{html.escape(str(site.get('address', '')) or '–')}</dd>",
            f"<dt>Code editions</dt><dd>{html.escape(json.dumps(site.get('code_editions', {}), sort_keys=True))}</dd>",
        ]
    summary_rows = []
    for index, env in enumerate(source.envelopes, start=1):
        label = source.labels[index - 1] if index - 1 < len(source.labels) else env.solver.name
        summary_rows.append(
            [
                f'<a href="#design-{index}">{index}. {html.escape(label)}</a>',
                blocks.verdict_html(env.passed),
                f"{env.confidence:.2f}",
                f'<span class="apx-hash">{html.escape(env.content_sha256)}</span>',
            ]
        )
    sections = []
    for index, env in enumerate(source.envelopes, start=1):
        label = source.labels[index - 1] if index - 1 < len(source.labels) else ""
        given = source.sign_inputs[index - 1] if index - 1 < len(source.sign_inputs) else None
        sections.append(_section(env, index, label, given, drawings))
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"{CSP_META}"
        f"<title>{html.escape(str(heading))} — calc report</title>"
        f"<style>{PAGE_CSS}{blocks.BLOCK_CSS}</style></head><body>"
        f"<header class='cover'><h1>{html.escape(str(heading))}</h1><p>Structural calculation report</p>"
        f"<dl>{''.join(cover)}</dl>"
        + blocks.table(["design", "verdict", "confidence", "content hash"], summary_rows, "apx-summary")
        + "</header>"
        + "".join(sections)
        + f"<footer>apex-nb {html.escape(__version__)} calc report — printed {date} — "
        "every value above is reproducible from the envelope hashes and pack hashes shown.</footer>"
        "</body></html>\n"
    )


def load_source(envelope_path: str | Path | None = None, *, project: tuple[str, str] | None = None) -> ReportSource:
    """An envelope JSON file, or (store root, project id): every design with an inline envelope."""
    if envelope_path is not None:
        path = Path(envelope_path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError([FieldProblem("envelope", f"cannot read {path}: {exc.strerror}")], "report") from None
        try:
            return ReportSource([Envelope.from_json(text)])
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
        given.append(signs.get(design.get("sign_id") or "", None))
    if not envelopes:
        raise InputError([FieldProblem("project", f"{project_id} has no design with an inline envelope")], "report")
    return ReportSource(envelopes, doc, labels, given)
