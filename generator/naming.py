"""Every identifier the targets use, derived in one place, and the checks that keep them safe.

Catalogue keys are validated as lower_snake_case before they get here, so deriving a name is
a matter of joining words; what can still go wrong is a name that shadows something (a
builtin, a keyword, a name the generated module defines itself) or two entries landing on
the same name. Both are reported as located problems, never silently renamed: the user fixes
them with a `names:` override on the code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .model import Catalogue, ErrorCode, ErrorType, Status
from .problems import Location, Problem


@functools.cache  # every target asks for the same names
def _pascal(key: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in key.split("_"))


def _error_class(key: str) -> str:
    """storage_error gives StorageError, not StorageErrorError."""
    return _pascal(key) if key.endswith("_error") else f"{_pascal(key)}Error"


def _title_words(title: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", title)


# Python ---------------------------------------------------------------------------------


def python_base(catalogue: Catalogue) -> str:
    return f"{catalogue.api.prefix}Error"


def python_type_class(error_type: ErrorType) -> str:
    return _error_class(error_type.key)


def python_code_class(code: ErrorCode) -> str:
    return code.python_name or _error_class(code.key)


def python_member(key: str) -> str:
    return key.upper()


def python_status_member(status: Status) -> str:
    return status.name.upper() if status.name else _constant_case(status.title)


@functools.cache
def _constant_case(title: str) -> str:
    return "_".join(_title_words(title)).upper()


# TypeScript -----------------------------------------------------------------------------


def typescript_base(catalogue: Catalogue) -> str:
    return f"{catalogue.api.prefix}Error"


def typescript_guard(catalogue: Catalogue) -> str:
    return f"is{typescript_base(catalogue)}"


def typescript_type_class(error_type: ErrorType) -> str:
    return _error_class(error_type.key)


def typescript_code_class(code: ErrorCode) -> str:
    return code.typescript_name or _error_class(code.key)


def typescript_member(key: str) -> str:
    return _pascal(key)


def typescript_status_member(status: Status) -> str:
    return _pascal(status.name) if status.name else _pascal_case(status.title)


@functools.cache
def _pascal_case(title: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in _title_words(title))


# Markdown -------------------------------------------------------------------------------


def markdown_code_anchor(code: ErrorCode) -> str:
    return code.key


def markdown_type_anchor(error_type: ErrorType) -> str:
    return f"type-{error_type.key}"


def markdown_status_anchor(status: Status) -> str:
    return f"status-{status.key}"


def docs_url(catalogue: Catalogue, code: ErrorCode) -> str:
    return f"{catalogue.api.docs_url}#{markdown_code_anchor(code)}"


# What the names must not shadow ---------------------------------------------------------

# Fixed lists rather than dir(builtins), so the same catalogue is accepted on every Python.
PYTHON_BUILTINS = frozenset(
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

# Names the generated Python module defines or imports at top level.
PYTHON_MODULE_NAMES = frozenset(
    """
    Any ClassVar Enum ErrorCode ErrorType FieldError HttpStatus IntEnum Mapping Protocol
    StrEnum Final annotations dataclass json lookup from_response raise_for_response
    """.split()
)

# Global objects of JavaScript and the DOM/Node that a class name must not hide.
TYPESCRIPT_GLOBALS = frozenset(
    """
    AggregateError Array ArrayBuffer Atomics BigInt BigInt64Array BigUint64Array Boolean
    Buffer DataView Date DOMException Error EvalError FinalizationRegistry Float32Array
    Float64Array Function Infinity Int16Array Int32Array Int8Array Intl Iterator JSON Map
    Math NaN Number Object Promise Proxy RangeError ReferenceError Reflect RegExp Response
    Set SharedArrayBuffer String Symbol SyntaxError TypeError URIError URL Uint16Array
    Uint32Array Uint8Array Uint8ClampedArray WeakMap WeakRef WeakSet
    """.split()
)

TYPESCRIPT_MODULE_NAMES = frozenset(
    """
    ErrorCode ErrorType HttpStatus FieldError ErrorBody KnownErrorCode AnyErrorCode
    fromResponse isErrorCode lookup
    """.split()
)


def check(catalogue: Catalogue) -> list[Problem]:
    """Every name that shadows something or collides with another, with both locations."""
    problems: list[Problem] = []
    python: list[tuple[str, Location, str]] = [
        (python_base(catalogue), catalogue.api.location, "the base error class"),
        *((python_type_class(t), t.location, f"type {t.key!r}") for t in catalogue.types),
        *((python_code_class(c), c.location, f"code {c.key!r}") for c in catalogue.codes),
    ]
    typescript: list[tuple[str, Location, str]] = [
        (typescript_base(catalogue), catalogue.api.location, "the base error class"),
        *((typescript_type_class(t), t.location, f"type {t.key!r}") for t in catalogue.types),
        *((typescript_code_class(c), c.location, f"code {c.key!r}") for c in catalogue.codes),
    ]
    problems += _shadowing(python, PYTHON_BUILTINS, "a Python builtin")
    problems += _shadowing(python, PYTHON_MODULE_NAMES, "a name the Python module defines")
    problems += _shadowing(typescript, TYPESCRIPT_GLOBALS, "a JavaScript global")
    problems += _shadowing(
        typescript, TYPESCRIPT_MODULE_NAMES, "a name the TypeScript module defines"
    )
    problems += _collisions("Python class", python)
    problems += _collisions("TypeScript class", typescript)
    for enum, entries in (("ErrorType", catalogue.types), ("ErrorCode", catalogue.codes)):
        problems += _collisions(
            f"TypeScript {enum} member",
            [
                (typescript_member(e.key), e.location, f"{enum[5:].lower()} {e.key!r}")
                for e in entries
            ],
        )
    statuses = list(catalogue.statuses)
    problems += _collisions(
        "Python HttpStatus member",
        [(python_status_member(s), s.location, f"status {s.key}") for s in statuses],
    )
    problems += _collisions(
        "TypeScript HttpStatus member",
        [(typescript_status_member(s), s.location, f"status {s.key}") for s in statuses],
    )
    for status in statuses:
        member = python_status_member(status)
        if not status.name and any(c.isalnum() and not c.isascii() for c in status.title):
            problems.append(
                Problem(
                    status.location,
                    f"status {status.key}: its title {status.title!r} has letters a name in "
                    "code cannot hold; give the status a `name:`",
                )
            )
        elif not member or member[0].isdigit():
            problems.append(
                Problem(
                    status.location,
                    f"status {status.key}: its title {status.title!r} gives no name in code "
                    "(it needs a word starting with a letter); give the status a `name:`",
                )
            )
    return problems


def _shadowing(
    names: Iterable[tuple[str, Location, str]], reserved: frozenset[str], what: str
) -> list[Problem]:
    return [
        Problem(
            location,
            f"{owner} is named {name}, which would shadow {what}; choose another under `names:`",
        )
        for name, location, owner in names
        if name in reserved
    ]


def _collisions(role: str, names: Iterable[tuple[str, Location, str]]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, tuple[Location, str]] = {}
    for name, location, owner in names:
        if name in seen:
            first_location, first_owner = seen[name]
            problems.append(
                Problem(
                    location,
                    f"{owner} and {first_owner} (line {first_location.line}, "
                    f"column {first_location.column}) both become the {role} "
                    f"{name}",
                )
            )
        else:
            seen[name] = (location, owner)
    return problems
