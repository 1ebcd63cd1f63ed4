# Generated from catalogue.yaml by error-bindings. Do not edit.
"""Qonversion API errors, as exceptions.

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
    "QonversionError",
    "RequestError",
    "ResourceError",
    "LogicalError",
    "InternalError",
    "InvalidDataError",
    "InvalidRequestError",
    "ControlUnauthorizedError",
    "EndpointNotImplementedError",
    "NotFoundError",
    "AlreadyExistsError",
    "PurchaseFraudError",
    "RelationNotFoundError",
    "StorageError",
    "NetworkError",
    "UnknownError",
    "from_response",
    "lookup",
    "raise_for_response",
]

REFERENCE = "https://documentation.qonversion.io/reference/handling-api-errors"


class ErrorType(str, Enum):
    """The broad families error codes belong to."""

    REQUEST = "request"
    """Error in request validation. Not enough data in the request; invalid data in the request; authorization required; too many requests."""
    RESOURCE = "resource"
    """The request is valid, but the action could not be executed due to some reason."""
    LOGICAL = "logical"
    """The client can execute the required action but there is an error in communicating with the application."""
    INTERNAL = "internal"
    """All request handling stages are successful, but there was an internal error."""

    def __str__(self) -> str:
        return str(self.value)


class ErrorCode(str, Enum):
    """Every error code the API documents."""

    INVALID_DATA = "invalid_data"
    """The request is recognized, but validation failed due to some parameters. The parameters are returned in _meta.validation.fields."""
    INVALID_REQUEST = "invalid_request"
    """Unrecognized request URL."""
    CONTROL_UNAUTHORIZED = "control_unauthorized"
    """Authorization is required to execute the request."""
    NOT_IMPLEMENTED = "not_implemented"
    """Functionality at the requested address is not implemented."""
    NOT_FOUND = "not_found"
    """The requested resource is not found."""
    ALREADY_EXISTS = "already_exists"
    """The requested resource already exists."""
    PURCHASE_FRAUD = "purchase_fraud"
    """Couldn't validate purchase with store request, potential fraud."""
    RELATION_NOT_FOUND = "relation_not_found"
    """Nested objects could not be found or associated with other entity."""
    STORAGE_ERROR = "storage_error"
    """Data was not saved."""
    NETWORK_ERROR = "network_error"
    """Internal services interaction failed."""
    UNKNOWN_ERROR = "unknown_error"
    """Unknown reason."""

    def __str__(self) -> str:
        return str(self.value)


class HttpStatus(Enum):
    """The HTTP statuses the API documents; a value is a status or a range such as 5xx."""

    SUCCESS = "200"
    """Success: Everything worked as expected."""
    CREATED = "201"
    """Created: Everything worked as expected and operation execution has led to the creation of a resource."""
    NO_CONTENT = "204"
    """No Content: Indicates that the server has successfully fulfilled the request and that there is no content to send in the response body."""
    BAD_REQUEST = "400"
    """Bad Request: The request was not accepted, often due to a missing required parameter. Error could be due to malformed request syntax, invalid request message parameters, deceptive request routing, etc."""
    UNAUTHORIZED = "401"
    """Unauthorized: Invalid API key provided."""
    FORBIDDEN = "403"
    """Forbidden: Authorization by a secret key required."""
    NOT_FOUND = "404"
    """Not Found: The requested resource doesn't exist, but may be available in the future."""
    CONFLICT = "409"
    """Conflict: The request conflicts with the current state of a resource."""
    UNPROCESSABLE_ENTITY = "422"
    """Unprocessable Entity: Can not process the request further due to logical error in client's actions."""
    TOO_MANY_REQUESTS = "429"
    """Too Many Requests: Too many requests were sent in a given amount of time; slow down and retry."""
    SERVER_ERRORS = "5xx"
    """Server Errors: Something went wrong on Qonversion's end. (These are rare.)"""

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
    "200": "Success",
    "201": "Created",
    "204": "No Content",
    "400": "Bad Request",
    "401": "Unauthorized",
    "403": "Forbidden",
    "404": "Not Found",
    "409": "Conflict",
    "422": "Unprocessable Entity",
    "429": "Too Many Requests",
    "5xx": "Server Errors",
}


@dataclass(frozen=True)
class FieldError:
    """What the server said about one field of the request."""

    name: str
    messages: tuple[str, ...]


class QonversionError(Exception):
    """An error response from Qonversion API.

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


def _rebuild(cls: type[QonversionError], state: dict[str, Any]) -> QonversionError:
    error = cls.__new__(cls)
    Exception.__init__(error, state.get("message", ""))
    error.__dict__.update(state)
    return error


class RequestError(
    QonversionError,
    type=ErrorType.REQUEST,
    description="Error in request validation. Not enough data in the request; invalid data in the request; authorization required; too many requests.",
    fault="client",
):
    """Error in request validation. Not enough data in the request; invalid data in the request; authorization required; too many requests."""


class ResourceError(
    QonversionError,
    type=ErrorType.RESOURCE,
    description="The request is valid, but the action could not be executed due to some reason.",
    fault="client",
):
    """The request is valid, but the action could not be executed due to some reason."""


class LogicalError(
    QonversionError,
    type=ErrorType.LOGICAL,
    description="The client can execute the required action but there is an error in communicating with the application.",
    fault="client",
):
    """The client can execute the required action but there is an error in communicating with the application."""


class InternalError(
    QonversionError,
    type=ErrorType.INTERNAL,
    description="All request handling stages are successful, but there was an internal error.",
    fault="server",
):
    """All request handling stages are successful, but there was an internal error."""


class InvalidDataError(
    RequestError,
    code=ErrorCode.INVALID_DATA,
    status=400,
    http_status=HttpStatus.BAD_REQUEST,
    default_message="Failed validate request data",
    description="The request is recognized, but validation failed due to some parameters. The parameters are returned in _meta.validation.fields.",
    retryable=False,
    fault="client",
    docs_url="https://qonversion.github.io/api-errors/#invalid_data",
):
    """The request is recognized, but validation failed due to some parameters. The parameters are returned in _meta.validation.fields."""


class InvalidRequestError(
    RequestError,
    code=ErrorCode.INVALID_REQUEST,
    status=400,
    http_status=HttpStatus.BAD_REQUEST,
    default_message="Unrecognized request URL",
    description="Unrecognized request URL.",
    retryable=False,
    fault="client",
    docs_url="https://qonversion.github.io/api-errors/#invalid_request",
):
    """Unrecognized request URL."""


class ControlUnauthorizedError(
    RequestError,
    code=ErrorCode.CONTROL_UNAUTHORIZED,
    status=401,
    http_status=HttpStatus.UNAUTHORIZED,
    default_message="Authorization is required",
    description="Authorization is required to execute the request.",
    retryable=False,
    fault="client",
    docs_url="https://qonversion.github.io/api-errors/#control_unauthorized",
):
    """Authorization is required to execute the request."""


class EndpointNotImplementedError(
    RequestError,
    code=ErrorCode.NOT_IMPLEMENTED,
    status=404,
    http_status=HttpStatus.NOT_FOUND,
    default_message="Not implemented",
    description="Functionality at the requested address is not implemented.",
    retryable=False,
    fault="client",
    docs_url="https://qonversion.github.io/api-errors/#not_implemented",
):
    """Functionality at the requested address is not implemented."""


class NotFoundError(
    ResourceError,
    code=ErrorCode.NOT_FOUND,
    status=404,
    http_status=HttpStatus.NOT_FOUND,
    default_message="Resource not found",
    description="The requested resource is not found.",
    retryable=False,
    fault="client",
    docs_url="https://qonversion.github.io/api-errors/#not_found",
):
    """The requested resource is not found."""


class AlreadyExistsError(
    ResourceError,
    code=ErrorCode.ALREADY_EXISTS,
    status=422,
    http_status=HttpStatus.UNPROCESSABLE_ENTITY,
    default_message="Resource already exists",
    description="The requested resource already exists.",
    retryable=False,
    fault="client",
    docs_url="https://qonversion.github.io/api-errors/#already_exists",
):
    """The requested resource already exists."""


class PurchaseFraudError(
    LogicalError,
    code=ErrorCode.PURCHASE_FRAUD,
    status=422,
    http_status=HttpStatus.UNPROCESSABLE_ENTITY,
    default_message="Could not validate purchase",
    description="Couldn't validate purchase with store request, potential fraud.",
    retryable=False,
    fault="client",
    docs_url="https://qonversion.github.io/api-errors/#purchase_fraud",
):
    """Couldn't validate purchase with store request, potential fraud."""


class RelationNotFoundError(
    LogicalError,
    code=ErrorCode.RELATION_NOT_FOUND,
    status=422,
    http_status=HttpStatus.UNPROCESSABLE_ENTITY,
    default_message="Related object not found",
    description="Nested objects could not be found or associated with other entity.",
    retryable=False,
    fault="client",
    docs_url="https://qonversion.github.io/api-errors/#relation_not_found",
):
    """Nested objects could not be found or associated with other entity."""


class StorageError(
    InternalError,
    code=ErrorCode.STORAGE_ERROR,
    http_status=HttpStatus.SERVER_ERRORS,
    default_message="Data was not saved",
    description="Data was not saved.",
    retryable=True,
    fault="server",
    docs_url="https://qonversion.github.io/api-errors/#storage_error",
):
    """Data was not saved."""


class NetworkError(
    InternalError,
    code=ErrorCode.NETWORK_ERROR,
    http_status=HttpStatus.SERVER_ERRORS,
    default_message="Internal services interaction failed",
    description="Internal services interaction failed.",
    retryable=True,
    fault="server",
    docs_url="https://qonversion.github.io/api-errors/#network_error",
):
    """Internal services interaction failed."""


class UnknownError(
    InternalError,
    code=ErrorCode.UNKNOWN_ERROR,
    http_status=HttpStatus.SERVER_ERRORS,
    default_message="Unknown error",
    description="Unknown reason.",
    retryable=True,
    fault="server",
    docs_url="https://qonversion.github.io/api-errors/#unknown_error",
):
    """Unknown reason."""


_BY_CODE: Mapping[str, type[QonversionError]] = {
    "invalid_data": InvalidDataError,
    "invalid_request": InvalidRequestError,
    "control_unauthorized": ControlUnauthorizedError,
    "not_implemented": EndpointNotImplementedError,
    "not_found": NotFoundError,
    "already_exists": AlreadyExistsError,
    "purchase_fraud": PurchaseFraudError,
    "relation_not_found": RelationNotFoundError,
    "storage_error": StorageError,
    "network_error": NetworkError,
    "unknown_error": UnknownError,
}

_BY_TYPE: Mapping[str, type[QonversionError]] = {
    "request": RequestError,
    "resource": ResourceError,
    "logical": LogicalError,
    "internal": InternalError,
}

# For a status whose documented codes all share one type.
_BY_STATUS: Mapping[HttpStatus, type[QonversionError]] = {
    HttpStatus.BAD_REQUEST: RequestError,
    HttpStatus.UNAUTHORIZED: RequestError,
    HttpStatus.SERVER_ERRORS: InternalError,
}


_ENVELOPES = (
    _runtime.Envelope(
        type="error.type",
        code="error.code",
        message="error.message",
        reference="_meta.reference",
        fields=(
            _runtime.FieldSource(
                path="_meta.fields",
                name="name",
                messages="messages",
                message=None,
            ),
            _runtime.FieldSource(
                path="_meta.validation.fields",
                name="name",
                messages="messages",
                message=None,
            ),
        ),
    ),
    _runtime.Envelope(
        type="error.type",
        code="error.code",
        message="error.message",
        reference=None,
        fields=(
            _runtime.FieldSource(
                path="error.details",
                name="field",
                messages=None,
                message="message",
            ),
        ),
    ),
)


def lookup(code: ErrorCode | str) -> type[QonversionError]:
    """The class of an error code; KeyError for a code the catalogue does not list."""
    return _BY_CODE[code.value if isinstance(code, ErrorCode) else code]


def _build(status: int | None, body: Any) -> QonversionError:
    parsed = _runtime.read(body, _ENVELOPES)
    http_status = HttpStatus.of(status) if isinstance(status, int) else None
    cls: type[QonversionError] = _runtime.choose(
        parsed, http_status, _BY_CODE, _BY_TYPE, _BY_STATUS, QonversionError
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


def from_response(status: int | None, body: Any = None) -> QonversionError:
    """The error for a response: its status and its body (bytes, text, parsed JSON or None).

    Never raises: whatever the body holds, the result is an error object keeping the raw
    code, type, message and body. The class is the code's, else the type's, else the one
    for the HTTP status, else QonversionError.
    """
    try:
        return _build(status, body)
    except Exception:  # a body shaped in a way nobody foresaw must still give an error
        known = status if isinstance(status, int) else None
        return QonversionError(status=known, body=body)


def raise_for_response(response: Any) -> None:
    """Raise the error for a 4xx or 5xx response; return for any other.

    Takes a requests or httpx response, or a urllib response or HTTPError: anything with a
    status (status_code, status or getcode()) and a body (content or read()).
    """
    status = _runtime.status_of(response)
    if status is not None and 400 <= status <= 599:
        raise from_response(status, _runtime.body_of(response))
