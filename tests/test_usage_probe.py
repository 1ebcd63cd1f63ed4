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
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import GENERATED, PYTHON, node, run, tool

PROBES = Path(__file__).parent / "probe"
PYTHON_PROBE = PROBES / "usage_probe.py"
TYPESCRIPT_PROBE = PROBES / "usage_probe.ts"
PACKAGE = GENERATED / "python"
MODULE = GENERATED / "typescript"
# The generated tsconfig's strict flags, which the probe is compiled under.
STRICT_FLAGS = (
    "strict",
    "isolatedModules",
    "verbatimModuleSyntax",
    "exactOptionalPropertyTypes",
    "noUncheckedIndexedAccess",
    "noImplicitOverride",
)


def test_python_probe_passes_mypy_strict(tmp_path: Path) -> None:
    run(
        PYTHON,
        "-m",
        "mypy",
        "--strict",
        "--python-version",
        "3.10",
        "--cache-dir",
        tmp_path / "cache",
        PYTHON_PROBE,
        cwd=tmp_path,
        env={"MYPYPATH": str(PACKAGE)},
    )


def test_python_probe_passes_pyright_strict(tmp_path: Path) -> None:
    config = tmp_path / "pyrightconfig.json"
    config.write_text(
        json.dumps(
            {"typeCheckingMode": "strict", "pythonVersion": "3.10", "extraPaths": [str(PACKAGE)]}
        )
    )
    result = run(tool("pyright"), "--project", config, "--outputjson", PYTHON_PROBE, check=False)
    report = json.loads(result.stdout)
    assert report["summary"]["errorCount"] == 0, result.stdout
    assert report["summary"]["filesAnalyzed"] == 1, result.stdout


def test_python_probe_runs() -> None:
    result = run(PYTHON, PYTHON_PROBE, env={"PYTHONPATH": str(PACKAGE)})
    assert result.stdout == "usage probe: 23 names, 16 classes: ok\n", result.stdout


def test_typescript_probe_compiles_under_strict_flags_and_runs(tmp_path: Path) -> None:
    # The probe imports ./bindings/index.ts: a copy of the module's sources next to it.
    shutil.copytree(MODULE / "src", tmp_path / "src" / "bindings")
    shutil.copy(TYPESCRIPT_PROBE, tmp_path / "src")
    config = json.loads(
        "\n".join(
            line
            for line in (MODULE / "tsconfig.json").read_text().splitlines()
            if not line.startswith("//")
        )
    )
    options = config["compilerOptions"]
    assert all(options[flag] is True for flag in STRICT_FLAGS)
    options.update({"rootDir": "src", "outDir": "dist", "declaration": False})
    (tmp_path / "tsconfig.json").write_text(json.dumps({**config, "include": ["src"]}))
    (tmp_path / "package.json").write_text('{"type": "module"}\n')
    run(tool("tsc"), "-p", tmp_path / "tsconfig.json")
    result = run(node(), tmp_path / "dist" / "usage_probe.js", cwd=tmp_path)
    assert result.stdout == "usage probe: 27 values, 16 classes: ok\n", result.stdout
