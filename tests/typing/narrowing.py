"""What type checkers make of the generated Python package's classes: checked by mypy --strict
--warn-unused-ignores and pyright strict (reportUnnecessaryTypeIgnoreComment), so each
`# type: ignore[...]` below is an error both must report, and each assert_type a type both
must infer. Run, it also passes (assert_type does nothing at run time)."""

from __future__ import annotations

from typing import Literal

import qonversion_errors as q

# The package supports Python 3.10, which is what mypy and pyright check this file as.
from typing_extensions import assert_never, assert_type  # noqa: UP035


def code_narrows_by_class(error: q.QonversionError) -> None:
    assert_type(error.code, q.ErrorCode | str | int | None)
    if isinstance(error, q.NotFoundError):
        assert_type(error.code, Literal[q.ErrorCode.NOT_FOUND])
    if isinstance(error, q.ResourceError):
        assert_type(error.code, q.ErrorCode | str | int | None)
    match error:
        case q.StorageError():
            assert_type(error.code, Literal[q.ErrorCode.STORAGE_ERROR])
        case q.QonversionTimeoutError():
            assert_type(error.sent, bool)
        case _:
            pass


def classes_say_their_code(cls: type[q.QonversionError]) -> None:
    assert_type(q.NotFoundError.code, Literal[q.ErrorCode.NOT_FOUND])
    assert_type(cls.code, q.ErrorCode | str | int | None)
    assert_type(q.lookup("not_found").code, q.ErrorCode | str | int | None)


def known_errors_match_exhaustively(error: q.KnownError) -> str:
    match error:
        case q.RequestError():
            return "request"
        case q.ResourceError():
            return "resource"
        case q.LogicalError():
            return "logical"
        case q.InternalError():
            return "internal"
        case _:
            assert_never(error)


def every_failure_of_the_api_is_one_class() -> None:
    try:
        with q.translated():
            pass
    except q.QonversionTransportError as error:
        assert_type(error.sent, bool)
        assert_type(error.retryable, bool | None)
    except q.QonversionError as error:
        assert_type(error.status, int | None)


def classes_are_not_interchangeable() -> None:
    not_found: q.NotFoundError = q.StorageError()  # type: ignore[assignment]
    resource: q.ResourceError = q.RequestError()  # type: ignore[assignment]
    timeout: q.QonversionTimeoutError = q.QonversionConnectionError()  # type: ignore[assignment]
    known: q.KnownError = q.ResourceError()  # type: ignore[assignment]
    print(not_found, resource, timeout, known)


def extras_are_typed() -> list[q.QonversionError]:
    """Not run: the second would be a TypeError at run time too."""
    return [
        q.QonversionError("x", extras={"reported_status": 404, "reason": "Not Found"}),
        q.QonversionError("x", extras={"reported_status": "four"}),  # type: ignore[arg-type]
        q.QonversionError("x", extras={"no_such_extra": 1}),  # type: ignore[arg-type]
    ]


def codes_are_read_only(error: q.NotFoundError) -> None:
    error.code = q.ErrorCode.STORAGE_ERROR  # type: ignore[assignment]


if __name__ == "__main__":
    code_narrows_by_class(q.from_response(404, {"code": "not_found"}))
    classes_say_their_code(q.QonversionError)
    assert known_errors_match_exhaustively(q.NotFoundError()) == "resource"
    every_failure_of_the_api_is_one_class()
    print("typing: ok")
