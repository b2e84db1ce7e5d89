"""Copy, paste and duplicate: fragments of a document as plain data, pasted with fresh ids.

A fragment holds the copied primitives with everything inside them, the links among them, and
their positions. It is plain JSON-able data so the app can put it on the system clipboard.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from designer.commands.edits import build_primitive, primitive_data
from designer.commands.model import DocumentModel, InsertLink, InsertPrimitive, Position, SetPosition
from designer.commands.primitives import check_parent
from designer.commands.stack import Command, CommandError
from designer.model.ids import unique_id
from designer.model.links import Link

FRAGMENT_FORMAT = "dao-designer-fragment/1"


def copy_fragment(model: DocumentModel, ids: Iterable[str]) -> dict[str, Any]:
    """The selection, with contents, as data. Links are kept when both ends are copied."""
    chosen: list[str] = []
    for primitive_id in ids:
        if primitive_id in model and primitive_id not in chosen:
            chosen.append(primitive_id)
            chosen.extend(d for d in model.descendants(primitive_id) if d not in chosen)
    keep = set(chosen)
    order = [p.id for p in model.primitives if p.id in keep]
    return {
        "format": FRAGMENT_FORMAT,
        "primitives": [primitive_data(model[i]) for i in order],
        "links": [lk.to_data() for lk in model.links if lk.source in keep and lk.target in keep],
        "layout": {i: list(model.layout[i]) for i in order if i in model.layout},
    }


class PasteFragment(Command):
    """Insert a fragment with new ids, offset on the canvas; returns the new ids of its top items.

    Top items keep their parent when it exists in the document, or go into ``parent`` when given.
    """

    def __init__(self, fragment: dict[str, Any], offset: Position = (30.0, 30.0), parent: str | None = None) -> None:
        super().__init__()
        if fragment.get("format") != FRAGMENT_FORMAT:
            raise CommandError("the clipboard does not hold DAO Primitives Designer items")
        self.fragment, self.offset, self.parent = fragment, offset, parent
        self.title = "Paste"

    def apply(self, model: DocumentModel) -> list[str]:
        items: list[dict[str, Any]] = [dict(p) for p in self.fragment.get("primitives", [])]
        taken = model.ids()
        mapping: dict[str, str] = {}
        for item in items:
            new_id = unique_id(str(item["id"]), taken, fallback=str(item.get("kind", "item")))
            taken.add(new_id)
            mapping[str(item["id"])] = new_id
        tops: list[str] = []
        for item in items:
            old_parent = item.get("parent")
            item["id"] = mapping[str(item["id"])]
            if old_parent in mapping:
                item["parent"] = mapping[old_parent]
            else:
                tops.append(item["id"])
                target = self.parent if self.parent is not None else old_parent
                if target is not None and target not in model:
                    target = None
                if target is None:
                    item.pop("parent", None)
                else:
                    item["parent"] = target
                check_parent(model, item["kind"], item.get("parent"))
            if item.get("assignee") is not None:
                assignee = item["assignee"]
                item["assignee"] = mapping.get(assignee, assignee if assignee in model else None)
                if item["assignee"] is None:
                    item.pop("assignee")
            primitive = build_primitive(item, item["id"])
            model.apply(InsertPrimitive(len(model.primitives), primitive))
        for old, position in self.fragment.get("layout", {}).items():
            if old in mapping:
                x, y = position
                model.apply(SetPosition(mapping[old], (float(x) + self.offset[0], float(y) + self.offset[1])))
        for data in self.fragment.get("links", []):
            if data.get("from") in mapping and data.get("to") in mapping:
                link = Link.model_validate({**data, "from": mapping[data["from"]], "to": mapping[data["to"]]})
                model.apply(InsertLink(len(model.links), link))
        if not tops:
            raise CommandError("nothing to paste")
        return tops


class Duplicate(PasteFragment):
    def __init__(self, model: DocumentModel, ids: Iterable[str]) -> None:
        super().__init__(copy_fragment(model, ids))
        self.title = "Duplicate"
