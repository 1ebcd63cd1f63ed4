"""Conformance cases: responses a server may send, each with the error every binding must
make of it. Derived from the catalogue alone, so the bindings of every language are held to
the same expectations, including the fallbacks for what the catalogue does not know."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from . import escape
from .model import Catalogue, ErrorCode, ErrorType, FieldError, Status

if TYPE_CHECKING:
    from .target import Language


def _status_number(status: Status) -> int:
    return status.first


def _expect(
    languages: Sequence[Language],
    entry: ErrorCode | ErrorType | None,
    status: int | None,
    code: str | None,
    error_type: str | None,
    message: str,
    fields: tuple[FieldError, ...] = (),
    reference: str | None = None,
    body_is_json: bool = True,
) -> dict[str, Any]:
    # What the server left out, the class fills in from the catalogue.
    if isinstance(entry, ErrorCode):
        code, error_type = code or entry.key, error_type or entry.type
    elif isinstance(entry, ErrorType):
        error_type = error_type or entry.key
    return {
        "classes": {language.name: language.class_name(entry) for language in languages},
        "status": status,
        "code": code,
        "type": error_type,
        "message": message,
        "fields": [{"name": f.name, "messages": list(f.messages)} for f in fields],
        "reference": reference,
        "body_is_json": body_is_json,
    }


def _case(name: str, status: int | None, body: Any, expect: dict[str, Any]) -> dict[str, Any]:
    text = body if isinstance(body, str) else escape.compact_json(body)
    return {
        "name": name,
        "status": status,
        "content_type": "application/json" if expect["body_is_json"] else "text/html",
        "body": text,
        "expect": expect,
    }


def cases(catalogue: Catalogue, languages: Sequence[Language]) -> Iterator[dict[str, Any]]:
    """One case at a time: for a large catalogue the whole list would not fit in memory."""
    reference = catalogue.api.reference
    showcase = catalogue.showcase
    for code in catalogue.codes:
        status = _status_number(catalogue.status(code.status))
        # Every code in the main envelope; the others differ in layout, not by code, so the
        # showcase code stands for all in them (and keeps a large catalogue's file half as big).
        envelopes = catalogue.envelopes if code is showcase else catalogue.envelopes[:1]
        for envelope in envelopes:
            body = catalogue.example(code, envelope)
            fields = code.example_fields if envelope.fields else ()
            yield (
                _case(
                    f"{code.key} in the {envelope.key} envelope",
                    status,
                    body,
                    _expect(
                        languages,
                        code,
                        status,
                        code.key,
                        code.type,
                        code.message,
                        fields,
                        reference if envelope.reference else None,
                    ),
                )
            )
    for envelope in catalogue.envelopes:
        for source in envelope.fields[1:]:
            body = envelope.example(
                showcase.type,
                showcase.key,
                showcase.message,
                reference,
                showcase.example_fields,
                source,
            )
            yield (
                _case(
                    f"{showcase.key} with field errors at {source.path}",
                    _status_number(catalogue.status(showcase.status)),
                    body,
                    _expect(
                        languages,
                        showcase,
                        _status_number(catalogue.status(showcase.status)),
                        showcase.key,
                        showcase.type,
                        showcase.message,
                        showcase.example_fields,
                        reference if envelope.reference else None,
                    ),
                )
            )
    yield from _fallbacks(catalogue, languages)


def _fallbacks(catalogue: Catalogue, languages: Sequence[Language]) -> list[dict[str, Any]]:
    envelope = catalogue.envelopes[0]
    first_type = catalogue.types[0]
    reference = catalogue.api.reference if envelope.reference else None

    def body(code: str, error_type: str, message: str) -> dict[str, Any]:
        return envelope.example(error_type, code, message, catalogue.api.reference)

    found = [
        _case(
            "an unknown code of a known type",
            400,
            body("code_from_the_future", first_type.key, "Something new"),
            _expect(
                languages,
                first_type,
                400,
                "code_from_the_future",
                first_type.key,
                "Something new",
                reference=reference,
            ),
        ),
        _case(
            "an unknown code and an unknown type",
            418,
            body("teapot", "kitchen", "I am a teapot"),
            _expect(
                languages, None, 418, "teapot", "kitchen", "I am a teapot", reference=reference
            ),
        ),
    ]
    for status in catalogue.statuses:
        error_type = catalogue.type_for_status(status)
        if not status.is_error:
            continue
        number = _status_number(status)
        for what, text in (
            ("a non-JSON error page", "<html><body><h1>Bad Gateway</h1></body></html>"),
            ("an empty body", ""),
        ):
            expect = _expect(
                languages, error_type, number, None, None, "Unknown error", body_is_json=False
            )
            found.append(_case(f"{what} with status {number}", number, text, expect))
    found.append(
        _case(
            "a JSON body of the wrong shape",
            599,
            ["error", {"code": 42}],
            _expect(languages, _type_for_number(catalogue, 599), 599, None, None, "Unknown error"),
        )
    )
    return found


def _type_for_number(catalogue: Catalogue, number: int) -> ErrorType | None:
    exact = [s for s in catalogue.statuses if s.first == number == s.last]
    ranges = [s for s in catalogue.statuses if s.first <= number <= s.last and s.is_range]
    for status in exact or ranges:
        return catalogue.type_for_status(status)
    return None
