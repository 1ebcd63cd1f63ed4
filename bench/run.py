"""Benchmark the generator as users run it: whole processes, medians of several runs, peak
memory, on synthetic catalogues of 10 to 100,000 codes, side by side with quicktype and
datamodel-code-generator making enums of the same codes. Figures are ratios measured in
one run, because the machines are shared and noisy.

    python bench/run.py [--sizes 10,1000,10000,100000] [--update-readme]
    python bench/run.py --against COMMIT [--size 10000] [--pairs 9]

--against compares this tree with another commit on one catalogue both can read (the
other's own catalogue.yaml, grown to --size codes): rendering every target, and importing
the generated Python package, as alternating pairs of runs (old, new, old, new, ...).

`make bench` installs what it compares with and runs this.
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
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
QUICKTYPE = ROOT / "bench" / "node_modules" / ".bin" / "quicktype"
DATAMODEL = Path(PYTHON).parent / "datamodel-codegen"
TARGETS = ("python", "typescript", "docs", "fixtures")
# Each code of a synthetic catalogue takes its type and status in turn from these.
KINDS = (("request", "400"), ("resource", "404"), ("logical", "422"), ("internal", "5xx"))


def synthesise(size: int, folder: Path) -> tuple[Path, Path]:
    """A catalogue of `size` codes, and a JSON Schema enum of the same codes."""
    data = yaml.safe_load((ROOT / "catalogue.yaml").read_text(encoding="utf-8"))
    data.pop("go", None)  # opt-in: "all targets" stay the four they were; Go and Kotlin are
    data.pop("kotlin", None)  # measured apart
    data["codes"] = {}
    for index in range(size):
        error_type, status = KINDS[index % len(KINDS)]
        data["codes"][f"synthetic_error_{index}"] = {
            "type": error_type,
            "status": status,
            "message": f"Synthetic failure number {index}",
            "description": f"The request failed for synthetic reason {index}; try another.",
            "retryable": error_type == "internal",
            "fault": "server" if error_type == "internal" else "client",
        }
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


class Measurement:
    def __init__(self, seconds: list[float], peak_kib: list[int]) -> None:
        self.seconds = statistics.median(seconds)
        self.peak_mib = max(peak_kib) / 1024

    def __str__(self) -> str:
        return f"{self.seconds:.3f} s, {self.peak_mib:.0f} MiB"


# Runs one command and reports its wall time and peak memory. A process's peak memory
# counts the process it was started from (Linux records it at exec), so commands are started
# from this small launcher rather than from the benchmark, which holds large catalogues.
LAUNCHER = """
import os, sys, time
report, command = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.posix_spawn(command[0], command, os.environ)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
with open(report, "w") as out:
    out.write(f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


RUNS: int | None = None  # --runs: the same number of runs for every measurement


def measure(
    command: Sequence[str | Path],
    runs: int,
    before: Callable[[], None] | None = None,
    cwd: Path | None = None,
) -> Measurement:
    """Wall time (median) and peak resident memory (max) of a whole process."""
    runs = RUNS or runs
    seconds, peaks = [], []
    report = Path(tempfile.mkdtemp(prefix="measure-")) / "report"
    for _ in range(runs):
        if before is not None:
            before()
        launched = subprocess.run(
            [PYTHON, "-c", LAUNCHER, report, *(str(part) for part in command)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
            cwd=cwd,
        )
        took, peak, code = report.read_text().split()
        if launched.returncode != 0 or code != "0":
            raise SystemExit(f"{' '.join(map(str, command))} failed:\n{launched.stderr.decode()}")
        seconds.append(float(took))
        peaks.append(int(peak))
    shutil.rmtree(report.parent)
    return Measurement(seconds, peaks)


def type_check(command: Sequence[str | Path], runs: int) -> tuple[Measurement | None, str]:
    """Like measure, for a type checker: its measurement if every run exits 0, else None, with
    the failing run's output. measure stops the bench on a failure and drops stdout, where type
    checkers report."""
    runs = RUNS or runs
    seconds, peaks = [], []
    report = Path(tempfile.mkdtemp(prefix="measure-")) / "report"
    try:
        for _ in range(runs):
            launched = subprocess.run(
                [PYTHON, "-c", LAUNCHER, report, *(str(part) for part in command)],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                check=False,
            )
            output = launched.stdout.decode(errors="replace")
            if launched.returncode != 0 or not report.exists():
                return None, output
            took, peak, code = report.read_text().split()
            if code != "0":
                return None, f"exit status {code}\n{output}"
            seconds.append(float(took))
            peaks.append(int(peak))
    finally:
        shutil.rmtree(report.parent)
    return Measurement(seconds, peaks), ""


STAGES = r"""
import gc, json, sys, time
from pathlib import Path
gc.disable()
from generator import discover, render, source, write
from generator.target import python as python_target
from generator.catalogue import _build
from generator import naming
from generator.schema import spec
found = discover()
targets = list(found.values())
path, out = Path(sys.argv[1]), Path(sys.argv[2])
times = {}
def stage(name, work):
    start = time.perf_counter(); result = work(); times[name] = time.perf_counter() - start
    return result
tree = stage("load", lambda: source.read(path.read_bytes(), str(path)))
problems = []
checked = stage("validate", lambda: spec(targets).check(tree, "", problems))
model = stage("build", lambda: _build(tree, checked, problems, targets))
stage("naming", lambda: naming.check(model, targets))
del tree, checked
files = {}
for target in sys.argv[3:]:
    files.update(stage(f"render {target}", lambda: write.with_manifests(
        render.render(model, [target], found, [render.builtin_templates()]).files, [target])))
python = {p: t for p, t in files.items() if p.endswith(".py")}
stage("format", lambda: python_target.TARGET.format(python, {p: p for p in python})
      if len(model.codes) <= 10_000 else None)
stage("write", lambda: write.apply(out, files, sys.argv[3:]))
print(json.dumps(times))
"""


def stages(catalogue: Path, out: Path) -> dict[str, float]:
    shutil.rmtree(out, ignore_errors=True)
    result = subprocess.run(
        [PYTHON, "-c", STAGES, catalogue, out, *TARGETS],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return dict(json.loads(result.stdout))


def go_lines(catalogue: Path, work: Path, say: Callable[[str], None]) -> bool:
    """Go, opt-in and so outside "all targets": the package generated alone, then built and
    vetted, with the standard library already compiled in a build cache of this run's own.
    Whether both passed."""
    go = Path(PYTHON).parent / "go"
    generate = [PYTHON, "-m", "generator", "--catalogue", catalogue, "-q", "--target", "go"]
    out = work / "out-go"
    alone = measure(
        [*generate, "--out", out], RUNS or 3, lambda: shutil.rmtree(out, ignore_errors=True)
    )
    say(f"| 10,000 codes, go alone | {alone.seconds:.3f} s | {alone.peak_mib:.0f} MiB | |")
    subprocess.run([*generate, "--out", out], check=True)
    os.environ.update(
        GOTOOLCHAIN="local",
        GOPROXY="off",
        GOFLAGS="-buildvcs=false",
        GOCACHE=str(work / "go-cache"),
        GOPATH=str(work / "go-path"),
        GOTELEMETRY="off",
        CGO_ENABLED="0",
    )
    warm = work / "go-warm"  # a package of the same imports, so that only ours is compiled
    small = [PYTHON, "-m", "generator", "--catalogue", ROOT / "catalogue.yaml", "-q"]
    subprocess.run([*small, "--target", "go", "--out", warm], check=True)
    subprocess.run([go, "-C", warm / "go", "build", "./..."], check=True)
    passed = True
    for what, command in (
        ("go build", "build"),
        ("go vet (after the build)", "vet"),
    ):
        checked, output = type_check([go, "-C", out / "go", command, "./..."], 1)
        if checked is None:
            passed = False
            print(output[-3000:], flush=True)
            say(f"| 10,000 codes, {what} on the Go package | FAILED | | output above |")
            continue
        say(
            f"| 10,000 codes, {what} on the Go package | {checked.seconds:.1f} s | "
            f"{checked.peak_mib:.0f} MiB | {checked.seconds / alone.seconds:.0f}x generating it |"
        )
    return passed


def kotlin_lines(catalogue: Path, work: Path, say: Callable[[str], None]) -> bool:
    """Kotlin, opt-in like Go: the source set generated alone, then compiled by kotlinc with
    warnings as errors (no method over the JVM's 64 KiB, no constant pool over 65,535
    entries, or it fails). Whether it compiled."""
    generate = [PYTHON, "-m", "generator", "--catalogue", catalogue, "-q", "--target", "kotlin"]
    out = work / "out-kotlin"
    alone = measure(
        [*generate, "--out", out], RUNS or 3, lambda: shutil.rmtree(out, ignore_errors=True)
    )
    say(f"| 10,000 codes, kotlin alone | {alone.seconds:.3f} s | {alone.peak_mib:.0f} MiB | |")
    subprocess.run([*generate, "--out", out], check=True)
    compiler = ROOT / "node_modules" / "kotlin-compiler" / "bin" / "kotlinc"
    sources = out / "sources.txt"
    sources.write_text("\n".join(f'"{path}"' for path in sorted(out.rglob("*.kt"))) + "\n")
    os.environ["JAVA_OPTS"] = "-Xmx3g"
    command = ["bash", compiler, "-Werror", "-d", work / "kotlin-classes", f"@{sources}"]
    checked, output = type_check(command, 1)
    if checked is None:
        print(output[-3000:], flush=True)
        say("| 10,000 codes, kotlinc -Werror on the Kotlin source set | FAILED | | output above |")
        return False
    say(
        f"| 10,000 codes, kotlinc -Werror on the Kotlin source set | {checked.seconds:.1f} s | "
        f"{checked.peak_mib:.0f} MiB | {checked.seconds / alone.seconds:.0f}x generating it |"
    )
    return True


def runs_for(size: int) -> int:
    return 5 if size <= 1_000 else 3 if size <= 10_000 else 1


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


def against(commit: str, size: int, pairs: int) -> None:
    """Alternating pairs: this tree and commit, generating and importing the same catalogue."""
    work = Path(tempfile.mkdtemp(prefix="error-bindings-against-"))
    other = work / "other"
    subprocess.run(
        ["git", "-C", ROOT, "worktree", "add", "-q", "--detach", other, commit], check=True
    )
    try:
        data = yaml.safe_load((other / "catalogue.yaml").read_text(encoding="utf-8"))
        data["codes"] = {
            f"synthetic_error_{index}": {
                "type": KINDS[index % len(KINDS)][0],
                "status": KINDS[index % len(KINDS)][1],
                "message": f"Synthetic failure number {index}",
                "description": f"The request failed for synthetic reason {index}; try another.",
                "retryable": KINDS[index % len(KINDS)][0] == "internal",
                "fault": "server" if KINDS[index % len(KINDS)][0] == "internal" else "client",
            }
            for index in range(size)
        }
        catalogue = work / "catalogue.yaml"
        catalogue.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        sides = {"old": other, "new": ROOT}
        times: dict[str, dict[str, list[float]]] = {
            side: {"generate": [], "import": []} for side in sides
        }
        for _ in range(pairs):
            for side, tree in sides.items():
                out = work / f"out-{side}"
                shutil.rmtree(out, ignore_errors=True)
                env = {**os.environ, "XDG_CACHE_HOME": str(work / f"cache-{side}")}
                start = time.perf_counter()
                subprocess.run(
                    [PYTHON, "-m", "generator", "--catalogue", catalogue, "--out", out, "-q"],
                    cwd=tree,
                    env=env,
                    check=True,
                )
                times[side]["generate"].append(time.perf_counter() - start)
                package = out / "python"
                subprocess.run([PYTHON, "-m", "compileall", "-q", package], check=True)
                start = time.perf_counter()
                subprocess.run(
                    [
                        PYTHON,
                        "-c",
                        "import sys; sys.path.insert(0, sys.argv[1]); import qonversion_errors",
                        package,
                    ],
                    check=True,
                )
                times[side]["import"].append(time.perf_counter() - start)
        print(f"Machine: {machine()}; {size:,} codes; {pairs} alternating pairs against {commit}.")
        print("| what | before | now | ratio |")
        print("| --- | ---: | ---: | ---: |")
        for what in ("generate", "import"):
            old, new = (statistics.median(times[side][what]) for side in sides)
            print(f"| {what} | {old:.3f} s | {new:.3f} s | {new / old:.3f}x |")
    finally:
        subprocess.run(["git", "-C", ROOT, "worktree", "remove", "--force", other], check=True)
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10,1000,10000,100000")
    parser.add_argument("--update-readme", action="store_true")
    parser.add_argument(
        "--runs", type=int, help="runs per measurement (default: 9 to 1, by catalogue size)"
    )
    parser.add_argument("--against", metavar="COMMIT", help="compare with COMMIT in pairs")
    parser.add_argument("--size", type=int, default=10_000, help="codes, with --against")
    parser.add_argument("--pairs", type=int, default=9, help="pairs of runs, with --against")
    args = parser.parse_args()
    if args.against:
        against(args.against, args.size, args.pairs)
        return
    sizes = [int(size) for size in args.sizes.split(",")]
    global RUNS
    RUNS = args.runs
    lines: list[str] = []
    checks: list[tuple[str, bool]] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    work = Path(tempfile.mkdtemp(prefix="error-bindings-bench-"))
    generate = [PYTHON, "-m", "generator"]
    baseline = measure([PYTHON, "-c", "import jinja2, yaml"], 9)
    with_black = measure([PYTHON, "-c", "import jinja2, yaml, black"], 9)
    default_out = work / "default"
    default = measure(
        [*generate, "--catalogue", ROOT / "catalogue.yaml", "--out", default_out, "-q"],
        9,
        lambda: shutil.rmtree(default_out, ignore_errors=True),
    )
    default_check = measure(
        [*generate, "--catalogue", ROOT / "catalogue.yaml", "--out", default_out, "-q", "--check"],
        9,
    )
    say(f"Machine: {machine()}; {datetime.date.today().isoformat()}.")
    say()
    say("| what | time | peak memory | ratio |")
    say("| --- | ---: | ---: | --- |")
    say(
        f"| `python -c 'import jinja2, yaml'` | {baseline.seconds:.3f} s | "
        f"{baseline.peak_mib:.0f} MiB | 1.0x |"
    )
    say(
        f"| `python -c 'import jinja2, yaml, black'` | {with_black.seconds:.3f} s | "
        f"{with_black.peak_mib:.0f} MiB | {with_black.seconds / baseline.seconds:.1f}x |"
    )
    for name, result in (("generate", default), ("--check", default_check)):
        say(
            f"| default catalogue, {name} | {result.seconds:.3f} s | {result.peak_mib:.0f} MiB | "
            f"{result.seconds / baseline.seconds:.1f}x the imports |"
        )
    checks.append(
        (
            "default catalogue within 2.5x `import jinja2, yaml`",
            default.seconds <= 2.5 * baseline.seconds,
        )
    )
    checks.append(
        (
            "--check no slower than generating (default catalogue)",
            default_check.seconds <= default.seconds * 1.05,
        )
    )
    # The breaking-change gate against the last commit (git show, two catalogues, the rules),
    # timed beside --check: the pre-push hook runs it.
    gate = measure([*generate, "breaking", "--against", "HEAD"], 9, cwd=ROOT)
    say(
        f"| default catalogue, breaking --against HEAD | {gate.seconds:.3f} s | "
        f"{gate.peak_mib:.0f} MiB | {gate.seconds / default_check.seconds:.2f}x --check |"
    )
    checks.append(
        (
            "the gate within 2x --check (default catalogue)",
            gate.seconds <= 2 * default_check.seconds,
        )
    )

    per_code: dict[int, float] = {}
    for size in sizes:
        catalogue, schema = synthesise(size, work)
        out = work / f"out-{size}"
        runs = runs_for(size)
        fresh = measure(
            [*generate, "--catalogue", catalogue, "--out", out, "-q"],
            runs,
            lambda out=out: shutil.rmtree(out, ignore_errors=True),
        )
        check = measure([*generate, "--catalogue", catalogue, "--out", out, "-q", "--check"], runs)
        per_code[size] = fresh.seconds / size
        say(f"| {size:,} codes, all targets | {fresh.seconds:.3f} s | {fresh.peak_mib:.0f} MiB | |")
        say(
            f"| {size:,} codes, --check | {check.seconds:.3f} s | {check.peak_mib:.0f} MiB | "
            f"{check.seconds / fresh.seconds:.2f}x generating |"
        )
        alone: dict[str, Measurement] = {}
        for target in TARGETS:
            target_out = work / f"out-{size}-{target}"
            alone[target] = measure(
                [
                    *generate,
                    "--catalogue",
                    catalogue,
                    "--out",
                    target_out,
                    "-q",
                    "--target",
                    target,
                ],
                runs,
                lambda t=target_out: shutil.rmtree(t, ignore_errors=True),
            )
            say(
                f"| {size:,} codes, {target} alone | {alone[target].seconds:.3f} s | "
                f"{alone[target].peak_mib:.0f} MiB | |"
            )
        if size in (1_000, 10_000):
            quicktype = measure(
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
                runs,
            )
            datamodel = measure(
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
                runs,
            )
            ts_ratio = quicktype.seconds / alone["typescript"].seconds
            py_ratio = datamodel.seconds / alone["python"].seconds
            say(
                f"| {size:,} codes, quicktype (TypeScript) | {quicktype.seconds:.3f} s | "
                f"{quicktype.peak_mib:.0f} MiB | ours is {ts_ratio:.1f}x faster |"
            )
            say(
                f"| {size:,} codes, datamodel-codegen (Python) | {datamodel.seconds:.3f} s | "
                f"{datamodel.peak_mib:.0f} MiB | ours is {py_ratio:.1f}x faster |"
            )
            if size == 10_000:
                checks.append(
                    ("TypeScript alone 5x faster than quicktype at 10,000", ts_ratio >= 5)
                )
                checks.append(
                    ("Python alone 5x faster than datamodel-codegen at 10,000", py_ratio >= 5)
                )
        if size == 10_000:
            checks.append(("10,000 codes, all targets, within 2 s", fresh.seconds <= 2))
            package = out / "python"
            startup = measure([PYTHON, "-c", "pass"], 5)
            load = [
                PYTHON,
                "-B",
                "-c",
                "import sys; sys.path.insert(0, sys.argv[1]); import qonversion_errors",
                package,
            ]
            compiling = measure(load, 3)
            # pip compiles a package when it installs it, so users import from .pyc files.
            subprocess.run([PYTHON, "-m", "compileall", "-q", package], check=True)
            imported = measure(load, 5)
            for what, result in (
                ("from .pyc, as pip installs it", imported),
                ("compiling it first", compiling),
            ):
                say(
                    f"| 10,000 codes, importing the generated package {what} | "
                    f"{result.seconds - startup.seconds:.3f} s | "
                    f"{result.peak_mib - startup.peak_mib:.0f} MiB | above a bare interpreter |"
                )
            breakdown = stages(catalogue, work / "stages")
            say(
                "| 10,000 codes, stages | "
                + ", ".join(f"{name} {value:.3f} s" for name, value in breakdown.items())
                + " | | format is black on the Python output, which a run skips |"
            )
            # Type checkers, cold (no cache), strict, on what users would install; slow, so once.
            pyright_config = work / "pyright.json"
            pyright_config.write_text(
                json.dumps({"typeCheckingMode": "strict", "pythonVersion": "3.10"}),
                encoding="utf-8",
            )
            package_dir = package / "qonversion_errors"
            node_bin = ROOT / "node_modules" / ".bin"
            checkers: list[tuple[str, list[str | Path], Measurement]] = [
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
                        package_dir,
                    ],
                    alone["python"],
                ),
                (
                    "pyright strict on the Python package",
                    [node_bin / "pyright", "--project", pyright_config, package_dir],
                    alone["python"],
                ),
                (
                    "tsc --noEmit on the TypeScript package (its strict tsconfig.json)",
                    [node_bin / "tsc", "-p", out / "typescript" / "tsconfig.json", "--noEmit"],
                    alone["typescript"],
                ),
            ]
            all_passed = True
            for what, command, generating in checkers:
                checked, output = type_check(command, 1)
                if checked is None:
                    all_passed = False
                    shown = [line[:300] for line in output.splitlines()]
                    if len(shown) > 60:  # a broken template fails every code: keep both ends
                        shown[50:-10] = [f"... {len(shown) - 60} lines left out ..."]
                    print(f"{' '.join(map(str, command))} failed:", *shown, sep="\n", flush=True)
                    say(f"| 10,000 codes, {what} | FAILED | | output above |")
                    continue
                say(
                    f"| 10,000 codes, {what} | {checked.seconds:.1f} s | "
                    f"{checked.peak_mib:.0f} MiB | "
                    f"{checked.seconds / generating.seconds:.0f}x generating it alone |"
                )
            checks.append(
                ("10,000-code bindings pass mypy --strict, pyright strict and tsc", all_passed)
            )
            checks.append(
                ("10,000-code Go package builds and passes go vet", go_lines(catalogue, work, say))
            )
            checks.append(
                ("10,000-code Kotlin source set compiles", kotlin_lines(catalogue, work, say))
            )
        if size == 100_000:
            checks.append(("100,000 codes within 25 s", fresh.seconds <= 25))
            checks.append(("100,000 codes under 1 GiB", fresh.peak_mib < 1024))
    if 10_000 in per_code and 100_000 in per_code:
        growth = per_code[100_000] / per_code[10_000]
        say(f"| time per code, 100,000 vs 10,000 | | | {growth:.2f}x (1.0 is linear) |")
        checks.append(
            ("growth linear from 10,000 to 100,000 (per code within 1.3x)", growth <= 1.3)
        )
    say()
    for name, passed in checks:
        say(f"- {'met' if passed else 'MISSED'}: {name}")
    shutil.rmtree(work, ignore_errors=True)
    if args.update_readme:
        readme = ROOT / "README.md"
        text = readme.read_text(encoding="utf-8")
        table = "\n".join(lines)
        text = re.sub(
            r"(<!-- bench:start -->\n).*?(<!-- bench:end -->)",
            lambda m: m.group(1) + table + "\n" + m.group(2),
            text,
            flags=re.S,
        )
        readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
