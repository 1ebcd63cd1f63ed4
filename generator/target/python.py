"""The Python target: an installable package of exception classes (templates/python/).

What is particular to Python: its names (classes in PascalCase, enum members in
UPPER_CASE), the builtins and module names they must not shadow, its string and docstring
literals, black's layout, and the `python:` section of the catalogue."""

from __future__ import annotations

import bisect
import functools
import importlib.util
import keyword
import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .. import escape, naming
from ..model import Catalogue, ErrorCode, ErrorType, Extra, Status, StatusClass, Tombstone
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


def code_class(code: ErrorCode | Tombstone) -> str:
    return code.name_in("python") or naming.error_class(code.key)


def status_class(entry: StatusClass) -> str:
    return entry.name_in("python") or naming.error_class(entry.key)


def entry_class(entry: ErrorCode | ErrorType | StatusClass) -> str:
    if isinstance(entry, ErrorCode):
        return code_class(entry)
    if isinstance(entry, StatusClass):
        return status_class(entry)
    return type_class(entry)


_EXTRA_TYPES = {
    "string": "str | None",
    "integer": "int | None",
    "number": "float | None",
    "boolean": "bool | None",
    "strings": "list[str] | None",
    "object": "Any",
}


def extra_type(extra: Extra) -> str:
    return _EXTRA_TYPES[extra.kind]


def extra_arguments(extra: Extra) -> list[str]:
    """What the runtime's Extra is made of, as Python literals."""
    return [string(extra.name), string(extra.path), string(extra.kind)]


def attribute(extra: Extra) -> str:
    """An extra's attribute: its name, or after a keyword an underscore (from gives from_)."""
    return f"{extra.name}_" if keyword.iskeyword(extra.name) else extra.name


def identifier(entry: Extra | str) -> str:
    """An extra's attribute, or a name the templates give: refused unless an identifier, so
    a template cannot write anything else where an identifier goes."""
    name = attribute(entry) if isinstance(entry, Extra) else entry
    if not name.isidentifier() or keyword.iskeyword(name):
        raise ValueError(f"not a Python identifier: {name!r}")
    return name


def value(literal: Any) -> str:
    """A Python literal for a JSON scalar (a wire value, a literal to compare with)."""
    if isinstance(literal, str):
        return string(literal)
    if literal is None or isinstance(literal, bool | int):
        return repr(literal)
    if isinstance(literal, float) and math.isfinite(literal):
        return repr(literal)
    raise ValueError(f"not a JSON scalar: {literal!r}")


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


def _body(text: str, quote: str) -> str:
    return escape.quoted(text, quote, escape.hex_escape)


def string(text: str) -> str:
    """A Python string literal, quoted the way black would leave it."""
    # escape.plain(text, '"'), inlined: a call for each literal costs 1% of a run of Python
    # alone. Most text is plain: what the lines below make of it, at once.
    if text.isascii() and text.isprintable() and "\\" not in text and '"' not in text:
        return f'"{text}"'
    # Black keeps double quotes unless single quotes need fewer escapes.
    quote = "'" if text.count("'") < text.count('"') else '"'
    return f"{quote}{_body(text, quote)}{quote}"


def docstring(text: str) -> str:
    """The inside of a one-line triple-quoted docstring whose value is exactly text.

    Black strips a docstring's outer whitespace and pads a leading or trailing quote, so
    those characters are escaped; everything stays on one physical line.
    """
    if escape.plain(text, '"') and text[:1] != " " and text[-1:] != " ":
        return text  # most descriptions: what the lines below make of them, at once
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


@functools.cache
def _width_table() -> tuple[list[int], list[tuple[int, int, int]]]:
    """Black's own table of the characters not one column wide (East Asian wide ones count
    two, combining ones none), read from its file: importing black is what layout avoids."""
    spec = importlib.util.find_spec("black")
    assert spec is not None and spec.submodule_search_locations
    path = Path(spec.submodule_search_locations[0]) / "_width_table.py"
    namespace: dict[str, Any] = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    table: list[tuple[int, int, int]] = namespace["WIDTH_TABLE"]
    return [start for start, _, _ in table], table


def width(text: str) -> int:
    """How many columns black counts text as."""
    if text.isascii():
        return len(text)
    starts, table = _width_table()
    total = 0
    for char in text:
        index = bisect.bisect_right(starts, ord(char)) - 1
        if index >= 0 and ord(char) <= table[index][1]:
            total += max(table[index][2], 0)
        else:
            total += 1
    return total


def assignment(target: str, value: str, indent: int = 0, comment: str = "") -> str:
    """`target = value` as black lays it out: on one line, or, when that is too long, with
    the value in parentheses (which black adds to a plain assignment only when the value
    then fits on its line, and to an annotated one always). A comment goes on the value's
    line, where black leaves it whatever the length."""
    pad = " " * indent
    line = f"{pad}{target} = {value}"
    annotated = ":" in target
    if width(line) <= LINE_LENGTH or (not annotated and indent + 4 + width(value) > LINE_LENGTH):
        return line + comment
    return f"{pad}{target} = (\n{pad}    {value}{comment}\n{pad})"


def union(names: list[str], group: int = 32) -> str:
    """`A | B | ...` as a type expression, NoReturn for none. Many names are grouped in
    parentheses, groups of groups in turn: type checkers parse a chain of `|` as nesting, and
    refuse one thousands deep (pyright's limit is 256)."""
    if not names:
        return "NoReturn"
    parts = list(names)
    while len(parts) > group:
        parts = [
            "(" + " | ".join(parts[start : start + group]) + ")"
            for start in range(0, len(parts), group)
        ]
    return " | ".join(parts)


def getter(annotation: str, name: str, value: str, indent: int) -> str:
    """`def name(self) -> annotation: return value` as black lays it out: the signature on one
    line, else with self on a line of its own, else with the annotation's subscript,
    `Outer[inner]`, split too; the value on the return line, else in parentheses."""
    pad = " " * indent
    line = f"{pad}def {name}(self) -> {annotation}:"
    if width(line) > LINE_LENGTH:
        head = f"{pad}def {name}(\n{pad}    self,\n{pad}) -> "
        if width(f"{pad}) -> {annotation}:") <= LINE_LENGTH or "[" not in annotation:
            line = f"{head}{annotation}:"
        else:
            outer, inner = annotation.removesuffix("]").split("[", 1)
            line = f"{head}{outer}[\n{pad}    {inner}\n{pad}]:"
    body = f"{pad}    return {value}"
    if width(body) > LINE_LENGTH:
        body = f"{pad}    return (\n{pad}        {value}\n{pad}    )"
    return f"{line}\n{body}"


def keyword_tuple(items: list[str], name: str, indent: int) -> str:
    """`name=(item, ...),` as black lays it out: one item on the line when it fits, more
    exploded one a line (their trailing comma keeps them so)."""
    pad = " " * indent
    if len(items) == 1 and width(line := f"{pad}{name}=({items[0]},),") <= LINE_LENGTH:
        return line
    inner = "".join(f"{pad}    {item},\n" for item in items)
    return f"{pad}{name}=(\n{inner}{pad}),"


def _call(arguments: list[str], function: str, indent: int, end: str = ",") -> str:
    """`function(argument, ...)` and end as black lays it out: on one line; else the
    arguments on a line of their own; else one a line, with a trailing comma."""
    pad = " " * indent
    joined = ", ".join(arguments)
    if width(line := f"{pad}{function}({joined}){end}") <= LINE_LENGTH:
        return line
    if width(f"{pad}    {joined}") <= LINE_LENGTH:
        return f"{pad}{function}(\n{pad}    {joined}\n{pad}){end}"
    inner = "".join(f"{pad}    {argument},\n" for argument in arguments)
    return f"{pad}{function}(\n{inner}{pad}){end}"


def subclass_stub(name: str, base: str, indent: int, comment: str = "") -> str:
    """`class name(base): ...` as black lays it out: on one line, else with the base on a
    line of its own; black never splits a line carrying a `# type:` comment."""
    pad = " " * indent
    line = f"{pad}class {name}({base}): ...{comment}"
    if comment or width(line) <= LINE_LENGTH:
        return line
    return f"{pad}class {name}(\n{pad}    {base}\n{pad}): ..."


def deprecated(notice: str, indent: int = 0) -> str:
    """The PEP 702 decorator of a deprecated class, as black lays it out. category=None: the
    package itself never warns (a server may well send a deprecated code); type checkers
    report each use."""
    return _call([string(notice), "category=None"], "@_runtime.deprecated", indent, end="")


def calls(arguments: list[list[str]], function: str, head: str, indent: int) -> str:
    """`head(function(...), ...),`, a tuple of calls, as black lays it out: one call on the
    line when it fits (a lone item's comma is not magic), else one call a line."""
    pad = " " * indent
    if len(arguments) == 1:
        line = f"{pad}{head}({function}({', '.join(arguments[0])}),),"
        if width(line) <= LINE_LENGTH:
            return line
    inner = "".join(_call(each, function, indent + 4) + "\n" for each in arguments)
    return f"{pad}{head}(\n{inner}{pad}),"


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


# Each code's class declares its code as its own literal type, for narrowing, up to this many
# codes. pyright gives up on a module of more than 30,720 code flow nodes ("Code is too
# complex to analyze"); a code already takes about two (its ErrorCode member and its class)
# and the declaration a third, which 10,000 codes in one module cannot afford.
CODE_LITERALS_UP_TO = 5_000


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
        Any ClassVar Enum ErrorCode ErrorItem ErrorType Fallback FieldError HttpStatus
        Extras KnownError Literal Mapping MappingProxyType REFERENCE Tombstone TypeAlias
        TypedDict TypeVar
        """.split()
    )
    globals = BUILTINS
    # What every error already has (its own attributes and methods, and Exception's):
    # an extra of the catalogue must not take one. tests/test_reserved_names.py ties it to
    # the rendered base class.
    attribute_names = frozenset(
        """
        add_note answer_status args body code default_message deprecated description docs_url
        errors extras fault fields headers http_status message raw_code reference
        reference_url removed replaced_by request_id retry_after retryable status statuses
        throttled throttling to_body to_dict to_response type
        with_traceback
        """.split()
    )

    def filters(self) -> Mapping[str, Callable[..., Any]]:
        return {
            "py_str": string,
            "py_doc": docstring,
            "py_assign": assignment,
            "py_class": entry_class,
            "py_member": member,
            "py_attr": identifier,
            "py_value": value,
            "py_extra_type": extra_type,
            "py_tuple": keyword_tuple,
            "py_getter": getter,
            "py_union": union,
            "py_calls": calls,
            "py_deprecated": deprecated,
            "py_subclass_stub": subclass_stub,
            "py_extra_arguments": extra_arguments,
            "py_status": status_member,
        }

    def variables(self, catalogue: Catalogue, languages: Sequence[Language]) -> Mapping[str, Any]:
        return {
            "py_base": base_class(catalogue),
            "py_code_literals": len(catalogue.codes) <= CODE_LITERALS_UP_TO,
            # On the package's own mentions of a deprecated class: type checkers report every
            # use of one, and the package's uses are not the user's. unused-ignore keeps the
            # comment quiet where the deprecated check is off (mypy's default).
            "py_uses_deprecated": "  # type: ignore[deprecated, unused-ignore]",
            **{f"py_{kind}": name for kind, name in naming.transport_classes(catalogue).items()},
            "package": package(catalogue),
        }

    def output_path(self, path: str, catalogue: Catalogue) -> str:
        return path.replace("__package__", package(catalogue))

    def top_level_names(self, catalogue: Catalogue) -> list[tuple[str, Location, str]]:
        return naming.class_names(
            catalogue, self.name, entry_class, (base_class(catalogue), "the base error class")
        )

    def attribute(self, extra: Extra) -> str:
        return attribute(extra)

    def check(self, catalogue: Catalogue) -> list[Problem]:
        names = self.top_level_names(catalogue)
        problems = naming.shadowing(names, self.globals, "a Python builtin")
        problems += naming.shadowing(names, self.module_names, "a name the Python module defines")
        removed = naming.removed_classes(catalogue, code_class)
        problems += naming.collisions("Python class", removed + names)
        problems += naming.attribute_problems(self, catalogue, "Python")
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

    def class_name(
        self, entry: ErrorCode | ErrorType | StatusClass | None, catalogue: Catalogue
    ) -> str:
        return base_class(catalogue) if entry is None else entry_class(entry)

    def status_name(self, status: Status) -> str | None:
        return status_member(status)

    def symbol(self, entry: ErrorCode | ErrorType | StatusClass, catalogue: Catalogue) -> str:
        return f"{package(catalogue)}.{self.class_name(entry, catalogue)}"

    def package(self, catalogue: Catalogue) -> str:
        return package(catalogue)


TARGET = Python("python")
