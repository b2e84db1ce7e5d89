"""Reporters: findings as compiler-style text, a JSON array, or SARIF 2.1.0 for code-scanning UIs.

Reporters take :class:`Located` findings (a finding plus its file and position) so they stay
independent of how positions were found.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from designer import __version__
from designer.rules.finding import Finding, Severity, count_by_severity
from designer.rules.registry import Rule, all_rules

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "note"}
INFO_URI = "https://github.com/superbenefit/knowledge-base"
SRCROOT = "%SRCROOT%"
"""The base id of the folder validate ran in; result URIs inside it are relative to it."""
UNREADABLE = "DP000"
"""The code under which a file that cannot be loaded is reported (not a rule: nothing else ran)."""
_UNREADABLE_RULE: dict[str, Any] = {
    "id": UNREADABLE,
    "name": "unreadable-file",
    "shortDescription": {"text": "File cannot be loaded"},
    "fullDescription": {
        "text": "The file is not a valid state file (YAML or JSON syntax, format version, schema or references), "
        "so no rule could run on it."
    },
    "defaultConfiguration": {"level": "error"},
    "help": {"text": "Fix the problem at the position given; 'dao-designer validate' lists every one."},
}


@dataclass(frozen=True)
class Located:
    file: str
    finding: Finding
    line: int | None = None
    column: int | None = None

    @property
    def where(self) -> str:
        out = self.file
        if self.line is not None:
            out += f":{self.line}"
            if self.column is not None:
                out += f":{self.column}"
        return out


def sort_located(items: Iterable[Located]) -> list[Located]:
    """By file (in the order given), then line; findings without a line keep their place first."""
    order: dict[str, int] = {}
    listed = list(items)
    for item in listed:
        order.setdefault(item.file, len(order))
    return sorted(listed, key=lambda i: (order[i.file], i.line or 0, i.column or 0))


def text_line(item: Located) -> str:
    f = item.finding
    subject = f"{f.primitive}: " if f.primitive else ""
    return f"{item.where}: {subject}{f.severity} {f.code}: {f.message}"


def render_text(items: Sequence[Located], files: int, hints: bool = False) -> str:
    lines = []
    for item in items:
        lines.append(text_line(item))
        if hints and item.finding.hint:
            lines.append(f"    hint: {item.finding.hint}")
    lines.append(summary([i.finding for i in items], files))
    return "\n".join(lines) + "\n"


def summary(findings: list[Finding], files: int) -> str:
    counts = count_by_severity(findings)
    checked = f"{files} file{'s' if files != 1 else ''} checked"
    if not findings:
        return f"{checked}: no problems"
    parts = [
        f"{n} {name}{'s' if n != 1 else ''}"
        for name, n in (("error", counts["error"]), ("warning", counts["warning"]), ("note", counts["info"]))
        if n
    ]
    return f"{checked}: {', '.join(parts)}"


def json_record(item: Located) -> dict[str, Any]:
    f = item.finding
    return {
        "file": item.file,
        "line": item.line,
        "column": item.column,
        "code": f.code,
        "severity": f.severity,
        "primitive": f.primitive,
        "message": f.message,
        "path": list(f.path) if f.path is not None else None,
        "hint": f.hint,
    }


def render_json(items: Sequence[Located]) -> str:
    return json.dumps([json_record(i) for i in items], indent=2, ensure_ascii=False) + "\n"


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale},
        "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
        "properties": {"source": rule.source, "approaches": sorted(rule.approaches)},
    }
    if rule.hint:
        entry["help"] = {"text": rule.hint}
    return entry


def _sarif_path(path: Sequence[str | int] | None) -> str | None:
    if not path:
        return None
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def folder_uri(folder: Path) -> str:
    """A folder as a ``file:`` URI ending in ``/``, as SARIF wants a base URI."""
    uri = folder.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def artifact_location(file: str, root: Path) -> dict[str, str]:
    """A file as SARIF's ``artifactLocation``: a percent-encoded URI reference (RFC 3986).

    A path inside ``root`` becomes a relative reference against ``%SRCROOT%`` (spaces, ``#``,
    ``%``, ``:`` and non-ASCII letters encoded as UTF-8 octets); any other path an absolute ``file:``
    URI. Raw paths are not URI references: code-scanning tools and the SARIF schema refuse them."""
    path = Path(os.path.abspath(root / file))
    try:
        relative = path.relative_to(root)
    except ValueError:
        return {"uri": path.as_uri()}
    return {"uri": quote(relative.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def sarif_log(
    items: Sequence[Located], rules: Sequence[Rule] | None = None, root: Path | None = None
) -> dict[str, Any]:
    """The SARIF 2.1.0 log; ``root`` (default: the working folder) is ``%SRCROOT%``."""
    base = Path(os.path.abspath(root if root is not None else Path.cwd()))
    catalog = list(rules) if rules is not None else list(all_rules())
    index = {r.code: i + 1 for i, r in enumerate(catalog)}
    index[UNREADABLE] = 0
    results = []
    for item in items:
        f = item.finding
        physical: dict[str, Any] = {"artifactLocation": artifact_location(item.file, base)}
        if item.line is not None:
            region: dict[str, int] = {"startLine": item.line}
            if item.column is not None:
                region["startColumn"] = item.column
            physical["region"] = region
        location: dict[str, Any] = {"physicalLocation": physical}
        logical = []
        if f.primitive:
            logical.append({"name": f.primitive, "kind": "object"})
        data_path = _sarif_path(f.path)
        if data_path:
            logical.append({"fullyQualifiedName": data_path, "kind": "member"})
        if logical:
            location["logicalLocations"] = logical
        result: dict[str, Any] = {
            "ruleId": f.code,
            "level": SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [location],
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "dao-designer",
                        "version": __version__,
                        "informationUri": INFO_URI,
                        "rules": [_UNREADABLE_RULE, *(_sarif_rule(r) for r in catalog)],
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": folder_uri(base)}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render_sarif(items: Sequence[Located]) -> str:
    return json.dumps(sarif_log(items), indent=2, ensure_ascii=False) + "\n"
