"""Primitive ids: short, stable, human-readable slugs that survive renames."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from typing import Annotated

from pydantic import Field

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
ID_MAX = 64
Id = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=ID_MAX)]
_ID_RE = re.compile(ID_PATTERN)


def is_valid_id(value: str) -> bool:
    return len(value) <= ID_MAX and _ID_RE.match(value) is not None


def slugify(name: str, fallback: str = "item") -> str:
    """A readable id from a display name: ``"Ops Cell (EU)"`` becomes ``ops-cell-eu``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[: ID_MAX - 8].strip("-")
    return slug or fallback


def unique_id(name: str, taken: Container[str], fallback: str = "item") -> str:
    """The slug of ``name``, with ``-2``, ``-3``… appended until it is not taken. A taken slug that
    already ends in such a number counts on from it (a copy of ``crew-2`` is ``crew-3``, not
    ``crew-2-2``)."""
    base = slugify(name, fallback)
    if base not in taken:
        return base
    numbered = re.fullmatch(r"(.+)-(\d+)", base)
    if numbered and int(numbered.group(2)) < 1000:
        stem, n = numbered.group(1), int(numbered.group(2)) + 1
        while f"{stem}-{n}" in taken:
            n += 1
        return f"{stem}-{n}"
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
