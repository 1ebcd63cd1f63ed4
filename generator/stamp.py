"""The stamp: how a run that would change nothing answers without rendering anything.

A generate that succeeds leaves a stamp in the cache directory: what the run read (the
catalogue, every template folder, the generator's own files, the libraries that render) and
what it left (every output file), each hashed. A later run with the same arguments, settings,
interpreter and working folder finds that stamp, hashes the same things again and answers
"up to date" only when every hash agrees; on any difference, or any doubt, it runs in full.
--check and --diff only read stamps. Nothing here ever goes into the output directory.

This module runs before the rest of the generator is imported, so it imports nothing but
the interpreter's cheapest modules.
"""

from __future__ import annotations

import marshal
import os
import stat
import sys

TYPE_CHECKING = False  # typing itself would cost 3 ms
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any

try:  # hashlib would load OpenSSL: 2 ms of the 30 a stamped answer may take
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without it
    from hashlib import blake2b

LAYOUT = 3
"""Of a stamp's contents; a stamp of another layout is never read."""
PRINTING = ("--check", "--diff", "-q", "--quiet")
"""Options that change what a run prints, never what it makes."""
VALUED = ("--catalogue", "--out", "--target", "--templates")
LIBRARIES = ("jinja2", "markupsafe", "yaml", "orjson", "black")
"""Whose code decides what a run makes, besides the generator's and the interpreter's."""
MANIFEST = ".manifest"
"""The file in each target's folder listing what a run wrote there (write.py keeps it)."""
HERE = os.path.dirname(os.path.abspath(__file__))


def cache_root() -> str:
    """Where the command line keeps its caches: $XDG_CACHE_HOME/error-bindings, else
    ~/.cache/error-bindings. Nothing else writes outside the output directory."""
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(root, "error-bindings")


def key(arguments: Iterable[str]) -> str | None:
    """The name of a run's stamp. It covers all that decides where a run reads and writes:
    its arguments but the printing ones, every pyproject.toml the settings may come from,
    the interpreter and its search path, the generator's folder and the working folder.
    None for arguments no plain run takes (those always run in full)."""
    kept: list[str] = []
    valued = False
    for argument in arguments:
        if valued:
            valued = False
        elif argument in PRINTING:
            continue
        elif argument in VALUED:
            valued = True
        elif argument.partition("=")[0] not in VALUED:
            return None
        kept.append(argument)
    if valued:
        return None
    try:
        working = os.getcwd()
    except OSError:  # the working folder is gone: the full run says so
        return None
    settings = [
        _content(os.path.join(folder, "pyproject.toml")) for folder in settings_folders(working)
    ]
    # sys.path[0] is the working folder under `python -m` and the script's under the
    # command; both find the generator in HERE, which the key holds.
    identity = (LAYOUT, sys.version, sys.executable, sys.path[1:], HERE, working)
    return blake2b(marshal.dumps((identity, kept, settings))).hexdigest()


def settings_folders(start: str) -> Iterator[str]:
    """The folders whose pyproject.toml may hold the settings, nearest first: from start up
    to the repository's root (a pyproject.toml above it is another project's)."""
    folder = start
    while True:
        yield folder
        if os.path.exists(os.path.join(folder, ".git")) or os.path.exists(
            os.path.join(folder, ".hg")
        ):
            return
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent


def answer(arguments: list[str]) -> int | None:
    """The exit status of a run its stamp shows would change nothing, having printed what
    that run would print; None when the run must be made in full."""
    checking, diffing = "--check" in arguments, "--diff" in arguments
    try:
        found = _found(arguments)
    except Exception:  # a working folder gone, a stamp not ours: the full run will say
        return None
    if found is None or (checking and diffing):
        return None
    if "-q" in arguments or "--quiet" in arguments or found["quiet"]:
        return 0
    for warning in found["warnings"]:
        print(f"warning: {warning}", file=sys.stderr)
    if checking:
        _say(found["up_to_date"])
    elif not diffing:
        _say(f"0 written, 0 removed, {found['files']} unchanged")
    return 0


_FIELDS = {
    "layout": int,
    "modified": list,
    "inputs": list,
    "out": str,
    "listing": list,
    "outputs": list,
    "files": int,
    "quiet": bool,
    "warnings": list,
    "up_to_date": str,
    "seconds": dict,
}


def _found(arguments: list[str]) -> dict[str, Any] | None:
    """The run's stamp, when what it hashed hashes the same again."""
    name = key(arguments)
    if name is None:
        return None
    found = _read(name)
    return found if found is not None and _holds(found) else None


def _read(name: str) -> dict[str, Any] | None:
    try:
        with open(os.path.join(cache_root(), "stamps", name), "rb") as handle:
            found = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if (
        not isinstance(found, dict)
        or found.get("layout") != LAYOUT
        or any(not isinstance(found.get(name), kind) for name, kind in _FIELDS.items())
    ):
        return None
    return found


def seconds(name: str) -> dict[str, float]:
    """How long the last run with this stamp's name took to render each target, whether or
    not anything changed since: the slowest are best started first."""
    found = _read(name)
    timings = found["seconds"] if found is not None else {}
    return {
        target: taken
        for target, taken in timings.items()
        if isinstance(target, str) and isinstance(taken, float)
    }


def _holds(found: dict[str, Any]) -> bool:
    return (
        all(_modified(path) == when for path, when in found["modified"])
        and all(hashed is not None and digest(path) == hashed for path, hashed in found["inputs"])
        and listing(found["out"]) == found["listing"]
        and all(_output(path) == hashed for path, hashed in found["outputs"])
    )


def _modified(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def _say(line: str) -> None:
    try:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # `... | head -0`: as the full run, print nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def inputs(catalogue: str, templates: Iterable[str]) -> list[tuple[str, bytes | None]]:
    """What a run reads, hashed before it reads them: a file changed while the run goes is
    then stamped as it was, and the next run sees the change. None for what a stamp cannot
    vouch for, a run of which is never stamped: a template folder defining a target in
    Python (<folder>/<target>.py), which may read anything."""
    found = [(path, digest(path)) for path in map(os.path.abspath, [catalogue, HERE])]
    for folder in map(os.path.abspath, templates):
        modules = any(name.endswith(".py") for name in os.listdir(folder))
        found.append((folder, None if modules else digest(folder)))
    return found


def libraries() -> list[tuple[str, int | None]]:
    """When the libraries' files, and the folders they are found in, last changed:
    installing, upgrading or removing a package changes them, whether this process imported
    it or not (a worker may import black). Times, not hashes: black alone is megabytes."""
    import importlib.util  # here: only a full run saves

    paths = []
    for name in LIBRARIES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin is not None:
            paths += [spec.origin, os.path.dirname(spec.origin)]
    # sys.path[0] is the working folder under `python -m`, which changes all the time.
    paths += [path for path in sys.path[1:] if os.path.isdir(path)]
    return [(path, _modified(path)) for path in dict.fromkeys(map(os.path.abspath, paths))]


def save(name: str, found: dict[str, Any]) -> None:
    """Leave a stamp; a cache that cannot be written only costs the next run its speed."""
    import contextlib  # here: only a full run saves

    folder = os.path.join(cache_root(), "stamps")
    temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        os.makedirs(folder, exist_ok=True)
        with open(temporary, "wb") as handle:
            marshal.dump({"layout": LAYOUT, **found}, handle)
        os.replace(temporary, os.path.join(folder, name))
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def text_digest(chunks: Iterable[bytes]) -> bytes:
    hashed = blake2b()
    for chunk in chunks:
        hashed.update(chunk)
    return hashed.digest()


def digest(path: str) -> bytes | None:
    """A file's contents, or a folder's names and contents all the way down, hashed; None
    when there is nothing there."""
    try:
        if os.path.isdir(path):
            return text_digest(_folder(path))
        return _content_digest(path)
    except OSError:
        return None


def _folder(path: str) -> Iterator[bytes]:
    for entry in sorted(os.scandir(path), key=lambda entry: entry.name):
        if entry.name == "__pycache__":
            continue
        name = os.fsencode(entry.name)
        if entry.is_dir():
            yield b"d" + name + b"\0"
            yield from _folder(entry.path)
            yield b"\0"
        elif entry.is_file():
            yield b"f" + name + b"\0" + _content_digest(entry.path)
        else:  # a dangling link, a pipe: nothing a stamp can vouch for
            raise OSError(f"not a file: {entry.path}")


def _content(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _content_digest(path: str) -> bytes:
    with open(path, "rb") as handle:
        return blake2b(handle.read()).digest()


def _output(path: str) -> bytes | None:
    """An output file as the writer would see it: a regular file reached through no link
    (its path was stamped resolved)."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode) or os.path.realpath(path) != path:
            return None
        return _content_digest(path)
    except OSError:
        return None


def listing(out: str) -> list[tuple[str, bool, bool]]:
    """The output folder's entries, each with whether it is a link and whether it holds a
    manifest: what decides which targets a run finds orphaned."""
    try:
        entries = sorted(os.scandir(out), key=lambda entry: entry.name)
    except OSError:
        return []
    return [
        (entry.name, entry.is_symlink(), os.path.isfile(os.path.join(entry.path, MANIFEST)))
        for entry in entries
    ]
