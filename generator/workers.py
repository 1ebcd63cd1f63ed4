"""Render-only worker processes: the targets are rendered two or more at once when the
machine has the cores, by the parent and forked children, and the children's files come back
to the parent, which alone writes. What a run makes, prints and raises is the same as
rendering them one by one.

Each process has a spool: a file (in memory where the system has one) that work may write
large results into instead of holding them, and that stays open until in_order ends. A
child's spool is where its results go anyway, open in the parent under the same descriptor
(a fork copies the descriptors as they are), so what a child spooled reaches the parent
without being read into memory on either side."""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, TypeVar

from . import write

Result = TypeVar("Result")

_NOTICE = 20  # that a child put a result in its file: its index, where it starts, its length


MEMORY = 1 << 30
"""What the processes of a run may hold together. A forked child starts with all the parent
holds counted again, so a parent holding a very large catalogue renders alone."""


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
    work: Callable[[str, int | None], Result],
    names: Sequence[str],
    processes: int | None = None,
    *,
    longest_first: Sequence[str] = (),
    meanwhile: Callable[[], object] | None = None,
    as_ready: bool = False,
) -> Iterator[tuple[str, Result]]:
    """(name, work(name, spool)) for each name, in their order, from up to `processes`
    processes: this one and children forked from it (by default, as many as the cores this
    process may use). Serial where forking is unsafe (another thread runs), would hold more
    than MEMORY, or buys nothing (one name, one core). A failure is raised when its turn
    comes, as a serial run would raise it; the children are gone by then.

    spool: the descriptor of a file work may append to (see write.spool), open until the
    last result has been taken: what work writes there need not be returned. None where no
    such file could be made.

    longest_first: names whose work is known to take longest, longest first; they are taken
    before the rest, so that no long one is left to start last. meanwhile: called once
    before the first result, while the children work; what it raises ends them. as_ready:
    each result as soon as it is there, not in the order of names; a failure is still raised
    only once every name before it has its result."""
    count = min(len(names), cores() if processes is None else processes)
    # Each child holds what this process holds (its pages count in both), and each process
    # a little more at its peak, what work makes going to the spools: at 100,000 codes,
    # 365 MiB held, peaks of 421 (the catalogue's reading) and 362 MiB. This process's spool
    # in memory holds one target's files at most, until they are written out.
    count = min(count, MEMORY * 4 // (5 * max(1, resident())))
    threading = sys.modules.get("threading")
    alone = (
        count < 2
        or not hasattr(os, "fork")  # Windows
        or (threading is not None and threading.active_count() > 1)
    )
    spools: list[IO[bytes]] = []  # this process's, if it has one, then each child's
    with contextlib.suppress(OSError):  # no file to spare: work holds what it makes
        spools.append(_spool_file(in_memory=True))
    spool = spools[0].fileno() if spools else None
    children: dict[int, _Child] = {}  # by the read end of the pipe it sends notices on
    tickets = None
    try:  # whatever happens, from the first fork on, no child outlives this
        if not alone:
            with contextlib.suppress(OSError):  # no process, pipe or file to spare: alone
                order = _taken_first(names, longest_first)
                tickets = _start(work, names, order, count, children, spools)
        if meanwhile is not None:
            meanwhile()
        if tickets is None:
            _end_all(children)
            yield from _alone(work, names, spool)
        else:
            yield from _shared(work, names, tickets, children, spool, as_ready)
    finally:
        _end_all(children)
        if tickets is not None:
            os.close(tickets)
        for file in spools:
            file.close()


def _taken_first(names: Sequence[str], longest_first: Sequence[str]) -> list[int]:
    """The indices of names in the order they are taken."""
    first = [names.index(name) for name in dict.fromkeys(longest_first) if name in names]
    return first + [at for at in range(len(names)) if at not in first]


def _alone(
    work: Callable[[str, int | None], Result], names: Sequence[str], spool: int | None
) -> Iterator[tuple[str, Result]]:
    for name in names:
        yield name, work(name, spool)


class _Child:
    def __init__(self, pid: int, results: int) -> None:
        self.pid = pid
        self.results = results
        """Where the child puts its results, its spool: a file, so that it never waits for
        the parent to read them while the parent works too."""
        self.notices = bytearray()


def _start(
    work: Callable[[str, int | None], object],
    names: Sequence[str],
    order: Sequence[int],
    count: int,
    children: dict[int, _Child],
    spools: list[IO[bytes]],
) -> int:
    """count - 1 children, each put in children as soon as it is made (its spool in
    spools), and the tickets they and this process take: the indices of names, in the order
    given."""
    # Each process takes the next name from one pipe of tickets, so a slow target never
    # holds up the rest: the tickets are written, and the pipe closed, before any child
    # starts.
    tickets, writing = os.pipe()
    try:
        os.write(writing, b"".join(index.to_bytes(4, "big") for index in order))
    finally:
        os.close(writing)
    sys.stdout.flush()
    sys.stderr.flush()
    # An interruption between a fork and the child's own handler would run the parent's
    # clean-up in the child: it waits until every child is made, then reaches the parent.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        for _ in range(count - 1):
            results = _spool_file(in_memory=False)
            spools.append(results)
            reading, notices = os.pipe()
            try:
                pid = os.fork()
            except OSError:
                os.close(reading)
                os.close(notices)
                raise
            if pid == 0:  # pragma: no cover - measured in the child, which never returns
                try:
                    # The whole process group hears Ctrl-C: the parent alone answers it.
                    signal.signal(signal.SIGINT, signal.SIG_IGN)
                    signal.pthread_sigmask(signal.SIG_SETMASK, held)
                    os.close(reading)
                    for other in children:
                        os.close(other)
                    _serve(work, names, tickets, notices, results.fileno())
                finally:
                    os._exit(1)
            os.close(notices)
            children[reading] = _Child(pid, results.fileno())
    except BaseException:
        os.close(tickets)
        raise
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    return tickets


def _spool_file(in_memory: bool) -> IO[bytes]:
    """This process's spool in memory, where the system allows: what it spools there is
    written out, and given back, at once. A child's is a temporary file: what it spools
    waits there for the parent, which may be busy, as pages the system may write out."""
    if in_memory and hasattr(os, "memfd_create"):  # Linux, where a sandbox may refuse it
        with contextlib.suppress(OSError):
            return open(os.memfd_create("render-spool", os.MFD_CLOEXEC), "w+b")
    return tempfile.TemporaryFile()


def _serve(
    work: Callable[[str, int | None], object],
    names: Sequence[str],
    tickets: int,
    out: int,
    results: int,
) -> None:
    status = 0
    try:
        while ticket := os.read(tickets, 4):
            index = int.from_bytes(ticket, "big")
            try:
                outcome: tuple[bool, object] = (True, work(names[index], results))
            except BaseException as error:  # raised in the parent, in its turn
                where = "".join(traceback.format_tb(error.__traceback__))
                error.add_note(f"(in a worker process)\n{where}".rstrip())
                outcome = (False, error)
            data = _pickled(outcome)
            start = os.lseek(results, 0, os.SEEK_END)  # after what work spooled
            write.write_all(results, data)
            notice = b"".join(
                number.to_bytes(size, "big")
                for number, size in ((index, 4), (start, 8), (len(data), 8))
            )
            os.write(out, notice)  # whole: a pipe never splits what fits in PIPE_BUF
            if not outcome[0]:
                break
    except BaseException:  # the parent is gone, or the pipe or the file is
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


def _shared(
    work: Callable[[str, int | None], Result],
    names: Sequence[str],
    tickets: int,
    children: dict[int, _Child],
    spool: int | None,
    as_ready: bool,
) -> Iterator[tuple[str, Any]]:
    """The results, from this process taking tickets too and from the children."""
    done: dict[int, tuple[bool, object]] = {}
    turn = 0  # every name before it has had its result
    given: set[int] = set()  # names after turn whose result was given
    taking = True  # until a failure is known: what comes after it is never needed
    while True:
        for index in sorted(done) if as_ready else ():
            if done[index][0]:
                given.add(index)
                yield names[index], done.pop(index)[1]
        while turn in given or turn in done:
            if turn in done:
                succeeded, value = done.pop(turn)
                if not succeeded:
                    assert isinstance(value, BaseException)
                    raise value
                yield names[turn], value
            given.discard(turn)
            turn += 1
        if turn == len(names):
            return
        if as_ready and children and _received(children, done, wait=False):
            continue  # what is there goes first: less is left for the end
        taking = taking and all(succeeded for succeeded, _ in done.values())
        ticket = os.read(tickets, 4) if taking else b""
        if ticket:
            _work(work, names, int.from_bytes(ticket, "big"), spool, done)
        elif children:
            _received(children, done, wait=True)
        else:  # every child is gone, one with a name it took: this process does it
            _work(work, names, turn, spool, done)


def _work(
    work: Callable[[str, int | None], object],
    names: Sequence[str],
    index: int,
    spool: int | None,
    done: dict[int, tuple[bool, object]],
) -> None:
    try:
        done[index] = (True, work(names[index], spool))
    except Exception as error:  # raised in its turn
        done[index] = (False, error)


def _received(
    children: dict[int, _Child], done: dict[int, tuple[bool, object]], wait: bool
) -> bool:
    """The results the children have put in their files since, into done, and whether there
    were any; an ended child is dropped from children."""
    before = len(done)
    ready, _, _ = select.select(list(children), [], [], None if wait else 0)
    for reading in ready:
        child = children[reading]
        chunk = os.read(reading, 1 << 16)
        if not chunk:
            del children[reading]
            _end(reading, child)
            continue
        child.notices += chunk
        while len(child.notices) >= _NOTICE:
            notice = bytes(child.notices[:_NOTICE])
            del child.notices[:_NOTICE]
            index = int.from_bytes(notice[:4], "big")
            start, size = int.from_bytes(notice[4:12], "big"), int.from_bytes(notice[12:], "big")
            spooled = write.Spooled(child.results, start, size)
            done[index] = pickle.loads(b"".join(write.chunks(spooled)))
    return len(done) > before


def _end_all(children: dict[int, _Child]) -> None:
    for reading, child in children.items():
        _end(reading, child)
    children.clear()


def _end(reading: int, child: _Child) -> None:
    """A child finished, or no longer needed: stopped and reaped, its pipe closed (its spool
    stays open while what it spooled may be taken)."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(child.pid, signal.SIGKILL)
    os.waitpid(child.pid, 0)
    os.close(reading)
