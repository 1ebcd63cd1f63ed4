"""Real APIs' errors, read by the bindings: each folder under tests/apis holds a catalogue of a
real API's errors (written from its public reference) and responses.yaml, real error bodies
copied from public sources (each naming its source), with what a binding must make of each.
Every body goes through the generated Python and TypeScript (one tsc and one node run for
all APIs), and so does each API's own generated conformance fixtures.

A response's `expect` holds `class` (a class name, or {python: ..., typescript: ...}),
`code`, `raw_code`, `type`, `message`, and, where the body has them, `fields`, `extras`,
`errors` and `reference`; `status` is the response's unless given; `is_error: false` says the
body is not an error (`error_for` gives nothing)."""

from __future__ import annotations

import importlib
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from conftest import PYTHON, node, run, tool, write_tree

import generator

APIS = Path(__file__).parent / "apis"
FOLDERS = sorted(path.name for path in APIS.iterdir() if (path / "responses.yaml").is_file())


def catalogue(api: str) -> Path:
    """The API's catalogue: its folder's, or this repository's own when the folder has none."""
    own = APIS / api / "catalogue.yaml"
    return own if own.is_file() else APIS.parent.parent / "catalogue.yaml"


def responses(api: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = yaml.safe_load((APIS / api / "responses.yaml").read_text())
    return found


def python_result(error: Any) -> dict[str, Any]:
    """What a Python error holds, in the terms of an expectation."""

    def fields(found: Any) -> list[dict[str, Any]]:
        return [
            {k: v for k, v in vars(f).items() if v is not None and k != "messages"}
            | {"messages": list(f.messages)}
            for f in found
        ]

    def plain(value: Any) -> Any:
        return value.value if hasattr(value, "value") else value

    return {
        "class": type(error).__name__,
        "status": error.status,
        "code": plain(error.code),
        "raw_code": error.raw_code,
        "type": plain(error.type),
        "message": error.message,
        "reference": error.reference,
        "fields": fields(error.fields),
        "extras": dict(error.extras),
        "errors": [
            {
                "code": plain(item.code),
                "raw_code": item.raw_code,
                "type": plain(item.type),
                "message": item.message,
                "fields": fields(item.fields),
                "extras": dict(item.extras),
            }
            for item in error.errors
        ],
    }


NODE_RUNNER = r"""
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const jobs = JSON.parse(readFileSync(process.argv[2], "utf8"));
const clean = (value) => (value === undefined ? null : value);
const fields = (found) => found.map((field) => {
  const result = { name: field.name, messages: [...field.messages] };
  for (const key of ["code", "type", "pointer"]) {
    if (field[key] !== undefined && field[key] !== null) result[key] = field[key];
  }
  return result;
});
const results = {};
for (const job of jobs) {
  const errors = await import(pathToFileURL(job.module).href);
  results[job.api] = job.responses.map((response) => {
    const headers = response.content_type ? { "content-type": response.content_type } : undefined;
    const error = errors.fromResponse(response.status, response.body, headers);
    return {
      class: error.constructor.name,
      status: clean(error.status),
      code: clean(error.code),
      raw_code: clean(error.rawCode),
      type: clean(error.type),
      message: error.message,
      reference: clean(error.reference),
      fields: fields(error.fields),
      extras: { ...error.extras },
      errors: error.errors.map((item) => ({
        code: clean(item.code),
        raw_code: clean(item.rawCode),
        type: clean(item.type),
        message: clean(item.message),
        fields: fields(item.fields),
        extras: { ...item.extras },
      })),
      is_error: errors.errorFor(response.status, response.body, headers) !== undefined,
    };
  });
}
console.log(JSON.stringify(results));
"""


def expected(response: dict[str, Any], language: str) -> dict[str, Any]:
    expect = dict(response["expect"])
    cls = expect.pop("class")
    return {
        "class": cls[language] if isinstance(cls, dict) else cls,
        "status": expect.pop("status", response["status"]),
        "code": expect.pop("code"),
        "raw_code": expect.pop("raw_code"),
        "type": expect.pop("type"),
        "message": expect.pop("message"),
        "reference": expect.pop("reference", None),
        "fields": expect.pop("fields", []),
        "extras": expect.pop("extras", {}),
        "errors": expect.pop("errors", []),
        "is_error": expect.pop("is_error", True),
        **expect,
    }


def fixture_cases(root: Path, api: str) -> list[dict[str, Any]]:
    fixtures = json.loads((root / api / "fixtures" / "conformance.json").read_text())
    return [
        {
            "status": case["status"],
            "content_type": case["content_type"],
            "body": case["body"],
            "expect": {
                "class": case["expect"]["classes"],
                **{
                    key: case["expect"][key]
                    for key in (
                        "code",
                        "raw_code",
                        "type",
                        "message",
                        "reference",
                        "extras",
                    )
                },
                "status": case["expect"]["status"],
                "is_error": case["is_error"],
                "fields": [
                    {k: v for k, v in field.items() if v is not None}
                    for field in case["expect"]["fields"]
                ],
                "errors": [
                    item
                    | {
                        "fields": [
                            {k: v for k, v in field.items() if v is not None}
                            for field in item["fields"]
                        ]
                    }
                    for item in case["expect"]["errors"]
                ],
            },
            "fixture": case["name"],
        }
        for case in fixtures["cases"]
    ]


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every API's responses and fixtures, read by both languages: {api: {language: [...]}}."""
    root = tmp_path_factory.mktemp("apis")
    jobs: dict[str, list[dict[str, Any]]] = {}
    sources: dict[str, list[str]] = {"enum": [], "erasable": []}
    options: dict[str, Any] = {}
    packages: dict[str, tuple[Path, str]] = {}
    for api in FOLDERS:
        files = generator.generate(catalogue(api), ["python", "typescript", "fixtures"])
        write_tree(root / api, files)
        jobs[api] = responses(api) + fixture_cases(root, api)
        tsconfig_text = re.sub(r"^//.*$", "", files["typescript/tsconfig.json"], flags=re.M)
        tsconfig = json.loads(tsconfig_text)
        options = tsconfig["compilerOptions"]
        sources["erasable" if options.get("erasableSyntaxOnly") else "enum"].append(
            f"{api}/typescript/src/index.ts"
        )
        (package,) = {
            path.split("/")[1]
            for path in files
            if path.startswith("python/") and path.endswith(".py")
        }
        packages[api] = (root / api / "python", package)
    for style, files in sources.items():
        if files:
            settings = {**options, "rootDir": ".", "outDir": "dist"}
            settings["erasableSyntaxOnly"] = style == "erasable"
            config = root / f"tsconfig.{style}.json"
            config.write_text(json.dumps({"compilerOptions": settings, "files": files}))
            run(tool("tsc"), "-p", config, timeout=600)
    (root / "dist" / "package.json").write_text('{"type": "module"}\n')
    (root / "package.json").write_text('{"type": "module"}\n')
    job_file = root / "jobs.json"
    job_file.write_text(
        json.dumps(
            [
                {
                    "api": api,
                    "module": str(root / "dist" / api / "typescript" / "src" / "index.js"),
                    "responses": cases,
                }
                for api, cases in jobs.items()
            ]
        )
    )
    (root / "run.mjs").write_text(NODE_RUNNER)
    typescript = json.loads(run(node(), root / "run.mjs", job_file, timeout=600).stdout)
    results: dict[str, Any] = {}
    for api, cases in jobs.items():
        folder, package = packages[api]
        sys.path.insert(0, str(folder))
        try:
            module: ModuleType = importlib.import_module(package)
            python = []
            for case in cases:
                headers = {"Content-Type": case["content_type"]} if case["content_type"] else None
                error = module.from_response(case["status"], case["body"], headers=headers)
                result = python_result(error)
                result["is_error"] = (
                    module.error_for(case["status"], case["body"], headers=headers) is not None
                )
                python.append(result)
        finally:
            sys.path.remove(str(folder))
            for name in [name for name in sys.modules if name.split(".")[0] == package]:
                del sys.modules[name]
        results[api] = {"cases": cases, "python": python, "typescript": typescript[api]}
    return results


def ids() -> list[Any]:
    found = []
    for api in FOLDERS:
        for index, response in enumerate(responses(api)):
            found.append(
                pytest.param(api, index, id=f"{api}-{index}-{response['expect'].get('raw_code')}")
            )
    return found


@pytest.mark.parametrize(("api", "index"), ids())
@pytest.mark.parametrize("language", ["python", "typescript"])
def test_a_real_body_reads_right(api: str, index: int, language: str, read: dict[str, Any]) -> None:
    response = read[api]["cases"][index]
    got = read[api][language][index]
    assert got == expected(response, language), response["source"]


@pytest.mark.parametrize("api", FOLDERS)
def test_each_api_passes_its_own_conformance_fixtures(api: str, read: dict[str, Any]) -> None:
    cases = read[api]["cases"]
    for language in ("python", "typescript"):
        for case, got in zip(cases, read[api][language], strict=True):
            if "fixture" not in case:
                continue
            assert got == expected(case, language), (language, case["fixture"])


@pytest.mark.parametrize("api", FOLDERS)
def test_each_api_has_enough_real_material(api: str) -> None:
    found = responses(api)
    assert len(found) >= 5, "at least five real bodies"
    for response in found:
        assert response["source"], "every body names its source"
    codes = generator.load(catalogue(api)).codes
    assert len(codes) >= min(15, catalogue_minimum(api)), "at least 15 real codes"


def catalogue_minimum(api: str) -> int:
    """How many codes the API has, when fewer than 15 (its folder's README says why)."""
    note = APIS / api / "README.md"
    found = (
        re.search(r"^This API documents (\d+) codes", note.read_text(), re.M)
        if note.exists()
        else None
    )
    return int(found.group(1)) if found else 15


def test_the_python_packages_pass_mypy_strict(tmp_path: Path) -> None:
    for api in FOLDERS:
        files = generator.generate(catalogue(api), ["python"])
        write_tree(tmp_path / api, files)
    packages = [
        path.parent for api in FOLDERS for path in (tmp_path / api / "python").glob("*/__init__.py")
    ]
    assert len({package.name for package in packages}) == len(packages), "package names differ"
    run(PYTHON, "-m", "mypy", "--strict", "--cache-dir", tmp_path / ".mypy", *packages)
