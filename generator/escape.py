"""One filter per place a catalogue string lands in generated text.

Catalogue strings are untrusted: each filter turns any string into text that is inert in its
context and, for literals, reads back as exactly the original string. Characters that are
invisible or reorder text (controls, bidi overrides, line separators, private use) are always
written as escapes, so generated source shows what it holds (no "Trojan Source").
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp", "Zs"})


def is_unsafe(char: str) -> bool:
    """Invisible, reordering or non-space whitespace characters; plain space is safe."""
    return char != " " and unicodedata.category(char) in _UNSAFE_CATEGORIES


def _hex_escape(char: str) -> str:
    point = ord(char)
    if point < 0x100:
        return f"\\x{point:02x}"
    if point < 0x10000:
        return f"\\u{point:04x}"
    return f"\\U{point:08x}"


def _utf16_escape(char: str) -> str:
    point = ord(char)
    if point < 0x10000:
        return f"\\u{point:04x}"
    point -= 0x10000
    return f"\\u{0xD800 + (point >> 10):04x}\\u{0xDC00 + (point & 0x3FF):04x}"


_PYTHON_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _python_body(text: str, quote: str) -> str:
    out = []
    for char in text:
        if char in _PYTHON_ESCAPES:
            out.append(_PYTHON_ESCAPES[char])
        elif char == quote:
            out.append("\\" + quote)
        elif is_unsafe(char):
            out.append(_hex_escape(char))
        else:
            out.append(char)
    return "".join(out)


def python_string(text: str) -> str:
    """A Python string literal, quoted the way black would leave it."""
    # Black keeps double quotes unless single quotes need fewer escapes.
    quote = "'" if text.count("'") < text.count('"') else '"'
    return f"{quote}{_python_body(text, quote)}{quote}"


def python_docstring(text: str) -> str:
    """The inside of a one-line triple-quoted docstring whose value is exactly text.

    Black strips a docstring's outer whitespace and pads a leading or trailing quote, so
    those characters are escaped; everything stays on one physical line.
    """
    body = _python_body(text, '"')
    if text[:1] == " ":
        body = "\\x20" + body[1:]
    elif text[:1] == '"':
        body = "\\x22" + body[2:]
    if len(text) > 1 and text[-1] == " ":
        body = body[:-1] + "\\x20"
    elif len(text) > 1 and text[-1] == '"':
        body = body[:-2] + "\\x22"
    return body


def typescript_string(text: str) -> str:
    """A TypeScript string literal (double quotes) whose value is exactly text."""
    out = ['"']
    for char in text:
        if char in _PYTHON_ESCAPES:
            out.append(_PYTHON_ESCAPES[char])
        elif char == '"':
            out.append('\\"')
        elif is_unsafe(char) or "\ud800" <= char <= "\udfff":
            out.append(_utf16_escape(char))
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def comment(text: str) -> str:
    """Text for a one-line comment (`//`, `#`) or a doc comment: cannot end or break it."""
    text = text.replace("*/", "*\\/")
    return "".join(
        {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char, _utf16_escape(char))
        if is_unsafe(char) or char in "\n\r\t"
        else char
        for char in text
    )


def to_json(value: Any, indent: int | None = 2) -> str:
    """JSON text; unsafe characters are escaped, so the text is also a safe JS expression."""
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    # json.dumps escapes ASCII controls in strings already; the newlines left are layout.
    return "".join(
        _utf16_escape(char) if char != "\n" and is_unsafe(char) else char for char in text
    )


# What can start markup anywhere in a line (attr_list's braces included), and what can
# only at the start of a line (list items, setext underlines, ordered list numbers).
_MARKDOWN_ANYWHERE = re.compile(r"([\\`*_{}\[\]<>#|~&])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([-+=]|[0-9]+(?=[.)]))")
# What GitHub-flavoured renderers would turn into a link on their own: e-mail addresses,
# scheme://… and www.…
_MARKDOWN_AUTOLINK = re.compile(r"@|:(?=//)|(?<=[wW]{3})\.")


def _markdown_inline(text: str) -> str:
    escaped = _MARKDOWN_ANYWHERE.sub(r"\\\1", text)
    escaped = _MARKDOWN_AUTOLINK.sub(lambda match: "\\" + match.group(), escaped)
    escaped = _MARKDOWN_LINE_START.sub(
        lambda m: m[1] + (m[2] + "\\" if m[2][0].isdigit() else "\\" + m[2]),
        escaped,
    )
    out = []
    for char in escaped:
        if char != "\t" and unicodedata.category(char) == "Cc":
            # HTML cannot show control characters, not even as references: name them.
            out.append(f"U+{ord(char):04X}")
        elif is_unsafe(char):
            out.append(f"&#x{ord(char):X};")
        else:
            out.append(char)
    result = "".join(out)
    # Markdown drops outer spaces of a paragraph or cell; keep them as character references.
    stripped = result.strip(" ")
    if stripped != result:
        lead = len(result) - len(result.lstrip(" "))
        trail = len(result) - len(result.rstrip(" "))
        if not stripped:
            lead, trail = len(result), 0
        result = "&#32;" * lead + stripped + "&#32;" * trail
    return result


def markdown_text(text: str) -> str:
    """Inline Markdown on one line, fit for a paragraph, a heading or a table cell: markup
    characters escaped, line breaks as <br> (a trailing backslash break would be lost at the
    end of a paragraph, and a cell cannot hold a newline at all)."""
    return "<br>".join(_markdown_inline(line) for line in re.split(r"\r\n|\r|\n", text))


def markdown_code(text: str) -> str:
    """An inline code span holding text (for names and values that are identifiers)."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def markdown_fence(text: str, language: str = "") -> str:
    """A fenced code block holding text, fenced longer than any backtick run inside it."""
    longest = max((len(run) for run in re.findall(r"`{3,}", text)), default=2)
    fence = "`" * (longest + 1)
    return f"{fence}{language}\n{text.rstrip(chr(10))}\n{fence}"
