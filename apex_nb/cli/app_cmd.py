"""``apex-nb app`` (Voila on one app notebook) and ``apex-nb lab`` (JupyterLab on the notebooks).

Stopping: SIGTERM, SIGINT and SIGHUP sent to ``apex-nb`` are passed on to the server as SIGTERM
(Voila then shuts every kernel down and closes its port); whatever of the server's process tree
is still alive after ``STOP_GRACE_S`` is killed, kernels included, so the port is free when
``apex-nb`` exits.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType
from typing import Any

from apex_nb.app_server import (
    DEFAULT_APP,
    DEFAULT_HOST,
    DEFAULT_PORT,
    FRONTENDS,
    TOKEN_ENV,
    AppSettings,
    lab_command,
    resolve_token,
    voila_command,
)
from apex_nb.errors import FieldProblem, InputError

STOP_GRACE_S = 20.0
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


def register(subparsers: Any) -> None:
    """Add the ``app`` and ``lab`` commands."""
    app = subparsers.add_parser("app", help="serve the quick-quote app with Voila (127.0.0.1 by default)")
    app.add_argument("--app", default=DEFAULT_APP, help="app notebook name (marked apex_nb.app in its metadata)")
    app.add_argument("--host", default=DEFAULT_HOST, help="address to bind (default 127.0.0.1)")
    app.add_argument("--port", type=int, default=DEFAULT_PORT)
    app.add_argument(
        "--token",
        nargs="?",
        const="auto",
        default=None,
        help="require a token (?token=...); alone, a random one is made and printed. A value given here "
        f"is visible in `ps`: prefer --token-file or ${TOKEN_ENV}",
    )
    app.add_argument("--token-file", type=Path, help="read the token from this file (first line)")
    app.add_argument("--pool-size", type=int, default=2, help="preheated kernels (0 = start one per page view)")
    app.add_argument(
        "--max-kernels",
        type=int,
        default=None,
        help="most kernels alive at once, pool included (default: sized to this machine's CPUs and memory)",
    )
    app.add_argument("--retry-after", type=int, default=15, help="seconds the busy page asks browsers to wait")
    app.add_argument(
        "--connect-grace", type=int, default=60, help="seconds a page's kernel waits for its browser to connect"
    )
    app.add_argument("--cull-idle", type=int, default=600, help="seconds before an idle kernel is culled")
    app.add_argument("--cull-interval", type=int, default=60, help="seconds between idle-kernel sweeps")
    app.add_argument("--timeout", type=int, default=60, help="seconds a notebook may take to execute")
    app.add_argument("--base-url", default="/", help="URL prefix when served behind a reverse proxy (e.g. /quote/)")
    app.add_argument("--projects", default="", help="project store root for saving quotes ($APEX_NB_PROJECTS)")
    app.add_argument("--notebooks", type=Path, help="folder holding the app notebooks")
    app.add_argument(
        "--frontend",
        choices=FRONTENDS,
        default="",
        help="browser front end: apex (light) or lab (Voila's JupyterLab front end);"
        " default: the notebook's apex_nb.frontend metadata, else apex",
    )
    app.add_argument("--print-command", action="store_true", help="print the Voila command and exit")
    app.set_defaults(func=cmd_app)
    lab = subparsers.add_parser("lab", help="JupyterLab on the notebooks (127.0.0.1)")
    lab.add_argument("--host", default=DEFAULT_HOST)
    lab.add_argument("--port", type=int, default=8888)
    lab.add_argument("--notebooks", type=Path, help="folder to open (default: notebooks/)")
    lab.add_argument("--print-command", action="store_true", help="print the JupyterLab command and exit")
    lab.set_defaults(func=cmd_lab)


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (children first found through /proc; [] where there is none)."""
    children: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie is dead for our purpose
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def stop_server(process: subprocess.Popen[bytes], grace_s: float = STOP_GRACE_S) -> int:
    """SIGTERM the server, wait up to ``grace_s``, then SIGKILL it and anything it left running."""
    tree = _descendants(process.pid)
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        code = process.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        tree = sorted(set(tree) | set(_descendants(process.pid)))
        process.kill()
        code = process.wait()
    deadline = time.monotonic() + 5.0
    leftovers = [pid for pid in tree if _alive(pid)]
    _signal_each(leftovers, signal.SIGTERM)
    while leftovers and time.monotonic() < deadline:
        time.sleep(0.1)
        leftovers = [pid for pid in leftovers if _alive(pid)]
    _signal_each(leftovers, signal.SIGKILL)
    return code


def _signal_each(pids: list[int], signum: signal.Signals) -> None:
    """Send ``signum`` to each process in ``pids`` that still exists."""
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signum)


def _run(argv: list[str], env: dict[str, str] | None = None) -> int:
    """Run a server in the foreground; SIGTERM, SIGINT or SIGHUP stop it and all it started."""
    stop_requested: list[int] = []

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop_requested.append(signum)

    previous = {sig: signal.signal(sig, on_signal) for sig in STOP_SIGNALS}
    try:
        # Its own session: a Ctrl-C in the terminal reaches only us, and we stop the server in order.
        process = subprocess.Popen(argv, env=env, start_new_session=True)
        try:
            while process.poll() is None and not stop_requested:
                try:
                    process.wait(timeout=0.5)
                except subprocess.TimeoutExpired:
                    continue
        finally:
            code = stop_server(process)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0 if stop_requested else code


def _token(args: argparse.Namespace) -> str:
    """The token from --token-file, --token or $APEX_NB_APP_TOKEN ('' when none)."""
    if args.token_file is not None:
        try:
            lines = args.token_file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise InputError([FieldProblem("--token-file", f"cannot read {args.token_file}: {exc.strerror}")]) from None
        return lines[0] if lines else ""
    if args.token is not None:
        return resolve_token(args.token)
    return os.environ.get(TOKEN_ENV, "")


def cmd_app(args: argparse.Namespace) -> int:
    """Start Voila on the app notebook."""
    given_empty = args.token is not None and args.token == ""
    settings = AppSettings(
        app=args.app,
        host=args.host,
        port=args.port,
        token=_token(args),
        pool_size=args.pool_size,
        max_kernels=args.max_kernels,
        retry_after_s=args.retry_after,
        connect_grace_s=args.connect_grace,
        cull_idle_timeout_s=args.cull_idle,
        cull_interval_s=args.cull_interval,
        execution_timeout_s=args.timeout,
        notebooks_dir=args.notebooks,
        projects_dir=args.projects,
        frontend=args.frontend,
        extra=[f"--Voila.base_url={args.base_url}"] if args.base_url != "/" else [],
    )
    if given_empty or (args.token_file is not None and not settings.token.strip()):
        raise InputError([FieldProblem("--token", "is empty", "a token, or --token alone for a random one")])
    argv, env = voila_command(settings)
    if args.print_command:
        print(" ".join(argv))
        return 0
    query = f"?token={settings.token}" if settings.token else ""
    print(f"apex-nb app {settings.app}: http://{settings.host}:{settings.port}/{query}", flush=True)
    sys.stdout.flush()
    return _run(argv, env)


def cmd_lab(args: argparse.Namespace) -> int:
    """Start JupyterLab on the notebooks folder."""
    argv = lab_command(args.host, args.port, args.notebooks)
    if args.print_command:
        print(" ".join(argv))
        return 0
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)
    return _run(argv, env)
