"""``dao-designer export FILE --to FORMAT -o OUT``."""

from __future__ import annotations

import argparse
from pathlib import Path

from designer.cli.common import load_or_fail, write_output
from designer.cli.main import UsageError
from designer.export.registry import ExportError, load_all
from designer.io.load import format_of
from designer.io.save import UnwritableDocument

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
    _refuse_overwriting_the_input(args.file, args.output, args.to)
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
    except UnwritableDocument as exc:
        raise UsageError(f"{args.file}: the document {exc}") from None
    if isinstance(content, bytes) and (args.output is None or args.output == "-"):
        raise UsageError(f"--to {args.to} is binary; name an output file with -o")
    write_output(args.output, content)
    return 0


def _refuse_overwriting_the_input(source: str, output: str | None, fmt: str) -> None:
    """Writing over the document being exported loses it, unless the export is the document's own
    format (``--to yaml`` on a YAML file rewrites it in canonical form, which is useful)."""
    if not output or output == "-":
        return
    try:
        same = Path(output).resolve() == Path(source).resolve()
    except OSError:
        return
    if same and fmt != format_of(source):
        raise UsageError(f"{output}: is the input document; writing {fmt} over it would lose it (choose another -o)")
