"""Parse YAML keeping line numbers, with dates left as text and duplicate keys reported."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

# libyaml's parser when PyYAML has it (ten times faster than the pure-Python one; same nodes and marks).
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextDatesLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that leaves 2026-11-28 as a string so the schema can report bad dates itself."""


# YAML 1.1 reads 0123 as octal 83 and 1:30 as 90 (base 60): only plain decimal numbers are numbers
# here, so a number written with a leading zero or a colon stays the text the editor typed.
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NUMBERS = {
    _INT: re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
    _FLOAT: re.compile(r"^[-+]?(?:0|[1-9][0-9]*)\.[0-9]+$"),
}
_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, _NUMBERS.get(tag, rx)) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class AliasRefused(yaml.MarkedYAMLError):
    """Content used a YAML anchor (&name) or alias (*name): refused before building any data from it."""


ALIAS_MESSAGE = (
    "不能用 YAML 的锚点和别名（&名字、*名字）：内容用不到它们，层层引用还能让构建卡死。"
    "请把要重复的文字直接写出来；如果 * 或 & 是文字的一部分，请给整段文字加上引号"
)


def refuse_aliases(text: str) -> None:
    """Raise AliasRefused at the first anchor or alias; reads events only, so nothing is expanded."""
    if "&" not in text and "*" not in text:  # neither can occur without its sign
        return
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise AliasRefused(problem=ALIAS_MESSAGE, problem_mark=event.start_mark)


@dataclass
class ParsedYaml:
    """A YAML document as plain data plus the node tree for finding line numbers."""

    data: Any
    node: yaml.Node | None
    first_line: int  # line of the document's first line in its file (1-based)
    duplicate_keys: list[tuple[str, int]]

    def line_of(self, loc: tuple[str | int, ...]) -> int | None:
        """Return the file line of a path such as ('sources', 1, 'url'), or the nearest parent."""
        node = self.node
        line = node.start_mark.line if node is not None else None
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
            line = node.start_mark.line
        return None if line is None else line + self.first_line


def _child(node: yaml.Node | None, part: str | int) -> yaml.Node | None:
    """Step into a mapping by key or a sequence by index; None when it is not there."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None


def _duplicates(node: yaml.Node | None, first_line: int) -> list[tuple[str, int]]:
    """Find keys that appear twice in one mapping (PyYAML would silently keep the last)."""
    found: list[tuple[str, int]] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                found.append((str(key.value), key.start_mark.line + first_line))
            seen.add(key.value)
            found += _duplicates(value, first_line)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += _duplicates(item, first_line)
    return found


def parse_yaml(text: str, first_line: int = 1) -> ParsedYaml:
    """Parse one YAML document; raises yaml.YAMLError (with a mark) on invalid YAML or an anchor/alias."""
    refuse_aliases(text)
    loader = _TextDatesLoader(text)
    try:  # parsed once: the node tree gives line numbers, the same tree gives the data
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return ParsedYaml(data, node, first_line, _duplicates(node, first_line))
