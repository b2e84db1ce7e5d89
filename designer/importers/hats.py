"""``import --from hats``: a Hats tree or branch export (JSON array of ``HatExport``) as a document.

Hats has no kinds, so they are inferred from the tree: the root hat is the DAO, a hat with hats
below it (or with a toggle criterion, the mark of a cell that ends) is a cell, and any other hat
is a role. Hat properties the state file does not model are kept in each primitive's ``x-hats``
mapping, so that exporting the imported file gives back the same tree. Real exports may carry
more than this: unknown fields are ignored, missing optional ones defaulted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from designer.export.hats import (
    ELIGIBILITY_LABEL,
    END_LABEL,
    REMOVAL_LABEL,
    X_HATS,
    ZERO_ADDRESS,
    is_address,
)
from designer.export.hats_ids import PLACEHOLDER_TREE, hat_ip, is_hat_id, split_id
from designer.importers.build import Source, build, check_primitive
from designer.importers.errors import ImportFailure, read_text
from designer.model.document import Document
from designer.model.ids import unique_id

FIELD_NAMES = {"name": "detailsObject.data.name", "description": "detailsObject.data.description"}


def _elements(text: str, file: str) -> list[tuple[int, Any]]:
    """The array's elements with the line each starts on; JSON errors name their line."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailure(file, f"JSON syntax error: {exc.msg} (column {exc.colno})", exc.lineno) from None
    except RecursionError:
        raise ImportFailure(file, "the JSON nests too deeply") from None
    if not isinstance(data, list):
        raise ImportFailure(file, "a Hats tree export is a JSON array of hats", 1)
    decoder = json.JSONDecoder()
    out: list[tuple[int, Any]] = []
    pos = text.index("[") + 1
    for _ in data:
        while text[pos] in " \t\r\n,":
            pos += 1
        value, end = decoder.raw_decode(text, pos)
        out.append((text.count("\n", 0, pos) + 1, value))
        pos = end
    return out


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _details(hat: dict[str, Any]) -> dict[str, Any]:
    """``detailsObject.data``, or the same parsed from a JSON ``details`` string, or a bare name."""
    obj = hat.get("detailsObject")
    if not isinstance(obj, dict):
        raw = hat.get("details")
        if isinstance(raw, str) and raw.lstrip().startswith("{"):
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError:
                obj = None
        elif isinstance(raw, str) and raw.strip() and not raw.startswith("ipfs://"):
            obj = {"data": {"name": raw.strip()}}
    data = obj.get("data") if isinstance(obj, dict) else None
    return data if isinstance(data, dict) else {}


def _item_text(entry: Any) -> str | None:
    if isinstance(entry, str):
        return _text(entry)
    if not isinstance(entry, dict):
        return None
    label, description = _text(entry.get("label")), _text(entry.get("description"))
    if label and description:
        return f"{label}: {description}"
    return label or description


def _items(value: Any) -> list[str]:
    return [t for t in (_item_text(v) for v in value) if t] if isinstance(value, list) else []


def _criteria(value: Any) -> dict[str, str]:
    """Criteria by label; several unlabelled or unknown ones are joined under ``""``."""
    out: dict[str, str] = {}
    criteria = value.get("criteria") if isinstance(value, dict) else None
    for entry in criteria if isinstance(criteria, list) else []:
        if not isinstance(entry, dict):
            continue
        label, description = _text(entry.get("label")), _text(entry.get("description"))
        if label in (ELIGIBILITY_LABEL, REMOVAL_LABEL, END_LABEL) and description:
            out[label] = description
        elif label or description:
            line = f"{label}: {description}" if label and description else (label or description or "")
            out[""] = f"{out['']}\n{line}" if "" in out else line
    return out


def _wearers(hat: dict[str, Any]) -> list[str]:
    out = []
    for w in hat.get("wearers") or []:
        ident = w.get("id") if isinstance(w, dict) else w
        if isinstance(ident, str) and ident.strip():
            out.append(ident.strip())
    return out


def _settings(hat: dict[str, Any]) -> dict[str, Any]:
    """The hat's own properties, for ``x-hats``."""
    out: dict[str, Any] = {}
    supply = hat.get("maxSupply")
    if isinstance(supply, str) and supply.isdigit():
        supply = int(supply)
    if isinstance(supply, int) and not isinstance(supply, bool):
        out["maxSupply"] = supply
    for key in ("eligibility", "toggle"):
        if isinstance(hat.get(key), str) and is_address(hat[key]):
            out[key] = hat[key]
        else:
            out[key] = ZERO_ADDRESS
    out["mutable"] = hat.get("mutable") is True
    if _text(hat.get("imageUri")):
        out["imageUri"] = hat["imageUri"]
    if hat.get("status") is False:
        out["status"] = False
    return out


def import_hats(path: str | Path, organization_name: str | None = None) -> Document:
    """Read a Hats tree export; raises :class:`ImportFailure` naming the file, line and hat."""
    file = str(path)
    elements = _elements(read_text(path), file)
    if not elements:
        raise ImportFailure(file, "the tree export holds no hats", 1)
    hats: dict[str, tuple[int, int, dict[str, Any]]] = {}
    for index, (line, hat) in enumerate(elements):
        if not isinstance(hat, dict):
            raise ImportFailure(file, f"hat {index + 1}: expected a JSON object", line)
        ident = hat.get("id")
        if not isinstance(ident, str) or not is_hat_id(ident):
            raise ImportFailure(file, f"hat {index + 1}: 'id' must be a hat id (0x and 64 hex digits)", line)
        key = ident.lower()
        if key in hats:
            raise ImportFailure(file, f"hat {index + 1}: id {ident} appears twice", line)
        hats[key] = (index, line, hat)
    paths = {key: split_id(key) for key in hats}
    trees = {tree for tree, _ in paths.values()}
    if len(trees) > 1:
        raise ImportFailure(
            file, f"the hats belong to {len(trees)} trees ({', '.join(map(str, sorted(trees)))}); import one"
        )
    tree_number = trees.pop()
    by_path = {p: key for key, (_, p) in paths.items()}
    roots = [key for key, (_, p) in paths.items() if not p or p[:-1] not in by_path]
    if len(roots) > 1:
        shown = " and ".join(hat_ip(tree_number, paths[k][1]) for k in sorted(roots, key=lambda k: int(k, 16))[:2])
        raise ImportFailure(
            file, f"{len(roots)} hats have no admin hat in the file ({shown}); a tree export has one root"
        )
    order = sorted(hats, key=lambda k: int(k, 16))
    has_children = {by_path[p[:-1]] for _, p in paths.values() if p and p[:-1] in by_path}
    root = roots[0]
    taken: set[str] = set()
    ids: dict[str, str] = {}
    items: list[dict[str, Any]] = []
    sources: list[Source] = []
    for key in order:
        index, line, hat = hats[key]
        path_ = paths[key][1]
        details = _details(hat)
        ip = hat_ip(tree_number, path_)
        name = _text(details.get("name")) or f"Hat {ip}"
        toggle = _criteria(details.get("toggle"))
        if key == root:
            kind = "dao"
        elif key in has_children or END_LABEL in toggle:
            kind = "cell"
        else:
            kind = "role"
        pid = unique_id(name, taken, fallback=kind)
        taken.add(pid)
        ids[key] = pid
        data: dict[str, Any] = {"id": pid, "kind": kind, "name": name}
        if key != root:
            data["parent"] = ids[by_path[path_[:-1]]]
        description = _text(details.get("description"))
        if description:
            data["description"] = description
        wearers = _wearers(hat)
        settings = _settings(hat)
        if kind == "dao":
            data |= {"scale": "constituency", "phase": "organization"}
            tools: dict[str, Any] = {}
            if tree_number != PLACEHOLDER_TREE:
                tools["token_authority"] = {"name": "Hats Protocol", "id": str(tree_number)}
            if wearers:
                tools["treasury"] = {"address": wearers[0]}
                data["members"] = wearers[1:]
            data["tools"] = tools
            settings = {k: v for k, v in settings.items() if k in ("imageUri", "status")}
            if hat.get("mutable") is True:
                settings["mutable"] = True
        elif kind == "cell":
            depth = len(path_) - len(paths[root][1])
            data |= {"scale": "coordination" if depth <= 1 else "collaboration", "phase": "organization"}
            data["members"] = wearers
            if END_LABEL in toggle:
                data["ephemeral"] = True
                data["state"] = {"purpose": {"end_condition": toggle[END_LABEL]}}
        else:
            data["holders"] = wearers
            eligibility = _criteria(details.get("eligibility"))
            practice = {}
            text = "\n".join(t for t in (eligibility.get(ELIGIBILITY_LABEL), eligibility.get("")) if t)
            if text:
                practice["eligibility"] = text
            if REMOVAL_LABEL in eligibility:
                practice["removal"] = eligibility[REMOVAL_LABEL]
            data["state"] = {
                "purpose": {
                    "responsibilities": _items(details.get("responsibilities")),
                    "authorities": _items(details.get("authorities")),
                },
                "practice": practice,
            }
        if settings:
            data[X_HATS] = settings
        source = Source(line, f"hat {index + 1} ({ip})")
        check_primitive(data, file, source, FIELD_NAMES)
        items.append(data)
        sources.append(source)
    org = organization_name or items[0]["name"]
    return build(file, {"name": org[:1000]}, items, sources)
