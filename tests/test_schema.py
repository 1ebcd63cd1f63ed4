"""The JSON Schema is produced from the validator's own definitions and agrees with it."""

from __future__ import annotations

import dataclasses
import inspect
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import CATALOGUE, ROOT

from generator import catalogue, model, schema
from generator.problems import CatalogueError

CASES = Path(__file__).parent / "cases"


class EditorLoader(yaml.SafeLoader):
    """YAML as editors read it against the schema (the YAML language server reads YAML 1.2,
    which has no dates: `sunset: 2027-06-30` is a string), where PyYAML reads YAML 1.1."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_committed_schema_is_current() -> None:
    committed = (ROOT / schema.SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema.json_schema(), (
        "run: python -m generator --schema > catalogue.schema.json"
    )


def test_catalogue_names_its_schema_for_editors() -> None:
    first = CATALOGUE.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=./{schema.SCHEMA_FILE}"


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(schema.json_schema()))


def valid_catalogues() -> list[Path]:
    return [
        CATALOGUE,
        *(
            p / "catalogue.yaml"
            for p in sorted(CASES.iterdir())
            # The schema is the built-in targets'; a case may bring a target of its own.
            if not (p / "expected_error.txt").exists() and not list(p.glob("templates/*.py"))
        ),
    ]


@pytest.mark.parametrize("path", valid_catalogues(), ids=lambda p: p.parent.name)
def test_valid_catalogues_pass_the_schema(path: Path) -> None:
    document = yaml.load(path.read_text(encoding="utf-8-sig"), EditorLoader)
    jsonschema.validate(_json_keys(document), json.loads(schema.json_schema()))


# Cases whose mistake is one of shape, which the schema alone must also catch.
SHAPE_CASES = [
    "bad-url",
    "code-not-snake-case",
    "empty-message",
    "malformed-status-range",
    "missing-required-keys",
    "override-not-an-identifier",
    "status-out-of-range",
    "top-level-list",
    "unknown-key-with-suggestion",
    "unsupported-format",
    "wrong-types",
    "wrong-types-everywhere",
    "deprecated-sunset-not-a-date",
    "deprecated-replaced-by-on-a-type",
    "previous-name-not-pascal-case",
    "removed-without-removed-in",
]


@pytest.mark.parametrize("case", SHAPE_CASES)
def test_shape_mistakes_fail_both_the_schema_and_the_validator(case: str) -> None:
    path = CASES / case / "catalogue.yaml"
    document = yaml.load(path.read_text(encoding="utf-8"), EditorLoader)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(_json_keys(document), json.loads(schema.json_schema()))
    with pytest.raises(CatalogueError):
        catalogue.load(path)


def _json_keys(value: object) -> object:
    """YAML keys such as 404 become the strings JSON (and editors) see."""
    if isinstance(value, dict):
        return {str(key): _json_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_keys(item) for item in value]
    return value


def test_the_readme_lists_the_limits_of_the_format() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"<!-- limits:start -->\n(.*?)<!-- limits:end -->", readme, re.S)
    assert shown is not None
    assert shown.group(1) == schema.limits_markdown(), (
        "update the README's table: python -c "
        "'from generator import schema; print(schema.limits_markdown())'"
    )


def test_a_catalogue_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "catalogue.yaml"
    with huge.open("wb") as handle:  # sparse: nothing is really written, or read
        handle.truncate(schema.MAX_BYTES + 1)
    with pytest.raises(CatalogueError) as refused:
        catalogue.load(huge, "catalogue.yaml")
    assert str(refused.value) == (
        "catalogue.yaml:1:1: error: the catalogue is 64 MiB; catalogues of more than 64 MiB "
        "are refused (this one was not read)"
    )


def test_a_record_filled_at_once_is_the_frozen_dataclass_it_replaces() -> None:
    """model.filled_at_once swaps a frozen dataclass's __init__ for a faster one: the same
    parameters, defaults and factories, the same instances, still frozen."""

    def made(decorated: bool) -> Any:
        @dataclasses.dataclass(frozen=True)
        class Record:
            key: str
            count: int = 0
            tags: list[str] = dataclasses.field(default_factory=list)
            where: tuple[int, int] = dataclasses.field(default=(0, 0), compare=False)

        return model.filled_at_once(Record) if decorated else Record

    plain, filled = made(False), made(True)
    for arguments, keywords in [
        (("a",), {}),
        (("a", 2), {"where": (3, 4)}),
        ((), {"key": "b", "tags": ["x"]}),
        (("c", 1, ["y"], (5, 6)), {}),
    ]:
        want, got = plain(*arguments, **keywords), filled(*arguments, **keywords)
        assert (vars(got), repr(got)) == (vars(want), repr(want))
        assert got.where == want.where
        with pytest.raises(dataclasses.FrozenInstanceError):
            got.key = "changed"
    assert filled("a").tags is not filled("a").tags
    for wrong in [(), ("a", 1, [], (0, 0), "extra")]:
        with pytest.raises(TypeError):
            filled(*wrong)
    with pytest.raises(TypeError):
        filled("a", nothing=1)
    assert list(inspect.signature(filled).parameters) == list(inspect.signature(plain).parameters)
