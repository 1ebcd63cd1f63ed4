"""Spooled text: a file rendered into a spool rather than held is the same text, and is
written, compared and diffed exactly as the same text held in memory would be."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from strategies import Drawn, catalogues, examples

import generator
from generator import api, write

TEXTS = {
    "empty": "",
    "ascii": "export class SomeError extends Error {}\n" * 3,
    "wide": "Plus d\u2019un écran: ☃, 𝄞 and \u2028 too\n",
    # Past a spool's batch of pieces and past a chunk read back at once.
    "large": "".join(f"    code_{n} = 'code_{n}'\n" for n in range(60_000)),
}


@pytest.fixture
def spool() -> Iterator[int]:
    with tempfile.TemporaryFile() as file:
        yield file.fileno()


def pieces(text: str) -> list[str]:
    """text cut as a template's output is, into pieces of every size, some empty."""
    cut, at, size = [], 0, 0
    while at < len(text):
        size = size % 37 + 1
        cut += [text[at : at + size], ""]
        at += size
    return cut


def spooled(spool: int, text: str) -> write.Spooled:
    os.write(spool, b"something else before it")
    return write.spool(spool, pieces(text))


@pytest.mark.parametrize("name", TEXTS)
def test_spooled_text_reads_back_as_it_was_written(spool: int, name: str) -> None:
    text = TEXTS[name]
    found = spooled(spool, text)
    assert found.size == len(text.encode())
    assert b"".join(write.chunks(found)) == text.encode()


@pytest.mark.parametrize("name", TEXTS)
@pytest.mark.parametrize("system", ["linux", "macos", "windows"])
def test_spooled_text_is_written_and_compared_as_if_held(
    spool: int, name: str, system: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if system == "macos":  # sendfile takes sockets only

        def refused(*_: object) -> int:
            raise OSError("not a socket")

        monkeypatch.setattr(os, "sendfile", refused)
    if system == "windows":  # neither sendfile nor pread
        monkeypatch.delattr(os, "sendfile")
        monkeypatch.delattr(os, "pread")
    text = TEXTS[name]
    held = write.with_manifests({"t/file.txt": text}, ["t"])
    files = write.with_manifests({"t/file.txt": spooled(spool, text)}, ["t"])
    actions = write.apply(tmp_path / "spooled", files, ["t"])
    assert actions == write.apply(tmp_path / "held", held, ["t"])
    assert ("wrote", "t/file.txt") in actions
    assert (tmp_path / "spooled/t/file.txt").read_bytes() == text.encode()
    assert not write.compare(tmp_path / "spooled", files, ["t"])
    assert not write.compare(tmp_path / "held", files, ["t"])
    assert ("unchanged", "t/file.txt") in write.apply(tmp_path / "held", files, ["t"])


def test_spooled_text_is_diffed_as_if_held(spool: int, tmp_path: Path) -> None:
    old, new = TEXTS["ascii"], TEXTS["wide"] + TEXTS["ascii"]
    write.apply(tmp_path, write.with_manifests({"t/file.txt": old}, ["t"]), ["t"])
    held = {"t/file.txt": new}
    drift = write.compare(tmp_path, held, ["t"])
    assert drift.stale == ["t/file.txt"]
    expected = write.diff(tmp_path, held, drift, "out")
    assert "+Plus d\u2019un écran" in expected
    assert write.diff(tmp_path, {"t/file.txt": spooled(spool, new)}, drift, "out") == expected


@pytest.mark.skipif(not hasattr(os, "memfd_create"), reason="a spool in memory: Linux")
def test_what_is_released_goes_back_to_the_system() -> None:
    descriptor = os.memfd_create("spool")
    try:
        kept = spooled(descriptor, TEXTS["ascii"])
        released = write.spool(descriptor, pieces(TEXTS["large"]))
        held = os.fstat(descriptor).st_blocks * 512
        write.release({"t/kept.txt": TEXTS["ascii"], "t/released.txt": released})
        given_back = held - os.fstat(descriptor).st_blocks * 512
        assert released.size - given_back < 2 * 4096  # all but the pages it shares
        assert b"".join(write.chunks(kept)) == TEXTS["ascii"].encode()
    finally:
        os.close(descriptor)


def test_a_spool_that_ends_early_is_an_error_not_a_short_file(spool: int) -> None:
    found = spooled(spool, TEXTS["ascii"])
    beyond = write.Spooled(found.descriptor, found.start, found.size + 1)
    with pytest.raises(OSError, match="ends 1 bytes early"):
        b"".join(write.chunks(beyond))


@settings(max_examples=examples(30))
@given(catalogues())
def test_every_target_spooled_gives_what_it_gives_held(tmp_path_factory: Any, drawn: Drawn) -> None:
    path = drawn.write(tmp_path_factory.mktemp("catalogue"))
    found = api.discover()
    model = generator.load(path)
    with tempfile.TemporaryFile() as file:
        for target in api.default_targets(model, found):
            held = api.render_target(model, target, (), path.name, found)
            files = api.render_spooled(model, target, (), path.name, found, spool=file.fileno())
            assert any(isinstance(text, write.Spooled) for text in files.values())
            assert {path: b"".join(write.chunks(text)) for path, text in files.items()} == {
                path: text.encode() for path, text in held.items()
            }
