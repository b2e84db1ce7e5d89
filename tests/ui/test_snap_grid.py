"""Snap to Grid: moves at any zoom land on the 10-unit grid; the View menu toggle is remembered."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF

from designer.layout.geometry import LANE_PITCH
from tests.ui.conftest import at
from tests.ui.gestures import drag_path, release


def drag_comms(w, by: QPoint) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    view = w.view
    view.set_zoom(0.75)
    start = at(view, w.scene.cards["comms"].mapToScene(QPointF(60, 12)))
    drag_path(view, start, start + by)
    release(view, start + by)
    x, y = w.model.layout["comms"]
    return x, y - w.scene.lane_of("comms") * LANE_PITCH


def test_moves_at_75_percent_land_on_the_grid(qtbot, make_window) -> None:
    w = make_window()
    assert w.actions_.snap_grid.isChecked() and w.view.snap
    x0 = w.model.layout["comms"][0]
    x, offset = drag_comms(w, QPoint(77, 23))
    assert x % 10 == 0 and offset % 10 == 0, (x, offset)
    assert abs(x - (x0 + 77 / 0.75)) <= 5


def test_snap_off_keeps_the_exact_position_and_is_remembered(qtbot, make_window) -> None:
    w = make_window()
    w.actions_.snap_grid.trigger()
    assert not w.view.snap and w.settings.snap_to_grid() is False
    x, _ = drag_comms(w, QPoint(77, 0))
    assert x % 10 != 0
    w2 = make_window()  # a new window with the same settings file
    assert not w2.actions_.snap_grid.isChecked() and not w2.view.snap
