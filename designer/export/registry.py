"""Export formats by name. Each exporter turns a document into text or bytes, or writes a folder.

``dao-designer export --to NAME`` and File > Export both look formats up here, so a format added
here is available in both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from designer.io.save import document_text
from designer.model.document import Document


class ExportError(Exception):
    """An export that cannot be made (a tool missing, a limit of the target format exceeded)."""


@dataclass(frozen=True)
class Exporter:
    name: str
    description: str
    suffix: str
    """File name ending, e.g. ``.dot``; empty for folder exports."""
    render: Callable[[Document], str | bytes] | None = None
    write_dir: Callable[[Document, Path], None] | None = None
    """For exports that produce a folder rather than one file."""

    @property
    def is_folder(self) -> bool:
        return self.write_dir is not None


EXPORTERS: dict[str, Exporter] = {}


def register(exporter: Exporter) -> Exporter:
    EXPORTERS[exporter.name] = exporter
    return exporter


register(Exporter("yaml", "the state file as YAML (*.dao.yaml)", ".dao.yaml", lambda d: document_text(d, "yaml")))
register(Exporter("json", "the state file as JSON (*.dao.json)", ".dao.json", lambda d: document_text(d, "json")))


def load_all() -> dict[str, Exporter]:
    """Import the exporter modules that register themselves, then list every format."""
    import importlib
    import pkgutil

    import designer.export as package

    for info in pkgutil.iter_modules(package.__path__):
        if info.name not in ("registry",) and not info.name.startswith("_"):
            importlib.import_module(f"designer.export.{info.name}")
    return EXPORTERS
