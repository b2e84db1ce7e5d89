"""Menus and toolbar: every command of the main window as a QAction with the platform's shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from ui.themes import THEMES

if TYPE_CHECKING:
    from ui.main_window import MainWindow

SK = QKeySequence.StandardKey
INSERT_KEYS = (("dao", "&DAO", "Ctrl+Shift+D"), ("cell", "&Cell", "Ctrl+Shift+C"), ("role", "&Role", "Ctrl+Shift+R"),
               ("task", "&Task", "Ctrl+Shift+T"), ("partner", "&Partner", "Ctrl+Shift+P"))
"""Insert > New …: (kind, label with its mnemonic, shortcut); no other action of the window uses these keys."""


class Actions:
    def __init__(self, w: MainWindow) -> None:
        self.w = w
        v = w.view

        def act(text: str, slot: Callable[[], object], key: QKeySequence.StandardKey | str | None = None,
                tip: str = "") -> QAction:
            a = QAction(text, w)
            if isinstance(key, str):
                a.setShortcut(QKeySequence(key))
            elif key is not None:
                a.setShortcuts(QKeySequence.keyBindings(key))
            a.setStatusTip(tip or text.replace("&", "").rstrip("…"))
            a.triggered.connect(lambda _=False: slot())
            return a

        self.new = act("&New from Template…", w.new_from_template, SK.New)
        self.open = act("&Open…", w.open_dialog, SK.Open)
        self.save = act("&Save", w.save, SK.Save)
        self.save_as = act("Save &As…", w.save_as, SK.SaveAs)
        if not self.save_as.shortcuts():
            self.save_as.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.revert = act("Re&vert to Saved", w.revert)
        self.close = act("&Close Window", w.close, SK.Close)
        self.quit = act("&Quit", w.close, SK.Quit)
        if not self.quit.shortcuts():
            self.quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.undo = act("&Undo", w.stack_undo, SK.Undo)
        self.redo = act("&Redo", w.stack_redo, SK.Redo)
        self.undo.setIconText("Undo")
        self.redo.setIconText("Redo")
        # Ctrl+Y and Ctrl+Shift+Z both redo, whatever the platform's own binding is
        redo_keys = list(self.redo.shortcuts())
        for extra in ("Ctrl+Shift+Z", "Ctrl+Y"):
            if QKeySequence(extra) not in redo_keys:
                redo_keys.append(QKeySequence(extra))
        self.redo.setShortcuts(redo_keys)
        self.cut = act("Cu&t", w.cut, SK.Cut)
        self.copy = act("&Copy", w.copy, SK.Copy)
        self.paste = act("&Paste", w.paste, SK.Paste)
        self.duplicate = act("&Duplicate", w.duplicate, "Ctrl+D")
        self.delete = act("&Delete", w.delete_selection, SK.Delete)
        self.delete.setShortcuts([QKeySequence("Delete"), QKeySequence("Backspace")])
        self.select_all = act("Select &All", w.select_all, SK.SelectAll)
        self.rename = act("Re&name", w.rename_selection, "F2")
        self.find = act("&Find by Name…", w.show_find, SK.Find)
        self.zoom_in = act("Zoom &In", v.zoom_in, SK.ZoomIn)
        if QKeySequence("Ctrl+=") not in self.zoom_in.shortcuts():  # the + key without Shift
            self.zoom_in.setShortcuts([*self.zoom_in.shortcuts(), QKeySequence("Ctrl+=")])
        self.zoom_out = act("Zoom &Out", v.zoom_out, SK.ZoomOut)
        self.zoom_reset = act("&Actual Size (100 %)", v.zoom_reset, "Ctrl+0")
        self.fit = act("&Fit to Window", v.fit, "Shift+1")
        self.show_tasks = act("Show &Tasks", lambda: w.scene.set_show_tasks(self.show_tasks.isChecked()), "Ctrl+T")
        self.show_tasks.setCheckable(True)
        self.show_tasks.setChecked(True)
        self.snap_grid = act("&Snap to Grid", lambda: self.set_snap(self.snap_grid.isChecked()),
                             tip="Moved and dropped cards land on a 10-unit grid")
        self.snap_grid.setCheckable(True)
        self.snap_grid.setChecked(w.settings.snap_to_grid())
        v.snap = self.snap_grid.isChecked()
        self.show_legend = act("Show &Legend", lambda: self.set_legend(self.show_legend.isChecked()),
                               tip="The key to the link styles in the canvas's corner")
        self.show_legend.setCheckable(True)
        self.show_legend.setChecked(w.settings.q.value("canvas/show_legend", True) not in (False, "false", "0", 0))
        v.show_legend = self.show_legend.isChecked()
        self.show_badges = act("Show Problem &Badges", lambda: self.set_badges(self.show_badges.isChecked()),
                               tip="The count of findings on each card (hidden while presenting)")
        self.show_badges.setCheckable(True)
        self.show_badges.setChecked(w.settings.q.value("canvas/show_badges", True) not in (False, "false", "0", 0))
        w.scene.show_badges = self.show_badges.isChecked()
        self.present = act("&Present", w.present, "F5",
                           tip="Workshop mode: full screen, large type, one step at a time (Esc leaves)")
        self.auto_layout = act("&Auto-Layout", w.auto_layout, "Ctrl+Shift+L")
        # issue 12: naming the organization, and the keyboard-first commands
        self.properties = act("P&roperties…", w.edit_properties,
                              tip="The organization's name, approach and description")
        self.link_to = act("&Link to…", w.link_to, "L", tip="Link the selected card to another, by name, then kind")
        self.link_to.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # the canvas's key
        v.addAction(self.link_to)
        self.id_from_name = act("Id from &Name", w.id_from_name, "Ctrl+Shift+I",
                                tip="Give the selected item the id its name gives (unsaved or unreferenced)")
        self.hide_panels = act("&Hide All Panels", lambda: w.hide_all_panels(self.hide_panels.isChecked()),
                               "Ctrl+Shift+H", tip="Hide every side panel; again to bring the same ones back")
        self.hide_panels.setCheckable(True)
        self.about = act("&About DAO Primitives Designer", w.about)
        self.shortcuts = act("&Keyboard Shortcuts", w.show_shortcuts, SK.HelpContents)
        for a in (self.cut, self.copy, self.paste, self.duplicate, self.delete, self.select_all, self.rename,
                  self.zoom_in, self.zoom_out, self.zoom_reset, self.fit):
            a.setShortcutContext(a.shortcutContext())

        bar = w.menuBar()
        m = bar.addMenu("&File")
        m.addActions([self.new, self.open])
        self.recent_menu = m.addMenu("Open &Recent")
        m.addSeparator()
        m.addActions([self.save, self.save_as, self.revert])
        m.addAction(self.properties)
        self.export_menu: QMenu = m.addMenu("&Export")
        self.export_actions: dict[str, QAction] = {}
        self.export_menu.aboutToShow.connect(self._fill_export_menu)
        m.addSeparator()
        m.addActions([self.close, self.quit])
        m = bar.addMenu("&Edit")
        m.addActions([self.undo, self.redo])
        m.addSeparator()
        m.addActions([self.cut, self.copy, self.paste, self.duplicate, self.delete])
        m.addSeparator()
        m.addActions([self.select_all, self.rename, self.find])
        m.addSeparator()
        m.addActions([self.link_to, self.id_from_name])
        self.view_menu = bar.addMenu("&View")
        self.view_menu.addActions([self.zoom_in, self.zoom_out, self.zoom_reset, self.fit])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.show_tasks)
        self.view_menu.addAction(self.snap_grid)
        self.view_menu.addAction(self.show_legend)
        self.view_menu.addAction(self.show_badges)
        self.view_menu.addAction(self.present)
        theme_menu = self.view_menu.addMenu("T&heme")
        group = QActionGroup(w)
        self.themes: dict[str, QAction] = {}
        for name in THEMES:
            a = QAction(name.capitalize(), w, checkable=True)
            a.triggered.connect(lambda _=False, n=name: w.set_theme(n))
            group.addAction(a)
            theme_menu.addAction(a)
            self.themes[name] = a
        self.panels_menu: QMenu = self.view_menu.addMenu("&Panels")
        self.view_menu.addAction(self.hide_panels)
        m = bar.addMenu("&Insert")
        self.insert_actions = {}
        for kind, label, key in INSERT_KEYS:
            a = act(f"New {label}", lambda k=kind: w.insert_new(k), key,
                    tip=f"Add a {label.replace('&', '')} at the selection")
            m.addAction(a)
            self.insert_actions[kind] = a
        m = bar.addMenu("&Arrange")
        m.addAction(self.auto_layout)
        m = bar.addMenu("&Help")
        m.addActions([self.shortcuts, self.about])

        tb = QToolBar("Main", w)
        tb.setObjectName("main-toolbar")
        tb.addActions([self.new, self.open, self.save])
        tb.addSeparator()
        tb.addActions([self.undo, self.redo])
        tb.addSeparator()
        tb.addActions([self.zoom_out, self.zoom_in, self.fit, self.auto_layout])
        w.addToolBar(tb)
        self.toolbar = tb

    def _fill_export_menu(self) -> None:
        """Filled when first opened: the exporters' modules stay off the start-up path."""
        if not self.export_actions:
            from ui.export_menu import install_export_menu

            self.export_actions = install_export_menu(self.w, self.export_menu)

    def set_legend(self, on: bool) -> None:
        """View > Show Legend; remembered."""
        self.w.view.show_legend = on
        self.w.settings.q.setValue("canvas/show_legend", on)
        self.w.view.viewport().update()

    def set_badges(self, on: bool) -> None:
        """View > Show Problem Badges; remembered."""
        self.w.scene.set_show_badges(on)
        self.w.settings.q.setValue("canvas/show_badges", on)

    def set_snap(self, on: bool) -> None:
        """View > Snap to Grid: the view snaps from the next move on; the choice is remembered."""
        self.w.view.snap = on
        self.w.settings.set_snap_to_grid(on)

    def all(self) -> list[QAction]:
        return [a for a in vars(self).values() if isinstance(a, QAction)]
