"""The compilers agree with the gate. For every case of tests/breaking that the gate reads, a
probe made from the OLD catalogue uses every public symbol the old bindings promise (classes,
previous names, enum members, extras with their types; an exhaustive match where codes are
closed) and is type-checked against the NEW bindings: one mypy, one pyright and one tsc run
(per TypeScript style) for all cases. The old conformance fixtures are read by the new
bindings in both languages, in one batched run.

Soundness: a case whose probe fails for a target is reported by the gate with `source:<that
target>`; a case whose fixtures read otherwise (class names aside) with `wire` or `behaviour`;
one whose fixtures give other class names, with one of those or a `source` category.
Witness: each rule claiming the wire, source or behaviour fires in at least one case whose
probe or fixtures change in that way, so no rule claims what no case can show.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bindings
import pytest
import yaml
from conftest import PYTHON, run, tool, tsconfig, write_tree

import generator
from generator import breaking, catalogue
from generator.model import Catalogue
from generator.target import python as py
from generator.target import typescript as ts

CASES = Path(__file__).parent / "breaking"
TARGETS = list(generator.discover().values())


@dataclass
class Case:
    name: str
    tag: str
    old: Catalogue
    new: Catalogue
    findings: list[breaking.Finding]
    probe_lines: dict[str, dict[int, str]] = field(default_factory=dict)
    """By language: the subject of each probe line."""
    probe_failed: set[tuple[str, str]] = field(default_factory=set)
    """(language, subject) of each probe line a checker refused."""
    fixtures_changed: set[str] = field(default_factory=set)
    """outcome (something but the class changed) and/or class."""


def cases() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(name, old, new) of each case the gate reads (not those it refuses as bad input)."""
    found = []
    for folder in sorted(path for path in CASES.iterdir() if path.is_dir()):
        if (folder / "expected.txt").read_text(encoding="utf-8").endswith("exit 2\n"):
            continue
        old = folder / "old.yaml" if (folder / "old.yaml").exists() else CASES / "base.yaml"
        texts = (old.read_text(encoding="utf-8"), (folder / "new.yaml").read_text(encoding="utf-8"))
        found.append((folder.name, yaml.safe_load(texts[0]), yaml.safe_load(texts[1])))
    return found


def model(data: dict[str, Any]) -> Catalogue:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()
    return catalogue.parse(text, "catalogue.yaml", TARGETS)


def files(found: Catalogue, selected: list[str]) -> dict[str, str]:
    return {
        path: text
        for target in selected
        for path, text in generator.render_target(found, target).items()
    }


class Probe:
    """Lines of a probe, each remembering what it uses."""

    def __init__(self, *head: str) -> None:
        self.lines = list(head)
        self.subjects: dict[int, str] = {}

    def add(self, line: str, subject: str | None = None) -> None:
        if subject is not None:
            self.subjects[len(self.lines) + 1] = subject
        self.lines.append(line)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def python_probe(old: Catalogue, package: str) -> Probe:
    closed = old.api.codes == "closed" and bool(old.codes)
    probe = Probe("from __future__ import annotations", "")
    if closed:
        probe.add("from typing import assert_never")
    probe.add(f"import {package} as e")
    probe.add("")
    probe.add("")
    probe.add(f"def probe(error: e.{py.base_class(old)}) -> list[object]:")
    probe.add("    found: list[object] = []")
    for entry in (*old.status_classes, *old.types, *old.codes):
        for name in (py.entry_class(entry), *entry.previous_names_in("python")):
            probe.add(f"    found.append(isinstance(error, e.{name}))", f"class {name}")
    for index, code in enumerate(old.codes):
        probe.add(f"    found.append(e.ErrorCode.{py.member(code.key)})", f"code {code.key}")
        if code.type is not None:  # its class is one of its type's
            parent = py.entry_class(old.type(code.type))
            line = f"    t{index}: type[e.{parent}] = e.{py.entry_class(code)}"
            probe.add(line, f"code {code.key}")
            probe.add(f"    found.append(t{index})")
        for extra in code.extras:
            typed = f"x{index}_{py.attribute(extra)}: {py.extra_type(extra)}"
            probe.add(f"    {typed} = e.{py.entry_class(code)}('m').{py.attribute(extra)}")
            probe.add(f"    found.append(x{index}_{py.attribute(extra)})", f"extra {extra.name}")
    for extra in old.envelope_extras:
        probe.add(
            f"    y_{py.attribute(extra)}: {py.extra_type(extra)} = error.{py.attribute(extra)}"
        )
        probe.add(f"    found.append(y_{py.attribute(extra)})", f"extra {extra.name}")
    for error_type in old.types:
        probe.add(
            f"    found.append(e.ErrorType.{py.member(error_type.key)})", f"type {error_type.key}"
        )
    for status in old.statuses:
        probe.add(
            f"    found.append(e.HttpStatus.{py.status_member(status)})", f"status {status.key}"
        )
    probe.add("    return found")
    if closed:
        probe.add("")
        probe.add("")
        probe.add("def exhaustive(error: e.KnownError) -> int:")
        probe.add("    match error:")
        for index, code in enumerate(old.codes):
            probe.add(f"        case e.{py.entry_class(code)}():")
            probe.add(f"            return {index}")
        probe.add("        case _:")
        probe.add("            assert_never(error)", "codes closed")
    return probe


def typescript_probe(old: Catalogue, module: str) -> Probe:
    probe = Probe(f'import * as e from "{module}";', "")
    probe.add(f"export function probe(error: e.{ts.base_class(old)}): unknown[] {{")
    probe.add("  const found: unknown[] = [];")
    for entry in (*old.status_classes, *old.types, *old.codes):
        for name in (ts.entry_class(entry), *entry.previous_names_in("typescript")):
            probe.add(f"  found.push(error instanceof e.{name});", f"class {name}")
            probe.add(f"  found.push((error as e.{name}).name);", f"class {name}")
    erasable = old.options["typescript"].get("style") == "erasable"
    for code in old.codes:
        probe.add(f"  found.push(e.ErrorCode.{ts.member(code.key)});", f"code {code.key}")
        if code.type is not None:  # its class is one of its type's
            parent, child = ts.entry_class(old.type(code.type)), ts.entry_class(code)
            line = f'  {{ const t: e.{parent} = new e.{child}("m"); found.push(t); }}'
            probe.add(line, f"code {code.key}")
        # What only the style allows: a literal as a code, or a member as a type.
        wire = json.dumps(code.key)
        if erasable:
            probe.add(f"  {{ const c: e.ErrorCode = {wire}; found.push(c); }}", "style")
        else:
            line = f"  {{ const c: e.ErrorCode.{ts.member(code.key)}[] = []; found.push(c); }}"
            probe.add(line, "style")
        for extra in code.extras:
            read = f'new e.{ts.entry_class(code)}("m").{ts.attribute(extra)}'
            line = f"  {{ const x: {ts.extra_type(extra)} = {read}; found.push(x); }}"
            probe.add(line, f"extra {extra.name}")
    for extra in old.envelope_extras:
        line = (
            f"  {{ const y: {ts.extra_type(extra)} = error.{ts.attribute(extra)}; found.push(y); }}"
        )
        probe.add(line, f"extra {extra.name}")
    for error_type in old.types:
        probe.add(
            f"  found.push(e.ErrorType.{ts.member(error_type.key)});", f"type {error_type.key}"
        )
    probe.add("  return found;")
    probe.add("}")
    if old.api.codes == "closed" and old.codes:
        probe.add("export function exhaustive(error: e.KnownError): number {")
        probe.add("  switch (error.code) {")
        for index, code in enumerate(old.codes):
            probe.add(f"    case e.ErrorCode.{ts.member(code.key)}:")
            probe.add(f"      return {index};")
        probe.add("    default: {")
        probe.add("      const never: never = error;", "codes closed")
        probe.add("      return never;")
        probe.add("    }")
        probe.add("  }")
        probe.add("}")
    return probe


def prepare(root: Path) -> tuple[list[Case], dict[str, Any]]:
    """Every case's new bindings and probes written under root; the fixture runs to make."""
    found: list[Case] = []
    runs: dict[str, Any] = {}
    for index, (name, old_data, new_data) in enumerate(cases()):
        tag = f"c{index}"
        for data in (old_data, new_data):  # a package name of its own, for one mypy run
            data["python"] = {"package": f"{tag}_{data['python']['package']}"}
        old, new = model(old_data), model(new_data)
        case = Case(name, tag, old, new, breaking.compare(old, new, TARGETS))
        new_files = files(new, ["python", "typescript"])
        write_tree(root / "new" / tag, new_files)
        python = python_probe(old, old_data["python"]["package"])
        typescript = typescript_probe(old, f"../new/{tag}/typescript/src/index.ts")
        probes = {f"{tag}_probe.py": python.text(), f"{tag}.ts": typescript.text()}
        write_tree(root / "probes", probes | {"package.json": '{"type": "module"}\n'})
        case.probe_lines = {"python": python.subjects, "typescript": typescript.subjects}
        runs[tag] = (new_files, bindings.fixture_cases(files(old, ["fixtures"])))
        found.append(case)
    return found, runs


def check_python(root: Path, found: list[Case]) -> None:
    by_tag = {case.tag: case for case in found}
    probes = [root / "probes" / f"{case.tag}_probe.py" for case in found]
    paths = [str(root / "new" / case.tag / "python") for case in found]
    mypy = run(
        PYTHON,
        "-m",
        "mypy",
        "--strict",
        "--cache-dir",
        root / ".mypy",
        *probes,
        env={"MYPYPATH": ":".join(paths)},
        check=False,
    )
    for line in mypy.stdout.splitlines():
        said = re.match(r".*/(c\d+)_probe\.py:(\d+): error", line)
        if said:
            case = by_tag[said.group(1)]
            case.probe_failed.add(
                ("python", case.probe_lines["python"].get(int(said.group(2)), ""))
            )
    config = root / "pyrightconfig.json"
    # A deprecation is no break: strict pyright reports each use of one as an error.
    settings = {"typeCheckingMode": "strict", "extraPaths": paths, "reportDeprecated": "none"}
    config.write_text(json.dumps(settings))
    pyright = run(tool("pyright"), "--project", config, "--outputjson", *probes, check=False)
    for diagnostic in json.loads(pyright.stdout)["generalDiagnostics"]:
        if diagnostic["severity"] == "error":
            case = by_tag[Path(diagnostic["file"]).name.split("_")[0]]
            line = diagnostic["range"]["start"]["line"] + 1
            case.probe_failed.add(("python", case.probe_lines["python"].get(line, "")))


def check_typescript(root: Path, found: list[Case], runs: dict[str, Any]) -> None:
    by_tag = {case.tag: case for case in found}
    styles: dict[str, list[str]] = {"enum": [], "erasable": []}
    options: dict[str, Any] = {}
    for case in found:
        style = case.new.options["typescript"].get("style", "enum")
        styles[style] += [f"new/{case.tag}/typescript/src/index.ts", f"probes/{case.tag}.ts"]
        options = tsconfig(runs[case.tag][0]["typescript/tsconfig.json"])["compilerOptions"]
    for style, sources in styles.items():
        if not sources:
            continue
        settings = {**options, "rootDir": ".", "noEmit": True}
        settings |= {"erasableSyntaxOnly": style == "erasable", "allowImportingTsExtensions": True}
        config = root / f"tsconfig.{style}.json"
        config.write_text(json.dumps({"compilerOptions": settings, "files": sources}))
        compiled = run(tool("tsc"), "-p", config, "--pretty", "false", cwd=root, check=False)
        for line in compiled.stdout.splitlines():
            said = re.match(r"probes/(c\d+)\.ts\((\d+),\d+\): error", line)
            assert said or ": error" not in line, f"a generated module does not compile: {line}"
            if said:
                case = by_tag[said.group(1)]
                subject = case.probe_lines["typescript"].get(int(said.group(2)), "")
                case.probe_failed.add(("typescript", subject))


def check_fixtures(root: Path, found: list[Case], runs: dict[str, Any]) -> None:
    read = bindings.read(root / "fixtures", runs)
    for case in found:
        for language in ("python", "typescript"):
            responses = runs[case.tag][1]
            for response, got in zip(responses, read[case.tag][language], strict=True):
                want = bindings.expected(response, language)
                seen = bindings.seen(got, want)
                if seen | {"class": None} != want | {"class": None}:
                    case.fixtures_changed.add("outcome")
                elif seen["class"] != want["class"]:
                    case.fixtures_changed.add("class")


@pytest.fixture(scope="module")
def agreed(tmp_path_factory: pytest.TempPathFactory) -> list[Case]:
    root = tmp_path_factory.mktemp("compilers")
    found, runs = prepare(root)
    check_python(root, found)
    check_typescript(root, found, runs)
    check_fixtures(root, found, runs)
    return found


def said(case: Case) -> set[str]:
    return {category for finding in case.findings for category in finding.categories}


def test_every_probe_and_fixture_change_is_reported(agreed: list[Case]) -> None:
    for case in agreed:
        for language, subject in case.probe_failed:
            assert f"source:{language}" in said(case), (case.name, language, subject)
        if "outcome" in case.fixtures_changed:
            assert said(case) & {"wire", "behaviour"}, case.name
        if "class" in case.fixtures_changed:
            assert said(case) & {"wire", "behaviour", "source:python", "source:typescript"}


def test_every_rule_shows_what_it_claims(agreed: list[Case]) -> None:
    shown: dict[str, set[str]] = {}
    for case in agreed:
        changed = {f"source:{language}" for language, _ in case.probe_failed}
        if case.fixtures_changed:
            changed |= {"wire", "behaviour"}
        for finding in case.findings:
            categories = {c.split(":")[0] for c in set(finding.categories) & changed}
            shown.setdefault(finding.rule, set()).update(categories)
    unshown = {
        rule.id: set(rule.categories) - {"docs"} - shown.get(rule.id, set())
        for rule in breaking.RULES.values()
    }
    assert {rule: claims for rule, claims in unshown.items() if claims} == {}


def test_the_counts(agreed: list[Case]) -> None:
    """What the closing note reports: cases, probe failures, fixture changes."""
    probes = sum(bool(case.probe_failed) for case in agreed)
    fixtures = sum(bool(case.fixtures_changed) for case in agreed)
    print(f"\n{len(agreed)} cases: {probes} with a probe refused, {fixtures} with fixtures changed")
    assert probes and fixtures
