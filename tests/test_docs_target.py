"""The generated Markdown reference: linted, parsed, its links checked, and built as a site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import CATALOGUE, GENERATED, run, tool, write_tree
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_page import cells_and_paragraphs, heading_ids, parse

import generator
from generator import catalogue as catalogue_module
from generator import escape, naming
from generator.target import docs, python, typescript

MODEL = catalogue_module.load(CATALOGUE)
DOCS = GENERATED / "docs"
PAGE = DOCS / "pages" / "index.md"
HOSTILE = json.loads((Path(__file__).parent / "data" / "hostile-strings.json").read_text())


def test_markdownlint_passes() -> None:
    result = run(tool("markdownlint-cli2"), "pages/**/*.md", cwd=DOCS)
    assert "Summary: 0 error(s)" in result.stdout + result.stderr


def test_every_error_status_type_and_code_is_one_section_codes_first() -> None:
    tokens = parse(PAGE.read_text(encoding="utf-8"))
    ids = heading_ids(tokens)
    expected = (
        [docs.anchor(t) for t in MODEL.types]
        + [docs.anchor(c) for c in MODEL.codes]
        + [docs.anchor(s) for s in MODEL.statuses if s.is_error]
    )
    for anchor in expected:
        assert ids.count(anchor) == 1, anchor
    assert len(ids) == len(set(ids))
    # The codes come first: every code's section before the envelopes and statuses.
    last_code = max(ids.index(docs.anchor(c)) for c in MODEL.codes)
    assert last_code < ids.index("responses") < ids.index("statuses")
    # Statuses that are not errors are rows of one short table at the end.
    rows, _ = cells_and_paragraphs(tokens)
    for status in MODEL.statuses:
        if not status.is_error:
            assert docs.anchor(status) not in ids
            assert [status.key, status.title, status.description] in rows


def test_the_navigation_lists_types_and_each_type_lists_its_codes() -> None:
    config = yaml.safe_load((DOCS / "mkdocs.yml").read_text(encoding="utf-8"))
    toc = next(e["toc"] for e in config["markdown_extensions"] if isinstance(e, dict))
    assert toc["toc_depth"] == 2  # the sidebar shows the types (##), not every code (###)
    rows, _ = cells_and_paragraphs(parse(PAGE.read_text(encoding="utf-8")))
    indexed = [row[0] for row in rows if len(row) == 3 and row[0] != "Code"]
    by_type = [code.key for t in MODEL.types for code in MODEL.codes_of(t)]
    assert indexed[: len(MODEL.codes)] == by_type


def test_every_internal_link_resolves_and_docs_urls_point_at_sections() -> None:
    tokens = parse(PAGE.read_text(encoding="utf-8"))
    ids = set(heading_ids(tokens))
    links = [
        child.attrs["href"]
        for token in tokens
        if token.type == "inline"
        for child in token.children or []
        if child.type == "link_open"
    ]
    internal = [str(link)[1:] for link in links if str(link).startswith("#")]
    assert len(internal) > len(MODEL.codes)
    assert not set(internal) - ids
    for code in MODEL.codes:
        url = naming.docs_url(MODEL, code)
        assert url.startswith(MODEL.api.docs_url) and url.split("#")[1] in ids


def test_examples_are_the_catalogue_examples_serialised() -> None:
    blocks = [t.content for t in parse(PAGE.read_text(encoding="utf-8")) if t.type == "fence"]
    examples = [json.loads(block) for block in blocks]
    assert examples == [
        MODEL.example(code, envelope)
        for error_type in MODEL.types
        for code in MODEL.codes_of(error_type)
        for envelope in MODEL.envelopes
    ]


def test_code_sections_name_the_classes_to_catch() -> None:
    text = PAGE.read_text(encoding="utf-8")
    for code in MODEL.codes:
        section = text.split(f"{{#{code.key}}}", 1)[1].split("\n### ", 1)[0]
        package = MODEL.options["python"]["package"]
        assert f"| Python | `{package}.{python.code_class(code)}` |" in section
        assert f"| TypeScript | `{typescript.code_class(code)}` |" in section
        assert ("| Retryable | yes |" if code.retryable else "| Retryable | no |") in section


def yaml_string(text: str) -> str:
    return yaml.safe_dump(text, default_style='"', width=10**9).splitlines()[0]


def hostile_catalogue(root: Path, text: str) -> dict[str, str]:
    source = (Path(__file__).parent / "cases" / "minimal" / "catalogue.yaml").read_text()
    quoted = yaml_string(text)
    # A title would name the HttpStatus member, unless the status has a name of its own.
    source = (
        source.replace("title: Not Found", f"title: {quoted}\n    name: gone")
        .replace("description: The thing is not there.", f"description: {quoted}")
        .replace("message: Not found", f"message: {quoted}")
    )
    (root / "catalogue.yaml").write_text(source)
    return generator.generate(root / "catalogue.yaml", ["docs"])


@pytest.mark.parametrize("text", [t for t in HOSTILE if t.strip()], ids=range(len(HOSTILE) - 2))
def test_hostile_text_keeps_tables_and_survives(text: str, tmp_path: Path) -> None:
    files = hostile_catalogue(tmp_path, text)
    tokens = parse(files["docs/pages/index.md"])
    ids = heading_ids(tokens)
    assert ids.count("not_found") == 1 and ids.count("status-404") == 1
    rows, paragraphs = cells_and_paragraphs(tokens)
    widths = {len(row) for row in rows}
    assert widths <= {2, 3}, widths
    assert ["Message", text.replace("\r\n", "\n").replace("\r", "\n")] in rows
    assert text.replace("\r", "\n") in paragraphs


def test_hostile_text_passes_markdownlint(tmp_path: Path) -> None:
    pages = {}
    for index, text in enumerate(t for t in HOSTILE if t.strip()):
        files = hostile_catalogue(tmp_path, text)
        pages[f"docs/pages/page{index}.md"] = files["docs/pages/index.md"]
    write_tree(tmp_path / "out", {**files, **pages})
    result = run(
        tool("markdownlint-cli2"), "pages/**/*.md", cwd=tmp_path / "out" / "docs", check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@settings(max_examples=3000)
@given(st.text(st.sampled_from(list("aZ09 .,;'()?wW:/-+=*_#<&|`\\\n\r\t\u00e9")), max_size=10))
def test_plain_text_takes_a_shortcut_to_the_same_markdown(text: str) -> None:
    """Prose that needs no escaping skips it: the result is what escaping gives."""
    lines = re.split(r"\r\n|\r|\n", text)
    assert escape.markdown_text(text) == "<br>".join(map(escape._markdown_inline, lines))
