"""The paths a catalogue uses to reach into error bodies: a strict subset of RFC 9535
JSONPath, checked here and written out in one canonical form that every language's runtime
reads (as data: a path is never compiled into code).

    $.error.code                      member names
    $['error']["@type"]               bracketed names (any characters, JSON-like escapes)
    $[0].errors[-1]                   array indices, negative from the end
    $.details[?@['@type']=='x'].reason
                                      a filter: the children whose member equals a literal

A path selects at most one node: when it could select several (a filter), the first in
document order. The dotted form of format 1 (`error.code`) means `$.error.code`.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from typing import Any

MAX_INTEGER = 2**53 - 1


class PathError(ValueError):
    """A path that is not in the subset; `offset` is where in the text it goes wrong."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(frozen=True)
class Name:
    name: str


@dataclass(frozen=True)
class Index:
    index: int


@dataclass(frozen=True)
class Filter:
    """The children whose member at `path` (relative to the child) equals `literal`."""

    path: tuple[Name | Index, ...]
    literal: Any


Segment = Name | Index | Filter

_SHORTHAND = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Any character past ASCII but a surrogate, said so that compiling it takes a tenth of what
# the range up to U+10FFFF took (8 ms of every run's start).
_NAME_FIRST = re.compile(r"[A-Za-z_]|(?![\ud800-\udfff])[^\x00-\x7f]")
_NAME_CHARS = re.compile(r"(?:[A-Za-z0-9_]|(?![\ud800-\udfff])[^\x00-\x7f])*")
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_BLANK = " \t\n\r"
_ARRAY_INDEX = re.compile(r"0|[1-9][0-9]*")
_LAST_INDEX = 2**32 - 1
_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "/": "/", "\\": "\\"}


@functools.cache  # a catalogue has a few paths, which every code's example and reading walk
def parse(text: str, legacy: bool = False) -> tuple[Segment, ...]:
    """The segments of a path; legacy: a format 1 dotted path (`error.code`)."""
    if legacy:  # format 1 had no JSONPath: `$.x` was a member named `$`, then `x`
        return tuple(Name(part) for part in text.split("."))
    if not text.startswith("$"):
        raise PathError("a path starts with $ (the body), such as $.error.code", 0)
    segments, end = _segments(text, 1, relative=False)
    if end != len(text):
        raise PathError(f"unexpected {text[end]!r}", end)
    return segments


def _segments(text: str, at: int, relative: bool) -> tuple[tuple[Segment, ...], int]:
    segments: list[Segment] = []
    while at < len(text):
        char = text[at]
        if char == ".":
            if text.startswith("..", at):
                raise PathError("descendant segments (..) select many nodes: name each step", at)
            if at + 1 < len(text) and text[at + 1] == "*":
                raise PathError("wildcards (*) select many nodes: use an index or a filter", at)
            match = _NAME_FIRST.match(text, at + 1)
            if match is None:
                raise PathError("a member name after .; use ['...'] for other names", at + 1)
            end = _NAME_CHARS.match(text, match.end())
            assert end is not None
            segments.append(Name(text[at + 1 : end.end()]))
            at = end.end()
        elif char == "[":
            segment, at = _bracket(text, at, relative)
            segments.append(segment)
        else:
            break
    return tuple(segments), at


def _blank(text: str, at: int) -> int:
    while at < len(text) and text[at] in _BLANK:
        at += 1
    return at


def _bracket(text: str, at: int, relative: bool) -> tuple[Segment, int]:
    start = at
    at = _blank(text, at + 1)
    if at >= len(text):
        raise PathError("this [ is never closed", start)
    char = text[at]
    segment: Segment
    if char in "'\"":
        name, at = _string(text, at)
        segment = Name(name)
    elif char == "?":
        if relative:
            raise PathError("a filter inside a filter is not supported", at)
        segment, at = _filter(text, _blank(text, at + 1))
    elif char == "*":
        raise PathError("wildcards (*) select many nodes: use an index or a filter", at)
    else:
        match = _INTEGER.match(text, at)
        if match is None or text[match.start() : match.start() + 2] == "-0":
            raise PathError("expected a quoted name, an integer index or a ?filter", at)
        value = int(match.group())
        if abs(value) > MAX_INTEGER:
            raise PathError(f"an index is at most {MAX_INTEGER:,}", at)
        segment, at = Index(value), match.end()
    at = _blank(text, at)
    if at >= len(text) or text[at] != "]":
        if at < len(text) and text[at] == ",":
            raise PathError("several selectors in one [] select many nodes: use one", at)
        raise PathError("expected ] to close the [", at)
    return segment, at + 1


def _string(text: str, at: int) -> tuple[str, int]:
    quote, start = text[at], at
    at += 1
    chars: list[str] = []
    while True:
        if at >= len(text):
            raise PathError("this quoted name is never closed", start)
        char = text[at]
        if char == quote:
            return "".join(chars), at + 1
        if char == "\\":
            escape = text[at + 1 : at + 2]
            if escape == quote:
                chars.append(quote)
                at += 2
            elif escape in _ESCAPES:
                chars.append(_ESCAPES[escape])
                at += 2
            elif escape == "u":
                point, at = _unicode(text, at)
                chars.append(chr(point))
            else:
                raise PathError("unknown escape; use \\\\, \\', \\\" or \\uXXXX", at)
        elif ord(char) < 0x20:
            raise PathError("a control character in a quoted name must be escaped", at)
        else:
            chars.append(char)
            at += 1


def _unicode(text: str, at: int) -> tuple[int, int]:
    digits = text[at + 2 : at + 6]
    if not re.fullmatch(r"[0-9A-Fa-f]{4}", digits):
        raise PathError("\\u takes four hexadecimal digits", at)
    point, at = int(digits, 16), at + 6
    if 0xD800 <= point < 0xDC00:  # a surrogate pair names one character
        low = text[at + 2 : at + 6]
        if text[at : at + 2] != "\\u" or not re.fullmatch(r"[Dd][C-Fc-f][0-9A-Fa-f]{2}", low):
            raise PathError("half of a surrogate pair: \\uD8xx must be followed by \\uDCxx", at)
        point = 0x10000 + ((point - 0xD800) << 10) + (int(low, 16) - 0xDC00)
        at += 6
    elif 0xDC00 <= point < 0xE000:
        raise PathError("half of a surrogate pair", at - 6)
    return point, at


def _filter(text: str, at: int) -> tuple[Filter, int]:
    if re.match(r"[A-Za-z_][A-Za-z0-9_]*\s*\(", text[at:]):
        raise PathError("function calls are not supported: compare a member, ?@.x=='y'", at)
    if text[at : at + 1] != "@":
        raise PathError("a filter compares a member of @ (the child) with a literal: ?@.x=='y'", at)
    path, at = _segments(text, at + 1, relative=True)
    names = tuple(segment for segment in path if isinstance(segment, Name | Index))
    at = _blank(text, at)
    if not text.startswith("==", at):
        raise PathError("a filter here compares with == only: ?@.x=='y'", at)
    literal, at = _literal(text, _blank(text, at + 2))
    return Filter(names, literal), at


def _literal(text: str, at: int) -> tuple[Any, int]:
    char = text[at : at + 1]
    if char in ("'", '"'):
        return _string(text, at)
    for word, value in (("true", True), ("false", False), ("null", None)):
        if text.startswith(word, at):
            return value, at + len(word)
    match = _NUMBER.match(text, at)
    if match is None:
        raise PathError("expected a literal: a quoted string, a number, true, false or null", at)
    number: Any = json.loads(match.group())
    if isinstance(number, float) and math.isinf(number):
        raise PathError("this number is too large", at)
    if isinstance(number, float) and number.is_integer():
        number = int(number)  # 1.0 and 1 are the same JSON value
    if isinstance(number, int) and abs(number) > MAX_INTEGER:
        raise PathError(f"an integer here is at most {MAX_INTEGER:,}", at)
    return number, match.end()


# The canonical form --------------------------------------------------------------------


def _quoted(name: str) -> str:
    def escape(char: str) -> str:
        if char in "\\'":
            return "\\" + char
        return f"\\u{ord(char):04x}" if ord(char) < 0x20 or 0xD800 <= ord(char) < 0xE000 else char

    return "'" + "".join(escape(char) for char in name) + "'"


def _literal_text(value: Any) -> str:
    if isinstance(value, str):
        return _quoted(value)
    return json.dumps(value)


def _segment_text(segment: Segment) -> str:
    if isinstance(segment, Name):
        return (
            f".{segment.name}"
            if _SHORTHAND.fullmatch(segment.name)
            else f"[{_quoted(segment.name)}]"
        )
    if isinstance(segment, Index):
        return f"[{segment.index}]"
    inner = "".join(_segment_text(part) for part in segment.path)
    return f"[?@{inner}=={_literal_text(segment.literal)}]"


def canonical(segments: tuple[Segment, ...]) -> str:
    """The one way the runtimes read a path: ASCII names as .name, others quoted."""
    return "$" + "".join(_segment_text(segment) for segment in segments)


def normalize(text: str, legacy: bool = False) -> str:
    return canonical(parse(text, legacy))


# Selecting and building (for the generator's own examples and tests) ---------------------


MISSING: Any = object()


def _equal(left: Any, right: Any) -> bool:
    """RFC 9535 comparison of JSON values: numbers by value, never a boolean as a number."""
    if isinstance(left, bool) or isinstance(right, bool):
        return type(left) is type(right) and left == right
    if isinstance(left, int | float) and isinstance(right, int | float):
        return left == right
    return type(left) is type(right) and left == right


def members(node: dict[str, Any]) -> list[tuple[str, Any]]:
    """An object's members in the order JavaScript keeps them (keys that are array indices
    first, ascending, then the rest as sent): the order every binding walks an object in."""
    indices = sorted(
        (int(key), key) for key in node if _ARRAY_INDEX.fullmatch(key) and int(key) < _LAST_INDEX
    )
    first = {key for _, key in indices}
    return [(key, node[key]) for _, key in indices] + [
        (key, value) for key, value in node.items() if key not in first
    ]


def _children(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return [value for _, value in members(node)]
    if isinstance(node, list):
        return list(node)
    return []


def _step(node: Any, segment: Name | Index) -> Any:
    if isinstance(segment, Name):
        return node.get(segment.name, MISSING) if isinstance(node, dict) else MISSING
    if isinstance(node, list):
        index = segment.index + len(node) if segment.index < 0 else segment.index
        return node[index] if 0 <= index < len(node) else MISSING
    return MISSING


def select(document: Any, segments: tuple[Segment, ...]) -> Any:
    """The node a path selects (the first, in document order), or MISSING."""
    nodes = [document]
    for segment in segments:
        found: list[Any] = []
        for node in nodes:
            if isinstance(segment, Filter):
                for child in _children(node):
                    value = child
                    for part in segment.path:
                        value = _step(value, part) if value is not MISSING else MISSING
                    if value is not MISSING and _equal(value, segment.literal):
                        found.append(child)
            else:
                child = _step(node, segment)
                if child is not MISSING:
                    found.append(child)
        nodes = found
    return nodes[0] if nodes else MISSING


@functools.cache
def _names(text: str) -> tuple[str, ...] | None:
    """A canonical path's member names, when it is nothing else (most are)."""
    segments = parse(text)
    names = tuple(segment.name for segment in segments if isinstance(segment, Name))
    return names if len(names) == len(segments) else None


def select_text(document: Any, text: str) -> Any:
    """select(document, parse(text)), quicker for the paths that only name members."""
    names = _names(text)
    if names is None:
        return select(document, parse(text))
    node = document
    for name in names:
        if type(node) is not dict:
            return MISSING
        node = node.get(name, MISSING)
    return node


def put_text(document: Any, text: str, value: Any) -> bool:
    """put(document, parse(text), value), quicker for the paths that only name members."""
    names = _names(text)
    if names is None:
        return put(document, parse(text), value)
    node = document
    for name in names[:-1]:
        if type(node) is not dict:
            return False
        child = node.get(name)
        if child is None:
            child = node[name] = {}
        node = child
    if type(node) is not dict or not names:
        return False
    node[names[-1]] = value
    return True


def put(document: Any, segments: tuple[Segment, ...], value: Any) -> bool:
    """Make document hold value at the path, building what is missing: the body of an
    example. A filter finds (or makes) a child that passes it. False, and value left out,
    when the document holds something else on the way."""
    if not segments:
        return False
    segment, rest = segments[0], segments[1:]
    if isinstance(segment, Name):
        if not isinstance(document, dict):
            return False
        if not rest:
            document[segment.name] = value
            return True
        if document.get(segment.name) is None:
            document[segment.name] = _empty(rest[0])
        return put(document[segment.name], rest, value)
    if isinstance(segment, Index):
        if not isinstance(document, list):
            return False
        needed = segment.index + 1 if segment.index >= 0 else -segment.index
        document.extend([None] * (needed - len(document)))
        if not rest:
            document[segment.index] = value
            return True
        if document[segment.index] is None:
            document[segment.index] = _empty(rest[0])
        return put(document[segment.index], rest, value)
    if not isinstance(document, list):
        return False
    child = next((c for c in document if _equal(select(c, segment.path), segment.literal)), MISSING)
    if child is MISSING:
        child = _empty(segment.path[0]) if segment.path else segment.literal
        if segment.path and not put(child, segment.path, segment.literal):
            return False
        document.append(child)
    return put(child, rest, value)


def _empty(segment: Segment) -> Any:
    return {} if isinstance(segment, Name) else []
