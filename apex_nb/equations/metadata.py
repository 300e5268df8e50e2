"""Formula metadata carried by each equation function, so a formula is written once (issue 17).

An equation function is decorated with ``@equation(formula=..., clause=..., number=...)``; the
trace and the calc report read the formula from there (``Calc.apply`` or ``formula_of``) instead
of a copy typed again in a solver. A formula may hold ``{name}`` placeholders for coefficients
that come from packs (``"{phi:g} Npn"``); ``formula_of`` fills them. The registry of decorated
functions lets a test assert that every formula recorded in a trace comes from here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?::[^{}]*)?\}")
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_SYMBOL = r"\S+"
_PATTERNS: dict[str, re.Pattern[str]] = {}


@dataclass(frozen=True)
class Equation:
    """What a trace line shows for one equation: formula text, clause, equation number, editions."""

    name: str
    formula: str
    clause: str = ""
    number: str = ""
    editions: tuple[str, ...] = ()

    def fill(self, **values: Any) -> str:
        """The formula with its ``{placeholders}`` filled (str.format rules)."""
        return self.formula.format(**values) if values else self.formula

    def matches(self, text: str) -> bool:
        """True when ``text`` is this formula with its placeholders filled in.

        A placeholder with a format spec (``{phi:g}``) stands for a number, one without
        (``{load}``) for one symbol (no spaces): a generic formula such as ``{phi:g} {rn}`` must
        not match any text that merely has a space in it.
        """
        return self._pattern().fullmatch(text) is not None

    def _pattern(self) -> re.Pattern[str]:
        cached = _PATTERNS.get(self.formula)
        if cached is None:
            pieces: list[str] = []
            last = 0
            for found in _PLACEHOLDER.finditer(self.formula):
                pieces.append(re.escape(self.formula[last : found.start()]))
                pieces.append(_NUMBER if ":" in found.group(0) else _SYMBOL)
                last = found.end()
            pieces.append(re.escape(self.formula[last:]))
            cached = _PATTERNS[self.formula] = re.compile("".join(pieces), flags=re.DOTALL)
        return cached


_REGISTRY: dict[str, Equation] = {}


def equation(formula: str, *, clause: str = "", number: str = "", editions: tuple[str, ...] = ()) -> Callable[[F], F]:
    """Attach an ``Equation`` to a function as ``__equation__`` and register it by qualified name."""

    def wrap(fn: F) -> F:
        name = f"{fn.__module__}.{fn.__qualname__}"
        meta = Equation(name=name, formula=formula, clause=clause, number=number, editions=editions)
        fn.__equation__ = meta  # type: ignore[attr-defined]
        _REGISTRY[name] = meta
        return fn

    return wrap


def equation_of(fn: Callable[..., Any]) -> Equation:
    """The metadata of a decorated equation function; TypeError names an undecorated one."""
    meta = getattr(fn, "__equation__", None)
    if not isinstance(meta, Equation):
        raise TypeError(f"{getattr(fn, '__qualname__', fn)!r} carries no @equation metadata")
    return meta


def formula_of(fn: Callable[..., Any], **values: Any) -> str:
    """The formula text of a decorated equation function, placeholders filled from ``values``."""
    return equation_of(fn).fill(**values)


def registered() -> dict[str, Equation]:
    """Every decorated equation imported so far, by qualified name (a copy)."""
    return dict(_REGISTRY)
