"""What a rule reports: a frozen, hashable finding that the CLI, the reporters and the UI share.

``path`` is a data path from the document root (``("primitives", 3, "state", "purpose",
"goals")``), so the CLI can turn it into a line and column and the UI can focus the field. When a
path starts at a primitive, ``primitive`` names that primitive, which lets the incremental engine
re-point the path when positions in the list shift.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Final, Literal, get_args

Severity = Literal["error", "warning", "info"]
SEVERITIES: Final[tuple[Severity, ...]] = get_args(Severity)
SEVERITY_RANK: Final[dict[Severity, int]] = {"error": 0, "warning": 1, "info": 2}

DataPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    primitive: str | None
    message: str
    path: DataPath | None = None
    hint: str | None = None

    def rebased(self, position: int) -> Finding:
        """The same finding with its primitive now at ``position`` in the list."""
        if self.path is None or len(self.path) < 2 or self.path[0] != "primitives" or self.path[1] == position:
            return self
        return replace(self, path=("primitives", position, *self.path[2:]))

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "primitive": self.primitive,
            "message": self.message,
            "path": list(self.path) if self.path is not None else None,
            "hint": self.hint,
        }


def count_by_severity(findings: list[Finding]) -> dict[Severity, int]:
    counts: dict[Severity, int] = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        counts[f.severity] += 1
    return counts
