"""Starting documents for ``dao-designer new`` and File > New: a blank one and one per approach."""

from __future__ import annotations

from dataclasses import dataclass

from designer.framework.resources import resource
from designer.io.load import parse_document
from designer.model.document import Document

TEMPLATE_SUFFIX = ".dao.yaml"


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    description: str
    text: str

    def document(self) -> Document:
        return parse_document(self.text, f"template {self.name}")


def templates() -> list[Template]:
    """Every shipped template, blank first, then by name."""
    folder = resource("templates")
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(TEMPLATE_SUFFIX):
            text = entry.read_text(encoding="utf-8")
            doc = parse_document(text, f"template {entry.name}")
            info = doc.extensions.get("x-template", {})
            found.append(
                Template(
                    name=entry.name.removesuffix(TEMPLATE_SUFFIX),
                    title=str(info.get("title", doc.organization.name)),
                    description=str(info.get("description", doc.organization.description or "")),
                    text=text,
                )
            )
    return sorted(found, key=lambda t: (t.name != "blank", t.name))


def template(name: str) -> Template:
    for t in templates():
        if t.name == name:
            return t
    names = ", ".join(t.name for t in templates())
    raise KeyError(f"no template named {name!r}; choose one of: {names}")
