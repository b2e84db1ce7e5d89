"""Strict loading of ``*.dao.yaml`` and ``*.dao.json`` files.

Either the whole document loads, or a :class:`LoadError` says where the problems are and
nothing is kept. Order of checks: size, encoding, syntax, format version, schema, integrity.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from designer.io.errors import LoadError, Problem
from designer.io.json_read import deep_point, parse_json
from designer.io.locate import Locator
from designer.io.messages import message_for
from designer.io.migrations import UnknownFormat, migrate
from designer.io.yaml_read import (
    TOO_DEEP,
    YamlProblem,
    fast_path_safe,
    parse_reference,
    parse_yaml,
    yaml_deep_point,
)
from designer.model.document import Document
from designer.model.integrity import check_integrity

MAX_BYTES = 50_000_000
"""50 MB: ten times the largest realistic network, far below what would exhaust memory."""
SourceFormat = Literal["yaml", "json"]


def format_of(path: str | Path) -> SourceFormat:
    return "json" if str(path).lower().endswith(".json") else "yaml"


@dataclass(frozen=True)
class Loaded:
    """A loaded file: the document, the data it was built from, and the text (for positions)."""

    document: Document
    data: Any
    text: str


def load_document(path: str | Path) -> Document:
    """Read and check a state file from disk."""
    return load_source(path).document


def load_source(path: str | Path) -> Loaded:
    """Read and check a state file, keeping its data and text for tools that report positions."""
    text = read_text(path)
    return parse_source(text, str(path), format_of(path))


def read_text(path: str | Path) -> str:
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            raise LoadError(name, [Problem(_too_big(size))])
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise LoadError(name, [Problem("no such file")]) from None
    except IsADirectoryError:
        raise LoadError(name, [Problem("is a folder, not a state file")]) from None
    except PermissionError:
        raise LoadError(name, [Problem("permission denied")]) from None
    except OSError as exc:
        raise LoadError(name, [Problem(f"cannot read: {exc.strerror or exc}")]) from None
    return decode(raw, name)


def _too_big(size: int) -> str:
    return f"file is {size:,} bytes; state files are limited to {MAX_BYTES // 1_000_000} MB ({MAX_BYTES:,} bytes)"


def decode(raw: bytes, file: str) -> str:
    if len(raw) > MAX_BYTES:
        raise LoadError(file, [Problem(_too_big(len(raw)))])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError(file, [Problem("the file is not UTF-8 text", line, column)]) from None
    return text.removeprefix("\ufeff")


def parse_data(text: str, file: str, fmt: SourceFormat) -> Any:
    if fmt == "json":
        return parse_json(text, file)
    try:
        return parse_yaml(text)
    except YamlProblem as exc:
        raise LoadError(file, [exc.problem]) from None
    except RecursionError:
        raise LoadError(file, [Problem(TOO_DEEP, *yaml_deep_point(text))]) from None


def parse_document(raw: bytes | str, file: str = "<input>", fmt: SourceFormat = "yaml") -> Document:
    """Check and build a document from file contents. Raises :class:`LoadError`."""
    text = decode(raw, file) if isinstance(raw, bytes) else raw
    if not isinstance(raw, bytes) and len(text) > MAX_BYTES:
        raise LoadError(file, [Problem(_too_big(len(text)))])
    return parse_source(text, file, fmt).document


def parse_source(text: str, file: str, fmt: SourceFormat) -> Loaded:
    data = parse_data(text, file, fmt)
    try:
        return Loaded(build_document(data, text, file), data, text)
    except LoadError:
        if fmt != "yaml" or not fast_path_safe(text):
            raise
    # The fast parser read this file. Judge a file that fails through the reference parser, so the
    # verdict and its message never depend on which parser was used (e.g. keys that are not text).
    try:
        reference = parse_reference(text)
    except YamlProblem as exc:
        raise LoadError(file, [exc.problem]) from None
    return Loaded(build_document(reference, text, file), reference, text)


def _non_finite_settings(doc: Document) -> list[tuple[tuple[str | int, ...], str]]:
    """Rule settings are free numbers; NaN or infinity there could be read but not written as JSON."""
    return [(("rules", "settings", key), f"rules.settings.{key}: must be a finite number, found {value!r}")
            for key, value in doc.rules.settings.items() if isinstance(value, float) and not math.isfinite(value)]


def deep_point_of(text: str) -> tuple[int | None, int | None]:
    """Where a JSON or YAML text first nests too deeply."""
    return deep_point(text) if text.lstrip().startswith(("{", "[")) else yaml_deep_point(text)


def build_document(data: Any, text: str, file: str) -> Document:
    if data is None:
        raise LoadError(file, [Problem("the file is empty; a state file starts with 'format: dao-designer/1'", 1, 1)])
    if not isinstance(data, dict):
        message = "a state file is a mapping of keys, starting with 'format: dao-designer/1'"
        raise LoadError(file, [Problem(message, 1, 1)])
    locator = Locator(text)
    if "format" not in data:
        raise LoadError(file, [Problem("missing required key 'format' (write 'format: dao-designer/1' first)", 1, 1)])
    try:
        data = migrate(data)
    except UnknownFormat as exc:
        line, column = locator.find(("format",)) or (None, None)
        raise LoadError(file, [Problem(str(exc), line, column, ("format",))]) from None
    try:
        doc = Document.model_validate(data, extensions="x-" in text)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        explained = [message_for(error, data, Document) for error in errors]
        # A misspelt key shows up twice: as an unknown key and as the missing key it was meant to
        # be. Say it once, at the misspelling, which is where the fix goes.
        meant = {(path[:-1], message.rsplit("did you mean '", 1)[1][:-2]) for path, message, _ in explained
                 if "did you mean '" in message}
        problems = []
        for error, (path, message, at_key) in zip(errors, explained, strict=True):
            if error["type"] == "missing" and (path[:-1], str(path[-1])) in meant:
                continue
            line, column = locator.find(path, at_key=at_key) or (None, None)
            problems.append(Problem(message, line, column, path))
        raise LoadError(file, problems) from None
    except RecursionError:
        raise LoadError(file, [Problem(TOO_DEEP, *deep_point_of(text))]) from None
    unwritable = _non_finite_settings(doc)
    if unwritable:
        problems = []
        for path, message in unwritable:
            line, column = locator.find(path) or (None, None)
            problems.append(Problem(message, line, column, path))
        raise LoadError(file, problems)
    issues = check_integrity(doc)
    if issues:
        problems = []
        for issue in issues:
            line, column = locator.find(issue.path) or (None, None)
            problems.append(Problem(issue.message, line, column, issue.path))
        raise LoadError(file, problems)
    return doc
