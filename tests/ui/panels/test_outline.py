"""The Outline: containment tree in step with the canvas, filters, drag to reparent, incremental."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from designer.commands.primitives import AddPrimitive, RemovePrimitives
from tests.ui.panels.helpers import click_index, select_on_canvas


def _row(panel, pid):  # type: ignore[no-untyped-def]
    return panel.proxy.mapFromSource(panel.source.index_of(pid))


def _paths(model, parent=None, prefix=()):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    out = []
    for r in range(model.rowCount(parent)):
        ix = model.index(r, 0, parent)
        pid = model.id_at(ix)
        out.append((*prefix, pid))
        out.extend(_paths(model, ix, (*prefix, pid)))
    return out


def _expected(doc):  # type: ignore[no-untyped-def]
    def walk(parent, prefix):  # type: ignore[no-untyped-def]
        out = []
        for p in doc.primitives:
            if p.parent == parent:
                out.append((*prefix, p.id))
                out.extend(walk(p.id, (*prefix, p.id)))
        return out

    return walk(None, ())


def test_tree_follows_the_canvas_and_a_click_selects_there(window, qtbot) -> None:
    w = window()
    panel = w.panels.get("outline")
    assert _paths(panel.source) == _expected(w.model)
    select_on_canvas(w, qtbot, "ops")
    assert panel.selected_ids() == ["ops"]
    w.panels.focus("outline")
    click_index(qtbot, panel.tree, _row(panel, "treasury-steward"))
    assert w.scene.selected_ids() == ["treasury-steward"]


def test_filters_by_name_kind_and_scale(window, qtbot) -> None:
    w = window()
    panel = w.panels.get("outline")
    qtbot.keyClicks(panel.search, "Steward")
    assert _row(panel, "treasury-steward").isValid()
    assert _row(panel, "ops").isValid()  # kept as the ancestor of a match
    assert not _row(panel, "comms").isValid()
    panel.search.clear()
    panel.kind.setCurrentIndex(panel.kind.findData("partner"))
    assert not _row(panel, "ops").isValid()
    panel.kind.setCurrentIndex(0)
    panel.scale.setCurrentIndex(panel.scale.findData("collaboration"))
    assert _row(panel, "restoration").isValid()
    assert not _row(panel, "reviewer").isValid()  # a role counts at its cell's scale (coordination)


def test_drag_a_row_onto_another_cell_reparents_it(window, qtbot) -> None:
    w = window()
    panel = w.panels.get("outline")
    w.panels.focus("outline")
    panel.tree.expandAll()
    source = _row(panel, "treasury-steward")
    target = _row(panel, "grants-council")
    mime = panel.proxy.mimeData([source])
    vp = panel.tree.viewport()
    panel.tree.scrollTo(target)
    pos = panel.tree.visualRect(target).center()
    action, buttons, mods = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(vp, QDragEnterEvent(pos, action, mime, buttons, mods))
    QApplication.sendEvent(vp, QDragMoveEvent(pos, action, mime, buttons, mods))
    QApplication.sendEvent(vp, QDropEvent(QPointF(pos), action, mime, buttons, mods))
    assert w.model["treasury-steward"].parent == "grants-council"
    assert panel.source.parent_of["treasury-steward"] == "grants-council"
    assert _paths(panel.source) == _expected(w.model)
    assert w.scene.owner["treasury-steward"] == "grants-council"  # the chip moved on the canvas too
    w.stack.undo()
    assert w.model["treasury-steward"].parent == "ops"
    assert _paths(panel.source) == _expected(w.model)


def test_add_and_remove_update_rows_without_a_reset(window, qtbot) -> None:
    w = window()
    panel = w.panels.get("outline")
    resets: list[int] = []
    panel.source.modelReset.connect(lambda: resets.append(1))
    w.stack.push(AddPrimitive("role", "Scribe", parent="comms"))
    assert _paths(panel.source) == _expected(w.model)
    w.stack.push(RemovePrimitives(["ops"]))
    assert _paths(panel.source) == _expected(w.model)
    w.stack.undo()
    assert _paths(panel.source) == _expected(w.model)
    w.stack.undo()
    assert _paths(panel.source) == _expected(w.model)
    assert not resets
