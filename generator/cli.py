"""The command line: turns arguments into a call, and its result into an exit code."""

from __future__ import annotations

import argparse
import gc
import sys
import tomllib
import traceback
from pathlib import Path
from typing import Any

from . import __version__, load, render_target, schema, targets, write
from .problems import CatalogueError, TemplateError

OK, DRIFT, BAD_INPUT, INTERNAL = 0, 1, 2, 3

EPILOG = """\
exit codes:
  0  done, or (with --check/--diff) the output is up to date
  1  --check/--diff: the output differs from what the catalogue gives
  2  bad input: the catalogue, the arguments or [tool.generator] in pyproject.toml
  3  internal error: a template or generator bug

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


def main(argv: list[str] | None = None) -> int:
    # A short-lived process that builds large acyclic structures: collecting cycles that do
    # not exist would cost a fifth of the run on big catalogues.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(_parser().parse_args(argv))
    except UsageError as error:
        print(error, file=sys.stderr)
        return BAD_INPUT
    except CatalogueError as error:
        print(error, file=sys.stderr)
        print(f"{len(error.problems)} problem(s); nothing was written.", file=sys.stderr)
        return BAD_INPUT
    except write.UnsafePath as error:
        print(f"error: {error}; nothing more was written.", file=sys.stderr)
        return BAD_INPUT
    except TemplateError as error:
        print(f"internal error: template failed: {error}", file=sys.stderr)
        return INTERNAL
    except KeyboardInterrupt:
        return 130
    except Exception:
        traceback.print_exc()
        print(
            "internal error: please report this with the catalogue that caused it.", file=sys.stderr
        )
        return INTERNAL
    finally:
        if collecting:
            gc.enable()


def _run(args: argparse.Namespace) -> int:
    if args.schema:
        sys.stdout.write(schema.json_schema())
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
    selected = args.target or config.get("target") or known
    unknown = [name for name in selected if name not in known]
    if unknown:
        raise UsageError(f"error: unknown target {unknown[0]!r}; choose from {', '.join(known)}")
    selected = list(dict.fromkeys(selected))

    model = load(catalogue, shown_as=str(catalogue))
    # Every problem with the catalogue is known before anything is written. From here on
    # one target is rendered and written at a time, to bound memory; only a template bug
    # (exit 3) can stop a run with some targets written and others not.
    drift = write.Drift()
    for target in selected:
        files = render_target(model, target, templates, catalogue.name)
        if args.check or args.diff:
            found = write.compare(out, files, [target])
            if args.diff:
                sys.stdout.write(write.diff(out, files, found))
            drift.missing += found.missing
            drift.stale += found.stale
            drift.extra += found.extra
            continue
        for action, path in write.apply(out, files, [target]):
            if not quiet:
                print(f"{action:9} {out / path}")
        del files  # before the next target is rendered
    if not args.diff:
        for line in drift.lines():
            print(line)
    if drift:
        print(f"{out} is not what {catalogue} gives: run python -m generator", file=sys.stderr)
        return DRIFT
    return OK
