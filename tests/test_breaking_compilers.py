"""The compilers agree with the gate. For every case of tests/breaking that the gate reads, a
probe made from the OLD catalogue uses every public symbol the old bindings promise (classes,
previous names, enum members, extras with their types; an exhaustive match where codes are
closed) and is type-checked against the NEW bindings: one mypy, one pyright, one tsc run (per
TypeScript style), one `go build` and one kotlinc run for all cases (each case has a `go:` and
a `kotlin:` section, so that the gate speaks of Go and Kotlin too; Kotlin's `when` over the
sealed types is exhaustive, so a type added breaks it). The old conformance fixtures are read
by the new bindings in Python, TypeScript and Go, in one batched run.

Soundness: a case whose probe fails for a target is reported by the gate with `source:<that
target>`; a case whose fixtures read otherwise (class names aside) with `wire` or `behaviour`;
one whose fixtures give other class names, with one of those or a `source` category.
Witness: each rule claiming the wire, source or behaviour fires in at least one case whose
probe or fixtures change in that way, so no rule claims what no case can show.
"""

from __future__ import annotations

import copy
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bindings
import pytest
import yaml
from conftest import PYTHON, catalogue_of, run, tool, write_tree
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import MULTIPLIER, examples, wire_catalogues

import generator
from generator import breaking
from generator.model import Catalogue
from generator.problems import CatalogueError
from generator.target import go, kotlin
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
    go_probe: str = ""
    kotlin_probe: str = ""


def cases() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(name, old, new) of each case the gate reads (not those it refuses as bad input): in
    CI the positive ones, every one under the thorough profile; then random mutations."""
    found = []
    for folder in sorted(path for path in CASES.iterdir() if path.is_dir()):
        if (folder / "expected.txt").read_text(encoding="utf-8").endswith("exit 2\n"):
            continue
        if "--not-" in folder.name and MULTIPLIER == 1:
            continue
        old = folder / "old.yaml" if (folder / "old.yaml").exists() else CASES / "base.yaml"
        texts = (old.read_text(encoding="utf-8"), (folder / "new.yaml").read_text(encoding="utf-8"))
        found.append((folder.name, yaml.safe_load(texts[0]), yaml.safe_load(texts[1])))
    return found + mutations(examples(12))


def mutations(count: int) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """Random catalogues (every key of the format, strings hostile), each changed one way,
    kept when the change leaves a catalogue the generator accepts."""
    drawn: list[tuple[str, dict[str, Any], dict[str, Any]]] = []

    @settings(max_examples=count)
    @given(wire_catalogues(), st.sampled_from(sorted(MUTATIONS)), st.randoms(use_true_random=False))
    def gather(catalogue_: Any, mutation: str, random: Any) -> None:
        changed = copy.deepcopy(catalogue_.data)
        MUTATIONS[mutation](changed, random)
        try:
            catalogue_of(changed)
        except CatalogueError:
            return
        drawn.append((f"random {len(drawn)}: {mutation}", catalogue_.data, changed))

    gather()
    return drawn


def _a_code(data: dict[str, Any], random: Any) -> dict[str, Any]:
    code: dict[str, Any] = data["codes"][random.choice(sorted(data["codes"]))]
    return code


def _forget(data: dict[str, Any], key: str) -> None:
    """Nothing may name a code that is gone."""
    data.pop("changes", None)
    replaceable = [c["deprecated"] for c in data["codes"].values() if "deprecated" in c]
    for entry in [*replaceable, *data.get("removed", {}).values()]:
        if isinstance(entry, dict) and entry.get("replaced_by") == key:
            del entry["replaced_by"]


def delete_a_code(data: dict[str, Any], random: Any) -> None:
    key = random.choice(sorted(data["codes"]))
    del data["codes"][key]
    _forget(data, key)


def rename_a_code(data: dict[str, Any], random: Any) -> None:
    key = random.choice(sorted(data["codes"]))
    data["codes"][f"{key}_renamed"] = data["codes"].pop(key)
    _forget(data, key)


def flip_retryable(data: dict[str, Any], random: Any) -> None:
    code = _a_code(data, random)
    code["retryable"] = not code["retryable"]


def add_a_code(data: dict[str, Any], random: Any) -> None:
    added = copy.deepcopy(_a_code(data, random))
    added["wire"] = ["added-code-wire"]
    added.pop("previous_names", None)
    data["codes"]["added_code"] = added


def change_a_wire_value(data: dict[str, Any], random: Any) -> None:
    _a_code(data, random)["wire"] = ["changed-wire"]


def change_a_message(data: dict[str, Any], random: Any) -> None:
    _a_code(data, random)["message"] = "Changed"


def drop_extras(data: dict[str, Any], random: Any) -> None:
    for holder in [*data["codes"].values(), *data["envelopes"].values()]:
        holder.pop("extras", None)
        holder.pop("example_extras", None)


def flip_the_style(data: dict[str, Any], random: Any) -> None:
    erasable = data["typescript"].get("style") == "erasable"
    data["typescript"]["style"] = "enum" if erasable else "erasable"


def change_the_prefix(data: dict[str, Any], random: Any) -> None:
    data["api"]["prefix"] = "Other"


MUTATIONS = {
    function.__name__.replace("_", " "): function
    for function in (
        delete_a_code,
        rename_a_code,
        flip_retryable,
        add_a_code,
        change_a_wire_value,
        change_a_message,
        drop_extras,
        flip_the_style,
        change_the_prefix,
    )
}


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


def _annotation(extra: Any) -> str:
    """An extra's attribute type, as a probe spells it (Any, for any JSON, as object)."""
    return py.extra_type(extra).replace("Any", "object")


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
            typed = f"x{index}_{py.attribute(extra)}: {_annotation(extra)}"
            probe.add(f"    {typed} = e.{py.entry_class(code)}('m').{py.attribute(extra)}")
            probe.add(f"    found.append(x{index}_{py.attribute(extra)})", f"extra {extra.name}")
    for extra in old.envelope_extras:
        probe.add(
            f"    y_{py.attribute(extra)}: {_annotation(extra)} = error.{py.attribute(extra)}"
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
    for status in old.statuses:
        line = f"  found.push(e.HttpStatus.{ts.status_member(status)});"
        probe.add(line, f"status {status.key}")
    probe.add("  return found;")
    probe.add("}")
    if old.api.codes == "closed" and old.codes:
        probe.add("export function exhaustive(error: e.KnownError): number {")
        # On the code itself: with one class, the error is no union for a switch to narrow.
        probe.add("  const code = error.code;")
        probe.add("  switch (code) {")
        for index, code in enumerate(old.codes):
            probe.add(f"    case e.ErrorCode.{ts.member(code.key)}:")
            probe.add(f"      return {index};")
        probe.add("    default: {")
        probe.add("      const never: never = code;", "codes closed")
        probe.add("      return never;")
        probe.add("    }")
        probe.add("  }")
        probe.add("}")
    return probe


def go_probe(old: Catalogue) -> Probe:
    """The Go names the old bindings promise: each kind (previous names too), code and type
    constant, and each envelope extra's method with its type. Go has no exhaustive switch,
    so closed codes promise nothing more."""
    probe = Probe("package probe", "", 'import e "BINDING"', "")
    probe.add("func Probe(err *e.Error) []any {")
    probe.add("\tfound := []any{}")
    for entry in (*old.status_classes, *old.types, *old.codes):
        for name in (go.entry_kind(entry), *entry.previous_names_in("go")):
            probe.add(f"\tfound = append(found, e.{name})", f"class {name}")
    for code in old.codes:
        probe.add(f"\tfound = append(found, e.{go.code_constant(code)})", f"code {code.key}")
    for error_type in old.types:
        constant = go.type_constant(error_type)
        probe.add(f"\tfound = append(found, e.{constant})", f"type {error_type.key}")
    for extra in old.envelope_extras:
        method = go.method(extra)
        line = (
            f"\t{{ var x {go.extra_type(extra)}; x, _ = err.{method}(); found = append(found, x) }}"
        )
        probe.add(line, f"extra {extra.name}")
    probe.add("\treturn found")
    probe.add("}")
    return probe


def kotlin_probe(old: Catalogue) -> Probe:
    """The Kotlin names the old bindings promise: each class (previous names too) and each
    code's under its type's, each code and type constant, each extra with its type, and an
    exhaustive `when` over the types (the base class is sealed by type)."""
    base = f"BINDING.{kotlin.base_class(old)}"
    probe = Probe("package probe.PROBE", "")
    probe.add(f"fun probe(error: {base}): List<Any?> {{")
    probe.add("    val found = mutableListOf<Any?>()")
    for entry in (*old.status_classes, *old.types, *old.codes):
        for name in (kotlin.entry_class(entry), *entry.previous_names_in("kotlin")):
            probe.add(f"    found.add(error is BINDING.{name})", f"class {name}")
    for code in old.codes:
        probe.add(f"    found.add(BINDING.ErrorCode.{kotlin.member(code)})", f"code {code.key}")
        if code.type is not None:  # its class is one of its type's
            parent, child = kotlin.entry_class(old.type(code.type)), kotlin.entry_class(code)
            line = f"    run {{ val t: BINDING.{parent} = BINDING.{child}(); found.add(t) }}"
            probe.add(line, f"code {code.key}")
    for error_type in old.types:
        line = f"    found.add(BINDING.ErrorType.{kotlin.member(error_type)})"
        probe.add(line, f"type {error_type.key}")
    for extra in old.all_extras:
        typed = f"val x: {kotlin.extra_type(extra)} = error.{kotlin.attribute(extra)}"
        probe.add(f"    run {{ {typed}; found.add(x) }}", f"extra {extra.name}")
    probe.add("    return found")
    probe.add("}")
    probe.add("")
    probe.add(f"fun exhaustive(error: {base}): Int = when (error) {{", "types sealed")
    for index, error_type in enumerate(old.types):
        probe.add(f"    is BINDING.{kotlin.entry_class(error_type)} -> {index}")
    probe.add(f"    is BINDING.{kotlin.other_class(old)} -> -1")
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
            data.setdefault("go", {"package": "acmeerrors"})  # so the gate speaks of Go too
            data.setdefault("kotlin", {"package": "com.acme.errors"})  # and of Kotlin
        old, new = catalogue_of(old_data), catalogue_of(new_data)
        case = Case(name, tag, old, new, breaking.compare(old, new, TARGETS))
        new_files = files(new, ["python", "typescript", "go", "kotlin"])
        python = python_probe(old, old_data["python"]["package"])
        typescript = typescript_probe(old, f"../{tag}/typescript/src/index.js")
        write_tree(
            root / "probes", {f"{tag}_probe.py": python.text(), f"{tag}.ts": typescript.text()}
        )
        in_go, in_kotlin = go_probe(old), kotlin_probe(old)
        case.go_probe = in_go.text()
        case.kotlin_probe = in_kotlin.text().replace("PROBE", tag)
        case.probe_lines = {
            "python": python.subjects,
            "typescript": typescript.subjects,
            "go": in_go.subjects,
            "kotlin": in_kotlin.subjects,
        }
        runs[tag] = (new_files, bindings.fixture_cases(files(old, ["fixtures"])))
        found.append(case)
    return found, runs


def check_python(root: Path, found: list[Case]) -> None:
    by_tag = {case.tag: case for case in found}
    probes = [root / "probes" / f"{case.tag}_probe.py" for case in found]
    paths = [str(root / case.tag / "python") for case in found]
    mypy = run(
        PYTHON,
        "-m",
        "mypy",
        "--strict",
        "--cache-dir",
        root / ".mypy",
        *probes,
        env={"MYPYPATH": os.pathsep.join(paths)},
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


def check_typescript_and_fixtures(root: Path, found: list[Case], runs: dict[str, Any]) -> None:
    """The old fixtures read by the new bindings in both languages, and the TypeScript probes
    compiled in the same tsc run as the new modules."""
    by_tag = {case.tag: case for case in found}
    styles: dict[str, list[str]] = {"enum": [], "erasable": []}
    for case in found:
        styles[case.new.options["typescript"].get("style", "enum")].append(f"probes/{case.tag}.ts")
    refused: list[str] = []
    go_probes = {case.tag: case.go_probe for case in found}
    kotlin_probes = {case.tag: case.kotlin_probe for case in found}
    read = bindings.read(
        root,
        runs,
        probes=styles,
        refused=refused,
        go_probes=go_probes,
        kotlin_probes=kotlin_probes,
    )
    for case in found:
        for language in ("go", "kotlin"):
            for line in read[case.tag][f"{language}_refused"]:
                case.probe_failed.add((language, case.probe_lines[language].get(line, "")))
    for line in refused:
        said = re.match(r"probes/(c\d+)\.ts\((\d+),\d+\): error", line)
        assert said, line
        case = by_tag[said.group(1)]
        case.probe_failed.add(
            ("typescript", case.probe_lines["typescript"].get(int(said.group(2)), ""))
        )
    for case in found:
        # Kotlin reads nothing here (see bindings.read): its probes are what the gate shows.
        for language in ("python", "typescript", "go"):
            renamed = bindings.classes_in(language, case.old) if language != "typescript" else None
            responses = runs[case.tag][1]
            for response, got in zip(responses, read[case.tag][language], strict=True):
                want = bindings.expected(response, language, renamed)
                seen = bindings.seen(got, want)
                if seen | {"class": None} != want | {"class": None}:
                    case.fixtures_changed.add("outcome")
                elif seen["class"] != want["class"]:
                    case.fixtures_changed.add("class")


@pytest.fixture(scope="module")
def agreed(tmp_path_factory: pytest.TempPathFactory) -> list[Case]:
    root = tmp_path_factory.mktemp("compilers")
    found, runs = prepare(root)
    check_typescript_and_fixtures(root, found, runs)
    check_python(root, found)  # against the packages the fixture run wrote
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
            sources = {"source:python", "source:typescript", "source:go", "source:kotlin"}
            assert said(case) & {"wire", "behaviour", *sources}


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
    by_language = {
        language: sum(any(said == language for said, _ in case.probe_failed) for case in agreed)
        for language in ("python", "typescript", "go", "kotlin")
    }
    fixtures = sum(bool(case.fixtures_changed) for case in agreed)
    random = sum(case.name.startswith("random") for case in agreed)
    print(
        f"\n{len(agreed)} cases ({random} random mutations): {probes} with a probe refused, "
        f"{fixtures} with fixtures changed; refused by language: {by_language}"
    )
    assert probes and fixtures and random and all(by_language.values())
