"""``apex-nb app`` (Voila on one app notebook) and ``apex-nb lab`` (JupyterLab on the notebooks)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from apex_nb.app_server import (
    DEFAULT_APP,
    DEFAULT_HOST,
    DEFAULT_PORT,
    AppSettings,
    lab_command,
    resolve_token,
    voila_command,
)


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
        default="",
        help="require this token (?token=...); without a value a random one is made and printed",
    )
    app.add_argument("--pool-size", type=int, default=2, help="preheated kernels (0 = start one per page view)")
    app.add_argument("--cull-idle", type=int, default=600, help="seconds before an idle kernel is culled")
    app.add_argument("--cull-interval", type=int, default=60, help="seconds between idle-kernel sweeps")
    app.add_argument("--timeout", type=int, default=60, help="seconds a notebook may take to execute")
    app.add_argument("--base-url", default="/", help="URL prefix when served behind a reverse proxy (e.g. /quote/)")
    app.add_argument("--projects", default="", help="project store root for saving quotes ($APEX_NB_PROJECTS)")
    app.add_argument("--notebooks", type=Path, help="folder holding the app notebooks")
    app.add_argument(
        "--allow-insecure-network", action="store_true", help="bind a network address without a token (not advised)"
    )
    app.add_argument("--print-command", action="store_true", help="print the Voila command and exit")
    app.set_defaults(func=cmd_app)
    lab = subparsers.add_parser("lab", help="JupyterLab on the notebooks (127.0.0.1)")
    lab.add_argument("--host", default=DEFAULT_HOST)
    lab.add_argument("--port", type=int, default=8888)
    lab.add_argument("--notebooks", type=Path, help="folder to open (default: notebooks/)")
    lab.add_argument("--print-command", action="store_true", help="print the JupyterLab command and exit")
    lab.set_defaults(func=cmd_lab)


def _run(argv: list[str], env: dict[str, str] | None = None) -> int:
    """Run a server in the foreground; Ctrl-C stops it cleanly."""
    process = subprocess.Popen(argv, env=env)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        return process.wait()


def cmd_app(args: argparse.Namespace) -> int:
    """Start Voila on the app notebook."""
    settings = AppSettings(
        app=args.app,
        host=args.host,
        port=args.port,
        token=resolve_token(args.token),
        pool_size=args.pool_size,
        cull_idle_timeout_s=args.cull_idle,
        cull_interval_s=args.cull_interval,
        execution_timeout_s=args.timeout,
        notebooks_dir=args.notebooks,
        projects_dir=args.projects,
        allow_insecure_network=args.allow_insecure_network,
        extra=[f"--Voila.base_url={args.base_url}"] if args.base_url != "/" else [],
    )
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
