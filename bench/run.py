"""Benchmark the generator as users run it, against a baseline commit, in alternating pairs.

    python bench/run.py [--sizes 10,1000,10000,100000] [--against COMMIT] [--pairs N]
                        [--quick] [--no-compilers] [--update-readme]

Every comparison is timed as whole processes, in pairs that alternate which side runs first
(old, new, new, old, ...), so that whatever else loads the machine falls on both sides alike.
A row gives each side's median wall time, CPU time (the process and the children it waited
for, such as the generator's render workers) and, for generating, peak memory; then the
median of the per-pair ratios new/old with their interquartile range. The goals are met or
missed on those medians.

The baseline is commit 89eb4c8 unless --against names another: it is checked out in a
temporary git worktree (always removed), and both sides run with this interpreter, from their
own folder, with a cache folder each (XDG_CACHE_HOME) warmed by one untimed run, so both have
their templates compiled and their .pyc files written. The synthetic catalogues are the
baseline's catalogue.yaml with its codes replaced, so that both sides read the same ones;
"all targets" are the four the baseline knows. Go and Kotlin are opt-in and measured on
this tree only, as are the type checkers.

Importing the generated Python package is measured against the plain dict module of
bench/plain.py, and loading the compiled TypeScript module against the plain object literal
of bench/plain_typescript.py.

`make bench` installs what it compares with and runs this; --quick is for working on it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import plain  # bench/: the plain modules the bindings' load is measured against
import plain_typescript
import yaml

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
QUICKTYPE = ROOT / "bench" / "node_modules" / ".bin" / "quicktype"
DATAMODEL = Path(PYTHON).parent / "datamodel-codegen"
NODE_BIN = ROOT / "node_modules" / ".bin"
BASELINE = "89eb4c8"
TARGETS = ("python", "typescript", "docs", "fixtures")
# The generator as a user runs it, from the folder of the tree it belongs to.
GENERATOR: list[str | Path] = [PYTHON, "-m", "generator", "-q"]
# Each code of a synthetic catalogue takes its type and status in turn from these.
KINDS = (("request", "400"), ("resource", "404"), ("logical", "422"), ("internal", "5xx"))
# How often the launcher samples the memory of a process tree it measures.
POLL_MS = 5


def synthetic_codes(size: int) -> dict[str, dict[str, Any]]:
    """`size` codes, each taking its type and status in turn from KINDS."""
    codes = {}
    for index in range(size):
        error_type, status = KINDS[index % len(KINDS)]
        codes[f"synthetic_error_{index}"] = {
            "type": error_type,
            "status": status,
            "message": f"Synthetic failure number {index}",
            "description": f"The request failed for synthetic reason {index}; try another.",
            "retryable": error_type == "internal",
            "fault": "server" if error_type == "internal" else "client",
        }
    return codes


def synthesise(size: int, base: Path, folder: Path) -> tuple[Path, Path]:
    """A catalogue of `size` codes (base, a catalogue.yaml, with its codes replaced), and a
    JSON Schema enum of the same codes for the other generators."""
    data = yaml.safe_load(base.read_text(encoding="utf-8"))
    data.pop("go", None)  # opt-in: "all targets" stay the four they were; Go and Kotlin are
    data.pop("kotlin", None)  # measured apart
    data["codes"] = synthetic_codes(size)
    catalogue = folder / f"catalogue-{size}.yaml"
    catalogue.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    schema = folder / f"schema-{size}.json"
    schema.write_text(
        json.dumps(
            {
                "$schema": "http://json-schema.org/draft-07/schema#",
                "title": "ErrorCode",
                "type": "string",
                "enum": list(data["codes"]),
            }
        )
    )
    return catalogue, schema


# Runs one command and reports its wall time, CPU time and peak memory. It is a process of
# its own because Linux counts a process's peak memory from the process it was started from,
# and the benchmark holds large catalogues. wait4 gives the CPU time of the process and of the
# children it waited for, but only the largest peak among them; the sum of the peaks of a
# parent and its forked workers is sampled instead, every few ms, from the high-water mark
# (VmHWM) of each process of the tree, found through /proc/<pid>/task/<tid>/children.
# Waiting on a pidfd ends the wall time when the process ends, not at the next sample.
LAUNCHER = """
import os, select, sys, time
report, interval, command = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

def high_water(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None

def children(pid):
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as listed:
                found += [int(child) for child in listed.read().split()]
    except OSError:
        pass
    return found

start = time.perf_counter()
pid = os.posix_spawnp(command[0], command, os.environ)
peaks = {}
if interval:
    ended = select.poll()
    ended.register(os.pidfd_open(pid), select.POLLIN)
    while True:
        tree = [pid]
        while tree:
            member = tree.pop()
            peak = high_water(member)
            if peak is not None:
                peaks[member] = peak
            tree += children(member)
        if ended.poll(interval):
            break
    seconds = time.perf_counter() - start
    _, status, usage = os.wait4(pid, 0)
else:
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
cpu = usage.ru_utime + usage.ru_stime
summed = max(sum(peaks.values()), usage.ru_maxrss) if interval else 0
with open(report, "w") as out:
    out.write(f"{seconds} {cpu} {summed} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


@dataclass
class Side:
    """One command to time, run as it would be: where, with what environment, after what."""

    command: Sequence[str | Path]
    cwd: Path = ROOT
    env: dict[str, str] | None = None
    before: Callable[[], None] | None = None
    memory: bool = False  # sample the memory of its processes (it costs a little CPU)
    inner_report: Path | None = None  # a file where the command writes a time of its own


@dataclass
class Run:
    wall: float
    cpu: float
    memory_kib: int  # the peaks of the processes summed, 0 unless sampled
    largest_kib: int  # the largest peak of one process
    inner: float | None = None


class Failed(Exception):
    def __init__(self, command: Sequence[str | Path], output: str) -> None:
        super().__init__(f"{' '.join(map(str, command))} failed:\n{output}")
        self.output = output


def environment(cache: Path) -> dict[str, str]:
    """The environment of a generator's runs: its caches in a folder of the benchmark's own
    (main has dropped PYTHONDONTWRITEBYTECODE from what every command inherits)."""
    return {**os.environ, "XDG_CACHE_HOME": str(cache)}


def launch(side: Side, work: Path) -> Run:
    """Runs side's command once, through the launcher; raises Failed unless it exits 0."""
    if side.before is not None:
        side.before()
    report = work / "launch-report"
    report.unlink(missing_ok=True)
    launched = subprocess.run(
        [
            PYTHON,
            "-c",
            LAUNCHER,
            report,
            str(POLL_MS if side.memory else 0),
            *(str(part) for part in side.command),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=side.cwd,
        env=side.env,
        check=False,
    )
    output = launched.stdout.decode(errors="replace")
    if launched.returncode != 0 or not report.exists():
        raise Failed(side.command, output)
    wall, cpu, summed, largest, code = report.read_text().split()
    if code != "0":
        raise Failed(side.command, f"exit status {code}\n{output}")
    inner = None
    if side.inner_report is not None:
        inner = float(side.inner_report.read_text())
        side.inner_report.unlink()
    return Run(float(wall), float(cpu), int(summed), int(largest), inner)


def quartiles(values: Sequence[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        return values[0], values[0], values[0]
    low, middle, high = statistics.quantiles(values, n=4, method="inclusive")
    return low, middle, high


@dataclass
class Comparison:
    """Alternating pairs of runs of two sides: new (this tree, or ours) and old (the
    baseline, or the reference it is held against)."""

    new: list[Run] = field(default_factory=list)
    old: list[Run] = field(default_factory=list)

    def ratios(self) -> list[float]:
        return [new.wall / old.wall for new, old in zip(self.new, self.old, strict=True)]

    def ratio(self) -> float:
        """The median of the per-pair ratios new/old of wall time."""
        return statistics.median(self.ratios())

    def cpu_ratio(self) -> float:
        return statistics.median(
            new.cpu / old.cpu for new, old in zip(self.new, self.old, strict=True)
        )

    def spread(self) -> str:
        low, middle, high = quartiles(self.ratios())
        return f"{middle:.2f}x [{low:.2f}, {high:.2f}]"


def compare(new: Side, old: Side, pairs: int, work: Path) -> Comparison:
    """`pairs` pairs of runs of the two sides, which take turns at going first (old, new,
    new, old, old, new, ...), so that neither always runs on a machine the other has warmed
    or left busy."""
    result = Comparison()
    for index in range(pairs):
        order = ("old", "new") if index % 2 == 0 else ("new", "old")
        for which in order:
            if which == "old":
                result.old.append(launch(old, work))
            else:
                result.new.append(launch(new, work))
    return result


def wall(runs: Sequence[Run]) -> float:
    return statistics.median(run.wall for run in runs)


def memory_mib(runs: Sequence[Run]) -> float:
    return max(run.memory_kib for run in runs) / 1024


def duration(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def cell(runs: Sequence[Run]) -> str:
    """A side's median wall time, median CPU time and, if sampled, largest peak memory."""
    text = f"{duration(wall(runs))}, CPU {duration(statistics.median(run.cpu for run in runs))}"
    if any(run.memory_kib for run in runs):
        text += f", {memory_mib(runs):.0f} MiB"
    return text


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        names = re.findall(r"^model name\s*:\s*(.+)$", info.read(), re.M)
    if names:
        cpu = names[0]
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


class Report:
    """The table and the goals, printed as they come and kept for the README."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.goals: list[tuple[str, bool | None]] = []  # None: not measured

    def say(self, line: str = "") -> None:
        print(line, flush=True)
        self.lines.append(line)

    def row(self, what: str, compared: Comparison) -> None:
        self.say(
            f"| {what} | {cell(compared.new)} | {cell(compared.old)} | {compared.spread()} | "
            f"{compared.cpu_ratio():.2f}x |"
        )

    def single(self, what: str, run: Run | None, note: str = "") -> None:
        """A row of one run alone (a type checker, a compiler): no pair, no ratio. Unless
        sampled, its memory is its largest process's peak: a compiler's processes mostly run
        in turn, and their peaks summed would say more than it ever holds."""
        if run is None:
            self.say(f"| {what} | FAILED (output above) | | | |")
            return
        text = cell([run])
        if not run.memory_kib:
            text += f", largest process {run.largest_kib / 1024:.0f} MiB"
        self.say(f"| {what} | {text} | | | {note} |")

    def skipped(self, what: str, why: str) -> None:
        self.say(f"| {what} | not measured: {why} | | | |")

    def goal(self, name: str, met: bool | None) -> None:
        self.goals.append((name, met))

    def verdicts(self) -> None:
        self.say()
        for name, met in self.goals:
            verdict = "not measured" if met is None else "met" if met else "MISSED"
            self.say(f"- {verdict}: {name}")


def fresh(out: Path) -> Callable[[], None]:
    return lambda: shutil.rmtree(out, ignore_errors=True)


def package_folder(out: Path) -> tuple[Path, str]:
    """The folder to put on sys.path for the generated Python package, and its name."""
    folder = out / "python"
    names = [path.parent.name for path in folder.glob("*/__init__.py")]
    if len(names) != 1:
        raise SystemExit(f"expected one Python package in {folder}, found {names}")
    return folder, names[0]


def error_body(out: Path, size: int) -> str:
    """A real error body, in the catalogue's envelope, for a 400 code in the middle of the
    catalogue: the conformance fixtures' case for it."""
    wanted = f"synthetic_error_{size // 2 - size // 2 % len(KINDS)}"
    fixtures = json.loads((out / "fixtures" / "conformance.json").read_text(encoding="utf-8"))
    for case in fixtures["cases"]:
        if case["expect"].get("code") == wanted and case["status"] == 400:
            return str(case["body"])
    raise SystemExit(f"no fixture case gives {wanted} with status 400")


PYTHON_IMPORT = (
    "import sys; sys.path.insert(0, sys.argv[1]); import {} as m; m.from_response(400, sys.argv[2])"
)

# Loads an ES module, calls fromResponse once, and writes how long that took in the process:
# node's own start takes most of a whole process's time.
NODE_LOAD = """
const [file, body, report] = process.argv.slice(1);
const { pathToFileURL } = await import("node:url");
const { writeFileSync } = await import("node:fs");
const start = performance.now();
const loaded = await import(pathToFileURL(file).href);
loaded.fromResponse(400, body);
writeFileSync(report, String(performance.now() - start));
"""


def python_import_lines(
    report: Report, size: int, out: Path, codes: dict[str, Any], body: str, pairs: int, work: Path
) -> None:
    what = f"{size:,} codes, import the Python package and build one error, vs a plain dict"
    folder, name = package_folder(out)
    reference = work / "plain-python"
    reference.mkdir(exist_ok=True)
    (reference / "plain_errors.py").write_text(plain.python_module(codes), encoding="utf-8")
    # pip compiles a package when it installs it, so users import from .pyc files.
    for compiled in (folder, reference):
        subprocess.run([PYTHON, "-m", "compileall", "-q", compiled], check=True)
    compared = compare(
        Side([PYTHON, "-c", PYTHON_IMPORT.format(name), folder, body]),
        Side([PYTHON, "-c", PYTHON_IMPORT.format("plain_errors"), reference, body]),
        pairs,
        work,
    )
    report.row(what, compared)
    report.goal(
        f"import the {size:,}-code Python package and build one error within 6x a plain dict "
        f"module ({compared.ratio():.2f}x)",
        compared.ratio() <= 6,
    )


def typescript_load_lines(
    report: Report, size: int, out: Path, codes: dict[str, Any], body: str, pairs: int, work: Path
) -> None:
    what = f"{size:,} codes, node loads the compiled TypeScript module and calls fromResponse"
    package = out / "typescript"
    # The package's own build (ES modules, as its package.json says); the type check is
    # timed apart, below.
    subprocess.run([NODE_BIN / "tsc", "-p", package / "tsconfig.json"], check=True)
    module = package / "dist" / "esm" / "index.js"
    reference = work / "plain.mjs"
    reference.write_text(plain_typescript.javascript_module(codes), encoding="utf-8")
    timings = {side: work / f"load-{side}.ms" for side in ("new", "old")}
    compared = compare(
        Side(
            ["node", "--input-type=module", "-e", NODE_LOAD, module, body, timings["new"]],
            inner_report=timings["new"],
        ),
        Side(
            ["node", "--input-type=module", "-e", NODE_LOAD, reference, body, timings["old"]],
            inner_report=timings["old"],
        ),
        pairs,
        work,
    )
    report.row(f"{what}, vs a plain object literal (whole process)", compared)
    inner = [
        new.inner / old.inner
        for new, old in zip(compared.new, compared.old, strict=True)
        if new.inner is not None and old.inner is not None
    ]
    low, middle, high = quartiles(inner)
    new_ms = statistics.median(run.inner or 0.0 for run in compared.new)
    old_ms = statistics.median(run.inner or 0.0 for run in compared.old)
    report.say(
        f"| {what}, vs a plain object literal (in the process: import and call) | "
        f"{new_ms:.1f} ms | {old_ms:.1f} ms | {middle:.2f}x [{low:.2f}, {high:.2f}] | |"
    )
    report.goal(
        f"load the compiled {size:,}-code TypeScript module within 2x a plain object literal "
        f"({compared.ratio():.2f}x whole process, {middle:.2f}x in the process)",
        compared.ratio() <= 2,
    )


def checked(
    command: Sequence[str | Path], work: Path, env: dict[str, str] | None = None
) -> Run | None:
    """One run of a type checker or compiler; None, with its output printed, if it fails."""
    try:
        return launch(Side(command, env=env), work)
    except Failed as failure:
        shown = [line[:300] for line in failure.output.splitlines()]
        if len(shown) > 60:  # a broken template fails every code: keep both ends
            shown[50:-10] = [f"... {len(shown) - 60} lines left out ..."]
        print(f"{' '.join(map(str, command))} failed:", *shown, sep="\n", flush=True)
        return None


def type_check_lines(report: Report, size: int, out: Path, work: Path) -> None:
    """mypy, pyright and tsc on the bindings, strict, cold, once each."""
    folder, name = package_folder(out)
    pyright_config = work / "pyright.json"
    pyright_config.write_text(
        json.dumps({"typeCheckingMode": "strict", "pythonVersion": "3.10"}), encoding="utf-8"
    )
    checkers = (
        (
            "mypy --strict on the Python package (cold, no cache)",
            [
                PYTHON,
                "-m",
                "mypy",
                "--strict",
                "--python-version",
                "3.10",
                "--no-incremental",
                "--cache-dir",
                work / "mypy-cache",
                folder / name,
            ],
        ),
        (
            "pyright strict on the Python package",
            [NODE_BIN / "pyright", "--project", pyright_config, folder / name],
        ),
        (
            "tsc --noEmit on the TypeScript package (its strict tsconfig.json)",
            [NODE_BIN / "tsc", "-p", out / "typescript" / "tsconfig.json", "--noEmit"],
        ),
    )
    passed = True
    for what, command in checkers:
        run = checked(command, work)
        passed = passed and run is not None
        report.single(f"{size:,} codes, {what}", run)
    report.goal(f"the {size:,}-code bindings pass mypy --strict, pyright strict and tsc", passed)


def alone(target: str, catalogue: Path, work: Path) -> tuple[Path, Run]:
    """One target generated alone on this tree (median of three runs), and its output."""
    out = work / f"out-{target}"
    side = Side(
        [*GENERATOR, "--catalogue", catalogue, "--target", target, "--out", out],
        env=environment(work / "cache-new"),
        before=fresh(out),
        memory=True,
    )
    runs = [launch(side, work) for _ in range(3)]
    middle = sorted(runs, key=lambda run: run.wall)[1]
    return out, middle


def go_lines(report: Report, size: int, catalogue: Path, work: Path) -> None:
    """Go, opt-in and so outside "all targets": the package generated alone, then built and
    vetted, with the standard library already compiled in a build cache of this run's own."""
    go = Path(PYTHON).parent / "go"
    out, generated = alone("go", catalogue, work)
    report.single(f"{size:,} codes, go alone (this tree)", generated)
    env = {
        **environment(work / "cache-new"),
        "GOTOOLCHAIN": "local",
        "GOPROXY": "off",
        "GOFLAGS": "-buildvcs=false",
        "GOCACHE": str(work / "go-cache"),
        "GOPATH": str(work / "go-path"),
        "GOTELEMETRY": "off",
        "CGO_ENABLED": "0",
    }
    warm = work / "go-warm"  # a package of the same imports, so that only ours is compiled
    small = [*GENERATOR, "--catalogue", ROOT / "catalogue.yaml", "--target", "go"]
    subprocess.run([*small, "--out", warm], check=True, cwd=ROOT, env=env)
    subprocess.run([go, "-C", warm / "go", "build", "./..."], check=True, env=env)
    passed = True
    for what, command in (("go build", "build"), ("go vet (after the build)", "vet")):
        run = checked([go, "-C", out / "go", command, "./..."], work, env)
        passed = passed and run is not None
        note = f"{run.wall / generated.wall:.0f}x generating it" if run else ""
        report.single(f"{size:,} codes, {what} on the Go package", run, note)
    report.goal(f"the {size:,}-code Go package builds and passes go vet", passed)


def kotlin_lines(report: Report, size: int, catalogue: Path, work: Path) -> None:
    """Kotlin, opt-in like Go: the source set generated alone, then compiled by kotlinc with
    warnings as errors (no method over the JVM's 64 KiB, no constant pool over 65,535
    entries, or it fails)."""
    out, generated = alone("kotlin", catalogue, work)
    report.single(f"{size:,} codes, kotlin alone (this tree)", generated)
    compiler = ROOT / "node_modules" / "kotlin-compiler" / "bin" / "kotlinc"
    sources = out / "sources.txt"
    sources.write_text("\n".join(f'"{path}"' for path in sorted(out.rglob("*.kt"))) + "\n")
    env = {**os.environ, "JAVA_OPTS": "-Xmx3g"}  # kotlinc's default heap is too small
    run = checked(
        ["bash", compiler, "-Werror", "-d", work / "kotlin-classes", f"@{sources}"], work, env
    )
    note = f"{run.wall / generated.wall:.0f}x generating it" if run else ""
    report.single(f"{size:,} codes, kotlinc -Werror on the Kotlin source set", run, note)
    report.goal(f"the {size:,}-code Kotlin source set compiles", run is not None)


def pairs_for(size: int, args: argparse.Namespace) -> int:
    """Pairs per comparison, so that the whole run fits in 20 minutes on 2 cores."""
    if args.pairs:
        return int(args.pairs)
    if args.quick:
        return 3
    return 15 if size <= 1_000 else 7 if size <= 10_000 else 3


def default_catalogue_lines(
    report: Report, baseline: Path, args: argparse.Namespace, work: Path
) -> None:
    """--check, and a generate that changes nothing, on each tree's own catalogue.yaml with
    its default targets, in a folder where a generate already ran."""
    pairs = pairs_for(0, args)
    new_env, old_env = environment(work / "cache-new"), environment(work / "cache-old")
    new_out, old_out = work / "default-new", work / "default-old"
    # Untimed: leaves this tree's stamp, compiled templates and .pyc files, and the
    # baseline's (which has no stamp) compiled templates and .pyc files.
    subprocess.run([*GENERATOR, "--out", new_out], cwd=ROOT, env=new_env, check=True)
    subprocess.run([*GENERATOR, "--out", old_out], cwd=baseline, env=old_env, check=True)
    startup = Side([PYTHON, "-c", "pass"], env=new_env)
    check = Side([*GENERATOR, "--check", "--out", new_out], env=new_env)
    unchanged = Side([*GENERATOR, "--out", new_out], env=new_env)
    old_check = Side([*GENERATOR, "--check", "--out", old_out], cwd=baseline, env=old_env)
    for what, command in (("`--check`", check), ("a generate that changes nothing", unchanged)):
        compared = compare(command, startup, pairs, work)
        report.row(f"default catalogue, {what}, vs `python -c pass`", compared)
        report.goal(
            f"default catalogue, {what} within 3x `python -c pass` ({compared.ratio():.2f}x)",
            compared.ratio() <= 3,
        )
    compared = compare(check, old_check, pairs, work)
    report.row(
        "default catalogue, `--check`, vs the baseline's (on its own catalogue.yaml)", compared
    )


def focus_lines(
    report: Report,
    size: int,
    catalogue: Path,
    schema: Path,
    out: Path,
    args: argparse.Namespace,
    work: Path,
) -> None:
    """At 10,000 codes: each language alone against the generator made for it, the bindings
    loaded against plain modules, and the type checkers and compilers on the bindings."""
    pairs = pairs_for(size, args)
    new_env = environment(work / "cache-new")
    others = {
        "typescript": (
            "quicktype",
            [
                QUICKTYPE,
                "--src-lang",
                "schema",
                "--lang",
                "ts",
                "--just-types",
                "-o",
                work / "quicktype.ts",
                schema,
            ],
            6,
        ),
        "python": (
            "datamodel-codegen",
            [
                DATAMODEL,
                "--input",
                schema,
                "--input-file-type",
                "jsonschema",
                "--output",
                work / "datamodel.py",
                "--disable-timestamp",
            ],
            8,
        ),
    }
    for target, (name, command, goal) in others.items():
        target_out = work / f"out-alone-{target}"
        ours = Side(
            [*GENERATOR, "--catalogue", catalogue, "--target", target, "--out", target_out],
            env=new_env,
            before=fresh(target_out),
            memory=True,
        )
        compared = compare(ours, Side(command, env=new_env, memory=True), pairs, work)
        report.row(
            f"{size:,} codes, {target} alone, vs {name} (an enum of the same codes)", compared
        )
        report.goal(
            f"{target} alone at least {goal}x faster than {name} at {size:,} codes "
            f"({1 / compared.ratio():.1f}x)",
            compared.ratio() <= 1 / goal,
        )
    codes = synthetic_codes(size)
    body = error_body(out, size)
    python_import_lines(report, size, out, codes, body, pairs_for(0, args), work)
    typescript_load_lines(report, size, out, codes, body, pairs_for(0, args), work)
    if args.no_compilers:
        report.skipped("type checkers, Go and Kotlin", "--no-compilers")
        return
    type_check_lines(report, size, out, work)
    go_lines(report, size, catalogue, work)
    kotlin_lines(report, size, catalogue, work)


def benchmark(report: Report, baseline: Path, args: argparse.Namespace, work: Path) -> None:
    sizes = [int(size) for size in args.sizes.split(",")]
    focus = 1_000 if args.quick else 10_000
    default_catalogue_lines(report, baseline, args, work)
    new_env, old_env = environment(work / "cache-new"), environment(work / "cache-old")
    per_code: dict[int, float] = {}
    for size in sizes:
        catalogue, schema = synthesise(size, baseline / "catalogue.yaml", work)
        new_out, old_out = work / f"out-new-{size}", work / f"out-old-{size}"
        new = Side(
            [*GENERATOR, "--catalogue", catalogue, "--out", new_out],
            env=new_env,
            before=fresh(new_out),
            memory=True,
        )
        old = Side(
            [*GENERATOR, "--catalogue", catalogue, "--out", old_out],
            cwd=baseline,
            env=old_env,
            before=fresh(old_out),
            memory=True,
        )
        compared = compare(new, old, pairs_for(size, args), work)
        for out in (new_out, old_out):
            made = sorted(path.name for path in out.iterdir() if path.is_dir())
            if made != sorted(TARGETS):
                raise SystemExit(f"{out} holds {made}, not the four targets {TARGETS}")
        report.row(f"{size:,} codes, all four targets, fresh output folder", compared)
        per_code[size] = wall(compared.new) / size
        if size in (10_000, 100_000):
            report.goal(
                f"{size:,} codes at least 1.5x faster than the baseline "
                f"({1 / compared.ratio():.2f}x; CPU {1 / compared.cpu_ratio():.2f}x)",
                compared.ratio() <= 1 / 1.5,
            )
        if size == 100_000:
            peak = memory_mib(compared.new)
            report.goal(
                f"100,000 codes under 1 GiB, all processes' peaks summed ({peak:.0f} MiB)",
                peak < 1024,
            )
        if size == focus:
            focus_lines(report, size, catalogue, schema, new_out, args, work)
    if 10_000 in per_code and 100_000 in per_code:
        growth = per_code[100_000] / per_code[10_000]
        report.say(f"| time per code, 100,000 vs 10,000 (this tree) | {growth:.2f}x | | | |")
        report.goal(
            f"linear: time per code at 100,000 within 1.3x of that at 10,000 ({growth:.2f}x)",
            growth <= 1.3,
        )
    unmeasured = {
        10_000: ["at least 1.5x faster than the baseline"],
        100_000: ["at least 1.5x faster than the baseline", "under 1 GiB", "linear"],
        focus: [
            "TypeScript and Python alone against quicktype and datamodel-codegen",
            "importing the Python package, loading the TypeScript module",
            "the type checkers, Go and Kotlin",
        ],
    }
    for size, goals in unmeasured.items():
        if size not in sizes:
            for name in goals:
                report.goal(f"{size:,} codes: {name}", None)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", help="catalogue sizes (default 10,1000,10000,100000; --quick 10,1000)"
    )
    parser.add_argument(
        "--against", metavar="COMMIT", default=BASELINE, help=f"the baseline (default {BASELINE})"
    )
    parser.add_argument(
        "--pairs", type=int, help="pairs per comparison (default: 15 to 3, by size)"
    )
    parser.add_argument("--quick", action="store_true", help="small and few, to work on this file")
    parser.add_argument(
        "--no-compilers", action="store_true", help="skip the type checkers, Go and Kotlin"
    )
    parser.add_argument("--update-readme", action="store_true")
    args = parser.parse_args()
    args.sizes = args.sizes or ("10,1000" if args.quick else "10,1000,10000,100000")
    # Users have .pyc files: without them, every run would compile the generator again.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    report = Report()
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="error-bindings-bench-"))
    baseline = work / "baseline"
    try:
        subprocess.run(
            ["git", "-C", ROOT, "worktree", "add", "-q", "--detach", baseline, args.against],
            check=True,
        )
        commit = subprocess.run(
            ["git", "-C", baseline, "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        report.say(f"Machine: {machine()}; {datetime.date.today().isoformat()}.")
        report.say(
            f"Baseline: commit {commit}, from a git worktree, on the same synthetic catalogues; "
            "medians of alternating pairs, ratios new/old with their interquartile range."
        )
        report.say()
        report.say("| what | new | baseline | ratio new/old, median [IQR] | CPU new/old |")
        report.say("| --- | ---: | ---: | ---: | ---: |")
        benchmark(report, baseline, args, work)
        report.say()
        report.say(
            "CPU time counts the process and the children it waited for (the render workers). "
            f"Peak memory is the sum of each process's high-water mark (VmHWM), sampled every "
            f"{POLL_MS} ms: growth in a process's last few ms can be missed, and pages a forked "
            "worker shares with its parent count in both."
        )
        report.verdicts()
    finally:
        subprocess.run(["git", "-C", ROOT, "worktree", "remove", "--force", baseline], check=False)
        shutil.rmtree(work, ignore_errors=True)
    print(f"({(time.perf_counter() - started) / 60:.1f} minutes)", flush=True)
    if args.update_readme:
        readme = ROOT / "README.md"
        table = "\n".join(report.lines)
        text = re.sub(
            r"(<!-- bench:start -->\n).*?(<!-- bench:end -->)",
            lambda match: match.group(1) + table + "\n" + match.group(2),
            readme.read_text(encoding="utf-8"),
            flags=re.S,
        )
        readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
