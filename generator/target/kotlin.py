"""The Kotlin target: a source set of one package for the JVM and Android, standard library
only (templates/kotlin/). Opt-in: generated for catalogues with a `kotlin:` section, or when
chosen with --target kotlin.

What is particular to Kotlin: its names (classes in PascalCase as in every language, the
constants of the ErrorCode and ErrorType value classes, camelCase extras), its hard keywords
and the standard library's names the package uses, its string literals (`$` escaped, UTF-16
escapes), its doc comments (which nest, so `/*` is neutralised as well as `*/`), tables split
below the JVM's limits, and the `kotlin:` section of the catalogue."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from .. import escape, naming
from ..model import (
    Catalogue,
    Condition,
    Envelope,
    ErrorCode,
    ErrorType,
    Extra,
    FieldSource,
    StatusClass,
    Tombstone,
)
from ..problems import Location, Problem
from ..schema import INVALID, PASCAL, PASCAL_HINT, Choice, Key, Record, Text
from ..source import Node
from . import Language, Target

# Kotlin's hard keywords: never an identifier. tests/test_reserved_names.py ties them to the
# compiler's own list (KtTokens.KEYWORDS).
KEYWORDS = frozenset(
    """
    as break class continue do else false for fun if in interface is null object package
    return super this throw true try typealias typeof val var when while
    """.split()
)

JVM_TARGETS = ("1.8", *(str(level) for level in range(9, 26)))
"""The bytecode levels kotlinc 2.4 writes (-jvm-target)."""

PACKAGE = r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*"
RESERVED_ROOTS = ("java", "javax", "kotlin")
"""Packages the JVM or kotlinc refuse to anyone but the JDK and Kotlin's own libraries."""

# How many cost units of tables one function (and one class's constant pool) holds: a code
# costs one and one more for each wire value, status and extra it lists. The JVM caps a
# method at 64 KiB of bytecode and a class at 65,535 constants; a unit is under 200 bytes.
CHUNK = 200


# Names ------------------------------------------------------------------------------------


def base_class(catalogue: Catalogue) -> str:
    return f"{catalogue.api.prefix}Error"


def other_class(catalogue: Catalogue) -> str:
    """The class of errors of no type the catalogue declares: with the type classes, the
    direct subclasses of the sealed base (so `when` over types is exhaustive)."""
    return f"{catalogue.api.prefix}OtherError"


def code_class(code: ErrorCode | Tombstone) -> str:
    return code.name_in("kotlin") or naming.error_class(code.key)


def status_class(entry: StatusClass) -> str:
    return entry.name_in("kotlin") or naming.error_class(entry.key)


def type_class(error_type: ErrorType) -> str:
    return naming.error_class(error_type.key)


def entry_class(entry: ErrorCode | ErrorType | StatusClass) -> str:
    if isinstance(entry, ErrorCode):
        return code_class(entry)
    if isinstance(entry, StatusClass):
        return status_class(entry)
    return type_class(entry)


def member(entry: ErrorCode | ErrorType | Tombstone | str) -> str:
    """An ErrorCode or ErrorType constant: invalid_url gives InvalidUrl."""
    return naming.pascal(entry if isinstance(entry, str) else entry.key)


def attribute(extra: Extra | str) -> str:
    """An extra's camelCase property: decline_code gives declineCode; after a keyword an
    underscore, as in Python (class gives class_: a property `class` would clash with
    getClass())."""
    head, *rest = (extra.name if isinstance(extra, Extra) else extra).split("_")
    name = head + "".join(word[:1].upper() + word[1:] for word in rest)
    return f"{name}_" if name in KEYWORDS else name


_EXTRA_TYPES = {
    "string": "String?",
    "integer": "Long?",
    "number": "Double?",
    "boolean": "Boolean?",
    "strings": "List<String>?",
    "object": "Any?",
}


def extra_type(extra: Extra) -> str:
    return _EXTRA_TYPES[extra.kind]


def package(catalogue: Catalogue) -> str:
    """The package: the `kotlin:` section's, else the API's prefix in lower case and .errors
    (for a catalogue generated with --target kotlin and no section)."""
    section = catalogue.options.get("kotlin") or {}
    name: str = section.get("package") or f"{catalogue.api.prefix.lower()}.errors"
    return name


def jvm_target(catalogue: Catalogue) -> str:
    section = catalogue.options.get("kotlin") or {}
    level: str = section.get("jvm_target") or "17"
    return level


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def identifier(name: str) -> str:
    """A name the templates give, refused unless a Kotlin identifier that is no keyword."""
    if not _IDENTIFIER.fullmatch(name) or name in KEYWORDS:
        raise ValueError(f"not a Kotlin identifier: {name!r}")
    return name


def package_fault(name: str) -> str | None:
    """What keeps name from being a package of ours, said after it; None when nothing does."""
    if not re.fullmatch(PACKAGE, name):
        return "is no Kotlin package name"
    taken = sorted(set(name.split(".")) & KEYWORDS)
    if taken:
        return f"has a Kotlin keyword: {taken[0]!r}"
    root = name.split(".")[0]
    if root in RESERVED_ROOTS:
        return f"is under {root}, which only the JDK and Kotlin's own libraries may use"
    return None


def package_name(name: str) -> str:
    if package_fault(name):
        raise ValueError(f"not a Kotlin package name: {name!r}")
    return name


# Literals ---------------------------------------------------------------------------------


def _unsafe(char: str) -> str:
    # `$` starts a string template; everything else goes as Kotlin's UTF-16 \u escapes (no
    # \0, \f or \U in Kotlin).
    return "\\$" if char == "$" else escape.utf16_escape(char)


def string(text: str) -> str:
    """A Kotlin string literal whose value is exactly text."""
    return '"' + escape.quoted(text, '"', _unsafe, "$") + '"'


def doc(text: str) -> str:
    """Text in a `/** */` doc comment: `comment`'s, and no `/*` either, since Kotlin's block
    comments nest (a URL ending in /* would swallow the rest of the file)."""
    return escape.comment(text).replace("/*", "/\\*")


def _number(literal: int | float) -> str:
    return f"java.math.BigDecimal({string(repr(literal))})"


def value(literal: Any) -> str:
    """A Kotlin expression for a JSON scalar as the package gives it to users (numbers as
    java.math.BigDecimal, exactly)."""
    if isinstance(literal, str):
        return string(literal)
    if literal is None:
        return "null"
    if isinstance(literal, bool):
        return "true" if literal else "false"
    if isinstance(literal, int) or (isinstance(literal, float) and math.isfinite(literal)):
        return _number(literal)
    raise ValueError(f"not a JSON scalar: {literal!r}")


def wire_value(literal: Any) -> str:
    """A JSON scalar as the runtime holds it (numbers as wire.JsonNumber of their text)."""
    if isinstance(literal, bool) or not isinstance(literal, int | float):
        return value(literal)
    if not math.isfinite(literal):
        raise ValueError(f"not a JSON scalar: {literal!r}")
    return f"JsonNumber({string(repr(literal))})"


def wire_list(literals: Sequence[Any]) -> str:
    """A List<Any> of JSON scalars as the runtime holds them."""
    return "listOf(" + ", ".join(map(wire_value, literals)) + ")" if literals else "emptyList()"


def code_value(key: str | None) -> str:
    """The ErrorCode of a code's key, or null."""
    return "null" if key is None else f"ErrorCode({string(key)})"


def type_value(error_type: ErrorType | None) -> str:
    """The ErrorType of a type, or null."""
    return "null" if error_type is None else f"ErrorType({string(error_type.key)})"


def integers(values: Sequence[int]) -> str:
    return "listOf(" + ", ".join(str(int(value)) for value in values) + ")"


def strings(values: Sequence[str]) -> str:
    return "listOf(" + ", ".join(string(v) for v in values) + ")" if values else "emptyList()"


def values(literals: Sequence[Any]) -> str:
    """A List<Any> of public JSON scalars."""
    return "listOf(" + ", ".join(value(v) for v in literals) + ")" if literals else "emptyList()"


def _arguments(parts: Sequence[tuple[str, str | None]]) -> str:
    return ", ".join(f"{name} = {text}" for name, text in parts if text is not None)


def _path(path: str | None) -> str | None:
    return None if path is None else string(path)


def extra_spec(extra: Extra) -> str:
    return f"Extra({string(extra.name)}, {string(extra.path)}, {string(extra.kind)})"


def extra_specs(extras: Sequence[Extra]) -> str:
    return "listOf(" + ", ".join(extra_spec(e) for e in extras) + ")" if extras else "emptyList()"


def _field_source(source: FieldSource) -> str:
    return (
        "FieldSource("
        + _arguments(
            [
                ("path", string(source.path)),
                ("name", _path(source.name)),
                ("messages", _path(source.messages)),
                ("message", _path(source.message)),
                ("shape", None if source.shape == "objects" else string(source.shape)),
                ("code", _path(source.code)),
                ("type", _path(source.type)),
                ("pointer", _path(source.pointer)),
            ]
        )
        + ")"
    )


def _condition(when: Condition) -> str:
    equals = ", ".join(
        f"Equality({string(where)}, {wire_value(literal)})" for where, literal in when.equals
    )
    return (
        "Condition("
        + _arguments(
            [
                ("mediaTypes", strings(when.media_types) if when.media_types else None),
                ("statuses", strings(when.statuses) if when.statuses else None),
                ("present", strings(when.present) if when.present else None),
                ("equals", f"listOf({equals})" if when.equals else None),
            ]
        )
        + ")"
    )


def envelope(entry: Envelope) -> str:
    """The runtime's wire.Envelope for a catalogue's, as a Kotlin constructor call."""
    fields = ", ".join(_field_source(source) for source in entry.fields)
    return (
        "Envelope("
        + _arguments(
            [
                ("name", string(entry.key)),
                ("type", _path(entry.type)),
                ("code", _path(entry.code)),
                ("message", _path(entry.message)),
                ("reference", _path(entry.reference)),
                ("fields", f"listOf({fields})" if entry.fields else None),
                ("`when`", _condition(entry.when) if entry.when else None),
                ("text", "true" if entry.body == "text" else None),
                ("errors", _path(entry.errors)),
                ("firstKnown", "true" if entry.decides == "first_known" else None),
                ("lastSegment", "true" if entry.code_from == "last_segment" else None),
                ("extras", extra_specs(entry.extras) if entry.extras else None),
                ("requestId", _path(entry.request_id)),
            ]
        )
        + ")"
    )


def _cost(entry: ErrorCode | ErrorType | StatusClass | Tombstone) -> int:
    listed = (getattr(entry, name, ()) for name in ("wire", "statuses", "extras"))
    return 1 + sum(len(values) for values in listed)


Entry = TypeVar("Entry", ErrorCode, ErrorType, StatusClass, Tombstone)


def chunks(entries: Iterable[Entry]) -> list[list[Entry]]:
    """Codes (or types, status classes, removed codes) in catalogue order, cut into groups
    small enough for one JVM method and one class's constant pool each (see CHUNK)."""
    found: list[list[Entry]] = [[]]
    used = 0
    for entry in entries:
        cost = _cost(entry)
        if found[-1] and used + cost > CHUNK:
            found.append([])
            used = 0
        found[-1].append(entry)
        used += cost
    return found if found[0] else []


class _Package(Text):
    """A Kotlin package name: dot-separated lower-case identifiers, none a hard keyword, not
    under java, javax or kotlin."""

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        value = super().check(node, at, problems)
        fault = package_fault(value) if value is not INVALID else None
        if fault:
            problems.append(Problem(node.location, f"{at} {value!r} {fault}"))
            return INVALID
        return value


# The target -------------------------------------------------------------------------------


class Kotlin(Target):
    language = "Kotlin"
    options = Record(
        "The generated Kotlin source set (one package, standard library only).",
        {
            "package": Key(
                _Package(
                    "Its package (by default the API's prefix in lower case and .errors).",
                    PACKAGE,
                    "a Kotlin package such as com.acme.errors: dot-separated lower-case "
                    "identifiers",
                )
            ),
            "jvm_target": Key(
                Choice(
                    "The JVM bytecode level it is checked against (kotlinc -jvm-target).",
                    JVM_TARGETS,
                ),
                default="17",
            ),
        },
    )
    opt_in = True
    sealed_by_type = True
    class_name_key = Text("Kotlin class name.", PASCAL, PASCAL_HINT)
    # What the package declares at the top level, among the names a catalogue can give a
    # class (PascalCase). tests/test_reserved_names.py collects them from the rendered files.
    module_names = frozenset(
        """
        Catalog ErrorCode ErrorDetails ErrorInfo ErrorItem ErrorType Fault FieldError Removed
        """.split()
    )
    # The names the package uses unqualified (the standard library's, the JDK's it imports,
    # its runtime's), which a class of the same name in the package would hide or confuse.
    # tests/test_reserved_names.py collects them from the rendered files.
    globals = frozenset(
        """
        Any BigDecimal Boolean Byte ByteArray ByteArrayOutputStream Condition
        ConnectException Deprecated Double Duration Envelope Equality Extra Field
        FieldSource Float HashMap HashSet HttpURLConnection IOException IllegalStateException
        InputStream Int InterruptedIOException JsonNumber JvmInline JvmOverloads JvmStatic
        LinkedHashMap LinkedHashSet List Long Map MutableList MutableSet NoRouteToHostException
        Pair ReplaceWith RuntimeException SSLHandshakeException Set Short
        SocketTimeoutException StackOverflowError String Suppress System Throwable
        UnknownHostException VirtualMachineError
        """.split()
    )
    # What every error already has (its own members and Throwable's): an extra must not take
    # one. tests/test_reserved_names.py ties it to the compiled base class.
    attribute_names = frozenset(
        """
        addSuppressed body cause code equals errors extras fault fields fillInStackTrace
        getLocalizedMessage getStackTrace hashCode headers info initCause localizedMessage
        message printStackTrace rawCode rawType redactedHeaders reference removed requestId
        retryAfter retryable sent setStackTrace stackTrace status suppressed throttled
        toString type
        """.split()
    )

    def filters(self) -> Mapping[str, Callable[..., Any]]:
        return {
            "kt_str": string,
            "kt_doc": doc,
            "kt_class": entry_class,
            "kt_member": member,
            "kt_attr": attribute,
            "kt_ident": identifier,
            "kt_value": value,
            "kt_values": values,
            "kt_wire": wire_value,
            "kt_wire_list": wire_list,
            "kt_code": code_value,
            "kt_type": type_value,
            "kt_ints": integers,
            "kt_strings": strings,
            "kt_extra_type": extra_type,
            "kt_envelope": envelope,
            "kt_extra_specs": extra_specs,
            "kt_chunks": chunks,
        }

    def variables(self, catalogue: Catalogue, languages: Sequence[Language]) -> Mapping[str, Any]:
        return {
            "kotlin_package": package_name(package(catalogue)),
            "kt_base": base_class(catalogue),
            "kt_other": other_class(catalogue),
            **{f"kt_{kind}": name for kind, name in naming.transport_classes(catalogue).items()},
            "jvm_target": jvm_target(catalogue),
            "package": package(catalogue),
        }

    def output_path(self, path: str, catalogue: Catalogue) -> str:
        return path.replace("__package__", package(catalogue).replace(".", "/"))

    def top_level_names(self, catalogue: Catalogue) -> list[tuple[str, Location, str]]:
        return naming.class_names(
            catalogue,
            self.name,
            entry_class,
            (base_class(catalogue), "the base error class"),
            (other_class(catalogue), "the class of untyped errors"),
        )

    def attribute(self, extra: Extra) -> str:
        return attribute(extra)

    def check(self, catalogue: Catalogue) -> list[Problem]:
        names = self.top_level_names(catalogue)
        problems = naming.shadowing(names, self.globals, "a name the Kotlin package uses")
        problems += naming.shadowing(names, self.module_names, "a name the Kotlin package declares")
        removed = naming.removed_classes(catalogue, code_class)
        problems += naming.collisions("Kotlin class", removed + names)
        problems += naming.attribute_problems(self, catalogue, "Kotlin")
        # Every extra is a property of the one base class, whichever code sends it.
        problems += naming.collisions(
            "Kotlin property",
            [(attribute(e), e.location, f"the extra {e.name!r}") for e in catalogue.all_extras],
        )
        # The default package (from the prefix) is checked here; a section's, as it is read.
        fault = package_fault(package(catalogue))
        if fault:
            where = catalogue.where("kotlin.package")
            problems.append(Problem(where, f"the Kotlin package {package(catalogue)!r} {fault}"))
        for kind, entries in (("ErrorType", catalogue.types), ("ErrorCode", catalogue.codes)):
            constants = [(member(e), e.location, f"{kind[5:].lower()} {e.key!r}") for e in entries]
            problems += naming.shadowing(
                constants,
                frozenset({"Companion"}),
                f"the companion object of {kind}",
                "choose another key",
            )
            problems += naming.collisions(f"Kotlin {kind} constant", constants)
        return problems

    def class_name(
        self, entry: ErrorCode | ErrorType | StatusClass | None, catalogue: Catalogue
    ) -> str:
        return other_class(catalogue) if entry is None else entry_class(entry)

    def symbol(self, entry: ErrorCode | ErrorType | StatusClass, catalogue: Catalogue) -> str:
        return f"{package(catalogue)}.{self.class_name(entry, catalogue)}"

    def package(self, catalogue: Catalogue) -> str:
        return package(catalogue)


TARGET = Kotlin("kotlin")
