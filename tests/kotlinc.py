"""The Kotlin toolchain as the tests use it: the compiler of the pinned npm package
kotlin-compiler, kept warm in one JVM for the session (tests/kotlin/CompileServer.java) on the
machine's JDK (a clear failure when `java` is missing, never a skip); and the harness that
compiles every generated Kotlin package of a test in one compilation and drives them in one JVM
(tests/kotlin/Harness.kt)."""

from __future__ import annotations

import atexit
import concurrent.futures
import difflib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import GENERATED, ROOT, run

HERE = Path(__file__).parent / "kotlin"
COMPILER = ROOT / "node_modules" / "kotlin-compiler"
# The harness's own sources; the runtime's tests join them when a run checks the runtime.
HARNESS = ("Harness.kt",)
SOURCE_ROOT = "kotlin/src/main/kotlin/"


def java() -> str:
    found = shutil.which("java")
    if found is None:
        pytest.fail("`java` is missing: the Kotlin tests need a JDK 17 or newer on the PATH")
    return found


def require() -> None:
    """The compiler and java are there, or the test fails saying how to get them."""
    jar = COMPILER / "lib" / "kotlin-compiler.jar"
    if not jar.exists():
        pytest.fail(f"{jar} is missing: run `npm ci` (the README's test command does)")
    java()


def stdlib() -> Path:
    return COMPILER / "lib" / "kotlin-stdlib.jar"


class _Server:
    """tests/kotlin/CompileServer.java: kotlinc kept warm for the session."""

    process: subprocess.Popen[str] | None = None

    @classmethod
    def compile(cls, arguments: list[str], request: Path) -> tuple[int, str]:
        if cls.process is None or cls.process.poll() is not None:
            jar = COMPILER / "lib" / "kotlin-compiler.jar"
            # C1 alone: a quarter quicker over a session's few compilations than C2's warming.
            cls.process = subprocess.Popen(
                [
                    java(),
                    "-Xmx2g",
                    "-Xss8m",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:ReservedCodeCacheSize=512m",
                    "-Xlog:disable",
                    "-Xlog:all=warning:stderr",
                    "-cp",
                    str(jar),
                    str(HERE / "CompileServer.java"),
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                cwd=ROOT,
            )
            atexit.register(cls.process.kill)
        assert cls.process.stdin is not None and cls.process.stdout is not None
        request.write_text("\n".join(arguments) + "\n")
        cls.process.stdin.write(f"{request}\n")
        cls.process.stdin.flush()
        answer = ""
        while not answer.startswith("exit "):  # what else the JVM may print, it goes past
            answer = cls.process.stdout.readline()
            if not answer:
                cls.process = None
                pytest.fail("the Kotlin compile server stopped (tests/kotlin/CompileServer.java)")
        said = Path(f"{request}.out").read_text(encoding="utf-8")
        return int(answer.split()[1]), said


# Compilations run one at a time, beside whatever the test does meanwhile (tsc, go, mypy):
# start one early, ask for its result late.
BACKGROUND = concurrent.futures.ThreadPoolExecutor(max_workers=1)


def compile_sources(
    sources: list[Path],
    out: Path,
    jvm_target: str = "17",
    check: bool = True,
    options: tuple[str, ...] = (),
) -> tuple[int, str]:
    """One compilation, warnings as errors: (exit code, diagnostics, with absolute paths)."""
    require()
    arguments = [
        "-Werror",
        *options,
        "-jvm-target",
        jvm_target,
        "-kotlin-home",
        str(COMPILER),
        "-Xrender-internal-diagnostic-names=false",
        "-d",
        str(out),
        *(str(source.resolve()) for source in sources),
    ]
    code, said = _Server.compile(arguments, out.parent / f"{out.name}.arguments")
    if check and code != 0:
        pytest.fail(f"kotlinc failed ({code}):\n{said[-20000:]}")
    return code, said


def stop() -> None:
    if _Server.process is not None:
        _Server.process.kill()


def warm(folder: Path) -> None:
    """A first compilation in the background (of generated/kotlin): the compiler's start and
    its warming, while the tests before the Kotlin ones run."""
    sources = sorted((GENERATED / "kotlin").rglob("*.kt"))
    BACKGROUND.submit(compile_sources, sources, folder / "classes", check=False)


def package_of(files: dict[str, str]) -> str:
    (found,) = {
        match.group(1)
        for path, text in files.items()
        if path.endswith("/Errors.kt") and path.startswith(SOURCE_ROOT)
        for match in [re.search(r"^package ([\w.]+)$", text, re.MULTILINE)]
        if match
    }
    return found


def base_of(files: dict[str, str]) -> str:
    errors = next(text for path, text in files.items() if path.endswith("/Errors.kt"))
    match = re.search(r"^sealed class (\w+) ", errors, re.MULTILINE)
    assert match, "no sealed base class"
    return match.group(1)


def renamed(text: str, package: str, to: str) -> str:
    """A generated file with its package (and its imports of it) moved to another: two
    catalogues of a run may share a package."""
    pattern = rf"^(package|import) {re.escape(package)}(?=[.\s])"
    return re.sub(pattern, rf"\1 {to}", text, flags=re.MULTILINE)


# The runtime every package of a run shares (as the Go harness shares one internal/wire): it
# is the same file in every package, and internal, so one module holds one copy. Its own tests
# are in its package.
RUNTIME_PACKAGE = "t0.errors"


def write_packages(root: Path, packages: dict[str, dict[str, str]]) -> tuple[list[Path], str]:
    """Each catalogue's Kotlin files under root/bindings/, renamed k<N>.<package>, with an
    adapter for the harness, and one copy of the runtime: the sources, and Registry.kt's
    text."""
    sources: list[Path] = []
    registry = []
    runtimes = set()
    for index, (name, files) in enumerate(packages.items()):
        package = package_of(files)
        moved = f"k{index}.{package}"
        folder = root / "bindings" / f"k{index}"
        for path, text in files.items():
            if not (path.startswith(SOURCE_ROOT) and path.endswith(".kt")):
                continue
            if path.endswith("/wire/Wire.kt"):
                header, body = text.split("\n", 1)
                assert header.startswith("// "), path
                runtimes.add(renamed(body, package, RUNTIME_PACKAGE))
                continue
            target = folder / path.removeprefix(SOURCE_ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            text = renamed(text, f"{package}.wire", f"{RUNTIME_PACKAGE}.wire")
            target.write_text(renamed(text, package, moved))
            sources.append(target)
        adapter = (HERE / "Adapter.kt").read_text()
        adapter = adapter.replace("__PACKAGE__", moved).replace("__BASE__", base_of(files))
        (folder / "HarnessAdapter.kt").write_text(adapter)
        sources.append(folder / "HarnessAdapter.kt")
        registry.append(f"    {json.dumps(name)} to {moved}.HarnessAdapter,")
    # The same in every package, its header aside.
    first, *others = sorted(runtimes)
    for other in others:
        difference = difflib.unified_diff(first.splitlines(True), other.splitlines(True))
        raise AssertionError("the runtimes differ:\n" + "".join(difference))
    (root / "bindings" / "Wire.kt").write_text(first)
    sources.append(root / "bindings" / "Wire.kt")
    text = "package harness\n\nval registry: Map<String, Binding> = mapOf(\n"
    return sources, text + "\n".join(registry) + "\n)\n"


RUNTIME_TESTS = ("WireTest.kt", "WirePython.kt")
NO_RUNTIME_CHECKS = (
    "package harness\n\nfun runtimeChecks(root: java.io.File): List<String> = "
    "emptyList<String>().also { check(root.exists()) }\n"
)
RUNTIME_CHECKS = """package harness

fun runtimeChecks(root: java.io.File): List<String> =
    t0.errors.wire.wireTests() + t0.errors.wire.againstPython(java.io.File(root, "cases.json").path)
"""


class Harness:
    """Every Kotlin package of a test run, compiled with the harness in one kotlinc run."""

    def __init__(
        self, root: Path, packages: dict[str, dict[str, str]], against_python: bool = False
    ) -> None:
        """against_python: the runtime's table tests run too, and it is checked against
        Python's on random, hostile responses (tests/runtime_cases.py): once a session."""
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        sources, registry = write_packages(root, packages)
        self.bindings = [path for path in sources if path.name != "HarnessAdapter.kt"]
        self.packages = {
            name: f"k{index}.{package_of(files)}"
            for index, (name, files) in enumerate(packages.items())
        }
        (root / "Registry.kt").write_text(registry)
        checks = root / "Checks.kt"
        checks.write_text(RUNTIME_CHECKS if against_python else NO_RUNTIME_CHECKS)
        self.sources = [*sources, root / "Registry.kt", checks, *(HERE / n for n in HARNESS)]
        if against_python:
            import bindings  # which imports this module
            import runtime_cases

            python = (GENERATED / "python", "qonversion_errors")
            bindings.in_python(
                python, lambda module: runtime_cases.write(root / "cases.json", module)
            )
            self.sources += [HERE / name for name in RUNTIME_TESTS]
        self.classes = root / "classes"

    def refused(self, probes: dict[str, str]) -> dict[str, list[int]]:
        """Probes, {name: Kotlin source using BINDING, the package of that name}, compiled
        with the packages in one kotlinc run (any error stops kotlinc writing classes, so
        nothing of it runs): the lines each has errors on. A warning (a deprecation, a check
        always true) refuses nothing."""
        folder = self.root / "probes"
        folder.mkdir()
        paths = []
        for name, text in probes.items():
            paths.append(folder / f"{name}.kt")
            paths[-1].write_text(text.replace("BINDING", self.packages[name]))
        _, diagnostics = compile_sources(
            [*self.bindings, *paths], self.root / "probed", check=False, options=("-nowarn",)
        )
        found: dict[str, list[int]] = {name: [] for name in probes}
        for line in diagnostics.splitlines():
            said = re.search(r"probes/(\w+)\.kt:(\d+):\d+: error:", line)
            if said:
                found[said.group(1)].append(int(said.group(2)))
            else:
                assert ": error:" not in line and not line.startswith("error:"), line
        return found

    def start(
        self, probes: dict[str, str] | None = None
    ) -> concurrent.futures.Future[dict[str, list[int]]]:
        """The compilation begun in the background: the probes' (see refused) when given,
        else the harness's (see compile); its result is the probes' refused lines."""
        if probes:
            return BACKGROUND.submit(self.refused, probes)
        return BACKGROUND.submit(lambda: (self.compile(), {})[1])

    def compile(self) -> None:
        compile_sources(self.sources, self.classes)

    def run(self, jobs: list[dict[str, Any]]) -> dict[str, Any]:
        (self.root / "jobs.json").write_text(json.dumps(jobs))
        classpath = os.pathsep.join([str(self.classes), str(stdlib())])
        result = run(
            java(),
            "-Xss16m",
            # The JDK's HTTP server waits for an ACK between a response's head and its body
            # (Nagle's algorithm) unless told: 20 ms a response over loopback.
            "-Dsun.net.httpserver.nodelay=true",
            "-cp",
            classpath,
            "harness.HarnessKt",
            self.root,
            cwd=self.root,
            check=False,
            timeout=600,
        )
        assert result.returncode == 0, result.stderr[-5000:]
        results: dict[str, Any] = json.loads((self.root / "results.json").read_text())
        return results
