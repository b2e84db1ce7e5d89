"""Turn a path inside the data (``primitives[3].state.goals``) into a line and column.

Only used when something is wrong, so it can afford a second, position-keeping parse; the parse
happens at most once per file, on the first question.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from designer.io.json_read import json_find
from designer.io.yaml_read import compose_reference


class Locator:
    def __init__(self, text: str) -> None:
        self._text = text
        self._root: Node | None = None
        self._composed = False

    def _tree(self) -> Node | None:
        if not self._composed:
            self._composed = True
            try:
                self._root = compose_reference(self._text)
            except Exception:
                self._root = None
        return self._root

    def find(self, path: Sequence[str | int], at_key: bool = False) -> tuple[int, int] | None:
        """Line and column (1-based) of the value at ``path``, or of its key when ``at_key``.

        When the path goes further than the file does (a missing key), the deepest existing node
        is returned: that is where the user has to add something.
        """
        node = self._tree()
        if node is None:
            return json_find(self._text, path, at_key) if self._text.lstrip().startswith(("{", "[")) else None
        key_node: Node | None = None
        complete = True
        for step in path:
            nxt: Node | None = None
            if isinstance(node, MappingNode):
                for k, v in node.value:
                    if isinstance(k, ScalarNode) and k.value == str(step):
                        key_node, nxt = k, v
                        break
            elif isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                key_node, nxt = None, node.value[step]
            if nxt is None:
                complete = False
                break
            node = nxt
        if complete and at_key and key_node is not None:
            node = key_node
        return node.start_mark.line + 1, node.start_mark.column + 1

    def duplicate_key(self, key: str) -> tuple[int, int] | None:
        """Where ``key`` appears a second time in one mapping (for JSON, which has no positions)."""
        root = self._tree()
        if root is None:
            return None
        for mapping in _mappings(root):
            seen = set()
            for k, _ in mapping.value:
                if isinstance(k, ScalarNode) and k.value == key:
                    if key in seen:
                        return k.start_mark.line + 1, k.start_mark.column + 1
                    seen.add(key)
        return None


def _mappings(node: Node) -> Iterator[MappingNode]:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, MappingNode):
            yield current
            for k, v in current.value:
                stack.extend((k, v))
        elif isinstance(current, SequenceNode):
            stack.extend(current.value)
