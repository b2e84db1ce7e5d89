"""``dao-designer export FILE --to FORMAT -o OUT``."""

from __future__ import annotations

import argparse
from pathlib import Path

from designer.cli.common import load_or_fail, write_output
from designer.cli.main import UsageError
from designer.export.registry import ExportError, load_all

PLANNED = ("yaml", "json", "dot", "svg", "png", "pdf", "mermaid", "markdown", "csv", "hats", "daouri", "state-dir")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="write the document in another format")
    p.add_argument("file", help="a *.dao.yaml or *.dao.json file")
    p.add_argument("--to", required=True, metavar="FORMAT", help="one of: " + ", ".join(PLANNED))
    p.add_argument("-o", "--output", help="output file or folder ('-' or absent: standard output)")


def run(args: argparse.Namespace) -> int:
    exporters = load_all()
    exporter = exporters.get(args.to)
    if exporter is None:
        raise UsageError(f"--to: unknown format {args.to!r}; choose one of: {', '.join(sorted(exporters))}")
    doc = load_or_fail(args.file)
    try:
        if exporter.write_dir is not None:
            if not args.output or args.output == "-":
                raise UsageError(f"--to {args.to} writes a folder; name it with -o")
            exporter.write_dir(doc, Path(args.output))
            return 0
        assert exporter.render is not None
        content = exporter.render(doc)
    except ExportError as exc:
        raise UsageError(f"{args.file}: {exc}") from None
    if isinstance(content, bytes) and (args.output is None or args.output == "-"):
        raise UsageError(f"--to {args.to} is binary; name an output file with -o")
    write_output(args.output, content)
    return 0
