"""Reading a generated Markdown page the way a reader sees it, with markdown-it-py."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
from markdown_it import MarkdownIt
from markdown_it.token import Token

HEADING_ID = re.compile(r"\s*\{#([^}\s]+)\}$")


def parse(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(text)


def inline_text(token: Token) -> str:
    """What a reader sees of an inline token: its text, code and line breaks; raw HTML other
    than <br> and <code> (values as sent) fails the test."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak") or child.content == "<br>":
            parts.append("\n")
        elif child.content in ("<code>", "</code>"):
            continue
        elif child.type == "html_inline":
            raise AssertionError(f"raw HTML in the page: {child.content!r}")
    return "".join(parts)


def heading_ids(tokens: list[Token]) -> list[str]:
    ids = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            match = HEADING_ID.search(tokens[index + 1].content)
            assert match, f"heading without an explicit id: {tokens[index + 1].content!r}"
            ids.append(match.group(1))
    return ids


def cells_and_paragraphs(tokens: list[Token]) -> tuple[list[list[str]], list[str]]:
    """The page's table rows, each a list of cells, and its paragraphs, as read."""
    rows: list[list[str]] = []
    paragraphs = []
    for index, token in enumerate(tokens):
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and tokens[index - 1].type in ("th_open", "td_open"):
            rows[-1].append(inline_text(token))
        elif token.type == "inline" and tokens[index - 1].type == "paragraph_open":
            paragraphs.append(inline_text(token))
        elif token.type == "html_block" and re.fullmatch(r"(<br>)+\n?", token.content):
            # Text of nothing but line breaks makes a line CommonMark reads as an HTML
            # block; a browser shows it as the same line breaks.
            paragraphs.append("\n" * token.content.count("<br>"))
    return rows, paragraphs


class _Blocks(HTMLParser):
    """The text of each paragraph and table cell of an HTML page, <br> read as a newline."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: list[str] = []
        self.paragraphs: list[str] = []
        self._open: list[str] | None = None
        self._into: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "td", "th"):
            self._open, self._into = [], self.paragraphs if tag == "p" else self.cells
        elif tag == "br" and self._open is not None:
            self._open.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "td", "th") and self._open is not None and self._into is not None:
            self._into.append("".join(self._open))
            self._open = self._into = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)


def as_built(text: str) -> tuple[list[str], list[str]]:
    """The table cells and paragraphs of the page as mkdocs builds it (Python-Markdown, with
    the extensions the generated mkdocs.yml and mkdocs itself enable)."""
    html = markdown.markdown(text, extensions=["toc", "tables", "fenced_code", "attr_list"])
    blocks = _Blocks()
    blocks.feed(html)
    return blocks.cells, blocks.paragraphs
