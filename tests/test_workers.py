"""Render-only worker processes: forked children render, the parent alone writes, and a
run makes, prints and raises what rendering one target after another would."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import CATALOGUE, PYTHON, ROOT, run

import generator
from generator import cli

HERE = {"PYTHONPATH": str(ROOT)}  # this tree's generator, whatever else is installed

# Run in a process of their own: pytest's process has threads, where forking is unsafe and
# in_order rightly renders alone.
SCRIPT = """
import json, os, sys, time
from generator import workers, write

PARENT = os.getpid()
READY = os.pipe()  # a child writes a byte on it as it starts its first name

def work(name, spool):
    if os.getpid() != PARENT:
        os.write(READY[1], b".")
    if name.startswith("die") and os.getpid() != PARENT:
        os._exit(9)
    if name.startswith("fail"):
        raise ValueError(f"{name} failed in {os.getpid()}")
    started = time.monotonic()
    if name.startswith("slow"):
        time.sleep(0.3)
    if name.startswith("mid"):
        time.sleep(0.1)
    text = name * 100_000
    if name.startswith("spooled"):  # written to this process's spool, not returned
        text = write.spool(spool, [name] * 100_000)
    return {"name": name, "pid": os.getpid(), "text": text, "started": started}

names = sys.argv[1].split(",")
workers.MEMORY = int(sys.argv[3])
longest_first = sys.argv[4].split(",") if sys.argv[4] else []
def meanwhile():
    if sys.argv[5] == "until a child works":  # so that the child takes the first names
        os.read(READY[0], 1)
as_ready = sys.argv[6] == "1"
seen, error, started = [], None, {}
try:
    for name, result in workers.in_order(
        work, names, int(sys.argv[2]), longest_first=longest_first, meanwhile=meanwhile,
        as_ready=as_ready,
    ):
        text = result["text"]
        if isinstance(text, write.Spooled):
            text = b"".join(write.chunks(text)).decode()
        seen.append([name, result["pid"], len(text) if text == name * 100_000 else -1])
        started[name] = result["started"]
except ValueError as failure:
    error = str(failure)
children = open(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read()
print(json.dumps({
    "parent": os.getpid(), "seen": seen, "error": error, "children": children,
    "order": sorted(started, key=started.__getitem__),
}))
"""


def in_order(
    names: list[str],
    processes: int = 2,
    memory: int = 1 << 30,
    longest_first: Sequence[str] = (),
    wait: bool = False,
    as_ready: bool = False,
) -> dict[str, object]:
    """What workers.in_order makes of names; wait: the parent takes no name until a child
    has started one (so the child takes the first)."""
    meanwhile = "until a child works" if wait else ""
    arguments = (
        ",".join(names), str(processes), str(memory), ",".join(longest_first), meanwhile,
        str(int(as_ready)),
    )  # fmt: skip
    done = run(PYTHON, "-c", SCRIPT, *arguments, env=HERE)
    assert done.stderr == ""
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_children_render_and_results_come_in_order() -> None:
    names = ["slow-a", "b", "c", "slow-d", "e"]
    found = in_order(names, wait=True)
    seen = found["seen"]
    assert isinstance(seen, list)
    assert [name for name, _, _ in seen] == names
    assert all(size == len(name) * 100_000 for name, _, size in seen)
    pids = {pid for _, pid, _ in seen}
    assert found["parent"] in pids
    assert len(pids) == 2  # the parent and a child took turns: a slow one held up nothing
    assert found["children"] == ""  # each was reaped


def test_what_work_spools_reaches_the_parent_from_any_process() -> None:
    """A child's spool is open in the parent too, under the same descriptor, until the last
    result is taken; the parent has a spool of its own, working with children or alone."""
    names = ["spooled-a", "slow-b", "spooled-c", "spooled-d", "e"]
    for processes in (2, 1):
        found = in_order(names, processes, wait=processes == 2)
        seen = found["seen"]
        assert isinstance(seen, list)
        assert [[name, size] for name, _, size in seen] == [
            [name, len(name) * 100_000] for name in names
        ]
        assert len({pid for _, pid, _ in seen}) == processes
        if processes == 2:  # the child took the first: what it spooled crossed over
            assert seen[0][1] != found["parent"]


def test_the_longest_are_taken_first_and_come_in_their_turn() -> None:
    names = ["mid-a", "mid-b", "mid-c", "slow-d"]
    plain = in_order(names)
    assert set(plain["order"][:2]) == {"mid-a", "mid-b"}  # type: ignore[index]
    found = in_order(names, longest_first=["slow-d", "gone", "mid-c"])
    assert set(found["order"][:2]) == {"slow-d", "mid-c"}  # type: ignore[index]
    assert [name for name, _, _ in found["seen"]] == names  # type: ignore[union-attr]


def test_as_ready_results_come_as_they_are_done_and_failures_still_in_turn() -> None:
    found = in_order(["slow-a", "b", "c"], as_ready=True, wait=True)
    seen = [name for name, _, _ in found["seen"]]  # type: ignore[union-attr]
    assert sorted(seen) == ["b", "c", "slow-a"] and seen[-1] == "slow-a"
    # The child takes slow-a while the parent is busy; b comes before it, and fail-c is raised
    # only once slow-a, before it, has come.
    failed = in_order(["slow-a", "b", "fail-c", "d"], as_ready=True, wait=True)
    assert "slow-a" in [name for name, _, _ in failed["seen"]]  # type: ignore[union-attr]
    assert str(failed["error"]).startswith("fail-c failed in ")
    assert failed["children"] == ""


def test_one_process_renders_alone() -> None:
    found = in_order(["a", "b"], processes=1)
    assert {pid for _, pid, _ in found["seen"]} == {found["parent"]}  # type: ignore[union-attr]


def test_a_parent_holding_much_renders_alone() -> None:
    """A forked child counts all its parent holds again: past the budget, no child."""
    found = in_order(["slow-a", "slow-b"], memory=150 * 2**20, wait=True)  # the script holds 12 MiB
    assert len({pid for _, pid, _ in found["seen"]}) == 2  # type: ignore[union-attr]
    found = in_order(["a", "b"], memory=2 * 2**20)  # less than any interpreter holds
    assert {pid for _, pid, _ in found["seen"]} == {found["parent"]}  # type: ignore[union-attr]


def test_a_failure_comes_in_its_turn_as_itself() -> None:
    found = in_order(["slow-a", "fail-b", "c", "fail-d"])
    assert [name for name, _, _ in found["seen"]] == ["slow-a"]  # type: ignore[union-attr]
    error = found["error"]
    assert isinstance(error, str) and error.startswith("fail-b failed in ")
    assert found["children"] == ""  # the child, still rendering, was stopped
    # A child's failure comes back as itself too.
    found = in_order(["slow-a", "b", "fail-c"], longest_first=["fail-c"], wait=True)
    assert [name for name, _, _ in found["seen"]] == ["slow-a", "b"]  # type: ignore[union-attr]
    failed_in = found["error"]
    assert isinstance(failed_in, str) and failed_in.startswith("fail-c failed in ")
    assert failed_in != f"fail-c failed in {found['parent']}"  # the child took it


def test_what_a_child_that_died_took_is_done_by_the_parent() -> None:
    found = in_order(["a", "die-b", "c", "die-d"], longest_first=["die-b"], wait=True)
    seen = found["seen"]
    assert [name for name, _, _ in seen] == ["a", "die-b", "c", "die-d"]  # type: ignore[union-attr]
    assert {pid for name, pid, _ in seen if name.startswith("die")} == {found["parent"]}  # type: ignore[union-attr]
    assert found["children"] == ""


# Ctrl-C while the children are being made: it waits until they all are, then the parent
# alone answers it, and stops them.
INTERRUPTED_WHILE_FORKING = """
import os, signal, sys, time
from generator import workers

fork = os.fork
def interrupted_fork():
    pid = fork()
    if pid:
        os.kill(os.getpid(), signal.SIGINT)
    return pid
os.fork = interrupted_fork
try:
    for _ in workers.in_order(lambda name, spool: time.sleep(5), ["a", "b", "c"], 2):
        pass
    print("not interrupted")
except KeyboardInterrupt:
    print(repr(open(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read()))
"""


def test_an_interruption_while_forking_leaves_no_child() -> None:
    done = run(PYTHON, "-c", INTERRUPTED_WHILE_FORKING, env=HERE, timeout=60)
    assert (done.stdout, done.stderr) == ("''\n", "")


# The command line as a user runs it, noting each time it starts workers.
COMMAND = """
import os, sys
from generator import cli, workers
start = workers._start
def noted(*args):
    print("forked", file=sys.stderr)
    return start(*args)
workers._start = noted
if os.environ.get("ALONE"):
    cli.FORK_FROM = sys.maxsize
sys.exit(cli.main(sys.argv[1:]))
"""


def command(*args: str | Path, cwd: Path, alone: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**HERE, "ALONE": "1"} if alone else HERE
    return run(PYTHON, "-c", COMMAND, *args, cwd=cwd, env=env, check=False)


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalogue large enough for the command line to fork (cli.FORK_FROM codes)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import run as bench  # the benchmark's synthetic catalogues

    folder = tmp_path_factory.mktemp("large")
    return bench.synthesise(cli.FORK_FROM, Path(CATALOGUE), folder)[0]


def test_the_command_forks_and_writes_what_one_process_renders(large: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = command("--catalogue", large, "--out", out, "-q", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "forked\n")
    written = {
        path.relative_to(out).as_posix(): path.read_text(encoding="utf-8")
        for path in out.rglob("*")
        if path.is_file()
    }
    assert written == generator.generate(large)  # rendered in this one process
    small = command("--catalogue", CATALOGUE, "--out", tmp_path / "small", "-q", cwd=tmp_path)
    assert (small.returncode, small.stderr) == (0, "")  # too small to repay a fork


def test_a_failing_template_in_a_child_is_reported_as_alone(large: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "docs"
    mine.mkdir(parents=True)
    (mine / "broken.md.jinja").write_text("line one\n{{ catalogue.no_such_thing.deeper }}\n")
    out = tmp_path / "out"
    found = [
        command(
            "--catalogue",
            large,
            "--out",
            out,
            "--templates",
            tmp_path / "mine",
            *targets,
            cwd=tmp_path,
        )
        for targets in (["--target", "docs"], [])
    ]
    alone, forked = found
    assert forked.stderr.startswith("forked\n")
    assert (alone.returncode, alone.stderr) == (forked.returncode, forked.stderr[len("forked\n") :])
    assert forked.returncode == 2
    assert "broken.md.jinja:2" in forked.stderr
    assert "nothing was written" in forked.stderr
    assert not out.exists()


@pytest.mark.skipif(sys.platform != "linux", reason="/proc")
def test_an_interruption_leaves_nothing_and_no_child(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import run as bench  # the benchmark's synthetic catalogues: large enough to interrupt

    catalogue, _ = bench.synthesise(10_000, Path(CATALOGUE), tmp_path)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [PYTHON, "-m", "generator", "--catalogue", catalogue, "--out", out],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    children = f"/proc/{process.pid}/task/{process.pid}/children"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not Path(children).read_text().strip():
        time.sleep(0.01)
    forked = Path(children).read_text().split()
    assert forked, "no worker was forked"
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C does: the whole group
    stdout, stderr = process.communicate(timeout=60)
    assert (process.returncode, stdout, stderr) == (130, "", "")
    assert not any(path.is_file() for path in out.rglob("*"))
    for pid in forked:
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text()


def test_names_checked_while_children_render_fail_as_alone(large: Path, tmp_path: Path) -> None:
    """The parent checks the names while the children render: a bad name is reported as a
    run in one process reports it, and nothing is written."""
    text = large.read_text(encoding="utf-8")
    first = re.search(r"^codes:\n  (\w+):\n", text, re.MULTILINE)
    assert first is not None
    named = f"{first.group(0)}    names:\n      python: Exception\n"
    catalogue = tmp_path / "catalogue.yaml"
    catalogue.write_text(text.replace(first.group(0), named, 1), encoding="utf-8")
    out = tmp_path / "out"
    forked, alone = (
        command("--catalogue", catalogue, "--out", out, cwd=tmp_path, alone=alone)
        for alone in (False, True)
    )
    assert forked.stderr.startswith("forked\n")
    assert (forked.returncode, forked.stdout, forked.stderr[len("forked\n") :]) == (
        alone.returncode,
        alone.stdout,
        alone.stderr,
    )
    assert alone.returncode == 2
    assert "which would shadow a Python builtin" in alone.stderr
    assert not out.exists()
