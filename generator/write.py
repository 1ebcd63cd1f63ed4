"""The only code that touches the output directory.

Each target folder keeps a manifest of the files the generator wrote there, so that a later
run removes the ones the catalogue no longer produces and leaves every other file alone.
Files are replaced atomically (temporary file, fsync, rename); unchanged files are not
rewritten; no path is written outside the output directory or through a symbolic link.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MANIFEST = ".manifest"
_MANIFEST_HEADER = "# Files generated here by `python -m generator`; it removes them when stale.\n"


class UnsafePath(Exception):
    """A path would leave the output directory or pass through a symbolic link."""


@dataclass
class Drift:
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.missing or self.stale or self.extra)

    def lines(self) -> list[str]:
        return [
            *(f"missing {path}" for path in self.missing),
            *(f"stale   {path}" for path in self.stale),
            *(f"extra   {path}" for path in self.extra),
        ]


def with_manifests(files: dict[str, str], targets: Iterable[str]) -> dict[str, str]:
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


def _chunks(text: str) -> Iterator[bytes]:
    """text as UTF-8, a megabyte at a time when it is ASCII (as generated code nearly always
    is), so a 100 MB file is never held twice in memory."""
    if not text.isascii():
        yield text.encode("utf-8")
        return
    for start in range(0, len(text), _CHUNK):
        yield text[start : start + _CHUNK].encode("ascii")


def _size(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8"))


def _holds(path: Path, text: str) -> bool | None:
    """Whether the file holds exactly text; None when there is no such file."""
    try:
        if not path.is_file():
            return None
        if path.stat().st_size != _size(text):
            return False
        with path.open("rb") as handle:
            return all(handle.read(len(chunk)) == chunk for chunk in _chunks(text))
    except OSError:
        return None


def compare(out: Path, files: dict[str, str], targets: Iterable[str]) -> Drift:
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


def diff(out: Path, files: dict[str, str], drift: Drift) -> str:
    chunks: list[str] = []
    for relative in drift.missing + drift.stale + drift.extra:
        old = (_read(_resolve(out, relative)) or b"").decode("utf-8", "replace")
        new = files.get(relative, "")
        chunks += difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"a/{relative}" if relative not in drift.missing else "/dev/null",
            f"b/{relative}" if relative in files else "/dev/null",
        )
    return "".join(
        chunk if chunk.endswith("\n") else chunk + "\n\\ No newline\n" for chunk in chunks
    )


_TEMPORARY = ".generating"
_ABANDONED_AFTER = 60  # seconds: older temporary files were left by a killed run


def _atomic_write(path: Path, text: str) -> None:
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=_TEMPORARY
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            for chunk in _chunks(text):
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def apply(out: Path, files: dict[str, str], targets: Iterable[str]) -> list[tuple[str, str]]:
    """Bring out in line with files; returns (action, path) for every file considered."""
    targets = list(targets)
    out.mkdir(parents=True, exist_ok=True)
    manifests = {f"{target}/{MANIFEST}": owned(out, target) for target in targets}
    for target in targets:
        _remove_abandoned(_resolve(out, target))
    current = {path: _holds(_resolve(out, path), files[path]) for path in manifests}
    for manifest, previous in manifests.items():
        # Until this run ends, the manifest names old and new files alike, so a run killed
        # half way still knows what to clean up next time.
        new = files.get(manifest, "").splitlines(keepends=True)[1:]
        old = [f"{path.split('/', 1)[1]}\n" for path in previous]
        _write_if_changed(out, manifest, _MANIFEST_HEADER + "".join(sorted({*new, *old})))
    actions = [
        (_write_if_changed(out, relative, text), relative)
        for relative, text in files.items()
        if relative not in manifests
    ]
    for manifest, previous in manifests.items():
        for relative in previous:
            path = _resolve(out, relative)
            if relative not in files and path.is_file():
                path.unlink()
                actions.append(("removed", relative))
                _prune(out / manifest.split("/", 1)[0], path.parent)
        _write_if_changed(out, manifest, files[manifest])
        actions.append(("unchanged" if current[manifest] else "wrote", manifest))
    return actions


def _write_if_changed(out: Path, relative: str, text: str) -> str:
    path = _resolve(out, relative, create=True)
    if _holds(path, text):
        return "unchanged"
    try:
        _atomic_write(path, text)
    except FileNotFoundError:  # a concurrent run pruned the folder between mkdir and write
        _atomic_write(_resolve(out, relative, create=True), text)
    return "wrote"


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
