"""Writes are crash-safe and contained: a generator killed at any moment leaves every file
complete (old or new), two generators at once leave a consistent tree, and nothing outside
the output directory is ever written."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from conftest import CATALOGUE, PYTHON

import generator

SYNTHETIC_CODES = 1500


def big_catalogue(path: Path, variant: str) -> Path:
    """The repository's catalogue plus enough codes that writing takes a while."""
    data = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    data["api"]["name"] = f"Qonversion API {variant}"
    for index in range(SYNTHETIC_CODES):
        data["codes"][f"synthetic_{index}"] = {
            "type": "resource",
            "status": 404,
            "message": f"Synthetic {variant} {index}",
            "description": f"Code number {index}.",
            "retryable": False,
            "fault": "client",
        }
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def start(catalogue: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [PYTHON, "-m", "generator", "--catalogue", catalogue, "--out", out, "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def owned_files(out: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(out)): path.read_bytes()
        for path in out.rglob("*")
        if path.is_file() and not path.name.endswith(".generating")
    }


def temporaries(out: Path) -> list[Path]:
    return list(out.rglob("*.generating"))


def old_or_new(out: Path, old: dict[str, str], new: dict[str, str]) -> set[str]:
    """Checks every file is complete; returns which versions the tree holds."""
    seen = set()
    found = owned_files(out)
    for path in old:
        assert path in found, f"{path} disappeared"
    for path, data in found.items():
        versions = {
            name
            for name, files in (("old", old), ("new", new))
            if files.get(path, "").encode() == data
        }
        assert versions, f"{path} is neither the old nor the new version ({len(data)} bytes)"
        if len(versions) == 1:
            seen |= versions
    return seen


def test_sigkill_at_any_moment_leaves_only_complete_files(tmp_path: Path) -> None:
    old_catalogue = big_catalogue(tmp_path / "old.yaml", "old")
    new_catalogue = big_catalogue(tmp_path / "new.yaml", "new")
    old, new = generator.generate(old_catalogue), generator.generate(new_catalogue)
    pristine = tmp_path / "pristine"
    assert start(old_catalogue, pristine).wait() == 0
    # A run stages every file first, then renames them all into place.
    first_renamed = pristine / "docs" / "mkdocs.yml"
    randomness = random.Random(20261124)
    mixed = interrupted = 0
    for attempt in range(21):
        out = tmp_path / f"out{attempt}"
        shutil.copytree(pristine, out)
        process = start(new_catalogue, out)
        if attempt % 3 == 0:  # anywhere in the run
            time.sleep(randomness.uniform(0, 0.8))
        elif attempt % 3 == 1:  # while staging
            while process.poll() is None and not temporaries(out):
                time.sleep(0.0005)
            time.sleep(randomness.uniform(0, 0.01))
        else:  # once the first file is renamed into place
            landed = out / first_renamed.relative_to(pristine)
            while process.poll() is None and landed.read_bytes() == first_renamed.read_bytes():
                time.sleep(0.0002)
        process.send_signal(signal.SIGKILL)
        process.wait()
        interrupted += bool(temporaries(out))
        mixed += old_or_new(out, old, new) == {"old", "new"}
        if attempt == 0:  # a later run finishes the job and clears what the killed one left
            for leftover in temporaries(out):
                os.utime(leftover, (0, 0))
            assert start(new_catalogue, out).wait() == 0
            assert owned_files(out) == {path: text.encode() for path, text in new.items()}
            assert not temporaries(out)
    print(f"killed while writing {interrupted} times, with old and new files mixed {mixed}")
    assert interrupted >= 4 and mixed >= 2, (interrupted, mixed)


def test_two_generators_at_once_leave_a_consistent_tree(tmp_path: Path) -> None:
    old_catalogue = big_catalogue(tmp_path / "old.yaml", "old")
    new_catalogue = big_catalogue(tmp_path / "new.yaml", "new")
    old, new = generator.generate(old_catalogue), generator.generate(new_catalogue)
    for attempt in range(3):
        out = tmp_path / f"same{attempt}"
        runs = [start(new_catalogue, out), start(new_catalogue, out)]
        assert [run.wait() for run in runs] == [0, 0], [r.stderr.read() for r in runs]  # type: ignore[union-attr]
        assert owned_files(out) == {path: text.encode() for path, text in new.items()}
        out = tmp_path / f"different{attempt}"
        runs = [start(old_catalogue, out), start(new_catalogue, out)]
        assert [run.wait() for run in runs] == [0, 0], [r.stderr.read() for r in runs]  # type: ignore[union-attr]
        for path, data in owned_files(out).items():
            assert data in (old.get(path, "").encode(), new.get(path, "").encode()), path


@pytest.mark.parametrize("link", ["python", "docs/mkdocs.yml", "typescript/src"])
def test_symbolic_links_inside_the_output_are_not_followed(link: str, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "mkdocs.yml").write_text("mine\n")
    out = tmp_path / "out"
    (out / link).parent.mkdir(parents=True, exist_ok=True)
    target = outside / "mkdocs.yml" if link.endswith(".yml") else outside
    (out / link).symlink_to(target)
    result = subprocess.run(
        [PYTHON, "-m", "generator", "--catalogue", CATALOGUE, "--out", out],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "symbolic link" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in outside.iterdir()) == ["mkdocs.yml"]
    assert (outside / "mkdocs.yml").read_text() == "mine\n"
