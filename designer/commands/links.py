"""Commands on links: add, remove, edit; and on the document's sections (organization, design, rules)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from designer.commands.edits import PathLike, build_model, get_in, set_in, split_path
from designer.commands.model import DocumentModel, InsertLink, RemoveLink, SetSection
from designer.commands.stack import Command, CommandError
from designer.model.design import DesignGuide
from designer.model.document import Organization, RuleConfig
from designer.model.kinds import LINK_KINDS, LinkKind
from designer.model.links import Link

LinkKey = tuple[str, str, str]


def _link(data: dict[str, Any]) -> Link:
    link: Link = build_model(Link, data, "the link")
    return link


class AddLink(Command):
    """Draw a link between two primitives; the same kind twice between the same pair is refused."""

    def __init__(self, source: str, target: str, kind: LinkKind, **fields: Any) -> None:
        super().__init__()
        if kind not in LINK_KINDS:
            raise CommandError(f"unknown link kind {kind!r}; expected one of: {', '.join(LINK_KINDS)}")
        self.data: dict[str, Any] = {"from": source, "to": target, "kind": kind}
        self.data.update({k: v for k, v in fields.items() if v is not None})
        self.title = f"Add {kind} link"

    def apply(self, model: DocumentModel) -> LinkKey:
        source, target, kind = self.data["from"], self.data["to"], self.data["kind"]
        for end in (source, target):
            if end not in model:
                raise CommandError(f"there is no primitive '{end}'")
        if source == target:
            raise CommandError("a link joins two different primitives")
        link = _link(self.data)
        if model.link_index(link.key) is not None:
            raise CommandError(f"there is already a '{kind}' link from '{source}' to '{target}'")
        if kind == "uses-role" and model[target].kind != "role":
            raise CommandError("a 'uses-role' link must end at a role")
        model.apply(InsertLink(len(model.links), link))
        return link.key


def kinds_between(model: DocumentModel, source: str, target: str) -> list[LinkKind]:
    """The link kinds :class:`AddLink` would accept from ``source`` to ``target``, in the usual
    order: ``uses-role`` only to a role, and no kind the pair already has."""
    if source == target or source not in model or target not in model:
        return []
    kinds = [k for k in LINK_KINDS if k != "uses-role" or model[target].kind == "role"]
    return [k for k in kinds if model.link_index((source, target, k)) is None]


class RemoveLinks(Command):
    def __init__(self, keys: Iterable[LinkKey]) -> None:
        super().__init__()
        self.keys = list(dict.fromkeys(keys))
        self.title = "Delete link" if len(self.keys) == 1 else f"Delete {len(self.keys)} links"

    def apply(self, model: DocumentModel) -> None:
        for key in self.keys:
            index = model.link_index(key)
            if index is None:
                raise CommandError(f"there is no '{key[2]}' link from '{key[0]}' to '{key[1]}'")
            model.apply(RemoveLink(index))


class EditLink(Command):
    """Change a link's fields (amount, currency, period, label, note, or its kind)."""

    def __init__(self, key: LinkKey, **fields: Any) -> None:
        super().__init__()
        self.key, self.fields = key, fields
        self.title = "Edit link"

    def apply(self, model: DocumentModel) -> LinkKey:
        index = model.link_index(self.key)
        if index is None:
            raise CommandError(f"there is no '{self.key[2]}' link from '{self.key[0]}' to '{self.key[1]}'")
        data = model.links[index].to_data()
        for name, value in self.fields.items():
            name = {"source": "from", "target": "to"}.get(name, name)
            if value is None:
                data.pop(name, None)
            else:
                data[name] = value
        link = _link(data)
        if link == model.links[index]:
            return link.key
        other = model.link_index(link.key)
        if other is not None and other != index:
            raise CommandError(f"there is already a '{link.kind}' link from '{link.source}' to '{link.target}'")
        for end in (link.source, link.target):
            if end not in model:
                raise CommandError(f"there is no primitive '{end}'")
        model.apply(RemoveLink(index))
        model.apply(InsertLink(index, link))
        return link.key


_SECTIONS: dict[str, type[Organization] | type[DesignGuide] | type[RuleConfig]] = {
    "organization": Organization,
    "design": DesignGuide,
    "rules": RuleConfig,
}


class EditSection(Command):
    """Set a value inside ``organization``, ``design`` or ``rules`` (e.g. ``design.purpose.statement``)."""

    def __init__(self, path: PathLike, value: Any, title: str | None = None) -> None:
        super().__init__()
        steps = split_path(path)
        if not steps or steps[0] not in _SECTIONS:
            raise CommandError(f"unknown section in {path!r}; expected organization, design or rules")
        self.section = str(steps[0])
        self.steps = steps[1:]
        self.value = value
        self.title = title or f"Edit {'.'.join(str(s) for s in steps)}"

    def apply(self, model: DocumentModel) -> None:
        current = getattr(model, self.section)
        data = current.to_data()
        if get_in(data, self.steps) == self.value:
            return
        new = build_model(_SECTIONS[self.section], set_in(data, self.steps, self.value), self.section)
        if new != current:
            model.apply(SetSection(self.section, new))  # type: ignore[arg-type]
