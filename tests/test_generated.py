"""The repository's own catalogue: every generated file is snapshotted, and generated/ is
exactly what the catalogue gives."""

from __future__ import annotations

import black
import pytest
from conftest import CATALOGUE, ROOT, assert_no_stale_snapshots, snapshot_suffix, text_snapshot

import generator
from generator import cli, formatting


@pytest.mark.parametrize(
    "path", [pytest.param(p, id=p.replace("/", "--")) for p in generator.generate(CATALOGUE)]
)
def test_generated_file(path: str, files: dict[str, str], snapshot) -> None:  # type: ignore[no-untyped-def]
    assert files[path] == snapshot(extension_class=text_snapshot(snapshot_suffix(path)))


def test_every_file_says_it_is_generated(files: dict[str, str]) -> None:
    for path, text in files.items():
        opening = "\n".join(text.split("\n")[:2])
        expected = "by `python -m generator`"
        if not path.endswith(".manifest"):
            expected += ". Do not edit."
        assert expected in opening, path


def test_files_end_with_one_newline_and_use_lf(files: dict[str, str]) -> None:
    for path, text in files.items():
        assert text.endswith("\n") and not text.endswith("\n\n"), path
        assert "\r" not in text, path


def test_committed_output_matches_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert cli.main(["--check"]) == 0


def test_python_output_is_already_black_formatted(files: dict[str, str]) -> None:
    for path, text in files.items():
        if path.endswith(".py"):
            assert black.format_str(text, mode=formatting.black_mode()) == text, path


def test_no_stale_snapshots(files: dict[str, str]) -> None:
    cases = {path.replace("/", "--"): path for path in files}
    assert_no_stale_snapshots("test_generated", "test_generated_file", cases)
