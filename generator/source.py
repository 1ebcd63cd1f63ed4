"""Read a YAML file into a tree of located nodes, safely.

The tree is built from parser events rather than PyYAML's composer so that one pass can
keep every node's position, catch duplicate keys (PyYAML keeps the last one silently),
refuse non-standard tags such as ``!!python/object``, and bound nesting depth and alias
expansion (billion laughs) without recursion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NoReturn

import yaml

from .problems import START, CatalogueError, Location, Problem

try:  # libyaml's parser is several times faster; the pure one gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
MAX_ALIAS_NODES = 10_000

_CORE = "tag:yaml.org,2002:"
_STR = f"{_CORE}str"
# The first characters YAML 1.1's implicit types (bool, float, int, merge, null, timestamp)
# can start with; a plain scalar starting otherwise is text, without asking the resolver.
_MAY_START_NON_TEXT = frozenset(_Loader.yaml_implicit_resolvers)
_PLAIN_BOOLEANS = {"true": True, "false": False}
_CONSTRUCTED = "a value read already"  # a tag no scalar has: nothing more to do
_RESOLVED_KEPT = 1_000
_SCALAR_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "bool", "null", "float")}
_ALLOWED_TAGS = {*_SCALAR_TAGS, f"{_CORE}seq", f"{_CORE}map", "!"}


def _pack(location: Location | None) -> int:
    return 0 if location is None else location.line << 32 | location.column


def _unpack(packed: int) -> Location | None:
    return Location(packed >> 32, packed & 0xFFFFFFFF) if packed else None


class Node:
    """A YAML value with its position; mappings map key text to nodes, in file order.

    Positions are packed into ints: a catalogue of 100,000 codes has over a million nodes,
    and a tuple per position would double what they weigh."""

    __slots__ = ("_at", "_key_at", "quoted", "size", "text", "value")

    def __init__(
        self,
        value: Any,
        location: Location,
        key_location: Location | None = None,
        size: int = 1,
        quoted: bool = False,
        text: str | None = None,
    ) -> None:
        self.value = value
        self._at = _pack(location)
        self._key_at = _pack(key_location)
        self.size = size
        self.quoted = quoted
        self.text = text

    @property
    def location(self) -> Location:
        return _unpack(self._at) or Location(0, 0)

    @property
    def key_location(self) -> Location | None:
        return _unpack(self._key_at)

    @key_location.setter
    def key_location(self, location: Location | None) -> None:
        self._key_at = _pack(location)

    @property
    def kind(self) -> str:
        if isinstance(self.value, dict):
            return "mapping"
        if isinstance(self.value, list):
            return "sequence"
        return "scalar"


@dataclass(eq=False, slots=True)
class _Open:
    node: Node
    depth: int
    pending_key: Node | None = None
    merged: dict[str, Node] = field(default_factory=dict)


def _location(mark: Any) -> Location:
    return Location(mark.line + 1, mark.column + 1)


def _explain(error: yaml.MarkedYAMLError, text: str) -> Problem:
    """A YAML syntax error in plain words, placed where the mistake starts (PyYAML reports
    where it noticed, often much later: an unclosed quote at the end of the file)."""
    lines = text.splitlines()
    mark = error.problem_mark or error.context_mark
    at = _location(mark) if mark is not None else START
    problem, context = error.problem or "", error.context or ""
    opened = _unclosed_quote(text, at)
    if opened is not None:
        return Problem(
            opened,
            "this quoted value is never closed, so YAML reads on to the next quote or the end "
            "of the file: add the closing quote",
        )
    if _char_at(lines, at) == "\t":
        return Problem(at, "a tab character: YAML indents with spaces only; use spaces")
    line = lines[at.line - 1] if at.line <= len(lines) else ""
    if "mapping values are not allowed" in problem:
        value = re.match(r"\s*(?:-\s+)?[^#]*?:\s+", line)
        if value is not None and value.end() < at.column:
            return Problem(
                Location(at.line, value.end() + 1),
                "this value holds a colon and a space, which YAML reads as a new key: quote "
                'the value (key: "text: more text")',
            )
        return _indentation(lines, at.line)
    if "expected <block end>" in problem or "did not find expected key" in problem:
        if line.lstrip().startswith("- "):
            return Problem(
                Location(at.line, len(line) - len(line.lstrip()) + 1),
                "a list item where the mapping above expects `key: value`: a list goes under "
                "a key of its own, indented further",
            )
        return _indentation(lines, at.line)
    opening = _location(error.context_mark) if error.context_mark is not None else at
    if context.startswith("while parsing a flow") and _char_at(lines, opening) in ("[", "{"):
        return Problem(
            opening,
            f"this {_char_at(lines, opening)} is never closed, or an item in it lacks a comma "
            "before the next",
        )
    bracket = _unclosed_bracket(lines)
    if bracket is not None:
        return Problem(
            bracket,
            f"this {_char_at(lines, bracket)} is never closed, or an item in it lacks a comma "
            "before the next",
        )
    message = " ".join(part for part in (context, problem) if part)
    return Problem(at, f"invalid YAML: {message}")


def _unclosed_bracket(lines: list[str]) -> Location | None:
    """The first [ or { of a flow collection that is never closed, outside quotes and
    comments."""
    opened: list[Location] = []
    for number, line in enumerate(lines, 1):
        quote = ""
        for column, char in enumerate(line, 1):
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'" and (column == 1 or line[column - 2] in " [{,:"):
                quote = char
            elif char == "#" and (column == 1 or line[column - 2] in " \t"):
                break
            elif char in "[{":
                opened.append(Location(number, column))
            elif char in "]}" and opened:
                opened.pop()
    return opened[0] if opened else None


def _char_at(lines: list[str], at: Location) -> str:
    line = lines[at.line - 1] if 0 < at.line <= len(lines) else ""
    return line[at.column - 1 : at.column]


def _indentation(lines: list[str], number: int) -> Problem:
    line = lines[number - 1] if number <= len(lines) else ""
    indent = len(line) - len(line.lstrip(" "))
    above = next(
        (
            (index + 1, text)
            for index in range(number - 2, -1, -1)
            if (text := lines[index]).strip() and not text.lstrip().startswith("#")
        ),
        None,
    )
    where = ""
    if above is not None:
        other = len(above[1]) - len(above[1].lstrip(" "))
        where = f" (line {above[0]} is indented by {other})"
    return Problem(
        Location(number, indent + 1),
        f"this line's indentation ({indent} spaces) does not fit the lines above it{where}: "
        "keys of one mapping must line up exactly, and a key's own entries go further in",
    )


_QUOTE_OPENS = re.compile(r"""(?:^|[:\-?,\[{]\s|^\s+)(["'])""", re.M)


def _unclosed_quote(text: str, error: Location) -> Location | None:
    """Where a quoted value that runs past its own line opens, if the error lies beyond it."""
    for found in _QUOTE_OPENS.finditer(text):
        start = found.start(1)
        line = text.count("\n", 0, start) + 1
        if line > error.line:
            return None
        quote = found.group(1)
        closing = re.compile(r'(?:[^"\\]|\\.)*"' if quote == '"' else r"(?:[^']|'')*'", re.S)
        closed = closing.match(text, start + 1)
        end_line = text.count("\n", 0, closed.end()) + 1 if closed else None
        if end_line is None or (end_line > line and end_line >= error.line):
            column = start - (text.rfind("\n", 0, start) + 1) + 1
            return Location(line, column)
    return None


def _decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise CatalogueError(
            path,
            [Problem(Location(line, column), "the file is not valid UTF-8")],
        ) from None


def read(data: bytes, path: str) -> Node:
    """Parse one YAML document into a located tree, or raise CatalogueError."""
    text = _decode(data, path)
    builder = _Builder(path)
    loader: Any = _Loader(text)
    try:
        handlers = {
            yaml.DocumentStartEvent: builder.document,
            yaml.AliasEvent: builder.alias,
            yaml.ScalarEvent: builder.scalar,
            yaml.MappingStartEvent: builder.start,
            yaml.SequenceStartEvent: builder.start,
            yaml.MappingEndEvent: builder.end,
            yaml.SequenceEndEvent: builder.end,
        }
        for event in iter(loader.get_event, None):
            handler = handlers.get(type(event))
            if handler is not None:
                handler(loader, event)
    except yaml.MarkedYAMLError as error:
        raise CatalogueError(path, [_explain(error, text)]) from None
    except yaml.reader.ReaderError as error:
        before = text[: error.position]
        location = Location(before.count("\n") + 1, error.position - before.rfind("\n"))
        message = f"invalid YAML: character #x{error.character:04x} is not allowed ({error.reason})"
        raise CatalogueError(path, [Problem(location, message)]) from None
    except yaml.YAMLError as error:
        raise CatalogueError(path, [Problem(START, f"invalid YAML: {error}")]) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise CatalogueError(path, builder.problems)
    if builder.root is None:
        raise CatalogueError(path, [Problem(START, "the catalogue is empty")])
    return builder.root


class _Builder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.root: Node | None = None
        self.documents = 0
        self.stack: list[_Open] = []
        self.anchors: dict[str, Node] = {}
        self.alias_nodes = 0
        self.problems: list[Problem] = []
        self.resolved: dict[str, str] = {}

    def fail(self, location: Location, message: str) -> NoReturn:
        raise CatalogueError(self.path, [*self.problems, Problem(location, message)])

    def document(self, loader: Any, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            self.fail(_location(event.start_mark), "expected one YAML document, found more")

    def start(self, loader: Any, event: Any) -> None:
        self.check_tag(event)
        container: Any = {} if type(event) is yaml.MappingStartEvent else []
        node = Node(container, _location(event.start_mark))
        self.remember(event, node)
        depth = self.stack[-1].depth + 1 if self.stack else 1
        if depth > MAX_DEPTH:
            self.fail(node.location, f"nesting is deeper than {MAX_DEPTH} levels")
        self.stack.append(_Open(node, depth))

    def end(self, loader: Any, event: Any) -> None:
        closed = self.stack.pop()
        for key, value in closed.merged.items():
            closed.node.value.setdefault(key, value)
        closed.node.size = 1 + sum(child.size for child in _children(closed.node))
        self.attach(closed.node)

    def check_tag(self, event: Any) -> None:
        tag = event.tag
        if tag is None or tag in _ALLOWED_TAGS:
            return
        if tag.startswith(_CORE):
            tag = "!!" + tag[len(_CORE) :]
        self.fail(_location(event.start_mark), f"the YAML tag {tag} is not allowed here")

    def remember(self, event: Any, node: Node) -> None:
        if event.anchor is not None:
            self.anchors[event.anchor] = node

    def alias(self, loader: Any, event: Any) -> None:
        location = _location(event.start_mark)
        target = self.anchors.get(event.anchor)
        if target is None:
            self.fail(location, f"unknown alias *{event.anchor}")
        if any(open_.node is target for open_ in self.stack):
            self.fail(location, f"alias *{event.anchor} refers to a node that contains it")
        self.alias_nodes += target.size
        if self.alias_nodes > MAX_ALIAS_NODES:
            self.fail(
                location,
                f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes; write the values out",
            )
        self.attach(target, location)

    def scalar(self, loader: Any, event: Any) -> None:
        # The hot path: a catalogue is mostly scalars, and most of them plain text.
        tag = event.tag
        if tag is not None:
            self.check_tag(event)
        mark = event.start_mark
        at = (mark.line + 1) << 32 | (mark.column + 1)
        quoted = event.style in ("'", '"')
        value = event.value
        if tag is None and (quoted or value[:1] not in _MAY_START_NON_TEXT):
            tag = _STR  # quoted, or it cannot be a number, boolean, null, date or merge key
        elif tag is None and value in _PLAIN_BOOLEANS:  # as the resolver would read them
            tag, value = _CONSTRUCTED, _PLAIN_BOOLEANS[value]
        elif tag is None and event.implicit[0]:  # plain: its tag depends on its text alone
            tag = self.resolved.get(value)
            if tag is None:
                tag = loader.resolve(yaml.ScalarNode, value, (True, False))
                if len(self.resolved) < _RESOLVED_KEPT:  # keys, mostly: type, fault, ...
                    self.resolved[value] = tag
        elif tag is None or tag == "!":
            implicit = (event.implicit[0], event.implicit[1]) if tag is None else (False, True)
            tag = loader.resolve(yaml.ScalarNode, value, implicit)
        if tag != _STR and tag in _SCALAR_TAGS:  # most scalars are text and need no work
            scalar = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
            try:
                value = loader.construct_object(scalar)
            except yaml.YAMLError as error:
                self.fail(
                    _location(mark), f"invalid YAML scalar: {getattr(error, 'problem', error)}"
                )
        node = Node.__new__(Node)
        node.value, node._at, node._key_at, node.size = value, at, 0, 1
        node.quoted, node.text = quoted, event.value
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        self.attach(node)

    def attach(self, node: Node, location: Location | None = None) -> None:
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        if isinstance(parent.node.value, list):
            parent.node.value.append(node)
            return
        if parent.pending_key is None:
            if isinstance(node.value, (dict, list)):
                self.fail(location or node.location, "a mapping key must be a plain value")
            parent.pending_key = node
            return
        key_node, parent.pending_key = parent.pending_key, None
        key = key_node.text if key_node.text is not None else str(key_node.value)
        if key == "<<" and not key_node.quoted:
            self.merge(parent, node, location or key_node.location)
            return
        entries: dict[str, Node] = parent.node.value
        if key in entries:
            first = entries[key].key_location or entries[key].location
            self.problems.append(
                Problem(
                    key_node.location,
                    f"duplicate key {key!r} (first defined at line {first.line}, "
                    f"column {first.column})",
                )
            )
            return
        if location is not None:  # an alias: the same node may hang under several keys
            node = Node(
                node.value, node.location, key_node.location, node.size, node.quoted, node.text
            )
        else:
            node._key_at = key_node._at
        entries[key] = node

    def merge(self, parent: _Open, node: Node, location: Location) -> None:
        sources = node.value if isinstance(node.value, list) else [node]
        for source in sources:
            if not isinstance(source.value, dict):
                self.fail(location, "a merge key (<<) takes a mapping or a list of mappings")
            for key, value in source.value.items():
                parent.merged.setdefault(key, value)


def _children(node: Node) -> list[Node]:
    if isinstance(node.value, dict):
        return list(node.value.values())
    if isinstance(node.value, list):
        return list(node.value)
    return []
