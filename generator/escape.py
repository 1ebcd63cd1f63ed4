"""One filter per place a catalogue string lands in generated text.

Catalogue strings are untrusted: each filter turns any string into text that is inert in its
context and, for literals, reads back as exactly the original string. Characters that are
invisible or reorder text (controls, bidi overrides, line separators, private use) are always
written as escapes, so generated source shows what it holds (no "Trojan Source").
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
import urllib.parse
from collections.abc import Callable
from typing import Any

_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp", "Zs"})


def is_unsafe(char: str) -> bool:
    """Invisible, reordering or non-space whitespace characters; plain space is safe."""
    return char != " " and unicodedata.category(char) in _UNSAFE_CATEGORIES


def hex_escape(char: str) -> str:
    """\\xXX, \\uXXXX or \\UXXXXXXXX, as Python writes them."""
    point = ord(char)
    if point < 0x100:
        return f"\\x{point:02x}"
    if point < 0x10000:
        return f"\\u{point:04x}"
    return f"\\U{point:08x}"


def unicode_escape(char: str) -> str:
    """\\uXXXX or \\UXXXXXXXX: the escapes TOML, YAML and Go share."""
    point = ord(char)
    return f"\\u{point:04x}" if point < 0x10000 else f"\\U{point:08x}"


def utf16_escape(char: str) -> str:
    """\\uXXXX, or a surrogate pair of them, as JavaScript and JSON write them."""
    point = ord(char)
    if point < 0x10000:
        return f"\\u{point:04x}"
    point -= 0x10000
    return f"\\u{0xD800 + (point >> 10):04x}\\u{0xDC00 + (point & 0x3FF):04x}"


BACKSLASH_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
"""The escapes C-like string literals share."""


@functools.cache
def _quoting(quote: str, unsafe: Callable[[str], str], also: str) -> Callable[[str], str]:
    special = re.compile(rf"[\\{quote}{also}]|{NOT_PRINTABLE_ASCII}")

    def char(match: re.Match[str]) -> str:
        found = match.group()
        if found in BACKSLASH_ESCAPES:
            return BACKSLASH_ESCAPES[found]
        if found == quote:
            return "\\" + found
        return unsafe(found) if is_unsafe(found) or found in also else found

    return functools.partial(special.sub, char)


def plain(text: str, quote: str) -> bool:
    """Whether text goes between the quotes of a C-like string literal as it is: printable
    ASCII, with no backslash and no such quote. Most catalogue text is: checked in C, at once."""
    return text.isascii() and text.isprintable() and "\\" not in text and quote not in text


def quoted(text: str, quote: str, unsafe: Callable[[str], str], also: str = "") -> str:
    """What goes between the quotes of a C-like string literal (Python, JavaScript, Go, TOML,
    YAML) so that its value is exactly text: backslash escapes, the quote escaped, and each
    invisible character (and each of also) as unsafe writes it."""
    if plain(text, quote) and not (also and any(char in text for char in also)):
        return text
    return _quoting(quote, unsafe, also)(text)


# Each filter looks only at the characters that may need it: most text is printable ASCII
# with none of them, and the regular expression skips it in C.
NOT_PRINTABLE_ASCII = r"[^\x20-\x7e]"


_COMMENT_SPECIAL = re.compile(rf"\*/|{NOT_PRINTABLE_ASCII}")
_COMMENT_ESCAPES = {"*/": "*\\/", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _comment_char(match: re.Match[str]) -> str:
    found = match.group()
    if found in _COMMENT_ESCAPES:
        return _COMMENT_ESCAPES[found]
    return utf16_escape(found) if is_unsafe(found) else found


def comment(text: str) -> str:
    """Text for a one-line comment (`//`, `#`) or a doc comment: cannot end or break it."""
    if text.isascii() and text.isprintable() and "*/" not in text:
        return text  # most descriptions, every code's three times in some bindings
    return _COMMENT_SPECIAL.sub(_comment_char, text)


def html_comment(text: str) -> str:
    """Text inside `<!-- ... -->`: one line, and no `--` that could end the comment."""
    return comment(text).replace("--", "-\\u002d")


# TOML basic strings and YAML double-quoted scalars share their escapes. YAML allows neither
# U+FFFE nor U+FFFF in a document, even quoted; TOML has no surrogate escapes, so characters
# beyond the BMP are written as \U escapes or as themselves.
_NOT_IN_YAML = "\ufffe\uffff"


def toml_string(text: str) -> str:
    """A TOML basic string whose value is exactly text."""
    return '"' + quoted(text, '"', unicode_escape, _NOT_IN_YAML) + '"'


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar whose value is exactly text, in YAML 1.1 and 1.2."""
    return '"' + quoted(text, '"', unicode_escape, _NOT_IN_YAML) + '"'


_JSON_SPECIAL = re.compile(r"[^\x20-\x7e\n]")


def _json_char(match: re.Match[str]) -> str:
    char = match.group()
    return utf16_escape(char) if is_unsafe(char) else char


# orjson writes some small floats unlike json.dumps (1e-05, 0.0001): those take the slow path.
_SMALL_FLOAT = re.compile(r"[0-9]e-")


def to_json(value: Any, level: int = 0) -> str:
    """JSON indented by two, as if nested `level` deep; unsafe characters are escaped, so it
    is also a safe JS expression."""
    import orjson  # here: a run that writes no JSON (Python alone) never imports it

    try:
        text = orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
    except TypeError:  # an integer beyond 64 bits, a key that is not a string
        text = None
    if text is None or ("e-" in text and _SMALL_FLOAT.search(text)) or "0.0000" in text:
        text = _indented(value, "  ", "\n")
    if level:
        text = text.replace("\n", "\n" + "  " * level)
    if text.isascii() and "\x7f" not in text:
        return text  # JSON escapes every other ASCII control itself
    # Strings have their ASCII controls escaped already; the newlines left are layout.
    return _JSON_SPECIAL.sub(_json_char, text)


_json_string = json.encoder.encode_basestring  # json.dumps's own, without its per-call setup
compact_json = json.JSONEncoder(ensure_ascii=False).encode


_SCALARS = {None: "null", True: "true", False: "false"}


def _indented(value: Any, step: str, newline: str) -> str:
    """What json.dumps(value, indent=...) gives, without its slow pure-Python encoder."""
    kind = type(value)
    if kind is str:
        return _json_string(value)
    if kind is dict and value:
        inner = newline + step
        items = [
            f"{_json_string(key if type(key) is str else str(key))}: "
            + (_json_string(item) if type(item) is str else _indented(item, step, inner))
            for key, item in value.items()
        ]
        return "{" + inner + ("," + inner).join(items) + newline + "}"
    if (kind is list or kind is tuple) and value:
        inner = newline + step
        items = [
            _json_string(item) if type(item) is str else _indented(item, step, inner)
            for item in value
        ]
        return "[" + inner + ("," + inner).join(items) + newline + "]"
    if value is None or kind is bool:
        return _SCALARS[value]
    if kind is int:
        return str(value)
    return json.dumps(value)


# What can start markup anywhere in a line (attr_list's braces included); what renderers
# turn into a link on their own (e-mail addresses, scheme://..., www....); and what starts
# markup at the start of a line (list items, setext underlines, ordered list numbers).
# Each becomes a numeric character reference: CommonMark, GitHub and Python-Markdown (which
# mkdocs uses, and which knows fewer backslash escapes) all show it as the character and
# none reads it as markup.
_MARKDOWN_MARKUP = re.compile(
    r"""[\\`*_{}\[\]<>#|~&!]|@|:(?=//)|(?<=[wW]{3})\.|^(?:\s*)([-+=]|[0-9]+[.)])"""
)


def _markdown_reference(match: re.Match[str]) -> str:
    marker = match.group(1)
    if marker is None:
        return f"&#{ord(match.group())};"
    # At the start of a line: the list marker, or the character ending a number.
    found = match.group()
    return found[: -len(marker)] + marker[:-1] + f"&#{ord(marker[-1])};"


_MARKDOWN_SPECIAL = re.compile(NOT_PRINTABLE_ASCII)


def _markdown_char(match: re.Match[str]) -> str:
    char = match.group()
    if char != "\t" and unicodedata.category(char) == "Cc":
        # HTML cannot show control characters, not even as references: name them.
        return f"U+{ord(char):04X}"
    return f"&#x{ord(char):X};" if is_unsafe(char) else char


def _markdown_inline(text: str) -> str:
    escaped = _MARKDOWN_MARKUP.sub(_markdown_reference, text)
    result = _MARKDOWN_SPECIAL.sub(_markdown_char, escaped)
    # Markdown drops outer spaces of a paragraph or cell; keep them as character references.
    stripped = result.strip(" ")
    if stripped != result:
        lead = len(result) - len(result.lstrip(" "))
        trail = len(result) - len(result.rstrip(" "))
        if not stripped:
            lead, trail = len(result), 0
        result = "&#32;" * lead + stripped + "&#32;" * trail
    return result


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


# Text that needs no escaping at all (most prose): no markup character, no leading digit
# or space (a list marker, dropped space), no trailing space, no www. (an autolink).
_PLAIN = re.compile(r"(?![0-9 ])(?!.*[wW]{3}\.)[A-Za-z0-9 .,;'()?]*(?<! )")


def markdown_text(text: str) -> str:
    """Inline Markdown on one line, fit for a paragraph, a heading or a table cell: markup
    characters escaped, line breaks as <br> (a trailing backslash break would be lost at the
    end of a paragraph, and a cell cannot hold a newline at all)."""
    if _PLAIN.fullmatch(text):
        return text
    if "\n" not in text and "\r" not in text:
        return _markdown_inline(text)
    return "<br>".join(_markdown_inline(line) for line in _LINE_BREAK.split(text))


def markdown_autolink(url: str) -> str:
    """`<url>`: an autolink, with anything that could end or break it percent-encoded."""
    return f"<{urllib.parse.quote(url, safe=_URL_SAFE)}>"


_URL_SAFE = ":/?#[]@!$&'()*+,;=%-._~"


def markdown_code(text: str) -> str:
    """An inline code span holding text (for names and values that are identifiers)."""
    if "`" not in text:
        return f"`{text}`"
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def markdown_value(text: str) -> str:
    """A value as sent (a wire value, a path, a literal) shown as code, in running text or a
    table cell: an HTML code element whose markup characters are character references, as
    in markdown_text (a code span cannot hold a pipe in a table the same way everywhere)."""
    return f"<code>{markdown_text(text)}</code>"


_FENCE_UNSHOWABLE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def markdown_fence(text: str, language: str = "") -> str:
    """A fenced code block holding text, fenced longer than any backtick run inside it;
    control characters (a tab too), which a page cannot show, named as U+XXXX."""
    longest = (
        max((len(run) for run in re.findall(r"`{3,}", text)), default=2) if "```" in text else 2
    )
    fence = "`" * (longest + 1)
    shown = (
        _FENCE_UNSHOWABLE.sub(lambda match: f"U+{ord(match.group()):04X}", text)
        if _FENCE_UNSHOWABLE.search(text)
        else text
    )
    return f"{fence}{language}\n{shown.rstrip(chr(10))}\n{fence}"
