"""The generator's own code is held to the standard it holds its output to."""

from __future__ import annotations

from conftest import PYTHON, ROOT, run


def test_ruff_is_clean_on_the_generator_and_tests() -> None:
    run(PYTHON, "-m", "ruff", "check", "generator", "tests", "bench", cwd=ROOT)


def test_mypy_strict_is_clean_on_the_generator() -> None:
    run(PYTHON, "-m", "mypy", "--strict", "generator", cwd=ROOT)
