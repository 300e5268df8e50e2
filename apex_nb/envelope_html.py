"""HTML rendering of an envelope for JupyterLab (plain HTML and inline CSS, no UI imports).

Built from ``apex_nb.report.blocks`` (the calc report's blocks, one escaping path through
markupsafe): the headline first (verdict, governing check over every part with its ratio bar,
the review verdict, confidence), then checks grouped by part, the result with nested groups as
sub-tables, assumptions, applicability, warnings, and the trace and packs folded away.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from apex_nb.report import blocks

if TYPE_CHECKING:
    from apex_nb.envelope import Envelope


def envelope_html(env: Envelope) -> str:
    """A readable summary of ``env`` for a notebook cell."""
    warnings = blocks.warnings_list(env)
    body = Markup(
        '<style>{css}</style><div class="apx apx-envelope">{headline}'
        "<h4>Checks</h4>{checks}<h4>Result</h4>{result}"
        "<h4>Assumptions</h4>{assumptions}<h4>Applicability</h4>{applicability}{warnings}"
        "<details><summary>Trace: every intermediate value</summary>{trace}</details>"
        "<details><summary>Packs and hashes</summary>{packs}{hashes}</details>"
        '<small class="apx-hash">{sha}</small></div>'
    ).format(
        css=Markup(blocks.BLOCK_CSS),
        headline=blocks.headline_html(env),
        checks=blocks.checks_table(env),
        result=blocks.result_table(env),
        assumptions=blocks.assumptions_list(env),
        applicability=blocks.applicability_list(env),
        warnings=Markup("<h4>Warnings</h4>{}").format(warnings) if warnings else "",
        trace=blocks.trace_table(env),
        packs=blocks.packs_table(env),
        hashes=blocks.hashes_table(env),
        sha=env.content_sha256,
    )
    return str(body)
