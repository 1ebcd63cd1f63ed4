"""The usage probes: clients written against the format 1 bindings (c35ff8a), checked against
the committed generated/ bindings.

tests/probe/usage_probe.py and tests/probe/usage_probe.ts use every public name of the format 1
Python package and TypeScript module the way a client would (imports, constructors, from_response
with text, bytes and parsed bodies, raise_for_response, lookup, catching by base, type and code
class, every attribute, enum members, class attributes, guards, exhaustive switches) and give
every value read from them the type format 1 declared. That they type check (mypy --strict,
pyright strict, tsc under the generated tsconfig's strict flags) proves the bindings' public
names, signatures and types are unchanged or only widened; that they run proves the bindings
still behave so. Each line the probes had to change for a widening says so in a comment
("widened in format 2: ..."), so the probes list exactly what changed. Nothing is generated here.

tests/typing/ holds what the type checkers must make of the classes: narrowing (a code class's
code is its literal), classes that are not interchangeable, read-only codes, streams refused as
bodies. Its files are checked in the same runs, with every unused `# type: ignore` and
`@ts-expect-error` an error, so each expected error must really be one. The README's
"Handling errors" examples run too (the TypeScript one compiled in the same tsc run), each
printing what its `prints:` comments say.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import golang
import kotlinc
import pytest
from conftest import GENERATED, PYTHON, ROOT, STRICT_FLAGS, node, run, tool, tsconfig, write_tree

import generator

PROBES = Path(__file__).parent / "probe"
PYTHON_PROBE = PROBES / "usage_probe.py"
TYPESCRIPT_PROBE = PROBES / "usage_probe.ts"
TYPING = Path(__file__).parent / "typing"
PYTHON_TYPING = TYPING / "narrowing.py"
PYTHON_DEPRECATIONS = TYPING / "deprecations.py"
TYPESCRIPT_TYPING = TYPING / "narrowing.ts"
PACKAGE = GENERATED / "python"
MODULE = GENERATED / "typescript"
README = ROOT / "README.md"


def readme_example(language: str, heading: str = "Handling errors") -> str:
    """The README's example in a language under a heading, which says what it prints."""
    text = README.read_text(encoding="utf-8")
    section = text.split(f"\n### {heading}\n", 1)[1].split("\n### ", 1)[0]
    found = re.search(rf"^```{language}\n(.*?)^```$", section, re.M | re.S)
    assert found, f"the README shows no {language} example of handling errors"
    return found.group(1)


def printed(source: str, marker: str) -> str:
    lines = [line.split(marker, 1)[1].strip() for line in source.splitlines() if marker in line]
    assert len(lines) >= 2, "the example says what it prints"
    return "".join(f"{line}\n" for line in lines)


@pytest.fixture(scope="module")
def lifecycle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Python package of the catalogue that deprecates, renames and removes codes."""
    out = tmp_path_factory.mktemp("lifecycle")
    catalogue = ROOT / "tests" / "cases" / "lifecycle" / "catalogue.yaml"
    write_tree(out, generator.generate(catalogue, ["python"]))
    return out / "python"


def test_python_probe_passes_mypy_strict(tmp_path: Path, lifecycle: Path) -> None:
    # The lifecycle package is named on the command line so that mypy reports inside it too.
    run(
        PYTHON,
        "-m",
        "mypy",
        "--strict",
        "--warn-unused-ignores",
        "--enable-error-code",
        "deprecated",
        "--python-version",
        "3.10",
        "--cache-dir",
        tmp_path / "cache",
        PYTHON_PROBE,
        PYTHON_TYPING,
        PYTHON_DEPRECATIONS,
        lifecycle / "acme_errors",
        cwd=tmp_path,
        env={"MYPYPATH": str(PACKAGE)},
    )


def test_python_probe_passes_pyright_strict(tmp_path: Path, lifecycle: Path) -> None:
    config = tmp_path / "pyrightconfig.json"
    config.write_text(
        json.dumps(
            {
                "typeCheckingMode": "strict",
                "pythonVersion": "3.10",
                "extraPaths": [str(PACKAGE), str(lifecycle)],
                "reportUnnecessaryTypeIgnoreComment": "error",
                "reportDeprecated": "error",
            }
        )
    )
    package = sorted((lifecycle / "acme_errors").glob("*.py"))
    result = run(
        tool("pyright"),
        "--project",
        config,
        "--outputjson",
        PYTHON_PROBE,
        PYTHON_TYPING,
        PYTHON_DEPRECATIONS,
        *package,
        check=False,
    )
    report = json.loads(result.stdout)
    assert report["summary"]["errorCount"] == 0, result.stdout
    assert report["summary"]["filesAnalyzed"] == 3 + len(package), result.stdout


def test_python_probe_runs() -> None:
    result = run(PYTHON, PYTHON_PROBE, env={"PYTHONPATH": str(PACKAGE)})
    assert result.stdout == "usage probe: 23 names, 16 classes: ok\n", result.stdout
    result = run(PYTHON, PYTHON_TYPING, env={"PYTHONPATH": str(PACKAGE)})
    assert result.stdout == "typing: ok\n", result.stdout
    for heading in ("Handling errors", "Answering with errors"):
        example = readme_example("python", heading)
        result = run(PYTHON, "-c", example, env={"PYTHONPATH": str(PACKAGE)})
        assert result.stdout == printed(example, "# prints: "), heading


def test_typescript_probe_compiles_under_strict_flags_and_runs(tmp_path: Path) -> None:
    # The probe imports ./bindings/index.ts: a copy of the module's sources next to it.
    shutil.copytree(MODULE / "src", tmp_path / "src" / "bindings")
    shutil.copy(TYPESCRIPT_PROBE, tmp_path / "src")
    shutil.copy(TYPESCRIPT_TYPING, tmp_path / "src")
    package = json.loads((MODULE / "package.json").read_text())["name"]
    examples = {}
    # The generated tsconfig's lib has no DOM and no Node types: the examples use fetch,
    # Response and node:http.
    for name, heading, prelude in (
        ("handling", "Handling errors", '/// <reference lib="dom" />\n'),
        ("answering", "Answering with errors", '/// <reference types="node" />\n'),
    ):
        example = examples[name] = readme_example("ts", heading)
        assert f'from "{package}";' in example
        (tmp_path / "src" / f"{name}.ts").write_text(
            prelude + example.replace(f'from "{package}";', 'from "./bindings/index.ts";')
        )
    config = tsconfig((MODULE / "tsconfig.json").read_text())
    options = config["compilerOptions"]
    assert all(options[flag] is True for flag in STRICT_FLAGS)
    options.update({"rootDir": "src", "outDir": "dist", "declaration": False})
    options["typeRoots"] = [str(ROOT / "node_modules" / "@types")]
    (tmp_path / "tsconfig.json").write_text(json.dumps({**config, "include": ["src"]}))
    (tmp_path / "package.json").write_text('{"type": "module"}\n')
    run(tool("tsc"), "-p", tmp_path / "tsconfig.json")
    result = run(node(), tmp_path / "dist" / "usage_probe.js", cwd=tmp_path)
    assert result.stdout == "usage probe: 27 values, 16 classes: ok\n", result.stdout
    result = run(node(), tmp_path / "dist" / "narrowing.js", cwd=tmp_path)
    assert result.stdout == "typing: ok\n", result.stdout
    for name, example in examples.items():
        result = run(node(), tmp_path / "dist" / f"{name}.js", cwd=tmp_path)
        assert result.stdout == printed(example, "// prints: "), name


def test_go_readme_example_runs(tmp_path: Path) -> None:
    """The README's Go example, in gofmt's layout, builds against the committed generated/go
    (go vet clean) and prints what its `prints:` comments say."""
    example = readme_example("go", "In Go")
    module = re.search(r"(?m)^module (\S+)$", (GENERATED / "go" / "go.mod").read_text())
    assert module, "generated/go/go.mod names its module"
    (tmp_path / "main.go").write_text(example, encoding="utf-8")
    (tmp_path / "go.mod").write_text(
        f"module example.test/readme\n\ngo 1.21\n\nrequire {module.group(1)} v0.0.0\n\n"
        f"replace {module.group(1)} => {GENERATED / 'go'}\n"
    )
    golang.assert_gofmt_clean(tmp_path)
    golang.run_go("vet", ".", cwd=tmp_path)
    result = golang.run_go("run", ".", cwd=tmp_path)
    assert result.stdout == printed(example, "// prints: ")


def test_kotlin_readme_example_runs(tmp_path: Path) -> None:
    """The README's Kotlin example compiles against the committed generated/kotlin with
    warnings as errors (its `when` over the types needs no `else`) and prints what its
    `prints:` comments say."""
    example = readme_example("kotlin", "In Kotlin")
    (tmp_path / "Main.kt").write_text(example, encoding="utf-8")
    sources = sorted((GENERATED / "kotlin").rglob("*.kt"))
    kotlinc.compile_sources([*sources, tmp_path / "Main.kt"], tmp_path / "classes")
    classpath = os.pathsep.join([str(tmp_path / "classes"), str(kotlinc.stdlib())])
    result = run(kotlinc.java(), "-cp", classpath, "MainKt", cwd=tmp_path)
    assert result.stdout == printed(example, "// prints: ")
