"""Envelope viewer (ipywidgets): verdict and confidence, checks as demand/capacity/ratio bars,
assumptions, applicability, warnings, and the trace with formulas and clauses rendered as math.

The HTML comes from ``apex_nb.report.blocks`` (the same blocks as the calc report), so the app
and the report never disagree. In JupyterLab the trace's symbols and formulas are typeset by
MathJax (``math=True``); the sales app's light front end has no MathJax, so there the trace
shows them as HTML, exactly as the calc report prints them (``math=False``).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as w
from markupsafe import Markup

from apex_nb.report import blocks
from apex_nb.report.formulas import formula_latex, math_html, symbol_latex

if TYPE_CHECKING:
    from apex_nb.envelope import Envelope

_STYLE = Markup("<style>{}</style>").format(Markup(blocks.BLOCK_CSS))


def header_html(env: Envelope) -> str:
    """Verdict, governing check over every part (``Envelope.governing``), review verdict, confidence."""
    return str(Markup('<div class="apx-viewer-title">{}</div>').format(blocks.headline_html(env)))


def trace_math_html(env: Envelope) -> Markup:
    """The trace table with symbols and formulas as inline MathJax."""
    return blocks.trace_table(
        env,
        symbol=lambda s: math_html(symbol_latex(s)),
        formula=lambda f: math_html(formula_latex(f)),
    )


class EnvelopeViewer:
    """Shows one envelope; ``update(env)`` replaces it, ``clear(message)`` empties it."""

    def __init__(self, env: Envelope | None = None, *, math: bool = True) -> None:
        self.math = math
        self.header = w.HTML()
        self.header.add_class("apx-viewer-header")
        self.checks = w.HTML()
        self.checks.add_class("apx-viewer-checks")
        self.result = w.HTML()
        self.assumptions = w.HTML()
        self.trace = w.HTMLMath() if math else w.HTML()
        self.trace.add_class("apx-viewer-trace")
        self.packs = w.HTML()
        details = w.Accordion(children=[self.result, self.assumptions, self.trace, self.packs])
        for index, title in enumerate(("Result", "Assumptions and applicability", "Calculation trace", "Packs")):
            details.set_title(index, title)
        details.selected_index = None
        self.widget = w.VBox([w.HTML(_STYLE), self.header, self.checks, details])
        self.widget.add_class("apx-viewer")
        if env is not None:
            self.update(env)

    def update(self, env: Envelope) -> None:
        """Show ``env``."""
        self.header.value = header_html(env)
        self.checks.value = str(blocks.checks_table(env))
        self.result.value = str(_STYLE + blocks.result_table(env))
        self.assumptions.value = str(
            Markup("<b>Assumptions</b>")
            + blocks.assumptions_list(env)
            + "<b>Applicability</b>"
            + blocks.applicability_list(env)
            + blocks.warnings_list(env)
        )
        self.trace.value = str(_STYLE + (trace_math_html(env) if self.math else blocks.trace_table(env)))
        self.packs.value = str(_STYLE + blocks.packs_table(env) + blocks.hashes_table(env))

    def clear(self, message: str = "") -> None:
        """Empty the viewer, optionally with a message."""
        self.header.value = html.escape(message)
        for part in (self.checks, self.result, self.assumptions, self.trace, self.packs):
            part.value = ""
