# Generated from catalogue.yaml by error-bindings. Do not edit.
"""Acme API errors, as exceptions.

Catch them by type (``except RequestError``) or by code (``except InvalidDataError``), and
build one from any HTTP response with ``from_response(status, body)`` or
``raise_for_response(response)``. Codes a newer server sends that this package does not know
yet still give an error object, with the raw code, type, message and body kept.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Literal,
    TypeAlias,
    TypedDict,
    TypeVar,
    cast,
    overload,
)

from . import _runtime

__all__ = [
    "ErrorCode",
    "ErrorItem",
    "ErrorType",
    "FieldError",
    "HttpStatus",
    "AcmeError",
    "AcmeConnectionError",
    "AcmeTimeoutError",
    "AcmeTransportError",
    "KnownError",
    "Tombstone",
    "ResourceError",
    "InternalError",
    "NotFoundError",
    "StorageError",
    "aerror_for_response",
    "araise_for_response",
    "error_for",
    "error_for_response",
    "from_dict",
    "from_response",
    "lookup",
    "raise_for_response",
    "tombstone",
    "translate",
    "translated",
]

REFERENCE = "https://acme.example/errors"
# What the catalogue says of responses besides their bodies.
_REQUEST_ID_HEADERS = tuple(
    [
        "x-request-id",
        "request-id",
    ]
)
_RETRY_STATUSES = frozenset(
    [
        408,
        429,
        502,
        503,
        504,
    ]
)
_SECRET_HEADERS: frozenset[str] = frozenset()


class ErrorType(str, Enum):
    """The broad families error codes belong to."""

    RESOURCE = "resource"
    """The resource is wrong."""
    INTERNAL = "internal"
    """The server is wrong."""

    def __str__(self) -> str:
        return str(self.value)


class ErrorCode(str, Enum):
    """Every error code the API documents. A deprecated code's member says so in its
    docstring, as type checkers cannot mark a member deprecated; its class is marked."""

    NOT_FOUND = "not_found"
    """The thing is not there."""
    STORAGE_ERROR = "storage_error"
    """Saving failed."""

    def __str__(self) -> str:
        return str(self.value)


class HttpStatus(Enum):
    """The HTTP statuses the API documents; a value is a status or a range such as 5xx."""

    OK = "200"
    """OK: It worked, or says it did not."""
    NOT_FOUND = "404"
    """Not Found: Nothing is there."""
    SERVER_ERRORS = "5xx"
    """Server Errors: Something broke."""

    @property
    def title(self) -> str:
        return _STATUS_TITLES[self.value]

    @property
    def statuses(self) -> range:
        """The numeric statuses this entry stands for: one, or a hundred for a range."""
        ranged = self.value.endswith("xx")
        first = int(self.value[0]) * 100 if ranged else int(self.value)
        return range(first, first + (100 if ranged else 1))

    @classmethod
    def of(cls, status: int) -> HttpStatus | None:
        """The entry for a numeric status: the exact one, else the range holding it."""
        for member in sorted(cls, key=lambda entry: len(entry.statuses)):
            if status in member.statuses:
                return member
        return None


_STATUS_TITLES: Mapping[str, str] = {
    "200": "OK",
    "404": "Not Found",
    "5xx": "Server Errors",
}


@dataclass(frozen=True)
class FieldError:
    """What the server said about one field of the request."""

    name: str
    """The field as the server names it (a JSON Pointer or a dotted path, as sent)."""
    messages: tuple[str, ...]
    code: str | int | None = None
    """The field error's own code, if the server sends one."""
    type: str | int | None = None
    """Its own type (or the resource it is about), if the server sends one."""
    pointer: str | None = None
    """A JSON Pointer to the field, as sent, if the server sends one."""


@dataclass(frozen=True)
class ErrorItem:
    """One of several errors a response carries (the first, or the first known, decides
    the class of the error raised)."""

    code: ErrorCode | str | int | None
    """An ErrorCode when known, else the value the server sent."""
    raw_code: str | int | None
    """Exactly what the server sent as the code."""
    type: ErrorType | str | int | None
    message: str | None
    fields: tuple[FieldError, ...] = ()
    extras: Mapping[str, Any] = field(default_factory=dict[str, Any])


class Extras(TypedDict, total=False):
    """The extras an error may be built with, each of the type the catalogue declares."""


class AcmeError(Exception):
    """An error response from Acme API.

    Class attributes describe what the catalogue says of an error; instance attributes hold
    what the server actually sent.
    """

    if TYPE_CHECKING:
        # Read-only, so that each code's class can say its own code (a variable could not).
        # A code's class declares its code as such a method (to type checkers), and
        # __init_subclass__ sets the value the class is made with.

        @_runtime.readonly
        def code(self) -> ErrorCode | str | int | None:
            """The error code: an ErrorCode when known, else the value the server sent."""

    else:
        code = None
    raw_code: str | int | None = None
    """Exactly what the server sent as the code (None when it sent none)."""
    type: ErrorType | str | int | None = None
    """The error type: an ErrorType when known, else the value the server sent."""
    status: int | None = None
    """The HTTP status of the response, None when there was none. (On a class, the status
    its code is documented with: read statuses there instead.)"""
    statuses: ClassVar[tuple[HttpStatus, ...]] = ()
    """The statuses the catalogue documents the code with, the main one first."""
    http_status: ClassVar[HttpStatus | None] = None
    """Deprecated: statuses[0]."""
    deprecated: ClassVar[str | None] = None
    """What the catalogue says of a deprecated code, type or status class (since when, why,
    instead, until when); None when it is not deprecated. A code of a deprecated type is
    deprecated with it."""
    replaced_by: ClassVar[ErrorCode | None] = None
    """The code to use instead of a deprecated one, if the catalogue names one."""
    removed: bool = False
    """Whether the server sent a code the catalogue lists as removed (see tombstone)."""
    answer_status: ClassVar[int | None] = None
    """The status to_response answers with when the error has none, where the catalogue
    names one (for a code documented with a range); else the documented status is used."""
    default_message: ClassVar[str] = "Unknown error"
    description: ClassVar[str] = ""
    retryable: bool | None = None
    """Whether retrying the request may succeed. On an error: the code's word when the code
    is known, else whether the API retries its status. On a class: the code's word."""
    throttling: ClassVar[bool] = False
    """Whether the code says the client is sending too much."""
    throttled: bool = False
    """Whether the client is sending too much: a 429, or a code that says so."""
    request_id: str | None = None
    """The request id the response carries, for the API's support."""
    retry_after: float | None = None
    """Seconds the response asks to wait before retrying, if it says."""
    headers: Mapping[str, str] = MappingProxyType({})
    """The response's headers, by lowercase name (secrets shown as [redacted] in repr,
    str and pickles)."""
    fault: ClassVar[str | None] = None
    docs_url: ClassVar[str | None] = None
    reference_url: ClassVar[str | None] = None
    """The code's page in the API's own reference."""

    def __init__(
        self,
        message: str | None = None,
        *,
        status: int | None = None,
        type: ErrorType | str | int | None = None,
        code: ErrorCode | str | int | None = None,
        fields: tuple[FieldError, ...] = (),
        reference: str | None = None,
        body: Any = None,
        raw_code: str | int | None = None,
        errors: tuple[ErrorItem, ...] = (),
        extras: Extras | None = None,
        headers: Any = None,
        request_id: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.message: str = self.default_message if message is None else message
        self.status = status
        self.headers = MappingProxyType(_runtime.header_map(headers))
        # A header's request id wins over one the body carries.
        self.request_id = (
            _runtime.request_id(self.headers, _REQUEST_ID_HEADERS) or request_id
        )
        # A server says how long to wait; a client reads it from the headers.
        self.retry_after = (
            _runtime.retry_after(self.headers) if retry_after is None else retry_after
        )
        word = self.__class__.retryable
        self.retryable = word if word is not None else status in _RETRY_STATUSES
        self.throttled = status == 429 or self.throttling
        if type is not None:
            self.type = type
        if code is not None:
            # Read-only to type checkers (see the TYPE_CHECKING code above), not at run time.
            self.__dict__["code"] = code
        if raw_code is not None:
            self.raw_code = raw_code
        self.fields: tuple[FieldError, ...] = tuple(fields)
        self.reference: str | None = reference
        self.body: Any = body
        self.errors: tuple[ErrorItem, ...] = tuple(errors)
        """Every error the response carries, when it carries several."""
        self.extras: dict[str, Any] = dict(extras or {})
        """Every member the catalogue declares that the server sent, by name."""
        for name, value in self.extras.items():
            kinds = _EXTRA_KINDS[name].split("|") if name in _EXTRA_KINDS else []
            if kinds and value is not None and not _runtime.of_kind(value, kinds):
                raise TypeError(
                    f"the extra {name!r} holds {' or '.join(kinds)}, "
                    f"not {value.__class__.__name__}"
                )
            if name in _EXTRA_ATTRIBUTES:
                setattr(self, _EXTRA_ATTRIBUTES[name], value)
        super().__init__(self.message)

    def __init_subclass__(
        cls,
        *,
        code: ErrorCode | None = None,
        type: ErrorType | None = None,
        status: int | None = None,
        http_status: HttpStatus | None = None,
        statuses: tuple[HttpStatus, ...] | None = None,
        answer_status: int | None = None,
        deprecated: str | None = None,
        replaced_by: ErrorCode | None = None,
        default_message: str | None = None,
        description: str | None = None,
        retryable: bool | None = None,
        throttling: bool | None = None,
        fault: str | None = None,
        docs_url: str | None = None,
        reference_url: str | None = None,
        **kwargs: Any,
    ) -> None:
        # Each subclass states what the catalogue says of its type in its class statement,
        # of its code in the keywords it is made with (see _make_code_class).
        super().__init_subclass__(**kwargs)
        given = {
            "code": code,
            "type": type,
            "status": status,
            "http_status": http_status,
            "statuses": statuses or (http_status and (http_status,)),
            "answer_status": answer_status,
            "deprecated": deprecated,
            "replaced_by": replaced_by,
            "default_message": default_message,
            "description": description,
            "retryable": retryable,
            "throttling": throttling,
            "fault": fault,
            "docs_url": docs_url,
            "reference_url": reference_url,
        }
        for name, value in given.items():
            if value is not None:
                setattr(cls, name, value)

    def __reduce__(self) -> tuple[Any, ...]:
        # Exceptions pickle as cls(*args): keep every attribute, not just the message, and
        # no secret header. A class of this module is found again by name, code or type,
        # so a pickle outlives a code that a newer package no longer has.
        state = self.__dict__.copy()
        state["headers"] = _runtime.redacted(self.headers, _SECRET_HEADERS)
        cls = self.__class__
        if cls.__module__ != __name__:
            return (_rebuild, (cls, state))
        # Members of the enums as their values, which a newer package may not have.
        for name in ("code", "type"):
            if name in state:
                state[name] = _plain(state[name])
        state["errors"] = [
            (_plain(e.code), e.raw_code, _plain(e.type), e.message, e.fields, e.extras)
            for e in self.errors
        ]
        return (_restore, (cls.__name__, _plain(cls.code), _plain(cls.type), state))

    def to_dict(self) -> dict[str, Any]:
        """The error as JSON data, in the shape every language's bindings read back
        (from_dict here, fromJSON in TypeScript); secret headers redacted."""
        return {
            "shape": 1,
            "class": self.__class__.__name__,
            "status": self.status,
            "code": _plain(self.code),
            "raw_code": self.raw_code,
            "type": _plain(self.type),
            "message": self.message,
            "reference": self.reference,
            "fields": [_field_dict(found) for found in self.fields],
            "errors": [
                {
                    "code": _plain(item.code),
                    "raw_code": item.raw_code,
                    "type": _plain(item.type),
                    "message": item.message,
                    "fields": [_field_dict(found) for found in item.fields],
                    "extras": dict(item.extras),
                }
                for item in self.errors
            ],
            "extras": dict(self.extras),
            "body": _runtime.json_data(self.body),
            "headers": _runtime.redacted(self.headers, _SECRET_HEADERS),
            "request_id": self.request_id,
            "retry_after": self.retry_after,
            "retryable": self.retryable,
            "throttled": self.throttled,
            "removed": self.removed,
        }

    def to_body(self, envelope: str | None = None) -> Any:
        """The body a server sends for this error, as JSON data (text for a text envelope):
        laid out as the envelope named so says, by default the catalogue's first. It holds
        the code's canonical wire value, the type, message, reference, request id, field
        errors and every extra the envelope or the code declares; what the envelope has no
        place for is left out (see the README's Answering with errors)."""
        return _runtime.write(_envelope(envelope), *_item_of(self))

    def to_response(
        self, envelope: str | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        """(status, headers, body) a server sends for this error: the response's status, or
        the class's answer_status, or the code's (a range's first, so 500 for 5xx), or one
        the envelope reads; content-type, Retry-After and the request
        id header where the error has them; the body (see to_body) as UTF-8 bytes."""
        chosen = _envelope(envelope)
        body = _runtime.write(chosen, *_item_of(self))
        media = chosen.when.media_types if chosen.when else ()
        headers = {"content-type": media[0] if media else "application/json"}
        if chosen.body == "text":
            headers["content-type"] = "text/plain; charset=utf-8"
        if self.retry_after is not None:
            headers["retry-after"] = str(math.ceil(self.retry_after))
        if self.request_id is not None and _REQUEST_ID_HEADERS:
            headers[_REQUEST_ID_HEADERS[0]] = self.request_id
        text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
        return _status_of(self, chosen), headers, text.encode("utf-8")

    def __str__(self) -> str:
        text = f"{self.code}: {self.message}" if self.code is not None else self.message
        said = [f"HTTP {self.status}"] if self.status is not None else []
        if self.request_id is not None:
            said.append(f"request {self.request_id}")
        return f"{text} ({', '.join(said)})" if said else text

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__name__}(message={self.message!r}, status={self.status!r}, "
            f"type={self.type!r}, code={self.code!r}, fields={self.fields!r}, "
            f"request_id={self.request_id!r})"
        )


def _rebuild(cls: type[AcmeError], state: dict[str, Any]) -> AcmeError:
    error = cls.__new__(cls)
    Exception.__init__(error, state.get("message", ""))
    error.__dict__.update(state)
    return error


def _restore(
    name: str,
    code: Any,
    error_type: Any,
    state: dict[str, Any],
) -> AcmeError:
    if "code" in state:
        state["code"] = _known_code(state["code"])
    if _was_removed(state, state.get("code")):
        state["removed"] = True
    if "type" in state:
        state["type"] = _type(state["type"]) or state["type"]
    items = state.get("errors", ())
    state["errors"] = tuple(
        ErrorItem(
            code=_known_code(item_code),
            raw_code=raw_code,
            type=_type(item_type) or item_type,
            message=message,
            fields=tuple(fields),
            extras=extras,
        )
        for item_code, raw_code, item_type, message, fields, extras in items
    )
    return _rebuild(_class_for(name, code, error_type), state)


def _known_code(value: Any) -> Any:
    """The ErrorCode of a code's key or a value the server sends for it, else value."""
    found = lookup(value, None) if isinstance(value, str | int) else None
    return found.code if found is not None and found.code is not None else value


def _class_for(
    name: Any,
    code: Any,
    error_type: Any,
) -> type[AcmeError]:
    """The class of this package named so, else the code's, else the type's, else the base."""
    found = _CLASSES.get(name) if isinstance(name, str) else None
    if found is None and isinstance(name, str) and name in _code_keys():
        found = _code_class(_code_keys()[name])
    if found is None and isinstance(code, str | int):
        found = lookup(code, None)
    if found is None and isinstance(error_type, str):
        found = _BY_TYPE.get(error_type)
    return found or AcmeError


def _plain(value: Any) -> Any:
    """An enum member's value, anything else as it is."""
    return value.value if isinstance(value, Enum) else value


def _field_dict(found: FieldError) -> dict[str, Any]:
    return {
        "name": found.name,
        "messages": list(found.messages),
        "code": found.code,
        "type": found.type,
        "pointer": found.pointer,
    }


def from_dict(data: Mapping[str, Any]) -> AcmeError:
    """The error a to_dict (or TypeScript's toJSON) gave: its class found again by name,
    code or type; what this package does not know kept as it was sent."""
    cls = _class_for(data.get("class"), data.get("code"), data.get("type"))
    error_type = data.get("type")
    error = cls(
        data.get("message"),
        status=data.get("status"),
        type=_type(error_type) or error_type,
        code=_known_code(data.get("code")),
        fields=tuple(_field_from(item) for item in data.get("fields") or ()),
        reference=data.get("reference"),
        body=data.get("body"),
        raw_code=data.get("raw_code"),
        errors=tuple(
            ErrorItem(
                code=_known_code(item.get("code")),
                raw_code=item.get("raw_code"),
                type=_type(item.get("type")) or item.get("type"),
                message=item.get("message"),
                fields=tuple(_field_from(found) for found in item.get("fields") or ()),
                extras=dict(item.get("extras") or {}),
            )
            for item in data.get("errors") or ()
        ),
        extras=cast(Extras, dict(data.get("extras") or {})),
        headers=data.get("headers"),
        request_id=data.get("request_id"),
    )
    for name in ("retry_after", "retryable", "throttled", "sent"):
        if name in data:
            setattr(error, name, data[name])
    error.removed = _was_removed(data, data.get("code"))
    return error


def _was_removed(data: Mapping[str, Any], code: Any) -> bool:
    """Whether an error made by this package or an older one has a code since removed (by
    the code it was made with, or the value the server sent)."""
    if data.get("removed") is True:
        return True
    if isinstance(code, ErrorCode) or lookup(code, None) is not None:
        return False
    return any(
        isinstance(value, str | int) and tombstone(value) is not None
        for value in (code, data.get("raw_code"))
    )


def _envelope(name: str | None) -> _runtime.Envelope:
    if name is None:
        return _ENVELOPES[0]
    for envelope in _ENVELOPES:
        if envelope.name == name:
            return envelope
    known = ", ".join(str(envelope.name) for envelope in _ENVELOPES)
    raise ValueError(f"no envelope {name!r}: the catalogue declares {known}")


def _wire(value: Any, canonical: Mapping[str, str | int]) -> Any:
    """What a server writes for a code or type: a member's canonical wire value, else the
    value as it is."""
    if isinstance(value, Enum):
        return canonical.get(value.value, value.value)
    return canonical.get(value, value) if isinstance(value, str) else value


def _item_of(
    error: AcmeError,
) -> tuple[_runtime.Item, tuple[_runtime.Extra, ...]]:
    raw_code = _wire(error.code, _CODE_WIRE)
    if raw_code is None:
        raw_code = error.raw_code
    item = _runtime.Item(
        raw_code=raw_code,
        raw_type=_wire(error.type, _TYPE_WIRE),
        message=error.message,
        reference=error.reference,
        fields=tuple(
            _runtime.Field(f.name, tuple(f.messages), f.code, f.type, f.pointer)
            for f in error.fields
        ),
        extras=error.extras,
        request_id=error.request_id,
    )
    extras = _CODE_EXTRAS.get(raw_code, ()) if isinstance(raw_code, str | int) else ()
    return item, extras


def _status_of(error: AcmeError, envelope: _runtime.Envelope) -> int:
    """The status to answer with: the error's own, else its class's answer_status, else its
    documented status (a range's first, 500 for 5xx), else 500; one the envelope reads when
    it reads only some."""
    status = error.status
    if status is None:
        status = error.__class__.answer_status
    if status is None:
        status = error.__class__.status
    if status is None and error.statuses:
        first = error.statuses[0].value
        status = int(first[0]) * 100 if first.endswith("xx") else int(first)
    if status is None:
        status = 500
    entries = envelope.when.statuses if envelope.when else ()
    if entries and not _runtime.reads_status((envelope,), status):
        first = entries[0]
        status = int(first[0]) * 100 if first.endswith("xx") else int(first)
    return status


def _field_from(data: Mapping[str, Any]) -> FieldError:
    return FieldError(
        data["name"],
        tuple(data.get("messages") or ()),
        code=data.get("code"),
        type=data.get("type"),
        pointer=data.get("pointer"),
    )


class AcmeTransportError(
    AcmeError,
    default_message="No answer from Acme API",
    description="The request failed on its way, or its answer did not come.",
    retryable=True,
):
    """No answer from Acme API: the request failed on its way, or its answer
    did not come. Such an error has no status, code or body; the HTTP client's exception is
    its __cause__. See translate and translated."""

    sent: bool = True
    """Whether the request may have reached the server: False only when it certainly did
    not, so that sending it again is safe."""

    def __init__(
        self, message: str | None = None, *, sent: bool | None = None, **init: Any
    ) -> None:
        super().__init__(message, **init)
        self.sent = self.__class__.sent if sent is None else sent

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "sent": self.sent}


class AcmeConnectionError(
    AcmeTransportError,
    description="The request never reached the server: sending it again is safe.",
):
    """The request never reached Acme API (a refused connection, a name that
    does not resolve, a failed TLS handshake): sending it again is safe."""

    sent = False


class AcmeTimeoutError(
    AcmeTransportError,
    description="The request was sent, and no answer came in time.",
):
    """The request was sent, and no answer came in time: the server may have acted on it."""


class ResourceError(
    AcmeError,
    type=ErrorType.RESOURCE,
    description="The resource is wrong.",
    fault="client",
):
    """The resource is wrong."""


class InternalError(
    AcmeError,
    type=ErrorType.INTERNAL,
    description="The server is wrong.",
    fault="server",
):
    """The server is wrong."""


# Each code's class, as type checkers see it. At run time a class is made from the code's
# entry in _CODES when it is first used (see _code_class): making thousands of classes was
# most of what importing the package took.
if TYPE_CHECKING:

    class NotFoundError(
        ResourceError,
    ):
        """The thing is not there."""

        @_runtime.readonly
        def code(self) -> Literal[ErrorCode.NOT_FOUND]:
            return ErrorCode.NOT_FOUND

    class StorageError(
        InternalError,
    ):
        """Saving failed."""

        @_runtime.readonly
        def code(self) -> Literal[ErrorCode.STORAGE_ERROR]:
            return ErrorCode.STORAGE_ERROR


class _CodeEntry(TypedDict):
    """What every code's entry holds (see _Code)."""

    name: str
    """The name of the code's class."""
    type: str | None
    """The key of the code's type, whose class the code's class extends (else the base)."""
    statuses: tuple[str, ...]
    """The statuses it is documented with, the main one first."""
    default_message: str
    description: str
    retryable: bool
    fault: str
    docs_url: str


class _Code(_CodeEntry, total=False):
    """What the catalogue says of a code, as its class is made from it: what its class
    statement would say (see __init_subclass__), by the same names."""

    reference_url: str
    answer_status: int
    throttling: bool
    deprecated: str
    replaced_by: str
    """The key of the code to use instead."""
    attributes: Mapping[str, str]
    """The attributes of the code's own extras (None on the class), with their types."""


_CODES: Mapping[str, _Code] = {
    "not_found": {
        "name": "NotFoundError",
        "type": "resource",
        "statuses": (
            "404",
            "200",
        ),
        "default_message": "Not found",
        "description": "The thing is not there.",
        "retryable": False,
        "fault": "client",
        "docs_url": "https://acme.example/docs/#not_found",
    },
    "storage_error": {
        "name": "StorageError",
        "type": "internal",
        "statuses": ("5xx",),
        "default_message": "Not saved",
        "description": "Saving failed.",
        "retryable": True,
        "fault": "server",
        "docs_url": "https://acme.example/docs/#storage_error",
    },
}


_MADE: dict[str, type[AcmeError]] = {}
"""The code classes made so far, by key: the module's attributes only mirror them, as a
test's mock.patch may replace or delete an attribute for a while."""


def _code_class(key: str) -> type[AcmeError]:
    """The class of a code, by key: made from its entry the first time it is asked for,
    then kept, so that it is one class however it is reached (the module's attribute,
    lookup, from_response, a pickle)."""
    found = _MADE.get(key)
    if found is None:
        # setdefault: of two threads making the class at once, both keep the first one.
        found = _MADE.setdefault(key, _make_code_class(key, _CODES[key]))
    return found


def _make_code_class(key: str, entry: _Code) -> type[AcmeError]:
    statuses = tuple(HttpStatus(status) for status in entry["statuses"])
    main = entry["statuses"][0]  # a range such as 5xx is no one status
    attributes = entry.get("attributes", {})
    namespace: dict[str, Any] = {
        "__module__": __name__,
        "__qualname__": entry["name"],
        "__doc__": entry["description"],
        **dict.fromkeys(attributes),
    }
    if attributes:
        namespace["__annotations__"] = dict(attributes)
    if "deprecated" in entry:
        # What PEP 702's decorator sets (type checkers read the decorator above).
        namespace["__deprecated__"] = entry["deprecated"]
    replaced_by = entry.get("replaced_by")
    made = type(
        entry["name"],
        (_BY_TYPE[entry["type"]] if entry["type"] is not None else AcmeError,),
        namespace,
        code=ErrorCode(key),
        status=None if main.endswith("xx") else int(main),
        http_status=statuses[0],
        statuses=statuses,
        answer_status=entry.get("answer_status"),
        deprecated=entry.get("deprecated"),
        replaced_by=None if replaced_by is None else ErrorCode(replaced_by),
        default_message=entry["default_message"],
        description=entry["description"],
        retryable=entry["retryable"],
        throttling=entry.get("throttling"),
        fault=entry["fault"],
        docs_url=entry["docs_url"],
        reference_url=entry.get("reference_url"),
    )
    return cast("type[AcmeError]", made)


@functools.cache
def _code_keys() -> dict[str, str]:
    """The key of each code by its class's name."""
    return {entry["name"]: key for key, entry in _CODES.items()}


def _module_attribute(name: str) -> type[AcmeError]:
    """A code's class, by its name or a name it had before: the module's __getattr__,
    which Python calls for a name the module does not hold (yet)."""
    key = _code_keys().get(name) or _PREVIOUS_CODE_NAMES.get(name)
    if key is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    found = globals()[name] = _code_class(key)
    return found


if not TYPE_CHECKING:
    # Hidden from type checkers, which would take any name of the module for one it has.
    __getattr__ = _module_attribute


def __dir__() -> list[str]:
    """The module's names, with the classes not made yet."""
    return sorted({*globals(), *__all__})


KnownError: TypeAlias = "NotFoundError | StorageError"
"""An error of any code the catalogue documents: matching it by class narrows it, and a
match with a case for each type's class is exhaustive. (Type checkers refuse a chain of |
thousands deep, so many classes are grouped in parentheses.)"""


# The keys of the codes whose classes had other names, by those names.
_PREVIOUS_CODE_NAMES: Mapping[str, str] = {}


@dataclass(frozen=True)
class Tombstone:
    """A code the API no longer sends: see tombstone()."""

    key: str
    wire: tuple[str | int, ...]
    """The values a server sent for it."""
    status: str
    """The last status it came with (a status or a range such as 5xx)."""
    type: ErrorType | str | None
    """The last type it had: an ErrorType while the catalogue still has that type."""
    removed_in: str
    """The API version that stopped sending it."""
    note: str | None = None
    replaced_by: ErrorCode | None = None
    """The code to use instead, if the catalogue names one."""


_REMOVED: Mapping[str | int, Tombstone] = {}
_REMOVED_KEYS: Mapping[str, Tombstone] = {}


def tombstone(code: str | int) -> Tombstone | None:
    """The record of a code the API no longer sends, by any value a server sent for it or
    by its key; None for any other code. lookup() treats such a code as unknown."""
    if type(code) not in (str, int):
        return None
    found = _REMOVED.get(code)
    if found is None and isinstance(code, str):
        found = _REMOVED_KEYS.get(code)
    return found


# The attribute of each extra, by its name in the body's terms.
_EXTRA_ATTRIBUTES: Mapping[str, str] = {}

# The JSON types each extra may hold (|-separated), by its name in the body's terms.
_EXTRA_KINDS: Mapping[str, str] = {}

_CLASSES: Mapping[str, type[AcmeError]] = {
    "AcmeError": AcmeError,
    "AcmeTransportError": AcmeTransportError,
    "AcmeConnectionError": AcmeConnectionError,
    "AcmeTimeoutError": AcmeTimeoutError,
    "ResourceError": ResourceError,
    "InternalError": InternalError,
}

_BY_TYPE: Mapping[str, type[AcmeError]] = {
    "resource": ResourceError,
    "internal": InternalError,
}

# For a status whose documented codes all share one type.
_BY_STATUS: Mapping[str, type[AcmeError]] = {
    "200": ResourceError,
    "404": ResourceError,
    "5xx": InternalError,
}
_STATUS_CLASSES_FIRST: Mapping[str, type[AcmeError]] = {}
_STATUS_CLASSES_LAST: Mapping[str, type[AcmeError]] = {}

# The values a server sends for a code or a type, where they are not its key; and the
# keys a server never sends as themselves.
_CODE_ALIASES: Mapping[str | int, ErrorCode] = {}
_CODE_OTHER: frozenset[str] = frozenset()
# What a server writes for each ErrorCode whose canonical wire value is not its key.
_CODE_WIRE: Mapping[str, str | int] = {}
_TYPE_ALIASES: Mapping[str | int, ErrorType] = {}
_TYPE_OTHER: frozenset[str] = frozenset()
# What a server writes for each ErrorType whose canonical wire value is not its key.
_TYPE_WIRE: Mapping[str, str | int] = {}

_CODE_EXTRAS: Mapping[str | int, tuple[_runtime.Extra, ...]] = {}

_ENVELOPES = (
    _runtime.Envelope(
        name="main",
        type="$.error.type",
        code="$.error.code",
        message="$.error.message",
        reference=None,
        fields=(),
        when=_runtime.Condition(
            statuses=(
                "2xx",
                "4xx",
                "5xx",
            ),
            equals=(("$.ok", False),),
        ),
    ),
)


_NOT_GIVEN: Any = object()
Fallback = TypeVar("Fallback")


@overload
def lookup(
    code: ErrorCode | str | int,
) -> type[AcmeError]: ...
@overload
def lookup(
    code: ErrorCode | str | int,
    default: Fallback,
) -> type[AcmeError] | Fallback: ...
def lookup(code: ErrorCode | str | int, default: Any = _NOT_GIVEN) -> Any:
    """The class of an error code: by member, key, a value the server sends for it (what
    ``error.code`` holds), or class name; else by any of these ignoring case, when exactly
    one class matches. KeyError for anything else, unless a default is given."""
    if isinstance(code, ErrorCode):
        return _code_class(code.value)
    if isinstance(code, str) and code in _CODES:
        return _code_class(code)
    found = None if isinstance(code, bool) else _CODE_ALIASES.get(code)
    if found is not None:
        return _code_class(found.value)
    if isinstance(code, str):
        names = _names()
        if code in names:
            return _code_class(names[code])
        matches = names.get(code.casefold())
        if matches is not None:
            return _code_class(matches)
    if default is _NOT_GIVEN:
        raise KeyError(code)
    return default


@functools.cache
def _names() -> dict[str, str]:
    """Codes' keys by class name, and by the case-folded class name, key or wire value of
    exactly one code."""
    by_name = _code_keys()
    folded: dict[str, set[str]] = {}
    words = [(key, key) for key in _CODES]
    words += [
        (value, code.value)
        for value, code in _CODE_ALIASES.items()
        if isinstance(value, str)
    ]
    words += list(by_name.items())
    for word, key in words:
        folded.setdefault(word.casefold(), set()).add(key)
    unique = {word: found.pop() for word, found in folded.items() if len(found) == 1}
    return unique | by_name


def _code(
    raw: _runtime.Wire | None, envelope: _runtime.Envelope | None
) -> ErrorCode | None:
    if raw is None:
        return None
    key = _runtime.code_key(raw, envelope)
    found: ErrorCode | None
    found = _runtime.lookup(key, ErrorCode, _CODE_ALIASES, _CODE_OTHER)
    return found


def _removed(
    raw: _runtime.Wire | None, envelope: _runtime.Envelope | None
) -> Tombstone | None:
    if raw is None or isinstance(raw, bool):
        return None
    return _REMOVED.get(_runtime.code_key(raw, envelope))


def _is_known(raw: _runtime.Wire | None, envelope: _runtime.Envelope) -> bool:
    return _code(raw, envelope) is not None


def _type(raw: _runtime.Wire | None) -> ErrorType | None:
    found: ErrorType | None
    found = _runtime.lookup(raw, ErrorType, _TYPE_ALIASES, _TYPE_OTHER)
    return found


def _fields(found: tuple[_runtime.Field, ...]) -> tuple[FieldError, ...]:
    return tuple(FieldError(*field) for field in found)


def _build(
    status: int | None, body: Any, headers: Any
) -> tuple[AcmeError, _runtime.Parsed]:
    known = status if type(status) is int else None
    response_headers = _runtime.header_map(headers)
    parsed = _runtime.read(
        known,
        body,
        response_headers,
        _ENVELOPES,
        _is_known,
        _CODE_EXTRAS,
    )
    code = _code(parsed.raw_code, parsed.code_envelope)
    error_type = _type(parsed.raw_type)
    gone = _removed(parsed.raw_code, parsed.code_envelope) if code is None else None
    if gone is not None and parsed.raw_type is None:
        # The body has no type: the removed code's last one stands, if the API still has it.
        error_type = gone.type if isinstance(gone.type, ErrorType) else None
    cls: type[AcmeError] = _runtime.choose(
        _code_class(code.value) if code is not None else None,
        _BY_TYPE[error_type.value] if error_type is not None else None,
        known,
        _STATUS_CLASSES_FIRST,
        _STATUS_CLASSES_LAST,
        _BY_STATUS,
        AcmeError,
    )
    errors = tuple(
        ErrorItem(
            code=_code(item.raw_code, item.envelope) or item.raw_code,
            raw_code=item.raw_code,
            type=_type(item.raw_type) or item.raw_type,
            message=item.message,
            fields=_fields(item.fields),
            extras=item.extras,
        )
        for item in parsed.errors
    )
    error = cls(
        parsed.message,
        status=known,
        type=error_type or parsed.raw_type,
        code=code or parsed.raw_code,
        fields=_fields(parsed.fields),
        reference=parsed.reference,
        body=parsed.body,
        raw_code=parsed.raw_code,
        errors=errors,
        extras=cast(Extras, parsed.extras),
        headers=response_headers,
        request_id=parsed.request_id,
    )
    error.removed = gone is not None
    return error, parsed


def from_response(
    status: int | None, body: Any = None, *, headers: Any = None
) -> AcmeError:
    """The error for a response: its status, its body (bytes, text, parsed JSON or None)
    and, if you have them, its headers (any mapping, or a list of pairs).

    Never raises: whatever the body holds, the result is an error object keeping the raw
    code, type, message and body. The class is the code's, else a status class that wins
    over the type, else the type's, else any other status class, else the one for the HTTP
    status, else AcmeError.
    """
    try:
        return _build(status, body, headers)[0]
    except Exception:  # a body shaped in a way nobody foresaw must still give an error
        known = status if type(status) is int else None
        return AcmeError(status=known, body=body, headers=headers)


def error_for(
    status: int | None, body: Any = None, *, headers: Any = None
) -> AcmeError | None:
    """The error a response is, or None when it is a success: any 4xx or 5xx response is an
    error; a response of another status is one only when an envelope that reads that
    status finds a code or a type in its body (an API that answers errors with 200)."""
    if isinstance(status, int) and not 400 <= status <= 599:
        try:
            error, parsed = _build(status, body, headers)
        except Exception:
            return None
        found = parsed.raw_code is not None or parsed.raw_type is not None
        return error if found else None
    return from_response(status, body, headers=headers)


def error_for_response(response: Any) -> AcmeError | None:
    """The error a response is (see error_for), or None when it is a success.

    Takes a requests or httpx response (a streamed one is read), or a urllib response or
    HTTPError: anything with a status (status_code, status or getcode()), a body (content
    or read()) and headers. The body of a success is read only when an envelope reads
    errors from successes. For httpx's async responses and aiohttp's, await
    aerror_for_response.
    """
    status = _runtime.status_of(response)
    if status is None:
        return None
    if 400 <= status <= 599 or _runtime.reads_status(_ENVELOPES, status):
        headers = _runtime.headers_of(response)
        return error_for(status, _runtime.body_of(response), headers=headers)
    return None


async def aerror_for_response(response: Any) -> AcmeError | None:
    """error_for_response for a response whose body is read by awaiting: httpx's async
    responses (aread()) and aiohttp's (read()); any other response too."""
    status = _runtime.status_of(response)
    if status is None:
        return None
    if 400 <= status <= 599 or _runtime.reads_status(_ENVELOPES, status):
        headers = _runtime.headers_of(response)
        return error_for(status, await _runtime.abody_of(response), headers=headers)
    return None


def raise_for_response(response: Any) -> None:
    """Raise the error for a response that is one (see error_for_response); return for any
    other."""
    error = error_for_response(response)
    if error is not None:
        raise error


async def araise_for_response(response: Any) -> None:
    """raise_for_response for httpx's async responses and aiohttp's (see
    aerror_for_response)."""
    error = await aerror_for_response(response)
    if error is not None:
        raise error


_FAILURE_CLASSES: Mapping[str, type[AcmeTransportError]] = {
    "connection": AcmeConnectionError,
    "timeout": AcmeTimeoutError,
    "transport": AcmeTransportError,
}


def translate(error: BaseException) -> AcmeError | None:
    """The error of this API an HTTP client's exception stands for, else None.

    A failure to get an answer (requests', httpx's, urllib's, aiohttp's or a socket's)
    gives a AcmeTransportError: a AcmeConnectionError when the request never left, a
    AcmeTimeoutError when no answer came in time. An exception for an error status
    that carries its response (requests' HTTPError, httpx's HTTPStatusError, urllib's
    HTTPError, aiohttp's ClientResponseError) gives the error that response is. The
    original exception is the result's __cause__.
    """
    if isinstance(error, AcmeError):
        return error
    response = _runtime.response_of(error)
    if response is not None:
        found = error_for_response(response)
    else:
        failed = _runtime.failure(error)
        if failed is None:
            return None
        kind, sent = failed
        found = _FAILURE_CLASSES[kind](str(error) or type(error).__name__, sent=sent)
    if found is not None:
        found.__cause__ = error
    return found


class translated:
    """``with translated():`` (or ``async with translated():``) around calls to the API
    turns what their HTTP client raises into this API's errors (see translate), raised
    from the original: ``except AcmeError`` then catches every failure of the API.
    """

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, error: BaseException | None, traceback: Any) -> None:
        found = None if error is None else translate(error)
        if found is not None and found is not error:
            raise found from error

    async def __aenter__(self) -> None:
        return None

    async def __aexit__(
        self, kind: Any, error: BaseException | None, traceback: Any
    ) -> None:
        self.__exit__(kind, error, traceback)
