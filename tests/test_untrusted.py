"""Untrusted catalogues: random valid catalogues, their strings drawn from all of Unicode and
from hostile lists, go through every target. Each output must still parse, compile and lint,
and carry every string back exactly. HYPOTHESIS_PROFILE=thorough runs ten times as many."""

from __future__ import annotations

import functools
import json
import re
import sys
import tomllib
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import bindings
import black
import golang
import jsonschema
import pytest
import yaml
from conftest import node, run, tool, tsconfig, write_tree
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_page import as_built, cells_and_paragraphs, parse
from strategies import Drawn, catalogues, examples, wire_catalogues

import generator
from generator import catalogue as catalogue_module
from generator import schema
from generator.problems import CatalogueError
from generator.target import builtin as builtin_targets
from generator.target import go as go_target
from generator.target import python


def generated(drawn: Drawn, folder: Path, targets: list[str]) -> dict[str, str]:
    return generator.generate(drawn.write(folder), targets)


@functools.cache
def compiled(source: str, module_name: str) -> types.CodeType:
    """Each module's code; the runtime, the same for every catalogue, is compiled once."""
    return compile(source, f"{module_name}.py", "exec")


def import_python(files: dict[str, str], package: str, name: str) -> types.ModuleType:
    """The generated package, imported under a name of its own (with its runtime)."""
    modules = {
        path.rsplit("/", 1)[1].removesuffix(".py"): text
        for path, text in files.items()
        if path.startswith(f"python/{package}/") and path.endswith(".py")
    }
    package_module = types.ModuleType(name)
    package_module.__path__ = []
    sys.modules[name] = package_module
    try:
        for module_name in sorted(modules, key=lambda module: module == "__init__"):
            if module_name == "__init__":
                module = package_module
            else:
                module = types.ModuleType(f"{name}.{module_name}")
                sys.modules[module.__name__] = module
                setattr(package_module, module_name, module)
            module.__package__ = name
            exec(compiled(modules[module_name], module_name), module.__dict__)
    finally:
        for key in [key for key in sys.modules if key == name or key.startswith(f"{name}.")]:
            del sys.modules[key]
    return package_module


def expected_example(data: dict[str, Any], key: str) -> tuple[dict[str, Any], list[Any]]:
    code = data["codes"][key]
    grouped: dict[str, list[str]] = {}  # a field named twice is one field error
    for field in code.get("example_fields", []):
        grouped.setdefault(field["name"], []).extend(field["messages"])
    fields = list(grouped.items())
    body = {
        "error": {"type": code["type"], "code": key, "message": code["message"]},
        "_meta": {
            "reference": data["api"]["reference"],
            "fields": [
                {"name": f["name"], "messages": f["messages"]}
                for f in code.get("example_fields", [])
            ],
        },
    }
    return body, fields


@settings(max_examples=examples(400))
@given(catalogues())
def test_python_carries_every_string_back(tmp_path_factory: Any, drawn: Drawn) -> None:
    folder = tmp_path_factory.mktemp("python")
    errors = import_python(generated(drawn, folder, ["python"]), "acme_errors", "acme_under_test")
    data = drawn.data
    assert errors.__doc__.startswith(f"{data['api']['name']} errors, as exceptions.")
    assert errors.AcmeError.__doc__.startswith(f"An error response from {data['api']['name']}.")
    assert {m.value: m.title for m in errors.HttpStatus} == {
        key: status["title"] for key, status in data["statuses"].items()
    }
    for key, error_type in data["types"].items():
        cls = errors._BY_TYPE[key]
        assert (cls.description, cls.__doc__) == (error_type["description"],) * 2
    for key, code in data["codes"].items():
        cls = errors.lookup(key)
        assert cls.default_message == code["message"]
        assert (cls.description, cls.__doc__) == (code["description"],) * 2
        assert cls.retryable is code["retryable"]
        body, fields = expected_example(data, key)
        error = errors.from_response(404, json.dumps(body))
        assert type(error) is cls
        assert error.message == code["message"]
        assert [(f.name, list(f.messages)) for f in error.fields] == fields


@settings(max_examples=examples(40))
@given(catalogues())
def test_python_needs_no_black(tmp_path_factory: Any, drawn: Drawn) -> None:
    folder = tmp_path_factory.mktemp("black")
    for path, text in generated(drawn, folder, ["python"]).items():
        # The runtime is the same for every catalogue: the suite checks it on generated/.
        if path.endswith(".py") and not path.endswith("/_runtime.py"):
            assert black.format_str(text, mode=python.black_mode()) == text


@settings(max_examples=examples(100))
@given(catalogues())
def test_every_data_file_parses_and_carries_every_string_back(
    tmp_path_factory: Any, drawn: Drawn
) -> None:
    files = generated(drawn, tmp_path_factory.mktemp("data"), list(generator.targets()))
    name = drawn.data["api"]["name"]
    header = f"Generated from {drawn.file_name} by error-bindings. Do not edit."
    for path, text in files.items():
        first = text.split("\n", 1)[0]
        if not path.endswith((".json", ".manifest")):  # the header is a one-line comment
            assert first.startswith(
                ("# Generated ", "// Generated ", "<!-- ", "// Code generated ")
            ), path
    pyproject = tomllib.loads(files["python/pyproject.toml"])
    assert pyproject["project"]["description"] == f"{name} errors, as exceptions."
    package = json.loads(files["typescript/package.json"])
    assert (package["//"], package["description"]) == (header, f"{name} errors, as classes.")
    config = tsconfig(files["typescript/tsconfig.json"])
    assert config["compilerOptions"]["strict"] is True
    assert yaml.safe_load(files["docs/mkdocs.yml"])["site_name"] == f"{name} errors"
    assert yaml.safe_load(files["docs/.markdownlint.yaml"])["MD013"] is False
    fixtures = json.loads(files["fixtures/conformance.json"])
    assert fixtures["$comment"] == header
    schema = json.loads(files["fixtures/conformance.schema.json"])
    jsonschema.Draft202012Validator(schema).validate(fixtures)
    messages = {case["expect"]["message"] for case in fixtures["cases"]}
    assert {code["message"] for code in drawn.data["codes"].values()} <= messages
    for path, text in files.items():
        if path.endswith(".manifest"):
            target = path.split("/", 1)[0]
            listed = {f"{target}/{line}" for line in text.splitlines()[1:]}
            assert listed == {p for p in files if p.startswith(f"{target}/")} - {path}


def collect(count: int, strategy: st.SearchStrategy[Drawn] | None = None) -> list[Drawn]:
    drawn: list[Drawn] = []

    @settings(max_examples=count)
    @given(catalogues() if strategy is None else strategy)
    def gather(catalogue: Drawn) -> None:
        drawn.append(catalogue)

    gather()
    return drawn


TYPESCRIPT_CHECK = r"""
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const cases = JSON.parse(readFileSync(process.argv[2], "utf8"));
let checked = 0;
const same = (actual, expected, what) => {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: ${JSON.stringify(actual)} !== ${JSON.stringify(expected)}`);
  }
};
for (const item of cases) {
  const errors = await import(pathToFileURL(item.module).href);
  const data = item.data;
  same(errors.httpStatusTitles, Object.fromEntries(
    Object.entries(data.statuses).map(([key, status]) => [key, status.title])), "titles");
  for (const [key, code] of Object.entries(data.codes)) {
    const cls = errors.lookup(key);
    same(cls.defaultMessage, code.message, `${item.module} ${key} message`);
    same(cls.description, code.description, `${key} description`);
    same(errors.errorCodes[key].message, code.message, `${key} errorCodes message`);
    const body = item.examples[key];
    const error = errors.fromResponse(404, JSON.stringify(body));
    same(error.constructor, cls, `${key} class`);
    same(error.message, code.message, `${key} parsed message`);
    same(error.fields.map((f) => [f.name, f.messages]), item.fields[key], `${key} fields`);
    checked += 1;
  }
  for (const [key, type] of Object.entries(data.types)) {
    const cls = errors[Object.keys(errors).find((name) => errors[name]?.type === key &&
      errors[name]?.code === undefined && typeof errors[name] === "function")];
    same(cls.description, type.description, `${key} type description`);
  }
}
console.log(`checked ${checked} codes`);
"""


def test_typescript_compiles_and_carries_every_string_back(tmp_path: Path) -> None:
    drawn = collect(examples(400))
    groups: dict[str, list[str]] = {"enum": [], "erasable": []}
    cases = []
    shared = tmp_path / "runtime.ts"
    (tmp_path / "package.json").write_text('{"type": "module"}\n')
    for index, catalogue in enumerate(drawn):
        folder = tmp_path / f"c{index}"
        files = generated(catalogue, folder, ["typescript"])
        # The runtime is the same for every catalogue: every module imports one copy of it,
        # so tsc checks it once.
        runtime = files.pop("typescript/src/runtime.ts")
        if not shared.exists():
            shared.write_text(runtime, encoding="utf-8")
        assert runtime == shared.read_text(encoding="utf-8")
        module = files["typescript/src/index.ts"]
        assert module.count('from "./runtime.ts";') == 1
        files["typescript/src/index.ts"] = module.replace(
            'from "./runtime.ts";', 'from "../../../runtime.ts";'
        )
        write_tree(folder, files)
        groups[catalogue.data["typescript"]["style"]].append(f"c{index}/typescript/src/index.ts")
        examples_, fields = {}, {}
        for key in catalogue.data["codes"]:
            examples_[key], fields[key] = expected_example(catalogue.data, key)
        cases.append(
            {
                "module": str(tmp_path / "dist" / f"c{index}" / "typescript" / "src" / "index.js"),
                "data": catalogue.data,
                "examples": examples_,
                "fields": fields,
            }
        )
    base = tsconfig(files["typescript/tsconfig.json"])
    for style, sources in groups.items():
        options = {
            **base["compilerOptions"],
            "rootDir": ".",
            "outDir": "dist",
            "erasableSyntaxOnly": style == "erasable",
        }
        config = tmp_path / f"tsconfig.{style}.json"
        config.write_text(json.dumps({"compilerOptions": options, "files": sources}))
        if sources:
            run(tool("tsc"), "-p", config, timeout=600)
    (tmp_path / "dist" / "package.json").write_text('{"type": "module"}\n')
    (tmp_path / "cases.json").write_text(json.dumps(cases))
    (tmp_path / "check.mjs").write_text(TYPESCRIPT_CHECK)
    result = run(node(), tmp_path / "check.mjs", tmp_path / "cases.json", timeout=600)
    assert result.stdout == f"checked {sum(len(c.data['codes']) for c in drawn)} codes\n"


def as_read(text: str) -> str:
    """What a reader of the page sees: a line break is one newline, and a control character
    other than tab, which HTML cannot show, is named as U+XXXX."""
    return re.sub(
        r"[\x00-\x08\x0b-\x1f\x7f-\x9f]",
        lambda match: f"U+{ord(match.group()):04X}",
        re.sub(r"\r\n|\r", "\n", text),
    )


def test_markdown_keeps_its_tables_and_every_string(tmp_path: Path) -> None:
    drawn = collect(examples(300))
    pages = {}
    for index, catalogue in enumerate(drawn):
        files = generated(catalogue, tmp_path / f"c{index}", ["docs"])
        page = files["docs/pages/index.md"]
        pages[f"docs/pages/p{index}.md"] = page
        rows, paragraphs = cells_and_paragraphs(parse(page))
        header_widths = {len(row) for row in rows}
        assert header_widths <= {2, 3}, header_widths
        for key, code in catalogue.data["codes"].items():
            assert ["Message", as_read(code["message"])] in rows, key
            assert as_read(code["description"]) in paragraphs, key
        for status in catalogue.data["statuses"].values():
            assert as_read(status["description"]) in paragraphs
            assert any(row[1:2] == [as_read(status["title"])] for row in rows)
        for error_type in catalogue.data["types"].values():
            assert as_read(error_type["description"]) in paragraphs
        # As mkdocs builds it, every string reads back the same (no stray backslashes).
        cells, built = as_built(page)
        for code in catalogue.data["codes"].values():
            assert as_read(code["message"]) in cells
            assert as_read(code["description"]) in built
    write_tree(tmp_path / "lint", {**files, **pages})
    result = run(
        tool("markdownlint-cli2"), "pages/**/*.md", cwd=tmp_path / "lint" / "docs", check=False
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


STARTER = Path(generator.__file__).parent / "starter" / "catalogue.yaml"


@settings(max_examples=examples(500))
@given(
    st.lists(
        st.tuples(
            st.floats(0, 1), st.integers(0, 3), st.sampled_from(list("\"':-[]{}#\t\n &*!|>%@ax"))
        ),
        min_size=1,
        max_size=3,
    )
)
def test_any_typo_in_a_catalogue_gives_located_problems(
    edits: list[tuple[float, int, str]],
) -> None:
    """Typing mistakes anywhere (a character inserted, or a few deleted) never crash the
    reader: the catalogue loads, or every problem is placed inside the file."""
    text = STARTER.read_text(encoding="utf-8")
    for where, deleted, inserted in edits:
        at = int(where * len(text))
        text = text[:at] + inserted + text[at + deleted :]
    try:
        catalogue_module.parse(text.encode("utf-8"), "catalogue.yaml")
    except CatalogueError as error:
        lines = text.count("\n") + 1
        for problem in error.problems:
            assert 1 <= problem.location.line <= lines, (problem, text)
            assert problem.location.column >= 1, (problem, text)


# Format 2 ----------------------------------------------------------------------------------


# How many of them Go and Kotlin read too: a Go package takes a fifth of a second to compile,
# a Kotlin one about a second.
GO_CATALOGUES = 20
KOTLIN_CATALOGUES = 20


@pytest.fixture(scope="module")
def wire_drawn() -> list[Drawn]:
    return collect(examples(40), wire_catalogues())


def test_format_2_both_languages_read_every_fixture_as_it_says(
    wire_drawn: list[Drawn], tmp_path: Path
) -> None:
    """Every key format 2 added, hostile wherever a string goes: each catalogue's fixtures
    (the reference reader's verdicts on its example bodies, which hold its wire values, its
    literals and its hostile member names) are read so by the generated Python, TypeScript,
    Go and Kotlin (one tsc, one node, one `go test` and one kotlinc run for all; Go and Kotlin
    for the first 20)."""
    catalogues = {}
    answers = {}
    for index, drawn in enumerate(wire_drawn):
        in_go = ["go"] if index < examples(GO_CATALOGUES) else []
        in_kotlin = ["kotlin"] if index < examples(KOTLIN_CATALOGUES) else []
        files = generated(
            drawn,
            tmp_path / "in" / f"c{index}",
            ["python", "typescript", "fixtures", *in_go, *in_kotlin],
        )
        catalogues[f"c{index}"] = (files, bindings.fixture_cases(files))
        # Every code answered in every envelope, with a hostile message: see below.
        message = next(iter(drawn.data["codes"].values()))["message"]
        answers[f"c{index}"] = [
            (key, envelope, message)
            for key in drawn.data["codes"]
            for envelope in drawn.data["envelopes"]
        ]
    results = bindings.read(tmp_path / "out", catalogues, answers)
    for name, (_, cases) in catalogues.items():
        for language in ("python", "typescript"):
            for case, got in zip(cases, results[name][language], strict=True):
                want = bindings.expected(case, language)
                assert bindings.seen(got, want) == want, (name, language, case["fixture"])
        # The same data from to_dict and toJSON, and each rebuilt by the other language.
        pairs = zip(results[name]["python"], results[name]["typescript"], strict=True)
        for in_python, in_typescript in pairs:
            assert in_python["data"] == in_typescript["data"] == in_python["rebuilt"], name
            assert in_typescript["rebuilt"] == in_python["data"], name
        # The server side: both languages answer every code in every envelope alike, and
        # read each other's answers over loopback servers as they read their own.
        bindings.check_answers(results[name]["answers"], name)
        # Go and Kotlin (one `go test`, one kotlinc run, for the first GO_CATALOGUES and
        # KOTLIN_CATALOGUES) read and describe alike (Go answers alike too); every string of
        # the catalogue comes back out of the compiled package exactly.
        drawn = wire_drawn[int(name[1:])]
        for language, check in (("go", bindings.check_go), ("kotlin", bindings.check_kotlin)):
            if language not in results[name]:
                continue
            check(
                results[name], cases, name, generator.load(tmp_path / "in" / name / drawn.file_name)
            )
            described = results[name]["description"][language]
            for key, code in drawn.data["codes"].items():
                said = described["codes"][key]
                assert (said["message"], said["description"]) == (
                    code["message"],
                    code["description"],
                )
            for key, error_type in drawn.data.get("types", {}).items():
                assert described["types"][key]["description"] == error_type["description"]
        # A code's answer_status is what it answers with, where the envelope reads that.
        data = wire_drawn[int(name[1:])].data
        for (key, envelope, _), answer in zip(
            answers[name], results[name]["answers"]["python"], strict=True
        ):
            wanted = data["codes"][key].get("answer_status")
            read = data["envelopes"][envelope].get("when", {}).get("statuses", ["5xx"])
            if wanted is not None and any(str(wanted)[0] == entry[0] for entry in read):
                assert answer["status"] == wanted, (name, key, envelope)


def test_format_2_every_other_file_holds_every_string(
    wire_drawn: list[Drawn], tmp_path: Path
) -> None:
    """The same catalogues' Python is in black's layout, their data files parse (the fixtures
    against their schema, go.mod by Go), and their docs lint and show every description and
    message."""
    pages = {}
    for index, drawn in enumerate(wire_drawn):
        files = generated(drawn, tmp_path / f"c{index}", list(generator.targets()))
        for path, text in files.items():
            if path.endswith(".py") and not path.endswith("/_runtime.py"):
                assert black.format_str(text, mode=python.black_mode()) == text, path
        fixtures = json.loads(files["fixtures/conformance.json"])
        schema = json.loads(files["fixtures/conformance.schema.json"])
        jsonschema.Draft202012Validator(schema).validate(fixtures)
        tomllib.loads(files["python/pyproject.toml"])
        yaml.safe_load(files["docs/mkdocs.yml"])
        if "go" in drawn.data:  # go.mod, as Go's own parser reads it back
            write_tree(tmp_path / f"c{index}" / "mod", {"go.mod": files["go/go.mod"]})
            parsed = golang.run_go("mod", "edit", "-json", cwd=tmp_path / f"c{index}" / "mod")
            module = json.loads(parsed.stdout)
            assert module["Module"]["Path"] == drawn.data["go"]["module"]
            assert module["Go"] == go_target.GO_VERSION
        page = files["docs/pages/index.md"]
        pages[f"docs/pages/p{index}.md"] = page
        cells, paragraphs = as_built(page)
        data = drawn.data
        described = [
            *(code["description"] for code in data["codes"].values()),
            *(entry["description"] for entry in data.get("status_classes", {}).values()),
        ]
        for text in described:
            assert as_read(text) in paragraphs, text
        for owner in [*data["envelopes"].values(), *data["codes"].values()]:
            for extra in owner.get("extras", {}).values():  # in its table's last cell
                assert any(cell.endswith(": " + as_read(extra["description"])) for cell in cells)
        for code in data["codes"].values():
            assert as_read(code["message"]) in cells
    write_tree(tmp_path / "lint", {**files, **pages})
    result = run(
        tool("markdownlint-cli2"), "pages/**/*.md", cwd=tmp_path / "lint" / "docs", check=False
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def spec_keys(spec: Any, prefix: str = "", since: int = 1) -> Iterator[tuple[str, int]]:
    """(dotted path, the format that added it) for every key of the format (a key inside
    one that a format added came with it)."""
    if isinstance(spec, schema.Record):
        for name, key in spec.keys.items():
            added = max(since, key.since_format)
            yield f"{prefix}.{name}", added
            yield from spec_keys(key.spec, f"{prefix}.{name}", added)
    elif isinstance(spec, schema.Table):
        yield from spec_keys(spec.value, f"{prefix}.*", since)
    elif isinstance(spec, schema.Items | schema.OneOrMore):
        yield from spec_keys(spec.item, f"{prefix}[]", since)
    elif isinstance(spec, schema.Deprecated):
        yield from spec_keys(spec.record, prefix, since)


def used_keys(spec: Any, data: Any, prefix: str = "") -> Iterator[str]:
    """The dotted paths of the format's keys that data uses."""
    if isinstance(spec, schema.Record) and isinstance(data, dict):
        for name, value in data.items():
            if name in spec.keys:
                yield f"{prefix}.{name}"
                yield from used_keys(spec.keys[name].spec, value, f"{prefix}.{name}")
    elif isinstance(spec, schema.Table) and isinstance(data, dict):
        for value in data.values():
            yield from used_keys(spec.value, value, f"{prefix}.*")
    elif isinstance(spec, schema.Items | schema.OneOrMore):
        for item in data if isinstance(data, list) else [data]:
            yield from used_keys(spec.item, item, f"{prefix}[]")
    elif isinstance(spec, schema.Deprecated):
        yield from used_keys(spec.record, data, prefix)


def test_format_2_every_key_is_read_by_both_languages(wire_drawn: list[Drawn]) -> None:
    """Every key format 2 added is used by a catalogue whose fixtures, and real bodies, both
    languages are tested on: the random ones above, or a real API's (tests/apis)."""
    spec = schema.spec(list(builtin_targets().values()))
    added = {path for path, since in spec_keys(spec) if since >= 2}
    catalogues = [drawn.data for drawn in wire_drawn]
    catalogues += [
        yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in (Path(__file__).parent / "apis").glob("*/catalogue.yaml")
    ]
    used = {path for data in catalogues for path in used_keys(spec, data)}
    assert added - used == set()
