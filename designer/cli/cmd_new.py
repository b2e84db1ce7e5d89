"""``dao-designer new``: start a state file from a template."""

from __future__ import annotations

import argparse
from pathlib import Path

from designer.cli.common import write_output
from designer.cli.main import UsageError
from designer.framework.templates import template
from designer.io.load import format_of
from designer.io.save import document_text
from designer.model.document import Document


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("new", help="start a new state file from a template")
    p.add_argument("-t", "--template", default="blank", help="template name (see 'dao-designer templates')")
    p.add_argument("-o", "--output", required=True, help="the file to create (.dao.yaml or .dao.json)")
    p.add_argument("--name", help="the organization's name")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")


def run(args: argparse.Namespace) -> int:
    try:
        chosen = template(args.template)
    except KeyError as exc:
        raise UsageError(str(exc.args[0])) from None
    if args.output != "-" and Path(args.output).exists() and not args.force:
        raise UsageError(f"{args.output}: already exists; use --force to overwrite it")
    data = chosen.document().to_data()
    data.pop("x-template", None)
    if args.name:
        data["organization"]["name"] = args.name
    try:
        doc = Document.model_validate(data)
    except ValueError:
        raise UsageError(f"--name: {args.name!r} is not a usable name (1 to 1000 characters)") from None
    fmt = format_of(args.output)
    write_output(args.output, document_text(doc, fmt))
    if args.output != "-":
        print(f"created {args.output} from the '{chosen.name}' template")
    return 0
