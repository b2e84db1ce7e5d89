"""The Inspector's completeness meter: how much of what its phase asks a primitive's state holds."""

from __future__ import annotations

from designer.commands.primitives import TickChecklist
from tests.ui.panels.helpers import select_on_canvas


def test_the_meter_counts_what_the_phase_asks_and_follows_edits(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = window()
    w.panels.focus("inspector")
    inspector = w.panels.get("inspector")
    select_on_canvas(w, qtbot, "data")
    meter = inspector.meter
    assert meter.isVisible()
    assert (meter.value(), meter.maximum()) == (21, 23)
    assert meter.text() == "State for organization: 21 of 23 items"
    assert "• approval record" in meter.toolTip() and "• formation readiness ticked" in meter.toolTip()
    assert "DP311" not in inspector.notes.text() and "DP103" in inspector.notes.text()  # the meter, not a note
    w.stack.push(TickChecklist("data", "formation", "support-secured"))
    assert (meter.value(), meter.maximum()) == (22, 23)
    assert "formation readiness" not in meter.toolTip()
    w.stack.undo()
    assert meter.value() == 21


def test_no_meter_where_nothing_is_asked(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = window()
    w.panels.focus("inspector")
    inspector = w.panels.get("inspector")
    select_on_canvas(w, qtbot, "ops")  # complete for its phase: a full bar
    assert inspector.meter.isVisible() and inspector.meter.value() == inspector.meter.maximum()
    assert "Everything organization asks for is filled in." == inspector.meter.toolTip()
    w.panels.hub.select([])
    assert not inspector.meter.isVisible()
