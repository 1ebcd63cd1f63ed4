"""The validated catalogue: target-neutral, immutable, in catalogue order."""

from __future__ import annotations

import dataclasses
import functools
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from . import jsonpath
from .problems import START, Location

_NOWHERE = Location(0, 0)
# Where an entry is in the catalogue, for error messages; not part of its value.
_LOCATION: Any = field(default=_NOWHERE, compare=False, repr=False)

Wire = str | int
"""A value a server sends for a code or a type: matched exactly, type and all."""

Frozen = TypeVar("Frozen")


def filled_at_once(cls: type[Frozen]) -> type[Frozen]:
    """A frozen dataclass, made by an __init__ that fills the instance at once. The
    dataclass's own sets each field through object.__setattr__: building 10,000 codes took
    19 ms that way and 3 ms this way. For the classes made once per code or per case."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    assert all(f.init for f in fields) and not hasattr(cls, "__post_init__")
    defaults = {f.name: f.default for f in fields if f.default is not dataclasses.MISSING}
    factories = {
        f.name: f.default_factory for f in fields if f.default_factory is not dataclasses.MISSING
    }
    parameters = ", ".join(
        f"{f.name}=_defaults[{f.name!r}]"
        if f.name in defaults
        else f"{f.name}=_factory"
        if f.name in factories
        else f.name
        for f in fields
    )
    made = "".join(
        f"    if {name} is _factory:\n        {name} = _factories[{name!r}]()\n"
        for name in factories
    )
    filled = ", ".join(f"{f.name!r}: {f.name}" for f in fields)
    source = f"def __init__(self, {parameters}):\n{made}    self.__dict__.update({{{filled}}})\n"
    namespace: dict[str, Any] = {"_defaults": defaults, "_factories": factories}
    namespace["_factory"] = object()
    exec(source, namespace)  # as dataclasses makes its own
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    setattr(cls, "__init__", init)  # noqa: B010 - mypy forbids assigning a method
    return cls


@dataclass(frozen=True)
class Api:
    name: str
    prefix: str
    reference: str
    docs_url: str
    version: str
    reference_url: str | None = None
    """A pattern for each code's page in the API's own reference ({code}, {code:kebab})."""
    location: Location = _LOCATION
    codes: str = "open"
    """open (a new code is a minor change), or closed (the catalogue promises exhaustiveness)."""
    messages: str = "prose"
    """prose (a changed message is a patch), or contract (clients match messages)."""


@dataclass(frozen=True)
class Status:
    key: str
    """``"404"`` or a range such as ``"5xx"``."""
    title: str
    description: str
    since: str | None = None
    location: Location = _LOCATION
    name: str | None = None

    @property
    def is_range(self) -> bool:
        return self.key.endswith("xx")

    @property
    def code(self) -> int | None:
        return None if self.is_range else int(self.key)

    @functools.cached_property
    def first(self) -> int:
        return int(self.key[0]) * 100 if self.key.endswith("xx") else int(self.key)

    @property
    def last(self) -> int:
        return self.first + 99 if self.is_range else int(self.key)

    @property
    def is_error(self) -> bool:
        return self.first >= 400


@dataclass(frozen=True)
class Deprecation:
    """That a code, type, status class or extra is on its way out, and what to use instead."""

    since: str | None = None
    """The API version that deprecated it, such as v4."""
    message: str | None = None
    replaced_by: str | None = None
    """The live code to use instead (codes only)."""
    sunset: str | None = None
    """The day it stops being sent, as YYYY-MM-DD."""

    @property
    def notice(self) -> str:
        """One line saying all of it, the same in every language's bindings and the docs."""
        said = ["Deprecated" + (f" since {self.since}." if self.since else ".")]
        if self.message:
            said.append(self.message)
        if self.replaced_by:
            said.append(f"Use the code {self.replaced_by} instead.")
        if self.sunset:
            said.append(f"Sunset on {self.sunset}.")
        return " ".join(said)


@dataclass(frozen=True)
class PreviousName:
    """A name a target's bindings gave a class before, kept as a deprecated alias."""

    target: str
    name: str
    location: Location = _LOCATION


def _name_in(names: tuple[tuple[str, str], ...], target: str) -> str | None:
    if not names:  # nearly always: asked for each entry by every template
        return None
    return next((name for key, name in names if key == target), None)


def _previous_names_in(previous: tuple[PreviousName, ...], target: str) -> tuple[str, ...]:
    if not previous:
        return ()
    return tuple(found.name for found in previous if found.target == target)


@dataclass(frozen=True)
class ErrorType:
    key: str
    description: str
    fault: str
    since: str | None = None
    location: Location = _LOCATION
    wire: tuple[Wire, ...] = ()
    """The values a server sends for it, the first being canonical; its key by default."""
    deprecated: Deprecation | None = None
    previous_names: tuple[PreviousName, ...] = ()

    def previous_names_in(self, target: str) -> tuple[str, ...]:
        return _previous_names_in(self.previous_names, target)

    @property
    def sends_key(self) -> bool:
        return not self.wire or self.key in self.wire


@dataclass(frozen=True)
class FieldError:
    name: str
    messages: tuple[str, ...]


@dataclass(frozen=True)
class Extra:
    """A member a body carries besides code, type and message, exposed as an attribute."""

    name: str
    path: str
    kind: str
    """string, integer, number, boolean, strings or object."""
    description: str | None = None
    location: Location = field(default=START, compare=False)
    deprecated: Deprecation | None = None


@filled_at_once
@dataclass(frozen=True)
class ErrorCode:
    key: str
    type: str | None
    status: str
    """The documented status (the first of `statuses`)."""
    message: str
    description: str
    retryable: bool
    fault: str
    since: str | None = None
    names: tuple[tuple[str, str], ...] = ()
    """(target, class name) for each class name the catalogue sets instead of the derived."""
    example_fields: tuple[FieldError, ...] = ()
    location: Location = _LOCATION
    wire: tuple[Wire, ...] = ()
    """The values a server sends for it, the first being canonical; its key by default."""
    statuses: tuple[str, ...] = ()
    """Every status it comes with, the documented one first."""
    reference_url: str | None = None
    """Its page in the API's own reference, if the catalogue gives one."""
    extras: tuple[Extra, ...] = ()
    """Members only its bodies carry."""
    example_extras: tuple[tuple[str, Any], ...] = ()
    throttling: bool = False
    """Whether it says the client is sending too much."""
    answer_status: int | None = None
    """The status a server answers with when the error has none, if the catalogue names one."""
    deprecated: Deprecation | None = None
    previous_names: tuple[PreviousName, ...] = ()

    def name_in(self, target: str) -> str | None:
        """The class name the catalogue sets for this code in a target, if it sets one."""
        return _name_in(self.names, target)

    def previous_names_in(self, target: str) -> tuple[str, ...]:
        return _previous_names_in(self.previous_names, target)

    @property
    def sends_key(self) -> bool:
        """Whether a server sends its key as itself (its wire values hold it)."""
        return not self.wire or self.key in self.wire


@dataclass(frozen=True)
class StatusClass:
    """A class for responses of some statuses whatever their body says."""

    key: str
    statuses: tuple[str, ...]
    description: str
    wins_over_type: bool = True
    names: tuple[tuple[str, str], ...] = ()
    location: Location = _LOCATION
    deprecated: Deprecation | None = None
    previous_names: tuple[PreviousName, ...] = ()

    def name_in(self, target: str) -> str | None:
        return _name_in(self.names, target)

    def previous_names_in(self, target: str) -> tuple[str, ...]:
        return _previous_names_in(self.previous_names, target)


@dataclass(frozen=True)
class Tombstone:
    """A code the API no longer sends: its key, wire values and class names stay taken."""

    key: str
    status: str
    """The last status it came with (a status or a range)."""
    removed_in: str
    """The API version that stopped sending it, such as v4."""
    type: str | None = None
    """The last type it had (a type the catalogue may no longer have)."""
    wire: tuple[Wire, ...] = ()
    note: str | None = None
    replaced_by: str | None = None
    """The live code to use instead."""
    names: tuple[tuple[str, str], ...] = ()
    """(target, class name) for each class name it had that was not the derived one."""
    location: Location = _LOCATION

    def name_in(self, target: str) -> str | None:
        return _name_in(self.names, target)

    @property
    def sent_as(self) -> tuple[Wire, ...]:
        """Every value a server sent for it: its wire values, else its key."""
        return self.wire or (self.key,)


@dataclass(frozen=True)
class FieldSource:
    path: str
    name: str | None
    messages: str | None
    message: str | None
    shape: str = "objects"
    """objects, map or strings."""
    code: str | None = None
    type: str | None = None
    pointer: str | None = None


@dataclass(frozen=True)
class Condition:
    """When an envelope applies: every part given must hold."""

    media_types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    present: tuple[str, ...] = ()
    equals: tuple[tuple[str, Any], ...] = ()


@filled_at_once
@dataclass(frozen=True)
class Example:
    """What an example body holds, as values; an envelope lays them out."""

    code: Wire | None
    type: Wire | None
    message: str
    reference: str
    fields: tuple[FieldError, ...] = ()
    extras: tuple[tuple[str, Any], ...] = ()
    own_extras: tuple[Extra, ...] = ()
    """The code's own extras: where its extras go, besides the envelope's."""


@dataclass(frozen=True)
class Envelope:
    key: str
    description: str
    type: str | None
    code: str | None
    message: str | None
    reference: str | None = None
    fields: tuple[FieldSource, ...] = ()
    since: str | None = None
    when: Condition | None = None
    body: str = "json"
    """json, or text (the text is the message)."""
    errors: str | None = None
    """Path of a list of errors; the member paths are then inside each."""
    decides: str = "first"
    code_from: str = "whole"
    extras: tuple[Extra, ...] = ()
    request_id: str | None = None
    """Path of the request id, for a body that carries it."""
    location: Location = _LOCATION

    def example(self, values: Example, source: FieldSource | None = None) -> Any:
        """The body a server using this envelope sends, built as data (never as text): the
        members the values hold, where the envelope says, and nothing invented. Field errors
        go where `source` says, by default the envelope's first field source."""
        if self.body == "text":
            return values.message
        body: dict[str, Any] = {}
        for where, literal in self.when.equals if self.when else ():
            _put(body, where, literal)
        item: dict[str, Any] = {}
        for path, value in (
            (self.type, values.type),
            (self.code, values.code),
            (self.message, values.message),
            (self.reference, values.reference),
        ):
            if path is not None and value is not None:
                _put(item, path, value)
        extras = dict(values.extras)
        for extra in (*self.extras, *values.own_extras):
            if extra.name in extras:
                _put(item, extra.path, extras.pop(extra.name))
        source = source or (self.fields[0] if self.fields else None)
        if values.fields and source is not None and not self._holds_members(source, values):
            _put(item, source.path, _field_errors(values.fields, source))
        if self.errors is not None:
            _put(body, self.errors, [item])
        else:
            _merge(body, item)
        # A member the envelope needs present, which nothing above gave: a stand-in.
        for path in self.when.present if self.when else ():
            segments = jsonpath.parse(path)
            if jsonpath.select(body, segments) is jsonpath.MISSING:
                jsonpath.put(body, segments, self._stand_in(path))
        return body

    def _holds_members(self, source: FieldSource, values: Example) -> bool:
        """Whether a field source is the error object itself (beside the message): then it
        holds no list."""
        members = [self.type, self.code, self.message, self.reference]
        members += [extra.path for extra in (*self.extras, *values.own_extras)]
        inside = (source.path + ".", source.path + "[")
        return any(member and member.startswith(inside) for member in members)

    def _stand_in(self, path: str) -> Any:
        kind = next((extra.kind for extra in self.extras if extra.path == path), "string")
        if kind == "string":
            last = jsonpath.parse(path)[-1]
            return f"<{last.name}>" if isinstance(last, jsonpath.Name) else "<value>"
        return {"integer": 0, "number": 0, "boolean": True, "strings": []}.get(kind, {})


def _put(target: dict[str, Any], path: str, value: Any) -> None:
    jsonpath.put_text(target, path, value)


def _merge(target: dict[str, Any], values: dict[str, Any]) -> None:
    for key, value in values.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


def _field_errors(fields: tuple[FieldError, ...], source: FieldSource) -> Any:
    if source.shape == "map":
        return {item.name: list(item.messages) for item in fields}
    if source.shape == "strings":
        return [text for item in fields for text in item.messages]
    items: list[dict[str, Any]] = []
    name = source.name or source.pointer or "$.name"
    for item in fields:
        if source.messages is not None:
            entry: dict[str, Any] = {}
            _put(entry, name, item.name)
            _put(entry, source.messages, list(item.messages))
            items.append(entry)
        else:
            for text in item.messages:
                entry = {}
                _put(entry, name, item.name)
                _put(entry, source.message or "$.message", text)
                items.append(entry)
    return items


@dataclass(frozen=True)
class Http:
    """What the catalogue says of responses besides their bodies."""

    request_id_headers: tuple[str, ...] = ("x-request-id", "request-id")
    retry_statuses: tuple[int, ...] = (408, 429, 502, 503, 504)
    secret_headers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Change:
    """A change the catalogue acknowledges in a release: a finding of the breaking-change
    gate (python -m generator breaking) that is meant, and why."""

    version: str
    rule: str
    reason: str
    about: tuple[tuple[str, str], ...] = ()
    """What it is about, as the finding says it: (code, x), (envelope, v3), ..."""
    location: Location = _LOCATION


@dataclass(frozen=True)
class Catalogue:
    format: int
    api: Api
    statuses: tuple[Status, ...]
    types: tuple[ErrorType, ...]
    codes: tuple[ErrorCode, ...]
    envelopes: tuple[Envelope, ...]
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Each target's section of the catalogue (`python:`), as its module checked it."""
    status_classes: tuple[StatusClass, ...] = ()
    http: Http = field(default_factory=Http)
    removed: tuple[Tombstone, ...] = ()
    """Codes the API no longer sends."""
    changes: tuple[Change, ...] = ()
    """Changes acknowledged release by release, newest version first as the catalogue says."""
    settings: Mapping[str, Location] = field(default_factory=dict, compare=False)
    """Where each setting is, by dotted path (api.docs_url, python.package, ...)."""

    def where(self, setting: str) -> Location:
        """Where a setting such as api.docs_url is; else where the api section is."""
        return self.settings.get(setting, self.api.location)

    def code(self, key: str) -> ErrorCode | Tombstone:
        """The code of a key, live or removed."""
        return self._codes[key]

    def status(self, key: str) -> Status:
        return self._statuses[key]

    @functools.cached_property
    def _codes(self) -> dict[str, ErrorCode | Tombstone]:
        found: dict[str, ErrorCode | Tombstone] = {gone.key: gone for gone in self.removed}
        found.update((code.key, code) for code in self.codes)
        return found

    def type(self, key: str) -> ErrorType:
        return self._types[key]

    @functools.cached_property
    def _statuses(self) -> dict[str, Status]:
        return {status.key: status for status in self.statuses}

    @functools.cached_property
    def _types(self) -> dict[str, ErrorType]:
        return {error_type.key: error_type for error_type in self.types}

    def codes_of(self, error_type: ErrorType | None) -> tuple[ErrorCode, ...]:
        """The codes of a type, or (for None) the codes without one."""
        return self._codes_by_type.get(error_type.key if error_type is not None else None, ())

    @functools.cached_property
    def _codes_by_type(self) -> dict[str | None, tuple[ErrorCode, ...]]:
        # Asked for once per type by several templates: one pass over the codes, not one each.
        found: dict[str | None, list[ErrorCode]] = {}
        for code in self.codes:
            found.setdefault(code.type, []).append(code)
        return {key: tuple(codes) for key, codes in found.items()}

    @property
    def untyped_codes(self) -> tuple[ErrorCode, ...]:
        return self.codes_of(None)

    @functools.cached_property
    def envelope_extras(self) -> tuple[Extra, ...]:
        """The extras of every envelope, each name once (the first envelope's)."""
        found: dict[str, Extra] = {}
        for envelope in self.envelopes:
            for extra in envelope.extras:
                found.setdefault(extra.name, extra)
        return tuple(found.values())

    @property
    def extras_by_name(self) -> dict[str, tuple[Extra, ...]]:
        """Every extra's name, with the extras of that name of each JSON type in turn (the
        envelopes', then the codes'): what an error may be built with."""
        found: dict[str, dict[str, Extra]] = {}
        for extra in (*self.envelope_extras, *(e for code in self.codes for e in code.extras)):
            found.setdefault(extra.name, {}).setdefault(extra.kind, extra)
        return {name: tuple(kinds.values()) for name, kinds in found.items()}

    @property
    def all_extras(self) -> tuple[Extra, ...]:
        """Every extra, each name once: the envelopes', then the codes'."""
        found = {extra.name: extra for extra in self.envelope_extras}
        for code in self.codes:
            for extra in code.extras:
                found.setdefault(extra.name, extra)
        return tuple(found.values())

    @functools.cached_property
    def deprecated_extras(self) -> dict[str, Deprecation]:
        """The deprecation of each extra name every extra of that name (every envelope's, every
        code's) is deprecated under, the first one's: in a language where one name is one
        attribute or method, it is deprecated only for all."""
        found: dict[str, list[Extra]] = {}
        for envelope in self.envelopes:
            for extra in envelope.extras:
                found.setdefault(extra.name, []).append(extra)
        for code in self.codes:
            for extra in code.extras:
                found.setdefault(extra.name, []).append(extra)
        return {
            name: extras[0].deprecated
            for name, extras in found.items()
            if extras[0].deprecated is not None and all(e.deprecated for e in extras)
        }

    @property
    def showcase(self) -> ErrorCode:
        """The code whose example best shows a body: one with field errors, if any."""
        return next((code for code in self.codes if code.example_fields), self.codes[0])

    def carries_errors(self, status: Status) -> bool:
        """Whether errors come with a status: an error status, or another one a code is sent
        with or a status class is for (an API that answers errors with 200)."""
        return (
            status.is_error
            or bool(self.codes_with(status))
            or any(status.key in status_class.statuses for status_class in self.status_classes)
        )

    def codes_with(self, status: Status) -> tuple[ErrorCode, ...]:
        return self._codes_by_status.get(status.key, ())

    @functools.cached_property
    def _codes_by_status(self) -> dict[str, tuple[ErrorCode, ...]]:
        found: dict[str, list[ErrorCode]] = {}
        for code in self.codes:
            for key in dict.fromkeys(code.statuses):
                found.setdefault(key, []).append(code)
        return {key: tuple(codes) for key, codes in found.items()}

    def type_for_status(self, status: Status) -> ErrorType | None:
        """The one error type whose codes use this status, if there is exactly one."""
        return self._type_for_status.get(status.key)

    @functools.cached_property
    def _type_for_status(self) -> dict[str, ErrorType]:
        types: dict[str, set[str | None]] = {}
        for code in self.codes:
            for status in code.statuses:
                types.setdefault(status, set()).add(code.type)
        return {
            key: self.type(found)
            for key, keys in types.items()
            if len(keys) == 1 and (found := next(iter(keys))) is not None
        }

    def wire_of(self, code: ErrorCode) -> Wire:
        """The value a server writes for a code."""
        return code.wire[0] if code.wire else code.key

    def type_wire(self, error_type: ErrorType) -> Wire:
        return error_type.wire[0] if error_type.wire else error_type.key

    def reference_url(self, code: ErrorCode) -> str | None:
        """A code's page in the API's own reference: its own, else the API's pattern."""
        if code.reference_url is not None or self.api.reference_url is None:
            return code.reference_url
        wire = str(self.wire_of(code))
        kebab = wire.lower().replace("_", "-")
        safe = "-._~"
        return self.api.reference_url.replace(
            "{code:kebab}", urllib.parse.quote(kebab, safe=safe)
        ).replace("{code}", urllib.parse.quote(wire, safe=safe))

    def example_values(self, code: ErrorCode) -> Example:
        error_type = self.type(code.type) if code.type is not None else None
        return Example(
            code=self.wire_of(code),
            type=self.type_wire(error_type) if error_type is not None else None,
            message=code.message,
            reference=self.reference_url(code) or self.api.reference,
            fields=code.example_fields,
            extras=code.example_extras,
            own_extras=code.extras,
        )

    def example(self, code: ErrorCode, envelope: Envelope | None = None) -> Any:
        envelope = envelope or self.envelopes[0]
        return envelope.example(self.example_values(code))
