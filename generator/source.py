"""Read a YAML file into a tree of located nodes, safely.

The tree is built from parser events rather than PyYAML's composer so that one pass can
keep every node's position, catch duplicate keys (PyYAML keeps the last one silently),
refuse non-standard tags such as ``!!python/object``, and bound nesting depth and alias
expansion (billion laughs) without recursion.
"""

from __future__ import annotations

import operator
import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NoReturn

from .problems import START, CatalogueError, Location, Problem

if TYPE_CHECKING:
    import yaml

MAX_DEPTH = 64
MAX_ALIAS_NODES = 10_000

_CORE = "tag:yaml.org,2002:"
_STR, _BOOL, _NULL, _INT = (f"{_CORE}{name}" for name in ("str", "bool", "null", "int"))
# YAML 1.1's implicit types as PyYAML's resolver tells them from a plain scalar's text, by
# its first character (a copy, tied to PyYAML's own by a test: reading a catalogue seldom
# needs PyYAML then, whose import is a tenth of a small catalogue's run).
_IMPLICIT_TYPES = [
    (
        "bool",
        r"""^(?:yes|Yes|YES|no|No|NO
                    |true|True|TRUE|false|False|FALSE
                    |on|On|ON|off|Off|OFF)$""",
        "yYnNtTfFoO",
    ),
    (
        "float",
        r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN))$""",
        "-+0123456789.",
    ),
    (
        "int",
        r"""^(?:[-+]?0b[0-1_]+
                    |[-+]?0[0-7_]+
                    |[-+]?(?:0|[1-9][0-9_]*)
                    |[-+]?0x[0-9a-fA-F_]+
                    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""",
        "-+0123456789",
    ),
    ("merge", r"^(?:<<)$", "<"),
    (
        "null",
        r"""^(?: ~
                    |null|Null|NULL
                    | )$""",
        ["~", "n", "N", ""],
    ),
    (
        "timestamp",
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
                     (?:[Tt]|[ \t]+)[0-9][0-9]?
                     :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
                     (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        "0123456789",
    ),
    ("value", r"^(?:=)$", "="),
    ("yaml", r"^(?:!|&|\*)$", "!&*"),
]


def _implicit_types() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """The types a plain scalar may be of by its first character: (tag, pattern) in order."""
    found: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for name, pattern, firsts in _IMPLICIT_TYPES:
        compiled = re.compile(pattern, re.X if "\n" in pattern else 0)
        for first in firsts:
            found.setdefault(first, []).append((f"{_CORE}{name}", compiled))
    return found


_IMPLICIT = _implicit_types()
_BOOLEANS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,17})")  # what int() reads as PyYAML does
_SIZE = operator.attrgetter("size")
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

    def key_as_node(self, key: str) -> Node:
        """The key this node is the value of, as a text node where the key is written."""
        return _scalar(key, key, self._key_at or self._at, False)

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


def loader_class() -> Any:
    """PyYAML's safe loader, libyaml's where PyYAML has it (several times faster; the pure
    one gives the same events). PyYAML is imported here, at its first use: the simple
    reading seldom needs it, and importing it is a tenth of a small catalogue's run."""
    global yaml
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read(data: bytes, path: str) -> Node:
    """Parse one YAML document into a located tree, or raise CatalogueError."""
    text = _decode(data, path)
    try:
        simple = _read_simple(text, _Builder(path))
    except CatalogueError:  # the full reading below says it as it always has
        simple = None
    return simple if simple is not None else read_events(text, path)


def read_events(text: str, path: str) -> Node:
    """The full reading: the tree built from libyaml's events, or CatalogueError."""
    builder = _Builder(path)
    loader = loader_class()(text)
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
        self.loader: Any = None

    def spare_loader(self) -> Any:
        """A loader for its resolver and constructor alone, for the simple reading."""
        if self.loader is None:
            self.loader = loader_class()("")
        return self.loader

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
        closed.node.size = 1 + sum(map(_SIZE, _children(closed.node)))
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
        mark = event.start_mark
        at = (mark.line + 1) << 32 | (mark.column + 1)
        value = event.value
        if tag is None:
            value = self.typed(value, event.implicit[0], at, loader)
        else:
            self.check_tag(event)
            if tag == "!":  # the non-specific tag: text, to PyYAML too
                tag = _STR
            if tag != _STR:
                value = self.construct(loader, tag, value, at)
        node = _scalar(value, event.value, at, event.style in ("'", '"'))
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        self.attach(node)

    def typed(self, text: str, plain: bool, at: int, loader: Any = None) -> Any:
        """What an untagged scalar holds: a plain one's text decides its type (YAML 1.1, as
        PyYAML's resolver reads it); any other is text. loader: PyYAML's, if one is open."""
        if not plain:
            return text
        for tag, pattern in _IMPLICIT.get(text[:1], ()):
            if not pattern.match(text):
                continue
            if tag == _BOOL:
                return _BOOLEANS[text.lower()]
            if tag == _NULL:
                return None
            if tag == _INT and _DECIMAL.fullmatch(text):
                return int(text)
            return self.construct(loader or self.spare_loader(), tag, text, at)
        return text

    def construct(self, loader: Any, tag: str, text: str, at: int) -> Any:
        if tag not in _SCALAR_TAGS:  # a date, say: kept as the text it is
            return text
        try:
            return loader.construct_object(yaml.ScalarNode(tag, text))
        except (yaml.YAMLError, ValueError, KeyError, ArithmeticError):
            # PyYAML reads an explicitly tagged scalar its resolver would not have typed so
            # with Python's own int() or float(), whose errors are no YAML errors.
            name = "!!" + tag[len(_CORE) :]
            self.fail(_unpack(at) or START, f"{text!r} is not a valid {name} value")

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


# The simple reader: most catalogues are plain block YAML (mappings, lists, scalars plain or
# quoted, `[a, b]` and `{a: b}` on one line, `>-` prose), which Python reads line by line in
# well under half the time libyaml's events take to become nodes. It gives exactly the tree
# the full reading gives, or None at the first thing it does not read, and then the full
# reading reads the whole file.
_KEY = r"""([A-Za-z0-9_$][A-Za-z0-9_$./-]*|'[^']*'|"[^"\\]*"):"""  # plain or quoted, no escapes
_SIMPLE_KEY = re.compile(_KEY + "(?: +|$)")
_SINGLE_QUOTED = re.compile(r"'((?:[^']|'')*)'")
_DOUBLE_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_LINE_END = re.compile(r" *(?: #.*)?$")
_BLOCK_HEADER = re.compile(r"([|>])(-?) *(?:#.*)?$")
_FLOW_PLAIN = re.compile(r"""[^\s,\[\]{}#&*!|>'"%@`?:-][^,\[\]{}#:]*?(?= *[,\]}])""")
_FLOW_KEY = re.compile(_KEY + " +")
_FLOW_NEXT = re.compile(r" *([,\]}])")
_SPACES = re.compile(" *")
_NOT_PLAIN_FIRST = frozenset("?:,[]{}#&*!|>'\"%@`")
_ESCAPES = dict(
    zip('0abtnvfre "/\\N_LP', '\0\a\b\t\n\v\f\r\x1b "/\\\x85\xa0\u2028\u2029', strict=True)
)
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
_ESCAPED = re.compile(r"\\(.)")


def _unescape(text: str) -> str | None:
    """A one-line double-quoted scalar's text, or None for what is left to libyaml."""
    if "\\" not in text:
        return text
    parts: list[str] = []
    position = 0
    for found in _ESCAPED.finditer(text):
        parts.append(text[position : found.start()])
        position = found.end()
        letter = found.group(1)
        if letter in _ESCAPES:
            parts.append(_ESCAPES[letter])
            continue
        digits = text[position : position + _HEX_ESCAPES.get(letter, 0)]
        if not digits or len(digits) != _HEX_ESCAPES[letter]:
            return None
        if not all(digit in "0123456789abcdefABCDEF" for digit in digits):
            return None
        number = int(digits, 16)
        character = chr(number) if number <= sys.maxunicode else ""
        if not character.isprintable() or not character:
            return None
        parts.append(character)
        position += len(digits)
    return "".join(parts) + text[position:]


def _read_simple(text: str, builder: _Builder) -> Node | None:
    if not text.replace("\n", "").isprintable():  # tabs, CR, control and format characters
        return None
    lines = text.split("\n")
    typed = builder.typed
    # An open block: [indent, node, pending key, its location, where its empty value is].
    stack: list[list[Any]] = []
    root: Node | None = None
    limit = 1 << 30  # a line indented further continues the last value
    plain: Node | None = None  # the last value, if a line indented further may continue it
    blank = 0  # empty lines since the last line read
    index, count = 0, len(lines)

    def close(block: list[Any]) -> None:
        node = block[1]
        if block[2] is not None:
            put(block, _null(block[4]))
        children = node.value.values() if type(node.value) is dict else node.value
        node.size = 1 + sum(map(_SIZE, children))

    def put(block: list[Any], node: Node) -> bool:
        entries = block[1].value
        if type(entries) is list:
            entries.append(node)
            return True
        key = block[2]
        if key in entries:
            return False
        node._key_at = block[3]
        entries[key] = node
        block[2] = None
        return True

    def quoted(rest: str, position: int, at: int) -> tuple[Node | None, int]:
        if rest[position] == "'":
            found = _SINGLE_QUOTED.match(rest, position)
            content = found.group(1).replace("''", "'") if found is not None else None
        else:
            found = _DOUBLE_QUOTED.match(rest, position)
            content = _unescape(found.group(1)) if found is not None else None
        if found is None or content is None:
            return None, 0
        return _scalar(content, content, at, True), found.end()

    def flow(rest: str, line: int, column: int) -> Node | None:
        """A `[...]` or `{...}` of scalars, on one line."""
        mapping = rest[0] == "{"
        entries: Any = {} if mapping else []
        position = _SPACES.match(rest, 1).end()  # type: ignore[union-attr]
        closing = "}" if mapping else "]"
        if rest[position : position + 1] == closing:
            position += 1
        else:
            while True:
                key = None
                if mapping:
                    found = _FLOW_KEY.match(rest, position)
                    if found is None or found.end(1) - position > 1000:
                        return None
                    key = found.group(1)
                    key_at = line << 32 | (column + position)
                    key = key[1:-1] if key[0] in "'\"" else key
                    if key in entries:
                        return None
                    position = found.end()
                at = line << 32 | (column + position)
                if rest[position : position + 1] in ("'", '"'):
                    item, position = quoted(rest, position, at)
                    if item is None:
                        return None
                else:
                    found = _FLOW_PLAIN.match(rest, position)
                    if found is None:
                        return None
                    content = found.group()
                    item = _scalar(typed(content, True, at), content, at, False)
                    position = found.end()
                if key is None:
                    entries.append(item)
                else:
                    item._key_at = key_at
                    entries[key] = item
                found = _FLOW_NEXT.match(rest, position)
                if found is None:
                    return None
                position = found.end()
                if found.group(1) != ",":
                    if found.group(1) != closing:
                        return None
                    break
                position = _SPACES.match(rest, position).end()  # type: ignore[union-attr]
                if rest[position : position + 1] in ("]", "}"):  # [a, ]: left to libyaml
                    return None
        if _LINE_END.match(rest, position) is None:
            return None
        node = _container(entries, line, column)
        node.size = 1 + len(entries)
        return node

    def value(rest: str, line: int, column: int) -> Node | None:
        """A value that starts on this line at column (1-based)."""
        nonlocal plain
        first = rest[0]
        at = line << 32 | column
        if first in _NOT_PLAIN_FIRST or first == "-":
            if first == "'" or first == '"':
                node, end = quoted(rest, 0, at)
                return node if node is not None and _LINE_END.match(rest, end) else None
            if first == "[" or first == "{":
                return flow(rest, line, column)
            if first != "-" or rest[1:2] in ("", " "):
                return None
        cut = rest.find(" #")
        content = (rest if cut < 0 else rest[:cut]).rstrip(" ")
        if ": " in content or content.endswith(":"):
            return None
        node = _scalar(typed(content, True, at), content, at, False)
        plain = node if cut < 0 else None
        return node

    while index < count:
        line = lines[index]
        index += 1
        content = line.lstrip(" ")
        if not content:
            blank += 1
            continue
        if content[0] == "#":
            plain = None
            continue
        indent = len(line) - len(content)
        if indent > limit:  # the last value, a plain text, goes on
            content = content.rstrip(" ")
            if plain is None or content[0] in _NOT_PLAIN_FIRST or content[0] == "-":
                return None
            if ": " in content or content.endswith(":") or " #" in content:
                return None
            folded = f"{plain.text}{chr(10) * blank if blank else ' '}{content}"
            plain.text, plain.value = folded, typed(folded, True, plain._at)
            blank = 0
            continue
        plain, blank = None, 0
        block = stack[-1] if stack else None
        if (  # most lines: the next key of the mapping the line above is in
            block is None
            or block[0] != indent
            or block[2] is not None
            or content[0] == "-"
            or type(block[1].value) is not dict
        ):
            if len(stack) > MAX_DEPTH - 4:  # a line adds three blocks at most
                return None
            while stack and stack[-1][0] > indent:
                close(stack.pop())
            dash = content[0] == "-" and content[1:2] in ("", " ")
            if not stack:
                if root is not None:
                    return None
                root = _container([] if dash else {}, index, indent + 1)
                stack.append([indent, root, None, 0, 0])
            block = stack[-1]
            if (
                not dash
                and block[0] == indent
                and type(block[1].value) is list
                and len(stack) > 1
                and stack[-2][0] == indent
            ):  # the end of a list written at its key's indentation
                close(stack.pop())
                block = stack[-1]
            if block[2] is not None:  # a key whose value is below it
                if indent > block[0] or (indent == block[0] and dash):
                    inner = _container([] if dash else {}, index, indent + 1)
                    put(block, inner)
                    block = [indent, inner, None, 0, 0]
                    stack.append(block)
                else:
                    put(block, _null(block[4]))
            if block[0] != indent or dash != (type(block[1].value) is list):
                return None
            if dash:
                rest = content[1:].lstrip(" ")
                if not rest or rest[0] == "#":
                    return None
                indent += len(content) - len(rest)
                if _SIMPLE_KEY.match(rest) is None:
                    item = value(rest, index, indent + 1)
                    if item is None:
                        return None
                    put(block, item)
                    limit = block[0]
                    continue
                mapping = _container({}, index, indent + 1)
                put(block, mapping)
                block = [indent, mapping, None, 0, 0]
                stack.append(block)
                content = rest
        found = _SIMPLE_KEY.match(content)
        if found is None or found.end(1) > 1000:  # libyaml refuses keys of over 1024
            return None
        key = found.group(1)
        if key[0] in "'\"":  # a quoted key holds no escapes here
            key = key[1:-1]
        entries = block[1].value
        if key in entries:
            return None
        key_at = index << 32 | (indent + 1)
        rest = content[found.end() :]
        if not rest or rest[0] == "#":
            block[2], block[3] = key, key_at
            block[4] = index << 32 | (indent + found.end(1) + 2)  # where its null would be
            limit = 1 << 30
            continue
        limit = indent
        column = indent + found.end() + 1
        first = rest[0]
        node: Node | None
        if first not in _NOT_PLAIN_FIRST and first != "-":
            # value()'s plain text, inlined: most values are, and the two calls saved are a
            # tenth of the reading (at 10,000 codes, 12 ms of the 6x TypeScript goal's 7 ms
            # margin).
            cut = rest.find(" #")
            content = (rest if cut < 0 else rest[:cut]).rstrip(" ")
            if ": " in content or content.endswith(":"):
                return None
            at = index << 32 | column
            node = Node.__new__(Node)
            node.value = content if first not in _IMPLICIT else typed(content, True, at)
            node._at, node._key_at, node.size, node.quoted, node.text = (
                at,
                key_at,
                1,
                False,
                content,
            )
            plain = node if cut < 0 else None
            entries[key] = node
            continue
        if first == "|" or first == ">":
            header = _BLOCK_HEADER.match(rest)
            if header is None:
                return None
            node, index = _block_scalar(lines, index, indent, header, index << 32 | column)
        else:
            node = value(rest, index, column)
        if node is None:
            return None
        node._key_at = key_at
        entries[key] = node
    while stack:
        close(stack.pop())
    return root


def _container(value: Any, line: int, column: int) -> Node:
    node = Node.__new__(Node)
    node.value, node._at, node._key_at, node.size = value, line << 32 | column, 0, 1
    node.quoted, node.text = False, None
    return node


def _scalar(value: Any, text: str, at: int, quoted: bool) -> Node:
    node = Node.__new__(Node)
    node.value, node._at, node._key_at, node.size = value, at, 0, 1
    node.quoted, node.text = quoted, text
    return node


def _null(at: int) -> Node:
    return _scalar(None, "", at, False)


def _block_scalar(
    lines: list[str], index: int, owner: int, header: re.Match[str], at: int
) -> tuple[Node | None, int]:
    """A `|` or `>` scalar whose lines start at lines[index], and the index after them."""
    folded = header.group(1) == ">"
    body: list[str | None] = []  # None: an empty line
    indent = 0
    while index < len(lines):
        line = lines[index]
        content = line.lstrip(" ")
        if not content:
            if line:  # spaces alone: they may be content or not
                return None, index
            body.append(None)
            index += 1
            continue
        here = len(line) - len(content)
        if here <= owner:
            break
        if not indent:
            indent = here
        if here < indent or (folded and here > indent):
            return None, index
        body.append(line[indent:])
        index += 1
    ends_the_file = index == len(lines) and bool(body) and body[-1] is not None  # no break after
    while body and body[-1] is None:
        body.pop()
    if not body:
        return None, index
    if folded:
        parts: list[str] = []
        breaks = 0
        for part in body:
            if part is None:
                breaks += 1
                continue
            if parts:
                parts.append("\n" * breaks if breaks else " ")
            elif breaks:
                parts.append("\n" * breaks)
            parts.append(part)
            breaks = 0
        text = "".join(parts)
    else:
        text = "\n".join(part or "" for part in body)
    if not header.group(2) and not ends_the_file:
        text += "\n"
    return _scalar(text, text, at, False), index
