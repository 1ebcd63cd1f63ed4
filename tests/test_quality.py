"""The generator's own code is held to the standard it holds its output to."""

from __future__ import annotations

import re

from conftest import PYTHON, ROOT, run


def test_ruff_is_clean_on_the_generator_and_tests() -> None:
    run(PYTHON, "-m", "ruff", "check", "generator", "tests", "bench", cwd=ROOT)


def test_mypy_strict_is_clean_on_the_generator() -> None:
    run(PYTHON, "-m", "mypy", "--strict", "generator", cwd=ROOT)


def test_the_architecture_names_every_module_and_only_real_ones() -> None:
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`generator/(\w+\.py)`", text))
    modules = {path.name for path in (ROOT / "generator").glob("*.py")}
    assert named == modules, (
        f"missing: {sorted(modules - named)}; no such module: {sorted(named - modules)}"
    )
