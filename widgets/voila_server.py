"""Voila for ``apex-nb app`` that holds under a crowd: a cap on live kernels and a polite busy page.

Run as ``python -m apex_nb.widgets.voila_server NOTEBOOK --ApexVoila.max_kernels=N ...`` (the
command line is built by ``apex_nb.app_server.voila_command``; every stock Voila option works).

Why a Voila subclass and not a proxy in front of Voila: Voila itself knows which kernels are
alive, which one a page was handed and whether its browser has connected. A proxy would have to
guess that from HTTP and WebSocket traffic, adds a hop to every widget message, and jupyter-server
has no kernel limit of its own. What this adds (issue 14, findings 5 and 6):

- **Cap.** At most ``max_kernels`` kernels live at once, the preheated pool included: a page view
  is admitted while ``pages + pages being admitted < max_kernels - pool_size``; beyond that it
  gets HTTP 503 with ``Retry-After`` and a small page ("busy, retry in N s") that reloads itself.
- **Preheated kernels reused.** Admitted pages take kernels from Voila's pool as before.
- **No kernel for requests that are not page views.** Only a GET that asks for HTML (a browser
  navigation: ``Sec-Fetch-Dest: document`` or ``Accept`` naming ``text/html``) starts or takes a
  kernel; anything else gets 406 and a one-line hint.
- **Culling never kills a kernel whose page is still connecting.** A kernel handed to a page is
  never culled while its page is still being sent, nor for ``connect_grace_s`` after that while
  no browser has connected to it; once that grace has passed with no connection (a bare GET, a
  closed tab) it is shut down, so abandoned page views free their slot in ``connect_grace_s``
  instead of the idle timeout.
- **Clean stop.** SIGTERM and SIGINT stop the IO loop, then every kernel is shut down
  (Voila's own ``stop``); the token arrives in ``$APEX_NB_APP_TOKEN`` (never on the command
  line, so ``ps`` does not show it) and is removed from the environment kernels inherit.
"""

from __future__ import annotations

import contextvars
import math
import os
import time
from typing import Any

import tornado.web
from traitlets import Float, Integer
from voila import app as voila_app
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

TOKEN_ENV = "APEX_NB_APP_TOKEN"
_REQUEST: contextvars.ContextVar[int | None] = contextvars.ContextVar("apex_nb_page_request", default=None)
"""The admitted page view being served in this task (kernels handed out here belong to it)."""
BUSY_CLASS = "apx-busy"
POOL_READY = "Preheated kernel ready (notebook executed):"

BUSY_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="{retry}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Busy - please retry</title>
<style>body{{font-family:system-ui,sans-serif;margin:15vh auto;max-width:34em;color:#1f2328}}
h1{{font-size:20px}}</style></head>
<body><div class="{css}"><h1>The app is busy</h1>
<p>All {capacity} sessions are in use right now. This page tries again by itself in
<b class="apx-busy-retry">{retry}</b> s; you can also reload it.</p></div></body></html>
"""


class PageKernels:
    """Mixin for Voila's kernel manager: which kernels serve pages, and culling that spares them.

    Put in front of the class Voila builds (preheated pool or not); pool kernels are started by
    the pool through the base class and never pass through ``start_kernel`` here.
    """

    connect_grace_s: float = 60.0

    def _pages(self) -> dict[str, float]:
        """kernel id -> monotonic time since when no browser is connected.

        ``math.inf`` while the page is still being sent, ``0.0`` while a browser is connected.
        """
        if not hasattr(self, "_apex_pages"):
            self._apex_pages: dict[str, float] = {}
            self._apex_pending: dict[int, str | None] = {}
        return self._apex_pages

    def page_count(self) -> int:
        """Kernels handed to pages plus page views admitted and still waiting for one."""
        self._pages()
        waiting = sum(1 for kernel_id in self._apex_pending.values() if kernel_id is None)
        return len(self._apex_pages) + waiting

    def admit(self, token: int) -> None:
        """Count an admitted page view until its kernel is handed over (or it ends)."""
        self._pages()
        self._apex_pending[token] = None

    def release(self, token: int) -> None:
        """The page has been sent: its kernel's connect grace starts now."""
        self._pages()
        kernel_id = self._apex_pending.pop(token, None)
        if kernel_id is not None and self._apex_pages.get(kernel_id) == math.inf:
            self._apex_pages[kernel_id] = time.monotonic()

    def _handed(self, kernel_id: str) -> None:
        pages = self._pages()
        token = _REQUEST.get()
        if token is not None and token in self._apex_pending:
            self._apex_pending[token] = kernel_id
            pages[kernel_id] = math.inf
        else:  # not through the capped page handler: the grace starts now
            pages[kernel_id] = time.monotonic()
        self._touch(kernel_id)  # a preheated kernel may have been idle for long: it is fresh now

    def _touch(self, kernel_id: str) -> None:
        kernel = self._kernels.get(kernel_id)  # type: ignore[attr-defined]
        if kernel is not None:
            from jupyter_server._tz import utcnow

            kernel.last_activity = utcnow()

    async def _initialize(self, notebook_path: str, kernel_id: str | None = None, **kwargs: Any) -> Any:
        """Voila's pool start; logs ``POOL_READY`` once the kernel has run the whole notebook.

        Voila logs "pool is filled" when the kernels have *started*; a page taken before the
        notebook has run waits for it. This line says when a pool kernel is really preheated.
        """
        content = await super()._initialize(notebook_path, kernel_id, **kwargs)  # type: ignore[misc]
        renderer, started = content["renderer"], content["kernel_id"]

        def ready(task: Any) -> None:
            if not task.cancelled() and task.exception() is None and not renderer.stop_generator:
                self.log.info("%s %s", POOL_READY, started)  # type: ignore[attr-defined]

        content["task"].add_done_callback(ready)
        return content

    async def get_rendered_notebook(self, *args: Any, **kwargs: Any) -> Any:
        """Voila's preheated path: the kernel taken from the pool now serves a page."""
        render_task, cache, kernel_id = await super().get_rendered_notebook(*args, **kwargs)  # type: ignore[misc]
        self._handed(kernel_id)
        return render_task, cache, kernel_id

    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:
        """A kernel started for one page (pool empty or preheating off)."""
        kernel_id = await super().start_kernel(*args, **kwargs)  # type: ignore[misc]
        self._handed(kernel_id)
        return kernel_id

    def notify_connect(self, kernel_id: str) -> None:
        """A browser connected to the kernel's channels."""
        super().notify_connect(kernel_id)  # type: ignore[misc]
        pages = self._pages()
        if kernel_id in pages:
            pages[kernel_id] = 0.0
            self._touch(kernel_id)  # the idle clock of a page's kernel starts when its browser arrives

    def notify_disconnect(self, kernel_id: str) -> None:
        """A browser went away; the kernel gets the connect grace again before it is freed."""
        super().notify_disconnect(kernel_id)  # type: ignore[misc]
        pages = self._pages()
        if kernel_id in pages and self._kernel_connections.get(kernel_id, 0) <= 0:  # type: ignore[attr-defined]
            pages[kernel_id] = time.monotonic()

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        """Spare a page's kernel while its browser connects; free it when none came in time."""
        since = self._pages().get(kernel_id)
        if since:  # handed to a page, no browser connected
            if time.monotonic() - since < self.connect_grace_s:
                return
            self.log.warning("Shutting down kernel %s: no browser connected within %.0f s", kernel_id,  # type: ignore[attr-defined]
                             self.connect_grace_s)  # fmt: skip
            await self.shutdown_kernel(kernel_id)
            return
        await super().cull_kernel_if_idle(kernel_id)  # type: ignore[misc]

    async def shutdown_kernel(self, kernel_id: str, *args: Any, **kwargs: Any) -> Any:
        """Forget the page, then shut the kernel down."""
        self._pages().pop(kernel_id, None)
        return await super().shutdown_kernel(kernel_id, *args, **kwargs)  # type: ignore[misc]

    async def shutdown_all(self, *args: Any, **kwargs: Any) -> Any:
        """Forget every page, then shut every kernel down."""
        self._pages().clear()
        return await super().shutdown_all(*args, **kwargs)  # type: ignore[misc]


def _capped_factory(original: Any, settings: ApexVoila) -> Any:
    def factory(*args: Any, **kwargs: Any) -> Any:
        base = original(*args, **kwargs)
        attrs = {"connect_grace_s": settings.connect_grace_s}
        return type("ApexKernelManager", (PageKernels, base), attrs)

    return factory


def is_page_view(handler: tornado.web.RequestHandler) -> bool:
    """A browser navigation asking for HTML (not a script, a probe, a prefetch or a bare GET)."""
    headers = handler.request.headers
    if headers.get("Sec-Purpose", "").startswith("prefetch") or headers.get("Purpose", "") == "prefetch":
        return False
    dest = headers.get("Sec-Fetch-Dest")
    if dest is not None:
        return dest in ("document", "iframe")
    return "text/html" in headers.get("Accept", "")


class CappedVoilaHandler(TornadoVoilaHandler):
    """The app page: admitted while there is room, else the busy page (503, Retry-After)."""

    @tornado.web.authenticated
    async def get(self, path: str | None = None) -> None:
        """Serve the page within the cap; anything that is not a page view starts no kernel."""
        if path:  # single-notebook mode redirects other paths to files: no kernel
            await super().get(path=path)
            return
        app: ApexVoila = self.settings["apex_voila"]
        manager = self.kernel_manager
        if not is_page_view(self):
            self.set_status(406)
            self.set_header("Content-Type", "text/plain; charset=utf-8")
            self.finish("apex-nb app: open this address in a web browser.\n")
            return
        capacity = max(0, app.max_kernels - app.pool_size)
        if manager.page_count() >= capacity:
            app.busy_pages += 1
            self.set_status(503)
            self.set_header("Retry-After", str(app.retry_after_s))
            self.set_header("Cache-Control", "no-store")
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(BUSY_PAGE.format(retry=app.retry_after_s, capacity=capacity, css=BUSY_CLASS))
            return
        token = id(self)
        manager.admit(token)
        reset = _REQUEST.set(token)
        try:
            await super().get(path=path)
        finally:
            _REQUEST.reset(reset)
            manager.release(token)


class ApexVoila(Voila):
    """Voila with the kernel cap, the busy page and the connect grace (see the module docstring)."""

    name = "apex-voila"
    max_kernels = Integer(8, config=True, help="most kernels alive at once, the preheated pool included")
    pool_size = Integer(0, config=True, help="size of the preheated pool (the same as --pool_size)")
    retry_after_s = Integer(15, config=True, help="seconds the busy page asks the browser to wait")
    connect_grace_s = Float(60.0, config=True, help="seconds a page's kernel waits for its browser")
    busy_pages = 0

    def initialize(self, argv: Any = None) -> None:
        """Voila's setup, with the token taken from the environment (and removed from it)."""
        token = os.environ.pop(TOKEN_ENV, None)
        super().initialize(argv)
        if token:
            self.token = token
        self.pool_size = self.voila_configuration.default_pool_size if self.voila_configuration.preheat_kernel else 0
        if self.max_kernels <= self.pool_size:
            raise SystemExit(f"max_kernels ({self.max_kernels}) must exceed the preheated pool ({self.pool_size})")

    def init_settings(self) -> dict[str, Any]:
        """Voila's settings with the kernel manager class wrapped by :class:`PageKernels`."""
        original = voila_app.voila_kernel_manager_factory
        voila_app.voila_kernel_manager_factory = _capped_factory(original, self)
        try:
            settings = super().init_settings()
        finally:
            voila_app.voila_kernel_manager_factory = original
        settings["apex_voila"] = self
        return settings

    def init_handlers(self) -> list[Any]:
        """Voila's handlers with the page handler replaced by :class:`CappedVoilaHandler`."""
        handlers = []
        for spec in super().init_handlers():
            if len(spec) >= 2 and spec[1] is TornadoVoilaHandler:
                spec = (spec[0], CappedVoilaHandler, *spec[2:])
            handlers.append(spec)
        return handlers


main = ApexVoila.launch_instance

if __name__ == "__main__":
    main()
