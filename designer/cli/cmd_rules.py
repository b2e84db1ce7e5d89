"""``dao-designer rules [--format text|json|markdown]``: the rule catalog."""

from __future__ import annotations

import argparse
import sys

from designer.rules import catalog


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "rules",
        help="list the rules validate runs",
        description="List every rule with its code, severity and title (text), the full catalog with "
        "settings (json), or the generated docs/rules.md (markdown).",
    )
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text")


def run(args: argparse.Namespace) -> int:
    render = {"text": catalog.render_text, "json": catalog.render_json, "markdown": catalog.render_markdown}
    sys.stdout.write(render[args.format]())
    return 0
