"""The TypeScript target: an npm package of error classes (templates/typescript/).

What is particular to TypeScript: its names (classes and enum members in PascalCase, the
guard function), the JavaScript globals and module names they must not shadow, its string
literals, and the `typescript:` section of the catalogue (the npm name and how enums are
written)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .. import escape, naming
from ..model import Catalogue, ErrorCode, ErrorType, Status
from ..problems import Location, Problem
from ..schema import PASCAL, PASCAL_HINT, Choice, Key, Record, Text
from . import Language, Target

# Global objects and types of JavaScript and the DOM/Node that a class name must not hide.
GLOBALS = frozenset(
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


# Names ------------------------------------------------------------------------------------


def base_class(catalogue: Catalogue) -> str:
    return f"{catalogue.api.prefix}Error"


def guard(catalogue: Catalogue) -> str:
    return f"is{base_class(catalogue)}"


def type_class(error_type: ErrorType) -> str:
    return naming.error_class(error_type.key)


def code_class(code: ErrorCode) -> str:
    return code.name_in("typescript") or naming.error_class(code.key)


def member(key: str) -> str:
    return naming.pascal(key)


def status_member(status: Status) -> str:
    return naming.pascal(status.name) if status.name else naming.pascal_case(status.title)


def package(catalogue: Catalogue) -> str:
    name: str = catalogue.options["typescript"]["package"]
    return name


# Literals ---------------------------------------------------------------------------------

_SPECIAL = re.compile(rf'[\\"]|{escape.NOT_PRINTABLE_ASCII}')


def _char(match: re.Match[str]) -> str:
    char = match.group()
    if char in escape.BACKSLASH_ESCAPES:
        return escape.BACKSLASH_ESCAPES[char]
    if char == '"':
        return '\\"'
    return escape.utf16_escape(char) if escape.is_unsafe(char) else char


def string(text: str) -> str:
    """A TypeScript string literal (double quotes) whose value is exactly text."""
    return f'"{_SPECIAL.sub(_char, text)}"'


# The target -------------------------------------------------------------------------------


class TypeScript(Target):
    language = "TypeScript"
    options = Record(
        "The generated TypeScript package.",
        {
            "package": Key(
                Text(
                    "Its npm name.",
                    r"(?:@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*",
                    "an npm package name such as @acme/errors",
                ),
                required=True,
            ),
            "style": Key(
                Choice(
                    "How enums are written: TypeScript `enum`s, or `as const` "
                    "objects with union types (for erasableSyntaxOnly and Node's "
                    "type stripping).",
                    ("enum", "erasable"),
                ),
                default="enum",
            ),
        },
    )
    required = True
    class_name_key = Text("TypeScript class name.", PASCAL, PASCAL_HINT)
    # What the templates define at the top level of a module, among the names a catalogue can
    # give a class (PascalCase). tests/test_reserved_names.py collects them from the rendered
    # templates and fails when this drifts.
    module_names = frozenset(
        """
        AnyErrorCode AnyErrorType BRAND Envelope ErrorClass ErrorCode ErrorCodeInfo ErrorInit
        ErrorType Fault FieldError HttpStatus
        """.split()
    )
    globals = GLOBALS

    def filters(self) -> Mapping[str, Callable[..., Any]]:
        return {
            "ts_str": string,
            "ts_class": lambda entry: (
                code_class(entry) if isinstance(entry, ErrorCode) else type_class(entry)
            ),
            "ts_member": member,
            "ts_status": status_member,
        }

    def variables(self, catalogue: Catalogue, languages: Sequence[Language]) -> Mapping[str, Any]:
        erasable = catalogue.options["typescript"]["style"] == "erasable"
        return {
            "ts_base": base_class(catalogue),
            "ts_guard": guard(catalogue),
            # How an enum member is written: `Name = "value"` in an enum, `Name: "value"` in
            # an `as const` object.
            "ts_assign": ": " if erasable else " = ",
            "style": catalogue.options["typescript"]["style"],
            "package": package(catalogue),
        }

    def top_level_names(self, catalogue: Catalogue) -> list[tuple[str, Location, str]]:
        return [
            (base_class(catalogue), catalogue.api.location, "the base error class"),
            (guard(catalogue), catalogue.api.location, "the guard function"),
            *((type_class(t), t.location, f"type {t.key!r}") for t in catalogue.types),
            *((code_class(c), c.location, f"code {c.key!r}") for c in catalogue.codes),
        ]

    def check(self, catalogue: Catalogue) -> list[Problem]:
        names = self.top_level_names(catalogue)
        problems = naming.shadowing(names, self.globals, "a JavaScript global")
        problems += naming.shadowing(
            names, self.module_names, "a name the TypeScript module defines"
        )
        problems += naming.collisions("TypeScript class", names)
        for enum, entries in (("ErrorType", catalogue.types), ("ErrorCode", catalogue.codes)):
            problems += naming.collisions(
                f"TypeScript {enum} member",
                [(member(e.key), e.location, f"{enum[5:].lower()} {e.key!r}") for e in entries],
            )
        problems += naming.collisions(
            "TypeScript HttpStatus member",
            [(status_member(s), s.location, f"status {s.key}") for s in catalogue.statuses],
        )
        return problems

    def class_name(self, entry: ErrorCode | ErrorType | None, catalogue: Catalogue) -> str:
        if entry is None:
            return base_class(catalogue)
        return code_class(entry) if isinstance(entry, ErrorCode) else type_class(entry)

    def package(self, catalogue: Catalogue) -> str:
        return package(catalogue)


TARGET = TypeScript("typescript")
