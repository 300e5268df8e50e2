"""Change notification shared by the forms: callbacks after an input changes, one per batch of changes.

Kept free of heavy imports so the quick-quote form can use it without loading the solver forms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Self


class ChangeNotifier:
    """``on_change(fn)`` calls ``fn(form)`` after any input changes; ``_one_notification()`` changes
    many inputs and notifies once at the end."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[[Any], None]] = []
        self._muted = False

    def on_change(self, callback: Callable[[Self], None]) -> None:
        """Call ``callback(form)`` after any input changes."""
        self._callbacks.append(callback)

    def _changed(self, _change: Any) -> None:
        if not self._muted:
            self._notify()

    def _notify(self) -> None:
        for callback in self._callbacks:
            callback(self)

    @contextmanager
    def _one_notification(self) -> Iterator[None]:
        """Mute notifications while the block sets many inputs, then notify once (not after an error)."""
        self._muted = True
        try:
            yield
        finally:
            self._muted = False
        self._notify()
