"""The command line: turns arguments into a call, and its result into an exit code."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
import tomllib
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from . import __version__, load, render, render_target, schema, targets, write
from .model import Catalogue
from .problems import CatalogueError, TemplateError, UserTemplateError

OK, DRIFT, BAD_INPUT, INTERNAL = 0, 1, 2, 3

EPILOG = """\
exit codes:
  0  done, or (with --check/--diff) the output is up to date
  1  --check/--diff: the output differs from what the catalogue gives
  2  bad input: the catalogue, the arguments, [tool.generator] in pyproject.toml or a
     template from --templates; nothing was written
  3  internal error: a bug in the generator or a built-in template

Options can also be set in pyproject.toml under [tool.generator] (catalogue, out, target,
templates, quiet); the command line overrides them.
"""

_CONFIG_KEYS: dict[str, type] = {
    "catalogue": str,
    "out": str,
    "target": list,
    "templates": list,
    "quiet": bool,
}


class UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Generate Python, TypeScript and Markdown error bindings from an error "
        "catalogue.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--catalogue", metavar="PATH", help="the catalogue (catalogue.yaml)")
    parser.add_argument("--out", metavar="DIR", help="the output directory (generated)")
    parser.add_argument(
        "--target",
        metavar="NAME",
        action="append",
        help="generate only this target; repeatable (default: all)",
    )
    parser.add_argument(
        "--templates",
        metavar="DIR",
        action="append",
        help="a template folder searched before the built-in one; repeatable",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 listing missing, stale and extra files",
    )
    mode.add_argument(
        "--diff",
        action="store_true",
        help="write nothing; print unified diffs and exit 1 if there are any",
    )
    mode.add_argument(
        "--schema",
        action="store_true",
        help="print the JSON Schema of the catalogue format and exit",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", default=None, help="print only problems"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _config(directory: Path) -> dict[str, Any]:
    path = directory / "pyproject.toml"
    if not path.is_file():
        return {}
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"{path.name}: error: {error}") from None
    section: dict[str, Any] = document.get("tool", {}).get("generator", {})
    for key, value in section.items():
        expected = _CONFIG_KEYS.get(key)
        if expected is None:
            raise UsageError(
                f"{path.name}: error: unknown key {key!r} in [tool.generator]; "
                f"expected one of {', '.join(_CONFIG_KEYS)}"
            )
        if expected is list and isinstance(value, str):
            section[key] = [value]
        elif not isinstance(value, expected) or (
            isinstance(value, list) and not all(isinstance(item, str) for item in value)
        ):
            raise UsageError(
                f"{path.name}: error: [tool.generator] {key} must be "
                f"{'a list of strings' if expected is list else expected.__name__}"
            )
    return dict(section)


class _Stdout:
    """Standard output that may be closed under us (`generate-error-bindings | head -1`): a
    closed pipe stops the printing, never the run or its exit status."""

    closed = False

    def write(self, text: str) -> None:
        if self.closed or not text:
            return
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            self.closed = True
            # Python would try to flush again at exit and complain on stderr.
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())

    def line(self, text: str) -> None:
        self.write(text + "\n")


def main(argv: list[str] | None = None) -> int:
    # A short-lived process that builds large acyclic structures: collecting cycles that do
    # not exist would cost a fifth of the run on big catalogues.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(_parser().parse_args(argv), _Stdout())
    except UsageError as error:
        print(error, file=sys.stderr)
        return BAD_INPUT
    except CatalogueError as error:
        print(error, file=sys.stderr)
        print(f"{len(error.problems)} problem(s); nothing was written.", file=sys.stderr)
        return BAD_INPUT
    except UserTemplateError as error:
        print(
            f"{error}\nerror: a template from --templates failed; nothing was written.",
            file=sys.stderr,
        )
        return BAD_INPUT
    except write.UnsafePath as error:
        print(f"error: {error}; nothing was written.", file=sys.stderr)
        return BAD_INPUT
    except TemplateError as error:
        print(f"internal error: a built-in template failed: {error}", file=sys.stderr)
        print(_REPORT, file=sys.stderr)
        return INTERNAL
    except KeyboardInterrupt:
        return 130
    except Exception:
        traceback.print_exc()
        print(_REPORT, file=sys.stderr)
        return INTERNAL
    finally:
        if collecting:
            gc.enable()


_REPORT = "internal error: please report this with the catalogue that caused it."


def _shown(out: Path) -> str:
    """How paths under out are printed: from the working directory, as git would take them."""
    if out.is_absolute():
        with contextlib.suppress(ValueError):
            return out.relative_to(Path.cwd()).as_posix()
    return out.as_posix()


def _run(args: argparse.Namespace, stdout: _Stdout) -> int:
    if args.schema:
        stdout.write(schema.json_schema())
        return OK
    config = _config(Path.cwd())
    catalogue = Path(args.catalogue or config.get("catalogue", "catalogue.yaml"))
    out = Path(args.out or config.get("out", "generated"))
    templates = [Path(p) for p in (args.templates or config.get("templates", []))]
    quiet = args.quiet if args.quiet is not None else config.get("quiet", False)
    for folder in templates:
        if not folder.is_dir():
            raise UsageError(f"error: --templates {folder}: no such folder")
    known = targets(templates)
    chosen = args.target or config.get("target")
    unknown = [name for name in chosen or () if name not in known]
    if unknown:
        raise UsageError(f"error: unknown target {unknown[0]!r}; choose from {', '.join(known)}")
    selected = list(dict.fromkeys(chosen or known))
    # A target is orphaned when its templates are gone; only a run of every target can say.
    orphaned = [] if chosen else write.orphans(out, known)

    model = load(catalogue, shown_as=str(catalogue))
    run = _Run(model, catalogue, out, _shown(out), templates, render.template_cache(), stdout)
    if args.check or args.diff:
        return run.check(selected, orphaned, diff=args.diff, quiet=quiet)
    return run.generate(selected, orphaned, quiet=quiet)


@dataclass
class _Run:
    model: Catalogue
    catalogue: Path
    out: Path
    shown: str
    """out as paths under it are printed."""
    templates: list[Path]
    cache: jinja2.BytecodeCache
    stdout: _Stdout

    def render(self, target: str) -> dict[str, str]:
        return render_target(self.model, target, self.templates, self.catalogue.name, self.cache)

    def check(self, selected: list[str], orphaned: list[str], diff: bool, quiet: bool) -> int:
        drift = write.Drift()
        for target in selected:
            files = self.render(target)
            found = write.compare(self.out, files, [target])
            if diff:
                self.stdout.write(write.diff(self.out, files, found, self.shown))
            drift.add(found)
            del files  # before the next target is rendered
        for target in orphaned:
            found = write.compare_orphan(self.out, target)
            if diff:
                self.stdout.write(write.diff(self.out, {}, found, self.shown))
            drift.add(found)
        if not diff:
            for line in drift.lines(self.shown):
                self.stdout.line(line)
        if drift:
            message = f"{self.shown} is not what {self.catalogue} gives: run {_command()}"
            print(message, file=sys.stderr)
            return DRIFT
        if not quiet and not diff:
            self.stdout.line(f"{self.shown} is up to date with {self.catalogue}")
        return OK

    def generate(self, selected: list[str], orphaned: list[str], quiet: bool) -> int:
        # Every target is rendered and staged before any file changes, so a failure anywhere
        # (a template, a full disk, an interruption) leaves the output as it was.
        with write.Transaction(self.out) as transaction:
            try:
                for target in selected:
                    files = self.render(target)
                    transaction.stage(target, files)
                    del files  # before the next target is rendered
            except OSError as error:
                raise UsageError(
                    f"error: cannot write {self.shown}: {error.strerror or error}; "
                    "nothing was written."
                ) from None
            for target in orphaned:
                transaction.stage_removal(target)
            actions = transaction.commit()
        if quiet:
            return OK
        for target in orphaned:
            self.stdout.line(f"removed target {target}: no template provides it any more")
        for action, path in actions:
            if action != "unchanged":
                self.stdout.line(f"{action:7} {self.shown}/{path}")
        counts = {name: sum(a == name for a, _ in actions) for name in ("wrote", "removed")}
        unchanged = len(actions) - sum(counts.values())
        self.stdout.line(
            f"{counts['wrote']} written, {counts['removed']} removed, {unchanged} unchanged"
        )
        return OK


def _command() -> str:
    return "python -m generator"
