"""Strict JSON reading with located errors, and finding a path's line and column in JSON text.

``json`` knows positions only for syntax errors. Everything else a JSON file can get wrong
(duplicate keys, NaN, numbers Python cannot print, lone surrogates, nesting too deep to read) is
located here from the text, so every refusal names its line and column, as for YAML.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from designer.io.errors import LoadError, Problem, cut, line_column
from designer.io.yaml_read import DEPTH_SHOWN, TOO_DEEP, too_many_digits
from designer.model.extensions import INT_DIGITS_MAX

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}:,]|[^\s\[\]{}:,"]+')


class _DuplicateKey(ValueError):
    pass


class _NotANumber(ValueError):
    pass


class _TooLong(ValueError):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def _no_constants(name: str) -> Any:
    raise _NotANumber(name)


def _whole(text: str) -> int:
    if len(text.lstrip("-")) > INT_DIGITS_MAX:
        raise _TooLong(text)
    return int(text)


def parse_json(text: str, file: str) -> Any:
    """The data of a JSON state file; raises :class:`LoadError` with the place of the problem."""
    _refuse_lone_surrogates(text, file)
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_constant=_no_constants, parse_int=_whole)
    except json.JSONDecodeError as exc:
        raise LoadError(file, [Problem(f"JSON syntax error: {exc.msg}", exc.lineno, exc.colno)]) from None
    except _DuplicateKey as exc:
        where = find_key_twice(text, str(exc))
        raise LoadError(file, [Problem(f"duplicate key '{cut(str(exc))}'", *where)]) from None
    except _NotANumber as exc:
        index = _outside_strings(text, re.compile(re.escape(str(exc))))
        at = line_column(text, index) if index is not None else (None, None)
        raise LoadError(file, [Problem(f"{exc} is not a number a state file can hold", *at)]) from None
    except _TooLong as exc:
        index = _outside_strings(text, re.compile(r"-?[0-9]{" + str(INT_DIGITS_MAX + 1) + "}"))
        at = line_column(text, index) if index is not None else (None, None)
        raise LoadError(file, [Problem(too_many_digits(len(str(exc).lstrip("-"))), *at)]) from None
    except RecursionError:
        raise LoadError(file, [Problem(TOO_DEEP, *deep_point(text))]) from None
    except ValueError as exc:
        raise LoadError(file, [Problem(str(exc))]) from None


def _refuse_lone_surrogates(text: str, file: str) -> None:
    """``"\\ud800"`` is valid JSON but no character: it could be read, never written as UTF-8."""
    if "\\ud" not in text and "\\uD" not in text:
        return
    for token in _TOKEN.finditer(text):
        tok = token.group()
        if tok.startswith('"') and ("\\ud" in tok or "\\uD" in tok):
            index = _lone_surrogate(tok)
            if index is not None:
                code = tok[index + 2 : index + 6].lower()
                message = f"text holds a lone surrogate \\u{code}, which is no character and cannot be saved as UTF-8"
                raise LoadError(file, [Problem(message, *line_column(text, token.start() + index))])


_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|.)")


def _lone_surrogate(token: str) -> int | None:
    """Where in a JSON string token a surrogate escape stands without its pair."""
    high: tuple[int, int] | None = None  # (start, end) of a high surrogate waiting for its low half
    for m in _ESCAPE.finditer(token):
        code = int(m.group(1), 16) if m.group(1) else -1
        if high is not None:
            if 0xDC00 <= code <= 0xDFFF and m.start() == high[1]:
                high = None
                continue
            return high[0]
        if 0xD800 <= code <= 0xDBFF:
            high = (m.start(), m.end())
        elif 0xDC00 <= code <= 0xDFFF:
            return m.start()
    return high[0] if high is not None else None


def _outside_strings(text: str, pattern: re.Pattern[str]) -> int | None:
    """Where ``pattern`` first matches a token outside any JSON string."""
    for token in _TOKEN.finditer(text):
        if not token.group().startswith('"') and pattern.match(token.group()):
            return token.start()
    return None


def deep_point(text: str) -> tuple[int | None, int | None]:
    """Where the nesting first goes deeper than :data:`DEPTH_SHOWN` levels."""
    depth = 0
    for token in _TOKEN.finditer(text):
        first = token.group()[0]
        if first in "[{":
            depth += 1
            if depth > DEPTH_SHOWN:
                return line_column(text, token.start())
        elif first in "]}":
            depth -= 1
    return None, None


def find_key_twice(text: str, key: str) -> tuple[int | None, int | None]:
    """The second occurrence of ``key`` in one object."""
    frames: list[tuple[set[str], list[bool]] | None] = []  # an object's keys and whether a key comes next
    for token in _TOKEN.finditer(text):
        tok = token.group()
        top = frames[-1] if frames else None
        if tok == "{":
            frames.append((set(), [True]))
        elif tok == "[":
            frames.append(None)
        elif tok in "]}":
            if frames:
                frames.pop()
        elif top is not None and tok == ",":
            top[1][0] = True
        elif top is not None and tok.startswith('"') and top[1][0]:
            top[1][0] = False
            name = _decode(tok)
            if name == key and name in top[0]:
                return line_column(text, token.start())
            top[0].add(name)
    return None, None


def _decode(token: str) -> str:
    try:
        value = json.loads(token)
    except ValueError:
        return token[1:-1]
    return value if isinstance(value, str) else token[1:-1]


def json_find(text: str, path: Sequence[str | int], at_key: bool = False) -> tuple[int, int] | None:
    """Line and column of the value at ``path`` (its key when ``at_key``), or of the deepest
    part of the path that exists; for JSON text the YAML reader cannot compose."""
    target = tuple(path)
    frames: list[list[Any]] = []  # [is_object, step, wants_key]
    best: tuple[int, int] | None = None
    best_len = -1
    for token in _TOKEN.finditer(text):
        tok = token.group()
        top = frames[-1] if frames else None
        if tok in ":":
            continue
        if tok == ",":
            if top is not None:
                if top[0]:
                    top[2] = True
                else:
                    top[1] += 1
            continue
        if tok in "]}":
            if frames:
                frames.pop()
            continue
        if top is not None and top[0] and top[2]:
            top[1], top[2] = _decode(tok), False
            here = tuple(f[1] for f in frames)
            if at_key and here == target:
                return line_column(text, token.start())
            continue
        here = tuple(f[1] for f in frames)
        if here == target[: len(here)] and len(here) > best_len:
            best, best_len = line_column(text, token.start()), len(here)
            if here == target:
                return best
        if tok == "{":
            frames.append([True, None, True])
        elif tok == "[":
            frames.append([False, 0, False])
    return best
