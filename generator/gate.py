"""`python -m generator breaking`: the breaking-change gate. It reads the other version of the
catalogue (a file, or a git ref read with `git show`, never a checkout), compares it with
this one by the rules of generator/breaking.py, holds the findings against the changes the
catalogue acknowledges under its api.version, and reports them as text, JSON, GitHub
annotations or Markdown release notes."""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from . import breaking, catalogue, escape
from .api import discover
from .config import Config
from .model import Catalogue, Change
from .problems import CatalogueError, GateError, Location, Problem

FORMATS = ("text", "json", "github", "markdown")
REPORT_SHAPE = 1
"""The version of the JSON report's shape (docs/breaking-report.schema.json)."""


def parser(prog: str) -> argparse.ArgumentParser:
    found = argparse.ArgumentParser(
        prog=f"{prog} breaking",
        description="Compare the catalogue with another version of it and report what breaks "
        "whom. Exit codes: 0 nothing breaking is unacknowledged, 1 something is (or, with "
        "--check-version, api.version does not move as the changes need), 2 bad input.",
    )
    found.add_argument(
        "--against",
        metavar="REF",
        help="a git ref or tag, or a catalogue file (default: the newest tag matching "
        "[tool.generator] release_tags, by default v*)",
    )
    found.add_argument("--catalogue", metavar="PATH", help="the catalogue (catalogue.yaml)")
    found.add_argument("--format", choices=FORMATS, default="text", help="the report's form")
    found.add_argument(
        "--check-version",
        action="store_true",
        help="also fail when api.version does not move as the changes need (below 1.0.0 a "
        "minor bump counts as major)",
    )
    found.add_argument("--rules", action="store_true", help="print the rules (Markdown) and exit")
    return found


@dataclass(frozen=True)
class Other:
    """The version compared with: its catalogue's bytes, and how its locations are shown."""

    data: bytes
    shown: str
    ref: str


def _git(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise GateError("error: git is not installed; pass --against a catalogue file") from None


_SEMVER = re.compile(r"v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?")


def _release_order(tag: str) -> tuple[int, int, int, int, str]:
    found = _SEMVER.fullmatch(tag)
    if found is None:
        return (-1, -1, -1, -1, tag)
    major, minor, patch, pre = found.groups()
    # A release sorts after its pre-releases.
    return (int(major), int(minor), int(patch), 0 if pre else 1, pre or "")


def newest_release(cwd: Path, pattern: str) -> str | None:
    listed = _git("tag", "--list", pattern, cwd=cwd)
    if listed.returncode != 0:
        raise GateError(f"error: {_said(listed)}")
    tags = [tag for tag in listed.stdout.decode().split() if _SEMVER.fullmatch(tag)]
    if not tags and _shallow(cwd):
        raise GateError(f"error: no tag matches {pattern} in this shallow clone; {_FETCH}")
    return max(tags, key=_release_order) if tags else None


_FETCH = (
    "fetch the history first (git fetch --unshallow --tags, or actions/checkout with "
    "fetch-depth: 0)"
)


def _shallow(cwd: Path) -> bool:
    return _git("rev-parse", "--is-shallow-repository", cwd=cwd).stdout.strip() == b"true"


def _said(result: subprocess.CompletedProcess[bytes]) -> str:
    return result.stderr.decode(errors="replace").strip() or f"git exited {result.returncode}"


def read_other(against: str, current: Path, cwd: Path) -> Other:
    """The catalogue at against: a file, else a git ref (its catalogue path as that ref's
    pyproject.toml [tool.generator] says, else the current one's path)."""
    if Path(against).is_file():
        return Other(Path(against).read_bytes(), against, against)
    top = _git("rev-parse", "--show-toplevel", cwd=cwd)
    if top.returncode != 0:
        raise GateError(f"error: --against {against}: no such file, and not in a git repository")
    root = Path(top.stdout.decode().strip())
    resolved = _git("rev-parse", "--verify", "--quiet", f"{against}^{{commit}}", cwd=cwd)
    if resolved.returncode != 0:
        hint = f"; this is a shallow clone: {_FETCH}" if _shallow(cwd) else ""
        raise GateError(f"error: --against {against}: no such file or git ref{hint}")
    path = _path_at(against, current, root, cwd)
    shown = _git("show", f"{against}:{path}", cwd=cwd)
    if shown.returncode != 0:
        raise GateError(f"error: {against} has no {path}: {_said(shown)}")
    return Other(shown.stdout, f"{against}:{path}", against)


def _path_at(ref: str, current: Path, root: Path, cwd: Path) -> str:
    """The catalogue's path from the repository's root as of ref."""
    here = current.resolve()
    config_path = _nearest_pyproject(cwd.resolve(), root)
    if config_path is not None:
        relative = PurePosixPath(config_path.relative_to(root).as_posix())
        old = _git("show", f"{ref}:{relative}", cwd=cwd)
        if old.returncode == 0:
            try:
                values = tomllib.loads(old.stdout.decode()).get("tool", {}).get("generator", {})
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                values = {}
            if isinstance(values.get("catalogue"), str):
                return str(relative.parent / values["catalogue"])
    return here.relative_to(root.resolve()).as_posix()


def _nearest_pyproject(start: Path, root: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").is_file():
            return folder / "pyproject.toml"
        if folder == root:
            break
    return None


@dataclass(frozen=True)
class Report:
    against: str
    findings: list[tuple[breaking.Finding, Change | None]]
    """Each finding, with the change that acknowledges it."""
    old_version: str
    new_version: str
    current: str
    other: str
    version_problem: str | None = None

    @property
    def unacknowledged(self) -> list[breaking.Finding]:
        return [found for found, change in self.findings if found.breaking and change is None]

    @property
    def impact(self) -> str | None:
        impacts = [found.impact for found, _ in self.findings]
        return max(impacts, key=breaking.IMPACTS.index) if impacts else None


def acknowledge(
    findings: list[breaking.Finding], new: Catalogue, shown: str
) -> list[tuple[breaking.Finding, Change | None]]:
    """Each finding with the change of this release that acknowledges it; a change that
    acknowledges nothing is a problem, so that none lingers."""
    changes = [change for change in new.changes if change.version == new.api.version]
    used: set[int] = set()
    paired: list[tuple[breaking.Finding, Change | None]] = []
    for found in findings:
        about = dict(found.about)
        match = next(
            (
                index
                for index, change in enumerate(changes)
                if change.rule == found.rule
                and all(about.get(name) == value for name, value in change.about)
            ),
            None,
        )
        if match is not None:
            used.add(match)
        paired.append((found, changes[match] if match is not None else None))
    stale = [change for index, change in enumerate(changes) if index not in used]
    if stale:
        raise CatalogueError(
            shown,
            [
                Problem(
                    change.location,
                    f"changes.{change.version}: no {change.rule} finding is about "
                    + (", ".join(f"{k} {v!r}" for k, v in change.about) or "anything")
                    + "; an acknowledgement must match what changed",
                )
                for change in stale
            ],
        )
    return paired


def _bump(old: str, new: str) -> str | None:
    """The kind of release from old to new: major, minor, patch, or None for no move."""
    before = tuple(int(part) for part in old.split("."))
    after = tuple(int(part) for part in new.split("."))
    if after <= before:
        return None
    if after[0] != before[0]:
        return "major"
    if after[1] != before[1]:
        return "major" if before[0] == 0 else "minor"  # 0.x: a minor bump is a major one
    return "minor" if before[0] == 0 else "patch"  # and a patch bump, a minor one


def version_problem(report: Report) -> str | None:
    needed = report.impact
    if needed is None:
        return None
    moved = _bump(report.old_version, report.new_version)
    if moved is not None and breaking.IMPACTS.index(moved) >= breaking.IMPACTS.index(needed):
        return None
    return (
        f"api.version {report.new_version} (from {report.old_version}) is "
        + ("no release" if moved is None else f"a {moved} release")
        + f"; these changes need a {needed} one"
    )


def compare(current: Path, other: Other, templates: list[Path]) -> Report:
    # The targets the catalogue is generated for, a user's --templates ones too: their
    # sections are part of the catalogue.
    targets = list(discover(templates).values())
    new = catalogue.load(current, str(current), targets)
    old = catalogue.parse(other.data, other.shown, targets)
    found = breaking.compare(old, new, targets)
    return Report(
        other.ref,
        acknowledge(found, new, str(current)),
        old.api.version,
        new.api.version,
        str(current),
        other.shown,
    )


# Output ---------------------------------------------------------------------------------


def _where(report: Report, found: breaking.Finding) -> tuple[str, Location]:
    return (report.other if found.old_side else report.current), found.location


def text(report: Report) -> str:
    lines = []
    for found, change in report.findings:
        path, at = _where(report, found)
        breaks = f" (breaks {', '.join(found.categories)})" if found.categories else ""
        said = f"; acknowledged: {change.reason}" if change is not None else ""
        lines.append(
            f"{path}:{at.line}:{at.column}: {found.impact}: {found.rule}: "
            f"{found.message}{breaks}{said}"
        )
    breaking_count = sum(found.breaking for found, _ in report.findings)
    left = len(report.unacknowledged)
    lines.append(
        f"{len(report.findings)} change(s) against {report.against}: {breaking_count} breaking, "
        f"{left} of them not acknowledged under api.version {report.new_version}"
        if report.findings
        else f"no change against {report.against}"
    )
    if report.version_problem:
        lines.append(f"error: {report.version_problem}")
    return "\n".join(lines) + "\n"


def as_json(report: Report) -> str:
    findings = []
    for found, change in report.findings:
        path, at = _where(report, found)
        findings.append(
            {
                "rule": found.rule,
                "impact": found.impact,
                "categories": list(found.categories),
                "message": found.message,
                "file": path,
                "line": at.line,
                "column": at.column,
                "side": "old" if found.old_side else "new",
                "about": dict(found.about),
                "acknowledged": change.reason if change is not None else None,
            }
        )
    return (
        json.dumps(
            {
                "shape": REPORT_SHAPE,
                "against": report.against,
                "old_version": report.old_version,
                "new_version": report.new_version,
                "impact": report.impact,
                "unacknowledged": len(report.unacknowledged),
                "version_problem": report.version_problem,
                "findings": findings,
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )


def _annotation(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _annotation(text).replace(":", "%3A").replace(",", "%2C")


def github(report: Report) -> str:
    """GitHub Actions workflow commands: an error for what breaks unacknowledged, a warning
    for what breaks acknowledged, a notice for the rest."""
    lines = []
    for found, change in report.findings:
        path, at = _where(report, found)
        level = "notice" if not found.breaking else "warning" if change else "error"
        file = path.split(":", 1)[1] if found.old_side and ":" in path else path
        lines.append(
            f"::{level} file={_property(file)},line={at.line},col={at.column},"
            f"title={_property(f'{found.impact}: {found.rule}')}::{_annotation(found.message)}"
        )
    if report.version_problem:
        lines.append(f"::error title=api.version::{_annotation(report.version_problem)}")
    return "\n".join(lines) + ("\n" if lines else "")


def markdown(report: Report) -> str:
    """Release notes: what breaks, and why it is meant; then the other changes."""
    md = escape.markdown_text
    heading = f"## {report.new_version}\n\nAgainst {md(report.against)}.\n"
    parts = [heading]
    for title, chosen in (
        ("Breaking changes", [(f, c) for f, c in report.findings if f.breaking]),
        ("Other changes", [(f, c) for f, c in report.findings if not f.breaking]),
    ):
        if chosen:
            parts.append(f"\n### {title}\n\n")
            for found, change in chosen:
                why = f" {md(change.reason)}" if change is not None else ""
                parts.append(f"- `{found.rule}`: {md(found.message)}.{why}\n")
    if len(parts) == 1:
        parts.append("\nNo changes.\n")
    return "".join(parts)


FORMATTERS = {"text": text, "json": as_json, "github": github, "markdown": markdown}


def rules_markdown() -> str:
    """The rules page (docs/breaking.md): every rule of the registry, as the gate applies it."""
    lines = [
        "# Breaking-change rules",
        "",
        "<!-- Produced by `python -m generator breaking --rules`; a test keeps it so. -->",
        "",
        "`python -m generator breaking` compares the catalogue with another version of it. Each",
        "finding has one of these rules, an impact (`major` breaks someone; `minor` adds; `patch`",
        "changes prose) and the users it breaks: `wire` (what servers and clients send and",
        "read), `source:<target>` (code compiled against that target's bindings), `behaviour`",
        "(what the same program does) and `docs` (published links).",
        "",
        "| rule | impact | breaks | what |",
        "| --- | --- | --- | --- |",
    ]
    for found in breaking.RULES.values():
        breaks = ", ".join(found.categories) or "nothing"
        lines.append(
            f"| [`{found.id}`](#{found.id}) | {found.impact} | {breaks} | {found.summary} |"
        )
    for found in breaking.RULES.values():
        lines += ["", f"## `{found.id}` {{#{found.id}}}", "", found.summary, "", found.description]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace, config: Config, cwd: Path, out: Any) -> int:
    if args.rules:
        out.write(rules_markdown())
        return 0
    current = Path(args.catalogue) if args.catalogue else config.path("catalogue", "catalogue.yaml")
    against = args.against
    if against is None:
        pattern = config.values.get("release_tags", "v*")
        against = newest_release(cwd, pattern)
        if against is None:
            out.write(f"no release to compare with: no tag matches {pattern}\n")
            return 0
    report = compare(current, read_other(against, current, cwd), config.paths("templates"))
    if args.check_version:
        report = dataclasses.replace(report, version_problem=version_problem(report))
    out.write(FORMATTERS[args.format](report))
    return 1 if report.unacknowledged or report.version_problem else 0
