"""Values a file can hold but a save could not write back are refused at load, with one located,
short message, the same on the fast and the reference YAML parser; what loads always saves.

Issue 10: NaN/Inf and huge whole numbers in ``x-`` values made every autosave fail, a lone
surrogate in JSON loaded and was written as a file that could not be read, deep nesting and some
JSON problems had no line and column, and messages repeated 10 MB values and bidi characters.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designer.io.errors import LoadError, tidy
from designer.io.load import parse_document
from designer.io.save import document_text
from designer.io.yaml_read import YamlProblem, parse_reference, parse_yaml
from tests.test_parsers_agree import assert_documents_agree

ROOT = Path(__file__).resolve().parent.parent
HEAD = "format: dao-designer/1\norganization: {name: X}\n"
JSON_HEAD = '{"format": "dao-designer/1", "organization": {"name": "X"}, '


def refusal(text: str, name: str = "f.dao.yaml") -> str:
    with pytest.raises(LoadError) as caught:
        parse_document(text, name, "json" if name.endswith(".json") else "yaml")
    return caught.value.summary()


YAML_CASES = [
    (HEAD + "x-v: .nan\n", "f.dao.yaml:3:6: x-v: extension data cannot hold .nan (not a number), which is not a "
     "finite number; quote it to keep it as text"),
    (HEAD + "x-v: [1, -.inf]\n", "f.dao.yaml:3:10: x-v[1]: extension data cannot hold -.inf (minus infinity), "
     "which is not a finite number; quote it to keep it as text"),
    (HEAD + "x-v: " + "9" * 5000 + "\n", "f.dao.yaml:3:6: this whole number has 5,000 digits; a state file holds "
     "at most 4,300 digits (quote it to keep it as text)"),
    (HEAD + "x-v: -" + "9" * 4301 + "\n", "f.dao.yaml:3:6: this whole number has 4,301 digits; a state file holds "
     "at most 4,300 digits (quote it to keep it as text)"),
    (HEAD + "x-v: 0x" + "f" * 3600 + "\n", "f.dao.yaml:3:6: this whole number is that long; a state file holds "
     "at most 4,300 digits (quote it to keep it as text)"),
    (HEAD + "rules: {settings: {cell_size_max: .inf}}\n",
     "f.dao.yaml:3:35: rules.settings.cell_size_max: must be a finite number, found inf"),
    (HEAD + "x-v: " + "[" * 101 + "]" * 101 + "\n",  # pointed at the list that goes too deep
     "f.dao.yaml:3:106: x-v" + "[0]" * 25 + "[… "
     "extension data nests more than 100 levels deep"),
    (HEAD + "x-v: " + "[" * 900 + "]" * 900 + "\n", "f.dao.yaml:3:105: the file nests lists or mappings too "
     "deeply to read"),
    (HEAD + "unk\u202eown\u200b: 1\n", "f.dao.yaml:3:1: the file: unknown key 'unk\\u202eown\\u200b' (extension "
     "keys must start with 'x-')"),
]


@pytest.mark.parametrize(("text", "message"), YAML_CASES, ids=range(len(YAML_CASES)))
def test_yaml_values_that_cannot_be_written_are_refused_where_they_stand(text: str, message: str) -> None:
    assert refusal(text) == message
    assert_documents_agree(text)


def test_huge_whole_numbers_get_the_same_verdict_on_both_parsers() -> None:
    for text in (HEAD + "x-v: " + "9" * 5000 + "\n", HEAD + "x-v: [1, " + "8" * 4400 + "]\n"):
        for parser in (parse_yaml, parse_reference):
            with pytest.raises(YamlProblem, match="4,300 digits"):
                parser(text)
    assert parse_yaml(HEAD + "x-v: " + "9" * 4300 + "\n")["x-v"] == int("9" * 4300)


JSON_CASES = [
    (JSON_HEAD + '"x-v": "a\\ud800"}', "f.dao.json:1:70: text holds a lone surrogate \\ud800, which is no "
     "character and cannot be saved as UTF-8"),
    (JSON_HEAD + '"x-\\udc00": 1}', "f.dao.json:1:64: text holds a lone surrogate \\udc00, which is no "
     "character and cannot be saved as UTF-8"),
    ('{"format": "dao-designer/1", "organization": {"name": "X\\udfff\\ud800"}}',
     "f.dao.json:1:57: text holds a lone surrogate \\udfff, which is no character and cannot be saved as UTF-8"),
    (JSON_HEAD + '"x-v": 1e999}', "f.dao.json:1:68: x-v: extension data cannot hold .inf (infinity), which is "
     "not a finite number; quote it to keep it as text"),
    (JSON_HEAD + '"x-v": ' + "9" * 5000 + "}", "f.dao.json:1:68: this whole number has 5,000 digits; a state "
     "file holds at most 4,300 digits (quote it to keep it as text)"),
    (JSON_HEAD + '"x-v": ' + "[" * 5000 + "]" * 5000 + "}", "f.dao.json:1:167: the file nests lists or "
     "mappings too deeply to read"),
    (JSON_HEAD + '"' + "z" * 10_000_000 + '": 1}', "f.dao.json:1:61: the file: unknown key '" + "z" * 79
     + "…' (extension keys must start with 'x-')"),
    (JSON_HEAD + '"x-' + "k" * 10_000_000 + '": 1, "x-' + "k" * 10_000_000 + '": 2}',
     "f.dao.json:1:10000070: duplicate key '" + "x-" + "k" * 77 + "…'"),
    (JSON_HEAD + '"x-a": 1, "x-a": 2}', "f.dao.json:1:71: duplicate key 'x-a'"),
]


@pytest.mark.parametrize(("text", "message"), JSON_CASES, ids=range(len(JSON_CASES)))
def test_json_values_that_cannot_be_written_are_refused_where_they_stand(text: str, message: str) -> None:
    assert refusal(text, "f.dao.json") == message


def test_surrogate_pairs_and_escaped_backslashes_are_not_lone_surrogates() -> None:
    doc = parse_document(JSON_HEAD + '"x-v": "\\ud83d\\ude00 and \\\\ud800"}', "f.dao.json", "json")
    assert doc.extensions["x-v"] == "\U0001f600 and \\ud800"


def test_paths_are_found_in_json_the_yaml_reader_cannot_compose() -> None:
    from designer.io.json_read import json_find

    text = '{\n  "a": [1, {"b\\u0041": "x\\ud800"}],\n  "c": {"d": 2}\n}'
    assert json_find(text, ("a", 1, "bA")) == (2, 24)
    assert json_find(text, ("a", 1, "bA"), at_key=True) == (2, 13)
    assert json_find(text, ("c", "d")) == (3, 14)
    assert json_find(text, ("c", "missing")) == (3, 8)  # the deepest part that exists
    assert json_find(text, ()) == (1, 1)


def test_messages_show_invisible_characters_escaped_and_long_values_cut() -> None:
    assert tidy("unknown key 'a\u202eb\u200b\u2028'") == "unknown key 'a\\u202eb\\u200b\\u2028'"
    long = tidy("bad value '" + "v" * 10_000_000 + "' here")
    assert long == "bad value '" + "v" * 78 + "… here"
    assert len(tidy("x " * 10_000)) == 400


@pytest.mark.parametrize("case", range(len(JSON_CASES)))
def test_export_refuses_such_files_with_one_line_and_exit_2(tmp_path: Path, case: int) -> None:
    if case == 6:
        pytest.skip("10 MB: the same path as the other unknown keys")
    text, message = JSON_CASES[case]
    source = tmp_path / "f.dao.json"
    source.write_text(text)
    for fmt in ("json", "yaml"):
        out = tmp_path / f"out.{fmt}"
        run = subprocess.run([sys.executable, "-m", "designer", "export", str(source), "--to", fmt, "-o", str(out)],
                             cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert (run.returncode, run.stderr) == (2, f"error: {tmp_path}/{message}\n")
        assert not out.exists()


def test_export_of_a_document_json_cannot_hold_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from designer.cli.main import main
    from designer.model.document import Document

    source = tmp_path / "f.dao.yaml"
    source.write_text(HEAD)
    nan = Document.model_validate({"organization": {"name": "X"}, "rules": {"settings": {"k": math.nan}}})
    monkeypatch.setattr("designer.cli.cmd_export.load_or_fail", lambda _path: nan)
    assert main(["export", str(source), "--to", "json", "-o", str(tmp_path / "o.json")]) == 2
    assert capsys.readouterr().err == (f"error: {source}: the document cannot be written as JSON: Out of range "
                                       "float values are not JSON compliant: nan\n")


# --- load, save, load never fails after an accepted load ---------------------------------------

any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=12)
hostile_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.tuples(st.integers(4297, 4302), st.sampled_from([1, -1])).map(lambda t: t[1] * (10 ** t[0] - 1))
    | st.floats()
    | any_text
)
hostile_values = st.recursive(
    hostile_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=8,
)


def _yaml_text(value: Any) -> str | None:
    """The file a user could write: our writer's YAML (a lone surrogate goes in as an escape)."""
    from designer.io.yaml_write import dump_yaml

    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return HEAD + dump_yaml({"x-v": value})
    except (ValueError, TypeError):
        return None
    finally:
        sys.set_int_max_str_digits(old)


def _json_text(value: Any) -> str:
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return JSON_HEAD + '"x-v": ' + json.dumps(value, ensure_ascii=True) + "}"
    finally:
        sys.set_int_max_str_digits(old)


def _accepted_loads_save_and_load_back(text: str, name: str) -> None:
    fmt = "json" if name.endswith(".json") else "yaml"
    try:
        doc = parse_document(text, name, fmt)
    except LoadError as exc:
        assert all(p.line is not None for p in exc.problems), exc.summary()
        return
    for out in ("yaml", "json"):
        written = document_text(doc, out)  # type: ignore[arg-type]
        again = parse_document(written.encode("utf-8"), f"g.dao.{out}", out)  # type: ignore[arg-type]
        assert document_text(again, out) == written  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_values)
def test_any_accepted_x_value_saves_and_loads_back(value: Any) -> None:
    text = _yaml_text(value)
    if text is not None:
        assert_documents_agree(text)  # the same verdict from the fast and the reference parser
        _accepted_loads_save_and_load_back(text, "f.dao.yaml")
    _accepted_loads_save_and_load_back(_json_text(value), "f.dao.json")
