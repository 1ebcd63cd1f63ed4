"""The command line: turns arguments into a call, and its result into an exit code."""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import jinja2

from . import __version__, render, schema, stamp, workers, write
from .api import default_targets, discover, load, render_spooled, targets
from .catalogue import check_names
from .config import Config, ConfigError
from .config import find as find_config
from .model import Catalogue
from .problems import CatalogueError, GateError, TemplateError, UserTemplateError
from .target import Target

OK, DRIFT, BAD_INPUT, INTERNAL = 0, 1, 2, 3
FORK_FROM = 250  # codes
DISTRIBUTION = "error-bindings"

EPILOG = """\
targets: {targets}
built-in templates: {templates}

exit codes:
  0  done, or (with --check/--diff) the output is up to date
  1  --check/--diff: the output differs from what the catalogue gives
  2  bad input: the catalogue, the arguments, [tool.generator] in pyproject.toml or a
     template from --templates; nothing was written
  3  internal error: a bug in the generator or a built-in template; nothing was written

Options can also be set in pyproject.toml under [tool.generator] (catalogue, out, target,
templates, quiet), found in the working folder or the nearest folder above it; paths there are
relative to that pyproject.toml. The command line overrides them.
"""


class UsageError(Exception):
    pass


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Generate error bindings (a package per language, docs, conformance "
        "fixtures) from an error catalogue.",
        epilog=EPILOG.format(targets=", ".join(targets()), templates=render.builtin_templates()),
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
    mode.add_argument(
        "--init",
        action="store_true",
        help="write a commented first catalogue.yaml and its schema here, and exit",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", default=None, help="print only problems"
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="print the version and exit")
    return parser


class _Version(argparse.Action):
    """argparse's own version action, asking the installed distribution only when used:
    importlib.metadata alone costs a run 24 ms."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        import importlib.metadata

        try:
            version = importlib.metadata.version(DISTRIBUTION)
        except importlib.metadata.PackageNotFoundError:
            version = __version__
        print(f"{DISTRIBUTION} {version}")
        parser.exit()


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


def main(argv: list[str] | None = None, prog: str = "python -m generator") -> int:
    # A short-lived process that builds large acyclic structures: collecting cycles that do
    # not exist would cost a fifth of the run on big catalogues.
    collecting = gc.isenabled()
    gc.disable()
    arguments = sys.argv[1:] if argv is None else argv
    breaking = arguments[:1] == ["breaking"]
    try:
        Path.cwd()
    except OSError as error:
        print(f"error: the working folder is gone ({error.strerror}): cd into one", file=sys.stderr)
        return BAD_INPUT
    try:
        if breaking:
            from . import gate

            found = gate.parser(prog).parse_args(arguments[1:])
            return gate.run(found, find_config(Path.cwd()), Path.cwd(), _Stdout())
        return _run(_parser(prog).parse_args(arguments), _Stdout(), prog, stamp.key(arguments))
    except (UsageError, ConfigError, GateError) as error:
        print(error, file=sys.stderr)
        return BAD_INPUT
    except CatalogueError as error:
        print(error, file=sys.stderr)
        # The gate writes nothing anyway; a run that would have written says it did not.
        written = "" if breaking else "; nothing was written"
        print(f"{len(error.problems)} problem(s){written}.", file=sys.stderr)
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


def _run(args: argparse.Namespace, stdout: _Stdout, prog: str, stamp_name: str | None) -> int:
    if args.schema:
        stdout.write(schema.json_schema())
        return OK
    if args.init:
        return _init(Path.cwd(), stdout, prog, args.quiet)
    config = find_config(Path.cwd())
    catalogue = Path(args.catalogue) if args.catalogue else config.path("catalogue", CATALOGUE)
    out = Path(args.out) if args.out else config.path("out", "generated")
    templates = [Path(p) for p in args.templates] if args.templates else config.paths("templates")
    quiet = args.quiet if args.quiet is not None else config.values.get("quiet", False)
    for folder in templates:
        if not folder.is_dir():
            raise UsageError(f"error: --templates {folder}: no such folder")
    # Hashed before anything is read: what changes meanwhile is seen by the next run.
    read = stamp.inputs(str(catalogue), map(str, [*templates, render.builtin_templates()]))
    found = discover(templates)
    chosen = args.target or config.values.get("target")
    unknown = [name for name in chosen or () if name not in found]
    if unknown:
        raise UsageError(f"error: unknown target {unknown[0]!r}; choose from {', '.join(found)}")
    if not catalogue.exists() and not args.catalogue:
        raise UsageError(_no_catalogue(catalogue, config, prog))

    model = load(catalogue, str(catalogue), list(found.values()), names=False)
    selected = list(dict.fromkeys(chosen or default_targets(model, found)))
    names = functools.partial(
        check_names,
        model,
        list(found.values()),
        [found[name] for name in selected],
        str(catalogue),
    )
    processes = None if len(model.codes) >= FORK_FROM else 1
    # A target is orphaned when its templates are gone, or it is opt-in and the catalogue no
    # longer has its section; only a run of every target can say.
    orphaned = [] if chosen else write.orphans(out, selected)
    warnings = render.partial_overrides(templates, selected)
    if not quiet:
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
    run = _Run(
        model,
        catalogue,
        out,
        _shown(out),
        templates,
        found,
        render.template_cache(),
        stdout,
        prog,
        processes,
        names,
        stamp.seconds(stamp_name) if stamp_name is not None else {},
    )
    if args.check or args.diff:
        return run.check(selected, orphaned, diff=args.diff, quiet=quiet)
    status, outputs = run.generate(selected, orphaned, quiet=quiet)
    if stamp_name is not None and all(hashed for _, hashed in read):
        stamp.save(
            stamp_name,
            {
                "modified": stamp.libraries(),
                "inputs": read,
                "out": os.path.abspath(out),
                "listing": stamp.listing(os.path.abspath(out)),
                "outputs": outputs,
                "files": len(outputs),
                "quiet": config.values.get("quiet", False),
                "warnings": warnings,
                "up_to_date": run.up_to_date(),
                "seconds": run.seconds,
            },
        )
    return status


class _Rendered(NamedTuple):
    files: dict[str, write.Text]
    digests: dict[str, bytes]
    """Each file hashed for the stamp, when generating: where it was rendered, so that a
    worker does it beside the parent's work."""
    seconds: float


@dataclass
class _Run:
    model: Catalogue
    catalogue: Path
    out: Path
    shown: str
    """out as paths under it are printed."""
    templates: list[Path]
    found: dict[str, Target]
    """Every target the template folders provide."""
    cache: jinja2.BytecodeCache
    stdout: _Stdout
    prog: str
    processes: int | None
    """1 where the catalogue is too small to repay a fork (on the repository's catalogue,
    forking cost 5 ms of 175); None: as many as workers.in_order finds cores for."""
    meanwhile: Callable[[], object]
    """The name checks: done while workers render, or before rendering alone."""
    previous: dict[str, float]
    """How long each target took to render in the last run like this one."""
    seconds: dict[str, float] = field(default_factory=dict)
    """How long each target took to render in this run."""

    def render(self, target: str, spool: int | None, generating: bool = False) -> _Rendered:
        """generating: the files spooled where there is a spool (see workers.in_order), and
        hashed."""
        started = time.perf_counter()
        name = self.catalogue.name
        files = render_spooled(
            self.model,
            target,
            self.templates,
            name,
            self.found,
            self.cache,
            spool if generating else None,
        )
        digests = (
            {path: stamp.text_digest(write.chunks(text)) for path, text in files.items()}
            if generating
            else {}
        )
        return _Rendered(files, digests, time.perf_counter() - started)

    def rendered(
        self, selected: list[str], generating: bool = False
    ) -> Iterator[tuple[str, _Rendered]]:
        """Each target's files, in worker processes when the catalogue is large enough to
        repay them: the targets that took longest last time first. generating: each target
        as soon as it is ready (see workers.in_order), its files hashed."""
        slowest = sorted(self.previous, key=self.previous.__getitem__, reverse=True)
        for target, rendered in workers.in_order(
            functools.partial(self.render, generating=generating),
            selected,
            self.processes,
            longest_first=slowest,
            meanwhile=self.meanwhile,
            as_ready=generating,
        ):
            self.seconds[target] = rendered.seconds
            yield target, rendered
            del rendered  # before the next target comes

    def check(self, selected: list[str], orphaned: list[str], diff: bool, quiet: bool) -> int:
        drift = write.Drift()
        for target, (files, _, _) in self.rendered(selected):
            found = write.compare(self.out, files, [target])
            if diff:
                self.stdout.write(write.diff(self.out, files, found, self.shown))
            drift.add(found)
            del files  # before the next target comes
        for target in orphaned:
            found = write.compare_orphan(self.out, target)
            if diff:
                self.stdout.write(write.diff(self.out, {}, found, self.shown))
            drift.add(found)
        if not diff:
            for line in drift.lines(self.shown):
                self.stdout.line(line)
        if drift:
            message = f"{self.shown} is not what {self.catalogue} gives: run {self.prog}"
            print(message, file=sys.stderr)
            return DRIFT
        if not quiet and not diff:
            self.stdout.line(self.up_to_date())
        return OK

    def up_to_date(self) -> str:
        return f"{self.shown} is up to date with {self.catalogue}"

    def generate(
        self, selected: list[str], orphaned: list[str], quiet: bool
    ) -> tuple[int, list[tuple[str, bytes]]]:
        """The exit status, and every file the output now holds, hashed for the stamp."""
        outputs: list[tuple[str, bytes]] = []
        resolved = os.path.realpath(self.out)  # a link on the way later shows as another path
        # Every target is rendered and staged before any file changes, so a failure anywhere
        # (a template, a full disk, an interruption) leaves the output as it was.
        with write.Transaction(self.out) as transaction:
            try:
                for target, (files, digests, _) in self.rendered(selected, generating=True):
                    transaction.stage(target, files)
                    write.release(files)
                    outputs += [
                        (os.path.join(resolved, path), digest) for path, digest in digests.items()
                    ]
                    del files  # before the next target comes
            except OSError as error:
                raise UsageError(
                    f"error: cannot write {self.shown}: {error.strerror or error}; "
                    "nothing was written."
                ) from None
            outputs.sort()  # the targets came as they were ready
            for target in orphaned:
                transaction.stage_removal(target)
            actions = transaction.commit(order=selected)
        if quiet:
            return OK, outputs
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
        return OK, outputs


CATALOGUE = "catalogue.yaml"
STARTER = Path(__file__).parent / "starter" / CATALOGUE


def _no_catalogue(catalogue: Path, config: Config, prog: str) -> str:
    if config.root is not None:
        where = f"as [tool.generator] in {os.path.relpath(config.root / 'pyproject.toml')} says"
    else:
        where = (
            f"in {config.searched} (no pyproject.toml with [tool.generator] there or in a "
            "folder above it)"
        )
    return (
        f"{catalogue}:1:1: error: there is no catalogue: looked for {catalogue} {where}\n"
        f"hint: run `{prog} --init` to write a first one, or pass --catalogue PATH"
    )


def _init(folder: Path, stdout: _Stdout, prog: str, quiet: bool | None) -> int:
    files = {
        CATALOGUE: STARTER.read_text(encoding="utf-8"),
        schema.SCHEMA_FILE: schema.json_schema(),
    }
    present = [name for name in files if (folder / name).exists()]
    if present:
        raise UsageError(
            f"error: {present[0]} is already here; --init never overwrites a file, so nothing "
            "was written"
        )
    for name, text in files.items():
        with open(folder / name, "x", encoding="utf-8", newline="") as handle:
            handle.write(text)
    if not quiet:
        stdout.line(f"wrote {CATALOGUE} and {schema.SCHEMA_FILE}")
        stdout.line(f"next: describe your API's errors in {CATALOGUE}, then run `{prog}`")
    return OK
