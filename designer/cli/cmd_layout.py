"""``dao-designer layout FILE [-o OUT]``: auto-layout positions (lanes by scale, few crossings)."""

from __future__ import annotations

import argparse

from designer.cli.common import load_or_fail, write_output
from designer.io.load import format_of
from designer.io.save import document_text
from designer.layout.auto import auto_layout, place_missing
from designer.model.document import Document


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("layout", help="compute canvas positions for a state file")
    p.add_argument("file", help="the .dao.yaml or .dao.json file")
    p.add_argument("-o", "--output", help="where to write the laid-out file (default: standard output; '-' too)")
    p.add_argument("--missing-only", action="store_true", help="only place primitives that have no position yet")


def run(args: argparse.Namespace) -> int:
    doc = load_or_fail(args.file)
    if args.missing_only:
        positions = {k: list(v) for k, v in doc.layout.items()}
        positions.update({k: list(v) for k, v in place_missing(doc.primitives, doc.links, doc.layout).items()})
    else:
        positions = {k: list(v) for k, v in auto_layout(doc.primitives, doc.links).items()}
    order = [p.id for p in doc.primitives if p.id in positions]
    data = doc.to_data()
    data["layout"] = {k: [float(positions[k][0]), float(positions[k][1])] for k in order}
    laid_out = Document.model_validate(data)
    fmt = format_of(args.output) if args.output and args.output != "-" else format_of(args.file)
    write_output(args.output, document_text(laid_out, fmt))
    return 0
