"""A client of the lifecycle case's package (tests/cases/lifecycle): every use of something
the catalogue deprecates is reported by mypy (--enable-error-code deprecated) and pyright
strict, so each such line carries an ignore that --warn-unused-ignores and
reportUnnecessaryTypeIgnoreComment insist is needed. What is not deprecated, the package's
own uses of what is, and enum members (which PEP 702 cannot mark) carry none."""

from __future__ import annotations

import acme_errors as ae
from acme_errors import InvalidRequestError  # type: ignore[deprecated]


def handle(error: ae.AcmeError) -> str:
    if isinstance(error, ae.InvalidRequestError):  # type: ignore[deprecated]
        return "a deprecated code's class"
    if isinstance(error, ae.GoneAwayError):  # type: ignore[deprecated]
        return "a deprecated code's class, replaced"
    if isinstance(error, ae.LegacyError):  # type: ignore[deprecated]
        return "a deprecated type's class"
    if isinstance(error, ae.UnauthorizedError):  # type: ignore[deprecated]
        return "a deprecated status class"
    if isinstance(error, ae.BadDataError):  # type: ignore[deprecated]
        return "a previous name"
    if isinstance(error, ae.OldStyleError):  # type: ignore[deprecated]
        return "a previous name of a deprecated class"
    if isinstance(error, ae.NotFoundError | ae.InvalidDataError | ae.StorageError):
        return "not deprecated (NotFoundError's type is; the class itself is not)"
    return "other"


def raise_one() -> None:
    # mypy reports a name imported from the package where it is imported, pyright each use.
    raise InvalidRequestError("x")  # type: ignore[deprecated, unused-ignore]


def raise_another() -> None:
    raise ae.InvalidRequestError("x")  # type: ignore[deprecated]


def members() -> list[object]:
    return [ae.ErrorCode.INVALID_REQUEST, ae.ErrorType.LEGACY, ae.lookup("invalid_request")]


def records() -> list[object]:
    gone = ae.tombstone("receipt_invalid")
    return [gone, gone.replaced_by if gone else None, ae.InvalidDataError("x").removed]
