"""The breaking-change gate (python -m generator breaking), case by case.

Each folder under tests/breaking is a case: `new.yaml`, the catalogue as changed; `old.yaml`,
what it was (tests/breaking/base.yaml when the folder has none); `expected.txt`, the gate's
text report and its exit status. A rule's positive cases are named after it (`code-removed`,
`code-removed-2`, ...) and report it; its negative ones (`code-removed--not-...`) change
something close by and must not. Every rule of the registry has both.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import PYTHON, ROOT, catalogue_of, run

import generator
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


def test_every_rule_is_documented() -> None:
    for rule in breaking.RULES.values():
        assert rule.summary.endswith(".") and len(rule.description) > 40, rule.id
        assert f"## `{rule.id}` {{#{rule.id}}}" in gate.rules_markdown()


def test_the_rules_page_is_the_registry() -> None:
    page = ROOT / "docs" / "breaking.md"
    assert page.read_text(encoding="utf-8") == gate.rules_markdown(), (
        "run: python -m generator breaking --rules > docs/breaking.md"
    )


def git(folder: Path, *arguments: str) -> str:
    return run(
        "git",
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.invalid",
        "-c",
        "commit.gpgsign=false",
        *arguments,
        cwd=folder,
    ).stdout


def gate_in(folder: Path, *arguments: str) -> tuple[int, str]:
    result = run(PYTHON, "-m", "generator", "breaking", *arguments, cwd=folder, check=False,
                 env={"PYTHONPATH": str(ROOT)})  # fmt: skip
    return result.returncode, result.stdout + result.stderr


def test_git_refs_end_to_end(tmp_path: Path) -> None:
    """A repository with a tagged release: --against a tag, HEAD~1 and the default (the
    newest release tag, semver-sorted), read with git show; the catalogue's path as of the
    ref comes from that ref's [tool.generator]; no tag; a shallow clone."""
    repo = tmp_path / "repo"
    (repo / "errors").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    base = (CASES / "base.yaml").read_text(encoding="utf-8")
    (repo / "errors" / "old.yaml").write_text(base, encoding="utf-8")
    (repo / "pyproject.toml").write_text('[tool.generator]\ncatalogue = "errors/old.yaml"\n')
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    assert gate_in(repo) == (0, "no release to compare with: no tag matches v*\n")
    git(repo, "tag", "v0.9.0")
    git(repo, "tag", "v0.10.0")  # newer than v0.9.0, though not in text order
    git(repo, "tag", "not-a-release")
    # The catalogue moves, and loses a code, after the release.
    git(repo, "mv", "errors/old.yaml", "errors/catalogue.yaml")
    changed = base.replace("  storage_error:\n", "  storage_failed:\n")
    (repo / "errors" / "catalogue.yaml").write_text(changed, encoding="utf-8")
    (repo / "pyproject.toml").write_text('[tool.generator]\ncatalogue = "errors/catalogue.yaml"\n')
    git(repo, "commit", "-q", "-am", "rename a code")
    for against in ([], ["--against", "v0.10.0"], ["--against", "HEAD~1"]):
        code, said = gate_in(repo, *against)
        assert code == 1, said
        assert "errors/old.yaml:" in said and ": code-removed: code 'storage_error'" in said
        assert ": code-added: code 'storage_failed'" in said
    assert "against v0.10.0" in gate_in(repo)[1]
    assert gate_in(repo, "--against", "HEAD")[0] == 0
    code, said = gate_in(repo, "--against", "v9")
    assert (code, said) == (2, "error: --against v9: no such file or git ref\n")
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    code, said = gate_in(shallow, "--against", "HEAD~1")
    assert code == 2 and "shallow clone: fetch the history first" in said, said
    code, said = gate_in(shallow)  # its tags were not fetched either
    assert code == 2 and "no tag matches v* in this shallow clone" in said, said


def test_every_format_reports_the_same_findings() -> None:
    """JSON (valid against its published schema), GitHub annotations and Markdown release
    notes say what the text report says, for every case."""
    schema = json.loads((ROOT / "docs" / "breaking-report.schema.json").read_text())
    for folder in (CASES / case for case in FOLDERS):
        text = report(folder)
        if text.endswith("exit 2\n"):
            continue
        found = report(folder, "--format", "json")
        data = json.loads(found[: found.rindex("exit ")])
        jsonschema.validate(data, schema)
        rules = [line.split(": ")[2] for line in text.splitlines()[:-2]]
        assert [finding["rule"] for finding in data["findings"]] == rules
        annotations = report(folder, "--format", "github").splitlines()[:-1]
        assert len(annotations) == len(rules)
        assert all(a.startswith(("::error ", "::warning ", "::notice ")) for a in annotations)
        notes = report(folder, "--format", "markdown")
        assert all(f"`{rule}`" in notes for rule in rules)
        assert found.endswith(text[text.rindex("exit ") :])  # the same exit status


MINOR = ("    retryable: true\n", "    retryable: false\n")  # no longer retried
PATCH = ("message: Not saved", "message: Not kept")
MAJOR = ("    type: internal\n    status: 5xx", "    type: request\n    status: 400")


@pytest.mark.parametrize(
    ("old", "new", "change", "problem"),
    [
        ("1.0.0", "1.0.0", MINOR, "is no release; these changes need a minor one"),
        ("1.0.0", "1.0.1", MINOR, "is a patch release; these changes need a minor one"),
        ("1.0.0", "1.1.0", MINOR, None),
        ("1.0.0", "1.0.1", PATCH, None),
        ("1.0.0", "1.1.0", MAJOR, "is a minor release; these changes need a major one"),
        ("1.0.0", "2.0.0", MAJOR, None),
        ("0.3.0", "0.4.0", MAJOR, None),  # below 1.0.0 a minor bump is a major one
        ("0.3.0", "0.3.1", MINOR, None),  # and a patch bump a minor one
        ("0.3.0", "0.3.1", MAJOR, "is a minor release; these changes need a major one"),
        ("1.0.0", "1.0.0", ("", ""), None),  # nothing changed: no release needed
    ],
)  # fmt: skip
def test_check_version_wants_the_bump_the_changes_need(
    tmp_path: Path, old: str, new: str, change: tuple[str, str], problem: str | None
) -> None:
    base = (CASES / "base.yaml").read_text(encoding="utf-8")
    (tmp_path / "old.yaml").write_text(base.replace("version: 1.0.0", f"version: {old}"))
    changed = base.replace("version: 1.0.0", f"version: {new}").replace(*change)
    (tmp_path / "new.yaml").write_text(changed)
    plain, checked = report(tmp_path), report(tmp_path, "--check-version")
    if problem is None:
        assert checked == plain
    else:
        said = f"error: api.version {new} (from {old}) {problem}\nexit 1\n"
        assert checked.endswith(said), checked


def drawn_catalogues() -> list[Any]:
    """Random format 2 catalogues, every key of the format used, strings hostile."""
    from hypothesis import given, settings
    from strategies import examples, wire_catalogues

    found: list[Any] = []

    @settings(max_examples=examples(10))
    @given(wire_catalogues())
    def gather(drawn: Any) -> None:
        found.append(drawn.data)

    gather()
    return found


def findings(old: dict[str, Any], new: dict[str, Any]) -> list[breaking.Finding]:
    targets = list(generator.discover().values())
    return breaking.compare(catalogue_of(old, "old.yaml"), catalogue_of(new, "new.yaml"), targets)


def test_random_catalogues_change_as_the_rules_say() -> None:
    """Against itself a catalogue reports nothing; a code added is never more than minor
    (unless codes are closed); a code deleted, or renamed, is never silent."""
    for data in drawn_catalogues():
        assert findings(data, data) == []
        added = copy.deepcopy(data)
        first = next(iter(added["codes"].values()))
        added["codes"]["brand_new"] = {**first, "wire": ["brand-new-wire"]}
        added["codes"]["brand_new"].pop("previous_names", None)
        said = findings(data, added)
        if data["api"].get("codes") == "closed":  # exhaustive matches break: major
            assert [found.rule for found in said if found.breaking] == ["code-added"], said
        else:
            assert said and all(found.impact != "major" for found in said), said
        for key in data["codes"]:
            dropped = copy.deepcopy(data)
            code = dropped["codes"].pop(key)
            for other in dropped["codes"].values():  # nothing may be replaced by it now
                if isinstance(other.get("deprecated"), dict):
                    other["deprecated"].pop("replaced_by", None)
            for gone in dropped.get("removed", {}).values():
                gone.pop("replaced_by", None) if gone.get("replaced_by") == key else None
            if not dropped["codes"]:
                continue
            removed = findings(data, dropped)
            assert any(f.rule == "code-removed" and f.breaking for f in removed), key
            renamed = copy.deepcopy(dropped)
            renamed["codes"][f"{key}_renamed"] = {**code, "wire": code.get("wire", [key])}
            said = findings(data, renamed)  # sent as the same values: a rename
            assert any(f.rule == "code-renamed" and f.breaking for f in said), key


def test_the_docs_say_whether_codes_are_open(tmp_path: Path) -> None:
    base = (CASES / "base.yaml").read_text(encoding="utf-8")
    for codes, said in (("open", "The codes are open"), ("closed", "The codes are closed")):
        source = tmp_path / f"{codes}.yaml"
        source.write_text(
            base.replace("  version: 1.0.0\n", f"  version: 1.0.0\n  codes: {codes}\n")
        )
        page = generator.generate(source, ["docs"])["docs/pages/index.md"]
        assert said in page


def test_the_gate_reads_the_sections_of_a_users_targets(tmp_path: Path) -> None:
    """A catalogue with a section for a target of the user's own templates ([tool.generator]
    templates) is the gate's to read as the generator does."""
    case = ROOT / "tests" / "cases" / "example-code-target"
    shutil.copytree(case, tmp_path / "api")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.generator]\ncatalogue = "api/catalogue.yaml"\ntemplates = ["api/templates"]\n'
    )
    code, said = gate_in(tmp_path, "--against", "api/catalogue.yaml")
    assert (code, said) == (0, "no change against api/catalogue.yaml\n")
