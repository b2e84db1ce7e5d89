"""Strict YAML parsing: a fast path through yaml-rs and a reference path through PyYAML.

Both read plain scalars by the YAML 1.2 core schema (``yes`` is text, ``1e3`` is a number, dates
are text), refuse aliases, unknown tags and duplicate keys, and give the same data. The fast
path is taken only when a quick scan of the text finds nothing on which the two parsers could
disagree; any error on the fast path is reported through the reference path, which knows lines
and columns. The property tests hold the two to equal results.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode
from yaml.resolver import Resolver

from designer.io.errors import Problem, cut, line_column
from designer.model.extensions import INT_DIGITS_MAX

_INT_LIMIT = 10**INT_DIGITS_MAX


def too_many_digits(count: int | None) -> str:
    """Python cannot turn whole numbers of more than 4,300 digits into text, so none is read."""
    has = f"has {count:,} digits" if count is not None else "is that long"
    return (f"this whole number {has}; a state file holds at most {INT_DIGITS_MAX:,} digits "
            "(quote it to keep it as text)")

yaml_rs: Any
try:  # pragma: no cover - depends on the wheel
    import yaml_rs

    _ALIASES_OFF = yaml_rs.AliasLimits(max_total_replayed_events=0, max_replay_stack_depth=1)
except ImportError:  # pragma: no cover
    yaml_rs = None

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PARSER_NAME = "libyaml" if _BaseLoader is not yaml.SafeLoader else "pure-python"


class YamlProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


# --- the reference loader --------------------------------------------------------------------


class Core12Resolver(Resolver):
    """Implicit tags of the YAML 1.2 core schema, in place of PyYAML's YAML 1.1 set."""

    yaml_implicit_resolvers = {}  # noqa: RUF012 - PyYAML keeps its resolver table on the class


Core12Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
Core12Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
Core12Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)
Core12Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)

_REFUSED_TAGS = ("binary", "timestamp", "set", "omap", "pairs", "merge", "value", "yaml")


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class StrictLoader(_BaseLoader, Core12Resolver):  # type: ignore[misc]
    """PyYAML's safe loader, made strict: no aliases, no duplicate keys, JSON-like types only."""

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise ConstructorError(None, None, "YAML aliases (*name) are not allowed", node.start_mark)
        return super().construct_object(node, deep)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, MappingNode):
            raise ConstructorError(None, None, f"expected a mapping, found {node.id}", node.start_mark)
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (
                isinstance(key_node, ScalarNode) and key_node.value == "<<" and not key_node.style
            ):
                raise ConstructorError(
                    None, None, "YAML merge keys (<<) are not allowed; write the keys out", key_node.start_mark
                )
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                hint = f"; quote {key_node.value!r}" if isinstance(key_node, ScalarNode) else ""
                raise ConstructorError(None, None, f"mapping keys must be text{hint}", key_node.start_mark)
            if key in mapping:
                raise ConstructorError(None, None, f"duplicate key '{cut(key)}'", key_node.start_mark)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_float(self, node: ScalarNode) -> float:
        value = str(self.construct_scalar(node)).lower()
        if value in (".nan",):
            return float("nan")
        if value.endswith(".inf"):
            return float("-inf") if value.startswith("-") else float("inf")
        return float(value)

    def construct_yaml_int(self, node: ScalarNode) -> int:
        value = str(self.construct_scalar(node))
        digits = value.lstrip("+-")
        if digits.startswith(("0o", "0x")):
            number = int(digits[2:], 8 if digits[1] == "o" else 16)
        elif len(digits) > INT_DIGITS_MAX:
            raise ConstructorError(None, None, too_many_digits(len(digits)), node.start_mark)
        else:
            number = int(digits, 10)
        if not -_INT_LIMIT < number < _INT_LIMIT:
            raise ConstructorError(None, None, too_many_digits(None), node.start_mark)
        return -number if value.startswith("-") else number

    def _refuse(self, node: Node) -> Any:
        tag = str(node.tag).replace(_SHORT_TAG, "!!")
        raise ConstructorError(None, None, f"the YAML tag {tag} is not allowed", node.start_mark)


StrictLoader.add_constructor("tag:yaml.org,2002:float", StrictLoader.construct_yaml_float)
StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_yaml_int)
StrictLoader.add_constructor("tag:yaml.org,2002:map", StrictLoader.construct_yaml_map)
for _tag in _REFUSED_TAGS:
    StrictLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", StrictLoader._refuse)
StrictLoader.add_constructor(None, StrictLoader._refuse)


def _construct_map(loader: StrictLoader, node: MappingNode) -> Any:
    return loader.construct_mapping(node, deep=True)


StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)


def parse_reference(text: str) -> Any:
    """Parse with PyYAML (libyaml where present), the reference for every answer."""
    loader = StrictLoader(text)  # type: ignore[call-arg]
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem(_marked_problem(exc, text)) from None
    except yaml.reader.ReaderError as exc:
        raise YamlProblem(_reader_problem(exc, text)) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(Problem(f"not valid YAML: {exc}")) from None
    except RecursionError:
        raise YamlProblem(Problem(TOO_DEEP, *yaml_deep_point(text))) from None
    finally:
        loader.dispose()


def _reader_problem(exc: yaml.reader.ReaderError, text: str) -> Problem:
    index = min(exc.position, len(text))
    char = text[index] if index < len(text) else chr(exc.character) if isinstance(exc.character, int) else "?"
    return Problem(
        f"control character U+{ord(char):04X} is not allowed; write it as an escape inside double quotes",
        *line_column(text, index),
    )


def _first_alias(text: str) -> tuple[str, int, int] | None:
    """The first ``*alias`` in the text, for pointing at it rather than at its anchor."""
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
                return str(event.anchor), event.start_mark.line + 1, event.start_mark.column + 1
    except yaml.YAMLError:
        return None
    return None


def _marked_problem(exc: yaml.MarkedYAMLError, text: str) -> Problem:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    if isinstance(exc, ConstructorError) and problem.startswith("YAML aliases"):
        alias = _first_alias(text)
        if alias is not None:
            name, line, column = alias
            return Problem(f"YAML aliases are not allowed: write out the value instead of *{name}", line, column)
    opened = exc.context_mark
    if opened is not None and "end of stream" in problem and "quoted scalar" in context:
        return Problem("this quote is never closed", opened.line + 1, opened.column + 1)
    if opened is not None and ("flow sequence" in context or "flow mapping" in context):
        opener = "[" if "sequence" in context else "{"
        problem_at = exc.problem_mark
        if problem_at is None or problem_at.index >= len(text.rstrip()) or problem_at.line > opened.line:
            return Problem(f"this '{opener}' is never closed", opened.line + 1, opened.column + 1)
    if opened is not None and "simple key" in context and "expected ':'" in problem:
        return Problem("a ':' is missing after the key on this line", opened.line + 1, opened.column + 1)
    message = _yaml_message(exc)
    if mark is not None and text[mark.index : mark.index + 1] == "\t" and "tab" not in message:
        message = "tab characters cannot indent YAML; use spaces"
    if mark is None:
        return Problem(message)
    return Problem(message, mark.line + 1, mark.column + 1)


_SHORT_TAG = "tag:yaml.org,2002:"


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    if isinstance(exc, ConstructorError) and problem.startswith("could not determine a constructor"):
        tag = problem.split("tag", 1)[-1].strip(" '")
        return f"the YAML tag {tag.replace(_SHORT_TAG, '!!')} is not allowed"
    if isinstance(exc, ConstructorError):
        return problem.replace(_SHORT_TAG, "!!")
    if "expected a single document" in context:
        return "the file holds more than one YAML document; a state file is one document"
    if "tab" in problem and "indentation" in problem:
        return "tab characters cannot indent YAML; use spaces"
    if "did not find expected '-' indicator" in problem or "expected <block end>" in problem:
        return "this line is indented differently from the lines above it"
    text = problem if not context else f"{problem} ({context})"
    return f"YAML syntax error: {text}"


TOO_DEEP = "the file nests lists or mappings too deeply to read"
DEPTH_SHOWN = 100
"""The depth at which a nesting that is too deep to read is pointed at."""


def yaml_deep_point(text: str) -> tuple[int | None, int | None]:
    """Where the nesting first goes deeper than :data:`DEPTH_SHOWN` levels (PyYAML's event parser
    does not recurse, so it reads any depth)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > DEPTH_SHOWN and event.start_mark is not None:
                    return event.start_mark.line + 1, event.start_mark.column + 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        pass
    return None, None


def compose_reference(text: str) -> Node | None:
    """The node tree with positions, for pointing at where a validation problem is."""
    loader = StrictLoader(text)  # type: ignore[call-arg]
    try:
        node: Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


# --- the fast path -----------------------------------------------------------------------------

# Constructs on which yaml-rs and the reference could disagree, or which the reference refuses
# with a better message: tags, anchors and aliases, merge keys, directives, explicit keys, several
# documents, control characters, and numbers in forms outside the YAML 1.2 core schema. Each is
# looked for with a cheap literal test first, and a regular expression only when that hits, so
# ordinary files are cleared in a few milliseconds. Mapping keys that are not text are caught
# later: they fail validation, and a failed validation is always re-read through the reference.
class _PrefixedNumber:
    """``0b101``, ``0O17`` or ``0X1F`` standing alone (not inside a word such as an address)."""

    _at = re.compile(r"0[bBOX]")

    def search(self, text: str) -> bool:
        return any(m.start() == 0 or not text[m.start() - 1].isalnum() for m in self._at.finditer(text))


class _ComplexFlow:
    """A flow collection that opens a value and holds more than numbers."""

    _open = re.compile(r"[\[{]")
    _simple = re.compile(r"[-+0-9., \t]*[\]}]")

    def search(self, text: str) -> bool:
        for m in self._open.finditer(text):
            i = m.start() - 1
            while i >= 0 and text[i] in " \t":
                i -= 1
            if (i < 0 or text[i] in ":-,[{\n") and not self._simple.match(text, m.end()):
                return True
        return False


_CHECKS: tuple[tuple[tuple[str, ...], tuple[re.Pattern[str] | _PrefixedNumber | _ComplexFlow, ...]], ...] = (
    (("!", "&", "*"), (re.compile(r"(?:^|[ \[{,])[!&*](?:[^\s]|$)", re.MULTILINE),)),
    # Tabs: PyYAML refuses them in places where yaml-rs reads them as separators.
    (("\t",), (re.compile(r"\t"),)),
    (("<<",), (re.compile(r"<<"),)),
    (("%",), (re.compile(r"^%", re.MULTILINE),)),
    (("?",), (re.compile(r"^[ \t]*\?(?:[ \t]|$)", re.MULTILINE),)),
    (("---", "..."), (re.compile(r"^(?:---|\.\.\.)(?:[ \t]|$)", re.MULTILINE),)),
    # Numbers with underscores (yaml-rs reads 1_000 and 1_ as numbers; YAML 1.2 core as text).
    (("_",), (re.compile(r"_[0-9]"), re.compile(r"_(?=[\s,\]}.:]|$)"))),
    # Binary, upper-case octal and hex prefixes, and signed hex or octal.
    (("0b", "0B", "0O", "0X"), (_PrefixedNumber(),)),
    (("-0x", "-0o", "+0x", "+0o"), (re.compile(r"-0[xo]"), re.compile(r"\+0[xo]"))),
    # Flow collections other than the writer's own ([], {}, [x, y]): PyYAML and yaml-rs differ on
    # many corners of flow syntax, so any other flow collection takes the reference path.
    (("[", "{"), (_ComplexFlow(),)),
    # Block scalars that open with a blank line: yaml-rs keeps a line break PyYAML chomps.
    (("|", ">"), (re.compile(r"[|>][-+0-9]*[ \t]*(?:#[^\n]*)?\n[ \t]*(?:\n|$)"),)),
    # Deep nesting on one line: yaml-rs overflows its stack on thousands of "- - - ...".
    (("- - - - - - - - ",), (re.compile(r"(?:- ){100}"),)),
    ((" " * 400,), (re.compile(r"^ {400}", re.MULTILINE),)),
    (("[" * 10, "{" * 10, "[{[{", "{[{["), (re.compile(r"[\[{]{100}"),)),
    (
        ("",),
        (re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]"),),
    ),
)


_LONG_NUMBER = re.compile(r"[0-9a-fA-F]{3500}")


def _long_number(text: str) -> bool:
    """A run of digits long enough to be a number Python cannot print: only on lines over 3,500
    characters, found in a couple of milliseconds, so ordinary files pay nearly nothing."""
    if len(text) < 3500:
        return False
    return any(len(line) >= 3500 and _LONG_NUMBER.search(line) for line in text.split("\n"))


def fast_path_safe(text: str) -> bool:
    if yaml_rs is None:
        return False
    for literals, patterns in _CHECKS:
        if any(lit in text for lit in literals) and any(p.search(text) for p in patterns):
            return False
    # yaml-rs reads whole numbers of any length; the reference refuses the ones that cannot be
    # written back (over 4,300 digits), with their line and column.
    return not _long_number(text)


def parse_yaml(text: str) -> Any:
    """Parse one YAML document strictly; raises :class:`YamlProblem` naming line and column."""
    if fast_path_safe(text):
        try:
            return yaml_rs.loads(
                text,
                parse_datetime=False,
                alias_limits=_ALIASES_OFF,
                duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error,
            )
        except Exception:
            pass
    return parse_reference(text)
