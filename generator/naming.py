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

from .model import Catalogue, Envelope, ErrorCode, ErrorType, Status
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


def markdown_envelope_anchor(envelope: Envelope) -> str:
    return f"envelope-{envelope.key}"


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

# Global objects and types of JavaScript and the DOM/Node that a class name must not hide.
TYPESCRIPT_GLOBALS = frozenset(
    """
    AggregateError Array ArrayBuffer Atomics BigInt BigInt64Array BigUint64Array Boolean
    Buffer DataView Date DOMException Error EvalError FinalizationRegistry Float32Array
    Float64Array Function Infinity Int16Array Int32Array Int8Array Intl Iterator JSON Map
    Math NaN Number Object Partial Promise Proxy RangeError Readonly ReadonlyArray
    ReadonlyMap ReadonlySet Record ReferenceError Reflect RegExp Required Response Set
    SharedArrayBuffer String Symbol SyntaxError TextDecoder TextEncoder TypeError URIError
    URL Uint16Array Uint32Array Uint8Array Uint8ClampedArray WeakMap WeakRef WeakSet
    """.split()
)

# What each target's built-in templates define at the top level of a module, among the names
# a catalogue can give a class (PascalCase). tests/test_reserved_names.py collects them from
# the rendered templates and fails when this drifts.
MODULE_NAMES: dict[str, frozenset[str]] = {
    "python": frozenset(
        """
        Any ClassVar Enum ErrorCode ErrorType FieldError HttpStatus Mapping NamedTuple
        REFERENCE
        """.split()
    ),
    "typescript": frozenset(
        """
        AnyErrorCode AnyErrorType BRAND Envelope ErrorClass ErrorCode ErrorCodeInfo ErrorInit
        ErrorType Fault FieldError FieldSource HttpStatus TextDecoder
        """.split()
    ),
}

# What else a name must not shadow in each target's modules.
GLOBALS: dict[str, frozenset[str]] = {
    "python": PYTHON_BUILTINS,
    "typescript": TYPESCRIPT_GLOBALS,
}
_LANGUAGE = {"python": "Python", "typescript": "TypeScript"}
_GLOBALS_ARE = {"python": "a Python builtin", "typescript": "a JavaScript global"}


def top_level_names(catalogue: Catalogue) -> dict[str, list[tuple[str, Location, str]]]:
    """Per target, every name the catalogue gives something at the top level of a generated
    module: (name, where the catalogue says so, what it names)."""
    return {
        "python": [
            (python_base(catalogue), catalogue.api.location, "the base error class"),
            *((python_type_class(t), t.location, f"type {t.key!r}") for t in catalogue.types),
            *((python_code_class(c), c.location, f"code {c.key!r}") for c in catalogue.codes),
        ],
        "typescript": [
            (typescript_base(catalogue), catalogue.api.location, "the base error class"),
            (typescript_guard(catalogue), catalogue.api.location, "the guard function"),
            *((typescript_type_class(t), t.location, f"type {t.key!r}") for t in catalogue.types),
            *((typescript_code_class(c), c.location, f"code {c.key!r}") for c in catalogue.codes),
        ],
    }


def check(catalogue: Catalogue) -> list[Problem]:
    """Every name that shadows something or collides with another, with both locations."""
    problems: list[Problem] = []
    for target, names in top_level_names(catalogue).items():
        language = _LANGUAGE[target]
        problems += _shadowing(names, GLOBALS[target], _GLOBALS_ARE[target])
        problems += _shadowing(names, MODULE_NAMES[target], f"a name the {language} module defines")
        problems += _collisions(f"{language} class", names)
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
