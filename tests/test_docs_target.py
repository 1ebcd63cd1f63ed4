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
from markdown_it.token import Token
from markdown_page import as_built, cells_and_paragraphs, heading_ids, parse

import generator
from generator import catalogue as catalogue_module
from generator import escape, model, naming
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
    """In the minimal case's strings, and in the lifecycle case's deprecation messages and
    removal notes (hostile_lifecycle, below): one run over every page."""
    pages = {}
    for index, text in enumerate(t for t in HOSTILE if t.strip()):
        files = hostile_catalogue(tmp_path, text)
        pages[f"docs/pages/page{index}.md"] = files["docs/pages/index.md"]
    texts = [t for t in HOSTILE if t.strip()]
    for index in range(0, len(texts), len(LIFECYCLE_PROSE)):
        chunk = texts[index : index + len(LIFECYCLE_PROSE)]
        pages[f"docs/pages/lifecycle{index}.md"] = hostile_lifecycle(tmp_path, *chunk)
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


# The lifecycle: deprecations, previous class names and removed codes ----------------------

LIFECYCLE = Path(__file__).parent / "cases" / "lifecycle" / "catalogue.yaml"
LIFECYCLE_MODEL = catalogue_module.load(LIFECYCLE)


def lifecycle_page(root: Path | None = None, edits: dict[str, str] | None = None) -> str:
    """The lifecycle case's page; with edits, of its catalogue with each key's text replaced."""
    if root is None or not edits:
        return generator.generate(LIFECYCLE, ["docs"])["docs/pages/index.md"]
    source = LIFECYCLE.read_text(encoding="utf-8")
    for old, new in edits.items():
        assert source.count(old) == 1, old
        source = source.replace(old, new)
    (root / "catalogue.yaml").write_text(source, encoding="utf-8")
    return generator.generate(root / "catalogue.yaml", ["docs"])["docs/pages/index.md"]


def section(page: str, anchor: str) -> list[Token]:
    """The tokens of a section, from its heading to the next heading of any level."""
    after = page.split(f" {{#{anchor}}}\n", 1)[1]
    return parse(re.split(r"\n#{1,6} ", after, maxsplit=1)[0])


def notice(deprecation: model.Deprecation) -> str:
    """A deprecation's notice as a reader of the page sees it: the bindings' notice."""
    return deprecation.notice.replace("\r\n", "\n").replace("\r", "\n")


def test_deprecated_codes_types_and_status_classes_open_with_their_notice() -> None:
    page = lifecycle_page()
    entries = [
        *((docs.anchor(entry), entry) for entry in LIFECYCLE_MODEL.types),
        *((docs.anchor(entry), entry) for entry in LIFECYCLE_MODEL.codes),
        *((f"status-class-{entry.key}", entry) for entry in LIFECYCLE_MODEL.status_classes),
    ]
    assert sum(entry.deprecated is not None for _, entry in entries) == 4
    for anchor, entry in entries:
        tokens = section(page, anchor)
        _, paragraphs = cells_and_paragraphs(tokens)
        if entry.deprecated is None:
            assert tokens[0].type == "paragraph_open", anchor
            continue
        # A quoted paragraph right under the heading, before the description.
        assert [token.type for token in tokens[:2]] == ["blockquote_open", "paragraph_open"]
        assert paragraphs[:2] == [notice(entry.deprecated), entry.description], anchor
        links = [child.attrs["href"] for child in tokens[2].children or [] if child.attrs]
        replacement = entry.deprecated.replaced_by if isinstance(entry, model.ErrorCode) else None
        assert links == ([f"#{replacement}"] if replacement else []), anchor
    # As mkdocs builds it too.
    _, built = as_built(page)
    code = next(code for code in LIFECYCLE_MODEL.codes if code.key == "invalid_request")
    assert code.deprecated is not None and code.deprecated.sunset == "2027-06-30"
    assert notice(code.deprecated) in built
    assert notice(code.deprecated) == (
        "Deprecated since v2. Servers send invalid_data now. Use the code invalid_data instead. "
        "Sunset on 2027-06-30."
    )


def test_deprecated_codes_are_marked_in_the_tables_and_deprecated_extras_explained() -> None:
    page = lifecycle_page()
    rows, paragraphs = cells_and_paragraphs(parse(page))
    for code in LIFECYCLE_MODEL.codes:
        marked = " (deprecated)" if code.deprecated else ""
        assert [f"{code.key}{marked}", code.status, code.message] in rows, code.key
    for code in LIFECYCLE_MODEL.codes:
        _, in_section = cells_and_paragraphs(section(page, docs.anchor(code)))
        for extra in code.extras:
            marked = " (deprecated)" if extra.deprecated else ""
            assert any(row[:2] == [f"{extra.name}{marked}", extra.kind] for row in rows)
            said = f"Extra {extra.name}: {notice(extra.deprecated)}" if extra.deprecated else None
            assert (said in in_section) is (said is not None), extra.name
    assert "Extra field_path: Deprecated since v2. Read the field errors instead." in paragraphs


def test_previous_class_names_are_named_beside_the_class() -> None:
    page = lifecycle_page()
    rows, paragraphs = cells_and_paragraphs(parse(page))
    assert [
        "Python",
        "acme_errors.InvalidDataError, also acme_errors.BadDataError (deprecated)",
    ] in rows
    assert [
        "TypeScript",
        "InvalidDataError, also BadDataError and WrongDataError (deprecated)",
    ] in (rows)
    lines = [line for paragraph in paragraphs for line in paragraph.splitlines()]
    assert "Python: acme_errors.LegacyError, also acme_errors.OldStyleError (deprecated)." in lines
    assert "TypeScript: LegacyError." in lines
    # Nothing else has previous names: every other class stands alone in its row.
    named = [row for row in rows if row[0] in ("Python", "TypeScript")]
    assert sum(", also " in row[1] for row in named) == 2


def test_removed_codes_keep_their_anchors_in_a_section_of_their_own() -> None:
    page = lifecycle_page()
    tokens = parse(page)
    ids = heading_ids(tokens)
    assert len(ids) == len(set(ids))
    removed = [docs.anchor(gone) for gone in LIFECYCLE_MODEL.removed]
    # The anchor each had while live, which every binding's docs_url ends with.
    assert removed == [gone.key for gone in LIFECYCLE_MODEL.removed]
    assert removed == ["receipt_invalid", "quota_exceeded"]
    start = ids.index("codes-removed")
    assert ids[start + 1 : start + 1 + len(removed)] == removed
    assert max(ids.index(docs.anchor(code)) for code in LIFECYCLE_MODEL.codes) < start
    assert start < ids.index("responses")
    rows, _ = cells_and_paragraphs(section(page, "codes-removed"))
    assert rows == [
        ["Code", "Removed in", "Use instead"],
        ["receipt_invalid", "v2", "invalid_data"],
        ["quota_exceeded", "v2", "none"],
    ]
    rows, paragraphs = cells_and_paragraphs(section(page, "receipt_invalid"))
    assert paragraphs == ["Receipts are checked by the stores now."]
    assert rows == [
        ["Property", "Value"],
        ["Removed in", "v2"],
        ["Use instead", "invalid_data"],
        ["Last type", "request"],
        ["Last HTTP status", "400 Bad Request"],
        ["Sent as", '10002, "receipt_invalid"'],
    ]
    rows, paragraphs = cells_and_paragraphs(section(page, "quota_exceeded"))
    assert paragraphs == []
    assert rows == [
        ["Property", "Value"],
        ["Removed in", "v2"],
        ["Last HTTP status", "5xx Server Errors"],
        ["Sent as", '"quota_exceeded"'],
    ]
    # Each link of the section leads to a section of the page.
    links = [
        str(child.attrs["href"])
        for token in parse(page.split("{#codes-removed}", 1)[1].split("{#responses}", 1)[0])
        if token.type == "inline"
        for child in token.children or []
        if child.type == "link_open"
    ]
    assert {"#receipt_invalid", "#invalid_data", "#type-request", "#status-400"} <= set(links)
    assert {link[1:] for link in links} <= set(ids)


def test_a_removed_code_may_name_a_type_and_status_the_catalogue_no_longer_has(
    tmp_path: Path,
) -> None:
    page = lifecycle_page(
        tmp_path,
        {
            "    removed_in: v2\n    status: 5xx\n": (
                "    removed_in: v2\n    status: 418\n    type: teapots\n"
            )
        },
    )
    rows, _ = cells_and_paragraphs(section(page, "quota_exceeded"))
    assert ["Last type", "teapots, no longer listed"] in rows
    assert ["Last HTTP status", "418"] in rows


LIFECYCLE_PROSE = (
    "message: Servers send invalid_data now.",
    "message: Its codes move to request.",
    "message: Read the field errors instead.",
    "note: Receipts are checked by the stores now.",
)


def hostile_lifecycle(root: Path, *texts: str) -> str:
    """The lifecycle page with its deprecation messages and removal note saying texts in turn
    (one text says all four)."""
    said = texts * len(LIFECYCLE_PROSE) if len(texts) == 1 else texts
    return lifecycle_page(
        root,
        {
            prose: f"{prose.split(':', 1)[0]}: {yaml_string(text)}"
            for prose, text in zip(LIFECYCLE_PROSE, said, strict=False)
        },
    )


@pytest.mark.parametrize("text", [t for t in HOSTILE if t.strip()], ids=range(len(HOSTILE) - 2))
def test_hostile_deprecation_messages_and_notes_read_back(text: str, tmp_path: Path) -> None:
    page = hostile_lifecycle(tmp_path, text)
    read = text.replace("\r\n", "\n").replace("\r", "\n")
    model_ = catalogue_module.load(tmp_path / "catalogue.yaml")
    deprecations = [
        entry.deprecated
        for entry in (*model_.types, *model_.codes)
        if entry.deprecated is not None and entry.deprecated.message == text
    ]
    assert len(deprecations) == 2
    tokens = parse(page)
    rows, paragraphs = cells_and_paragraphs(tokens)
    assert {len(row) for row in rows} <= {2, 3}
    ids = heading_ids(tokens)
    assert len(ids) == len(set(ids)) and "receipt_invalid" in ids
    _, built = as_built(page)
    for found in (paragraphs, built):
        for deprecation in deprecations:
            assert notice(deprecation) in found
        assert f"Extra field_path: Deprecated since v2. {read}" in found
        assert read in found  # the removed code's note


def test_a_code_or_removed_code_named_like_a_section_keeps_its_anchor(tmp_path: Path) -> None:
    """Codes named errors and responses and a removed code named statuses: each has its key
    as its anchor, and the sections of those names give way."""
    page = lifecycle_page(
        tmp_path,
        {
            "  storage_error:\n": "  errors:\n",
            "  invalid_request:\n": "  responses:\n",
            "  quota_exceeded:\n": "  statuses:\n",
        },
    )
    ids = heading_ids(parse(page))
    assert len(ids) == len(set(ids))
    assert {"errors", "responses", "statuses"} <= set(ids)
    assert ids[0] == "section-errors"
    assert ids.index("section-responses") < ids.index("section-statuses")
    for code in ("errors", "responses"):
        assert f"### `{code}` {{#{code}}}" in page
    assert "### `statuses` {#statuses}" in page
