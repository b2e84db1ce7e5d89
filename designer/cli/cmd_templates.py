"""``dao-designer templates``: list the templates ``new`` can start from."""

from __future__ import annotations

import argparse
import json

from designer.framework.templates import templates


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("templates", help="list the templates for 'new'")
    p.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    found = templates()
    if args.format == "json":
        print(json.dumps([{"name": t.name, "title": t.title, "description": t.description} for t in found], indent=2))
        return 0
    width = max(len(t.name) for t in found)
    for t in found:
        print(f"{t.name:<{width}}  {t.title}: {t.description}")
    return 0
