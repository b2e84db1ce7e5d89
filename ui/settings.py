"""Persistent settings (QSettings): window geometry, recent files, theme, autosave interval, grid snapping."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORG, APP = "SuperBenefit", "DAO Primitives Designer"
MAX_RECENT = 10


class Settings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.q = settings or QSettings(ORG, APP)

    def recent_files(self) -> list[str]:
        value = self.q.value("recent_files", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [str(v) for v in items if v]

    def add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        items = [p for p in self.recent_files() if p != path]
        self.q.setValue("recent_files", [path, *items][:MAX_RECENT])

    def clear_recent(self) -> None:
        self.q.setValue("recent_files", [])

    def theme(self) -> str:
        return str(self.q.value("theme", "system"))

    def set_theme(self, theme: str) -> None:
        self.q.setValue("theme", theme)

    def geometry(self) -> QByteArray | None:
        value = self.q.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self.q.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue("window/geometry", geometry)
        self.q.setValue("window/state", state)

    def autosave_seconds(self) -> int:
        return int(self.q.value("autosave_seconds", 20))

    def snap_to_grid(self) -> bool:
        """View > Snap to Grid; on unless turned off."""
        value = self.q.value("canvas/snap_to_grid", True)
        return value not in (False, "false", "0", 0)

    def set_snap_to_grid(self, on: bool) -> None:
        self.q.setValue("canvas/snap_to_grid", on)
