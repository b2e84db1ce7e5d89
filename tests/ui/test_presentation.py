"""Presentation mode driven as a facilitator would, with the keyboard or a clicker's keys only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from designer.framework.phases import phase_info
from designer.layout.geometry import CARD_HEADER
from designer.presentation import build_steps
from ui.canvas.card_item import PRESENTING_LEFT, PRESENTING_WIDTH
from ui.canvas.style import presenting, style

ROOT = Path(__file__).resolve().parents[2]
WORKSHOP = ROOT / "samples" / "workshop-30.dao.yaml"
K = Qt.Key


@pytest.fixture(autouse=True)
def light_canvas() -> object:
    """Each test starts and ends on the light canvas, outside presentation mode."""
    style("light")
    presenting(False)
    yield
    style("light")
    presenting(False)


def settle(rounds: int = 6) -> None:
    for _ in range(rounds):
        QApplication.processEvents()
        QTest.qWait(5)


def key(w, k: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key as the keyboard (or a clicker) sends it, to whatever has the focus."""
    QTest.keyClick(QApplication.focusWidget() or w.view, k, mods)
    settle()


def present(make_window):  # type: ignore[no-untyped-def]
    w = make_window(WORKSHOP)
    w.panels.start()
    settle()
    key(w, K.Key_F5)
    assert w.presentation is not None and w.presentation.active
    return w


def test_f5_enters_full_screen_presentation_with_docks_hidden(make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window(WORKSHOP)
    w.panels.start()
    settle()
    shown = [name for name, dock in w.docks.items() if dock.isVisible()]
    assert shown and not w.isFullScreen()
    key(w, K.Key_F5)
    assert w.isFullScreen()
    assert [name for name, dock in w.docks.items() if dock.isVisible()] == []
    assert not w.menuBar().isVisible() and not w.statusBar().isVisible()
    assert not any(bar.isVisible() for bar in [w.actions_.toolbar])
    assert style().variant == "projector" and presenting()
    assert not w.scene.show_badges
    assert w.presentation.step().kind == "overview"


def test_clicker_and_arrow_keys_walk_the_steps_in_order(make_window) -> None:  # type: ignore[no-untyped-def]
    w = present(make_window)
    titles = [s.title for s in build_steps(w.model)]
    seen = [w.presentation.step().title]
    for k in (K.Key_PageDown, K.Key_Right, K.Key_Down, K.Key_Space, K.Key_PageDown, K.Key_PageDown):
        key(w, k)
        seen.append(w.presentation.step().title)
    assert seen == titles[:7]
    assert seen[1:5] == ["Network scale", "Constituency scale", "Coordination scale", "Collaboration scale"]
    assert w.presentation.caption.title.text() == "First Nations Circle"
    assert w.scene.selected_ids() == ["first-nations-circle"]  # the room sees which card
    for k, expected in ((K.Key_PageUp, 5), (K.Key_Left, 4), (K.Key_Up, 3)):
        key(w, k)
        assert w.presentation.at == expected
    key(w, K.Key_End)
    assert w.presentation.step().title == titles[-1]
    key(w, K.Key_PageDown)  # past the end stays on the last step
    assert w.presentation.at == len(titles) - 1
    key(w, K.Key_Home)
    assert w.presentation.at == 0


def test_arrows_do_not_nudge_the_selected_card_while_presenting(make_window) -> None:  # type: ignore[no-untyped-def]
    w = present(make_window)
    for _ in range(5):
        key(w, K.Key_PageDown)
    before = dict(w.model.layout)
    key(w, K.Key_Right)
    key(w, K.Key_Left)
    assert w.model.layout == before
    assert not w.stack.can_undo()


def test_a_ticked_item_is_one_undo_step_and_shows_on_the_canvas(make_window) -> None:  # type: ignore[no-untyped-def]
    w = present(make_window)
    steps = build_steps(w.model)
    target = next(i for i, s in enumerate(steps) if s.key == "monitoring")
    for _ in range(target):
        key(w, K.Key_PageDown)
    assert w.presentation.step().key == "monitoring"
    total = len(phase_info("organization").items)  # the strip counts the whole checklist, activities too
    assert w.scene.cards["monitoring"].progress == (0, total)
    key(w, K.Key_2)
    assert w.model["monitoring"].checklist["organization"] == [phase_info("organization").items[1].id]
    assert w.stack.undo_text().startswith("Tick “Roles are defined")
    assert w.scene.cards["monitoring"].progress == (1, total)  # the card's phase strip fills
    assert "☑" in w.presentation.caption.items.text()
    key(w, K.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo takes the tick back whole
    assert not w.stack.can_undo()
    assert w.scene.cards["monitoring"].progress == (0, total)
    assert "☑" not in w.presentation.caption.items.text()


def test_a_phase_step_ticks_for_the_card_tab_chose(make_window) -> None:  # type: ignore[no-untyped-def]
    w = present(make_window)
    steps = build_steps(w.model)
    target = next(i for i, s in enumerate(steps) if s.kind == "phase" and s.key == "formation")
    key(w, K.Key_End)
    for _ in range(len(steps) - 1 - target):
        key(w, K.Key_PageUp)
    assert w.presentation.step().key == "formation"
    assert w.scene.selected_ids() == ["youth-council"]
    key(w, K.Key_Tab)
    assert w.scene.selected_ids() == ["education"]
    key(w, K.Key_1)
    assert "design-defined" in w.model["education"].checklist.get("formation", [])
    assert w.stack.undo_text().endswith("for Education Cell")


def test_a_typed_guide_answer_is_one_undo_step_and_shows_at_once(make_window) -> None:  # type: ignore[no-untyped-def]
    w = present(make_window)
    steps = build_steps(w.model)
    target = next(i for i, s in enumerate(steps) if s.kind == "guide" and s.key == "purpose")
    key(w, K.Key_End)
    for _ in range(len(steps) - 1 - target):
        key(w, K.Key_PageUp)
    key(w, K.Key_Tab)  # the second prompt: how it ties into community governance
    key(w, K.Key_Return)
    editor = w.presentation.caption.editor
    assert editor.isVisible() and editor.hasFocus()
    QTest.keyClicks(editor, "Monthly report to the assembly")
    key(w, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isVisible()
    assert w.model.design.purpose.community_link == "Monthly report to the assembly"
    assert w.stack.undo_text() == "Guide: How does it tie into community governance?"
    assert "Monthly report to the assembly" in w.presentation.caption.answers.text()
    key(w, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not w.stack.can_undo()
    assert w.model.design.purpose.community_link is None
    assert "Monthly report to the assembly" not in w.presentation.caption.answers.text()


def test_esc_drops_a_half_typed_answer_then_leaves(make_window) -> None:  # type: ignore[no-untyped-def]
    w = present(make_window)
    key(w, K.Key_End)
    key(w, K.Key_Return)
    editor = w.presentation.caption.editor
    assert editor.isVisible()
    QTest.keyClicks(editor, "half an answer")
    key(w, K.Key_Escape)
    assert not editor.isVisible() and w.presentation.active and not w.stack.can_undo()
    key(w, K.Key_Escape)
    assert not w.presentation.active


def test_esc_leaves_and_restores_docks_and_window_state(make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window(WORKSHOP)
    w.panels.start()
    w.scene.select_ids(["treasury"])
    settle()
    shown = sorted(name for name, dock in w.docks.items() if dock.isVisible())
    state, geometry = w.windowState(), w.geometry()
    w.view.set_zoom(0.75)
    w.view.centerOn(500, 700)
    camera = (w.view.zoom(), w.view.mapToScene(w.view.viewport().rect().center()))
    key(w, K.Key_F5)
    key(w, K.Key_PageDown)
    key(w, K.Key_Escape)
    assert not w.presentation.active and not w.isFullScreen()
    assert w.windowState() == state and w.geometry() == geometry
    assert sorted(name for name, dock in w.docks.items() if dock.isVisible()) == shown
    assert w.menuBar().isVisible() and w.statusBar().isVisible() and w.actions_.toolbar.isVisible()
    assert style().variant == "light" and not presenting()
    assert w.scene.show_badges
    assert any(card.problems for card in w.scene.cards.values())  # badges are back
    assert w.scene.selected_ids() == ["treasury"]
    settle()
    assert w.view.zoom() == pytest.approx(camera[0])  # where the person was looking
    centre = w.view.mapToScene(w.view.viewport().rect().center())
    assert abs(centre.x() - camera[1].x()) < 2 and abs(centre.y() - camera[1].y()) < 2
    w.showMaximized()
    settle()
    key(w, K.Key_F5)
    key(w, K.Key_F5)  # F5 leaves too
    assert w.isMaximized() and not w.isFullScreen()


def test_the_blank_key_blacks_out_the_screen_and_back(make_window) -> None:  # type: ignore[no-untyped-def]
    w = present(make_window)
    key(w, K.Key_B)
    assert w.presentation.blank.isVisible()
    key(w, K.Key_PageDown)  # the first press only brings the picture back
    assert not w.presentation.blank.isVisible() and w.presentation.at == 0
    key(w, K.Key_Period)
    assert w.presentation.blank.isVisible()
    key(w, K.Key_Period)
    assert not w.presentation.blank.isVisible()


def test_the_caption_counts_problems_calmly(make_window) -> None:  # type: ignore[no-untyped-def]
    w = present(make_window)
    key(w, K.Key_PageDown)
    footer = w.presentation.caption.footer.text()
    cards = {w.scene.owner.get(p, p) for p in w.panels.problems.by_primitive}
    assert f"{len(cards)} cards with things to look at later" in footer
    assert "error" not in footer and "warning" not in footer


def _ink_rows(image: QImage, rect: QRectF) -> list[int]:
    """The rows of ``rect`` in ``image`` that hold dark (text) pixels."""
    rows = []
    for y in range(max(0, int(rect.top())), min(image.height(), int(rect.bottom()) + 1)):
        for x in range(max(0, int(rect.left())), min(image.width(), int(rect.right()) + 1)):
            if QColor(image.pixel(x, y)).lightness() < 110:
                rows.append(y)
                break
    return rows


def test_card_names_are_24_px_tall_at_fit_on_a_1080p_wall(make_window) -> None:  # type: ignore[no-untyped-def]
    """Measured on a rendered frame: the full-screen window at 1920x1080, at the overview (Fit)."""
    w = present(make_window)
    w.resize(1920, 1080)
    settle(10)
    w.presentation.frame()
    settle()
    assert w.view.viewport().size().width() == 1920 and w.view.viewport().size().height() == 1080
    assert len([p for p in w.model.primitives if p.kind == "cell"]) == 30
    frame = w.view.viewport().grab().toImage()
    card = w.scene.cards["upper-river-crew"]  # "Upper River / Crew": capitals and descenders
    assert card.name_lines() == ["Upper River", "Crew"]
    spacing = card._name_spacing
    top = (CARD_HEADER - 2 * spacing) / 2
    line = card.mapToScene(QRectF(PRESENTING_LEFT, top, PRESENTING_WIDTH, spacing)).boundingRect()
    rect = QRectF(w.view.mapFromScene(line.topLeft()), w.view.mapFromScene(line.bottomRight()))
    rows = _ink_rows(frame, rect)
    height = rows[-1] - rows[0] + 1
    print(f"name ink height at Fit: {height} px; zoom {w.view.zoom():.3f}")
    assert height >= 24, f"the name's ink is {height} px tall"
    # and every card's name, from its font and the view's scale (the frame checked the method)
    for cid, c in w.scene.cards.items():
        assert c.name_lines()[-1][-1:] != "…", cid
        assert c._name_font.pixelSize() * w.view.zoom() >= 24, cid


def test_badge_toggle_hides_and_shows_problem_badges(make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window(WORKSHOP)
    w.panels.start()
    settle()
    card = next(c for c in w.scene.cards.values() if c.problems)
    image = QImage(40, 40, QImage.Format.Format_RGB32)

    def badge_drawn() -> bool:
        image.fill(QColor("#ffffff"))
        from PySide6.QtGui import QPainter

        painter = QPainter(image)
        w.scene.render(painter, QRectF(0, 0, 40, 40), card.mapToScene(QRectF(244, -22, 40, 40)).boundingRect())
        painter.end()
        colour = style().problem[card.problem_severity]
        return any(QColor(image.pixel(x, y)) == colour for x in range(40) for y in range(40))

    assert w.actions_.show_badges.isChecked() and badge_drawn()
    w.actions_.show_badges.trigger()
    assert not w.scene.show_badges and not badge_drawn()
    assert make_window(WORKSHOP).actions_.show_badges.isChecked() is False  # remembered
    w.actions_.show_badges.trigger()
    assert badge_drawn()


def test_a_rename_opened_while_presenting_gets_its_keys(make_window) -> None:  # type: ignore[no-untyped-def]
    w = present(make_window)
    editor = w.view.start_rename("outreach")
    assert editor is not None
    settle()
    editor.selectAll()
    QTest.keyClicks(editor, "Outreach and Media")
    QTest.keyClick(editor, K.Key_Return)
    settle()
    assert w.model["outreach"].name == "Outreach and Media"
    assert w.presentation.active  # the rename's keys did not walk the steps or leave
    assert w.presentation.at == 0


# --- the tryout's findings: the wall as the room sees it --------------------------------------


def present_on_wall(make_window, size: tuple[int, int] = (1920, 1080)):  # type: ignore[no-untyped-def]
    """Presentation mode on a 1920x1080 window, as on the projector of the tryout."""
    w = present(make_window)
    w.resize(*size)
    settle(10)
    w.presentation.frame()
    settle()
    return w


def walk(w):  # type: ignore[no-untyped-def]
    """Every step of the sample with PgDn, and on a guide step every prompt with Tab: yields the step's title."""
    steps = build_steps(w.model)
    for i, step in enumerate(steps):
        if i:
            key(w, K.Key_PageDown)
        assert w.presentation.step() == step
        yield step.title
        if step.kind == "guide":
            from designer.presentation import section_of

            for n in range(1, len(section_of(step.key).fields)):
                key(w, K.Key_Tab)
                yield f"{step.title}, prompt {n + 1}"


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_the_caption_takes_at_most_40_percent_of_the_wall_on_every_step(make_window, size) -> None:  # type: ignore[no-untyped-def]
    w = present_on_wall(make_window, size)
    assert (w.width(), w.height()) == size
    caption = w.presentation.caption
    heights = {}
    for where in walk(w):
        if caption.isVisible():
            lay = caption.layout()
            lay.invalidate()
            needed = (lay.totalHeightForWidth(caption.width()) if lay.hasHeightForWidth()
                      else lay.totalMinimumSize().height())
            assert needed <= caption.height() + 1, where  # nothing squeezed out of the band
            heights[where] = caption.height()
    tallest = max(heights, key=heights.__getitem__)
    print(f"caption height: tallest {heights[tallest]} px on {tallest!r}; window {w.height()} px")
    print("over 40 %:", sorted(((h, t) for t, h in heights.items() if h > 0.4 * w.height()), reverse=True))
    assert heights[tallest] <= 0.4 * w.height(), tallest


def test_the_guide_caption_shows_the_prompt_in_focus_and_the_others_compactly(make_window) -> None:  # type: ignore[no-untyped-def]
    w = present_on_wall(make_window)
    steps = build_steps(w.model)
    target = next(i for i, s in enumerate(steps) if s.kind == "guide" and s.key == "requirements")
    key(w, K.Key_End)
    for _ in range(len(steps) - 1 - target):
        key(w, K.Key_PageUp)
    answers = w.presentation.caption.answers.text()
    assert "▶" in answers and "Scale and scope" in answers  # the prompt in focus, with its choices above
    assert "large network doing many things" in w.presentation.caption.items.text()
    assert "more" in answers and "System properties: notes" not in answers  # the far prompts are counted
    for _ in range(13):
        key(w, K.Key_Tab)
    answers = w.presentation.caption.answers.text()
    assert "▶" in answers and "System properties: notes" in answers


def test_undo_and_redo_say_what_they_did_and_the_key_hints_keep_one_line(make_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QLabel

    w = present_on_wall(make_window)
    steps = build_steps(w.model)
    target = next(i for i, s in enumerate(steps) if s.kind == "phase" and s.key == "formation")
    key(w, K.Key_End)
    for _ in range(len(steps) - 1 - target):
        key(w, K.Key_PageUp)
    key(w, K.Key_Tab)
    key(w, K.Key_2)
    caption = w.presentation.caption

    def footer() -> str:
        return " ".join(label.text() for label in caption.findChildren(QLabel)
                        if label.isVisible() and ("Esc leave" in label.text() or label is caption.footer))

    assert "Tick “Someone holds each of the key roles.”" in footer()
    hints = next(label for label in caption.findChildren(QLabel) if "Esc leave" in label.text())
    assert hints.height() < 1.6 * QFontMetrics(hints.font()).lineSpacing(), "the key hints wrapped"
    key(w, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(w.model["education"].checklist.get("formation", [])) == 0
    assert "Undone: Tick “Someone holds" in footer()
    assert "Tick “Someone" not in footer().replace("Undone: Tick", "")
    key(w, K.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "Redone: Tick “Someone holds" in footer()
    key(w, K.Key_PageDown)  # the next step starts with a clean footer
    assert "Redone" not in footer()


def test_the_selected_card_shows_no_link_handle_while_presenting(make_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPainter

    from designer.layout.geometry import CARD_WIDTH

    w = present_on_wall(make_window)
    steps = build_steps(w.model)
    for _ in range(next(i for i, s in enumerate(steps) if s.key == "monitoring")):
        key(w, K.Key_PageDown)
    card = w.scene.cards["monitoring"]
    assert card.isSelected()  # the room sees which card: its outline stays
    image = QImage(48, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    beside = QRectF(CARD_WIDTH + 2.5, card.height / 2 - 3, 6, 6)  # right of the outline, where the handle sits
    w.scene.render(painter, QRectF(0, 0, 48, 48), card.mapToScene(beside).boundingRect())
    painter.end()
    blue = style().select_pen.color()
    near = [(x, y) for x in range(48) for y in range(48)
            if abs(QColor(image.pixel(x, y)).hue() - blue.hue()) < 20 and QColor(image.pixel(x, y)).saturation() > 120]
    assert near == [], "the link handle is drawn on the wall"


def _spot(lane) -> object:  # type: ignore[no-untyped-def]
    """An empty spot of ``lane`` (just right of its gutter, near its top)."""
    from PySide6.QtCore import QPointF

    from designer.layout.geometry import LANE_GUTTER

    r = lane.rect()
    return QPointF(r.left() + LANE_GUTTER - 20, r.top() + 8)


def test_each_scale_step_singles_out_its_lane(make_window) -> None:  # type: ignore[no-untyped-def]
    w = present_on_wall(make_window)
    lanes = w.scene.lanes

    def colours() -> dict[str, QColor | None]:
        frame = w.view.viewport().grab().toImage()
        seen: dict[str, QColor | None] = {}
        for lane in lanes:
            p = w.view.mapFromScene(_spot(lane))
            inside = 0 <= p.x() < frame.width() and 0 <= p.y() < frame.height()
            seen[lane.scale] = QColor(frame.pixel(p)) if inside else None
        return seen

    plain = {lane.scale: style().lane_fill[lane.index % 2] for lane in lanes}
    for lane in lanes:
        key(w, K.Key_PageDown)
        settle()
        assert w.presentation.step().key == lane.scale
        seen = colours()
        assert seen[lane.scale] == plain[lane.scale], lane.scale
        others = [s for s, c in seen.items() if s != lane.scale and c is not None]
        assert others, f"no other lane in sight on the {lane.scale} step"
        for other in others:
            assert seen[other] != plain[other], f"{other} is not set back on the {lane.scale} step"
    key(w, K.Key_PageDown)  # a cell step: nothing set back
    settle()
    assert all(c is None or c == plain[s] for s, c in colours().items())


def test_no_pinned_lane_tag_covers_the_design_while_presenting(make_window) -> None:  # type: ignore[no-untyped-def]
    from ui.canvas.lane_headers import pinned_headers

    w = present_on_wall(make_window)
    covered = [where for where in walk(w) if pinned_headers(w.view)]
    assert covered == []
    key(w, K.Key_Escape)
    w.view.set_zoom(1.5)
    w.view.centerOn(w.scene.cards["monitoring"])
    settle()
    assert pinned_headers(w.view)  # outside presentation mode they pin as before


def test_leaving_puts_the_outline_back_as_it_was(make_window) -> None:  # type: ignore[no-untyped-def]
    w = make_window(WORKSHOP)
    w.panels.start()
    w.panels.focus("outline")
    settle()
    outline = w.panels.get("outline")
    tree = outline.tree
    tree.collapseAll()
    tree.expand(tree.model().index(0, 0))
    tree.verticalScrollBar().setValue(0)
    settle()

    def state() -> tuple[list[str], int]:
        expanded = []
        stack = [tree.rootIndex()]
        while stack:
            parent = stack.pop()
            for row in range(tree.model().rowCount(parent)):
                ix = tree.model().index(row, 0, parent)
                if tree.isExpanded(ix):
                    expanded.append(ix.data())
                    stack.append(ix)
        return sorted(expanded), tree.verticalScrollBar().value()

    before = state()
    w.view.setFocus()
    key(w, K.Key_F5)
    for _ in range(34):
        key(w, K.Key_PageDown)
    assert w.presentation.step().kind == "cell"
    key(w, K.Key_Escape)
    settle(10)
    assert state() == before
