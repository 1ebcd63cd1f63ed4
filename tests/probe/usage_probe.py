"""A client of the generated Python package, written against its format 1 API (c35ff8a).

Every public name of that API is imported and used the way an SDK would use it, and every
value read from it is assigned to a variable annotated with the type that API declared. Type
checked (mypy --strict, pyright strict) against newer bindings, it proves their names,
signatures and types are unchanged or only widened; run, it proves they still behave so.
A line changed for a documented widening says so in a comment ("widened in format 2: ...").
"""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Callable, Mapping
from typing import Any, NoReturn, Protocol

import qonversion_errors
from qonversion_errors import (
    REFERENCE,
    AlreadyExistsError,
    ControlUnauthorizedError,
    EndpointNotImplementedError,
    ErrorCode,
    ErrorType,
    FieldError,
    HttpStatus,
    InternalError,
    InvalidDataError,
    InvalidRequestError,
    LogicalError,
    NetworkError,
    NotFoundError,
    PurchaseFraudError,
    QonversionError,
    RelationNotFoundError,
    RequestError,
    ResourceError,
    StorageError,
    UnknownError,
    from_response,
    lookup,
    raise_for_response,
)

# The format 1 package's __all__, name for name.
OLD_ALL = (
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
)

TYPE_CLASSES: tuple[type[QonversionError], ...] = (
    RequestError,
    ResourceError,
    LogicalError,
    InternalError,
)
CODE_CLASSES: Mapping[ErrorCode, type[QonversionError]] = {
    ErrorCode.INVALID_DATA: InvalidDataError,
    ErrorCode.INVALID_REQUEST: InvalidRequestError,
    ErrorCode.CONTROL_UNAUTHORIZED: ControlUnauthorizedError,
    ErrorCode.NOT_IMPLEMENTED: EndpointNotImplementedError,
    ErrorCode.NOT_FOUND: NotFoundError,
    ErrorCode.ALREADY_EXISTS: AlreadyExistsError,
    ErrorCode.PURCHASE_FRAUD: PurchaseFraudError,
    ErrorCode.RELATION_NOT_FOUND: RelationNotFoundError,
    ErrorCode.STORAGE_ERROR: StorageError,
    ErrorCode.NETWORK_ERROR: NetworkError,
    ErrorCode.UNKNOWN_ERROR: UnknownError,
}
ALL_CLASSES: tuple[type[QonversionError], ...] = (
    QonversionError,
    *TYPE_CLASSES,
    *CODE_CLASSES.values(),
)

VALIDATION_BODY = (
    '{"error": {"type": "request", "code": "invalid_data", "message": "Bad email"},'
    ' "_meta": {"reference": "https://example.com/ref",'
    ' "validation": {"fields": [{"name": "email", "messages": ["is invalid", "is taken"]}]}}}'
)
DETAILS_BODY: dict[str, Any] = {
    "error": {
        "type": "resource",
        "code": "not_found",
        "message": "No such user",
        "details": [{"field": "id", "message": "unknown"}],
    }
}


def never(value: NoReturn) -> NoReturn:
    """Exhaustiveness: type checkers accept the call only where nothing is left."""
    raise AssertionError(f"unhandled: {value!r}")


# The old signatures, as protocols a client might type its own seams with.
class ErrorFactory(Protocol):
    def __call__(
        self,
        message: str | None = None,
        *,
        status: int | None = None,
        type: ErrorType | str | None = None,
        code: ErrorCode | str | None = None,
        fields: tuple[FieldError, ...] = (),
        reference: str | None = None,
        body: Any = None,
    ) -> QonversionError: ...


class ResponseReader(Protocol):
    def __call__(self, status: int | None, body: Any = None) -> QonversionError: ...


class CodeLookup(Protocol):
    def __call__(self, code: ErrorCode | str) -> type[QonversionError]: ...


class Raiser(Protocol):
    def __call__(self, response: Any) -> None: ...


def check_names() -> None:
    exported: list[str] = list(qonversion_errors.__all__)
    missing = [name for name in OLD_ALL if name not in exported]
    assert not missing, missing
    reference: str = REFERENCE
    assert reference.startswith("https://")


def check_enums() -> None:
    types: list[ErrorType] = list(ErrorType)
    assert [member.value for member in types][:4] == ["request", "resource", "logical", "internal"]
    request: ErrorType = ErrorType.REQUEST
    resource: ErrorType = ErrorType.RESOURCE
    logical: ErrorType = ErrorType.LOGICAL
    internal: ErrorType = ErrorType.INTERNAL
    assert (request, resource, logical, internal) == tuple(types[:4])
    value: str = ErrorType.REQUEST.value
    assert value == "request" == str(ErrorType.REQUEST) == ErrorType.REQUEST
    assert ErrorType("logical") is ErrorType.LOGICAL

    codes: list[ErrorCode] = list(ErrorCode)
    assert set(CODE_CLASSES) <= set(codes)
    for code in codes:
        text: str = code.value
        name: str = code.name
        assert str(code) == text == code and ErrorCode(text) is code and name
    assert ErrorCode["NOT_FOUND"] is ErrorCode.NOT_FOUND

    statuses: list[HttpStatus] = list(HttpStatus)
    members: dict[HttpStatus, str] = {
        HttpStatus.SUCCESS: "200",
        HttpStatus.CREATED: "201",
        HttpStatus.NO_CONTENT: "204",
        HttpStatus.BAD_REQUEST: "400",
        HttpStatus.UNAUTHORIZED: "401",
        HttpStatus.FORBIDDEN: "403",
        HttpStatus.NOT_FOUND: "404",
        HttpStatus.CONFLICT: "409",
        HttpStatus.UNPROCESSABLE_ENTITY: "422",
        HttpStatus.TOO_MANY_REQUESTS: "429",
        HttpStatus.SERVER_ERRORS: "5xx",
    }
    assert set(members) <= set(statuses)
    for status, expected in members.items():
        key: str = status.value
        title: str = status.title
        numbers: range = status.statuses
        assert key == expected and title and len(numbers) in (1, 100)
    found: HttpStatus | None = HttpStatus.of(404)
    ranged: HttpStatus | None = HttpStatus.of(503)
    nothing: HttpStatus | None = HttpStatus.of(999)
    assert (found, ranged, nothing) == (HttpStatus.NOT_FOUND, HttpStatus.SERVER_ERRORS, None)
    status_of: Callable[[int], HttpStatus | None] = HttpStatus.of
    assert status_of(400) is HttpStatus.BAD_REQUEST


def describe(code: ErrorCode) -> str:
    """An exhaustive match over the catalogue's codes. It lists today's codes: a match that
    was exhaustive stops being so when the catalogue adds codes (catalogue evolution, not a
    change of the API), so the codes added since format 1 are the last two cases."""
    match code:
        case ErrorCode.INVALID_DATA:
            return "fix the request"
        case ErrorCode.INVALID_REQUEST:
            return "fix the URL"
        case ErrorCode.CONTROL_UNAUTHORIZED:
            return "log in"
        case ErrorCode.NOT_IMPLEMENTED:
            return "use another endpoint"
        case ErrorCode.NOT_FOUND:
            return "create it first"
        case ErrorCode.ALREADY_EXISTS:
            return "use the existing one"
        case ErrorCode.PURCHASE_FRAUD:
            return "call support"
        case ErrorCode.RELATION_NOT_FOUND:
            return "create the relation first"
        case ErrorCode.STORAGE_ERROR | ErrorCode.NETWORK_ERROR | ErrorCode.UNKNOWN_ERROR:
            return "retry later"
        case (
            ErrorCode.INVALID_CREDENTIALS
            | ErrorCode.INVALID_CLIENT_UID
            | ErrorCode.UNKNOWN_CLIENT_PLATFORM
            | ErrorCode.FEATURE_NOT_SUPPORTED
            | ErrorCode.PURCHASE_INVALID
            | ErrorCode.PROJECT_CONFIG_ERROR
            | ErrorCode.INVALID_STORE_CREDENTIALS
            | ErrorCode.RECEIPT_VALIDATION_ERROR
        ):
            return "a legacy client error"
        case ErrorCode.STORE_ERROR | ErrorCode.BACKEND_ERROR:
            return "a legacy error: retry later"
        case _:
            never(code)


# widened in format 2: code may be an int
def describe_any(code: ErrorCode | str | int | None) -> str:
    """An exhaustive match over everything error.code can be."""
    match code:
        case None:
            return "no code"
        case ErrorCode():
            return describe(code)
        case str():
            return f"a newer code: {code.upper()}"
        case int():  # widened in format 2: code may be an int
            return f"a newer numeric code: {code}"
        case _:
            never(code)


def check_field_error() -> None:
    field = FieldError("email", ("is invalid",))
    same = FieldError(name="email", messages=("is invalid",))
    name: str = field.name
    messages: tuple[str, ...] = field.messages
    assert (name, messages) == ("email", ("is invalid",))
    assert field == same and hash(field) == hash(same) and len({field, same}) == 1
    assert dataclasses.replace(field, name="phone").name == "phone"
    try:
        setattr(field, "name", "other")  # noqa: B010 (frozen: a checker forbids the plain form)
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("FieldError is frozen")
    match field:
        case FieldError(matched_name, matched_messages):
            assert (matched_name, matched_messages) == (name, messages)


def read_class(cls: type[QonversionError]) -> None:
    """Every class attribute, read with the type the old API gave it."""
    code: ErrorCode | str | int | None = cls.code  # widened in format 2: code may be an int
    type_: ErrorType | str | int | None = cls.type  # widened in format 2: type may be an int
    status: int | None = cls.status
    http_status: HttpStatus | None = cls.http_status
    default_message: str = cls.default_message
    description: str = cls.description
    retryable: bool | None = cls.retryable
    fault: str | None = cls.fault
    docs_url: str | None = cls.docs_url
    assert default_message
    if cls in CODE_CLASSES.values():
        assert isinstance(code, ErrorCode) and lookup(code) is cls
        assert isinstance(type_, ErrorType) and description
        assert http_status is not None and retryable is not None and docs_url
        assert status is None or status in http_status.statuses
        assert fault in ("client", "server")
    elif cls in TYPE_CLASSES:
        assert code is None and isinstance(type_, ErrorType) and fault in ("client", "server")
    else:
        assert (code, type_, status, http_status, retryable, fault, docs_url) == (None,) * 7


def read_error(error: QonversionError) -> dict[str, object]:
    """Every instance attribute, read with the type the old API gave it."""
    message: str = error.message
    status: int | None = error.status
    type_: ErrorType | str | int | None = error.type  # widened in format 2: type may be an int
    code: ErrorCode | str | int | None = error.code  # widened in format 2: code may be an int
    fields: tuple[FieldError, ...] = error.fields
    reference: str | None = error.reference
    body: Any = error.body
    args: tuple[Any, ...] = error.args
    http_status: HttpStatus | None = error.http_status
    default_message: str = error.default_message
    description: str = error.description
    retryable: bool | None = error.retryable
    fault: str | None = error.fault
    docs_url: str | None = error.docs_url
    text: str = str(error)
    shown: str = repr(error)
    assert message in text and type(error).__name__ in shown and args == (message,)
    assert isinstance(description, str) and default_message
    # What a client does with a code: it was always a str when present.
    if code is not None:
        try:
            cls: type[QonversionError] = lookup(code)
        except KeyError:
            assert not isinstance(code, ErrorCode)
        else:
            assert cls.code == code
    # widened in format 2: code may be an int, which has no str methods
    if isinstance(code, str):
        shout: str = code.upper()
        assert shout and code.startswith(code[:1])
    by_name: dict[str, list[str]] = {field.name: list(field.messages) for field in fields}
    return {
        "message": message,
        "status": status,
        "type": type_,
        "code": code,
        "fields": by_name,
        "reference": reference,
        "body": body,
        "http_status": http_status,
        "retryable": retryable,
        "fault": fault,
        "docs_url": docs_url,
    }


ADVICE: dict[str, str] = {"invalid_data": "check the form", "brand_new": "update the app"}


def handle(error: QonversionError) -> str:
    """What a client does with error.code and error.type, used directly: when present they
    were always strings (ErrorCode and ErrorType are str enums)."""
    # widened in format 2: code may be an int, which has no str methods, is no key of a
    # dict[str, ...] and is refused by lookup (whose parameter stayed ErrorCode | str)
    if not isinstance(error.code, str):
        return error.message
    cls: type[QonversionError] | None
    try:
        cls = lookup(error.code)
    except KeyError:
        cls = None
    advice = ADVICE.get(error.code, "retry" if cls and cls.retryable else "give up")
    # widened in format 2: type may be an int, which has no str methods
    family = error.type.capitalize() if isinstance(error.type, str) else "Unknown"
    return error.code.upper() + f" ({family}): {error.message}; {advice}"


def check_construction() -> None:
    factory: ErrorFactory = QonversionError
    plain = factory()
    assert plain.message == "Unknown error" and plain.status is None and plain.fields == ()
    field = FieldError("email", ("is invalid",))
    full = QonversionError(
        "Bad email",
        status=400,
        type=ErrorType.REQUEST,
        code=ErrorCode.INVALID_DATA,
        fields=(field,),
        reference="https://example.com/ref",
        body={"raw": True},
    )
    seen = read_error(full)
    assert seen["code"] is ErrorCode.INVALID_DATA and seen["fields"] == {"email": ["is invalid"]}
    raw = QonversionError("Later", type="future_type", code="future_code", status=418)
    assert read_error(raw)["code"] == "future_code" and raw.type == "future_type"
    for cls in ALL_CLASSES:
        read_class(cls)
        made: ErrorFactory = cls
        default = made()
        assert default.message == cls.default_message and default.code == cls.code
        given = cls("Given", status=422, code="other", type="other", fields=(field,), body=b"x")
        assert read_error(given)["code"] == "other" and given.fields == (field,)
        copied = pickle.loads(pickle.dumps(given))
        assert type(copied) is cls and copied.code == "other" and copied.body == b"x"


class PaymentError(QonversionError, default_message="Payment failed", fault="client"):
    """A client's own error, sharing the hierarchy (the old __init_subclass__ keywords)."""

    def __init__(self, order: str, *, status: int | None = None) -> None:
        super().__init__(f"Order {order} failed", status=status, code="payment_failed")
        self.order = order


def check_subclassing() -> None:
    error = PaymentError("A1", status=402)
    assert read_error(error)["code"] == "payment_failed" and error.order == "A1"
    assert PaymentError.default_message == "Payment failed" and PaymentError.fault == "client"
    try:
        raise error
    except QonversionError as caught:
        assert caught is error


def check_from_response() -> None:
    reader: ResponseReader = from_response
    bodies: list[Any] = [
        VALIDATION_BODY,
        VALIDATION_BODY.encode(),
        bytearray(VALIDATION_BODY.encode()),
        memoryview(VALIDATION_BODY.encode()),
    ]
    for body in bodies:
        error: QonversionError = reader(400, body)
        assert isinstance(error, InvalidDataError), error
        seen = read_error(error)
        assert seen["status"] == 400 and seen["message"] == "Bad email"
        assert seen["type"] is ErrorType.REQUEST and seen["code"] is ErrorCode.INVALID_DATA
        assert seen["fields"] == {"email": ["is invalid", "is taken"]}
        assert seen["reference"] == "https://example.com/ref"
        assert handle(error) == "INVALID_DATA (Request): Bad email; check the form"
        assert isinstance(seen["body"], dict)

    details = from_response(status=404, body=DETAILS_BODY)
    assert isinstance(details, NotFoundError) and isinstance(details, ResourceError)
    assert read_error(details)["fields"] == {"id": ["unknown"]}
    assert details.body == DETAILS_BODY

    newer = from_response(400, {"error": {"type": "request", "code": "brand_new"}})
    assert type(newer) is RequestError and newer.code == "brand_new"
    assert not isinstance(newer.code, ErrorCode) and newer.type is ErrorType.REQUEST
    assert describe_any(newer.code) == "a newer code: BRAND_NEW"
    assert handle(newer) == "BRAND_NEW (Request): Unknown error; update the app"
    # widened in format 2: a code the catalogue does not know may arrive as an int
    numeric = from_response(400, {"data": {"code": 99999, "message": "Odd"}})
    assert describe_any(numeric.code) == "a newer numeric code: 99999"
    assert handle(numeric) == "Odd" and isinstance(numeric, RequestError)

    server = from_response(503, "Service Unavailable")
    assert type(server) is InternalError and server.body == "Service Unavailable"
    assert server.code is None and server.status == 503

    bare = from_response(404)
    assert type(bare) is QonversionError and bare.body is None and bare.status == 404
    nothing = from_response(None, None)
    assert type(nothing) is QonversionError and nothing.status is None
    odd = from_response(500, [1, 2, 3])
    assert isinstance(odd, InternalError) and odd.body == [1, 2, 3]
    for code, cls in CODE_CLASSES.items():
        body = {"error": {"code": code.value, "message": code.name}}
        made = from_response(cls.status or 500, body)
        assert type(made) is cls and made.code is code and made.message == code.name
        assert describe_any(made.code) == describe(code)


class RequestsLike:
    def __init__(self, status_code: int, content: bytes) -> None:
        self.status_code = status_code
        self.content = content


class UrllibLike:
    def __init__(self, status: int, body: bytes) -> None:
        self.status = status
        self.body = body

    def read(self) -> bytes:
        return self.body


class GetcodeLike:
    def __init__(self, code: int) -> None:
        self.code_ = code

    def getcode(self) -> int:
        return self.code_

    def read(self) -> bytes:
        return b'{"error": {"code": "control_unauthorized"}}'


def check_raise_for_response() -> None:
    raiser: Raiser = raise_for_response
    raiser(RequestsLike(200, b"{}"))
    raise_for_response(response=UrllibLike(204, b""))
    try:
        raise_for_response(RequestsLike(400, VALIDATION_BODY.encode()))
    except InvalidDataError as error:
        assert read_error(error)["fields"] == {"email": ["is invalid", "is taken"]}
    else:
        raise AssertionError("400 raises")
    try:
        raise_for_response(UrllibLike(422, b'{"error": {"code": "purchase_fraud"}}'))
    except (NotFoundError, EndpointNotImplementedError):
        raise AssertionError("wrong class") from None
    except LogicalError as error:
        assert isinstance(error, PurchaseFraudError) and error.code is ErrorCode.PURCHASE_FRAUD
    try:
        raise_for_response(GetcodeLike(401))
    except RequestError as error:
        assert type(error) is ControlUnauthorizedError and error.status == 401
    try:
        raise_for_response(RequestsLike(502, b"<html>Bad gateway</html>"))
    except QonversionError as error:
        assert isinstance(error, InternalError) and error.body == "<html>Bad gateway</html>"
        # Every error answers retryable since error objects grew (a 502 is retried).
        assert error.retryable is True and error.fault == "server"
    try:
        raise_for_response(RequestsLike(500, b'{"error": {"code": "storage_error"}}'))
    except InternalError as error:
        if error.retryable:
            assert isinstance(error, StorageError)
        else:
            raise AssertionError("storage errors are retryable") from error


def check_lookup() -> None:
    finder: CodeLookup = lookup
    for code, cls in CODE_CLASSES.items():
        by_member: type[QonversionError] = finder(code)
        by_text: type[QonversionError] = lookup(code.value)
        assert by_member is by_text is cls
    assert lookup(code="not_found") is NotFoundError
    try:
        lookup("no_such_code")
    except KeyError:
        pass
    else:
        raise AssertionError("lookup raises KeyError for an unknown code")
    error = lookup(ErrorCode.NOT_FOUND)("gone", status=404)
    assert isinstance(error, NotFoundError) and error.message == "gone"


def main() -> None:
    check_names()
    check_enums()
    check_field_error()
    check_construction()
    check_subclassing()
    check_from_response()
    check_raise_for_response()
    check_lookup()
    print(f"usage probe: {len(OLD_ALL)} names, {len(ALL_CLASSES)} classes: ok")


if __name__ == "__main__":
    main()
