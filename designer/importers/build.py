"""Turning imported primitives into a whole, checked Document, with errors that point at the source.

Importers collect plain data per primitive together with where it came from (a CSV line, a hat
index); this module validates it with the same model and integrity rules as a state file and
translates the first problem back to that source location.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from designer.importers.errors import ImportFailure
from designer.model.document import Document
from designer.model.integrity import check_integrity
from designer.model.primitives import PRIMITIVE_CLASSES


@dataclass(frozen=True)
class Source:
    """Where one primitive came from, for error messages."""

    line: int | None
    where: str
    """e.g. ``row 4`` or ``hat 3 (0x0000…)``"""


def first_error(exc: ValidationError) -> tuple[str, str]:
    """The dotted field path and message of a validation error's first problem."""
    error = exc.errors(include_url=False)[0]
    path = ".".join(str(p) for p in error["loc"])
    kind = error["type"]
    if kind == "literal_error":
        expected = (error.get("ctx") or {}).get("expected", "")
        return path, f"{error.get('input')!r} is not allowed; expected one of: {expected}"
    if kind == "missing":
        return path, "required"
    message = str(error["msg"]).removeprefix("Value error, ")
    return path, message[:1].lower() + message[1:]


def check_primitive(data: dict[str, Any], file: str, source: Source, field_names: dict[str, str]) -> None:
    """Validate one primitive on its own, naming the source column (``field_names`` maps model
    paths to the source's own names)."""
    cls = PRIMITIVE_CLASSES[data["kind"]]
    try:
        cls.model_validate(data)
    except ValidationError as exc:
        path, message = first_error(exc)
        column = _column(path, field_names)
        raise ImportFailure(file, f"{source.where}, {column}: {message}", source.line) from None


def build(file: str, organization: dict[str, Any], items: list[dict[str, Any]], sources: list[Source]) -> Document:
    """The document of ``items`` (primitive data in order); integrity problems name their source."""
    try:
        doc = Document.model_validate({"organization": organization, "primitives": items})
    except ValidationError as exc:
        path, message = first_error(exc)
        raise ImportFailure(file, f"{path}: {message}") from None
    issues = check_integrity(doc)
    if issues:
        issue = issues[0]
        index = issue.path[1] if len(issue.path) > 1 and isinstance(issue.path[1], int) else None
        if index is not None and issue.path[0] == "primitives":
            source = sources[index]
            raise ImportFailure(file, f"{source.where}: {issue.message}", source.line)
        raise ImportFailure(file, issue.message)
    return doc


def _column(path: str, field_names: dict[str, str]) -> str:
    """The source's name for a model path, trying ever shorter prefixes (``a.b.0`` then ``a.b``)."""
    parts = path.split(".")
    while parts:
        found = field_names.get(".".join(parts))
        if found is not None:
            return found
        parts.pop()
    return path
