"""Formulas and symbols of the trace as LaTeX (for MathJax in the apps) or as plain HTML (reports).

Trace formulas are short texts written by solvers (``0.00256 Kz Kzt Kd Ke V²``,
``2.01 (max(z, 15)/900)^(2/9.5)``). Symbols like ``Kzt`` become ``K_{zt}``; a formula that is
prose (``linear interpolation in the printed table``) stays text. Display only: the envelope
keeps the original strings.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

FUNCTIONS = frozenset({"exp", "max", "min", "ln", "log", "sqrt", "sin", "cos", "tan", "abs"})
GREEK = {
    "α": r"\alpha",
    "β": r"\beta",
    "γ": r"\gamma",
    "δ": r"\delta",
    "ε": r"\varepsilon",
    "φ": r"\phi",
    "Ω": r"\Omega",
    "ω": r"\omega",
    "λ": r"\lambda",
    "ρ": r"\rho",
    "σ": r"\sigma",
    "ψ": r"\psi",
    "θ": r"\theta",
    "μ": r"\mu",
    "π": r"\pi",
    "Δ": r"\Delta",
}
SUPERSCRIPTS = {"²": "2", "³": "3", "¹": "1", "⁰": "0", "⁴": "4", "½": None}
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|\s+|.", re.UNICODE)
_SYMBOL = re.compile(r"^([A-Za-z])([A-Za-z0-9]{0,3})$")


def _escape_tex_text(text: str) -> str:
    return re.sub(r"([_%#&{}$])", r"\\\1", text)


def symbol_latex(symbol: str) -> str:
    """``Kzt`` -> ``K_{zt}``; ``qh`` -> ``q_{h}``; longer names stay upright text."""
    match = _SYMBOL.match(symbol)
    if match and (symbol[0].isupper() or len(symbol) <= 3):
        head, tail = match.groups()
        return f"{head}_{{{tail}}}" if tail else head
    return r"\mathrm{" + _escape_tex_text(symbol) + "}"


def _is_prose(text: str) -> bool:
    words = re.findall(r"[A-Za-z]{4,}", text)
    return any(word.lower() not in FUNCTIONS for word in words)


def formula_latex(formula: str) -> str:
    """A LaTeX rendering of a trace formula (prose becomes ``\\text{...}``)."""
    if not formula:
        return ""
    if _is_prose(formula):
        return r"\text{" + _escape_tex_text(formula) + "}"
    out: list[str] = []
    depth_stack: list[bool] = []  # True when a '(' opened a superscript group
    text = formula.replace("^(", "\x00")
    for token in _TOKEN.findall(text):
        if token == "\x00":
            depth_stack.append(True)
            out.append("^{")
        elif token == "(":
            depth_stack.append(False)
            out.append(r"\left(")
        elif token == ")":
            is_sup = depth_stack.pop() if depth_stack else False
            out.append("}" if is_sup else r"\right)")
        elif token.isspace():
            out.append(r"\,")
        elif SUPERSCRIPTS.get(token):
            out.append("^{" + str(SUPERSCRIPTS[token]) + "}")
        elif token == "½":
            out.append("^{1/2}")
        elif token in GREEK:
            out.append(GREEK[token] + " ")
        elif token in ("*", "·", "×"):
            out.append(r"\cdot ")
        elif token == "√":
            out.append(r"\sqrt")
        elif token[0].isdigit():
            out.append(token)
        elif token[0].isalpha() and token.isascii():
            if token in FUNCTIONS:
                out.append(r"\operatorname{" + token + "}")
            else:
                out.append(symbol_latex(token))
        elif token in "{}_%#&$":
            out.append("\\" + token)
        else:
            out.append(token)
    out.extend("}" if sup else r"\right)" for sup in reversed(depth_stack))
    return "".join(out)


def math_html(latex: str) -> Markup:
    """Inline math for MathJax (``\\( ... \\)``), HTML-escaped."""
    return Markup(r"\({}\)").format(latex) if latex else Markup("")


def symbol_html(symbol: str) -> Markup:
    """``Kzt`` -> ``K<sub>zt</sub>`` for static HTML (reports need no JavaScript)."""
    match = _SYMBOL.match(symbol)
    if match and (symbol[0].isupper() or len(symbol) <= 3):
        head, tail = match.groups()
        return Markup("<i>{}</i><sub>{}</sub>").format(head, tail) if tail else Markup("<i>{}</i>").format(head)
    return escape(symbol)


def formula_html(formula: str) -> Markup:
    """Static HTML of a formula: symbols with subscripts, ``^(...)`` as superscripts."""
    if not formula or _is_prose(formula):
        return escape(formula)
    out: list[Markup] = []
    stack: list[bool] = []
    text = formula.replace("^(", "\x00")
    for token in _TOKEN.findall(text):
        if token == "\x00":
            stack.append(True)
            out.append(Markup("<sup>"))
        elif token == "(":
            stack.append(False)
            out.append(Markup("("))
        elif token == ")":
            out.append(Markup("</sup>" if (stack.pop() if stack else False) else ")"))
        elif token[0].isalpha() and token.isascii() and token not in FUNCTIONS:
            out.append(symbol_html(token))
        else:
            out.append(escape(token))
    out.extend(Markup("</sup>" if sup else "") for sup in reversed(stack))
    return Markup("").join(out)
