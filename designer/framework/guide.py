"""The design guide's steps as data: sections, their fields and the options a facilitator ticks.

Loaded once from ``resources/framework/guide.yaml``. The Guide panel builds its pages from it and
the handbook export can follow the same order, so the wording lives in one place. Paths are
relative to the document's ``design`` mapping and are checked against :class:`DesignGuide` on
load, so a typo in the data file fails loudly instead of silently editing nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Final, Literal, get_args, get_origin

from pydantic import BaseModel

from designer.framework.resources import framework_data
from designer.model.design import DesignGuide
from designer.model.kinds import PHASES

FieldKind = Literal["text", "longtext", "list", "options", "approach", "date", "steps"]
FIELD_KINDS: Final[tuple[FieldKind, ...]] = get_args(FieldKind)


@dataclass(frozen=True)
class GuideField:
    """One editable value of a section; ``options`` are the guide's choices (or the steps)."""

    path: tuple[str, ...]
    label: str
    kind: FieldKind
    help: str = ""
    options: tuple[str, ...] = ()

    @property
    def dotted(self) -> str:
        return ".".join(self.path)


@dataclass(frozen=True)
class GuideSection:
    id: str
    title: str
    about: str
    fields: tuple[GuideField, ...]


class GuideDataError(ValueError):
    """The shipped guide data is malformed: a packaging bug, reported plainly."""


def _check_path(path: tuple[str, ...]) -> None:
    """Raise unless ``path`` names a field of :class:`DesignGuide` (phases by their names)."""
    model: type[BaseModel] | None = DesignGuide
    steps = list(path)
    while steps:
        step = steps.pop(0)
        if model is None or step not in model.model_fields:
            raise GuideDataError(f"guide field {'.'.join(path)!r} is not part of the design section")
        annotation = model.model_fields[step].annotation
        if get_origin(annotation) is dict:
            if not steps or steps[0] not in PHASES:
                raise GuideDataError(f"guide field {'.'.join(path)!r} must name a phase")
            steps.pop(0)
            annotation = get_args(annotation)[1]
        model = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _field(raw: Any, section: str) -> GuideField:
    if not isinstance(raw, dict) or not isinstance(raw.get("path"), str) or not isinstance(raw.get("label"), str):
        raise GuideDataError(f"section {section}: each field needs a text 'path' and 'label'")
    kind = raw.get("kind", "text")
    if kind not in FIELD_KINDS:
        raise GuideDataError(f"section {section}: unknown field kind {kind!r}")
    options = raw.get("options", [])
    if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
        raise GuideDataError(f"section {section}: 'options' must be a list of texts")
    if kind in ("options", "steps") and not options:
        raise GuideDataError(f"section {section}: a field of kind {kind!r} needs options")
    path = tuple(raw["path"].split("."))
    _check_path(path)
    return GuideField(path, raw["label"], kind, str(raw.get("help", "")).strip(), tuple(options))


def parse_guide(data: Any) -> tuple[GuideSection, ...]:
    """Build and check the section table."""
    if not isinstance(data, dict) or not isinstance(data.get("sections"), list):
        raise GuideDataError("guide data must be a mapping with a 'sections' list")
    sections: list[GuideSection] = []
    seen: set[str] = set()
    for raw in data["sections"]:
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not isinstance(raw.get("title"), str):
            raise GuideDataError("each section needs a text 'id' and 'title'")
        if raw["id"] in seen:
            raise GuideDataError(f"section id {raw['id']!r} is used twice")
        seen.add(raw["id"])
        fields = raw.get("fields")
        if not isinstance(fields, list) or not fields:
            raise GuideDataError(f"section {raw['id']}: 'fields' must be a non-empty list")
        sections.append(
            GuideSection(
                raw["id"],
                raw["title"],
                " ".join(str(raw.get("about", "")).split()),
                tuple(_field(f, raw["id"]) for f in fields),
            )
        )
    return tuple(sections)


@cache
def guide_sections() -> tuple[GuideSection, ...]:
    """The guide's sections in the order the guide takes them, from the shipped data file."""
    return parse_guide(framework_data("guide"))


def field_value(design_data: dict[str, Any], field: GuideField) -> Any:
    """The field's value in plain design data (``DesignGuide.to_data()``); None when absent."""
    value: Any = design_data
    for step in field.path:
        if not isinstance(value, dict):
            return None
        value = value.get(step)
    return value


def is_filled(value: Any) -> bool:
    """Whether a value holds something: non-blank text, a non-empty list, any number."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, dict)):
        return bool(value)
    return True


def section_progress(design: DesignGuide, section: GuideSection) -> tuple[int, int]:
    """``(filled fields, all fields)`` of one section."""
    data = design.to_data()
    filled = sum(1 for f in section.fields if is_filled(field_value(data, f)))
    return filled, len(section.fields)
