"""The TypeScript target: an npm package of error classes (templates/typescript/).

What is particular to TypeScript: its names (classes and enum members in PascalCase, the
guard function), the JavaScript globals and module names they must not shadow, its string
literals, and the `typescript:` section of the catalogue (the npm name and how enums are
written)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .. import escape, naming
from ..model import (
    Catalogue,
    Deprecation,
    ErrorCode,
    ErrorType,
    Extra,
    Status,
    StatusClass,
    Tombstone,
)
from ..problems import Location, Problem
from ..schema import PASCAL, PASCAL_HINT, Choice, Key, Record, Text
from . import Language, Target

# Global objects and types of JavaScript and the DOM/Node that a class name must not hide.
GLOBALS = frozenset(
    """
    AggregateError Array ArrayBuffer Atomics BigInt BigInt64Array BigUint64Array Boolean
    Buffer DataView Date DOMException Error EvalError Extract FinalizationRegistry Float32Array
    Float64Array Function Infinity Int16Array Int32Array Int8Array Intl Iterator JSON Map
    Math NaN Number Object Omit Partial Promise Proxy RangeError Readonly ReadonlyArray
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


def doc(text: str) -> str:
    """Text inside a `/** */` doc comment: as a comment, and with every @ escaped, so that no
    catalogue text starts a JSDoc tag (` @deprecated` would mark its class deprecated)."""
    return escape.comment(text).replace("@", "\\@")


def doc_comment(text: str, deprecated: Deprecation | None = None, indent: str = "") -> str:
    """A whole `/** */` doc comment of text, each of its lines at indent. What is deprecated
    says so in an `@deprecated` tag, which editors and linters flag each use of. A filter,
    not a template macro: it is written three times a code, and Jinja's macro calls cost."""
    if not deprecated:
        return f"{indent}/** {doc(text)} */"
    return (
        f"{indent}/**\n{indent} * {doc(text)}\n{indent} *\n"
        f"{indent} * @deprecated {doc(deprecated.notice)}\n{indent} */"
    )


def code_class(code: ErrorCode | Tombstone) -> str:
    return code.name_in("typescript") or naming.error_class(code.key)


def status_class(entry: StatusClass) -> str:
    return entry.name_in("typescript") or naming.error_class(entry.key)


def entry_class(entry: ErrorCode | ErrorType | StatusClass) -> str:
    if isinstance(entry, ErrorCode):
        return code_class(entry)
    if isinstance(entry, StatusClass):
        return status_class(entry)
    return type_class(entry)


def attribute(extra: Extra) -> str:
    """An extra's camelCase attribute: decline_code gives declineCode."""
    head, *rest = extra.name.split("_")
    return head + "".join(word[:1].upper() + word[1:] for word in rest)


_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def identifier(entry: Extra | str) -> str:
    """An extra's attribute, or a name the templates give: refused unless an identifier."""
    name = attribute(entry) if isinstance(entry, Extra) else entry
    if not _IDENTIFIER.fullmatch(name):
        raise ValueError(f"not a TypeScript identifier: {name!r}")
    return name


_EXTRA_TYPES = {
    "string": "string | undefined",
    "integer": "number | undefined",
    "number": "number | undefined",
    "boolean": "boolean | undefined",
    "strings": "readonly string[] | undefined",
    "object": "unknown",
}


def extra_type(extra: Extra) -> str:
    return _EXTRA_TYPES[extra.kind]


def value(literal: Any) -> str:
    """A TypeScript literal for a JSON scalar."""
    if isinstance(literal, str):
        return string(literal)
    if literal is None:
        return "null"
    if isinstance(literal, bool):
        return "true" if literal else "false"
    if isinstance(literal, int) or (isinstance(literal, float) and math.isfinite(literal)):
        return repr(literal)
    raise ValueError(f"not a JSON scalar: {literal!r}")


def member(key: str) -> str:
    return naming.pascal(key)


def status_member(status: Status) -> str:
    return naming.pascal(status.name) if status.name else naming.pascal_case(status.title)


def package(catalogue: Catalogue) -> str:
    name: str = catalogue.options["typescript"]["package"]
    return name


# Literals ---------------------------------------------------------------------------------


def string(text: str) -> str:
    """A TypeScript string literal (double quotes) whose value is exactly text."""
    # escape.plain(text, '"'), inlined as in python.string: most text, at once.
    if text.isascii() and text.isprintable() and "\\" not in text and '"' not in text:
        return f'"{text}"'
    return '"' + escape.quoted(text, '"', escape.utf16_escape) + '"'


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
        AnyErrorCode AnyErrorType BRAND CodeClass CodeRow Envelope ErrorClass ErrorCode
        ErrorCodeInfo ErrorData
        ErrorInit ErrorItem ErrorType Extra Fault FetchResponseLike FieldData FieldError
        Extras HeadersLike HttpStatus KnownError NotRead Tombstone TransportErrorInit
        Wire
        """.split()
    )
    globals = GLOBALS
    # What every error already has (its own members and Error's): an extra of the catalogue
    # must not take one. tests/test_reserved_names.py ties it to the rendered base class.
    attribute_names = frozenset(
        """
        answerStatus body cause code constructor defaultMessage deprecated description docsUrl
        errorName errors extras fault fields hasOwnProperty headers httpStatus isPrototypeOf
        message name propertyIsEnumerable rawCode redactedHeaders reference referenceUrl removed
        replacedBy requestId retryAfter retryable stack status statuses throttled throttling
        toBody toJSON toResponse toLocaleString toString type valueOf
        """.split()
    )

    def filters(self) -> Mapping[str, Callable[..., Any]]:
        return {
            "ts_str": string,
            "ts_doc": doc,
            "ts_doc_comment": doc_comment,
            "ts_class": entry_class,
            "ts_member": member,
            "ts_attr": identifier,
            "ts_value": value,
            "ts_extra_type": extra_type,
            "ts_status": status_member,
        }

    def variables(self, catalogue: Catalogue, languages: Sequence[Language]) -> Mapping[str, Any]:
        erasable = catalogue.options["typescript"]["style"] == "erasable"
        return {
            "ts_base": base_class(catalogue),
            **{f"ts_{kind}": name for kind, name in naming.transport_classes(catalogue).items()},
            "ts_guard": guard(catalogue),
            # How an enum member is written: `Name = "value"` in an enum, `Name: "value"` in
            # an `as const` object.
            "ts_assign": ": " if erasable else " = ",
            "style": catalogue.options["typescript"]["style"],
            "package": package(catalogue),
        }

    def top_level_names(self, catalogue: Catalogue) -> list[tuple[str, Location, str]]:
        return naming.class_names(
            catalogue,
            self.name,
            entry_class,
            (base_class(catalogue), "the base error class"),
            (guard(catalogue), "the guard function"),
        )

    def attribute(self, extra: Extra) -> str:
        return attribute(extra)

    def check(self, catalogue: Catalogue) -> list[Problem]:
        names = self.top_level_names(catalogue)
        problems = naming.shadowing(names, self.globals, "a JavaScript global")
        problems += naming.shadowing(
            names, self.module_names, "a name the TypeScript module defines"
        )
        removed = naming.removed_classes(catalogue, code_class)
        problems += naming.collisions("TypeScript class", removed + names)
        problems += naming.attribute_problems(self, catalogue, "TypeScript")
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

    def status_name(self, status: Status) -> str | None:
        return status_member(status)

    def class_name(
        self, entry: ErrorCode | ErrorType | StatusClass | None, catalogue: Catalogue
    ) -> str:
        return base_class(catalogue) if entry is None else entry_class(entry)

    def package(self, catalogue: Catalogue) -> str:
        return package(catalogue)


TARGET = TypeScript("typescript")
