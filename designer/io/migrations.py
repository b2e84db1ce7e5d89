"""Upgrading older state files to the current format, one version step at a time.

Each step maps the data of one format to the next and is registered under the version it reads.
Files are upgraded in memory on load and written in the current format on the next save.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from designer import FORMAT

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[str, tuple[str, Migration]] = {}
"""``{old_format: (next_format, step)}``; empty while dao-designer/1 is the only format."""

KNOWN_PREFIX = "dao-designer/"


class UnknownFormat(ValueError):
    pass


def register(old: str, new: str) -> Callable[[Migration], Migration]:
    def wrap(step: Migration) -> Migration:
        MIGRATIONS[old] = (new, step)
        return step

    return wrap


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring ``data`` to :data:`FORMAT`, or raise :class:`UnknownFormat` saying what is readable."""
    seen: set[str] = set()
    while data.get("format") != FORMAT:
        version = data.get("format")
        if not isinstance(version, str) or version not in MIGRATIONS or version in seen:
            readable = ", ".join(sorted({FORMAT, *MIGRATIONS}))
            if isinstance(version, str) and version.startswith(KNOWN_PREFIX):
                raise UnknownFormat(
                    f"unknown format version {version!r}; this version of DAO Primitives Designer reads {readable}"
                    " (a newer release may read it)"
                )
            raise UnknownFormat(f"unknown format {version!r}; expected {FORMAT!r}")
        seen.add(version)
        new_format, step = MIGRATIONS[version]
        data = step(dict(data))
        data["format"] = new_format
    return data
