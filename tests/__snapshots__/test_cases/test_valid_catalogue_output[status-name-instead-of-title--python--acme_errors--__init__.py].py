# Generated from catalogue.yaml by error-bindings. Do not edit.
"""Acme API errors, as exceptions.

Catch them by type (``except RequestError``) or by code (``except InvalidDataError``), and
build one from any HTTP response with ``from_response(status, body)`` or
``raise_for_response(response)``. Codes a newer server sends that this package does not know
yet still give an error object, with the raw code, type, message and body kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, ClassVar

from . import _runtime

__all__ = [
    "ErrorCode",
    "ErrorType",
    "FieldError",
    "HttpStatus",
    "AcmeError",
    "ResourceError",
    "InternalError",
    "NotFoundError",
    "StorageError",
    "from_response",
    "lookup",
    "raise_for_response",
]

REFERENCE = "https://acme.example/errors"


class ErrorType(str, Enum):
    """The broad families error codes belong to."""

    RESOURCE = "resource"
    """The resource is wrong."""
    INTERNAL = "internal"
    """The server is wrong."""

    def __str__(self) -> str:
        return str(self.value)


class ErrorCode(str, Enum):
    """Every error code the API documents."""

    NOT_FOUND = "not_found"
    """The thing is not there."""
    STORAGE_ERROR = "storage_error"
    """Saving failed."""

    def __str__(self) -> str:
        return str(self.value)


class HttpStatus(Enum):
    """The HTTP statuses the API documents; a value is a status or a range such as 5xx."""

    NOT_FOUND = "404"
    """Größe: 漢字: Nothing is there."""
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
    "404": "Größe: 漢字",
    "5xx": "Server Errors",
}


@dataclass(frozen=True)
class FieldError:
    """What the server said about one field of the request."""

    name: str
    messages: tuple[str, ...]


class AcmeError(Exception):
    """An error response from Acme API.

    Class attributes describe what the catalogue says of an error; instance attributes hold
    what the server actually sent.
    """

    code: ErrorCode | str | None = None
    """The error code: an ErrorCode when known, the raw string otherwise."""
    type: ErrorType | str | None = None
    """The error type: an ErrorType when known, the raw string otherwise."""
    status: int | None = None
    """The HTTP status of the response (on a class: the status the code comes with)."""
    http_status: ClassVar[HttpStatus | None] = None
    default_message: ClassVar[str] = "Unknown error"
    description: ClassVar[str] = ""
    retryable: ClassVar[bool | None] = None
    fault: ClassVar[str | None] = None
    docs_url: ClassVar[str | None] = None

    def __init__(
        self,
        message: str | None = None,
        *,
        status: int | None = None,
        type: ErrorType | str | None = None,
        code: ErrorCode | str | None = None,
        fields: tuple[FieldError, ...] = (),
        reference: str | None = None,
        body: Any = None,
    ) -> None:
        self.message: str = self.default_message if message is None else message
        if status is not None:
            self.status = status
        if type is not None:
            self.type = type
        if code is not None:
            self.code = code
        self.fields: tuple[FieldError, ...] = tuple(fields)
        self.reference: str | None = reference
        self.body: Any = body
        super().__init__(self.message)

    def __init_subclass__(
        cls,
        *,
        code: ErrorCode | None = None,
        type: ErrorType | None = None,
        status: int | None = None,
        http_status: HttpStatus | None = None,
        default_message: str | None = None,
        description: str | None = None,
        retryable: bool | None = None,
        fault: str | None = None,
        docs_url: str | None = None,
        **kwargs: Any,
    ) -> None:
        # Each subclass states what the catalogue says of its code or type in its class
        # statement; one call per class keeps importing thousands of them cheap.
        super().__init_subclass__(**kwargs)
        given = {
            "code": code,
            "type": type,
            "status": status,
            "http_status": http_status,
            "default_message": default_message,
            "description": description,
            "retryable": retryable,
            "fault": fault,
            "docs_url": docs_url,
        }
        for name, value in given.items():
            if value is not None:
                setattr(cls, name, value)

    def __reduce__(self) -> tuple[Any, ...]:
        # Exceptions pickle as cls(*args): keep every attribute, not just the message.
        return (_rebuild, (self.__class__, self.__dict__.copy()))

    def __str__(self) -> str:
        text = f"{self.code}: {self.message}" if self.code is not None else self.message
        return f"{text} (HTTP {self.status})" if self.status is not None else text

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__name__}(message={self.message!r}, status={self.status!r}, "
            f"type={self.type!r}, code={self.code!r}, fields={self.fields!r})"
        )


def _rebuild(cls: type[AcmeError], state: dict[str, Any]) -> AcmeError:
    error = cls.__new__(cls)
    Exception.__init__(error, state.get("message", ""))
    error.__dict__.update(state)
    return error


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


class NotFoundError(
    ResourceError,
    code=ErrorCode.NOT_FOUND,
    status=404,
    http_status=HttpStatus.NOT_FOUND,
    default_message="Not found",
    description="The thing is not there.",
    retryable=False,
    fault="client",
    docs_url="https://acme.example/docs/#not_found",
):
    """The thing is not there."""


class StorageError(
    InternalError,
    code=ErrorCode.STORAGE_ERROR,
    http_status=HttpStatus.SERVER_ERRORS,
    default_message="Not saved",
    description="Saving failed.",
    retryable=True,
    fault="server",
    docs_url="https://acme.example/docs/#storage_error",
):
    """Saving failed."""


_BY_CODE: Mapping[str, type[AcmeError]] = {
    "not_found": NotFoundError,
    "storage_error": StorageError,
}

_BY_TYPE: Mapping[str, type[AcmeError]] = {
    "resource": ResourceError,
    "internal": InternalError,
}

# For a status whose documented codes all share one type.
_BY_STATUS: Mapping[HttpStatus, type[AcmeError]] = {
    HttpStatus.NOT_FOUND: ResourceError,
    HttpStatus.SERVER_ERRORS: InternalError,
}


_ENVELOPES = (
    _runtime.Envelope(
        type="error.type",
        code="error.code",
        message="error.message",
        reference=None,
        fields=(),
    ),
)


def lookup(code: ErrorCode | str) -> type[AcmeError]:
    """The class of an error code; KeyError for a code the catalogue does not list."""
    return _BY_CODE[code.value if isinstance(code, ErrorCode) else code]


def _build(status: int | None, body: Any) -> AcmeError:
    parsed = _runtime.read(body, _ENVELOPES)
    http_status = HttpStatus.of(status) if isinstance(status, int) else None
    cls: type[AcmeError] = _runtime.choose(
        parsed, http_status, _BY_CODE, _BY_TYPE, _BY_STATUS, AcmeError
    )
    return cls(
        parsed.message,
        status=status if isinstance(status, int) else None,
        type=_runtime.known(ErrorType, parsed.type),
        code=_runtime.known(ErrorCode, parsed.code),
        fields=tuple(FieldError(name, messages) for name, messages in parsed.fields),
        reference=parsed.reference,
        body=parsed.body,
    )


def from_response(status: int | None, body: Any = None) -> AcmeError:
    """The error for a response: its status and its body (bytes, text, parsed JSON or None).

    Never raises: whatever the body holds, the result is an error object keeping the raw
    code, type, message and body. The class is the code's, else the type's, else the one
    for the HTTP status, else AcmeError.
    """
    try:
        return _build(status, body)
    except Exception:  # a body shaped in a way nobody foresaw must still give an error
        known = status if isinstance(status, int) else None
        return AcmeError(status=known, body=body)


def raise_for_response(response: Any) -> None:
    """Raise the error for a 4xx or 5xx response; return for any other.

    Takes a requests or httpx response, or a urllib response or HTTPError: anything with a
    status (status_code, status or getcode()) and a body (content or read()).
    """
    status = _runtime.status_of(response)
    if status is not None and 400 <= status <= 599:
        raise from_response(status, _runtime.body_of(response))
