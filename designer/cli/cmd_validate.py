"""``dao-designer validate FILE...``: load each file strictly, run the rules, report.

Exit codes (DESIGN.md §6): 0 no errors (warnings allowed unless ``--strict``), 1 errors found,
2 a file could not be loaded or the options are wrong (one line on stderr each).

Positions: small files get exact line and column for every finding from a position-keeping
parse. That parse is slow on very large files, so above :data:`EXACT_LIMIT` a finding is placed
at the line of its primitive's ``id``, found by a plain text scan.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any

from designer.cli.main import UsageError
from designer.io.errors import LoadError
from designer.io.load import load_source
from designer.io.locate import Locator
from designer.model.document import Document
from designer.rules.engine import Engine
from designer.rules.finding import DataPath, Finding
from designer.rules.registry import SelectionError, split_codes
from designer.rules.report import UNREADABLE, Located, render_json, render_sarif, render_text, sort_located

EXACT_LIMIT = 512 * 1024
"""Files up to this many characters get exact positions for every finding."""

_ID_LINE = re.compile(r"""-[ \t]+["']?id["']?[ \t]*:[ \t]*["']?([a-z0-9][a-z0-9-]*)""")
"""A list item that starts with its id, as the writer puts it; starts with a literal, so it scans fast."""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "validate",
        help="check state files against the format and the framework's rules",
        description="Check state files. Exit 0: no errors; 1: errors (or warnings with --strict); "
        "2: a file could not be read or the options are wrong.",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1)")
    p.add_argument("--ignore", action="append", metavar="CODES", help="comma-separated codes or prefixes to skip")
    p.add_argument("--select", action="append", metavar="CODES", help="run only these codes or prefixes")
    p.add_argument("--hints", action="store_true", help="print each finding's fix hint (text format)")


class _Positions:
    """Data path → (line, column), exact for small files, by primitive for large ones."""

    def __init__(self, text: str, doc: Document) -> None:
        self._exact = Locator(text) if len(text) <= EXACT_LIMIT else None
        self._text = text
        self._doc = doc
        self._ids: dict[str, tuple[int, int]] | None = None

    def _id_lines(self) -> dict[str, tuple[int, int]]:
        if self._ids is None:
            self._ids = {}
            text = self._text
            line, last = 1, 0
            for m in _ID_LINE.finditer(text):
                line += text.count("\n", last, m.start())
                last = m.start()
                column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 3
                self._ids.setdefault(m.group(1), (line, column))
        return self._ids

    def find(self, path: DataPath | None, primitive: str | None) -> tuple[int | None, int | None]:
        if self._exact is not None:
            where = self._exact.find(path) if path else None
            return where if where else (None, None)
        if primitive is not None:
            return self._id_lines().get(primitive, (None, None))
        return (None, None)


def _load(path: str) -> tuple[Document, dict[str, Any], str]:
    """Read, parse and check one file, keeping the raw data for the rules that read it."""
    loaded = load_source(path)
    return loaded.document, loaded.data, loaded.text


def load_problems(exc: LoadError) -> list[Located]:
    """A file that cannot be loaded, as findings too, so JSON and SARIF readers see it."""
    return [
        Located(exc.file, Finding(UNREADABLE, "error", None, p.message, p.path or None), p.line, p.column)
        for p in exc.problems
    ]


def run(args: argparse.Namespace) -> int:
    try:
        engine = Engine(select=split_codes(args.select), ignore=split_codes(args.ignore))
    except SelectionError as exc:
        raise UsageError(f"--select/--ignore: {exc}") from None
    located: list[Located] = []
    bad_input = False
    checked = 0
    for path in args.files:
        try:
            doc, data, text = _load(path)
        except LoadError as exc:
            bad_input = True
            for problem_line in exc.details():
                print(problem_line, file=sys.stderr)
            located.extend(load_problems(exc))
            continue
        checked += 1
        findings = engine.run(doc, data)
        positions = _Positions(text, doc)
        for f in findings:
            line, column = positions.find(f.path, f.primitive)
            located.append(Located(path, f, line, column))
    located = sort_located(located)
    if args.format == "json":
        sys.stdout.write(render_json(located))
    elif args.format == "sarif":
        sys.stdout.write(render_sarif(located))
    elif checked or not bad_input:
        readable = [item for item in located if item.finding.code != UNREADABLE]
        sys.stdout.write(render_text(readable, checked, hints=args.hints))
    if bad_input:
        return 2
    failing = {"error", "warning"} if args.strict else {"error"}
    return 1 if any(item.finding.severity in failing for item in located) else 0
