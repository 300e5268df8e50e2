"""The one ``atomic_write``: a crash or a kill leaves either the old file or the new one, whole.

Used by project files (``apex_nb.project.store``), batch outputs, price books and calc packages.
By default the write is also durable (the temp file and then its folder are fsynced, so the new
content and the rename survive an OS crash); verified caches may pass ``durable=False`` (a
per-site run output whose envelope no longer matches the sha256 in its ``run.json`` is simply
run again, and the fsyncs cost more than the runs' small files are worth there).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

#: Temp files start with this and end with ``.tmp`` (``.tmp-<name>.<pid>.<hex>.tmp``), so the
#: project store (``.tmp-*``) and the batch (``.*.tmp``) both find what a killed writer left.
TMP_PREFIX = ".tmp-"


def _fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable."""
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes | str, *, durable: bool = True, sync_dir: bool = True) -> Path:
    """Replace ``path`` with ``data`` (text as UTF-8) through a temp file in its folder and ``os.replace``.

    The folder is created when missing. ``durable`` fsyncs the temp file before the rename and,
    with ``sync_dir``, the folder after it. The file gets the usual permissions (0666 less the
    umask). Returns ``path``.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f"{TMP_PREFIX}{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable and sync_dir:
        _fsync_dir(path.parent)
    return path
