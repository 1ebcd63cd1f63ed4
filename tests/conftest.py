from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

import generator

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "catalogue.yaml"
GENERATED = ROOT / "generated"
NODE_BIN = ROOT / "node_modules" / ".bin"


def catalogue_of(data: Any, shown_as: str = "catalogue.yaml") -> Any:
    """A catalogue given as data, read as the generator reads its file (built-in targets)."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()
    return generator.catalogue.parse(text, shown_as, list(generator.discover().values()))


def text_snapshot(suffix: str) -> type[SingleFileSnapshotExtension]:
    """A syrupy extension storing one snapshot as one file with the real extension."""

    class TextFile(SingleFileSnapshotExtension):
        _write_mode = WriteMode.TEXT
        file_extension = suffix or "txt"

    return TextFile


def snapshot_suffix(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1] if "." in name.lstrip(".") else "txt"


@pytest.fixture(scope="session", autouse=True)
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The command line's caches go to a folder of the test run's, never to ~/.cache."""
    folder = tmp_path_factory.mktemp("cache-home")
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = previous


@pytest.fixture(scope="session", autouse=True)
def kotlin_warm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The Kotlin compiler started, and warmed on generated/kotlin, while the first tests run:
    the Kotlin tests' compilations then take less time (see tests/kotlinc.py). Stopped at the
    end, whatever it was doing."""
    import kotlinc

    # Not in a worker of several (pytest -n): one that runs no Kotlin test would warm it for
    # nothing, on a core another worker needs.
    alone = "PYTEST_XDIST_WORKER" not in os.environ
    compiler = kotlinc.COMPILER / "lib" / "kotlin-compiler.jar"
    if alone and shutil.which("java") and compiler.exists():
        kotlinc.warm(tmp_path_factory.mktemp("kotlin-warm"))
    yield
    kotlinc.stop()


@pytest.fixture(scope="session")
def files() -> dict[str, str]:
    """What the repository's catalogue generates, rendered in memory."""
    return generator.generate(CATALOGUE)


def tool(name: str) -> str:
    """A command from the project's pinned npm toolchain."""
    path = NODE_BIN / name
    if not path.exists():
        pytest.fail(f"{path} is missing: run `npm ci` (the README's test command does)")
    return str(path)


def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.fail("node is not installed")
    return found


def run(
    *command: str | Path,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    check: bool = True,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        pytest.fail(
            f"{' '.join(map(str, command))} exited {result.returncode}\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result


# The strict flags every generated tsconfig.json sets, which tests compile under.
STRICT_FLAGS = (
    "strict",
    "isolatedModules",
    "verbatimModuleSyntax",
    "exactOptionalPropertyTypes",
    "noUncheckedIndexedAccess",
    "noImplicitOverride",
)


def tsconfig(text: str) -> dict[str, Any]:
    """A generated tsconfig.json as data: its first lines are // comments, which JSON has not."""
    found: dict[str, Any] = json.loads(re.sub(r"^//.*$", "", text, flags=re.M))
    return found


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    return root


PYTHON = sys.executable


def assert_no_stale_snapshots(module: str, test: str, cases: dict[str, str]) -> None:
    """The snapshot folder holds exactly one file per case ({test id: generated path}).
    Syrupy does not see unused snapshots of extensions chosen per case, so this does."""
    folder = Path(__file__).parent / "__snapshots__" / module
    expected = {f"{test}[{case}].{snapshot_suffix(path)}" for case, path in cases.items()}
    assert {path.name for path in folder.iterdir()} == expected
