"""The breaking-change gate (python -m generator breaking), case by case.

Each folder under tests/breaking is a case: `new.yaml`, the catalogue as changed; `old.yaml`,
what it was (tests/breaking/base.yaml when the folder has none); `expected.txt`, the gate's
text report and its exit status. A rule's positive cases are named after it (`code-removed`,
`code-removed-2`, ...) and report it; its negative ones (`code-removed--not-...`) change
something close by and must not. Every rule of the registry has both.
"""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest
from conftest import ROOT

from generator import breaking, cli, gate

CASES = Path(__file__).parent / "breaking"
FOLDERS = sorted(path.name for path in CASES.iterdir() if path.is_dir())


def report(folder: Path, *extra: str) -> str:
    """The gate's stdout and stderr for a case, and its exit status, as expected.txt has it."""
    old = "old.yaml" if (folder / "old.yaml").exists() else "../base.yaml"
    stdout, stderr = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = cli.main(["breaking", "--catalogue", "new.yaml", "--against", old, *extra])
    finally:
        os.chdir(here)
    return f"{stdout.getvalue()}{stderr.getvalue()}exit {code}\n"


@pytest.mark.parametrize("case", FOLDERS)
def test_case(case: str) -> None:
    folder = CASES / case
    expected = (folder / "expected.txt").read_text(encoding="utf-8")
    assert report(folder) == expected


def test_every_rule_has_a_positive_and_a_negative_case() -> None:
    said = {case: (CASES / case / "expected.txt").read_text(encoding="utf-8") for case in FOLDERS}
    for rule in breaking.RULES:
        positive = [c for c in FOLDERS if c.split("--")[0].rstrip("-0123456789") == rule]
        positive = [c for c in positive if "--not" not in c]
        negative = [c for c in FOLDERS if c.startswith(f"{rule}--not")]
        assert any(f": {rule}: " in said[c] for c in positive), f"{rule}: no positive case"
        assert negative, f"{rule}: no negative case"
        for case in negative:
            assert f": {rule}: " not in said[case], case


def test_the_rules_page_is_the_registry() -> None:
    page = ROOT / "docs" / "breaking.md"
    assert page.read_text(encoding="utf-8") == gate.rules_markdown(), (
        "run: python -m generator breaking --rules > docs/breaking.md"
    )
