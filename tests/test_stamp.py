"""The stamp: an unchanged tree is answered before the generator's stages are imported, and
any change to what a run reads or left behind sends the run down the full path."""

from __future__ import annotations

import marshal
import shutil
import sys
from pathlib import Path

import pytest
from conftest import PYTHON, ROOT, run

from generator import stamp


class Project:
    """A user's project made with --init, run as the user runs it: `python -m generator`."""

    def __init__(self, folder: Path, cache: Path) -> None:
        self.folder, self.cache = folder, cache
        folder.mkdir(parents=True, exist_ok=True)
        self.run("--init")

    def run(self, *args: str, generator: Path = ROOT) -> tuple[int, str, str, bool]:
        """`python -m generator` from the generator in the folder given: exit status, stdout,
        stderr and whether the stamp answered (jinja2 was never imported)."""
        done = run(
            PYTHON, "-X", "importtime", "-m", "generator", *args, cwd=self.folder,
            env={"XDG_CACHE_HOME": str(self.cache), "PYTHONPATH": str(generator)}, check=False,
        )  # fmt: skip
        lines = done.stderr.splitlines()
        imported = [line for line in lines if line.startswith("import time:")]
        stderr = "".join(f"{line}\n" for line in lines if not line.startswith("import time:"))
        answered = not any(line.rstrip().endswith(" jinja2") for line in imported)
        return done.returncode, done.stdout, stderr, answered

    def stamps(self) -> list[Path]:
        folder = self.cache / "error-bindings" / "stamps"
        return sorted(folder.iterdir()) if folder.is_dir() else []


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project", tmp_path / "cache")


@pytest.fixture
def stamped(project: Project) -> Project:
    code, _, stderr, answered = project.run()
    assert (code, stderr, answered) == (0, "", False)
    return project


def full(project: Project, *args: str) -> tuple[int, str, str]:
    """What a run says without a stamp to answer from."""
    saved = {path: path.read_bytes() for path in project.stamps()}
    for path in saved:
        path.unlink()
    code, stdout, stderr, answered = project.run(*args)
    assert not answered
    for path, data in saved.items():
        path.write_bytes(data)
    return code, stdout, stderr


@pytest.mark.parametrize(
    "args", [(), ("--check",), ("--diff",), ("-q",), ("--check", "--quiet"), ("--out", "x")]
)
def test_a_stamped_run_says_what_the_full_run_says(stamped: Project, args: tuple[str, ...]) -> None:
    if "--out" in args:
        stamped.run(*args)  # its own stamp: another output folder
    code, stdout, stderr, answered = stamped.run(*args)
    assert answered
    assert (code, stdout, stderr) == full(stamped, *args)
    assert code == 0


def test_the_stamp_lives_in_the_cache_and_check_only_reads_it(project: Project) -> None:
    assert project.run("--check")[0] == 1  # nothing generated yet
    assert project.run("--check")[3] is False
    assert project.stamps() == []
    project.run()
    assert len(project.stamps()) == 1
    out = project.folder / "generated"
    listed = {
        manifest.parent / line
        for manifest in out.glob("*/.manifest")
        for line in [".manifest", *manifest.read_text().splitlines()]
        if not line.startswith("#")
    }
    assert {path for path in out.rglob("*") if path.is_file()} == listed
    before = project.stamps()[0].read_bytes()
    assert project.run("--check")[3] is True
    assert project.stamps()[0].read_bytes() == before


def _edit_generated(project: Project) -> None:
    path = next((project.folder / "generated" / "python").rglob("__init__.py"))
    path.write_text(path.read_text() + "# a hand edit\n")


def _remove_generated(project: Project) -> None:
    next((project.folder / "generated" / "docs").rglob("*.md")).unlink()


def _link_generated(project: Project) -> None:
    path = next((project.folder / "generated" / "python").rglob("__init__.py"))
    copy = project.folder / "kept.txt"
    shutil.copy(path, copy)
    path.unlink()
    path.symlink_to(copy)


def _orphan(project: Project) -> None:
    folder = project.folder / "generated" / "gone"
    folder.mkdir()
    (folder / ".manifest").write_text("# Files error-bindings generated here\nold.txt\n")
    (folder / "old.txt").write_text("left by a target no longer there\n")


def _edit_catalogue(project: Project) -> None:
    path = project.folder / "catalogue.yaml"
    path.write_text(path.read_text().replace("prefix:", "# an edit\nprefix:", 1))


def _settings(project: Project) -> None:
    (project.folder / "pyproject.toml").write_text('[tool.generator]\ntarget = ["python"]\n')


def _another_library(project: Project) -> None:
    """As if jinja2 had been upgraded since the stamp: its files are of another time."""
    found = marshal.loads(project.stamps()[0].read_bytes())
    found["modified"] = [
        (path, when - 1 if "jinja2" in path else when) for path, when in found["modified"]
    ]
    project.stamps()[0].write_bytes(marshal.dumps(found))


def _linked_folder(project: Project) -> None:
    """A folder of the output replaced by a link to a copy of itself."""
    folder = next((project.folder / "generated" / "python").iterdir())
    while not folder.is_dir():
        folder = next(folder.parent.iterdir())
    copy = project.folder / "elsewhere"
    shutil.copytree(folder, copy)
    shutil.rmtree(folder)
    folder.symlink_to(copy, target_is_directory=True)


@pytest.mark.parametrize(
    "change",
    [
        _edit_generated,
        _remove_generated,
        _link_generated,
        _orphan,
        _edit_catalogue,
        _settings,
        _another_library,
        _linked_folder,
    ],
)
def test_any_change_runs_in_full(stamped: Project, change: object) -> None:
    assert callable(change)
    change(stamped)
    assert stamped.run("--check")[3] is False
    code, _, _, answered = stamped.run()
    assert not answered
    if code == 0:  # a link among the outputs is refused (exit 2) until it goes
        up_to_date = "generated is up to date with catalogue.yaml\n"
        assert stamped.run("--check") == (0, up_to_date, "", True)


def test_a_changed_template_in_any_folder_runs_in_full(stamped: Project) -> None:
    mine = stamped.folder / "mine" / "docs"
    mine.mkdir(parents=True)
    args = ("--templates", "mine", "--target", "docs")
    assert stamped.run(*args)[0] == 0
    assert stamped.run(*args, "--check")[3] is True
    (mine / "extra.md.jinja").write_text("# Extra\n")
    code, stdout, _, answered = stamped.run(*args, "--check")
    assert (code, answered) == (1, False)
    assert "docs/extra.md" in stdout
    stamped.run(*args)
    (mine / "extra.md.jinja").write_text("# Extra!\n")
    assert stamped.run(*args, "--check")[:1] == (1,)


def test_another_generator_runs_in_full(stamped: Project, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(ROOT / "generator", copy / "generator", ignore=shutil.ignore_patterns("__*__"))
    shutil.copy(ROOT / "generator" / "__init__.py", copy / "generator")
    shutil.copy(ROOT / "generator" / "__main__.py", copy / "generator")
    shutil.copytree(ROOT / "templates", copy / "templates")

    def check() -> bool:
        code, _, stderr, answered = stamped.run("--check", generator=copy)
        assert code == 0, stderr
        return answered

    assert not check()  # another folder of the generator: another stamp
    assert stamped.run("-q", generator=copy)[0] == 0
    assert check()
    escape = copy / "generator" / "escape.py"
    escape.write_text(escape.read_text() + "\n# another version\n")
    assert not check()


def test_the_key_holds_the_interpreter_and_the_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    first = stamp.key(["--out", "x"])
    assert first is not None
    assert stamp.key(["--out", "x", "--check", "-q"]) == first
    assert stamp.key(["--out=x"]) != first
    assert stamp.key(["--out", "y"]) != first
    assert stamp.key(["--out"]) is None
    assert stamp.key(["--schema"]) is None
    assert stamp.key(["--ou", "x"]) is None  # argparse's abbreviations run in full
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert stamp.key(["--out", "x"]) != first


def test_a_broken_stamp_runs_in_full(stamped: Project) -> None:
    for data in (b"", b"not marshal", marshal.dumps([1, 2]), marshal.dumps({"layout": 0})):
        stamped.stamps()[0].write_bytes(data)
        code, stdout, _, answered = stamped.run("--check")
        assert (code, answered) == (0, False)
        assert stdout == "generated is up to date with catalogue.yaml\n"
    stamped.run()
    assert stamped.run("--check")[3] is True


def test_a_working_folder_gone_is_said_plainly(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    script = f"import os, runpy, sys; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); "
    script += (
        "sys.argv = ['generator', '--check']; runpy.run_module('generator', run_name='__main__')"
    )
    done = run(PYTHON, "-c", script, env={"PYTHONPATH": str(ROOT)}, check=False)
    assert done.returncode == 2
    assert (
        done.stderr
        == "error: the working folder is gone (No such file or directory): cd into one\n"
    )


def test_every_library_that_shapes_the_output_is_stamped(stamped: Project) -> None:
    found = marshal.loads(stamped.stamps()[0].read_bytes())
    names = {Path(path).name for path, _ in found["modified"]}
    assert {"jinja2", "markupsafe", "yaml", "orjson", "black"} <= names


@pytest.mark.parametrize("odd", ["dangling link", "target module"])
def test_a_template_folder_a_stamp_cannot_vouch_for_is_never_stamped(
    project: Project, odd: str
) -> None:
    mine = project.folder / "mine"
    (mine / "docs").mkdir(parents=True)
    if odd == "dangling link":
        (mine / "docs" / ".#lock").symlink_to(project.folder / "nowhere")
    else:
        (mine / "docs.py").write_text(
            "from generator.target.docs import TARGET as BUILTIN\nTARGET = BUILTIN\n"
        )
    args = ("--templates", "mine", "--target", "docs")
    assert project.run(*args)[0] == 0
    assert project.stamps() == []
    assert project.run(*args, "--check")[::3] == (0, False)


def test_a_run_keeps_how_long_each_target_took(stamped: Project) -> None:
    """For the next run like it, which starts the slowest targets first."""
    (name,) = (path.name for path in stamped.stamps())
    targets = sorted(path.name for path in (stamped.folder / "generated").iterdir())
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(stamped.cache))
        found = stamp.seconds(name)
        assert sorted(found) == targets
        assert all(0 < seconds < 60 for seconds in found.values())
        stamped.stamps()[0].write_bytes(b"not marshal")
        assert stamp.seconds(name) == {}
        assert stamp.seconds("no such stamp") == {}
