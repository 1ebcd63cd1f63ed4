"""Render a catalogue through the templates into {relative path: text}; touches no disk output.

Templates live in ``templates/<target>/``, each named after the file it produces, with
``__package__`` in a path standing for the Python package name. A user template folder of
the same layout is searched first, so one file can be overridden without copying the rest.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import jinja2
import jinja2.bccache

from . import conformance, escape, formatting, naming
from .model import Catalogue, ErrorCode, ErrorType, Status
from .problems import TemplateError


def builtin_templates() -> Path:
    here = Path(__file__).resolve().parent
    installed = here / "templates"
    return installed if installed.is_dir() else here.parent / "templates"


def available_targets(template_dirs: Sequence[Path]) -> list[str]:
    return sorted(
        {
            entry.name
            for folder in template_dirs
            if folder.is_dir()
            for entry in folder.iterdir()
            if entry.is_dir() and not entry.name.startswith(".")
        }
    )


def _python_class(entry: ErrorCode | ErrorType) -> str:
    if isinstance(entry, ErrorCode):
        return naming.python_code_class(entry)
    return naming.python_type_class(entry)


def _typescript_class(entry: ErrorCode | ErrorType) -> str:
    if isinstance(entry, ErrorCode):
        return naming.typescript_code_class(entry)
    return naming.typescript_type_class(entry)


def _anchor(entry: ErrorCode | ErrorType | Status) -> str:
    if isinstance(entry, ErrorCode):
        return naming.markdown_code_anchor(entry)
    if isinstance(entry, ErrorType):
        return naming.markdown_type_anchor(entry)
    return naming.markdown_status_anchor(entry)


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs (Jinja checks each against its source), which
    saves a third of a small catalogue's run; a cache that cannot be written is skipped."""

    def __init__(self) -> None:
        root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        self.folder = os.path.join(root, "error-bindings", f"jinja-{jinja2.__version__}")
        super().__init__(self.folder)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError, EOFError, ValueError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            os.makedirs(self.folder, exist_ok=True)
            super().dump_bytecode(bucket)


def environment(template_dirs: Sequence[Path]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in template_dirs]),
        bytecode_cache=_CompiledTemplates(),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        py_str=escape.python_string,
        py_doc=escape.python_docstring,
        py_assign=formatting.python_assignment,
        ts_str=escape.typescript_string,
        comment=escape.comment,
        json=escape.to_json,
        md_text=escape.markdown_text,
        md_code=escape.markdown_code,
        md_fence=escape.markdown_fence,
        md_id=lambda anchor: f"{{#{anchor}}}",
        py_class=_python_class,
        ts_class=_typescript_class,
        py_member=naming.python_member,
        ts_member=naming.typescript_member,
        py_status=naming.python_status_member,
        ts_status=naming.typescript_status_member,
        anchor=_anchor,
    )
    return env


def render(
    catalogue: Catalogue,
    targets: Iterable[str],
    template_dirs: Sequence[Path],
    catalogue_name: str = "catalogue.yaml",
) -> dict[str, str]:
    env = environment(template_dirs)
    context = {
        "catalogue": catalogue,
        "api": catalogue.api,
        "header": f"Generated from {catalogue_name} by `python -m generator`. Do not edit.",
        "py_base": naming.python_base(catalogue),
        "ts_base": naming.typescript_base(catalogue),
        "ts_guard": naming.typescript_guard(catalogue),
        # How an enum member is written: `Name = "value"` in an enum, `Name: "value"` in an
        # `as const` object.
        "ts_assign": ": " if catalogue.api.typescript_style == "erasable" else " = ",
        "example": catalogue.example,
        "conformance_cases": lambda: conformance.cases(catalogue),
    }
    # Filters, not functions: Jinja calls a filter directly, a function through its context,
    # which for 100,000 codes makes a difference of seconds.
    env.filters.update(
        status_of=lambda code: catalogue.status(code.status),
        type_of=lambda code: catalogue.type(code.type),
        docs_url=lambda code: naming.docs_url(catalogue, code),
    )
    files: dict[str, str] = {}
    for target in targets:
        prefix = f"{target}/"
        for name in env.list_templates(extensions=["jinja"]):
            if not name.startswith(prefix):
                continue
            path = name.removesuffix(".jinja").replace("__package__", catalogue.api.python_package)
            try:
                files[path] = env.get_template(name).render(context)
            except jinja2.TemplateError as error:
                line = getattr(error, "lineno", None)
                where = f"{name}:{line}" if line else name
                raise TemplateError(f"{where}: {type(error).__name__}: {error}") from error
    return dict(sorted(files.items()))
