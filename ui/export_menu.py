"""File > Export: the canvas as drawn (PNG, SVG) and every format of the core's export registry.

The export is of the document as it is in the window, saved or not. Formats come from
``designer.export.registry``, the same table ``dao-designer export --to`` reads, so a format
added there shows up here. A file is written atomically; a folder export (state-dir) goes into a
folder the user picks; the canvas pictures are written next to the target and moved over it.
What cannot be exported (Graphviz missing, a Hats limit exceeded) is said
in a message naming the reason, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from designer.export.registry import Exporter, ExportError, load_all
from designer.io.save import atomic_write

if TYPE_CHECKING:
    from ui.main_window import MainWindow

IN_SAVE_AS = ("yaml", "json")
"""Formats File > Save As already writes: not repeated under Export."""
CANVAS = (
    ("png", "Canvas as Drawn (PNG)…", "PNG images (*.png)"),
    ("svg", "Canvas as Drawn (SVG)…", "SVG images (*.svg)"),
)
LABELS = {
    "csv": ("Roles and Members (CSV)", "CSV spreadsheets", ""),
    "hats": ("Hats Protocol Tree (JSON)", "Hats tree JSON", "-hats"),
    "daouri": ("daoURI, EIP-4824 (JSON)", "daoURI JSON", "-daouri"),
    "dot": ("Structure Diagram Source (Graphviz DOT)", "Graphviz DOT", ""),
    "svg": ("Structure Diagram (SVG, Graphviz)", "SVG images", "-diagram"),
    "png": ("Structure Diagram (PNG, Graphviz)", "PNG images", "-diagram"),
    "pdf": ("Structure Diagram (PDF, Graphviz)", "PDF documents", "-diagram"),
    "mermaid": ("Mermaid Flowchart", "Mermaid", ""),
    "markdown": ("Governance Handbook (Markdown)", "Markdown", "-handbook"),
    "state-dir": ("State Folder (one YAML file per primitive)", "", "-state"),
}
"""Menu text, file-type name and file-name ending of each format; the description (the CLI's
wording) is the status tip. A format the registry adds later shows with its description."""
LAST_FOLDER = "export/folder"


def install_export_menu(window: MainWindow, menu: QMenu) -> dict[str, QAction]:
    """Fill ``menu``; returns its actions by format (``canvas-png``, ``canvas-svg``, ``markdown``…)."""
    actions: dict[str, QAction] = {}

    def add(key: str, text: str, slot: Callable[[], None], tip: str) -> None:
        action = menu.addAction(text)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _=False: slot())
        actions[key] = action

    for fmt, text, file_filter in CANVAS:
        add(f"canvas-{fmt}", text, lambda f=fmt, ff=file_filter: export_canvas(window, f, ff),
            f"the canvas as the app draws it, as {fmt.upper()}")
    menu.addSeparator()
    for name, exporter in load_all().items():
        if name in IN_SAVE_AS:
            continue
        label = LABELS.get(name, (f"{exporter.description[0].upper()}{exporter.description[1:]}", "", ""))[0]
        add(name, f"{label}…", lambda e=exporter: export_document(window, e), exporter.description)
    return actions


def _start(window: MainWindow, suffix: str) -> str:
    """Where the file dialog starts: the last export folder, else the document's, with the
    document's name and ``suffix``."""
    stem = Path(window.path).name.split(".")[0] if window.path else "untitled"
    folder = str(window.settings.q.value(LAST_FOLDER, "") or "")
    if not folder or not Path(folder).is_dir():
        folder = str(Path(window.path).parent) if window.path else str(Path.home())
    return str(Path(folder) / f"{stem}{suffix}")


def _remember(window: MainWindow, path: str) -> None:
    window.settings.q.setValue(LAST_FOLDER, str(Path(path).resolve().parent))


def export_document(window: MainWindow, exporter: Exporter) -> str | None:
    """Ask where, then write ``exporter``'s output for the window's document; returns the path."""
    doc = window.model.snapshot()
    if exporter.write_dir is not None:
        folder = QFileDialog.getExistingDirectory(window, f"Export {exporter.name} into folder",
                                                  str(Path(_start(window, "")).parent))
        if not folder:
            return None
        target = Path(folder) / (Path(_start(window, "")).name + LABELS.get(exporter.name, ("", "", "-state"))[2])
        try:
            exporter.write_dir(doc, target)
        except (ExportError, OSError) as exc:
            return _refused(window, exporter.name, exc)
        _remember(window, str(target))  # the next export starts in the chosen folder
        window.statusBar().showMessage(f"exported {exporter.name} to {target}", 8000)
        return str(target)
    label, kind, ending = LABELS.get(exporter.name, (exporter.name, exporter.name, ""))
    path, _ = QFileDialog.getSaveFileName(window, f"Export {label}", _start(window, ending + exporter.suffix),
                                          f"{kind} (*{exporter.suffix});;All files (*)")
    if not path:
        return None
    if window.path and Path(path).resolve() == Path(window.path).resolve():
        return _refused(window, exporter.name, OSError(f"{path} is the open document; choose another file"))
    assert exporter.render is not None
    try:
        atomic_write(path, exporter.render(doc))
    except (ExportError, OSError) as exc:
        return _refused(window, exporter.name, exc)
    _remember(window, path)
    window.statusBar().showMessage(f"exported {exporter.name} to {path}", 8000)
    return path


def export_canvas(window: MainWindow, fmt: str, file_filter: str) -> str | None:
    """The canvas as drawn, in the current theme, into a PNG or SVG file."""
    from ui import render

    path, _ = QFileDialog.getSaveFileName(window, f"Export Canvas as Drawn ({fmt.upper()})",
                                          _start(window, f"-canvas.{fmt}"), file_filter)
    if not path:
        return None
    if not path.lower().endswith(f".{fmt}"):
        path += f".{fmt}"
    org = window.model.organization
    scene = window.scene
    selected = scene.selectedItems()  # cards, chips, task rows and links
    scene.clearSelection()  # the picture shows the design, not what happens to be selected
    try:
        note = render.render_scene(scene, path, title=f"{org.name}  ·  {org.approach} approach",
                                   max_side=render.MAX_SIDE)
    except OSError as exc:
        return _refused(window, f"canvas {fmt.upper()}", exc)
    finally:
        for item in selected:
            if item.scene() is scene:
                item.setSelected(True)
    _remember(window, path)
    # A picture over the size cap is drawn smaller: say so, as `render` does on the command line.
    window.statusBar().showMessage(f"exported the canvas to {path}" + (f" ({note})" if note else ""), 12000)
    return path


def _refused(window: MainWindow, what: str, exc: Exception) -> None:
    QMessageBox.warning(window, "Export", f"Could not export {what}: {exc}\n\nNothing was written.")
    return None
