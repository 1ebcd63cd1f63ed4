"""Real APIs' errors, read by the bindings: each folder under tests/apis holds a catalogue of a
real API's errors (written from its public reference) and responses.yaml, real error bodies
copied from public sources (each naming its source), with what a binding must make of each.
Every body goes through the generated Python, TypeScript and Go (one tsc, one node and one
`go test` run for all APIs), and so does each API's own generated conformance fixtures. What
`expect` holds is said in tests/bindings.py."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import bindings
import pytest
import yaml
from conftest import PYTHON, run, write_tree

import generator

APIS = Path(__file__).parent / "apis"
FOLDERS = sorted(path.name for path in APIS.iterdir() if (path / "responses.yaml").is_file())


def catalogue(api: str) -> Path:
    """The API's catalogue: its folder's, or this repository's own when the folder has none."""
    own = APIS / api / "catalogue.yaml"
    return own if own.is_file() else APIS.parent.parent / "catalogue.yaml"


def responses(api: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = yaml.safe_load((APIS / api / "responses.yaml").read_text())
    return found


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every API's responses and fixtures, read by both languages: {api: {language: [...]}}."""
    catalogues = {}
    answers = {}
    for api in FOLDERS:
        files = generator.generate(
            catalogue(api), ["python", "typescript", "fixtures", "go", "kotlin"]
        )
        model = generator.load(catalogue(api))
        answers[api] = [
            (code.key, envelope.key, "What the server said")
            for code in model.codes
            for envelope in model.envelopes
        ]
        catalogues[api] = (files, responses(api) + bindings.fixture_cases(files))
    # Here, once a session, the Go runtime is also checked against Python's on random bodies.
    results = bindings.read(
        tmp_path_factory.mktemp("apis"), catalogues, answers, go_against_python=True
    )
    return {api: {"cases": catalogues[api][1], **results[api]} for api in FOLDERS}


def ids() -> list[Any]:
    found = []
    for api in FOLDERS:
        for index, response in enumerate(responses(api)):
            found.append(
                pytest.param(api, index, id=f"{api}-{index}-{response['expect'].get('raw_code')}")
            )
    return found


@pytest.mark.parametrize(("api", "index"), ids())
@pytest.mark.parametrize("language", ["python", "typescript", "go", "kotlin"])
def test_a_real_body_reads_right(api: str, index: int, language: str, read: dict[str, Any]) -> None:
    response = read[api]["cases"][index]
    got = read[api][language][index]
    model = generator.load(catalogue(api))
    renamed = bindings.classes_in(language, model) if language in ("go", "kotlin") else None
    want = bindings.expected(response, language, renamed)
    assert bindings.seen(got, want) == want, response["source"]


@pytest.mark.parametrize("api", FOLDERS)
def test_each_api_passes_its_own_conformance_fixtures(api: str, read: dict[str, Any]) -> None:
    cases = read[api]["cases"]
    model = generator.load(catalogue(api))
    for language in ("python", "typescript", "go", "kotlin"):
        renamed = bindings.classes_in(language, model) if language in ("go", "kotlin") else None
        for case, got in zip(cases, read[api][language], strict=True):
            if "fixture" not in case:
                continue
            want = bindings.expected(case, language, renamed)
            assert bindings.seen(got, want) == want, (language, case["fixture"])


@pytest.mark.parametrize("api", FOLDERS)
def test_each_api_has_enough_real_material(api: str) -> None:
    found = responses(api)
    assert len(found) >= 5, "at least five real bodies"
    for response in found:
        assert response["source"], "every body names its source"
    codes = generator.load(catalogue(api)).codes
    assert len(codes) >= min(15, catalogue_minimum(api)), "at least 15 real codes"


def catalogue_minimum(api: str) -> int:
    """How many codes the API has, when fewer than 15 (its folder's README says why)."""
    note = APIS / api / "README.md"
    found = (
        re.search(r"^This API documents (\d+) codes", note.read_text(), re.M)
        if note.exists()
        else None
    )
    return int(found.group(1)) if found else 15


def test_the_python_packages_pass_mypy_strict(tmp_path: Path) -> None:
    for api in FOLDERS:
        files = generator.generate(catalogue(api), ["python"])
        write_tree(tmp_path / api, files)
    packages = [
        path.parent for api in FOLDERS for path in (tmp_path / api / "python").glob("*/__init__.py")
    ]
    assert len({package.name for package in packages}) == len(packages), "package names differ"
    run(PYTHON, "-m", "mypy", "--strict", "--cache-dir", tmp_path / ".mypy", *packages)


@pytest.mark.parametrize("api", FOLDERS)
def test_both_languages_give_the_same_data_and_read_each_others(
    api: str, read: dict[str, Any]
) -> None:
    """to_dict and toJSON give the same data for every response, and each language rebuilds
    the other's into an error that gives it again."""
    for python, typescript in zip(read[api]["python"], read[api]["typescript"], strict=True):
        assert python["data"] == typescript["data"]
        assert python["rebuilt"] == typescript["data"]
        assert typescript["rebuilt"] == python["data"]


@pytest.mark.parametrize("api", FOLDERS)
def test_both_languages_answer_alike(api: str, read: dict[str, Any]) -> None:
    """Every code's error, in every envelope, answered by Python (to_response) and TypeScript
    (toResponse): the same status, headers and body, read back alike by each language (what
    an envelope has no place for: tests/test_server_side.py)."""
    answers = read[api]["answers"]
    assert answers["python"], "every code answered in every envelope"
    bindings.check_answers(answers, api)


@pytest.mark.parametrize("api", FOLDERS)
def test_go_reads_and_answers_as_the_others_do(api: str, read: dict[str, Any]) -> None:
    """Go (one `go test` run for every API) reads every body and fixture as its expectation
    says, gives the same data as Python, answers alike over loopback in both directions, and
    describes the codes as the other languages do, by reflection over its kinds."""
    bindings.check_go(read[api], read[api]["cases"], api, generator.load(catalogue(api)))
    wire = {code.key: list(code.wire) for code in generator.load(catalogue(api)).codes}
    described = read[api]["description"]["go"]["codes"]
    assert {key: code["wire"] for key, code in described.items()} == wire


@pytest.mark.parametrize("api", FOLDERS)
def test_kotlin_reads_as_the_others_do(api: str, read: dict[str, Any]) -> None:
    """Kotlin (one kotlinc run and one JVM for every API) reads every body and fixture as its
    expectation says, gives the same error of each over HttpURLConnection from a loopback
    server, and describes the codes and types as the other languages do."""
    bindings.check_kotlin(read[api], read[api]["cases"], api, generator.load(catalogue(api)))
