"""Project picker and saver on ``apex_nb.project.ProjectStore``, with visible conflicts and merge.

``ProjectSession`` holds the logic (no widgets, unit-tested): pick or create a project, save an
envelope into it with the etag it was loaded at, and when someone else saved in between, keep
the store's three-way merge so the user can merge (clean case), keep their own values where
both sides changed, or reload. ``ProjectPanel`` is the ipywidgets face of it.

An envelope is saved as a ``Sign`` (its inputs), a ``Design`` (the inline envelope and its
content hash) and, when the result has ``price_lines``, estimate lines; ids derive from the
content hash, so saving the same quote twice changes nothing.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from apex_nb.errors import ApexError, InputError
from apex_nb.notebook import add_envelope
from apex_nb.project import Conflict, MergeResult, PreconditionFailed, ProjectNotFound, ProjectStore

if TYPE_CHECKING:
    from apex_nb.envelope import Envelope
    from apex_nb.project import Project


@dataclass
class Outcome:
    """What the last action did: ``saved``, ``conflict``, ``merge_offered``, ``stale`` or ``error``."""

    status: str
    message: str
    conflicts: list[Conflict] = field(default_factory=list)


class ProjectSession:
    """One user's view of one project: id, loaded document, etag, and a pending conflict."""

    def __init__(self, root: str | Path) -> None:
        self.store = ProjectStore(root)
        self.project_id: str = ""
        self.project: Project | None = None
        self.etag: str = ""
        self.pending_doc: dict[str, Any] | None = None
        self.pending_error: PreconditionFailed | None = None

    def ids(self) -> list[str]:
        """Project ids in the store."""
        return self.store.list_ids()

    def open(self, project_id: str) -> Project:
        """Load a project and remember its etag."""
        self.project, self.etag = self.store.load(project_id)
        self.project_id = project_id
        self._clear()
        return self.project

    def create(self, project_id: str, name: str) -> Project:
        """Create a project and open it."""
        self.store.create(project_id, {"name": name or project_id})
        return self.open(project_id)

    def _clear(self) -> None:
        self.pending_doc = None
        self.pending_error = None

    def save_envelope(self, env: Envelope, *, sign_name: str = "") -> Outcome:
        """Add ``env`` to the project loaded earlier and save it at the loaded etag."""
        if self.project is None:
            return Outcome("error", "pick or create a project first")
        doc = add_envelope(self.project.to_json(), env, sign_name=sign_name)
        return self._save(doc)

    def _save(self, doc: dict[str, Any], *, if_match: str | None = None, merge: bool = False) -> Outcome:
        try:
            self.etag = self.store.save(self.project_id, doc, if_match=if_match or self.etag, merge=merge)
        except PreconditionFailed as exc:
            self.pending_doc, self.pending_error = doc, exc
            return self._describe(exc)
        except (InputError, ApexError) as exc:
            return Outcome("error", str(exc))
        self.project, self.etag = self.store.load(self.project_id)
        self._clear()
        return Outcome("saved", f"saved to {self.project_id}")

    @staticmethod
    def _describe(exc: PreconditionFailed) -> Outcome:
        merge: MergeResult | None = exc.merge
        if merge is None:
            return Outcome("stale", "someone else saved this project and the version you started from is unknown here")
        if merge.clean:
            return Outcome("merge_offered", "someone else saved this project; their changes do not overlap yours")
        return Outcome("conflict", f"someone else changed the same fields ({len(merge.conflicts)})", merge.conflicts)

    def merge_and_save(self) -> Outcome:
        """Save the pending document with the store's clean three-way merge."""
        if self.pending_doc is None:
            return Outcome("error", "nothing to merge")
        return self._save(self.pending_doc, merge=True)

    def keep_mine(self) -> Outcome:
        """Save the merge with my values where both sides changed (theirs elsewhere)."""
        exc = self.pending_error
        if exc is None or exc.merge is None:
            return Outcome("error", "no merge to keep")
        return self._save(exc.merge.merged, if_match=exc.current_etag)

    def reload(self) -> Outcome:
        """Drop my pending change and load the project as it is now."""
        if not self.project_id:
            return Outcome("error", "no project")
        self.open(self.project_id)
        return Outcome("saved", f"reloaded {self.project_id} (your unsaved change was dropped)")


def conflicts_html(conflicts: list[Conflict]) -> str:
    """A table of conflicts: path, base, mine, theirs."""
    from markupsafe import Markup

    from apex_nb.report.blocks import table, value_html

    rows = [
        [
            Markup("<code>{}</code>").format(c.path),
            value_html(_plain(c.base)),
            value_html(_plain(c.ours)),
            value_html(_plain(c.theirs)),
        ]
        for c in conflicts
    ]
    return str(table(["field", "when you loaded", "yours", "theirs (saved meanwhile)"], rows, "apx-conflicts"))


def _plain(value: Any) -> Any:
    return "(absent)" if repr(value) == "MISSING" else value


class ProjectPanel:
    """Pick or create a project and save the current envelope into it; shows conflicts and merges."""

    def __init__(self, root: str | Path, current: Callable[[], Envelope | None], *, sign_name: str = "") -> None:
        self.session = ProjectSession(root)
        self.current = current
        self.sign_name = sign_name
        self.picker = w.Dropdown(options=[], description="Project")
        self.picker.add_class("apx-project-picker")
        self.new_id = w.Text(placeholder="new-project-id", layout=w.Layout(width="160px"))
        self.new_id.add_class("apx-project-new-id")
        self.new_name = w.Text(placeholder="name", layout=w.Layout(width="200px"))
        self.create_button = w.Button(description="Create")
        self.save_button = w.Button(description="Save to project", button_style="primary")
        self.save_button.add_class("apx-project-save")
        self.status = w.HTML()
        self.status.add_class("apx-project-status")
        self.conflict_html = w.HTML()
        self.merge_button = w.Button(description="Merge and save", button_style="success")
        self.keep_button = w.Button(description="Keep mine where both changed", button_style="warning")
        self.reload_button = w.Button(description="Discard mine, reload")
        self.conflict_box = w.VBox(
            [self.conflict_html, w.HBox([self.merge_button, self.keep_button, self.reload_button])],
            layout=w.Layout(display="none"),
        )
        self.conflict_box.add_class("apx-project-conflict")
        self.create_button.on_click(lambda _b: self._create())
        self.save_button.on_click(lambda _b: self._save())
        self.merge_button.on_click(lambda _b: self._show(self.session.merge_and_save()))
        self.keep_button.on_click(lambda _b: self._show(self.session.keep_mine()))
        self.reload_button.on_click(lambda _b: self._show(self.session.reload()))
        self.picker.observe(self._picked, names="value")
        self.widget = w.VBox(
            [
                w.HBox([self.picker, self.save_button]),
                w.HBox([self.new_id, self.new_name, self.create_button]),
                self.status,
                self.conflict_box,
            ]
        )
        self.widget.add_class("apx-project-panel")
        self.refresh()

    def refresh(self) -> None:
        """Re-read the project ids."""
        try:
            ids = self.session.ids()
        except ApexError as exc:
            self.status.value = f"⚠ {html.escape(str(exc))}"
            return
        self.picker.options = [("—", ""), *((i, i) for i in ids)]

    def _picked(self, change: Any) -> None:
        if change["new"]:
            try:
                project = self.session.open(change["new"])
                self.status.value = f"opened <b>{html.escape(project.name)}</b>"
            except (ProjectNotFound, ApexError) as exc:
                self.status.value = f"⚠ {html.escape(str(exc))}"

    def _create(self) -> None:
        try:
            self.session.create(self.new_id.value.strip(), self.new_name.value.strip())
        except ApexError as exc:
            self.status.value = f"⚠ {html.escape(str(exc))}"
            return
        self.refresh()
        self.picker.value = self.session.project_id
        self.status.value = f"created <b>{html.escape(self.session.project_id)}</b>"

    def _save(self) -> None:
        env = self.current()
        if env is None:
            self.status.value = "⚠ nothing to save: the inputs are not valid yet"
            return
        self._show(self.session.save_envelope(env, sign_name=self.sign_name))

    def _show(self, outcome: Outcome) -> None:
        icon = {"saved": "✔", "error": "⚠"}.get(outcome.status, "⚠")
        self.status.value = f"{icon} {html.escape(outcome.message)}"
        offer = outcome.status in ("conflict", "merge_offered", "stale")
        self.conflict_box.layout.display = "flex" if offer else "none"
        self.conflict_html.value = conflicts_html(outcome.conflicts) if outcome.conflicts else ""
        self.merge_button.layout.display = None if outcome.status == "merge_offered" else "none"
        self.keep_button.layout.display = None if outcome.status == "conflict" else "none"
