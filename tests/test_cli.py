"""The headless CLI as a user meets it: exit codes, one-line errors, files written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from designer import __version__
from designer.cli.main import main
from designer.io.load import load_document
from tests.docs import SMALL


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"dao-designer {__version__}\n"


def test_new_from_each_template_gives_a_valid_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "templates", "--format", "json")
    names = [t["name"] for t in json.loads(out)]
    assert code == 0 and names[0] == "blank"
    for name in names:
        target = tmp_path / f"{name}.dao.yaml"
        code, out, err = run(capsys, "new", "--template", name, "-o", str(target), "--name", "Harbor Co-op")
        assert (code, err) == (0, "")
        assert out == f"created {target} from the '{name}' template\n"
        doc = load_document(target)
        assert doc.organization.name == "Harbor Co-op"
        assert "x-template" not in target.read_text()


def test_new_refuses_to_overwrite_and_unknown_templates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "a.dao.yaml"
    target.write_text("keep me")
    assert run(capsys, "new", "-o", str(target)) == (
        2,
        "",
        f"error: {target}: already exists; use --force to overwrite it\n",
    )
    assert target.read_text() == "keep me"
    code, _, err = run(capsys, "new", "--template", "nope", "-o", str(tmp_path / "b.dao.yaml"))
    assert code == 2 and err.startswith("error: no template named 'nope'; choose one of: blank")


def test_validate_reports_load_errors_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.dao.yaml"
    good.write_text(SMALL)
    bad = tmp_path / "bad.dao.yaml"
    bad.write_text(SMALL.replace("parent: ops", "parent: opz"))
    code, _, err = run(capsys, "validate", str(good), str(bad))
    assert code == 2
    assert err.splitlines()[0] == f"{bad}:29:13: 'treasury-steward' names parent 'opz', which does not exist"
    assert "Traceback" not in err


def test_export_yaml_is_canonical_and_json_round_trips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "net.dao.yaml"
    src.write_text(SMALL)
    out_yaml = tmp_path / "out.dao.yaml"
    out_json = tmp_path / "out.dao.json"
    assert run(capsys, "export", str(src), "--to", "yaml", "-o", str(out_yaml))[0] == 0
    assert run(capsys, "export", str(src), "--to", "json", "-o", str(out_json))[0] == 0
    assert load_document(out_yaml) == load_document(src) == load_document(out_json)
    again = tmp_path / "again.dao.yaml"
    run(capsys, "export", str(out_yaml), "--to", "yaml", "-o", str(again))
    assert again.read_bytes() == out_yaml.read_bytes()


def test_export_unknown_format_and_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "net.dao.yaml"
    src.write_text(SMALL)
    code, _, err = run(capsys, "export", str(src), "--to", "visio")
    assert code == 2 and err.startswith("error: --to: unknown format 'visio'; choose one of: ")
    code, _, err = run(capsys, "export", str(src), "--to", "yaml", "-o", str(tmp_path / "no" / "x.yaml"))
    assert (code, err) == (2, f"error: {tmp_path / 'no' / 'x.yaml'}: the folder {tmp_path / 'no'} does not exist\n")


def test_schema_command_prints_the_published_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    root = Path(__file__).resolve().parent.parent
    assert code == 0
    assert json.loads(out) == json.loads((root / "resources/schema/dao-designer-1.schema.json").read_text())


def test_usage_errors_exit_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate")
    assert code == 2
    assert err == "error: dao-designer validate: the following arguments are required: FILE\n"


def test_console_script_runs_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.dao.yaml"
    bad.write_bytes(b"format: dao-designer/1\norganization: {name: \xff}\n")
    result = subprocess.run(
        [sys.executable, "-m", "designer", "validate", str(bad)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr == f"{bad}:2:22: the file is not UTF-8 text\n"


def test_export_never_writes_another_format_over_its_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "net.dao.yaml"
    src.write_text(SMALL)
    code, _, err = run(capsys, "export", str(src), "--to", "csv", "-o", str(src))
    assert (code, err) == (
        2,
        f"error: {src}: is the input document; writing csv over it would lose it (choose another -o)\n",
    )
    assert src.read_text() == SMALL
    assert run(capsys, "export", str(src), "--to", "yaml", "-o", str(src))[0] == 0
    assert load_document(src).organization.name == "Regen Commons"
