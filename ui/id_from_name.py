"""Edit > Id from Name (Ctrl+Shift+I): a renamed item's id follows its new name.

Ids stay as they are on a rename, on purpose: saved files, exports and people refer to them. But
a template's items carry ids like ``team-b`` that mean nothing once the team is called "Tide
Cell". So after a rename the status bar offers the id the name gives, while it is safe: the
document has never been saved, or nothing in it refers to the item. Taken right after the rename,
the id change joins the rename's undo step (one Ctrl+Z undoes both); ``ChangeId`` rewrites the
document's references (contents, assignees, links, layout).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from designer.commands.ids import ChangeId, derived_id, references
from designer.commands.primitives import Rename
from designer.commands.stack import CommandError

if TYPE_CHECKING:
    from ui.main_window import MainWindow

KEYS = "Ctrl+Shift+I"


def why_not(window: MainWindow, pid: str) -> str | None:
    """Why ``pid``'s id may not follow its name now (None: it may)."""
    model = window.model
    new = derived_id(model, pid, model[pid].name)
    if new == pid:
        return f"the id '{pid}' already comes from the name"
    count = references(model, pid)
    if window.path is not None and count:
        return (f"'{pid}' is saved and {count} {'thing refers' if count == 1 else 'things refer'} to it in "
                "this document; ids stay stable once saved")
    return None


def offer(window: MainWindow, pid: str) -> None:
    """After a rename: say which id the new name would give, when the change is allowed."""
    if pid in window.model and why_not(window, pid) is None:
        new = derived_id(window.model, pid, window.model[pid].name)
        window.report(f"renamed; the id is still '{pid}' — {KEYS} (Edit > Id from Name) makes it '{new}'")


def id_from_name(window: MainWindow) -> str | None:
    """Give the one selected item the id its name gives; returns the new id."""
    ids = window.scene.selected_ids()
    if len(ids) != 1:
        window.report("select one item to give it the id of its name")
        return None
    pid = ids[0]
    reason = why_not(window, pid)
    if reason is not None:
        window.report(reason)
        return None
    new = derived_id(window.model, pid, window.model[pid].name)
    command = ChangeId(pid, new)
    last = window.stack.last()
    if isinstance(last, Rename) and last.ids == [pid] and last.merge_key is not None:
        command.merge_key = last.merge_key  # right after the rename: one step with it
    try:
        window.stack.push(command)
    except CommandError as exc:
        window.report(str(exc))
        return None
    if window.stack.last() is last:
        window.stack.retitle_last(f"Rename to '{window.model[new].name}' with id '{new}'")
    window.scene.flush()
    window.scene.select_ids([new])
    window.report(f"the id is now '{new}' (was '{pid}') — Ctrl+Z to undo")
    return new
