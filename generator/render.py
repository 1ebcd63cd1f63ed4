"""Render a catalogue through the templates into {relative path: text}; touches no disk output.

Templates live in ``templates/<target>/``, each named after the file it produces (where it
goes is the target's to say); other files there are copied as they are. A user template
folder of the same layout is searched first, so one file can be overridden without copying
the rest. Every template sees the shared filters and variables, every target's filters, and
its own target's variables.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import traceback
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
import jinja2.runtime

from . import escape, naming, stamp, write
from .model import Catalogue
from .problems import TemplateError, UserTemplateError
from .target import Language, Target
from .target import languages as target_languages


def builtin_templates() -> Path:
    here = Path(__file__).resolve().parent
    installed = here / "templates"
    return installed if installed.is_dir() else here.parent / "templates"


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs of the command line (Jinja checks each against
    its source): a third of a small catalogue's run. A cache that cannot be read or written
    is skipped."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError, EOFError, ValueError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)


class _InMemory(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the process: what generate() uses, as it may
    write nothing outside memory."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_IN_MEMORY = _InMemory()


def template_cache() -> jinja2.BytecodeCache:
    """The compiled-template cache of this jinja2 version; older versions' folders go."""
    root = Path(stamp.cache_root())
    current = f"jinja-{jinja2.__version__}"
    with contextlib.suppress(OSError):
        for entry in root.iterdir():
            if entry.name.startswith("jinja-") and entry.name != current:
                shutil.rmtree(entry, ignore_errors=True)
    return _CompiledTemplates(str(root / current))


_PLAIN_CALLABLES = (
    types.FunctionType,
    types.MethodType,
    types.BuiltinFunctionType,
    jinja2.runtime.Macro,
)


class _Context(jinja2.runtime.Context):
    """Jinja's context, calling functions, methods and macros with less ado. Jinja asks any
    callable whether it wants the context passed, twice, on every call: a third of the
    1.3 us a call took, and the docs make 50,000 calls at 10,000 codes. For these types the
    answer is always the one asked of the callable itself."""

    def call(__self, __obj: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if type(__obj) not in _PLAIN_CALLABLES or hasattr(__obj, "jinja_pass_arg"):
            return super().call(__obj, *args, **kwargs)
        if kwargs:
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:  # as Jinja has it
            return __self.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception"
            )


class _Environment(jinja2.Environment):
    """Jinja's environment, looking up an attribute by name (`selectattr("deprecated")`,
    `map(attribute="key")`) in an object that holds no items without asking for the item
    first: that raised and caught a TypeError for each code, a third of the 1.5 us each
    lookup took. What it finds is what Jinja finds. (A class may hold items of its own:
    list["int"] is list[int].)"""

    def getitem(self, obj: Any, argument: Any) -> Any:
        if (
            type(argument) is str
            and not hasattr(type(obj), "__getitem__")
            and not isinstance(obj, type)
        ):
            try:
                return getattr(obj, argument)
            except AttributeError:
                return self.undefined(obj=obj, name=argument)
        return super().getitem(obj, argument)


SHARED_FILTERS: dict[str, Callable[..., str]] = {
    "comment": escape.comment,
    "html_comment": escape.html_comment,
    "json": escape.to_json,
    "toml_str": escape.toml_string,
    "yaml_str": escape.yaml_string,
    "md_text": escape.markdown_text,
    "md_code": escape.markdown_code,
    "md_value": escape.markdown_value,
    "md_fence": escape.markdown_fence,
    "md_url": escape.markdown_autolink,
}


def filters(targets: Iterable[Target]) -> dict[str, Callable[..., Any]]:
    """The shared filters and every target's own; two targets may not define one name."""
    found: dict[str, Callable[..., Any]] = dict(SHARED_FILTERS)
    owners = dict.fromkeys(SHARED_FILTERS, "the shared filters")
    for target in targets:
        for name, function in target.filters().items():
            if name in found:
                raise UserTemplateError(
                    f"target {target.name!r} defines the filter {name!r}, which "
                    f"{owners[name]} already define"
                )
            found[name], owners[name] = function, f"target {target.name!r}"
    return found


def environment(
    template_dirs: Sequence[Path],
    targets: Iterable[Target] = (),
    cache: jinja2.BytecodeCache | None = None,
) -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in template_dirs]),
        bytecode_cache=cache or _IN_MEMORY,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.context_class = _Context
    env.filters.update(filters(targets))
    return env


def variables(
    catalogue: Catalogue, target: Target, languages: Sequence[Language], catalogue_name: str
) -> dict[str, Any]:
    """What a target's templates see besides the filters."""
    return {
        "catalogue": catalogue,
        "api": catalogue.api,
        "header": target.header(catalogue_name),
        "example": catalogue.example,
        "languages": languages,
        **target.variables(catalogue, languages),
    }


def catalogue_filters(catalogue: Catalogue) -> dict[str, Callable[..., Any]]:
    """Filters that look things up in the catalogue being rendered, or name its classes.
    Filters, not functions: Jinja calls a filter directly, a function through its context,
    which for 100,000 codes makes a difference of seconds."""
    return {
        "status_of": lambda code: catalogue.status(code.status),
        "type_of": lambda code: catalogue.type(code.type),
        "type_for_status": catalogue.type_for_status,
        "docs_url": lambda code: naming.docs_url(catalogue, code),
        "reference_url": catalogue.reference_url,
        "example_in": catalogue.example,
        "symbol_in": lambda entry, language: language.symbol(entry),
    }


@dataclass(frozen=True)
class Rendered:
    files: dict[str, write.Text]
    """{path relative to the output directory: text}, sorted by path."""
    by_user: dict[str, str]
    """{path: template file} of the paths a user's template (from --templates) produced."""


def render(
    catalogue: Catalogue,
    selected: Iterable[str],
    targets: Mapping[str, Target],
    template_dirs: Sequence[Path],
    catalogue_name: str = "catalogue.yaml",
    cache: jinja2.BytecodeCache | None = None,
    spool: int | None = None,
) -> Rendered:
    """The files of the selected targets; targets: every target the folders provide. spool:
    where the built-in templates' files go, as write.Spooled, rather than held (a user's
    template's file is held: it may yet be laid out, see Target.format)."""
    env = environment(template_dirs, targets.values(), cache)
    env.filters.update(catalogue_filters(catalogue))
    languages = target_languages(targets.values(), catalogue)
    builtin = builtin_templates()
    files: dict[str, write.Text] = {}
    by_user: dict[str, str] = {}
    for name in selected:
        target = targets[name]
        context = variables(catalogue, target, languages, catalogue_name)
        prefix = f"{name}/"
        for template_name in env.list_templates(filter_func=_is_template):
            if not template_name.startswith(prefix):
                continue
            path = target.output_path(template_name.removesuffix(".jinja"), catalogue)
            try:
                if template_name.endswith(".jinja"):
                    template = env.get_template(template_name)
                    filename = template.filename
                    if spool is not None and _inside(filename, builtin):
                        files[path] = _spooled(template, context, spool)
                    else:
                        files[path] = template.render(context)
                else:  # a file of its own, copied as it is (a runtime, a schema)
                    assert env.loader is not None
                    files[path], filename, _ = env.loader.get_source(env, template_name)
            except write.SpoolError:
                raise  # no template's doing: reported as a file that cannot be written
            except Exception as error:
                raise _failure(template_name, error, builtin) from error
            if not _inside(filename, builtin):
                by_user[path] = filename or template_name
    return Rendered(dict(sorted(files.items())), by_user)


def _spooled(template: jinja2.Template, context: dict[str, Any], spool: int) -> write.Spooled:
    """What template.generate(context) would give, spooled, without the generator it wraps
    around each of the 400,000 pieces of a 10,000-code module (10 ms)."""
    pieces = template.root_render_func(template.new_context(context))
    try:
        return write.spool(spool, pieces)
    except Exception:
        template.environment.handle_exception()  # raises it, pointing at the template's line


def _is_template(name: str) -> bool:
    """A template, or a file to copy as it is: not what Python or an editor leaves beside
    them (__pycache__, hidden files)."""
    parts = name.split("/")
    if name.endswith(".jinja"):
        return "__pycache__" not in parts
    return "__pycache__" not in parts and not parts[-1].startswith(".")


def _inside(filename: str | None, folder: Path) -> bool:
    # The loader joins each folder as given with the template's name.
    return filename is not None and filename.startswith(f"{folder}{os.sep}")


def _failure(name: str, error: Exception, builtin: Path) -> Exception:
    """A user's template failing is bad input; a built-in one failing is a bug of ours.
    Either way the message names the template file and line where it failed."""
    filename, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    if not isinstance(error, jinja2.TemplateSyntaxError):
        # Jinja rewrites tracebacks so that template frames carry the template's own lines.
        frames = [
            frame
            for frame in traceback.extract_tb(error.__traceback__)
            if frame.filename.endswith(".jinja")
        ]
        if frames:
            filename, line = frames[-1].filename, frames[-1].lineno
    where = f"{filename or name}:{line}" if line else f"{filename or name}"
    message = f"{where}: {type(error).__name__}: {error}"
    if filename is not None and not _inside(filename, builtin):
        return UserTemplateError(message)
    return TemplateError(message)


def partial_overrides(user_dirs: Sequence[Path], targets: Iterable[str]) -> list[str]:
    """A warning for each user folder that overrides some of a built-in target's templates but
    not all: the rest still come from the built-in folder, which may not be what was meant."""
    builtin = builtin_templates()
    warnings = []
    for target in targets:
        own = _template_names(builtin / target)
        for folder in user_dirs:
            overridden = own & _template_names(folder / target)
            if overridden and overridden != own:
                warnings.append(
                    f"{folder / target} overrides {len(overridden)} of the {len(own)} built-in "
                    f"{target} templates ({', '.join(sorted(overridden))}); the others still "
                    f"come from {builtin / target}"
                )
    return warnings


def _template_names(folder: Path) -> set[str]:
    if not folder.is_dir():
        return set()
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.jinja")}
