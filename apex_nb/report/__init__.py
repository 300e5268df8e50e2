"""Calc reports: an envelope (or a project's design) as HTML without code, and PDF via headless Chromium.

``render_html(envelope, print_date=...)`` gives one self-contained page (inline CSS and SVG, no
script, no external request): cover, inputs echoed with their descriptions and sources, every
check with its clause, drawings, assumptions and applicability, the calculation trace, and the
envelope and pack hashes. The output depends only on the envelope, the project (when given) and
the print date, so two renders with the same date are byte-identical.

``render_pdf(html_path, pdf_path)`` prints the page with ``/usr/bin/chromium --headless``.
"""

from __future__ import annotations

from apex_nb.report.document import ReportOptions, ReportSource, load_source, render_html, write_package
from apex_nb.report.pdf import ChromiumMissing, chromium_path, render_pdf

__all__ = [
    "ChromiumMissing",
    "ReportOptions",
    "ReportSource",
    "chromium_path",
    "load_source",
    "render_html",
    "render_pdf",
    "write_package",
]
