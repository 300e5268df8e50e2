"""Short error messages in notebooks: an ``ApexError`` shows its message, not a library traceback.

``install()`` registers an IPython custom exception handler for ``apex_nb.errors.ApexError``
(InputError naming each bad field and its allowed range, PackError, ...). The cell still fails
(Run All stops there, papermill raises ``PapermillExecutionError`` with the error's name and
message), but the page shows two readable lines instead of thirty frames of pydantic and
apex_nb internals. Other exceptions keep the full traceback: they are bugs to report.
"""

from __future__ import annotations

from typing import Any

from apex_nb.errors import ApexError, InputError


def message(error: BaseException) -> list[str]:
    """The lines shown for ``error``: its kind, then its message (one line per bad field)."""
    head = (
        "Invalid input — fix the parameter named below and run again:"
        if isinstance(error, InputError)
        else (f"{type(error).__name__}:")
    )
    return [head, *str(error).splitlines()]


def _handler(shell: Any, etype: type[BaseException], value: BaseException, tb: Any, tb_offset: Any = None) -> list[str]:
    lines = message(value)
    shell._showtraceback(etype, value, lines)  # an "error" output with ename/evalue, and these lines as text
    return lines


def install() -> bool:
    """Use the short messages in the running IPython kernel; False outside IPython (nothing done)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    shell.set_custom_exc((ApexError,), _handler)
    return True
