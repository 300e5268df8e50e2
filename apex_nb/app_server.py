"""Voila and JupyterLab command lines for the apps, with the defaults the apps need.

``voila_command`` builds the Voila call behind ``apex-nb app``: one app notebook only (no file
tree), sources stripped, tracebacks hidden, a preheated kernel pool (refilled a few seconds after a
page so the refill does not slow that page), only the widget extensions loaded, idle kernels culled, an
execution timeout, 127.0.0.1 by default, and the offline ``apex`` template (no CDN request; see
``widgets/templates/README.md``). The ``apex`` template runs apex-nb's own light front end
(``widgets/frontend/``: a kernel connection and the standard ipywidgets, about a quarter of the
script JupyterLab's shell needs); ``--frontend lab`` serves the same page with Voila's JupyterLab
front end (``apex-lab`` template) instead, for an app needing another widget library. A
non-loopback host without a token is refused (there is no
override). Voila runs as ``apex_nb.widgets.voila_server`` (a Voila subclass): at most
``max_kernels`` kernels live, page views beyond get a "busy, retry in N s" page, and a page's
kernel is never culled while its browser connects. The token goes to Voila in the environment
(``$APEX_NB_APP_TOKEN``), never on its command line, so ``ps`` does not show it.

App notebooks are marked in their metadata: ``{"apex_nb": {"app": true}}``; only those may be
served. No UI import here: paths are found without importing ``apex_nb.widgets``.
"""

from __future__ import annotations

import importlib.util
import ipaddress
import json
import os
import secrets
import sys
from dataclasses import dataclass, field
from pathlib import Path

from apex_nb.errors import FieldProblem, InputError

DEFAULT_HOST = "127.0.0.1"
TOKEN_ENV = "APEX_NB_APP_TOKEN"
MIN_TOKEN_CHARS = 8
KERNEL_MB = 150
"""Memory budget of one app kernel (measured about 120 MB resident, issue 14) with headroom."""
MEMORY_SHARE = 0.5
"""Share of the memory available at start that app kernels may take by default."""
KERNELS_PER_CPU = 4
"""Default kernels per CPU: a kernel is idle most of the time, but each page load runs the notebook."""
POOL_FILL_DELAY_S = 3.0
"""Wait before a used pool kernel is replaced: the new kernel's start and notebook run (about 2 s
of CPU) then come after the page that took the old one has loaded, not during it (Voila: 1 s)."""
FRONTEND_EXTENSIONS = ("@jupyter-widgets/jupyterlab-manager", "@voila-dashboards/widgets-manager8")
"""The only JupyterLab extensions an app page loads: the widget manager and controls. Anything else
installed in the environment (``jupyterlab_pygments`` comes with nbconvert) is one more script
waterfall before the page is interactive, and apps show no code to highlight."""
DEFAULT_PORT = 8866
DEFAULT_APP = "quick_quote"
TEMPLATE = "apex"
"""The light front end's template (``widgets/templates/voila/templates/apex``)."""
LAB_TEMPLATE = "apex-lab"
"""Voila's JupyterLab front end, offline (``--frontend lab``, or when the light one is not built)."""
FRONTENDS = ("apex", "lab")
FRONTEND_BUNDLE = Path("voila", "templates", TEMPLATE, "static", "apex-app.js")
"""The light front end's script, built by ``make install`` (``tools/build_frontend.sh``)."""
NOTEBOOKS_ENV = "APEX_NB_NOTEBOOKS"
PROJECTS_ENV = "APEX_NB_PROJECTS"


@dataclass
class AppSettings:
    """Everything ``apex-nb app`` passes to Voila."""

    app: str = DEFAULT_APP
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    token: str = ""
    pool_size: int = 2
    max_kernels: int | None = None
    retry_after_s: int = 15
    connect_grace_s: int = 60
    cull_idle_timeout_s: int = 600
    cull_interval_s: int = 60
    execution_timeout_s: int = 60
    pool_fill_delay_s: float = POOL_FILL_DELAY_S
    frontend: str = ""
    """``apex``, ``lab``, or '' for the app notebook's choice (``app_frontend``)."""
    notebooks_dir: Path | None = None
    projects_dir: str = ""
    extra: list[str] = field(default_factory=list)


def repo_root() -> Path:
    """The source tree holding ``apex_nb/`` (notebooks/ sits beside it in a checkout)."""
    return Path(__file__).resolve().parent.parent


def notebooks_dir(settings_dir: Path | None = None) -> Path:
    """``--notebooks DIR``, else ``$APEX_NB_NOTEBOOKS``, else ``<checkout>/notebooks``."""
    if settings_dir is not None:
        return settings_dir
    env = os.environ.get(NOTEBOOKS_ENV)
    return Path(env) if env else repo_root() / "notebooks"


def templates_root() -> Path:
    """The Jupyter data directory holding the ``apex`` Voila template (``widgets/templates``)."""
    spec = importlib.util.find_spec("apex_nb.widgets")
    if spec is None or not spec.submodule_search_locations:
        raise InputError([FieldProblem("apex_nb.widgets", "the widgets layer is not installed")], "app")
    return Path(next(iter(spec.submodule_search_locations))) / "templates"


def frontend_built() -> bool:
    """True when the light front end's script has been built into the ``apex`` template."""
    return (templates_root() / FRONTEND_BUNDLE).is_file()


def app_frontend(settings: AppSettings, notebook: Path) -> str:
    """``--frontend``, else the notebook's ``apex_nb.frontend`` metadata, else ``apex``.

    An app notebook declares ``"frontend": "lab"`` when it needs JupyterLab's front end (MathJax,
    another widget library); the sales quick quote needs neither.
    """
    if settings.frontend:
        return settings.frontend
    return str(_app_metadata(notebook).get("frontend") or "apex")


def template_for(frontend: str) -> str:
    """The Voila template serving ``frontend``; the JupyterLab one if the light one is not built."""
    if frontend == "apex" and frontend_built():
        return TEMPLATE
    if frontend == "apex":
        print(
            "apex-nb app: the light front end is not built (run `make install`, which needs Node.js and npm);"
            " serving Voila's JupyterLab front end instead (slower first page)",
            file=sys.stderr,
        )
    return LAB_TEMPLATE


def _app_metadata(path: Path) -> dict[str, object]:
    """The notebook's ``apex_nb`` metadata ({} when unreadable or absent)."""
    try:
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, ValueError):
        return {}
    found = meta.get("apex_nb") if isinstance(meta, dict) else None
    return found if isinstance(found, dict) else {}


def is_app_notebook(path: Path) -> bool:
    """True when the notebook's metadata marks it as an app (``apex_nb.app = true``)."""
    return bool(_app_metadata(path).get("app"))


def app_notebooks(directory: Path) -> dict[str, Path]:
    """Marked app notebooks by name (file stem)."""
    return {p.stem: p for p in sorted(directory.glob("*.ipynb")) if is_app_notebook(p)}


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def resolve_token(token: str) -> str:
    """``auto`` -> a fresh random token; anything else as given ('' = no token)."""
    return secrets.token_urlsafe(24) if token == "auto" else token


def _available_memory_mb() -> float | None:
    """MemAvailable from /proc/meminfo (Linux), else physical memory, else None."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**20
    except (ValueError, OSError, AttributeError):
        return None


def default_max_kernels(pool_size: int) -> int:
    """Kernels the machine can hold: ``KERNELS_PER_CPU`` per CPU, within ``MEMORY_SHARE`` of memory.

    Never below ``pool_size + 1`` (at least one page can be served beside the pool).
    """
    cpus = os.cpu_count() or 1
    by_cpu = KERNELS_PER_CPU * cpus
    memory = _available_memory_mb()
    by_memory = by_cpu if memory is None else int(memory * MEMORY_SHARE // KERNEL_MB)
    return max(pool_size + 1, min(by_cpu, by_memory))


def max_kernels(settings: AppSettings) -> int:
    """The configured cap, or the default sized to this machine."""
    return settings.max_kernels if settings.max_kernels is not None else default_max_kernels(settings.pool_size)


def check_settings(settings: AppSettings) -> Path:
    """Validate the settings; return the notebook to serve."""
    problems = []
    apps = app_notebooks(notebooks_dir(settings.notebooks_dir))
    if settings.app not in apps:
        problems.append(
            FieldProblem("--app", f"{settings.app!r} is not a marked app notebook", ", ".join(apps) or "none")
        )
    if not (0 < settings.port < 65536):
        problems.append(FieldProblem("--port", f"{settings.port} is not a port", "1..65535"))
    token = settings.token
    if token and (len(token) < MIN_TOKEN_CHARS or any(c.isspace() or not c.isprintable() for c in token)):
        problems.append(
            FieldProblem(
                "--token",
                "is blank, too short or contains spaces or control characters",
                f"at least {MIN_TOKEN_CHARS} printable characters without spaces, or --token alone for a random one",
            )
        )
    if not _is_loopback(settings.host) and not token:
        problems.append(
            FieldProblem(
                "--host",
                f"{settings.host} is reachable from the network and no --token is set",
                "127.0.0.1, or give --token (see docs/APPS.md for a reverse proxy)",
            )
        )
    if settings.pool_size < 0:
        problems.append(FieldProblem("--pool-size", "must not be negative", ">= 0"))
    if settings.frontend:
        if settings.frontend not in FRONTENDS:
            problems.append(
                FieldProblem("--frontend", f"{settings.frontend!r} is not a front end", " or ".join(FRONTENDS))
            )
    elif settings.app in apps and app_frontend(settings, apps[settings.app]) not in FRONTENDS:
        problems.append(
            FieldProblem(
                "apex_nb.frontend",
                f"the metadata of {settings.app}.ipynb names an unknown front end",
                " or ".join(FRONTENDS),
            )
        )
    cap = max_kernels(settings)
    if cap <= settings.pool_size:
        problems.append(
            FieldProblem(
                "--max-kernels", f"{cap} leaves no kernel for a page beside the pool", f"> {settings.pool_size}"
            )
        )
    if settings.retry_after_s < 1:
        problems.append(FieldProblem("--retry-after", "must be at least 1 s", ">= 1"))
    if settings.connect_grace_s < 5:
        problems.append(FieldProblem("--connect-grace", "must be at least 5 s", ">= 5"))
    if problems:
        raise InputError(problems, "app settings")
    return apps[settings.app]


def tuning_args(settings: AppSettings) -> list[str]:
    """The Voila options that make the first page fast (``benchmarks/app.py --compare`` drops them)."""
    allowed = [f"--VoilaConfiguration.extension_allowlist={name}" for name in FRONTEND_EXTENSIONS]
    return [*allowed, f"--VoilaKernelManager.fill_delay={settings.pool_fill_delay_s}"]


def voila_command(settings: AppSettings) -> tuple[list[str], dict[str, str]]:
    """The Voila argv and environment for ``settings`` (validated first)."""
    notebook = check_settings(settings)
    argv = [
        sys.executable,
        "-m",
        "apex_nb.widgets.voila_server",
        str(notebook),
        f"--port={settings.port}",
        f"--Voila.ip={settings.host}",
        "--no-browser",
        f"--template={template_for(app_frontend(settings, notebook))}",
        "--theme=light",
        "--strip_sources=True",
        "--show_tracebacks=False",
        f"--preheat_kernel={settings.pool_size > 0}",
        f"--pool_size={settings.pool_size}",
        f"--MappingKernelManager.cull_idle_timeout={settings.cull_idle_timeout_s}",
        f"--MappingKernelManager.cull_interval={settings.cull_interval_s}",
        "--MappingKernelManager.cull_connected=True",
        f"--VoilaExecutor.timeout={settings.execution_timeout_s}",
        *tuning_args(settings),
        "--Voila.port_retries=0",
        f"--ApexVoila.max_kernels={max_kernels(settings)}",
        f"--ApexVoila.retry_after_s={settings.retry_after_s}",
        f"--ApexVoila.connect_grace_s={settings.connect_grace_s}",
        *settings.extra,
    ]
    env = dict(os.environ)
    env.pop(TOKEN_ENV, None)
    if settings.token:
        env[TOKEN_ENV] = settings.token
    data_path = [str(templates_root())]
    if env.get("JUPYTER_PATH"):
        data_path.append(env["JUPYTER_PATH"])
    env["JUPYTER_PATH"] = os.pathsep.join(data_path)
    if settings.projects_dir:
        env[PROJECTS_ENV] = str(Path(settings.projects_dir).resolve())
    env.pop("MPLBACKEND", None)
    # One page, one kernel: the kernel need not echo every typed value back to the page before it
    # sends the new result (ipywidgets 8 echoes for other views of the same kernel; there are none).
    env.setdefault("JUPYTER_WIDGETS_ECHO", "0")
    return argv, env


def lab_command(host: str = DEFAULT_HOST, port: int = 8888, notebooks: Path | None = None) -> list[str]:
    """JupyterLab on the notebooks folder, headless, bound to ``host`` (root needs --allow-root)."""
    argv = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={notebooks_dir(notebooks)}",
        f"--ServerApp.ip={host}",
        f"--ServerApp.port={port}",
        "--no-browser",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        argv.append("--allow-root")
    return argv
