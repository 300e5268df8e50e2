"""Exceptions raised by apex_nb: one family per kind of failure, each with a plain message."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldProblem:
    """One invalid input field: its dotted path, what is wrong and what is allowed."""

    path: str
    message: str
    allowed: str = ""

    def __str__(self) -> str:
        tail = f" (allowed: {self.allowed})" if self.allowed else ""
        return f"{self.path}: {self.message}{tail}"


class ApexError(Exception):
    """Base class of every apex_nb error."""


class InputError(ApexError, ValueError):
    """Invalid solver or notebook input; lists every invalid field with its allowed range."""

    def __init__(self, problems: list[FieldProblem], context: str = "input") -> None:
        self.problems = list(problems)
        self.context = context
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"invalid {context} ({len(self.problems)} problem(s)):\n{lines}")


class PackError(ApexError):
    """A constants pack is missing, fails its schema, or its bytes do not match packs.lock."""


class SolverError(ApexError):
    """A solver produced something that may not reach an envelope (NaN, inf, no convergence)."""


class EnvelopeError(ApexError):
    """An envelope does not verify: its content hash does not match its content."""
