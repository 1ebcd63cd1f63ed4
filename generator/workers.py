"""Render-only worker processes: each target is rendered in a forked child, two or more at
once when the machine has the cores, and its files come back to the parent, which alone
writes. What a run makes, prints and raises is the same as rendering them one by one."""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Result = TypeVar("Result")

_HEADER = 12  # a result's index and its length, before its pickle


MEMORY = 1 << 30
"""What the processes of a run may hold together. A forked child starts with all the parent
holds counted again, so a parent holding a large catalogue renders alone."""


def resident() -> int:
    """This process's resident memory in bytes; where /proc cannot say, its peak so far."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024  # bytes there, KiB here


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def in_order(
    work: Callable[[str], Result],
    names: Sequence[str],
    processes: int | None = None,
    *,
    longest_first: Sequence[str] = (),
    meanwhile: Callable[[], object] | None = None,
) -> Iterator[tuple[str, Result]]:
    """(name, work(name)) for each name, in their order, from up to `processes` children
    (by default, as many as the cores this process may use). Serial where forking is
    unsafe (another thread runs), would hold more than MEMORY, or buys nothing (one name,
    one core). A failure is raised when its turn comes, as a serial run would raise it; the
    children are gone by then.

    longest_first: names whose work is known to take longest, longest first; the children
    take them before the rest, so that no long one is left to start last. meanwhile: called
    once before the first result, in the parent while the children work; what it raises
    ends them."""
    count = min(len(names), cores() if processes is None else processes)
    # Each child holds what the parent holds, and about as much again while it renders.
    held = max(1, resident())
    count = min(count, (MEMORY - held) // (2 * held))
    threading = sys.modules.get("threading")
    if (
        count < 2
        or not hasattr(os, "fork")  # Windows
        or (threading is not None and threading.active_count() > 1)
    ):
        if meanwhile is not None:
            meanwhile()
        yield from _alone(work, names)
        return
    children: dict[int, int] = {}  # the read end of the pipe each sends its results on: pid
    try:  # whatever happens, from the first fork on, no child outlives this
        try:
            _start(work, names, _taken_first(names, longest_first), count, children)
            forked = True
        except OSError:  # no process or pipe to spare
            forked = False
        if meanwhile is not None:
            meanwhile()
        if forked:
            yield from _collected(children, names)
        else:
            _end_all(children)
            yield from _alone(work, names)
    finally:
        _end_all(children)


def _taken_first(names: Sequence[str], longest_first: Sequence[str]) -> list[int]:
    """The indices of names in the order the children take them."""
    first = [names.index(name) for name in dict.fromkeys(longest_first) if name in names]
    return first + [at for at in range(len(names)) if at not in first]


def _alone(work: Callable[[str], Result], names: Sequence[str]) -> Iterator[tuple[str, Result]]:
    for name in names:
        yield name, work(name)


def _start(
    work: Callable[[str], object],
    names: Sequence[str],
    order: Sequence[int],
    count: int,
    children: dict[int, int],
) -> None:
    """count children, each put in children as soon as it is made, taking the names at the
    indices of order in turn."""
    # Each child takes the next name from one pipe of tickets, so a slow target never holds
    # up the rest: the tickets are written, and the pipe closed, before any child starts.
    tickets, writing = os.pipe()
    os.write(writing, b"".join(index.to_bytes(4, "big") for index in order))
    os.close(writing)
    sys.stdout.flush()
    sys.stderr.flush()
    # An interruption between a fork and the child's own handler would run the parent's
    # clean-up in the child: it waits until every child is made, then reaches the parent.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        for _ in range(count):
            reading, results = os.pipe()
            _widen(results)
            try:
                pid = os.fork()
            except OSError:
                os.close(reading)
                os.close(results)
                raise
            if pid == 0:  # pragma: no cover - measured in the child, which never returns
                try:
                    # The whole process group hears Ctrl-C: the parent alone answers it.
                    signal.signal(signal.SIGINT, signal.SIG_IGN)
                    signal.pthread_sigmask(signal.SIG_SETMASK, held)
                    os.close(reading)
                    for other in children:
                        os.close(other)
                    _serve(work, names, tickets, results)
                finally:
                    os._exit(1)
            os.close(results)
            children[reading] = pid
    finally:
        os.close(tickets)
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _widen(pipe: int) -> None:
    """A pipe that holds a megabyte where the system allows: a target's output, megabytes at
    10,000 codes, then crosses in a few turns, not in hundreds."""
    import fcntl

    with contextlib.suppress(OSError, AttributeError):  # F_SETPIPE_SZ: Linux, Python 3.10
        fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, 1 << 20)


def _serve(work: Callable[[str], object], names: Sequence[str], tickets: int, out: int) -> None:
    status = 0
    try:
        while ticket := os.read(tickets, 4):
            index = int.from_bytes(ticket, "big")
            try:
                outcome: tuple[bool, object] = (True, work(names[index]))
            except BaseException as error:  # raised in the parent, in its turn
                where = "".join(traceback.format_tb(error.__traceback__))
                error.add_note(f"(in a worker process)\n{where}".rstrip())
                outcome = (False, error)
            data = _pickled(outcome)
            for part in (index.to_bytes(4, "big") + len(data).to_bytes(8, "big"), data):
                view = memoryview(part)
                while view:
                    view = view[os.write(out, view) :]
            if not outcome[0]:
                break
    except BaseException:  # the parent is gone, or the pipe is: nothing to tell anyone
        status = 1
    finally:
        os._exit(status)


def _pickled(outcome: tuple[bool, object]) -> bytes:
    data = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
    if outcome[0]:
        return data
    try:  # an error that does not come back as itself comes back as its traceback
        pickle.loads(data)
        return data
    except Exception:
        error = outcome[1]
        assert isinstance(error, BaseException)
        message = "".join(traceback.format_exception(error))
        return pickle.dumps((False, RuntimeError(message)), pickle.HIGHEST_PROTOCOL)


def _collected(children: dict[int, int], names: Sequence[str]) -> Iterator[tuple[str, Any]]:
    buffers = {reading: bytearray() for reading in children}
    done: dict[int, tuple[bool, object]] = {}
    turn = 0
    while turn < len(names):
        while turn in done:
            succeeded, value = done.pop(turn)
            if not succeeded:
                assert isinstance(value, BaseException)
                raise value
            yield names[turn], value
            turn += 1
        if turn == len(names):
            break
        if not buffers:
            raise RuntimeError(f"a worker process ended before rendering {names[turn]!r}")
        ready, _, _ = select.select(list(buffers), [], [])
        for reading in ready:
            chunk = os.read(reading, 1 << 20)
            buffer = buffers[reading]
            if not chunk:
                del buffers[reading]
                continue
            buffer += chunk
            while len(buffer) >= _HEADER:
                size = int.from_bytes(buffer[4:_HEADER], "big")
                if len(buffer) < _HEADER + size:
                    break
                index = int.from_bytes(buffer[:4], "big")
                with memoryview(buffer) as view:  # no copy of a target's whole output
                    done[index] = pickle.loads(view[_HEADER : _HEADER + size])
                del buffer[: _HEADER + size]


def _end_all(children: dict[int, int]) -> None:
    for reading, pid in children.items():
        _end(reading, pid)
    children.clear()


def _end(reading: int, pid: int) -> None:
    """A child finished, or no longer needed: stopped and reaped, its pipe closed."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(reading)
