"""State as a folder: one YAML file per primitive, in folders that follow containment, plus an index.

Each primitive's state can then be linked to (``primitives/regen-dao/ops.yaml``), reviewed in its
own pull request and diffed on its own. ``index.yaml`` keeps everything else: the organization,
rule settings, the order of primitives with their files, and the links; the design guide and
canvas layout get files of their own. Re-exporting into the same folder rewrites only files whose
content changed and removes the files of primitives that are gone (only files the previous index
listed), so a folder under version control shows exactly what changed.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path, PurePosixPath
from typing import Any

from designer.export.registry import Exporter, ExportError, register
from designer.export.tree import Tree
from designer.io.yaml_write import dump_yaml
from designer.model.document import Document

DIR_FORMAT = "dao-designer/state-dir-1"
INDEX = "index.yaml"
DESIGN = "design.yaml"
LAYOUT = "layout.yaml"
PRIMITIVES = "primitives"


FOLDER_DEPTH = 16
"""Folders deep that files follow containment; deeper primitives sit in the folder of their
ancestor at this depth. Paths stay within every file system's limits (16 ids of at most 64
characters), and the index stays linear in size. Import reads containment from ``parent``, so the
folders are only for people."""


def primitive_paths(doc: Document) -> dict[str, str]:
    """The relative file of each primitive: its ancestors' ids as folders (the first
    ``FOLDER_DEPTH``), its own id as the name."""
    tree = Tree.of(doc)
    folders: dict[str, tuple[str, ...]] = {}
    out: dict[str, str] = {}
    for p, _ in tree.walk():
        above = folders[p.parent] + (p.parent,) if p.parent in folders else ()
        folders[p.id] = above[:FOLDER_DEPTH]
        out[p.id] = str(PurePosixPath(PRIMITIVES, *folders[p.id], f"{p.id}.yaml"))
    return out


def state_dir_files(doc: Document) -> dict[str, str]:
    """Every file of the folder export, relative path to text; the index first."""
    data = doc.to_data()
    paths = primitive_paths(doc)
    index: dict[str, Any] = {
        "format": DIR_FORMAT,
        "source_format": data["format"],
        "organization": data["organization"],
    }
    index["rules"] = data["rules"]
    files: dict[str, str] = {}
    if data["design"]:
        index["design"] = DESIGN
        files[DESIGN] = dump_yaml(data["design"])
    if data["layout"]:
        index["layout"] = LAYOUT
        files[LAYOUT] = dump_yaml(data["layout"])
    index["primitives"] = [{"id": p["id"], "kind": p["kind"], "file": paths[p["id"]]} for p in data["primitives"]]
    index["links"] = data["links"]
    index |= {k: v for k, v in data.items() if k.startswith("x-")}
    for p in data["primitives"]:
        files[paths[p["id"]]] = dump_yaml(p)
    return {INDEX: dump_yaml(index), **files}


def _previous_files(out: Path) -> set[str]:
    """Files the earlier export listed; an unrelated non-empty folder is refused."""
    if not out.exists():
        return set()
    if not out.is_dir():
        raise ExportError(f"{out}: is a file; --to state-dir writes a folder")
    index = out / INDEX
    if not index.is_file():
        if any(out.iterdir()):
            raise ExportError(f"{out}: the folder is not empty and holds no state-dir {INDEX}; choose an empty folder")
        return set()
    from designer.io.errors import LoadError
    from designer.io.load import parse_data

    try:
        data = parse_data(index.read_text(encoding="utf-8"), str(index), "yaml")
    except (LoadError, UnicodeDecodeError, OSError):
        raise ExportError(f"{index}: cannot read the earlier export's index; remove the folder first") from None
    if not isinstance(data, dict) or data.get("format") != DIR_FORMAT:
        raise ExportError(f"{index}: not a state-dir index ({DIR_FORMAT}); choose another folder")
    listed = {DESIGN, LAYOUT}
    for entry in data.get("primitives") or []:
        if isinstance(entry, dict) and isinstance(entry.get("file"), str):
            listed.add(entry["file"])
    return {f for f in listed if _safe(f)}


def _safe(relative: str) -> bool:
    parts = PurePosixPath(relative).parts
    return (
        bool(parts) and ".." not in parts and not PurePosixPath(relative).is_absolute() and relative.endswith(".yaml")
    )


def _replace(target: Path, text: str) -> None:
    """Write beside the target, then rename over it: a reader never sees half a file. No fsync per
    file (a folder of thousands would take seconds); the state file itself is the durable copy."""
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(text.encode("utf-8"))
    os.replace(tmp, target)


def write_state_dir(doc: Document, out: Path) -> None:
    previous = _previous_files(out)
    files = state_dir_files(doc)
    try:
        out.mkdir(parents=True, exist_ok=True)
        for relative, text in files.items():
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileNotFoundError, UnicodeDecodeError):
                if target.read_text(encoding="utf-8") == text:
                    continue
            _replace(target, text)
        for relative in sorted(previous - files.keys()):
            with contextlib.suppress(FileNotFoundError):
                (out / relative).unlink()
        folders = sorted((p for p in (out / PRIMITIVES).rglob("*") if p.is_dir()), key=lambda p: -len(p.parts))
        for folder in folders:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only succeeds when empty
    except OSError as exc:
        raise ExportError(f"{out}: cannot write: {exc.strerror or exc}") from None


register(
    Exporter("state-dir", "one YAML file per primitive in a folder tree, with an index", "", write_dir=write_state_dir)
)
