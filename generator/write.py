"""The only code that touches the output directory.

Each target folder keeps a manifest of the files the generator wrote there, so that a later
run removes the ones the catalogue no longer produces and leaves every other file alone.
Files are replaced atomically (temporary file, fsync, rename); unchanged files are not
rewritten; no path is written outside the output directory or through a symbolic link.
"""

from __future__ import annotations

import contextlib
import difflib
import itertools
import mmap
import os
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import stamp

MANIFEST = stamp.MANIFEST  # said there: the stamp, which imports nothing of ours, reads it
_MANIFEST_HEADER = "# Files error-bindings generated here; it removes them when they go stale.\n"


class UnsafePath(Exception):
    """A path would leave the output directory or pass through a symbolic link."""


@dataclass
class Drift:
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.missing or self.stale or self.extra)

    def add(self, other: Drift) -> None:
        self.missing += other.missing
        self.stale += other.stale
        self.extra += other.extra

    def lines(self, shown: str) -> list[str]:
        return [
            *(f"missing {shown}/{path}" for path in self.missing),
            *(f"stale   {shown}/{path}" for path in self.stale),
            *(f"extra   {shown}/{path}" for path in self.extra),
        ]


def with_manifests(files: dict[str, Text], targets: Iterable[str]) -> dict[str, Text]:
    """files plus one manifest per target listing that target's files."""
    result = dict(files)
    for target in targets:
        prefix = f"{target}/"
        owned = sorted(path[len(prefix) :] for path in files if path.startswith(prefix))
        result[f"{target}/{MANIFEST}"] = _MANIFEST_HEADER + "".join(f"{p}\n" for p in owned)
    return dict(sorted(result.items()))


def _checked(relative: str) -> PurePosixPath:
    path = PurePosixPath(relative)
    if (
        path.is_absolute()
        or not path.parts
        or any(part in ("", ".", "..") for part in path.parts)
        or "\\" in relative
        or "\0" in relative
    ):
        raise UnsafePath(f"refusing the output path {relative!r}: it must stay inside the output")
    return path


def _resolve(out: Path, relative: str, create: bool = False) -> Path:
    """The file's path under out, refusing any symbolic link on the way."""
    current = out
    parts = _checked(relative).parts
    for index, part in enumerate(parts):
        current = current / part
        if current.is_symlink():
            raise UnsafePath(f"refusing to follow the symbolic link {current}")
        if index < len(parts) - 1 and create:
            current.mkdir(exist_ok=True)  # another run may create it at the same moment
    return current


def owned(out: Path, target: str) -> list[str]:
    """What the target's manifest on disk says the generator wrote there."""
    try:
        text = _resolve(out, f"{target}/{MANIFEST}").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, UnsafePath):
        return []
    paths = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            try:
                paths.append(str(PurePosixPath(target) / _checked(line)))
            except UnsafePath:
                continue  # a tampered manifest never makes us touch a path outside
    return paths


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None


_CHUNK = 1 << 20


@dataclass(frozen=True)
class Spooled:
    """A file's text not held but written out, as UTF-8, to a spool: a file open for the
    rest of the run (see workers.in_order), where it is size bytes from start. Rendering
    100,000 codes makes files of 100 MB; spooled, the text is never in memory whole, nor
    the pieces it is joined from."""

    descriptor: int
    start: int
    size: int


Text = str | Spooled


class SpoolError(OSError):
    """A spool that cannot take what is written to it (a full disk, a memory limit)."""


_PIECES = 4096  # a template's pieces joined at once: a few hundred kilobytes


def spool(descriptor: int, pieces: Iterable[str]) -> Spooled:
    """The text of pieces, written at the end of the spool at descriptor. What pieces raises
    is raised as it is; where the spool fails, SpoolError."""
    try:
        start = os.lseek(descriptor, 0, os.SEEK_END)
    except OSError as error:
        raise SpoolError(error.errno, error.strerror) from error
    size = 0
    pieces = iter(pieces)
    while batch := list(itertools.islice(pieces, _PIECES)):
        data = "".join(batch).encode("utf-8")
        try:
            write_all(descriptor, data)
        except OSError as error:
            raise SpoolError(error.errno, error.strerror) from error
        size += len(data)
    return Spooled(descriptor, start, size)


def chunks(text: Text) -> Iterator[bytes]:
    """text as UTF-8, a megabyte at a time when it is ASCII (as generated code nearly always
    is) or spooled, so a 100 MB file is never held twice in memory."""
    if isinstance(text, Spooled):
        at, end = text.start, text.start + text.size
        while at < end:
            chunk = _read_at(text.descriptor, min(_CHUNK, end - at), at)
            if not chunk:
                raise OSError(f"the spool ends {end - at} bytes early")
            yield chunk
            at += len(chunk)
        return
    if not text.isascii():
        yield text.encode("utf-8")
        return
    for start in range(0, len(text), _CHUNK):
        yield text[start : start + _CHUNK].encode("ascii")


def release(files: Mapping[str, Text]) -> None:
    """Give the system back what files spooled, once it is on disk: a spool in memory would
    otherwise hold every file of a run until the end. The spool reads as zeros there after."""
    for text in files.values():
        if isinstance(text, Spooled) and hasattr(mmap, "MADV_REMOVE"):  # Linux
            page = mmap.ALLOCATIONGRANULARITY
            start = -(-text.start // page) * page  # the whole pages the text covers
            end = (text.start + text.size) // page * page
            if start < end:
                with (
                    contextlib.suppress(OSError, ValueError),  # a file system that cannot
                    mmap.mmap(text.descriptor, end - start, offset=start) as mapped,
                ):
                    mapped.madvise(mmap.MADV_REMOVE)


def _read_at(descriptor: int, size: int, at: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(descriptor, size, at)
    os.lseek(descriptor, at, os.SEEK_SET)  # Windows: spool() writes at the end all the same
    return os.read(descriptor, size)


def _copy(text: Spooled, descriptor: int) -> None:
    """What text spooled, copied into the file at descriptor by the system, not through
    memory here."""
    at, end = text.start, text.start + text.size
    sendfile = getattr(os, "sendfile", None)  # Windows has none
    while at < end:
        try:
            copied = 0 if sendfile is None else sendfile(descriptor, text.descriptor, at, end - at)
        except OSError:  # a system with sendfile to sockets only (macOS)
            copied = 0
        if not copied:
            for chunk in chunks(Spooled(text.descriptor, at, end - at)):
                write_all(descriptor, chunk)
            return
        at += copied


def write_all(descriptor: int, data: bytes) -> None:
    """data written whole to the file at descriptor, however little each write takes."""
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _size(text: Text) -> int:
    if isinstance(text, Spooled):
        return text.size
    return len(text) if text.isascii() else len(text.encode("utf-8"))


def _holds(path: Path, text: Text) -> bool | None:
    """Whether the file holds exactly text; None when there is no such file."""
    try:
        if not path.is_file():
            return None
        if path.stat().st_size != _size(text):
            return False
        with path.open("rb") as handle:
            return all(handle.read(len(chunk)) == chunk for chunk in chunks(text))
    except OSError:
        return None


def compare(out: Path, files: Mapping[str, Text], targets: Iterable[str]) -> Drift:
    drift = Drift()
    for relative, text in files.items():
        holds = _holds(_resolve(out, relative), text)
        if holds is None:
            drift.missing.append(relative)
        elif not holds:
            drift.stale.append(relative)
    for target in targets:
        drift.extra += [
            path
            for path in owned(out, target)
            if path not in files and _resolve(out, path).is_file()
        ]
    return drift


def orphans(out: Path, targets: Iterable[str]) -> list[str]:
    """Target folders holding a manifest although no template provides the target any more."""
    known = set(targets)
    try:
        folders = sorted(entry for entry in out.iterdir() if entry.name not in known)
    except OSError:
        return []
    return [
        folder.name
        for folder in folders
        if not folder.is_symlink()
        and folder.is_dir()
        and (folder / MANIFEST).is_file()
        and not (folder / MANIFEST).is_symlink()
    ]


def compare_orphan(out: Path, target: str) -> Drift:
    """An orphaned target's files, its manifest last, are all extra."""
    files = [path for path in owned(out, target) if _resolve(out, path).is_file()]
    return Drift(extra=[*files, f"{target}/{MANIFEST}"])


def diff(out: Path, files: Mapping[str, Text], drift: Drift, shown: str) -> str:
    """Unified diffs from what out holds to files, with paths as `shown/relative` so that
    `git apply` takes them from where the command ran."""
    hunks: list[str] = []
    for relative in drift.missing + drift.stale + drift.extra:
        old = (_read(_resolve(out, relative)) or b"").decode("utf-8", "replace")
        new = b"".join(chunks(files.get(relative, ""))).decode("utf-8")
        path = f"{shown}/{relative}" if shown not in ("", ".") else relative
        hunks += difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"a/{path}" if relative not in drift.missing else "/dev/null",
            f"b/{path}" if relative in files else "/dev/null",
        )
    return "".join(
        hunk if hunk.endswith("\n") else hunk + "\n\\ No newline at end of file\n" for hunk in hunks
    )


_TEMPORARY = ".generating"
_ABANDONED_AFTER = 60  # seconds: older temporary files were left by a killed run


def _temporary_copy(path: Path, text: Text) -> Path:
    """text in a new temporary file beside path, on disk (fsync), ready to be renamed."""
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=_TEMPORARY
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            if isinstance(text, Spooled):
                _copy(text, handle.fileno())
            else:
                for chunk in chunks(text):
                    handle.write(chunk)
                handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


def _atomic_write(out: Path, relative: str, text: str) -> None:
    path = _resolve(out, relative, create=True)
    try:
        temporary = _temporary_copy(path, text)
    except FileNotFoundError:  # a concurrent run pruned the folder between mkdir and write
        path = _resolve(out, relative, create=True)
        temporary = _temporary_copy(path, text)
    os.replace(temporary, path)


@dataclass
class _Change:
    """One target's staged change."""

    target: str
    renames: list[tuple[Path, str]]
    """(temporary file, relative path) for every file whose text changes."""
    unchanged: list[str]
    removed: list[str]
    """Files the target's manifest lists that it no longer produces."""
    previous: list[str]
    """What the manifest on disk listed."""
    manifest: str | None
    """The new manifest's text; None for a target no template provides any more."""


class Transaction:
    """A change to the output directory that lands whole or not at all.

    `stage` writes each target's changed files to temporary files beside their
    destinations, so only one target's text is in memory at a time; `commit` renames them
    all into place and removes stale files; `rollback` (or leaving the `with` block by an
    exception) removes the temporaries and leaves every old file as it was. Each rename is
    atomic, so a run killed at any moment leaves every file complete, old or new, and each
    manifest names every file a run may have written, for the next run to finish the job.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.changes: list[_Change] = []
        self.made: list[Path] = []  # folders staging created, removed again on rollback

    def __enter__(self) -> Transaction:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if error is not None:
            self.rollback()

    def stage(self, target: str, files: Mapping[str, Text]) -> None:
        """Stage one target: files are its files, its manifest included."""
        manifest = f"{target}/{MANIFEST}"
        previous = owned(self.out, target)
        _remove_abandoned(_resolve(self.out, target))
        renames: list[tuple[Path, str]] = []
        unchanged: list[str] = []
        for relative, text in files.items():
            if relative == manifest:
                continue
            path = self._folder_for(relative)
            if _holds(path, text):
                unchanged.append(relative)
            else:
                renames.append((_temporary_copy(path, text), relative))
        removed = [path for path in previous if path not in files]
        listed = files[manifest]
        assert isinstance(listed, str), "with_manifests writes manifests as text"
        self.changes.append(_Change(target, renames, unchanged, removed, previous, listed))

    def stage_removal(self, target: str) -> None:
        """Stage removing a target no template provides any more: the files its manifest
        lists, then the manifest; never any other file."""
        previous = owned(self.out, target)
        self.changes.append(_Change(target, [], [], previous, previous, None))

    def _folder_for(self, relative: str) -> Path:
        path = _resolve(self.out, relative)
        missing = [folder for folder in path.parents if not folder.exists()]
        for folder in reversed(missing):
            folder.mkdir(exist_ok=True)  # another run may create it at the same moment
            self.made.append(folder)
        return _resolve(self.out, relative)  # checked again: no link appeared meanwhile

    def rollback(self) -> None:
        for change in self.changes:
            for temporary, _ in change.renames:
                temporary.unlink(missing_ok=True)
        for folder in reversed(self.made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        self.changes, self.made = [], []

    def commit(self, order: Sequence[str] = ()) -> list[tuple[str, str]]:
        """Make every staged change, the targets in order first; returns (action, path) for
        every file considered, the action being wrote, removed or unchanged."""
        actions: list[tuple[str, str]] = []
        rank = {target: at for at, target in enumerate(order)}
        for change in sorted(self.changes, key=lambda change: rank.get(change.target, len(rank))):
            actions += self._commit(change)
        self.changes, self.made = [], []
        return actions

    def _commit(self, change: _Change) -> list[tuple[str, str]]:
        out, target = self.out, change.target
        manifest = f"{target}/{MANIFEST}"
        old_manifest = _read(_resolve(out, manifest))
        if change.manifest is not None:
            # Until the change is complete, the manifest names old and new files alike, so a
            # run killed half way still knows what to clean up next time.
            new = [line for line in change.manifest.splitlines(keepends=True)[1:]]
            old = [f"{path.split('/', 1)[1]}\n" for path in change.previous]
            _atomic_write(out, manifest, _MANIFEST_HEADER + "".join(sorted({*new, *old})))
        actions = [("unchanged", relative) for relative in change.unchanged]
        for temporary, relative in change.renames:
            os.replace(temporary, _resolve(out, relative))
            actions.append(("wrote", relative))
        for relative in change.removed:
            path = _resolve(out, relative)
            if path.is_file():
                path.unlink()
                actions.append(("removed", relative))
                _prune(out / target, path.parent)
        if change.manifest is None:
            _resolve(out, manifest).unlink(missing_ok=True)
            actions.append(("removed", manifest))
            _prune(out, out / target)
        else:
            if _holds(_resolve(out, manifest), change.manifest) is not True:
                _atomic_write(out, manifest, change.manifest)
            written = old_manifest != change.manifest.encode("utf-8")
            actions.append(("wrote" if written else "unchanged", manifest))
        return actions


def apply(out: Path, files: Mapping[str, Text], targets: Iterable[str]) -> list[tuple[str, str]]:
    """Bring out in line with files (each target's files with its manifest), all at once."""
    out.mkdir(parents=True, exist_ok=True)
    with Transaction(out) as transaction:
        for target in targets:
            prefix = f"{target}/"
            transaction.stage(target, {p: t for p, t in files.items() if p.startswith(prefix)})
        return transaction.commit()


def _remove_abandoned(folder: Path) -> None:
    """Temporary files of a run killed before it could rename them; a younger one may belong
    to a run still going, so it stays."""
    if not folder.is_dir() or folder.is_symlink():
        return
    deadline = time.time() - _ABANDONED_AFTER
    for path in folder.rglob(f".*{_TEMPORARY}"):
        with contextlib.suppress(OSError):
            if not path.is_symlink() and path.stat().st_mtime < deadline:
                path.unlink()


def _prune(top: Path, folder: Path) -> None:
    with contextlib.suppress(OSError):  # another run may be writing into it
        while folder != top and top in folder.parents and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
