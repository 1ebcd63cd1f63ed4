"""The validated catalogue: target-neutral, immutable, in catalogue order."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .problems import Location

_NOWHERE = Location(0, 0)
# Where an entry is in the catalogue, for error messages; not part of its value.
_LOCATION: Any = field(default=_NOWHERE, compare=False, repr=False)


@dataclass(frozen=True)
class Api:
    name: str
    prefix: str
    reference: str
    docs_url: str
    version: str
    location: Location = _LOCATION


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

    @property
    def first(self) -> int:
        return int(self.key[0]) * 100 if self.is_range else int(self.key)

    @property
    def last(self) -> int:
        return self.first + 99 if self.is_range else int(self.key)

    @property
    def is_error(self) -> bool:
        return self.first >= 400


@dataclass(frozen=True)
class ErrorType:
    key: str
    description: str
    fault: str
    since: str | None = None
    location: Location = _LOCATION


@dataclass(frozen=True)
class FieldError:
    name: str
    messages: tuple[str, ...]


@dataclass(frozen=True)
class ErrorCode:
    key: str
    type: str
    status: str
    message: str
    description: str
    retryable: bool
    fault: str
    since: str | None = None
    names: tuple[tuple[str, str], ...] = ()
    """(target, class name) for each class name the catalogue sets instead of the derived."""
    example_fields: tuple[FieldError, ...] = ()
    location: Location = _LOCATION

    def name_in(self, target: str) -> str | None:
        """The class name the catalogue sets for this code in a target, if it sets one."""
        return next((name for key, name in self.names if key == target), None)


@dataclass(frozen=True)
class FieldSource:
    path: str
    name: str
    messages: str | None
    message: str | None


@dataclass(frozen=True)
class Envelope:
    key: str
    description: str
    type: str
    code: str
    message: str
    reference: str | None = None
    fields: tuple[FieldSource, ...] = ()
    since: str | None = None

    def example(
        self,
        error_type: str,
        code: str,
        message: str,
        reference: str,
        fields: tuple[FieldError, ...] = (),
        source: FieldSource | None = None,
    ) -> dict[str, Any]:
        """The body a server using this envelope sends, built as data (never as text).

        Field errors go where `source` says, by default the envelope's first field source.
        """
        body: dict[str, Any] = {}
        _put(body, self.type, error_type)
        _put(body, self.code, code)
        _put(body, self.message, message)
        if self.reference is not None:
            _put(body, self.reference, reference)
        source = source or (self.fields[0] if self.fields else None)
        if fields and source is not None:
            items: list[dict[str, Any]] = []
            for item in fields:
                if source.messages is not None:
                    entry: dict[str, Any] = {}
                    _put(entry, source.name, item.name)
                    _put(entry, source.messages, list(item.messages))
                    items.append(entry)
                else:
                    for text in item.messages:
                        entry = {}
                        _put(entry, source.name, item.name)
                        _put(entry, source.message or "", text)
                        items.append(entry)
            _put(body, source.path, items)
        return body


def _put(target: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = value


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

    def status(self, key: str) -> Status:
        return self._statuses[key]

    def type(self, key: str) -> ErrorType:
        return self._types[key]

    @functools.cached_property
    def _statuses(self) -> dict[str, Status]:
        return {status.key: status for status in self.statuses}

    @functools.cached_property
    def _types(self) -> dict[str, ErrorType]:
        return {error_type.key: error_type for error_type in self.types}

    def codes_of(self, error_type: ErrorType) -> tuple[ErrorCode, ...]:
        return tuple(code for code in self.codes if code.type == error_type.key)

    @property
    def showcase(self) -> ErrorCode:
        """The code whose example best shows a body: one with field errors, if any."""
        return next((code for code in self.codes if code.example_fields), self.codes[0])

    def codes_with(self, status: Status) -> tuple[ErrorCode, ...]:
        return tuple(code for code in self.codes if code.status == status.key)

    def type_for_status(self, status: Status) -> ErrorType | None:
        """The one error type whose codes use this status, if there is exactly one."""
        return self._type_for_status.get(status.key)

    @functools.cached_property
    def _type_for_status(self) -> dict[str, ErrorType]:
        types: dict[str, set[str]] = {}
        for code in self.codes:
            types.setdefault(code.status, set()).add(code.type)
        return {key: self.type(next(iter(keys))) for key, keys in types.items() if len(keys) == 1}

    def example(self, code: ErrorCode, envelope: Envelope | None = None) -> dict[str, Any]:
        envelope = envelope or self.envelopes[0]
        return envelope.example(
            code.type, code.key, code.message, self.api.reference, code.example_fields
        )
