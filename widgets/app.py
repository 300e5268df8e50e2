"""App compositions used by the notebooks, so the notebooks stay a few lines long.

``SolverApp``: a validated form for a solver, live results, drawings, the envelope viewer and an
optional project panel. ``QuickQuoteApp`` specialises the headline for ``design.quick_quote``:
post, foundation, price, confidence and a clear "needs engineer review" flag.

Rules that keep the page safe in Voila: no ``ipywidgets.Output`` (printing into one during the
first execution hangs some page loads), every error becomes a message in the page (never a
traceback), and every element a test or a user looks for carries a CSS class (``apx-...``).
"""

from __future__ import annotations

import html
import logging
import os
from collections.abc import Mapping
from typing import Any

import ipywidgets as w
from apex_nb.widgets.forms import SolverForm
from apex_nb.widgets.viewer import EnvelopeViewer

from apex_nb.envelope import Envelope
from apex_nb.errors import ApexError, InputError
from apex_nb.registry import get_solver, list_solvers, solve

LOG = logging.getLogger("apex_nb.app")
QUICK_QUOTE = "design.quick_quote"
PROJECTS_ENV = "APEX_NB_PROJECTS"

APP_CSS = """
<style>
.apx-app { font-family: system-ui, sans-serif; }
.apx-app-status { min-height: 1.4em; }
.apx-headline { font-size: 15px; margin: 2px 0; }
.apx-review-yes { background: #fff1e5; border-left: 4px solid #bc4c00; padding: 6px 10px; font-weight: 600; }
.apx-review-no { background: #dafbe1; border-left: 4px solid #1a7f37; padding: 6px 10px; }
.apx-price { font-size: 22px; font-weight: 700; }
</style>
"""


def is_registered(name: str) -> bool:
    """True when solver ``name`` is registered."""
    return any(s.name == name for s in list_solvers())


def project_root(option: str = "") -> str:
    """The project store root: the notebook option, else ``$APEX_NB_PROJECTS``, else '' (no panel)."""
    return option or os.environ.get(PROJECTS_ENV, "")


def _drawing_png(kind: str, env: Envelope | None) -> bytes:
    from apex_nb.widgets import drawings  # matplotlib loads on the first drawing, not at page start

    figure = {
        "elevation": drawings.sign_elevation,
        "loads": drawings.load_diagram,
        "pressure": drawings.pressure_regions,
    }
    return drawings.figure_png(figure[kind](env))


class SolverApp:
    """Form -> solve -> headline, drawings, viewer; ``widget`` is the whole app."""

    drawing_kinds: tuple[str, ...] = ("elevation", "loads", "pressure")

    def __init__(
        self,
        solver_name: str,
        values: Mapping[str, Any] | None = None,
        *,
        model: Any = None,
        title: str = "",
        envelope: Envelope | None = None,
        projects: str = "",
        show_drawings: bool = True,
        report_dir: str = "",
    ) -> None:
        self.solver_name = solver_name
        self.report_dir = report_dir
        self.available = is_registered(solver_name)
        input_model = get_solver(solver_name).input_model if self.available else model
        if input_model is None:
            raise ValueError(f"solver {solver_name} is not registered and no input model was given")
        self.form = SolverForm(input_model, values)
        self.envelope: Envelope | None = None
        self.status = w.HTML()
        self.status.add_class("apx-app-status")
        self.headline = w.VBox()
        self.headline.add_class("apx-headline-box")
        self.show_drawings = show_drawings
        self.images = {
            kind: w.Image(format="png", layout=w.Layout(max_width="460px", height="auto", object_fit="contain"))
            for kind in self.drawing_kinds
        }
        for kind, image in self.images.items():
            image.add_class(f"apx-drawing-{kind}")
        self.viewer = EnvelopeViewer()
        details = w.Accordion(children=[self.viewer.widget])
        details.set_title(0, "Calculation details")
        details.selected_index = None
        self.panel = None
        if projects:
            from apex_nb.widgets.project_panel import ProjectPanel

            self.panel = ProjectPanel(projects, lambda: self.envelope, sign_name=title or solver_name)
        right = w.VBox([self.status, self.headline], layout=w.Layout(margin="0 0 0 24px"))
        right.add_class("apx-results")
        top = w.HBox([self.form.widget, right], layout=w.Layout(flex_flow="row wrap"))
        children: list[w.Widget] = [w.HTML(APP_CSS)]
        if title:
            children.append(w.HTML(f"<h2>{html.escape(title)}</h2>"))
        children.append(top)
        if show_drawings:
            pictures = w.HBox(list(self.images.values()), layout=w.Layout(flex_flow="row wrap"))
            pictures.add_class("apx-drawings")
            children.append(pictures)
        children.append(details)
        if self.panel is not None:
            children.append(self.panel.widget)
        if report_dir:
            button = w.Button(description="Export calc report")
            button.add_class("apx-report-button")
            self.report_status = w.HTML()
            self.report_status.add_class("apx-report-status")
            button.on_click(lambda _b: self.export_report())
            children.append(w.HBox([button, self.report_status]))
        self.widget = w.VBox(children)
        self.widget.add_class("apx-app")
        self.form.on_change(lambda _f: self.recompute())
        if not self.available:
            self._unavailable()
        elif envelope is not None:
            self.show(envelope)
        else:
            self.recompute()

    # -- computing ---------------------------------------------------------------------------
    def _unavailable(self) -> None:
        self.status.value = (
            f'<span class="apx-unavailable">⚠ The {html.escape(self.solver_name)} solver is not installed in this '
            "version: the form is shown, results are not available.</span>"
        )

    def recompute(self) -> Envelope | None:
        """Validate the form and solve; errors go beside their fields or into the status line."""
        inputs = self.form.validate()
        if inputs is None:
            self._invalid("Fix the highlighted input to see a result.")
            return None
        if not self.available:
            self._unavailable()
            return None
        try:
            envelope = solve(self.solver_name, inputs)
        except InputError as exc:
            self.form.show_problems(exc.problems)
            self._invalid("Fix the highlighted input to see a result.")
            return None
        except ApexError as exc:
            self._invalid(f"No result for these inputs: {exc}")
            return None
        except Exception as exc:  # the page must never show a traceback
            LOG.exception("solve failed")
            self._invalid(f"No result for these inputs (internal error: {type(exc).__name__}).")
            return None
        self.show(envelope)
        return envelope

    def export_report(self) -> str:
        """Write the calc report of the current envelope to ``report_dir``; return the path ('' if none)."""
        from pathlib import Path

        from apex_nb.report import render_html

        if self.envelope is None:
            self.report_status.value = "⚠ no valid result to report"
            return ""
        target = Path(self.report_dir) / f"{self.envelope.solver.name}-{self.envelope.content_sha256[-12:]}.html"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render_html(self.envelope), encoding="utf-8")
        except (OSError, ApexError) as exc:
            self.report_status.value = f"⚠ {html.escape(str(exc))}"
            return ""
        self.report_status.value = f"✔ wrote {html.escape(str(target))}"
        return str(target)

    def _invalid(self, message: str) -> None:
        self.envelope = None
        self.status.value = f'<span class="apx-invalid">⚠ {html.escape(message)}</span>'
        self.headline.children = [self._line("apx-headline apx-result-empty", "—")]
        self.viewer.clear()

    def show(self, envelope: Envelope) -> None:
        """Display an envelope (headline, drawings, viewer)."""
        self.envelope = envelope
        verdict = "all checks pass" if envelope.passed else "a check fails"
        self.status.value = (
            f'<span class="apx-ok">✔ {html.escape(envelope.solver.name)}: {verdict}, confidence '
            f"{envelope.confidence:.2f}</span>"
        )
        self.headline.children = self.headline_widgets(envelope)
        if self.show_drawings:
            for kind, image in self.images.items():
                try:
                    image.value = _drawing_png(kind, envelope)
                except Exception:  # a drawing must never break the app
                    LOG.exception("drawing %s failed", kind)
        self.viewer.update(envelope)

    @staticmethod
    def _line(css: str, content: str) -> w.HTML:
        line = w.HTML(content)
        for name in css.split():
            line.add_class(name)
        return line

    def headline_widgets(self, envelope: Envelope) -> list[w.Widget]:
        """One line per numeric or text result (overridden by specialised apps)."""
        lines = []
        for key, value in envelope.result.items():
            if isinstance(value, (dict, list)):
                continue
            shown = f"{value:.4g}" if isinstance(value, float) else html.escape(str(value))
            lines.append(
                self._line(f"apx-headline apx-result-{key.replace('_', '-')}", f"{html.escape(key)}: <b>{shown}</b>")
            )
        return lines


def _money(value: Any, cents: bool = False) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "–"
    return f"${value:,.2f}" if cents else f"${value:,.0f}"


def _num(value: Any, digits: int = 2) -> str:
    return f"{value:.{digits}f}" if isinstance(value, (int, float)) and not isinstance(value, bool) else "–"


class QuickQuoteApp(SolverApp):
    """The sales quick-quote app: post, foundation, price, confidence, engineer-review flag."""

    def __init__(
        self,
        values: Mapping[str, Any] | None = None,
        *,
        envelope: Envelope | None = None,
        projects: str = "",
        solver_name: str = QUICK_QUOTE,
        price_book: str = "",
    ) -> None:
        from apex_nb.solvers.design.quick_quote_inputs import QuickQuoteInput

        # an approved price book (apex-nb pricebook DIR): inputs on a cell quote from it, instantly
        self.price_book = price_book or os.environ.get("APEX_NB_PRICE_BOOK", "")
        self.book_quote: Any = None
        super().__init__(
            solver_name,
            values,
            model=QuickQuoteInput,
            title="Sign quick quote",
            envelope=envelope,
            projects=projects,
        )

    def recompute(self) -> Envelope | None:
        """Quote from the price book when the inputs fall on an approved, current cell; else design live."""
        self.book_quote = None
        if self.price_book and self.available:
            inputs = self.form.validate()
            if inputs is None:
                return super().recompute()
            try:
                from apex_nb import pricebook

                found = pricebook.lookup(self.price_book, inputs.model_dump(mode="json"))
                envelope = pricebook.cell_envelope(self.price_book, found.cell_id) if found else None
            except Exception:  # a broken book never blocks a live quote
                LOG.exception("price book lookup failed")
                found, envelope = None, None
            if found is not None and found.status == "ok" and envelope is not None:
                self.book_quote = found
                self.show(envelope)
                self.status.value += f' <span class="apx-from-book">{html.escape(found.label)}</span>'
                return envelope
        return super().recompute()

    def headline_widgets(self, envelope: Envelope) -> list[w.Widget]:
        """Post, foundation, price, confidence, review flag and price lines."""
        r = envelope.result
        count = r.get("post_count", 1)
        post = f"{html.escape(str(r.get('post_label', '–')))}" + (f" × {count}" if count and count != 1 else "")
        foundation = (
            f"{html.escape(str(r.get('foundation_type', '–')))}: ⌀ {_num(r.get('footing_diameter_ft'))} ft × "
            f"{_num(r.get('footing_depth_ft'))} ft deep, {_num(r.get('concrete_yd3'))} yd³ concrete"
        )
        review = bool(r.get("needs_engineer_review", True))
        reasons = [str(x) for x in r.get("review_reasons", []) or []]
        if review:
            items = "".join(f"<li>{html.escape(x)}</li>" for x in reasons)
            flag = f"NEEDS ENGINEER REVIEW<ul>{items}</ul>"
        else:
            flag = "No engineer review needed"
        lines = r.get("price_lines") or []
        rows = "".join(
            f"<tr><td>{html.escape(str(x.get('item', '')))}</td><td>{_num(x.get('quantity'))}"
            f" {html.escape(str(x.get('unit', '')))}</td><td>{_money(x.get('unit_price_usd'), cents=True)}</td>"
            f"<td>{_money(x.get('amount_usd'))}</td></tr>"
            for x in lines
            if isinstance(x, dict)
        )
        direct = sum(
            x["amount_usd"] for x in lines if isinstance(x, dict) and isinstance(x.get("amount_usd"), (int, float))
        )
        total = r.get("price_total_usd")
        if isinstance(total, (int, float)) and total - direct > 0.005:
            rows += f"<tr><td>overhead and margin</td><td></td><td></td><td>{_money(total - direct)}</td></tr>"
        rows += f"<tr><th>total</th><td></td><td></td><th>{_money(total)}</th></tr>"
        table = (
            '<table class="apx-table"><tr><th>item</th><th>quantity</th><th>unit price</th><th>amount</th></tr>'
            f"{rows}</table>"
        )
        governing = html.escape(str(r.get("governing_check", "")))
        return [
            self._line(
                "apx-headline apx-qq-price", f'Price <span class="apx-price">{_money(r.get("price_total_usd"))}</span>'
            ),
            self._line("apx-headline apx-qq-post", f"Post: <b>{post}</b>"),
            self._line("apx-headline apx-qq-foundation", f"Foundation: <b>{foundation}</b>"),
            self._line(
                "apx-headline apx-qq-confidence",
                f"Confidence: <b>{envelope.confidence:.2f}</b>" + (f" (governing: {governing})" if governing else ""),
            ),
            self._line(f"apx-qq-review {'apx-review-yes' if review else 'apx-review-no'}", flag),
            self._line("apx-qq-price-lines", table),
        ]
