"""The generator's own code is held to the standard it holds its output to."""

from __future__ import annotations

import re

from conftest import PYTHON, ROOT, run


def test_ruff_is_clean_on_the_generator_and_tests() -> None:
    run(PYTHON, "-m", "ruff", "check", "generator", "tests", "bench", cwd=ROOT)


def test_mypy_strict_is_clean_on_the_generator_and_the_example_target() -> None:
    example = ROOT / "tests" / "cases" / "example-code-target" / "templates" / "example.py"
    run(PYTHON, "-m", "mypy", "--strict", "generator", example, cwd=ROOT)


def test_the_architecture_names_every_module_and_only_real_ones() -> None:
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(generator/[\w/]+\.py)`", text))
    modules = {str(path.relative_to(ROOT)) for path in (ROOT / "generator").rglob("*.py")}
    assert named == modules, (
        f"missing: {sorted(modules - named)}; no such module: {sorted(named - modules)}"
    )
