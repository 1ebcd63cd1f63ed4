"""The command line and the writer, used as a user would: through `python -m generator`."""

from __future__ import annotations

import errno
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml
from conftest import CATALOGUE, PYTHON, ROOT, run, write_tree

import generator
from generator import api, cli, render, schema, write


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


def test_a_run_prints_each_file_it_changed_then_counts(out: Path) -> None:
    code, stdout, _ = generate(out)
    files = generator.generate(CATALOGUE)
    assert code == 0
    *lines, summary = stdout.splitlines()
    assert sorted(lines) == sorted(f"wrote   {out}/{path}" for path in files)
    assert summary == f"{len(files)} written, 0 removed, 0 unchanged"
    assert generate(out) == (0, f"0 written, 0 removed, {len(files)} unchanged\n", "")
    assert generate(out, "--quiet") == (0, "", "")
    assert generate(out, "--check") == (0, f"{out} is up to date with {CATALOGUE}\n", "")
    assert generate(out, "--check", "--quiet") == (0, "", "")


def test_unchanged_files_keep_their_mtime(out: Path) -> None:
    generate(out)
    path = out / "docs" / "pages" / "index.md"
    os.utime(path, (1_000_000, 1_000_000))
    generate(out)
    assert path.stat().st_mtime == 1_000_000


def test_check_reports_missing_stale_and_extra_and_fixes_nothing(out: Path, tmp_path: Path) -> None:
    code, stdout, stderr = generate(out, "--check")
    assert code == 1
    assert f"missing {out}/python/qonversion_errors/__init__.py" in stdout
    assert "is not what" in stderr
    assert not out.exists()

    extra = write_tree(tmp_path / "extra", {"python/notes.txt.jinja": "{{ header }}\n"})
    generate(out, "--templates", extra)
    (out / "docs" / "pages" / "index.md").write_text("edited by hand\n")
    (out / "python" / "mine.txt").write_text("not the generator's\n")

    code, stdout, _ = generate(out, "--check")
    assert code == 1
    assert stdout.splitlines() == [
        f"stale   {out}/docs/pages/index.md",
        f"stale   {out}/python/.manifest",
        f"extra   {out}/python/notes.txt",
    ]
    assert (out / "docs" / "pages" / "index.md").read_text() == "edited by hand\n"

    code, stdout, _ = generate(out)
    assert f"removed {out}/python/notes.txt" in stdout.splitlines()
    assert not (out / "python" / "notes.txt").exists()
    assert (out / "python" / "mine.txt").read_text() == "not the generator's\n"
    assert generate(out, "--check")[0] == 0


def test_diff_shows_unified_diffs_with_the_paths_a_run_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = Path("api") / "generated"
    generate(out)
    index = out / "docs" / "pages" / "index.md"
    index.write_text(index.read_text().replace("## Error responses", "## Responses"))
    assert generate(out, "--check")[1] == "stale   api/generated/docs/pages/index.md\n"
    code, stdout, _ = generate(out, "--diff")
    assert code == 1
    assert (
        "--- a/api/generated/docs/pages/index.md\n+++ b/api/generated/docs/pages/index.md\n"
        in stdout
    )
    assert "\n-## Responses {#responses}\n+## Error responses {#responses}\n" in stdout
    assert generate(out)[1].startswith("wrote   api/generated/docs/pages/index.md\n")
    assert generate(out, "--diff") == (0, "", "")


def test_diff_applies_with_git_apply_from_where_it_ran(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run("git", "init", "--quiet", ".")
    out = Path("api") / "generated"
    extra = write_tree(tmp_path / "mine", {"docs/notes.txt.jinja": "{{ header | comment }}\n"})
    assert generate(out, "--templates", extra)[0] == 0
    catalogue = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    catalogue["api"]["name"] = "Renamed API"
    del catalogue["codes"]["purchase_fraud"]
    changed = tmp_path / "catalogue.yaml"
    changed.write_text(yaml.safe_dump(catalogue, sort_keys=False), encoding="utf-8")
    (out / "python" / "pyproject.toml").unlink()
    code, patch, _ = main("--catalogue", changed, "--out", out, "--diff")
    assert code == 1 and "+++ /dev/null" in patch and "--- /dev/null" in patch
    (tmp_path / "change.patch").write_text(patch, encoding="utf-8")
    run("git", "apply", "change.patch")
    assert main("--catalogue", changed, "--out", out, "--check", "--quiet") == (0, "", "")


def test_target_selects_and_leaves_other_targets_alone(out: Path) -> None:
    generate(out, "--target", "python")
    assert sorted(p.name for p in out.iterdir()) == ["python"]
    generate(out, "--target", "docs", "--target", "typescript", "--target", "fixtures")
    assert sorted(p.name for p in out.iterdir()) == ["docs", "fixtures", "python", "typescript"]
    assert generate(out, "--check")[0] == 1, "go, which the catalogue has a section for, is missing"
    generate(out, "--target", "go")
    assert generate(out, "--check")[0] == 1, "so is kotlin"
    generate(out, "--target", "kotlin")
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


@pytest.mark.parametrize(
    ("template", "line", "problem"),
    [
        ("first\n{{ no_such_thing }}\n", 2, "UndefinedError: 'no_such_thing' is undefined"),
        ("first\n\n{% if %}\n", 3, "TemplateSyntaxError"),
        ("{{ 5 | md_text }}\n", 1, "TypeError"),
    ],
)
def test_a_broken_user_template_is_bad_input_naming_its_file_and_line(
    template: str, line: int, problem: str, out: Path, tmp_path: Path
) -> None:
    broken = write_tree(tmp_path / "broken", {"docs/pages/index.md.jinja": template})
    code, stdout, stderr = generate(out, "--templates", broken)
    assert code == 2, stderr
    assert f"\n{broken}/docs/pages/index.md.jinja:{line}: " in f"\n{stderr}"
    assert problem in stderr and "nothing was written" in stderr
    assert "Traceback" not in stderr and stdout == ""
    assert not out.exists()


def test_user_python_is_formatted_by_black_or_is_bad_input(out: Path, tmp_path: Path) -> None:
    mine = write_tree(tmp_path / "mine", {"python/extra.py.jinja": "x=[1,\n2]\n"})
    assert generate(out, "--templates", mine)[0] == 0
    assert (out / "python" / "extra.py").read_text() == "x = [1, 2]\n"
    broken = write_tree(tmp_path / "broken", {"python/extra.py.jinja": "def (:\n"})
    code, _, stderr = generate(out, "--templates", broken)
    assert code == 2
    assert stderr.startswith(f"{broken}/python/extra.py.jinja: the Python it rendered for")
    assert "warning" not in stderr  # it adds a file to the target, overriding none
    assert (out / "python" / "extra.py").read_text() == "x = [1, 2]\n"


def test_a_broken_builtin_template_is_an_internal_error(
    out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builtin = shutil.copytree(render.builtin_templates(), tmp_path / "builtin")
    (builtin / "python" / "pyproject.toml.jinja").write_text("{{ no_such_thing }}\n")
    monkeypatch.setattr(render, "builtin_templates", lambda: builtin)
    code, _, stderr = generate(out)
    assert code == 3
    assert f"{builtin}/python/pyproject.toml.jinja:1: UndefinedError" in stderr
    assert "please report" in stderr and "Traceback" not in stderr
    assert not out.exists()


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
        (
            '[project]\nname = "x"\n\n[tool.generator]\n  outs = "x"\n',
            "pyproject.toml:5:3: error: unknown key 'outs' in [tool.generator]; "
            "did you mean 'out'?",
        ),
        (
            "[tool.generator]\nzzz = 1\n",
            "pyproject.toml:2:1: error: unknown key 'zzz' in [tool.generator]; "
            "expected one of catalogue, out, target, templates, quiet, release_tags",
        ),
        (
            '[tool.generator]\nquiet = "yes"\n',
            "pyproject.toml:2:1: error: [tool.generator] quiet must be true or false, not 'yes'",
        ),
        (
            "[tool.generator]\ntarget = [1]\n",
            "pyproject.toml:2:1: error: [tool.generator] target must be a string or a list of "
            "strings, not [1]",
        ),
        (
            "[tool.generator\n",
            "pyproject.toml:1:16: error: invalid TOML: Expected ']' at the end of a table "
            "declaration",
        ),
    ],
)
def test_bad_pyproject_settings_exit_2_naming_the_line(
    config: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(config)
    monkeypatch.chdir(tmp_path)
    assert main() == (2, "", message + "\n")


def test_bad_arguments_exit_2(out: Path) -> None:
    code, _, stderr = generate(out, "--target", "cobol")
    assert (
        code == 2
        and "unknown target 'cobol'; choose from docs, fixtures, go, kotlin, python, typescript"
        in stderr
    )
    code, _, stderr = main("--catalogue", out / "nope.yaml", "--out", out)
    assert code == 2 and "nope.yaml:1:1: error: cannot read the catalogue" in stderr
    with pytest.raises(SystemExit) as exited, redirect_stderr(io.StringIO()):
        cli.main(["--check", "--diff"])
    assert exited.value.code == 2
    assert not out.exists()


def test_help_documents_exit_codes_targets_and_version() -> None:
    result = run(PYTHON, "-m", "generator", "--help")
    for line in ("0  done", "1  --check/--diff", "2  bad input", "3  internal error"):
        assert line in result.stdout
    assert "targets: docs, fixtures, go, kotlin, python, typescript\n" in result.stdout
    assert f"built-in templates: {render.builtin_templates()}\n" in result.stdout
    version = run(PYTHON, "-m", "generator", "--version").stdout
    assert version == f"error-bindings {generator.__version__}\n"


@pytest.mark.parametrize(
    "command",
    [
        [PYTHON, "-m", "generator"],
        [str(Path(sys.executable).parent / "generate-error-bindings")],
    ],
    ids=["module", "script"],
)
def test_usage_and_hints_name_the_command_as_invoked(command: list[str], tmp_path: Path) -> None:
    name = "python -m generator" if "-m" in command else "generate-error-bindings"
    assert run(*command, "--help", cwd=tmp_path).stdout.startswith(f"usage: {name} ")
    missing = run(*command, cwd=tmp_path, check=False)
    assert missing.returncode == 2
    assert f"hint: run `{name} --init` to write a first one" in missing.stderr
    assert run(*command, "--init", cwd=tmp_path).stdout.endswith(f"then run `{name}`\n")
    run(*command, "--quiet", cwd=tmp_path)
    (tmp_path / "generated" / "docs" / "mkdocs.yml").write_text("edited\n")
    stale = run(*command, "--check", cwd=tmp_path, check=False)
    assert stale.stderr == f"generated is not what catalogue.yaml gives: run {name}\n"


def test_init_writes_a_first_catalogue_that_generates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, _ = main("--init")
    assert code == 0 and stdout.startswith("wrote catalogue.yaml and catalogue.schema.json\n")
    assert (tmp_path / "catalogue.schema.json").read_text() == schema.json_schema()
    assert main("--quiet") == (0, "", "")
    assert main("--check", "--quiet") == (0, "", "")
    before = tree(tmp_path)
    code, _, stderr = main("--init")
    assert code == 2
    assert stderr == (
        "error: catalogue.yaml is already here; --init never overwrites a file, so nothing "
        "was written\n"
    )
    (tmp_path / "catalogue.yaml").unlink()
    assert main("--init")[0] == 2  # the schema is still there: nothing is written
    assert tree(tmp_path) == {k: v for k, v in before.items() if k != "catalogue.yaml"}


def test_the_readme_shows_the_first_catalogue_init_writes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(
        r"<!-- starter:start -->\n```yaml\n(.*?)```\n<!-- starter:end -->", readme, re.S
    )
    assert shown, "the README must show the first catalogue between starter markers"
    assert shown.group(1) == cli.STARTER.read_text(encoding="utf-8")


def test_settings_are_found_in_a_folder_above(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "errors.yaml").write_bytes(CATALOGUE.read_bytes())
    (tmp_path / "pyproject.toml").write_text(
        '[tool.generator]\ncatalogue = "api/errors.yaml"\nout = "bindings"\n'
    )
    deep = tmp_path / "src" / "deeper"
    deep.mkdir(parents=True)
    (deep / "pyproject.toml").write_text('[project]\nname = "unrelated"\n')
    monkeypatch.chdir(deep)
    code, stdout, _ = main()
    assert code == 0 and "wrote   ../../bindings/python/pyproject.toml" in stdout
    assert (tmp_path / "bindings" / "python").is_dir()
    assert main("--check") == (0, "../../bindings is up to date with ../../api/errors.yaml\n", "")


def test_without_settings_the_search_stops_at_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.generator]\ncatalogue = "x.yaml"\n')
    repository = tmp_path / "repository"
    (repository / ".git").mkdir(parents=True)
    (repository / "sub").mkdir()
    monkeypatch.chdir(repository / "sub")
    code, stdout, stderr = main()
    assert (code, stdout) == (2, "")
    assert stderr == (
        "catalogue.yaml:1:1: error: there is no catalogue: looked for catalogue.yaml in "
        f"{repository / 'sub'} (no pyproject.toml with [tool.generator] there or in a folder "
        "above it)\nhint: run `python -m generator --init` to write a first one, or pass "
        "--catalogue PATH\n"
    )


def test_overriding_part_of_a_builtin_target_warns(out: Path, tmp_path: Path) -> None:
    mine = write_tree(tmp_path / "mine", {"docs/mkdocs.yml.jinja": "site_name: x\n"})
    code, _, stderr = generate(out, "--templates", mine)
    assert code == 0
    assert stderr == (
        f"warning: {mine}/docs overrides 1 of the 4 built-in docs templates (mkdocs.yml.jinja); "
        f"the others still come from {render.builtin_templates()}/docs\n"
    )
    assert generate(out, "--templates", mine, "--quiet") == (0, "", "")


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
    assert result.stderr.startswith("catalogue.yaml:2:6: error: this [ is never closed")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def snapshot_of_this_project(folder: Path) -> tuple[Path, str]:
    """This project as it is now, uncommitted changes included, as a git repository; its
    commit, so that pre-commit installs it once for every run of the test."""
    listed = run("git", "ls-files", "-co", "--exclude-standard", "-z", cwd=ROOT).stdout
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)
    git = ("git", "-c", "user.name=test", "-c", "user.email=test@example.invalid")
    run(*git, "init", "--quiet", cwd=folder)
    run(*git, "add", "-A", cwd=folder)
    run(*git, "commit", "--quiet", "-m", "snapshot", cwd=folder)
    return folder, run("git", "rev-parse", "HEAD", cwd=folder).stdout.strip()


def test_pre_commit_hooks_in_another_repository(tmp_path: Path) -> None:
    """The README's .pre-commit-config.yaml, pointed at this project as it is now, in a
    repository whose catalogue is not at the root. pre-commit installs the project from its
    wheel, so this also proves the wheel carries the templates."""
    project, commit = snapshot_of_this_project(tmp_path / "project")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"<!-- pre-commit:start -->\n```yaml\n(.*?)```", readme, re.S)
    assert shown is not None
    config = yaml.safe_load(shown.group(1))
    offered = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in config["repos"][0]["hooks"]] == [h["id"] for h in offered]
    config["repos"][0].update(repo=str(project), rev=commit)
    consumer = tmp_path / "consumer"
    (consumer / "api").mkdir(parents=True)
    (consumer / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    catalogue = consumer / "api" / "catalogue.yaml"
    catalogue.write_bytes(CATALOGUE.read_bytes())
    (consumer / "pyproject.toml").write_text(
        '[tool.generator]\ncatalogue = "api/catalogue.yaml"\nout = "generated"\n'
    )
    git = ("git", "-c", "user.name=test", "-c", "user.email=test@example.invalid")
    run(*git, "init", "--quiet", cwd=consumer)

    def pre_commit(*args: str) -> subprocess.CompletedProcess[str]:
        return run(
            PYTHON,
            "-m",
            "pre_commit",
            "run",
            "--all-files",
            *args,
            cwd=consumer,
            check=False,
            env={"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")},
            timeout=600,
        )

    first = pre_commit()
    assert first.returncode == 0, first.stdout + first.stderr
    expected = generator.generate(CATALOGUE)
    assert tree(consumer / "generated") == {path: text.encode() for path, text in expected.items()}
    run(*git, "add", "-A", cwd=consumer)
    run(*git, "commit", "--quiet", "-m", "generated", cwd=consumer)
    catalogue.write_text(catalogue.read_text().replace("Resource not found", "Gone"))
    changed = pre_commit()
    assert changed.returncode == 1 and "files were modified by this hook" in changed.stdout
    retryable = catalogue.read_text().count("retryable: true")
    assert retryable > 1
    catalogue.write_text(catalogue.read_text().replace("retryable: true", "retryable: maybe"))
    broken = pre_commit()
    assert broken.returncode == 1
    # Each problem is printed once, by the one hook a commit runs.
    assert broken.stdout.count("retryable must be true or false") == retryable, broken.stdout
    assert "check the error bindings are up to date" not in broken.stdout
    catalogue.write_text(catalogue.read_text().replace("retryable: maybe", "retryable: true"))
    assert pre_commit().returncode == 0
    checked = pre_commit("check-error-bindings", "--hook-stage", "manual")
    assert checked.returncode == 0, checked.stdout
    assert "Passed" in checked.stdout
    # The gate: nothing to compare with before a release; a code deleted after one fails.
    gate = ("breaking-error-catalogue", "--hook-stage", "manual")
    assert pre_commit(*gate).returncode == 0
    run(*git, "add", "-A", cwd=consumer)
    run(*git, "commit", "--quiet", "-m", "release", cwd=consumer)
    run(*git, "tag", "v0.1.0", cwd=consumer)
    catalogue.write_text(
        catalogue.read_text().replace("\n  storage_error:\n", "\n  storage_lost:\n")
    )
    failed = pre_commit(*gate)
    assert failed.returncode == 1 and "code-removed: code 'storage_error'" in failed.stdout


def test_the_benchmark_runs(tmp_path: Path) -> None:
    # Its figures are not checked here (speed goals live in the benchmark), only that it runs
    # against its baseline and gives a table of real measurements.
    result = run(
        PYTHON, ROOT / "bench" / "run.py", "--quick", "--no-compilers", "--sizes", "10",
        "--pairs", "1", cwd=tmp_path,
    )  # fmt: skip
    rows = [line.split(" | ") for line in result.stdout.splitlines() if line.startswith("| ")]
    assert rows[0][:3] == ["| what", "new", "baseline"]
    measured = [row for row in rows[2:] if " s, CPU " in row[1]]
    assert any(row[0] == "| 10 codes, all four targets, fresh output folder" for row in measured)
    for row in measured:
        new, old = (float(cell.split(" s,")[0]) for cell in row[1:3])
        assert new > 0 and old > 0, row
    ratios = re.findall(r"([0-9.]+)x", result.stdout)
    assert ratios and all(float(ratio) > 0 for ratio in ratios)
    assert re.search(r"^- (met|MISSED): ", result.stdout, re.M)


def run_with_stdout_closed(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command with its stdout a pipe nobody reads any more, as in `... | head -1` once
    head has exited."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        return subprocess.run(
            [PYTHON, "-m", "generator", *map(str, args)],
            stdout=writer,
            stderr=subprocess.PIPE,
            cwd=cwd,
            text=True,
            timeout=120,
        )
    finally:
        os.close(writer)


def test_a_closed_stdout_stops_the_printing_not_the_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_with_stdout_closed("--catalogue", CATALOGUE, "--out", out, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert tree(out) == {
        path: text.encode() for path, text in generator.generate(CATALOGUE).items()
    }
    result = run_with_stdout_closed("--catalogue", CATALOGUE, "--out", out, "--check", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    (out / "docs" / "mkdocs.yml").write_text("stale\n")
    for mode in ("--check", "--diff"):
        result = run_with_stdout_closed("--catalogue", CATALOGUE, "--out", out, mode, cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr and "is not what" in result.stderr


def test_a_failing_target_leaves_every_file_as_it_was(out: Path, tmp_path: Path) -> None:
    # typescript is rendered after docs, fixtures and python, which would be written by now.
    broken = write_tree(tmp_path / "broken", {"typescript/notes.txt.jinja": "{{ nope }}\n"})
    assert generate(out, "--templates", broken)[0] == 2
    assert not out.exists(), "nothing may be written, not even a folder"
    generate(out)
    before = tree(out)
    catalogue = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    catalogue["api"]["name"] = "Renamed API"  # every file changes
    changed = tmp_path / "catalogue.yaml"
    changed.write_text(yaml.safe_dump(catalogue, sort_keys=False), encoding="utf-8")
    code, stdout, stderr = main("--catalogue", changed, "--out", out, "--templates", broken)
    assert code == 2 and stdout == "" and "nothing was written" in stderr
    assert tree(out) == before  # no file changed, no temporary file left behind


def test_an_interrupted_run_leaves_every_file_as_it_was(
    out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(out)
    before = tree(out)
    catalogue = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    catalogue["api"]["name"] = "Renamed API"
    changed = tmp_path / "catalogue.yaml"
    changed.write_text(yaml.safe_dump(catalogue, sort_keys=False), encoding="utf-8")
    rendered: list[str] = []

    def interrupted(model: object, target: str, *args: object) -> dict[str, object]:
        rendered.append(target)
        if len(rendered) == 3:
            raise KeyboardInterrupt
        return api.render_spooled(model, target, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "render_spooled", interrupted)
    assert main("--catalogue", changed, "--out", out)[0] == 130
    assert tree(out) == before


@pytest.mark.parametrize("refused", ["memfd_create", "memfd_create and temporary files"])
def test_where_files_to_spool_to_are_refused_the_result_is_the_same(
    refused: str, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sandbox may refuse memfd_create: the rendered files are spooled to a temporary
    file instead; where there is none either, they are held as they come."""

    def refusal(*_: object, **__: object) -> Any:
        raise OSError(errno.ENOSYS, os.strerror(errno.ENOSYS))

    monkeypatch.setattr(os, "memfd_create", refusal, raising=False)
    if refused.endswith("temporary files"):
        monkeypatch.setattr(tempfile, "TemporaryFile", refusal)
    assert generate(out, "--quiet") == (0, "", "")
    assert tree(out) == {
        path: text.encode() for path, text in generator.generate(CATALOGUE).items()
    }
    assert generate(out, "--check", "--quiet") == (0, "", "")


def test_a_spool_that_cannot_be_written_is_bad_output_not_a_bug(
    out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(descriptor: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(write, "write_all", full)
    code, stdout, stderr = generate(out)
    assert (code, stdout) == (2, ""), stderr
    assert stderr == f"error: cannot write {out}: No space left on device; nothing was written.\n"
    assert not out.exists()


def test_a_target_whose_templates_are_gone_is_removed(out: Path, tmp_path: Path) -> None:
    mine = write_tree(
        tmp_path / "mine",
        {"example/errors.txt.jinja": "{{ header | comment }}\n", "example/sub/x.txt.jinja": ""},
    )
    assert generate(out, "--templates", mine)[0] == 0
    (out / "example" / "mine.txt").write_text("not the generator's\n")
    code, stdout, _ = generate(out, "--check")
    assert code == 1
    assert stdout.splitlines() == [
        f"extra   {out}/example/errors.txt",
        f"extra   {out}/example/sub/x.txt",
        f"extra   {out}/example/.manifest",
    ]
    assert f"--- a/{out}/example/errors.txt\n+++ /dev/null\n" in generate(out, "--diff")[1]
    # A run of chosen targets cannot tell an orphan from a target it was not asked for.
    assert generate(out, "--target", "python", "--check", "--quiet")[0] == 0
    assert generate(out, "--target", "python", "--quiet")[0] == 0
    assert (out / "example" / "errors.txt").exists()
    code, stdout, _ = generate(out)
    assert code == 0
    assert stdout.splitlines()[:4] == [
        "removed target example: no template provides it any more",
        f"removed {out}/example/errors.txt",
        f"removed {out}/example/sub/x.txt",
        f"removed {out}/example/.manifest",
    ]
    assert sorted(p.name for p in (out / "example").iterdir()) == ["mine.txt"]
    assert generate(out, "--check", "--quiet")[0] == 0


def test_only_the_command_line_keeps_a_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home, cache = tmp_path / "home", tmp_path / "cache"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    generator.generate(CATALOGUE)
    assert not cache.exists() and not home.exists(), "generate() writes nothing"
    older = cache / "error-bindings" / "jinja-0.1"
    older.mkdir(parents=True)
    (older / "stale.cache").write_text("")
    other = cache / "error-bindings" / "other"
    other.mkdir()
    assert generate(tmp_path / "out", "--quiet") == (0, "", "")
    current = cache / "error-bindings" / f"jinja-{jinja2.__version__}"
    assert any(current.iterdir())
    assert not older.exists() and other.exists()
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert generate(tmp_path / "out2", "--quiet") == (0, "", "")
    assert any((home / ".cache" / "error-bindings" / f"jinja-{jinja2.__version__}").iterdir())
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would go\n")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert generate(tmp_path / "out3", "--quiet") == (0, "", "")
    assert tree(tmp_path / "out3") == tree(tmp_path / "out")


def test_a_templates_folder_never_reformats_builtin_output(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    script = (
        "import sys\n"
        "from generator import cli\n"
        "code = cli.main(sys.argv[1:])\n"
        "assert 'black' not in sys.modules, 'black was imported'\n"
        "sys.exit(code)\n"
    )
    run(PYTHON, "-c", script, "--catalogue", CATALOGUE, "--out", tmp_path / "plain", cwd=tmp_path)
    run(
        PYTHON,
        "-c",
        script,
        "--catalogue",
        CATALOGUE,
        "--out",
        tmp_path / "with",
        "--templates",
        empty,
        cwd=tmp_path,
    )
    assert tree(tmp_path / "with") == tree(tmp_path / "plain")


def test_an_output_folder_that_cannot_be_written_is_bad_input(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the output folder would go\n")
    code, stdout, stderr = main("--catalogue", CATALOGUE, "--out", blocked)
    assert code == 2 and stdout == ""
    assert stderr.startswith(f"error: cannot write {blocked}: ") and "nothing was written" in stderr
    assert blocked.read_text() == "a file where the output folder would go\n"


def test_an_opt_in_target_is_generated_for_catalogues_with_its_section(out: Path) -> None:
    example = ROOT / "tests" / "cases" / "example-code-target"
    templates = example / "templates"
    minimal = ROOT / "tests" / "cases" / "minimal" / "catalogue.yaml"
    assert main("--catalogue", minimal, "--out", out, "--templates", templates, "-q")[0] == 0
    assert not (out / "example").exists(), "a catalogue without `example:` gains no target"
    assert (
        main(
            "--catalogue",
            minimal,
            "--out",
            out,
            "--templates",
            templates,
            "-q",
            "--target",
            "example",
        )[0]
        == 0
    )
    assert (out / "example" / "errors.ex").is_file()  # the module's defaults
    catalogue = example / "catalogue.yaml"
    assert main("--catalogue", catalogue, "--out", out, "--templates", templates, "-q")[0] == 0
    assert (out / "example" / "acme.ex").is_file()
    assert not (out / "example" / "errors.ex").exists()
