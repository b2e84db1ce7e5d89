"""The main window: canvas in the middle, palette and panels in docks, files, undo, autosave."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QStandardPaths, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from designer.commands.clipboard import Duplicate, PasteFragment, copy_fragment
from designer.commands.links import RemoveLinks
from designer.commands.model import DocumentModel
from designer.commands.primitives import MovePrimitives, RemovePrimitives
from designer.commands.stack import CommandError, UndoStack
from designer.framework.resources import samples_folder
from designer.io.errors import LoadError
from designer.io.load import load_document
from designer.io.stamp import FileStamp, stamp_file
from designer.layout.auto import auto_layout
from designer.layout.geometry import CARD_HEADER, CHIP_GAP, CHIP_HEIGHT
from designer.model.document import Document, Organization
from designer.model.ids import unique_id
from designer.model.kinds import SCALES
from designer.wording import plural
from ui import save_flow
from ui.actions import Actions
from ui.canvas.card_item import CardItem
from ui.canvas.interactions import push_gesture
from ui.canvas.minimap import Minimap
from ui.canvas.palette import Palette
from ui.canvas.placement import free_spot_near, insert_point, layout_at
from ui.canvas.scene import CanvasScene
from ui.canvas.view import CanvasView
from ui.id_from_name import offer as offer_id_from_name
from ui.panel_keys import EscapeToCanvas, PanelsHider
from ui.recovery import Recovery
from ui.settings import Settings
from ui.themes import apply_theme
from ui.undo_adapter import HistoryView

if TYPE_CHECKING:
    from ui.presentation.controller import PresentationController

APP_NAME = "DAO Primitives Designer"
FRAGMENT_MIME = "application/x-dao-designer-fragment+json"
ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "dao-designer.svg"
SAMPLES = samples_folder()
GESTURES = (
    ("Select the next / previous card or role on the canvas (reading order)", "Tab / Shift+Tab"),
    ("Leave the canvas for the next / previous panel", "Ctrl+Tab / Ctrl+Shift+Tab"),
    ("Nudge the selected cards 10 units (Shift: 1 unit)", "Arrow keys"),
    ("Pan", "Space+drag / middle drag"),
    ("Pan left and right / up and down", "Shift+wheel or sideways wheel / Alt+wheel"),
    ("Zoom at the pointer", "Wheel"),
    ("Move a card without putting it into a container", "Alt while dropping"),
    ("Rename in place", "Double-click"),
    ("Cancel a drag, a rename or the find bar", "Esc"),
    ("Back to the canvas from any panel", "Esc"),
)
"""Mouse and keyboard gestures that are no menu action, for Help > Keyboard Shortcuts."""
FILE_FILTER = "DAO state files (*.dao.yaml *.dao.json *.yaml *.yml *.json);;All files (*)"


_KEY_WORDS = {"Ctrl", "Shift", "Alt", "Meta", "Del", "Ins", "Backspace", "Esc", "Home", "End", "PgUp", "PgDown",
              "Left", "Right", "Up", "Down", "Tab", "Return", "Enter", "Space"}


def _on_a_keyboard(keys: str) -> bool:
    """Whether a key sequence uses ordinary keys: the platform's standard bindings also list media
    keys ("Open", "Shift+Save", "Undo") that no ordinary keyboard has."""
    parts = [p for p in keys.replace("++", "+plus").split("+") if p]
    return all(len(p) == 1 or p == "plus" or p in _KEY_WORDS or (p[0] == "F" and p[1:].isdigit() and int(p[1:]) <= 12)
               for p in parts)


def blank_document() -> Document:
    return Document(organization=Organization(name="Untitled network"))


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, recovery: Recovery | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.recovery = recovery or Recovery()
        self.path: str | None = None
        self._shown_organization = ""
        self.presentation: PresentationController | None = None
        self.model = DocumentModel(blank_document())
        self.stack = UndoStack(self.model)
        self.scene = CanvasScene(self.model)
        self.view = CanvasView(self.scene, self.stack, self)
        self.setCentralWidget(self._central())
        self.setWindowIcon(QIcon(str(ICON)))
        self.setAcceptDrops(True)
        self.docks: dict[str, QDockWidget] = {}
        self.escape_to_canvas = EscapeToCanvas(self)
        self.panels_hider = PanelsHider(self)
        self.view.after_rename = lambda pid: offer_id_from_name(self, pid)
        self.actions_ = Actions(self)
        self.palette = Palette()
        self.add_dock("palette", "Palette", self.palette, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.history = HistoryView(self.stack)
        self.add_dock("history", "History", self.history, Qt.DockWidgetArea.RightDockWidgetArea)
        self.minimap = Minimap(self.view)
        self.add_dock("overview", "Overview", self.minimap, Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.docks["palette"]], [170], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["history"]], [260], Qt.Orientation.Horizontal)
        self._status_widgets()
        self.stack.subscribe(self._on_stack)
        self.view.status.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.view.zoomChanged.connect(lambda z: self.zoom_label.setText(f"{z * 100:.0f} %"))
        self.view.filesDropped.connect(self._open_dropped)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._file_changed)
        self.disk_stamp: FileStamp | None = None  # the file as read or last written (ui.save_flow)
        self.recovered_file: Path | None = None
        self.autosave_error: str | None = None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(self.settings.autosave_seconds() * 1000)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.autosave_timer.start()
        self.actions_.themes.get(self.settings.theme(), self.actions_.themes["system"]).setChecked(True)
        self._refresh_recent()
        self._on_stack()
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 880)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        from ui.panels.install import install_panels

        install_panels(self)

    # --- layout of the window ------------------------------------------------------------------

    def _central(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.notice = QWidget()
        nl = QHBoxLayout(self.notice)
        nl.setContentsMargins(10, 4, 10, 4)
        self.notice_label = QLabel()
        self.reload_button = QPushButton("Reload from disk")
        self.keep_button = QPushButton("Keep my version")
        self.reload_button.clicked.connect(self.reload_from_disk)
        self.keep_button.clicked.connect(self.notice.hide)
        nl.addWidget(self.notice_label, 1)
        nl.addWidget(self.reload_button)
        nl.addWidget(self.keep_button)
        self.notice.setStyleSheet("background: #fff4d6; color: #5a4300;")
        self.notice.hide()
        self.find_bar = QLineEdit()
        self.find_bar.setPlaceholderText("Find by name (Enter: next, Esc: close)")
        self.find_bar.returnPressed.connect(self.find_next)
        self.find_bar.textChanged.connect(lambda _t: self.find_next(restart=True))
        self.find_bar.hide()
        lay.addWidget(self.notice)
        lay.addWidget(self.find_bar)
        lay.addWidget(self.view, 1)
        return box

    def add_dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        """Add a side panel; it gets a toggle under View > Panels and its place is remembered."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.escape_to_canvas.watch(dock)  # Esc in a panel: back to the canvas
        self.actions_.panels_menu.addAction(dock.toggleViewAction())
        self.docks[name] = dock
        return dock

    def _status_widgets(self) -> None:
        bar = self.statusBar()
        self.counts_label = QLabel()
        self.problems_label = QLabel("no problems")
        self.zoom_label = QLabel("100 %")
        for label in (self.counts_label, self.problems_label, self.zoom_label):
            bar.addPermanentWidget(label)

    # --- state ---------------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return not self.stack.is_clean()

    def _on_stack(self) -> None:
        self.scene.flush()
        a = self.actions_
        a.undo.setEnabled(self.stack.can_undo())
        a.redo.setEnabled(self.stack.can_redo())
        # The menu names the step; the toolbar keeps a fixed "Undo" (set in Actions) so its buttons
        # do not shift under the pointer, and says the step in the tooltip.
        for action, verb, what in ((a.undo, "Undo", self.stack.undo_text()), (a.redo, "Redo", self.stack.redo_text())):
            short = what if len(what) <= 48 else what[:47] + "…"  # names are free text, up to 100,000 characters
            action.setText(f"&{verb} {short.replace('&', '&&')}".rstrip())  # a typed & is no mnemonic
            action.setToolTip(f"{verb} {short}".rstrip())
        name = Path(self.path).name if self.path else "Untitled"
        organization = self.model.organization.name
        shown = organization if len(organization) <= 60 else organization[:59] + "…"  # up to 1000 characters
        self.setWindowTitle(f"{shown.replace('[*]', '[ *]')} — {name}[*] — {APP_NAME}")
        if organization != self._shown_organization:  # the canvas header names it too
            self._shown_organization = organization
            self.view.refresh_header()
        self.setWindowModified(self.is_dirty())
        kinds: dict[str, int] = {}
        for p in self.model.primitives:
            kinds[p.kind] = kinds.get(p.kind, 0) + 1
        self.counts_label.setText(
            f"{len(self.model.primitives)} primitives · {len(self.model.links)} links"
        )

    def _load(self, doc: Document, path: str | None, dirty: bool = False) -> None:
        self.view.finish_rename(commit=False)
        if self.path:
            self.watcher.removePath(self.path)
        self.recovery.discard(self.path)
        save_flow.forget_recovered(self)
        self.model.replace_document(doc)
        self.stack.clear()
        self.path = path
        if path:
            self.watcher.addPath(path)
            self.settings.add_recent(path)
            self._refresh_recent()
        self.scene.flush()
        self.notice.hide()
        if dirty:
            self.stack.mark_unsaved()
        self._on_stack()
        QTimer.singleShot(0, self.view.show_document)

    # --- files ---------------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; False means the user cancelled."""
        if not self.is_dirty():
            return True
        answer = save_flow.ask_save(
            self, APP_NAME, f"Save the changes to {Path(self.path).name if self.path else 'Untitled'}?")
        if answer == save_flow.SAVE:
            return self.save()
        return answer == save_flow.DONT_SAVE

    def open_path(self, path: str, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        stamp = stamp_file(path)  # before reading: a change made meanwhile then counts as a change
        try:
            doc = load_document(path)
        except LoadError as exc:
            QMessageBox.critical(self, APP_NAME, f"Cannot open {path}:\n\n{exc}")
            return False
        self._load(doc, path)
        save_flow.opened(self, stamp)
        self.view.setFocus()  # the canvas takes the keys (zoom, nudge) right after Open
        self.statusBar().showMessage(f"Opened {path}", 5000)
        return True

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open", self.file_folder(), FILE_FILTER)
        if path:
            self.open_path(path)

    def _open_dropped(self, paths: list[str]) -> None:
        if paths:
            self.open_path(paths[0])

    def new_from_template(self) -> None:
        from ui.template_dialog import TemplateDialog

        if not self.maybe_save():
            return
        dialog = TemplateDialog(self)
        if dialog.exec() and dialog.chosen() is not None:
            template = dialog.chosen()
            assert template is not None
            self.new_document(template.document(), dialog.organization_name())

    def new_document(self, doc: Document, organization: str | None = None) -> None:
        data = doc.to_data()
        data.pop("x-template", None)
        if organization:
            data["organization"]["name"] = organization
        self._load(Document.model_validate(data), None)

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def _document_name(self) -> str:
        """What a new document's file is called: its organization, or while that still has the
        placeholder name, its first DAO."""
        name = self.model.organization.name
        if name == blank_document().organization.name:
            dao = next((p for p in self.model.primitives if p.kind == "dao"), None)
            if dao is not None:
                return dao.name
        return name

    def file_folder(self) -> str:
        """Where Open and Save As start: the open file's folder, else the most recent file's (not
        the app's own samples), else the user's documents folder (never the folder the app
        happened to be started from)."""
        samples = SAMPLES.resolve()
        for path in ([self.path] if self.path else []) + self.settings.recent_files():
            folder = Path(path).parent
            if folder.is_dir() and (folder.resolve() != samples or path == self.path):
                return str(folder)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return documents if documents and Path(documents).is_dir() else str(Path.home())

    def save_as(self) -> bool:
        start = self.path or str(Path(self.file_folder()) / f"{unique_id(self._document_name(), ())}.dao.yaml")
        path, _ = QFileDialog.getSaveFileName(self, "Save As", start, FILE_FILTER)
        if not path:
            return False
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        return save_flow.save_to(self, path)

    def revert(self) -> None:
        if self.path and (not self.is_dirty() or self.maybe_save_discard()):
            self.open_path(self.path, ask=False)

    def maybe_save_discard(self) -> bool:
        answer = QMessageBox.question(self, APP_NAME, "Discard your changes and reload the saved file?")
        return answer == QMessageBox.StandardButton.Yes

    def _refresh_recent(self) -> None:
        menu = self.actions_.recent_menu
        menu.clear()
        for path in self.settings.recent_files():
            menu.addAction(path, lambda p=path: self.open_path(p))
        menu.setEnabled(not menu.isEmpty())

    def _file_changed(self, path: str) -> None:
        if path != self.path:
            return
        if not Path(path).exists():
            self.notice_label.setText(f"{Path(path).name} was deleted or renamed on disk.")
            self.notice.show()
            return
        if path not in self.watcher.files():
            self.watcher.addPath(path)
        if self.disk_stamp is not None and self.disk_stamp.same_content(stamp_file(path, self.disk_stamp)):
            return  # our own save, or a write of the same bytes
        self.notice_label.setText(f"{Path(path).name} changed on disk.")
        self.notice.show()

    def reload_from_disk(self) -> None:
        self.notice.hide()
        if self.path:
            self.open_path(self.path, ask=False)

    # --- autosave and recovery ---------------------------------------------------------------

    def autosave_now(self) -> Path | None:
        return save_flow.autosave(self)

    def offer_recovery(self, keep_open: bool = False) -> bool:
        """At start-up: offer each document a crashed session left (see ui.save_flow); with
        ``keep_open`` the open file stays unless its own unsaved changes are recovered."""
        return save_flow.offer_recovery(self, keep_open)

    def spawn(self) -> MainWindow:
        """Another window of this app (a second recovered document opens in one)."""
        window = MainWindow(self.settings, Recovery(self.recovery.folder))
        self.others = [*getattr(self, "others", []), window]
        window.show()
        return window

    # --- editing -------------------------------------------------------------------------------

    def stack_undo(self) -> None:
        title = self.stack.undo_text()
        self.stack.undo()
        if title:
            self.report(f"undid: {title}")

    def stack_redo(self) -> None:
        title = self.stack.redo_text()
        self.stack.redo()
        if title:
            self.report(f"redid: {title}")

    def report(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def delete_selection(self) -> None:
        ids = self.scene.selected_ids()
        keys = self.scene.selected_link_keys()
        commands: list[object] = []
        if keys:
            commands.append(RemoveLinks(keys))
        if ids:
            commands.append(RemovePrimitives(ids))
        if commands and push_gesture(self.stack, "Delete", commands, self.report):
            removed = commands[-1] if ids else None
            count = len(removed.result or []) if isinstance(removed, RemovePrimitives) else 0
            links = len(keys) + (removed.removed_links if isinstance(removed, RemovePrimitives) else 0)
            self.report(f"deleted {plural(count, 'item')}, {plural(links, 'link')} — Ctrl+Z to undo")

    def copy(self) -> None:
        ids = self.scene.selected_ids()
        if not ids:
            return
        fragment = copy_fragment(self.model, ids)
        # Plain text, not a QMimeData made here: the clipboard keeps its data past the end of the
        # interpreter, and deleting a Python-made QMimeData at process exit crashes PySide6.
        # The fragment carries its own format marker, which paste() checks.
        QGuiApplication.clipboard().setText(json.dumps(fragment, ensure_ascii=False))

    def cut(self) -> None:
        self.copy()
        ids = self.scene.selected_ids()
        if ids:
            push_gesture(self.stack, "Cut", [RemovePrimitives(ids)], self.report)

    def paste(self) -> None:
        data = QGuiApplication.clipboard().mimeData()
        raw = bytes(data.data(FRAGMENT_MIME).data()).decode() if data.hasFormat(FRAGMENT_MIME) else data.text()
        try:
            fragment = json.loads(raw)
        except (ValueError, TypeError):
            self.report("the clipboard does not hold DAO Primitives Designer items")
            return
        if not isinstance(fragment, dict):
            self.report("the clipboard does not hold DAO Primitives Designer items")
            return
        selected = self.scene.selected_ids()
        parent = selected[0] if len(selected) == 1 and self.model[selected[0]].kind in ("dao", "cell") else None
        tops_kinds = {p.get("kind") for p in fragment.get("primitives", []) if p.get("parent") not in
                      {q.get("id") for q in fragment.get("primitives", [])}}
        if not tops_kinds & {"role", "task"}:
            parent = None
        try:
            command = PasteFragment(fragment, (30.0, 30.0), parent)  # checks the fragment's format
            command.offset = self._paste_offset(fragment)
        except CommandError as exc:
            self.report(str(exc))
            return
        if push_gesture(self.stack, "Paste", [command], self.report):
            self._select(command.result)
            self.view.show_ids(command.result)

    def _paste_offset(self, fragment: dict[str, object]) -> tuple[float, float]:
        """How far pasted cards move from where they were copied: to the free spot nearest their
        first card (in its lane), so a paste never lands on the original or on another card; a
        cut and pasted card comes back where it was."""
        layout = fragment.get("layout")
        prims = fragment.get("primitives")
        if not isinstance(layout, dict) or not layout or not isinstance(prims, list):
            return (30.0, 30.0)
        scales = {p.get("id"): p.get("scale") for p in prims if isinstance(p, dict)}
        try:
            first, (x, y) = min(((k, (float(v[0]), float(v[1]))) for k, v in layout.items()), key=lambda kv: kv[1])
        except (TypeError, ValueError, IndexError, KeyError):
            return (30.0, 30.0)  # a layout this app did not write: PasteFragment decides what to make of it
        scale = scales.get(first)
        if scale not in SCALES:
            return (30.0, 30.0)
        lane = SCALES.index(scale)
        top_left = self.scene.from_layout(lane, (x, y))
        if first in self.scene.cards:
            height = self.scene.card_height(str(first))
        else:  # cut, or copied elsewhere: about a chip or task row per item inside it
            inside = sum(1 for p in prims if isinstance(p, dict) and p.get("id") != first and p.get("kind") in
                         ("role", "task"))
            height = CARD_HEADER + inside * (CHIP_HEIGHT + CHIP_GAP)
        spot = free_spot_near(self.scene, lane, top_left, height, ignore=set())
        nx, ny = layout_at(self.scene, lane, spot, self.view.snap)
        return (nx - x, ny - y)

    def duplicate(self) -> None:
        ids = self.scene.selected_ids()
        if ids:
            command = Duplicate(self.model, ids)
            command.offset = self._paste_offset(command.fragment)
            if push_gesture(self.stack, "Duplicate", [command], self.report):
                self._select(command.result)
                self.view.show_ids(command.result)

    def _select(self, ids: list[str]) -> None:
        self.scene.flush()
        self.scene.select_ids(ids)

    def select_all(self) -> None:
        for card in self.scene.cards.values():
            card.setSelected(True)

    def rename_selection(self) -> None:
        ids = self.scene.selected_ids()
        if ids:
            self.view.start_rename(ids[0])

    def insert_new(self, kind: str) -> None:
        """Insert > New …: by the selected card (in its lane), else under the mouse, else mid-view."""
        self.view.drop_new(kind, insert_point(self.view), free_spot=True)

    def auto_layout(self) -> None:
        positions = auto_layout(self.model.primitives, self.model.links)
        if positions:
            push_gesture(self.stack, "Auto-layout", [MovePrimitives(positions)], self.report)
            QTimer.singleShot(0, self.view.fit)

    # --- organization and keyboard-first commands --------------------------------------------

    def edit_properties(self) -> None:
        from ui.properties_dialog import edit_properties

        edit_properties(self)

    def link_to(self) -> None:
        from ui.link_to import link_to

        link_to(self)

    def id_from_name(self) -> None:
        from ui.id_from_name import id_from_name

        id_from_name(self)

    def hide_all_panels(self, hide: bool) -> None:
        back = 0 if hide else len(self.panels_hider.hidden)
        self.panels_hider.set_hidden(hide)
        if not hide:  # replaces "hid N panels — …", which would be stale now
            self.report(f"showed {plural(back, 'panel')} again" if back else "no hidden panels to show")

    # --- find ----------------------------------------------------------------------------------

    def show_find(self) -> None:
        self.find_bar.show()
        self.find_bar.setFocus()
        self.find_bar.selectAll()
        self._find_at = -1

    def find_next(self, restart: bool = False) -> None:
        text = self.find_bar.text().strip().lower()
        if not text:
            return
        hits = [p.id for p in self.model.primitives if text in p.name.lower()]
        if not hits:
            self.report(f"no primitive named like '{text}'")
            return
        self._find_at = 0 if restart else (getattr(self, "_find_at", -1) + 1) % len(hits)
        self._select([hits[self._find_at]])
        self.view.centre_on_ids([hits[self._find_at]])
        self.report(f"{self._find_at + 1} of {len(hits)} matches")

    def keyPressEvent(self, event: object) -> None:
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape and self.find_bar.isVisible():
            self.find_bar.hide()
            self.view.setFocus()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    # --- theme, help ----------------------------------------------------------------------------

    def set_theme(self, theme: str) -> None:
        self.settings.set_theme(theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            variant = apply_theme(app, theme)
            from ui.canvas.style import style

            self.scene.setBackgroundBrush(style(variant).background)
            self.scene._full = True
            self.scene.flush()
            self.view.refresh_header()

    def present(self) -> None:
        """View > Present (F5): presentation mode for workshops; F5 or Esc leaves it."""
        from ui.presentation.controller import PresentationController

        if self.presentation is None:
            self.presentation = PresentationController(self)
        self.presentation.toggle()

    def about(self) -> None:
        QMessageBox.about(self, APP_NAME, f"<b>{APP_NAME}</b><p>Design DAO governance with SuperBenefit's "
                          "DAO Primitives framework: DAOs, cells, roles and tasks across four scales.</p>")

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(what, keys) for every action and shortcut of the window, then the canvas's gestures."""
        rows: dict[str, list[str]] = {}
        for action in self.findChildren(QAction):
            keys = [k for k in (seq.toString(QKeySequence.SequenceFormat.NativeText) for seq in action.shortcuts())
                    if k and _on_a_keyboard(k)]
            name = action.iconText().replace("&", "").strip()
            if keys and name:
                rows.setdefault(name, [])
                rows[name] += [k for k in keys if k not in rows[name]]
        for shortcut in self.findChildren(QShortcut):
            key = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
            name = shortcut.whatsThis() or shortcut.objectName()
            if key and name:
                rows.setdefault(name, []).append(key)
        return [(name, " / ".join(keys)) for name, keys in rows.items()] + list(GESTURES)

    def show_shortcuts(self) -> QDialog:
        """Help > Keyboard Shortcuts (F1): a window that fits the screen, its table scrolls."""
        from ui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.shortcut_rows(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- window events -------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        self._open_dropped(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.recovery.discard(self.path)
        self.recovery.lock.release()  # a clean close: nothing of this session is left to recover
        save_flow.forget_recovered(self)
        self.autosave_timer.stop()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.scene.detach()
        event.accept()

    def selected_cards(self) -> list[CardItem]:
        return [i for i in self.scene.selectedItems() if isinstance(i, CardItem)]
