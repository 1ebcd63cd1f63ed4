"""The command line and the writer, used as a user would: through `python -m generator`."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import yaml
from conftest import CATALOGUE, PYTHON, ROOT, run, write_tree

import generator
from generator import cli


def main(*args: str | Path) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        code = cli.main([str(arg) for arg in args])
    return code, stdout.getvalue(), stderr.getvalue()


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "out"


def generate(out: Path, *args: str | Path) -> tuple[int, str, str]:
    return main("--catalogue", CATALOGUE, "--out", out, *args)


def test_output_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    for seed in ("0", "4242"):
        run(
            PYTHON,
            "-m",
            "generator",
            "--catalogue",
            CATALOGUE,
            "--out",
            tmp_path / seed,
            "--quiet",
            cwd=tmp_path,
            env={"PYTHONHASHSEED": seed},
        )
    first, second = tree(tmp_path / "0"), tree(tmp_path / "4242")
    assert first == second
    assert first == {path: text.encode() for path, text in generator.generate(CATALOGUE).items()}


def test_one_line_per_file_then_all_unchanged(out: Path) -> None:
    code, stdout, _ = generate(out)
    files = generator.generate(CATALOGUE)
    assert code == 0
    assert sorted(stdout.splitlines()) == sorted(f"wrote     {out / path}" for path in files)
    code, stdout, _ = generate(out)
    assert sorted(stdout.splitlines()) == sorted(f"unchanged {out / path}" for path in files)
    assert generate(out, "--quiet")[1] == ""


def test_unchanged_files_keep_their_mtime(out: Path) -> None:
    generate(out)
    path = out / "docs" / "pages" / "index.md"
    os.utime(path, (1_000_000, 1_000_000))
    generate(out)
    assert path.stat().st_mtime == 1_000_000


def test_check_reports_missing_stale_and_extra_and_fixes_nothing(out: Path, tmp_path: Path) -> None:
    code, stdout, stderr = generate(out, "--check")
    assert code == 1
    assert "missing python/qonversion_errors/__init__.py" in stdout
    assert "is not what" in stderr
    assert not out.exists()

    extra = write_tree(tmp_path / "extra", {"python/notes.txt.jinja": "{{ header }}\n"})
    generate(out, "--templates", extra)
    (out / "docs" / "pages" / "index.md").write_text("edited by hand\n")
    (out / "python" / "mine.txt").write_text("not the generator's\n")

    code, stdout, _ = generate(out, "--check")
    assert code == 1
    assert stdout.splitlines() == [
        "stale   docs/pages/index.md",
        "stale   python/.manifest",
        "extra   python/notes.txt",
    ]
    assert (out / "docs" / "pages" / "index.md").read_text() == "edited by hand\n"

    code, stdout, _ = generate(out)
    assert f"removed   {out / 'python' / 'notes.txt'}" in stdout
    assert not (out / "python" / "notes.txt").exists()
    assert (out / "python" / "mine.txt").read_text() == "not the generator's\n"
    assert generate(out, "--check")[0] == 0


def test_diff_shows_unified_diffs(out: Path) -> None:
    generate(out)
    index = out / "docs" / "pages" / "index.md"
    index.write_text(index.read_text().replace("## Error codes", "## Codes"))
    code, stdout, _ = generate(out, "--diff")
    assert code == 1
    assert "--- a/docs/pages/index.md\n+++ b/docs/pages/index.md\n" in stdout
    assert "\n-## Codes {#codes}\n+## Error codes {#codes}\n" in stdout
    assert generate(out)[0] == 0 and generate(out, "--diff") == (0, "", "")


def test_target_selects_and_leaves_other_targets_alone(out: Path) -> None:
    generate(out, "--target", "python")
    assert sorted(p.name for p in out.iterdir()) == ["python"]
    generate(out, "--target", "docs", "--target", "typescript", "--target", "fixtures")
    assert sorted(p.name for p in out.iterdir()) == ["docs", "fixtures", "python", "typescript"]
    assert generate(out, "--check")[0] == 0


def test_user_templates_override_builtin_ones(out: Path, tmp_path: Path) -> None:
    mine = write_tree(
        tmp_path / "mine",
        {
            "docs/pages/index.md.jinja": "# {{ api.name | md_text }}\n\n"
            "{% for c in catalogue.codes %}- {{ c.key | md_code }}\n{% endfor %}",
        },
    )
    assert generate(out, "--templates", mine)[0] == 0
    text = (out / "docs" / "pages" / "index.md").read_text()
    assert text.startswith("# Qonversion API\n\n- `invalid_data`\n")
    assert (out / "docs" / "mkdocs.yml").exists()


def test_template_bug_exits_3(out: Path, tmp_path: Path) -> None:
    broken = write_tree(tmp_path / "broken", {"docs/pages/index.md.jinja": "{{ no_such_thing }}\n"})
    code, _, stderr = generate(out, "--templates", broken)
    assert code == 3
    assert "docs/pages/index.md.jinja" in stderr and "no_such_thing" in stderr


def test_settings_from_pyproject_and_command_line_overrides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "errors.yaml").write_bytes(CATALOGUE.read_bytes())
    (tmp_path / "pyproject.toml").write_text(
        '[tool.generator]\ncatalogue = "errors.yaml"\nout = "bindings"\ntarget = ["docs"]\n'
    )
    monkeypatch.chdir(tmp_path)
    assert main("--quiet")[0] == 0
    assert [p.name for p in (tmp_path / "bindings").iterdir()] == ["docs"]
    assert main("--quiet", "--out", "elsewhere", "--target", "python")[0] == 0
    assert [p.name for p in (tmp_path / "elsewhere").iterdir()] == ["python"]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('[tool.generator]\nouts = "x"\n', "unknown key 'outs' in [tool.generator]"),
        ('[tool.generator]\nquiet = "yes"\n', "[tool.generator] quiet must be bool"),
        ("[tool.generator\n", "pyproject.toml: error:"),
    ],
)
def test_bad_pyproject_settings_exit_2(
    config: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(config)
    monkeypatch.chdir(tmp_path)
    code, _, stderr = main()
    assert code == 2 and message in stderr


def test_bad_arguments_exit_2(out: Path) -> None:
    code, _, stderr = generate(out, "--target", "cobol")
    assert (
        code == 2
        and "unknown target 'cobol'; choose from docs, fixtures, python, typescript" in stderr
    )
    code, _, stderr = main("--catalogue", out / "nope.yaml", "--out", out)
    assert code == 2 and "nope.yaml:1:1: error: cannot read the catalogue" in stderr
    with pytest.raises(SystemExit) as exited, redirect_stderr(io.StringIO()):
        cli.main(["--check", "--diff"])
    assert exited.value.code == 2
    assert not out.exists()


def test_help_documents_exit_codes_and_version() -> None:
    result = run(PYTHON, "-m", "generator", "--help")
    for line in ("0  done", "1  --check/--diff", "2  bad input", "3  internal error"):
        assert line in result.stdout
    version = run(PYTHON, "-m", "generator", "--version").stdout
    assert version.strip().endswith(generator.__version__)


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "generate-error-bindings"
    assert run(script, "--check", cwd=ROOT).returncode == 0


def test_symbolic_links_in_the_output_are_never_followed(out: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out.mkdir()
    (out / "python").symlink_to(outside, target_is_directory=True)
    code, _, stderr = generate(out)
    assert code == 2 and "symbolic link" in stderr
    assert list(outside.iterdir()) == []


def test_manifest_entries_cannot_point_outside(out: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    generate(out)
    manifest = out / "python" / ".manifest"
    manifest.write_text(manifest.read_text() + "../../victim.txt\n/etc/passwd\n")
    assert generate(out)[0] == 0
    assert victim.read_text() == "keep me"


def test_pre_commit_hooks_run_the_generator_and_its_check() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    entries = {hook["id"]: hook["entry"] for hook in hooks}
    assert entries == {
        "generate-error-bindings": "generate-error-bindings",
        "check-error-bindings": "generate-error-bindings --check",
    }


def test_bad_catalogue_from_the_command_line_has_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "catalogue.yaml"
    bad.write_text("format: 1\napi: [\n")
    result = subprocess.run(
        [PYTHON, "-m", "generator", "--out", tmp_path / "out"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("catalogue.yaml:3:1: error: invalid YAML")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_wheel_ships_the_templates_and_runs_installed(tmp_path: Path) -> None:
    run(
        PYTHON,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--wheel-dir",
        tmp_path,
        ROOT,
        timeout=600,
    )
    (wheel,) = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    templates = {str(p.relative_to(ROOT)) for p in (ROOT / "templates").rglob("*.jinja")}
    assert {f"generator/{name}" for name in templates} <= names
    venv = tmp_path / "venv"
    run(PYTHON, "-m", "venv", venv)
    run(venv / "bin" / "python", "-m", "pip", "install", "--quiet", wheel, timeout=600)
    work = tmp_path / "work"
    work.mkdir()
    (work / "catalogue.yaml").write_bytes(CATALOGUE.read_bytes())
    run(venv / "bin" / "generate-error-bindings", "--quiet", cwd=work)
    assert tree(work / "generated") == tree(ROOT / "generated")


def test_the_benchmark_runs(tmp_path: Path) -> None:
    # Its figures are not checked here (speed goals live in the benchmark), only that it works.
    result = run(PYTHON, ROOT / "bench" / "run.py", "--sizes", "10", cwd=tmp_path, timeout=600)
    assert "| 10 codes, all targets |" in result.stdout
    assert "- met: --check no slower than generating" in result.stdout or "MISSED" in result.stdout
