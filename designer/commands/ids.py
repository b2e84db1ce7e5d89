"""Changing a primitive's id: a template's ``team-b`` becomes ``tide-cell`` after a rename.

Ids are stable across renames on purpose (other files, exports and people refer to them), so the
app offers this only while the document has never been saved or nothing in it refers to the id.
The command itself rewrites every reference the document holds (children's ``parent``, task
``assignee``, a DAO's member cells, a role's holder cells, treasury signers that are roles or cells,
link ends, the layout entry), so it is safe on any document, and one undo step.
"""

from __future__ import annotations

from typing import Any

from designer.commands.edits import build_primitive, primitive_data
from designer.commands.model import (
    DocumentModel,
    InsertLink,
    InsertPrimitive,
    RemoveLink,
    RemovePrimitive,
    ReplacePrimitive,
    SetPosition,
)
from designer.commands.stack import Command, CommandError
from designer.model.ids import is_valid_id, unique_id
from designer.model.primitives import AnyPrimitive

NAMED_BY_TEXT = ("members", "holders")
"""Lists of free text in which an entry equal to a primitive's id names that primitive (a DAO's
member cells, a role's holder cells)."""


def _signer_lists(practice: Any) -> list[list[Any]]:
    """The treasury signer lists of a ``state.practice`` (the single treasury, then each account)."""
    if practice is None:
        return []
    lists = []
    single = getattr(practice, "treasury", None)
    if single is not None:
        lists.append(single.signers)
    lists += [account.signers for account in getattr(practice, "treasuries", None) or ()]
    return lists


def _names(p: AnyPrimitive, primitive_id: str) -> int:
    """How many times ``p`` itself names ``primitive_id`` (its own id aside)."""
    count = sum(1 for field in ("parent", "assignee") if getattr(p, field, None) == primitive_id)
    count += sum(list(getattr(p, field, None) or ()).count(primitive_id) for field in NAMED_BY_TEXT)
    practice = getattr(getattr(p, "state", None), "practice", None)
    return count + sum(signers.count(primitive_id) for signers in _signer_lists(practice))


def references(model: DocumentModel, primitive_id: str) -> int:
    """How many places in the document name ``primitive_id``: contents, assigned tasks, member and
    holder cells, treasury signers, link ends."""
    return sum(_names(p, primitive_id) for p in model.primitives) + len(model.links_of(primitive_id))


def _renamed(data: dict[str, Any], old: str, new: str) -> None:
    """Rewrite, in a primitive's data, every place that names ``old`` (as :func:`_names` finds them)."""
    for field in ("parent", "assignee"):
        if data.get(field) == old:
            data[field] = new
    for field in NAMED_BY_TEXT:
        if old in (data.get(field) or ()):
            data[field] = [new if v == old else v for v in data[field]]
    practice = (data.get("state") or {}).get("practice") or {}
    accounts = [practice.get("treasury") or {}, *(practice.get("treasuries") or ())]
    for account in accounts:
        if old in (account.get("signers") or ()):
            account["signers"] = [new if v == old else v for v in account["signers"]]


def derived_id(model: DocumentModel, primitive_id: str, name: str) -> str:
    """The id ``name`` would give ``primitive_id`` (its own id when that is what the name gives)."""
    return unique_id(name, model.ids() - {primitive_id}, fallback=model[primitive_id].kind)


class ChangeId(Command):
    """Give a primitive another id and rewrite every reference to it in the document."""

    def __init__(self, old: str, new: str) -> None:
        super().__init__()
        self.old, self.new = old, new
        self.title = f"Change id '{old}' to '{new}'"

    def apply(self, model: DocumentModel) -> str:
        old, new = self.old, self.new
        p = model.get(old)
        if p is None:
            raise CommandError(f"there is no primitive '{old}'")
        if new == old:
            return new
        if not is_valid_id(new):
            raise CommandError(f"'{new}' is not a valid id: lower-case letters, digits and '-', up to 64")
        if new in model:
            raise CommandError(f"the id '{new}' is taken")
        links = [(i, lk) for i, lk in enumerate(model.links) if old in (lk.source, lk.target)]
        for i, _ in reversed(links):
            model.apply(RemoveLink(i))
        position = model.layout.get(old)
        if position is not None:
            model.apply(SetPosition(old, None))
        index = model.index_of(old)
        model.apply(RemovePrimitive(index))  # out and in again: views see a new item, not an odd change
        model.apply(InsertPrimitive(index, build_primitive({**primitive_data(p), "id": new}, new)))
        if position is not None:
            model.apply(SetPosition(new, position))
        for i, q in enumerate(model.primitives):
            if _names(q, old):
                data = primitive_data(q)
                _renamed(data, old, new)
                model.apply(ReplacePrimitive(i, build_primitive(data, q.id)))
        for i, link in links:
            data = link.to_data()
            data["from"] = new if data["from"] == old else data["from"]
            data["to"] = new if data["to"] == old else data["to"]
            model.apply(InsertLink(i, type(link).model_validate(data)))
        return new
