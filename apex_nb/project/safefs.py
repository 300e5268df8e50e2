"""File access for the project store that never follows a link (issue 14, finding 3).

A project store is usually a git work tree, and git can deliver symbolic links: a linked project
folder, ``events.jsonl`` or attachment would make a save write (or a load read) outside the
store. Every path below the store root is checked with ``lstat`` (a link is refused, whatever
it points to) and files are opened with ``O_NOFOLLOW``, so a link swapped in after the check is
refused by the kernel too. Only regular files are read (a FIFO would block a reader forever),
and a file appended to in place must have a single hard link (another name could be a file
outside the store).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from apex_nb.errors import ApexError

O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


class UnsafePath(ApexError):
    """A store path is a link, not the kind of file expected, or resolves outside the store root."""


def check_no_link(path: Path, *, kind: str = "any") -> os.stat_result | None:
    """``lstat`` of ``path`` (None when absent); UnsafePath when it is a link or the wrong kind.

    ``kind`` is ``"dir"``, ``"file"`` (regular file) or ``"any"``.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(info.st_mode):
        raise UnsafePath(
            f"refusing {path}: it is a symbolic link (the project store never follows links; "
            "remove the link or replace it with the real folder or file)"
        )
    if kind == "dir" and not stat.S_ISDIR(info.st_mode):
        raise UnsafePath(f"refusing {path}: expected a folder")
    if kind == "file" and not stat.S_ISREG(info.st_mode):
        raise UnsafePath(f"refusing {path}: expected a regular file")
    return info


def check_inside(path: Path, root: Path) -> None:
    """UnsafePath when ``path`` (resolved, links followed) is not inside ``root`` (resolved)."""
    real_root = os.path.realpath(root)
    real = os.path.realpath(path)
    if os.path.commonpath([real_root, real]) != real_root:
        raise UnsafePath(f"refusing {path}: it resolves to {real}, outside the store root {real_root}")


def open_nofollow(path: Path, flags: int, mode: int = 0o666, *, single_link: bool = False) -> int:
    """``os.open`` with ``O_NOFOLLOW`` that accepts only a regular file; returns the descriptor.

    Raises FileNotFoundError when absent (and not created), UnsafePath for a link, a non-regular
    file, or (``single_link``) a file with more than one hard link.
    """
    try:
        fd = os.open(path, flags | O_NOFOLLOW | O_NONBLOCK, mode)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafePath(
                f"refusing {path}: it is a symbolic link (the project store never follows links)"
            ) from None
        if exc.errno in (errno.ENXIO, errno.EISDIR):
            raise UnsafePath(f"refusing {path}: expected a regular file") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafePath(f"refusing {path}: expected a regular file")
        if single_link and info.st_nlink > 1:
            raise UnsafePath(
                f"refusing {path}: it has {info.st_nlink} hard links (another name may be outside the store)"
            )
        if O_NONBLOCK:
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_bytes_nofollow(path: Path, *, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file opened without following links (FileNotFoundError if absent).

    With ``max_bytes``, a larger file raises ValueError before it is read.
    """
    fd = open_nofollow(path, os.O_RDONLY)
    with os.fdopen(fd, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if max_bytes is not None and size > max_bytes:
            raise ValueError(f"{size} bytes exceeds the limit of {max_bytes}")
        return handle.read()
