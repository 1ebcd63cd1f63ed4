"""The generator's own code is held to the standard it holds its output to."""

from __future__ import annotations

import re
import tomllib

from conftest import PYTHON, ROOT, run
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name


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


def test_every_python_requirement_is_pinned() -> None:
    """A fresh machine installs exactly the versions the suite passed with (make -c's them)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version
    for requirement in map(Requirement, wanted):
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not pinned in constraints.txt"
        assert requirement.specifier.contains(pins[name]), (name, pins[name])
