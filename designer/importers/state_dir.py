"""Reading a state-dir export back into one document (``import --from state-dir``).

The index names every file; each is read with the same strict YAML reader as a state file, and
the assembled document passes the same checks, so a folder edited by hand is held to the same
rules as a ``*.dao.yaml``.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from designer.export.state_dir import DIR_FORMAT, INDEX
from designer.importers.errors import ImportFailure, read_text
from designer.io.errors import LoadError
from designer.io.load import build_document, parse_data
from designer.model.document import Document


def _yaml(path: Path) -> Any:
    try:
        return parse_data(read_text(path), str(path), "yaml")
    except LoadError as exc:
        raise ImportFailure(str(path), exc.first.message, exc.first.line) from None


def _inside(root: Path, relative: Any, index: Path, what: str) -> Path:
    if not isinstance(relative, str) or not relative:
        raise ImportFailure(str(index), f"{what}: expected a file name")
    rel = PurePosixPath(relative)
    if rel.is_absolute() or ".." in rel.parts:
        raise ImportFailure(str(index), f"{what}: {relative!r} points outside the folder")
    return root / rel


def import_state_dir(path: str | Path, organization_name: str | None = None) -> Document:
    root = Path(path)
    index_path = root / INDEX if root.is_dir() else root
    folder = index_path.parent
    index = _yaml(index_path)
    if not isinstance(index, dict) or index.get("format") != DIR_FORMAT:
        raise ImportFailure(str(index_path), f"not a state-dir index (its format must be {DIR_FORMAT})", 1)
    data: dict[str, Any] = {
        "format": index.get("source_format"),
        "organization": index.get("organization"),
        "rules": index.get("rules", {}),
    }
    for key in ("design", "layout"):
        if key in index:
            data[key] = _yaml(_inside(folder, index[key], index_path, key))
    primitives = []
    for n, entry in enumerate(index.get("primitives") or []):
        where = f"primitives[{n}]"
        if not isinstance(entry, dict):
            raise ImportFailure(str(index_path), f"{where}: expected a mapping with id, kind and file")
        primitives.append(_yaml(_inside(folder, entry.get("file"), index_path, where)))
    data["primitives"] = primitives
    data["links"] = index.get("links", [])
    data |= {k: v for k, v in index.items() if isinstance(k, str) and k.startswith("x-")}
    if organization_name and isinstance(data["organization"], dict):
        data["organization"]["name"] = organization_name
    try:
        return build_document(data, "", str(index_path))
    except LoadError as exc:
        raise ImportFailure(str(index_path), exc.first.message) from None
