"""Test cases as data: each folder under tests/cases holds a catalogue.yaml and either
expected_error.txt (the exact stderr of the generator, which must exit 2 and write nothing)
or nothing else (the catalogue must generate; its files are snapshotted), or same_output_as.txt
naming another case whose output it must give byte for byte (instead of snapshots of its own).
A case may also hold templates/ (passed as --templates) and targets.txt (the targets to
generate, one per line; by default all)."""

from __future__ import annotations

import functools
import io
import json
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import black
import golang
import kotlinc
import pytest
import yaml
from conftest import (
    PYTHON,
    assert_no_stale_snapshots,
    run,
    snapshot_suffix,
    text_snapshot,
    tool,
    tsconfig,
    write_tree,
)

import generator
from generator import cli, render
from generator.target import python

CASES = Path(__file__).parent / "cases"
INVALID = sorted(p.name for p in CASES.iterdir() if (p / "expected_error.txt").exists())
VALID = sorted(p.name for p in CASES.iterdir() if p.is_dir() and p.name not in INVALID)
SAME = {
    case: (CASES / case / "same_output_as.txt").read_text(encoding="utf-8").strip()
    for case in VALID
    if (CASES / case / "same_output_as.txt").exists()
}


def templates(case: str) -> list[Path]:
    folder = CASES / case / "templates"
    return [folder] if folder.is_dir() else []


def chosen_targets(case: str) -> list[str] | None:
    listed = CASES / case / "targets.txt"
    return listed.read_text(encoding="utf-8").split() if listed.exists() else None


def run_cli(case: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.chdir(case)
    arguments = ["--catalogue", "catalogue.yaml", "--out", str(out)]
    arguments += [f"--templates={folder}" for folder in templates(case.name)]
    arguments += [f"--target={target}" for target in chosen_targets(case.name) or ()]
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        code = cli.main(arguments)
    return code, stdout.getvalue(), stderr.getvalue()


@pytest.mark.parametrize("case", INVALID)
def test_invalid_catalogue(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(CASES / case, out, monkeypatch)
    expected = (CASES / case / "expected_error.txt").read_text(encoding="utf-8")
    assert stderr == expected
    assert code == 2
    assert stdout == ""
    assert "Traceback" not in stderr
    assert not out.exists(), "nothing may be written for a bad catalogue"
    for line in stderr.splitlines()[:-1]:
        assert line.startswith("catalogue.yaml:") and ": error: " in line


@functools.cache
def generated(case: str) -> dict[str, str]:
    return generator.generate(
        CASES / case / "catalogue.yaml", chosen_targets(case), templates(case)
    )


# Files copied as they are from the built-in templates (the runtimes, the fixtures' schema) are
# the same for every catalogue: generated/ holds them once, so cases do not snapshot them.
VERBATIM = {
    path.read_text(encoding="utf-8")
    for path in render.builtin_templates().rglob("*")
    if path.is_file() and path.suffix != ".jinja" and "__pycache__" not in path.parts
}


def case_outputs() -> list[tuple[str, str]]:
    return [
        (case, path)
        for case in VALID
        if case not in SAME
        for path, text in generated(case).items()
        if text not in VERBATIM
    ]


@pytest.mark.parametrize(
    ("case", "path"),
    [pytest.param(*pair, id=f"{pair[0]}--{pair[1].replace('/', '--')}") for pair in case_outputs()],
)
def test_valid_catalogue_output(case: str, path: str, snapshot) -> None:  # type: ignore[no-untyped-def]
    assert generated(case)[path] == snapshot(extension_class=text_snapshot(snapshot_suffix(path)))


def test_no_stale_snapshots() -> None:
    cases = {f"{case}--{path.replace('/', '--')}": path for case, path in case_outputs()}
    assert_no_stale_snapshots("test_cases", "test_valid_catalogue_output", cases)


@pytest.mark.parametrize("case", sorted(SAME))
def test_valid_catalogue_gives_the_same_output_as_another(case: str) -> None:
    assert generated(case) == generated(SAME[case])


@pytest.mark.parametrize("case", VALID)
def test_valid_catalogue_writes(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, stdout, stderr = run_cli(CASES / case, tmp_path / "out", monkeypatch)
    assert (code, stderr) == (0, "")
    assert stdout.count("wrote") == len(generated(case))


def test_valid_catalogues_pass_each_toolchain(tmp_path: Path) -> None:
    """Every valid case's Python is in black's layout and passes mypy --strict, its
    TypeScript compiles under the strict settings it ships with, its Go is gofmt's and
    passes go vet, and its docs pass
    markdownlint and build with mkdocs --strict (every anchor a link names is on its page):
    one run of each tool."""
    kotlin = kotlinc.BACKGROUND.submit(kotlin_compiles, tmp_path / "kotlin")  # meanwhile
    packages, sources = tmp_path / "python", {"enum": [], "erasable": []}
    options: dict[str, object] = {}
    pages: dict[str, str] = {}
    site: dict[str, object] = {}
    for case in VALID:
        files = generated(case)
        write_tree(tmp_path / case, files)
        if "docs/pages/index.md" in files:
            pages[f"{case}.md"] = files["docs/pages/index.md"]
            site = yaml.safe_load(files["docs/mkdocs.yml"])
        for path, text in files.items():
            if path.endswith(".py"):
                assert black.format_str(text, mode=python.black_mode()) == text, case
                # Each package under a name of its own, so that one mypy run takes them all.
                write_tree(packages / case.replace("-", "_"), {Path(path).name: text})
        if "typescript/tsconfig.json" not in files:
            continue
        options = tsconfig(files["typescript/tsconfig.json"])["compilerOptions"]
        style = "erasable" if options.get("erasableSyntaxOnly") else "enum"
        sources[style].append(f"{case}/typescript/src/index.ts")
    # Deprecated classes are reported wherever they are used, but never inside a package.
    run(
        PYTHON,
        "-m",
        "mypy",
        "--strict",
        "--enable-error-code",
        "deprecated",
        "--cache-dir",
        tmp_path / ".mypy",
        packages,
    )
    for style, files in sources.items():
        config = tmp_path / f"tsconfig.{style}.json"
        settings = {**options, "rootDir": ".", "noEmit": True}
        settings["erasableSyntaxOnly"] = style == "erasable"
        config.write_text(json.dumps({"compilerOptions": settings, "files": files}))
        if files:
            run(tool("tsc"), "-p", config)
    # Every case's Go package in one module: gofmt has nothing to change, go vet nothing to
    # say, and each go.mod asks for no Go newer than the pinned toolchain.
    go_cases = [case for case in VALID if "go/go.mod" in generated(case)]
    assert go_cases, "a case generates Go"
    for case in go_cases:
        wanted = re.search(r"(?m)^go (\d+)\.(\d+)$", generated(case)["go/go.mod"])
        assert wanted and tuple(map(int, wanted.groups())) <= golang.version(), case
    go_module = tmp_path / "go"
    golang.write_module(
        go_module, "cases.test", {c.replace("-", ""): generated(c) for c in go_cases}
    )
    golang.assert_gofmt_clean(go_module)
    golang.run_go("vet", "./...", cwd=go_module)
    kotlin.result()
    run(tool("markdownlint-cli2"), "*/docs/pages/**/*.md", cwd=tmp_path)
    # One site of every case's page, as the generated mkdocs.yml configures it. Not --quiet,
    # which keeps warnings from the count that --strict aborts on (mkdocs/mkdocs#4126).
    assert "lifecycle.md" in pages
    site["nav"] = [{name.removesuffix(".md"): name} for name in pages]
    write_tree(tmp_path / "site", {f"pages/{name}": text for name, text in pages.items()})
    (tmp_path / "site" / "mkdocs.yml").write_text(yaml.safe_dump(site), encoding="utf-8")
    run(
        PYTHON,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--site-dir",
        tmp_path / "site" / "out",
        cwd=tmp_path / "site",
    )


# What a user of the kotlin-binding case's package is warned of: each deprecated class, code,
# type, previous name and extra it uses, and nothing else (inside the package, nothing).
KOTLIN_USER = """package user

import com.acme.errors.AcmeError
import com.acme.errors.ErrorCode
import com.acme.errors.ErrorType
import com.acme.errors.LegacyError
import com.acme.errors.NotFoundError
import com.acme.errors.UserIdMissingError

fun use(error: AcmeError): List<Any?> = listOf(
    NotFoundError(),
    ErrorCode.NotFound,
    ErrorType.Legacy,
    LegacyError(),
    UserIdMissingError(),
    error.docUrl,
    error.retryIn,
)
"""
# (UserIdMissingError, a typealias, is reported as the constructor of the class it names.)
KOTLIN_WARNED = ["NotFoundError", "NotFound", "Legacy", "LegacyError", "NoUserError", "docUrl"]


def kotlin_compiles(root: Path) -> None:
    """Every case's Kotlin compiles with warnings as errors (one kotlinc run, deprecations
    aside): what the package itself uses it never warns of, and its user is warned of each
    deprecated name (KOTLIN_USER)."""
    kotlin_cases = {
        case: files
        for case, files in ((c, generated(c)) for c in VALID)
        if any(path.startswith(kotlinc.SOURCE_ROOT) for path in files)
    }
    assert "kotlin-binding" in kotlin_cases
    root.mkdir()
    sources: list[Path] = []
    for case, files in kotlin_cases.items():
        tree = {p: t for p, t in files.items() if p.startswith(kotlinc.SOURCE_ROOT)}
        if case != "kotlin-binding":  # moved apart: cases may share a package
            package = kotlinc.package_of(files)
            tree = {
                p: kotlinc.renamed(t, package, f"c{len(sources)}.{package}")
                for p, t in tree.items()
            }
        write_tree(root / case, tree)
        sources += [root / case / path for path in tree]
    (root / "User.kt").write_text(KOTLIN_USER)
    # Against Java 8's API, the oldest a catalogue's jvm_target may name (and what Android
    # offers); the harness runs the packages on JDK 17.
    _, diagnostics = kotlinc.compile_sources(
        [*sources, root / "User.kt"],
        root / "classes",
        jvm_target="1.8",
        options=("-Xjdk-release=1.8", "-Xwarning-level=DEPRECATION:warning"),
    )
    warned = [line for line in diagnostics.splitlines() if "warning:" in line]
    assert all(line.startswith(f"{root / 'User.kt'}:") for line in warned), warned
    said = [re.search(r"warning: '(?:constructor\(.*?\): |val )(\w+)", line) for line in warned]
    assert [
        found.group(1) if found else line for found, line in zip(said, warned, strict=True)
    ] == KOTLIN_WARNED
