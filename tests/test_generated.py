"""The repository's own catalogue: generated/ is exactly what the catalogue gives (it is the
golden record, reviewed in git like any other file)."""

from __future__ import annotations

import black
import pytest
from conftest import CATALOGUE, GENERATED, ROOT

import generator
from generator import cli, formatting


@pytest.mark.parametrize(
    "path", [pytest.param(p, id=p.replace("/", "--")) for p in generator.generate(CATALOGUE)]
)
def test_committed_file_is_what_the_catalogue_gives(path: str, files: dict[str, str]) -> None:
    assert (GENERATED / path).read_text(encoding="utf-8") == files[path]


def test_every_file_says_it_is_generated(files: dict[str, str]) -> None:
    for path, text in files.items():
        opening = "\n".join(text.split("\n")[:2])
        expected = "Generated from catalogue.yaml by error-bindings. Do not edit."
        if path.endswith(".manifest"):
            expected = "Files error-bindings generated here"
        assert expected in opening, path


def test_files_end_with_one_newline_and_use_lf(files: dict[str, str]) -> None:
    for path, text in files.items():
        assert text.endswith("\n") and not text.endswith("\n\n"), path
        assert "\r" not in text, path


def test_committed_output_matches_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert cli.main(["--check", "--quiet"]) == 0


def test_python_output_is_already_black_formatted(files: dict[str, str]) -> None:
    for path, text in files.items():
        if path.endswith(".py"):
            assert black.format_str(text, mode=formatting.black_mode()) == text, path
