"""A small, fast YAML writer for state files: stable bytes, block style, no anchors.

PyYAML's C dumper takes over a second for a 10k-primitive file; this writer handles only what
a state file holds (mappings, lists, text, numbers, booleans, null) and takes a fraction of
that. Text is written plain only when every YAML 1.1 and 1.2 reader would read it back as the
same text; otherwise it is double-quoted, or a literal block when it spans lines. The property
tests read every output back with PyYAML to hold it to that.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

_PLAIN_OK = re.compile(r"^[A-Za-z_/(\u00a0-\U0010ffff][^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]*$")
_PLAIN_BAD = re.compile(
    r": |:$| #|^[-?:,\[\]{}#&*!|>'\"%@`]|\s$|[\t\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]"
)
_AMBIGUOUS = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|null|Null|NULL|=|<<.*|_.*)$"
)
_ESCAPE_MORE = re.compile(r"[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_BLOCK_BAD = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]| \n| $|\n\n\Z")
_MAX_IMPLICIT_KEY = 1000


def quote(text: str) -> str:
    """Double-quoted YAML (a superset of a JSON string), escaping what YAML treats as breaks."""
    out = json.dumps(text, ensure_ascii=False)
    if _ESCAPE_MORE.search(out):
        out = _ESCAPE_MORE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)
    return out


def scalar_text(value: str) -> str:
    if value and _PLAIN_OK.match(value) and not _PLAIN_BAD.search(value) and not _AMBIGUOUS.match(value):
        return value
    return quote(value)


def _key(key: str) -> str:
    return scalar_text(key)


def _number(value: float | int) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value)
    if "e" in text and "." not in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}.0e{exponent}"
    return text


def _inline(value: Any) -> str | None:
    """The one-line form of a value, or None when it needs block lines of its own."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _number(value)
    if isinstance(value, str):
        if "\n" in value:
            return None
        return scalar_text(value)
    if isinstance(value, list):
        if not value:
            return "[]"
        if len(value) <= 4 and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
            return "[" + ", ".join(_number(v) for v in value) + "]"
        return None
    if isinstance(value, dict):
        return "{}" if not value else None
    raise TypeError(f"cannot write a {type(value).__name__} to a state file")


def _block_text(value: str, indent: str) -> str:
    """A literal block for multi-line text, or a quoted line when a block would not round-trip."""
    body = value[:-1] if value.endswith("\n") else value
    first = next((line for line in body.split("\n") if line), "")
    if not first or first.startswith((" ", "\t")) or _BLOCK_BAD.search(value):
        return " " + quote(value)
    head = "|" if value.endswith("\n") else "|-"
    lines = [(indent + line) if line else "" for line in body.split("\n")]
    return " " + head + "\n" + "\n".join(lines)


def _emit(value: Any, indent: str, out: list[str]) -> None:
    """Append the block lines of a mapping or list (already known to be non-empty)."""
    child = indent + "  "
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"mapping keys must be text, not {type(key).__name__}")
            k = _key(key)
            if len(k) > _MAX_IMPLICIT_KEY:
                out.append(f"{indent}? {k}")
                k = ""
            inline = _inline(item)
            if inline is not None:
                out.append(f"{indent}{k}: {inline}")
            elif isinstance(item, str):
                out.append(f"{indent}{k}:{_block_text(item, child)}")
            else:
                out.append(f"{indent}{k}:")
                _emit(item, child, out)
        return
    for item in value:
        inline = _inline(item)
        if inline is not None:
            out.append(f"{indent}- {inline}")
        elif isinstance(item, str):
            out.append(f"{indent}-{_block_text(item, child)}")
        else:
            sub: list[str] = []
            _emit(item, child, sub)
            out.append(f"{indent}- {sub[0][len(child):]}")
            out.extend(sub[1:])


def dump_yaml(data: Any) -> str:
    """The YAML text of plain data (dicts, lists, text, numbers, booleans, None), ending in a newline."""
    inline = _inline(data)
    if inline is not None:
        return inline + "\n"
    if isinstance(data, str):
        return _block_text(data, "  ").lstrip() + "\n"
    out: list[str] = []
    _emit(data, "", out)
    return "\n".join(out) + "\n"


def dump_json(data: Any) -> str:
    """Stable, readable JSON for the ``.dao.json`` form and JSON exports."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
