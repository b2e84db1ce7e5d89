"""Edit > Link to… (L): draw a link from the keyboard.

Drawing a link used to take a mouse drag, or about 77 keys through the Inspector's fields. Here it
takes a handful: L on the selected card, a few letters of the other end's name or id (the list
narrows as you type; arrows pick among the matches), Enter, then the kind (its first letter, or the
arrows) and Enter. Only the kinds the pair may still have are offered. The link is one undo step
(``AddLink``); Esc at either stage closes the picker and changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from designer.commands.links import AddLink, kinds_between
from designer.commands.model import DocumentModel
from ui.canvas.interactions import push_gesture
from ui.canvas.style import LINK_LABELS
from ui.panel_keys import back_to_canvas

if TYPE_CHECKING:
    from ui.main_window import MainWindow

ID_ROLE = Qt.ItemDataRole.UserRole
MIN_CHARS = 60
"""The picker is at least this many average characters of its font wide (names with kind and id)."""
ROWS = 12
"""About this many names show at once."""
MOVE_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


def matches(model: DocumentModel, source: str, text: str) -> list[str]:
    """Ids of the primitives ``text`` finds (in name or id, any case): names that start with it
    first, then the rest in document order; every primitive but ``source`` for no text."""
    needle = text.strip().lower()
    found = [p for p in model.primitives if p.id != source and (
        not needle or needle in p.name.lower() or needle in p.id)]
    return [p.id for p in sorted(found, key=lambda p: not (p.name.lower().startswith(needle)
                                                           or p.id.startswith(needle)))]


class _ArrowsToList(QObject):
    """Up/Down typed in the search line move the list's current row (the line keeps the focus)."""

    def __init__(self, line: QLineEdit, target: QListWidget) -> None:
        super().__init__(line)
        self.target = target

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in MOVE_KEYS:
            QApplication.sendEvent(self.target, QKeyEvent(event.type(), event.key(), event.modifiers()))
            return True
        return False


class LinkToDialog(QDialog):
    """Two steps: the other end (type-ahead), then the kind. ``accept`` adds the link."""

    def __init__(self, window: MainWindow, source: str) -> None:
        super().__init__(window)
        self.setObjectName("link-to")
        self.window_, self.source = window, source
        self.target: str | None = None
        model = window.model
        self.setWindowTitle(f"Link '{model[source].name}' to…")
        self.pages = QStackedWidget()
        # step 1: the other end
        self.search = QLineEdit()
        self.search.setObjectName("link-to-search")
        self.search.setPlaceholderText("Name or id of the other end (↑↓ to pick, Enter)")
        self.targets = QListWidget()
        self.targets.setObjectName("link-to-targets")
        self.targets.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # no sideways scrolling: a name too long even for the widened picker is cut in its middle,
        # so its start and its id both stay readable
        self.targets.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.targets.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.search.installEventFilter(_ArrowsToList(self.search, self.targets))
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._pick_target)
        self.targets.itemActivated.connect(lambda _i: self._pick_target())
        self.pages.addWidget(_page(self.search, self.targets))
        # step 2: the kind
        self.kind_label = QLabel()
        self.kind_label.setWordWrap(True)
        self.kinds = QListWidget()
        self.kinds.setObjectName("link-to-kinds")
        self.kinds.itemActivated.connect(lambda _i: self.accept())
        self.pages.addWidget(_page(self.kind_label, self.kinds))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.hide()
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages, 1)
        outer.addWidget(self.message)
        self._filter("")
        self.resize(self.fitting_size())

    def fitting_size(self) -> QSize:
        """Wide enough for the longest name with its kind and id, the hint and at least
        ``MIN_CHARS`` average characters of the current font (the Projector theme's is large);
        tall enough for about ``ROWS`` names. Never more than the window (or the screen)."""
        metrics = self.targets.fontMetrics()
        texts = [self.targets.item(i).text() for i in range(self.targets.count())]
        widest = max([metrics.horizontalAdvance(t) for t in texts] + [0])
        hint = self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 24
        chrome = 2 * self.targets.frameWidth() + self.targets.verticalScrollBar().sizeHint().width() + 16
        margins = self.layout().contentsMargins()
        width = max(MIN_CHARS * metrics.averageCharWidth(), widest + chrome, hint) + margins.left() + margins.right()
        height = (self.search.sizeHint().height() + ROWS * (metrics.height() + 4) + margins.top() + margins.bottom()
                  + 2 * self.targets.frameWidth() + 16)
        room = self.window_.geometry().size() if self.window_.isVisible() else QSize(width, height)
        screen = self.window_.screen().availableGeometry().size()
        return QSize(width, height).boundedTo(room.boundedTo(screen) * 0.95)

    def _filter(self, text: str) -> None:
        model = self.window_.model
        self.targets.clear()
        for pid in matches(model, self.source, text):
            p = model[pid]
            item = QListWidgetItem(f"{p.name}  ({p.kind} · {p.id})")
            item.setData(ID_ROLE, pid)
            self.targets.addItem(item)
        self.targets.setCurrentRow(0 if self.targets.count() else -1)

    def _pick_target(self) -> None:
        item = self.targets.currentItem()
        if item is None:
            self._say("no primitive is named like that")
            return
        target = str(item.data(ID_ROLE))
        model = self.window_.model
        kinds = kinds_between(model, self.source, target)
        if not kinds:
            self._say(f"'{model[self.source].name}' already has every kind of link to '{model[target].name}'")
            return
        self.target = target
        self.message.hide()
        self.kind_label.setText(f"Kind of link from <b>{_esc(model[self.source].name)}</b> to "
                                f"<b>{_esc(model[target].name)}</b> (first letter or ↑↓, Enter):")
        self.kinds.clear()
        for kind in kinds:
            item = QListWidgetItem(LINK_LABELS.get(kind, kind))
            item.setData(ID_ROLE, kind)
            self.kinds.addItem(item)
        self.kinds.setCurrentRow(0)
        self.pages.setCurrentIndex(1)
        self.kinds.setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def accept(self) -> None:
        item = self.kinds.currentItem()
        if self.target is None or item is None:
            self._pick_target()
            return
        kind = str(item.data(ID_ROLE))
        window, model = self.window_, self.window_.model
        errors: list[str] = []
        command = AddLink(self.source, self.target, kind)  # type: ignore[arg-type]
        if not push_gesture(window.stack, f"Add {kind} link", [command], errors.append):
            self._say(errors[0] if errors else "the link was refused")
            return
        window.report(f"linked '{model[self.source].name}' {LINK_LABELS.get(kind, kind)} "
                      f"'{model[self.target].name}' — Ctrl+Z to undo")
        super().accept()


def link_to(window: MainWindow) -> LinkToDialog | None:
    """Open the picker for the one selected card or role (window-modal, not blocking)."""
    ids = window.scene.selected_ids()
    if len(ids) != 1:
        window.report("select one card or role, then Link to… (L)")
        return None
    dialog = LinkToDialog(window, ids[0])
    dialog.finished.connect(lambda _r: back_to_canvas(window, dialog))
    dialog.open()
    dialog.search.setFocus()
    return dialog


def _page(head: QWidget, body: QWidget) -> QWidget:
    """One step of the picker: a line over a list that takes the room."""
    page = QWidget()
    lay = QVBoxLayout(page)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(head)
    lay.addWidget(body, 1)
    return page


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
