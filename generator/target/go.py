"""The Go target: a Go module of one package, stdlib only (templates/go/). Opt-in: generated for
catalogues with a `go:` section, or when chosen with --target go.

What is particular to Go: its names (exported identifiers with Go's initialisms, `Err` for
each kind of error, `Code` and `Type` for the constants), the names the package already
declares, its string literals (`\\U` escapes, never surrogate pairs) and the `go:` section
of the catalogue (the module path and the package name, by Go's rules)."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

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
from ..schema import INVALID, Key, Record, Text
from ..source import Node
from . import Language, Target

GO_VERSION = "1.21"
"""The go directive of the generated module: no newer than any Go it must build with."""

# The Go specification's keywords, and the universe block's predeclared identifiers.
# tests/test_reserved_names.py ties both to go/token and go/types.
KEYWORDS = frozenset(
    """
    break case chan const continue default defer else fallthrough for func go goto if import
    interface map package range return select struct switch type var
    """.split()
)
PREDECLARED = frozenset(
    """
    any append bool byte cap clear close comparable complex complex128 complex64 copy delete
    error false float32 float64 imag int int16 int32 int64 int8 iota len make max min new nil
    panic print println real recover rune string true uint uint16 uint32 uint64 uint8 uintptr
    """.split()
)

# Words Go writes in capitals (staticcheck's ST1003 defaults, golint's list less LHS and RHS):
# invalid_url gives InvalidURL, api_key_expired APIKeyExpired.
INITIALISMS = frozenset(
    """
    ACL AMQP API ASCII CPU CSS DB DNS EOF GID GUID HTML HTTP HTTPS ID IP JSON QPS RAM RPC RTP
    SIP SLA SMTP SQL SSH TCP TLS TS TTL UDP UI UID URI URL UTF8 UUID VM XML XMPP XSRF XSS
    """.split()
)

# A module path as the go command accepts one (golang.org/x/mod/module.CheckImportPath):
# elements of letters, digits and -._~+, none all dots, ending with a dot, a name Windows
# reserves or shaped like a Windows short name (ab~1), the first not starting with a dash.
_WINDOWS = "|".join(
    "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in name)
    for name in ("con", "prn", "aux", "nul", "com[1-9]", "lpt[1-9]")
)
_END = "(?:[./]|$)"
_ELEMENT = (
    rf"(?!\.+(?:/|$))(?!(?:{_WINDOWS}){_END})(?![^./]*~[0-9]+{_END})"
    r"[A-Za-z0-9._~+-]*[A-Za-z0-9_~+-]"
)
MODULE_PATH = rf"(?!-){_ELEMENT}(?:/{_ELEMENT})*"
PACKAGE_NAME = r"[a-z][a-z0-9]*"
KIND = r"Err[A-Z][A-Za-z0-9]*"


# Names ------------------------------------------------------------------------------------


@functools.cache
def exported(key: str) -> str:
    """A lower_snake_case key as an exported Go name: invalid_url gives InvalidURL."""
    return "".join(
        word.upper() if word.upper() in INITIALISMS else word[:1].upper() + word[1:]
        for word in key.split("_")
    )


def _kind(key: str) -> str:
    """The name a kind of error gets: storage_error gives ErrStorage, not ErrStorageError."""
    name = exported(key)
    if key.endswith("_error") and name != "Error":
        name = name.removesuffix("Error")
    return f"Err{name}"


def code_kind(code: ErrorCode | Tombstone) -> str:
    return code.name_in("go") or _kind(code.key)


def code_constant(code: ErrorCode | Tombstone) -> str:
    named = code.name_in("go")
    return f"Code{named[3:] if named else exported(code.key)}"


def alias_constant(kind: str, prefix: str) -> str:
    """The constant kept beside a previous kind name: ErrOld gives CodeOld (or TypeOld)."""
    return prefix + kind[3:]


def type_kind(error_type: ErrorType) -> str:
    return _kind(error_type.key)


def type_constant(error_type: ErrorType) -> str:
    return f"Type{exported(error_type.key)}"


def status_kind(entry: StatusClass) -> str:
    return entry.name_in("go") or _kind(entry.key)


def entry_kind(entry: ErrorCode | ErrorType | StatusClass) -> str:
    if isinstance(entry, ErrorCode):
        return code_kind(entry)
    if isinstance(entry, StatusClass):
        return status_kind(entry)
    return type_kind(entry)


def method(extra: Extra | str) -> str:
    """The method an extra is read with: decline_code gives DeclineCode."""
    return exported(extra.name if isinstance(extra, Extra) else extra)


_EXTRA_TYPES = {
    "string": "string",
    "integer": "int64",
    "number": "float64",
    "boolean": "bool",
    "strings": "[]string",
    "object": "any",
}


def extra_type(extra: Extra) -> str:
    return _EXTRA_TYPES[extra.kind]


def package(catalogue: Catalogue) -> str:
    """The package name: the `go:` section's, else the API's prefix in lower case and errors
    (for a catalogue generated with --target go and no section)."""
    section = catalogue.options.get("go") or {}
    name: str = section.get("package") or f"{catalogue.api.prefix.lower()}errors"
    return name


def module(catalogue: Catalogue) -> str:
    """The module path: the `go:` section's, else the package name."""
    section = catalogue.options.get("go") or {}
    path: str = section.get("module") or package(catalogue)
    return path


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def identifier(name: str) -> str:
    """A name the templates give, refused unless a Go identifier that is no keyword."""
    if not _IDENTIFIER.fullmatch(name) or name in KEYWORDS:
        raise ValueError(f"not a Go identifier: {name!r}")
    return name


def module_path(path: str) -> str:
    """A module path as go.mod writes it, refused unless one by Go's rules."""
    if not re.fullmatch(MODULE_PATH, path):
        raise ValueError(f"not a Go module path: {path!r}")
    return path


# Literals ---------------------------------------------------------------------------------

_DOUBLED = re.compile(r"(?<=')'|(?<=`)`")


def doc(text: str) -> str:
    """Text in a `//` comment: `comment`'s, with what gofmt would change shown as escapes:
    trailing spaces as \\x20 (gofmt takes them off the line), and a quote or backquote after
    another as \\x27 or \\x60 (gofmt makes typographic quotes of doubled ones)."""
    # gofmt turns `` and '' in a doc comment into typographic quotes: the second is escaped.
    said = _DOUBLED.sub(lambda match: f"\\x{ord(match.group()):02x}", escape.comment(text))
    kept = said.rstrip(" ")
    return kept + "\\x20" * (len(said) - len(kept))


def string(text: str) -> str:
    """A Go interpreted string literal whose value is exactly text (as UTF-8)."""
    return '"' + escape.quoted(text, '"', escape.unicode_escape) + '"'


def value(literal: Any) -> str:
    """A Go expression for a JSON scalar as the runtime holds it (numbers as json.Number)."""
    if isinstance(literal, str):
        return string(literal)
    if literal is None:
        return "nil"
    if isinstance(literal, bool):
        return "true" if literal else "false"
    if isinstance(literal, int) or (isinstance(literal, float) and math.isfinite(literal)):
        return f'number("{literal!r}")'
    raise ValueError(f"not a JSON scalar: {literal!r}")


def strings(values: Sequence[Any]) -> str:
    """A []string literal."""
    return "[]string{" + ", ".join(string(v) for v in values) + "}"


def wire_values(values: Sequence[Any]) -> str:
    """A []any literal of wire values; nil when empty."""
    return "[]any{" + ", ".join(value(v) for v in values) + "}" if values else "nil"


def _keyed(type_name: str, parts: Sequence[tuple[str, str | None]]) -> str:
    """A one-line keyed composite literal of the parts given (one line: gofmt aligns the
    keys of a literal spread over lines)."""
    given = ", ".join(f"{key}: {text}" for key, text in parts if text is not None)
    return f"{type_name}{{{given}}}"


def _path(path: str | None) -> str | None:
    return None if path is None else string(path)


def elements(parts: Sequence[str]) -> str:
    """An unkeyed composite literal of Go expressions (each made by a filter), type elided."""
    return "{" + ", ".join(parts) + "}"


def extra_spec(extra: Extra) -> str:
    name, path, kind = string(extra.name), string(extra.path), string(extra.kind)
    return f"wire.Extra{{Name: {name}, Path: {path}, Kind: {kind}}}"


def extra_specs(extras: Sequence[Extra]) -> str:
    keyed = ", ".join(extra_spec(extra).removeprefix("wire.Extra") for extra in extras)
    return f"[]wire.Extra{{{keyed}}}"


def _field_source(source: FieldSource) -> str:
    return _keyed(
        "",
        [
            ("Path", string(source.path)),
            ("Name", _path(source.name)),
            ("Messages", _path(source.messages)),
            ("Message", _path(source.message)),
            ("Shape", None if source.shape == "objects" else string(source.shape)),
            ("Code", _path(source.code)),
            ("Type", _path(source.type)),
            ("Pointer", _path(source.pointer)),
        ],
    )


def _condition(when: Condition) -> str:
    equals = ", ".join(
        f"{{Path: {string(where)}, Literal: {value(literal)}}}" for where, literal in when.equals
    )
    return _keyed(
        "&wire.Condition",
        [
            ("MediaTypes", strings(when.media_types) if when.media_types else None),
            ("Statuses", strings(when.statuses) if when.statuses else None),
            ("Present", strings(when.present) if when.present else None),
            ("Equals", f"[]wire.Equality{{{equals}}}" if when.equals else None),
        ],
    )


def envelope(entry: Envelope) -> str:
    """The runtime's wire.Envelope for a catalogue's, as a Go literal on one line."""
    fields = ", ".join(_field_source(source) for source in entry.fields)
    return _keyed(
        "",
        [
            ("Name", string(entry.key)),
            ("Type", _path(entry.type)),
            ("Code", _path(entry.code)),
            ("Message", _path(entry.message)),
            ("Reference", _path(entry.reference)),
            ("Fields", f"[]wire.FieldSource{{{fields}}}" if entry.fields else None),
            ("When", _condition(entry.when) if entry.when else None),
            ("Text", "true" if entry.body == "text" else None),
            ("Errors", _path(entry.errors)),
            ("FirstKnown", "true" if entry.decides == "first_known" else None),
            ("LastSegment", "true" if entry.code_from == "last_segment" else None),
            ("Extras", extra_specs(entry.extras) if entry.extras else None),
            ("RequestID", _path(entry.request_id)),
        ],
    )


class _PackageName(Text):
    """A Go package name: lower case letters and digits, neither keyword nor predeclared."""

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        value = super().check(node, at, problems)
        if value is not INVALID and value in KEYWORDS | PREDECLARED:
            what = "keyword" if value in KEYWORDS else "predeclared identifier"
            problems.append(Problem(node.location, f"{at} {value!r} is a Go {what}"))
            return INVALID
        return value


# The target -------------------------------------------------------------------------------


class Go(Target):
    language = "Go"
    options = Record(
        "The generated Go module (one package, standard library only).",
        {
            "module": Key(
                Text(
                    "Its module path, as `go get` would name it (by default its package name).",
                    MODULE_PATH,
                    "a Go module path such as example.com/acme/apierrors",
                ),
            ),
            "package": Key(
                _PackageName(
                    "Its package name (by default the API's prefix in lower case and errors).",
                    PACKAGE_NAME,
                    "a Go package name: lower-case letters and digits, starting with a letter",
                ),
            ),
        },
    )
    opt_in = True
    class_name_key = Text(
        "Go name of the kind of error: Err and a PascalCase name (ErrInvalidURL, whose "
        "constant is CodeInvalidURL).",
        KIND,
        "Err and then a PascalCase name, such as ErrInvalidURL",
    )
    # What the package declares at the top level among the names a catalogue can give
    # (exported ones). tests/test_reserved_names.py collects them with go/parser.
    module_names = frozenset(
        """
        Check ErrConnection ErrTimeout ErrTransport Error ErrorCode ErrorFor ErrorItem
        ErrorType Fault FaultClient FaultServer FieldError FromHTTPResponse FromJSON
        FromResponse Kind Kinds Lookup MaxBodyBytes Removed Tombstone Translate Write
        """.split()
    )
    globals = KEYWORDS | PREDECLARED
    # The fields and methods of Error: an extra's method must not take one.
    attribute_names = frozenset(
        """
        Body Code Err Error Errors Extras Fault Fields Header Is Kind MarshalJSON Message
        Answer RawCode RawType RedactedHeader Reference Removed RequestID RetryAfter
        Retryable Sent Status Throttled Type Unwrap
        """.split()
    )

    def filters(self) -> Mapping[str, Callable[..., Any]]:
        return {
            "go_str": string,
            "go_doc": doc,
            "go_kind": entry_kind,
            "go_code": code_constant,
            "go_type": type_constant,
            "go_ident": identifier,
            "go_method": method,
            "go_value": value,
            "go_strings": strings,
            "go_wire": wire_values,
            "go_extra_type": extra_type,
            "go_module_path": module_path,
            "go_envelope": envelope,
            "go_extra_specs": extra_specs,
            "go_elements": elements,
        }

    def variables(self, catalogue: Catalogue, languages: Sequence[Language]) -> Mapping[str, Any]:
        return {
            "go_package": identifier(package(catalogue)),
            "go_module": module(catalogue),
            "go_version": GO_VERSION,
            "package": module(catalogue),
        }

    def header(self, catalogue_name: str) -> str:
        # The line Go's tools recognise as generated code: ^// Code generated .* DO NOT EDIT\.$
        return f"Code generated from {catalogue_name} by error-bindings. DO NOT EDIT."

    def top_level_names(self, catalogue: Catalogue) -> list[tuple[str, Location, str]]:
        return [
            *(
                (status_kind(s), s.location, f"status class {s.key!r}")
                for s in catalogue.status_classes
            ),
            *((type_kind(t), t.location, f"type {t.key!r}") for t in catalogue.types),
            *((type_constant(t), t.location, f"type {t.key!r}") for t in catalogue.types),
            *((code_kind(c), c.location, f"code {c.key!r}") for c in catalogue.codes),
            *((code_constant(c), c.location, f"code {c.key!r}") for c in catalogue.codes),
            *naming.previous_names(catalogue, self.name),
            *(
                (alias_constant(found.name, prefix), found.location, f"a previous name of {key!r}")
                for prefix, entries in (("Type", catalogue.types), ("Code", catalogue.codes))
                for key, found in ((e.key, f) for e in entries for f in e.previous_names)
                if found.target == self.name
            ),
        ]

    def attribute(self, extra: Extra) -> str:
        return method(extra)

    def check(self, catalogue: Catalogue) -> list[Problem]:
        names = self.top_level_names(catalogue)
        problems = naming.shadowing(names, self.module_names, "a name the Go package declares")
        removed = naming.removed_classes(catalogue, code_kind)
        removed += naming.removed_classes(catalogue, code_constant)
        problems += naming.collisions("Go name", removed + names)
        problems += naming.attribute_problems(self, catalogue, "Go")
        return problems

    def class_name(
        self, entry: ErrorCode | ErrorType | StatusClass | None, catalogue: Catalogue
    ) -> str:
        return "Error" if entry is None else entry_kind(entry)

    def symbol(self, entry: ErrorCode | ErrorType | StatusClass, catalogue: Catalogue) -> str:
        return f"{package(catalogue)}.{self.class_name(entry, catalogue)}"

    def package(self, catalogue: Catalogue) -> str:
        return module(catalogue)


TARGET = Go("go")
