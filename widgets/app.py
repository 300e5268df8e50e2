"""App compositions used by the notebooks, so the notebooks stay a few lines long.

``SolverApp``: a validated form for a solver, live results, drawings, the envelope viewer and an
optional project panel. ``QuickQuoteApp`` is the sales app on ``design.quick_quote``: a form in
plain words (``quote_form``), the price first, the post and foundation in customer words, the
engineer-review state with its reasons, an SVG drawing, "Download quote (PDF)" and "Save to
project".

Rules that keep the page safe in Voila: no ``ipywidgets.Output`` (printing into one during the
first execution hangs some page loads), every error becomes a message in the page (never a
traceback), and every element a test or a user looks for carries a CSS class (``apx-...``).
"""

from __future__ import annotations

import html
import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import ipywidgets as w
from apex_nb.widgets.forms import SolverForm
from apex_nb.widgets.quote_form import QuoteForm
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


def solve_for_page(
    solver_name: str, inputs: Any, form: SolverForm | QuoteForm, say: Callable[[str], None], noun: str
) -> Envelope | None:
    """Solve, or say why there is no ``noun`` (input problems go beside their fields); never a traceback."""
    try:
        return solve(solver_name, inputs)
    except InputError as exc:
        form.show_problems(exc.problems)
        say(f"Fix the highlighted input to see a {noun}.")
    except ApexError as exc:
        say(f"No {noun} for these inputs: {exc}")
    except Exception as exc:  # the page must never show a traceback
        LOG.exception("solve failed")
        say(f"No {noun} for these inputs (internal error: {type(exc).__name__}).")
    return None


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
        envelope = solve_for_page(self.solver_name, inputs, self.form, self._invalid, "result")
        if envelope is None:
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


QUOTE_CSS = """
<style>
.apx-qq-app { font-family: system-ui, sans-serif; max-width: 1180px; }
.apx-qq-app h2 { margin: 4px 0 8px; }
.apx-qq-main { display: flex !important; flex-flow: row wrap; gap: 8px 28px; align-items: flex-start; }
.apx-qq-form-col { flex: 1 1 340px; max-width: 440px; order: 1; min-width: 0; }
.apx-qq-side { flex: 1 1 400px; max-width: 660px; order: 2; min-width: 0; }
.apx-qq-form-col .widget-text, .apx-qq-form-col .widget-dropdown, .apx-qq-side .widget-html {
  width: calc(100% - 2 * var(--jp-widgets-margin, 2px)) !important; }
.apx-qq-section { font-size: 14px; margin: 10px 0 2px; color: #333; }
.apx-field-label { font-weight: 600; }
.apx-field-help { color: #666; font-size: 11px; display: block; }
.apx-field .widget-html-content, .apx-qq-form .widget-html-content { line-height: 1.3; }
.apx-qq-side, .apx-qq-results { box-sizing: border-box; }
.apx-error { color: #cf222e; font-weight: 600; min-height: 0; }
.apx-error .widget-html-content, .apx-qq-results .widget-html-content { line-height: 1.35; }
.apx-qq-results { min-height: 520px; }
.apx-qq-card { box-sizing: border-box; max-width: 100%; border: 1px solid #d0d7de; border-radius: 6px;
  padding: 10px 12px; background: #fff; }
.apx-qq-price { font-size: 26px; font-weight: 700; margin: 2px 0 4px; }
.apx-qq-price small { font-size: 13px; font-weight: 400; color: #555; }
.apx-qq-what { font-size: 14px; margin: 4px 0 8px; }
.apx-qq-line { margin: 3px 0; font-size: 13px; }
.apx-review-yes { background: #fff1e5; border-left: 4px solid #bc4c00; padding: 6px 10px; margin: 8px 0; }
.apx-review-no { background: #dafbe1; border-left: 4px solid #1a7f37; padding: 6px 10px; margin: 8px 0; }
.apx-qq-lines { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0; }
.apx-qq-lines td { border-bottom: 1px solid #eee; padding: 3px 4px; }
.apx-qq-lines td:last-child { text-align: right; white-space: nowrap; }
.apx-qq-lines tr.total td { border-top: 2px solid #333; font-weight: 700; }
.apx-qq-drawing { max-width: 520px; margin: 6px auto 0; }
.apx-stale .apx-qq-stale-part { opacity: 0.3; filter: grayscale(1); }
.apx-stale .apx-qq-drawing { visibility: hidden; }
.apx-app-status { min-height: 1.4em; font-size: 13px; }
.apx-invalid { color: #cf222e; font-weight: 600; }
.apx-qq-actions { display: flex !important; flex-flow: row wrap; gap: 6px; align-items: center; margin: 8px 0; }
.apx-qq-actions .widget-html { width: auto !important; }
@media (max-width: 720px) {
  .apx-qq-side { order: 0; max-width: none; }
  .apx-qq-form-col { max-width: none; }
  .apx-qq-results { min-height: 0; }
  .apx-qq-price { font-size: 30px; }
  .apx-project-panel .widget-hbox { flex-wrap: wrap; }
}
</style>
"""


def default_project_root(option: str = "") -> str:
    """Where quotes are saved: the option, ``$APEX_NB_PROJECTS``, else ``~/.local/share/apex-nb/projects``."""
    root = project_root(option)
    if root:
        return root
    base = Path(os.environ.get("XDG_DATA_HOME", "") or Path.home() / ".local" / "share")
    return str(base / "apex-nb" / "projects")


def _option_labels() -> dict[str, str]:
    """Option labels from the ``quote-terms`` pack (the customer's words)."""
    from apex_nb.packs import PackLibrary, default_packs_root

    try:
        terms = PackLibrary(default_packs_root()).get("quote-terms").data
    except Exception:  # the form still works with short labels
        return {}
    return {option.id: option.label for option in terms.options}


class QuickQuoteApp:
    """The sales quick-quote app: plain words, a price that is never stale, a quote to send.

    The results are one HTML widget rebuilt on every change (one message to the page): the
    price first, what is quoted, the post and foundation in words, the engineer-review state
    with its reasons, the price lines with the options, and an SVG drawing. Invalid input
    greys the results and removes the price at once; nothing moves on the page.
    """

    def __init__(
        self,
        values: Mapping[str, Any] | None = None,
        *,
        envelope: Envelope | None = None,
        projects: str = "",
        solver_name: str = QUICK_QUOTE,
        quotes_dir: str = "",
        price_book: str = "",
    ) -> None:
        self.solver_name = solver_name
        # An approved price book (apex-nb pricebook DIR): a quote that falls on one of its current
        # cells, and whose design is exactly that cell's, is labelled as priced from the book.
        self.price_book = price_book or os.environ.get("APEX_NB_PRICE_BOOK", "")
        self.book_quote: Any = None
        self.available = is_registered(solver_name)
        self.form = QuoteForm(values, _option_labels())
        self.envelope: Envelope | None = None
        self._cache: dict[str, Envelope] = {}
        self._last: tuple[dict[str, Any], Envelope] | None = None
        self.results = w.HTML()
        self.results.add_class("apx-qq-results")
        self.pdf_button = w.Button(
            description="Download quote (PDF)", button_style="primary", layout=w.Layout(width="auto")
        )
        self.pdf_button.add_class("apx-quote-pdf")
        self.pdf_link = w.HTML()
        self.pdf_link.add_class("apx-quote-link")
        self.pdf_button.on_click(lambda _b: self.make_pdf())
        self.quotes_dir = quotes_dir
        self.projects_root = default_project_root(projects)
        self.panel: Any = None  # built on first use: 40 widget models the first page need not load
        self.project_button = w.Button(description="Save to project…", layout=w.Layout(width="auto"))
        self.project_button.add_class("apx-project-open")
        self.project_box = w.VBox()
        self.project_button.on_click(lambda _b: self.open_projects())
        self.viewer: EnvelopeViewer | None = None  # built when the engineer opens the details
        self.details = w.Accordion(children=[w.VBox()])
        self.details.set_title(0, "Engineering details (for the engineer)")
        self.details.selected_index = None
        self.details.observe(lambda _c: self._update_details(), names="selected_index")
        actions = w.HBox([self.pdf_button, self.project_button, self.pdf_link])
        actions.add_class("apx-qq-actions")
        side = w.VBox([self.results, actions, self.project_box])
        side.add_class("apx-qq-side")
        side.add_class("apx-results")
        form_col = w.VBox([self.form.widget])
        form_col.add_class("apx-qq-form-col")
        main = w.HBox([side, form_col])
        main.add_class("apx-qq-main")
        self.widget = w.VBox([w.HTML(QUOTE_CSS + "<h2>Sign quick quote</h2>"), main, self.details])
        self.widget.add_class("apx-app")
        self.widget.add_class("apx-qq-app")
        self.form.on_change(lambda _f: self.recompute())
        if envelope is not None and self.available:
            self._cache[self._key(dict(envelope.inputs))] = envelope
        self.recompute()

    def open_projects(self) -> None:
        """Show the project picker and saver (the store root needs no command-line flag)."""
        if self.panel is None:
            from apex_nb.widgets.project_panel import ProjectPanel

            try:
                Path(self.projects_root).mkdir(parents=True, exist_ok=True)
                self.panel = ProjectPanel(self.projects_root, lambda: self.envelope, sign_name="quick quote")
            except Exception as exc:  # never a traceback in the page
                LOG.exception("project store unavailable at %s", self.projects_root)
                self.project_box.children = [w.HTML(f"⚠ projects unavailable ({html.escape(type(exc).__name__)})")]
                return
            self.project_box.children = [self.panel.widget]
        self.project_button.disabled = True

    # -- computing -----------------------------------------------------------------------------
    @staticmethod
    def _key(values: Mapping[str, Any]) -> str:
        import json

        return json.dumps(dict(values), sort_keys=True, default=str)

    def recompute(self) -> Envelope | None:
        """Read the form; show the price, or a message and greyed results."""
        inputs = self.form.validate()
        if inputs is None:
            self._stale("Fix the highlighted input to see a price.")
            return None
        if not self.available:
            self._stale(f"The {self.solver_name} solver is not installed in this version: no price.")
            return None
        values = inputs.model_dump()
        key = self._key(values)
        envelope = self._cache.get(key)
        if envelope is None:
            envelope = solve_for_page(self.solver_name, inputs, self.form, self._stale, "price")
            if envelope is None:
                return None
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[key] = envelope
        self.book_quote = self._book_cell(values, envelope)
        self.show(envelope)
        return envelope

    def _book_cell(self, values: Mapping[str, Any], envelope: Envelope) -> Any:
        """The approved price-book cell this quote falls on, when its design is exactly that cell's."""
        if not self.price_book:
            return None
        try:
            from apex_nb import pricebook

            found = pricebook.lookup(self.price_book, values)
        except Exception:  # a broken or foreign book never blocks a live quote
            LOG.exception("price book lookup failed")
            return None
        if found is None or found.status != "ok":
            return None
        return found if found.content_sha256 == envelope.result.get("design_content_sha256") else None

    def show(self, envelope: Envelope) -> None:
        """Display a quote envelope."""
        self.envelope = envelope
        self._last = (dict(envelope.inputs), envelope)
        self.results.value = self._results_html(envelope, stale="")
        if self.book_quote is not None:
            self.results.value += f'<div class="apx-from-book">{html.escape(self.book_quote.label)}</div>'
        self.pdf_link.value = ""
        self.pdf_button.disabled = envelope.result.get("quote_total_usd") is None  # no price, no quote
        self._update_details()

    def _stale(self, message: str) -> None:
        self.envelope = None
        self.pdf_button.disabled = True
        self.pdf_link.value = ""
        if self._last is None:
            self.results.value = (
                f"<div class='apx-qq-card apx-stale'><div class='apx-app-status'><span class='apx-invalid'>⚠ "
                f"{html.escape(message)}</span></div><div class='apx-qq-price apx-qq-no-price'>No price yet</div></div>"
            )
        else:
            self.results.value = self._results_html(self._last[1], stale=message)
        self._update_details()

    def _update_details(self) -> None:
        if self.details.selected_index is None:
            return
        if self.viewer is None:
            self.viewer = EnvelopeViewer(math=False)  # the app page has no MathJax: formulas as in the report
            self.details.children = [self.viewer.widget]
        if self.envelope is None:
            self.viewer.clear()
        else:
            self.viewer.update(self.envelope)

    # -- what the customer sees ----------------------------------------------------------------
    def _results_html(self, envelope: Envelope, stale: str) -> str:
        from apex_nb.widgets.quote_drawing import elevation_svg

        from apex_nb.quote import describe, money

        e = html.escape
        d = describe(envelope)
        r = envelope.result
        if stale:
            status = f"<span class='apx-invalid'>⚠ {e(stale)}</span>"
            price = "<div class='apx-qq-price apx-qq-no-price'>No price <small>(inputs not valid)</small></div>"
        elif d.total_usd is None and r.get("design_status") == "designed_not_priced":
            status = "<span class='apx-invalid'>⚠ No price: outside the price book, price it by hand</span>"
            price = "<div class='apx-qq-price apx-qq-no-price'>No price <small>(outside the price book)</small></div>"
        elif d.total_usd is None:
            status = "<span class='apx-invalid'>⚠ No price: this sign needs an engineer's design</span>"
            price = "<div class='apx-qq-price apx-qq-no-price'>No price <small>(engineer's design needed)</small></div>"
        else:
            status = "<span class='apx-ok'>✔ Priced from a full engineering design of this sign</span>"
            price = f"<div class='apx-qq-price'>{money(d.total_usd)} <small>before tax</small></div>"
        if d.needs_review:
            items = "".join(f"<li>{e(x)}</li>" for x in d.review)
            review = (
                "<div class='apx-qq-review apx-review-yes'><b>Needs an engineer's review before it is firm.</b>"
                f"<ul>{items}</ul></div>"
            )
        else:
            review = "<div class='apx-qq-review apx-review-no'>No engineer's review needed for this quote.</div>"
        rows = [("Sign structure, foundation and installation", r.get("price_total_usd"))]
        rows += [(str(o.get("item", "")), o.get("amount_usd")) for o in d.options]
        lines = "".join(f"<tr><td>{e(item)}</td><td>{money(amount)}</td></tr>" for item, amount in rows)
        lines += f"<tr class='total'><td>Total before tax</td><td>{money(d.total_usd)}</td></tr>"
        return (
            f"<div class='apx-qq-card{' apx-stale' if stale else ''}'>"
            f"<div class='apx-app-status'>{status}</div>{price}"
            f"<div class='apx-qq-stale-part'>"
            f"<div class='apx-qq-what'>{e(d.what)}</div>"
            f"<div class='apx-qq-line apx-qq-post'><b>Post:</b> {e(d.post)}</div>"
            f"<div class='apx-qq-line apx-qq-foundation'><b>Foundation:</b> {e(d.foundation)}</div>"
            f"{review}<table class='apx-qq-lines apx-qq-price-lines'>{lines}</table></div>"
            f"<div class='apx-qq-drawing'>{elevation_svg(dict(envelope.inputs), r)}</div></div>"
        )

    # -- the quote document --------------------------------------------------------------------
    def quote_document(self) -> Any:
        """The quote document of the current result (None when the inputs are not valid)."""
        from apex_nb.quote import Customer, build_quote

        if self.envelope is None:
            return None
        c = self.form.customer_values()
        customer = Customer(
            name=c["customer_name"],
            contact=c["customer_contact"],
            site_address=c["site_address"],
            reference=c["customer_reference"],
        )
        return build_quote(self.envelope, customer)

    def make_pdf(self) -> str:
        """Print the quote to PDF and offer it as a download link; return the file path ('' if none)."""
        import base64
        import tempfile

        from apex_nb.quote import write_quote_pdf

        doc = self.quote_document()
        if doc is None or doc.described.total_usd is None:
            self.pdf_link.value = "<span class='apx-invalid'>⚠ no price, so no quote: fix the inputs first</span>"
            return ""
        self.pdf_button.disabled = True
        self.pdf_link.value = "Preparing the quote…"
        try:
            folder = Path(self.quotes_dir or tempfile.mkdtemp(prefix="apex-nb-quote-"))
            path = write_quote_pdf(doc, folder / f"{doc.number}.pdf")
            data = base64.b64encode(path.read_bytes()).decode("ascii")
        except Exception as exc:  # never a traceback in the page
            LOG.exception("quote PDF failed")
            self.pdf_link.value = (
                f"<span class='apx-invalid'>⚠ the PDF could not be made ({html.escape(type(exc).__name__)})</span>"
            )
            return ""
        finally:
            self.pdf_button.disabled = self.envelope is None
        name = html.escape(f"{doc.number}.pdf", quote=True)
        self.pdf_link.value = (
            f"<a class='apx-quote-download' download='{name}' href='data:application/pdf;base64,{data}'>"
            f"⬇ Save {name}</a>"
        )
        return str(path)
