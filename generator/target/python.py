"""The Python target: an installable package of exception classes (templates/python/).

What is particular to Python: its names (classes in PascalCase, enum members in
UPPER_CASE), the builtins and module names they must not shadow, its string and docstring
literals, black's layout, and the `python:` section of the catalogue."""

from __future__ import annotations

import functools
import keyword
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .. import escape, naming
from ..model import Catalogue, ErrorCode, ErrorType, Status
from ..problems import Location, Problem, UserTemplateError
from ..schema import INVALID, NAME, NAME_HINT, PASCAL, PASCAL_HINT, Key, Record, Text
from ..source import Node
from . import Language, Target

LINE_LENGTH = 88
OLDEST_PYTHON = (3, 10)  # also requires-python of the generated package

# Fixed lists rather than dir(builtins), so the same catalogue is accepted on every Python.
BUILTINS = frozenset(
    """
    ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup
    BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError
    ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError
    DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception
    ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError FutureWarning
    GeneratorExit IOError ImportError ImportWarning IndentationError IndexError
    InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError
    ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError
    OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError
    PythonFinalizationError RecursionError ReferenceError ResourceWarning RuntimeError
    RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError
    SystemExit TabError TimeoutError True TypeError UnboundLocalError UnicodeDecodeError
    UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning
    ValueError Warning ZeroDivisionError
    """.split()
)


# Names ------------------------------------------------------------------------------------


def base_class(catalogue: Catalogue) -> str:
    return f"{catalogue.api.prefix}Error"


def type_class(error_type: ErrorType) -> str:
    return naming.error_class(error_type.key)


def code_class(code: ErrorCode) -> str:
    return code.name_in("python") or naming.error_class(code.key)


def member(key: str) -> str:
    return key.upper()


def status_member(status: Status) -> str:
    return status.name.upper() if status.name else _constant_case(status.title)


@functools.cache
def _constant_case(title: str) -> str:
    return "_".join(naming.title_words(title)).upper()


def package(catalogue: Catalogue) -> str:
    name: str = catalogue.options["python"]["package"]
    return name


# Literals ---------------------------------------------------------------------------------

_SPECIAL = {quote: re.compile(rf"[\\{quote}]|{escape.NOT_PRINTABLE_ASCII}") for quote in ("'", '"')}


def _char(match: re.Match[str]) -> str:
    char = match.group()
    if char in escape.BACKSLASH_ESCAPES:
        return escape.BACKSLASH_ESCAPES[char]
    if char in "'\"":
        return "\\" + char
    return escape.hex_escape(char) if escape.is_unsafe(char) else char


def _body(text: str, quote: str) -> str:
    return _SPECIAL[quote].sub(_char, text)


def string(text: str) -> str:
    """A Python string literal, quoted the way black would leave it."""
    # Black keeps double quotes unless single quotes need fewer escapes.
    quote = "'" if text.count("'") < text.count('"') else '"'
    return f"{quote}{_body(text, quote)}{quote}"


def docstring(text: str) -> str:
    """The inside of a one-line triple-quoted docstring whose value is exactly text.

    Black strips a docstring's outer whitespace and pads a leading or trailing quote, so
    those characters are escaped; everything stays on one physical line.
    """
    body = _body(text, '"')
    if text[:1] == " ":
        body = "\\x20" + body[1:]
    elif text[:1] == '"':
        body = "\\x22" + body[2:]
    if len(text) > 1 and text[-1] == " ":
        body = body[:-1] + "\\x20"
    elif len(text) > 1 and text[-1] == '"':
        body = body[:-2] + "\\x22"
    return body


# Layout -----------------------------------------------------------------------------------
# The built-in templates lay code out exactly as black would (the suite proves it on the
# repository's catalogue and on random ones), so generating never imports black: importing
# it costs more than everything else a run does for a typical catalogue, and formatting a
# module of thousands of classes takes seconds. Output of a user's template is unknown, so
# it goes through black itself, with a fixed mode that never reads the caller's settings.


def assignment(target: str, value: str, indent: int = 0) -> str:
    """`target = value` as black lays it out: on one line, or, when that is too long and the
    value fits on a line of its own, with the value in parentheses. Values here are ASCII,
    so their width is their length."""
    pad = " " * indent
    line = f"{pad}{target} = {value}"
    if len(line) <= LINE_LENGTH or indent + 4 + len(value) > LINE_LENGTH:
        return line
    return f"{pad}{target} = (\n{pad}    {value}\n{pad})"


def black_mode() -> object:
    from black.mode import Mode, TargetVersion

    version = TargetVersion[f"PY{OLDEST_PYTHON[0]}{OLDEST_PYTHON[1]}"]
    return Mode(target_versions={version}, line_length=LINE_LENGTH)


def black(path: str, text: str, template: str) -> str:
    # Imported here: black is by far the slowest import, and only user templates need it.
    from black import format_str
    from black.parsing import InvalidInput

    try:
        return format_str(text, mode=black_mode())  # type: ignore[arg-type]
    except InvalidInput as error:
        numbered = "\n".join(
            f"{number:5} | {line}" for number, line in enumerate(text.splitlines(), 1)
        )
        message = f"{template}: the Python it rendered for {path} does not parse: {error}"
        raise UserTemplateError(f"{message}\n{numbered}") from error


# The target -------------------------------------------------------------------------------


class _ImportName(Text):
    """A package name Python can import: lower_snake_case and not a keyword."""

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        value = super().check(node, at, problems)
        if value is not INVALID and keyword.iskeyword(value):
            message = f"{at} {value!r} is a Python keyword, so it cannot be imported"
            problems.append(Problem(node.location, message))
            return INVALID
        return value


class Python(Target):
    language = "Python"
    options = Record(
        "The generated Python package.",
        {"package": Key(_ImportName("Its import name.", NAME, NAME_HINT), required=True)},
    )
    required = True
    class_name_key = Text("Python class name.", PASCAL, PASCAL_HINT)
    # What the templates define at the top level of a module, among the names a catalogue can
    # give a class (PascalCase). tests/test_reserved_names.py collects them from the rendered
    # templates and fails when this drifts.
    module_names = frozenset(
        """
        Any ClassVar Enum ErrorCode ErrorType FieldError HttpStatus Mapping REFERENCE
        """.split()
    )
    globals = BUILTINS

    def filters(self) -> Mapping[str, Callable[..., Any]]:
        return {
            "py_str": string,
            "py_doc": docstring,
            "py_assign": assignment,
            "py_class": lambda entry: (
                code_class(entry) if isinstance(entry, ErrorCode) else type_class(entry)
            ),
            "py_member": member,
            "py_status": status_member,
        }

    def variables(self, catalogue: Catalogue, languages: Sequence[Language]) -> Mapping[str, Any]:
        return {"py_base": base_class(catalogue), "package": package(catalogue)}

    def output_path(self, path: str, catalogue: Catalogue) -> str:
        return path.replace("__package__", package(catalogue))

    def top_level_names(self, catalogue: Catalogue) -> list[tuple[str, Location, str]]:
        return [
            (base_class(catalogue), catalogue.api.location, "the base error class"),
            *((type_class(t), t.location, f"type {t.key!r}") for t in catalogue.types),
            *((code_class(c), c.location, f"code {c.key!r}") for c in catalogue.codes),
        ]

    def check(self, catalogue: Catalogue) -> list[Problem]:
        names = self.top_level_names(catalogue)
        problems = naming.shadowing(names, self.globals, "a Python builtin")
        problems += naming.shadowing(names, self.module_names, "a name the Python module defines")
        problems += naming.collisions("Python class", names)
        problems += naming.collisions(
            "Python HttpStatus member",
            [(status_member(s), s.location, f"status {s.key}") for s in catalogue.statuses],
        )
        return problems

    def format(self, files: dict[str, str], by_user: Mapping[str, str]) -> dict[str, str]:
        return {
            path: (
                black(path, text, by_user[path])
                if path in by_user and path.endswith(".py")
                else text
            )
            for path, text in files.items()
        }

    def class_name(self, entry: ErrorCode | ErrorType | None, catalogue: Catalogue) -> str:
        if entry is None:
            return base_class(catalogue)
        return code_class(entry) if isinstance(entry, ErrorCode) else type_class(entry)

    def symbol(self, entry: ErrorCode | ErrorType, catalogue: Catalogue) -> str:
        return f"{package(catalogue)}.{self.class_name(entry, catalogue)}"

    def package(self, catalogue: Catalogue) -> str:
        return package(catalogue)


TARGET = Python("python")
