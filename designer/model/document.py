"""The whole state file: organization, design guide, rule settings, primitives, links, layout."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from designer.model.base import StrictModel, empty_dict, empty_list, shared
from designer.model.design import DesignGuide
from designer.model.ids import Id
from designer.model.kinds import Approach
from designer.model.links import Link
from designer.model.numbers import Coordinate
from designer.model.primitives import AnyPrimitive, Primitive
from designer.model.state import Text

Position = Annotated[list[Coordinate], Field(min_length=2, max_length=2)]
SettingValue = int | float | str | bool


class Organization(StrictModel):
    name: str = Field(min_length=1, max_length=1_000)
    approach: Approach = "hybrid"
    description: Text | None = None
    website: str | None = None


class RuleConfig(StrictModel):
    """Per-document rule configuration: codes to ignore and threshold overrides."""

    ignore: list[str] = Field(default_factory=empty_list)
    settings: dict[str, SettingValue] = Field(default_factory=empty_dict)


class Document(StrictModel):
    """A ``*.dao.yaml`` file. Primitives are a flat list; ``parent`` ids give the containment."""

    format: Literal["dao-designer/1"] = "dao-designer/1"
    organization: Organization
    design: DesignGuide = Field(default_factory=shared(DesignGuide))
    rules: RuleConfig = Field(default_factory=shared(RuleConfig))
    primitives: list[Primitive] = Field(default_factory=empty_list)
    links: list[Link] = Field(default_factory=empty_list)
    layout: dict[Id, Position] = Field(
        default_factory=empty_dict, description="Canvas positions by id, kept apart from structure"
    )

    def by_id(self) -> dict[str, AnyPrimitive]:
        return {p.id: p for p in self.primitives}

    def to_data(self) -> dict[str, Any]:
        """Plain data in file order, ready for the YAML or JSON writer.

        The top-level sections are always written, even when empty, so every file has the same
        outline; so are the organization's approach and the rule configuration's two keys.
        """
        data = super().to_data()
        organization = {"name": self.organization.name, "approach": self.organization.approach}
        organization.update(data.get("organization", {}))
        rules = {"ignore": [], "settings": {}, **data.get("rules", {})}
        out: dict[str, Any] = {
            "format": self.format,
            "organization": organization,
            "design": data.get("design", {}),
            "rules": rules,
            "primitives": data.get("primitives", []),
            "links": data.get("links", []),
            "layout": _in_primitive_order(data.get("layout", {}), self.primitives),
        }
        out.update((k, v) for k, v in data.items() if k not in out)
        return out


def _in_primitive_order(layout: dict[str, Any], primitives: list[AnyPrimitive]) -> dict[str, Any]:
    """Positions listed in the order of the primitives, so a file's layout reads like its structure
    and saving never reorders it (anything not a primitive, which integrity refuses, goes last)."""
    ordered = {p.id: layout[p.id] for p in primitives if p.id in layout}
    if len(ordered) != len(layout):
        ordered.update((k, v) for k, v in layout.items() if k not in ordered)
    return ordered
