"""Hats Protocol tree, in the shape of the Hats app's tree export: a JSON array of ``HatExport``.

The top hat is the DAO; cells and roles follow containment below it (tasks and partners are not
hats). Each hat carries its details JSON, ``{type: "1.0", data: {name, description,
responsibilities, authorities, eligibility, toggle}}``, both as ``detailsObject`` and as the
``details`` string a plain-text deployment would put on chain. Hat properties that the state file
does not model (supply, modules, mutability, image) can be set per primitive in an ``x-hats``
mapping, which ``import --from hats`` writes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from designer.export.hats_ids import LEVELS, MAX_CHILDREN, PLACEHOLDER_TREE, hat_id, parse_tree_id
from designer.export.registry import Exporter, ExportError, register
from designer.export.tree import Tree
from designer.io.yaml_write import dump_json
from designer.model.document import Document
from designer.model.primitives import AnyPrimitive, Cell, Dao, Role
from designer.model.treasury import treasuries

DETAILS_MAX = 7_000
"""Hats' limit on a hat's ``details`` (and ``imageUri``) string."""
ZERO_ADDRESS = "0x" + "0" * 40
HAT_KINDS = ("dao", "cell", "role")
X_HATS = "x-hats"
X_HATS_KEYS = {"maxSupply": int, "eligibility": str, "toggle": str, "mutable": bool, "imageUri": str, "status": bool}
ELIGIBILITY_LABEL = "Eligibility"
REMOVAL_LABEL = "Removal"
END_LABEL = "End condition"
"""Criteria labels the importer maps back to ``eligibility``, ``removal`` and ``end_condition``."""

_ADDRESS = re.compile(r"^0x[0-9a-fA-F]{40}$")


def is_address(text: str) -> bool:
    return bool(_ADDRESS.match(text))


def item(label: str, description: str | None = None) -> dict[str, str]:
    out = {"label": label}
    if description:
        out["description"] = description
    out["link"] = ""
    return out


def describe(p: AnyPrimitive | None, fallback: str | None) -> str | None:
    if isinstance(p, (Dao, Cell)):
        return p.description or p.state.purpose.statement
    if p is not None:
        return p.description
    return fallback


def details_data(p: AnyPrimitive | None, name: str, fallback: str | None = None) -> dict[str, Any]:
    """The ``data`` of a hat's details JSON; empty fields are left out."""
    data: dict[str, Any] = {"name": name}
    description = describe(p, fallback)
    if description:
        data["description"] = description
    if isinstance(p, Role):
        purpose, practice = p.state.purpose, p.state.practice
        if purpose.responsibilities:
            data["responsibilities"] = [item(r) for r in purpose.responsibilities]
        if purpose.authorities:
            data["authorities"] = [item(a) for a in purpose.authorities]
        criteria = [
            item(lbl, text)
            for lbl, text in ((ELIGIBILITY_LABEL, practice.eligibility), (REMOVAL_LABEL, practice.removal))
            if text
        ]
        if criteria:
            data["eligibility"] = {"manual": True, "criteria": criteria}
    if isinstance(p, Cell) and p.state.purpose.end_condition:
        data["toggle"] = {"manual": True, "criteria": [item(END_LABEL, p.state.purpose.end_condition)]}
    return data


def _settings(p: AnyPrimitive | None) -> dict[str, Any]:
    """The checked ``x-hats`` mapping of a primitive."""
    raw = p.extensions.get(X_HATS, {}) if p is not None else {}
    if not isinstance(raw, dict):
        raise ExportError(f"'{p.id if p else ''}': {X_HATS} must be a mapping")
    for key, value in raw.items():
        expected = X_HATS_KEYS.get(key)
        if expected is None:
            raise ExportError(f"'{p.id if p else ''}': unknown {X_HATS} key {key!r}; known: {', '.join(X_HATS_KEYS)}")
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ExportError(f"'{p.id if p else ''}': {X_HATS}.{key} must be {expected.__name__}")
    return dict(raw)


@dataclass
class _Hat:
    primitive: AnyPrimitive | None
    path: tuple[int, ...]
    parent_path: tuple[int, ...]


def _top(doc: Document, tree: Tree) -> tuple[AnyPrimitive | None, list[AnyPrimitive]]:
    """The top hat's primitive (None: the organization itself) and the hats right below it."""
    roots = [p for p in tree.roots if p.kind in HAT_KINDS]
    if len(roots) == 1 and roots[0].kind == "dao":
        top = roots[0]
        return top, [c for c in tree.children[top.id] if c.kind in HAT_KINDS]
    return None, roots


def _tree_number(top: AnyPrimitive | None) -> int:
    if not isinstance(top, Dao) or not top.tools.token_authority.id:
        return PLACEHOLDER_TREE
    typed = top.tools.token_authority.id
    number = parse_tree_id(typed)
    if number is None:
        raise ExportError(
            f"'{top.id}': tools.token_authority.id {typed[:80]!r} is not a Hats tree id "
            "(a number such as 42, a short hex such as 0x0000002a, or the top hat's full id)"
        )
    return number


def _layout(doc: Document) -> tuple[int, list[_Hat]]:
    tree = Tree.of(doc)
    top, below = _top(doc, tree)
    number = _tree_number(top)
    hats = [_Hat(top, (), ())]
    stack: list[tuple[AnyPrimitive, tuple[int, ...]]] = []
    if len(below) > MAX_CHILDREN:
        raise ExportError(f"the top hat would have {len(below):,} children; Hats allows {MAX_CHILDREN:,}")
    stack.extend((p, (i,)) for i, p in reversed(list(enumerate(below, start=1))))
    while stack:
        p, path = stack.pop()
        if len(path) > LEVELS:
            raise ExportError(
                f"'{p.id}' would sit {len(path) + 1} levels deep in the Hats tree; "
                f"a tree has at most {LEVELS + 1} levels"
            )
        hats.append(_Hat(p, path, path[:-1]))
        kids = [c for c in tree.children[p.id] if c.kind in HAT_KINDS]
        if len(kids) > MAX_CHILDREN:
            raise ExportError(f"'{p.id}' would have {len(kids):,} child hats; Hats allows {MAX_CHILDREN:,}")
        stack.extend((c, (*path, i)) for i, c in reversed(list(enumerate(kids, start=1))))
    return number, hats


def _wearers(p: AnyPrimitive | None) -> list[str]:
    """Addresses only: a hat is minted to an address, and ENS names are not resolved here (that needs
    the network, and a name may point elsewhere by deploy time). A DAO's top hat goes to its treasury:
    the tool link's address, else the first treasury account that has one."""
    if isinstance(p, Dao):
        accounts = (v.address for v in treasuries(p.state.practice) if v.address)
        treasury = p.tools.treasury.address or next(accounts, None)
        return [treasury] if treasury and is_address(treasury) else []
    if isinstance(p, Role):
        return [h for h in p.holders if is_address(h)]
    if isinstance(p, Cell):
        return [m for m in p.members if is_address(m)]
    return []


def _seats(p: AnyPrimitive | None) -> int:
    if isinstance(p, Role):
        return max(1, len(p.holders))
    if isinstance(p, Cell):
        return max(1, len(p.members))
    return 1


def _module(top: AnyPrimitive | None) -> str:
    """Eligibility and toggle default to the DAO's Safe, which then rules on wearers by hand."""
    wearers = _wearers(top) if isinstance(top, Dao) else []
    return wearers[0] if wearers else ZERO_ADDRESS


def hat_records(doc: Document) -> list[dict[str, Any]]:
    """The ``HatExport`` records, in id order (which is also top-down, document order)."""
    number, hats = _layout(doc)
    top = hats[0].primitive
    module = _module(top)
    records = []
    for hat in hats:
        p = hat.primitive
        settings = _settings(p)
        name = p.name if p is not None else doc.organization.name
        data = details_data(p, name, doc.organization.description)
        details_object = {"type": "1.0", "data": data}
        details = json.dumps(details_object, ensure_ascii=False, separators=(",", ":"))
        own = hat_id(number, hat.path)
        where = f"'{p.id}'" if p is not None else "the top hat"
        if len(details) > DETAILS_MAX:
            raise ExportError(
                f"{where}: its Hats details are {len(details):,} characters; Hats allows {DETAILS_MAX:,} "
                "(shorten its name, description, responsibilities or authorities)"
            )
        image = settings.get("imageUri", "")
        if len(image) > DETAILS_MAX:
            raise ExportError(f"{where}: x-hats.imageUri is {len(image):,} characters; Hats allows {DETAILS_MAX:,}")
        wearers = _wearers(p)
        is_top = not hat.path
        records.append(
            {
                "id": own,
                "status": settings.get("status", True),
                "details": details,
                "maxSupply": 1 if is_top else max(settings.get("maxSupply", 0), _seats(p), len(wearers)),
                "eligibility": settings.get("eligibility", module),
                "toggle": settings.get("toggle", module),
                "mutable": settings.get("mutable", not is_top),
                "imageUri": image,
                "currentSupply": len(wearers),
                "wearers": wearers,
                "adminId": own if is_top else hat_id(number, hat.parent_path),
                "detailsObject": details_object,
            }
        )
    return records


def to_hats(doc: Document) -> str:
    return dump_json(hat_records(doc))


register(Exporter("hats", "a Hats Protocol tree (the Hats app's tree export JSON)", ".json", to_hats))
