"""Conformance cases: responses a server may send, each with the error every binding must
make of it. The responses come from the catalogue (every code in its envelopes, its other
wire values, every field shape, several errors, status classes, text, HTML, odd bytes), and
what a binding must make of each is read by the reference reader (generator/wire.py), so
the bindings of every language are held to one reading."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from . import escape, jsonpath, wire
from .model import Catalogue, Envelope, ErrorCode, Example, Wire

if TYPE_CHECKING:
    from .target import Language


def _field(field: wire.Field) -> dict[str, Any]:
    return {
        "name": field.name,
        "messages": list(field.messages),
        "code": field.code,
        "type": field.type,
        "pointer": field.pointer,
    }


def _item(item: wire.Item, reader: wire.Reader, envelope: Envelope | None) -> dict[str, Any]:
    code = reader.code_for(item.raw_code, envelope) if envelope is not None else None
    error_type = reader.type_for(item.raw_type)
    return {
        "code": code.key if code is not None else item.raw_code,
        "raw_code": item.raw_code,
        "type": error_type.key if error_type is not None else item.raw_type,
        "message": item.message,
        "fields": [_field(field) for field in item.fields],
        "extras": dict(item.extras),
    }


def _expect(
    reading: wire.Reading,
    languages: Sequence[Language],
    reader: wire.Reader,
    envelope: Envelope | None,
) -> dict[str, Any]:
    expect = {
        "classes": {language.name: language.class_name(reading.entry) for language in languages},
        "status": reading.status,
        "code": reading.code,
        "raw_code": reading.raw_code,
        "type": reading.type,
        "message": reading.message,
        "fields": [_field(field) for field in reading.fields],
        "reference": reading.reference,
        "extras": dict(reading.extras),
        "errors": [_item(item, reader, envelope) for item in reading.errors],
        "body_is_json": reading.body_is_json,
        "request_id": reading.request_id,
        "retry_after": reading.retry_after,
        "retryable": reading.retryable,
        "throttled": reading.throttled,
        "fault": reading.fault,
    }
    if reading.removed:  # only then, so that fixtures of catalogues without removed codes stay
        expect["removed"] = True
    return expect


class _Cases:
    def __init__(self, catalogue: Catalogue, languages: Sequence[Language]) -> None:
        self.catalogue = catalogue
        self.languages = languages
        self.reader = wire.Reader(catalogue)

    def case(
        self,
        name: str,
        status: int | None,
        body: Any,
        media_type: str | None = None,
        envelope: Envelope | None = None,
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        headers = headers or {}
        if isinstance(body, str):
            text, reading = body, self.reader.read(status, body, media_type, headers)
        else:  # what the text would parse back to: the body itself
            text = escape.compact_json(body)
            reading = self.reader.read_parsed(status, body, True, media_type, headers)
        error = (
            status is None
            or 400 <= status <= 599
            or any(member is not None for member in (reading.raw_code, reading.raw_type))
        )
        return {
            "name": name,
            "status": status,
            "content_type": media_type,
            "headers": headers,
            "body": text,
            "is_error": error,
            "expect": _expect(reading, self.languages, self.reader, envelope),
        }

    def status_for(self, code: ErrorCode, envelope: Envelope) -> int:
        """A concrete status the code comes with that the envelope reads."""
        for key in code.statuses:
            number = self.catalogue.status(key).first
            if envelope.when is None or not envelope.when.statuses:
                if 400 <= number <= 599:
                    return number
            elif any(wire._status_matches(entry, number) for entry in envelope.when.statuses):
                return number
        return self.catalogue.status(code.status).first

    @staticmethod
    def media_type(envelope: Envelope) -> str | None:
        if envelope.when is not None and envelope.when.media_types:
            return envelope.when.media_types[0]
        return "text/plain" if envelope.body == "text" else "application/json"

    def reads_as(self, case: dict[str, Any], code: ErrorCode) -> bool:
        return bool(case["expect"]["code"] == code.key)


def cases(catalogue: Catalogue, languages: Sequence[Language]) -> Iterator[dict[str, Any]]:
    """One case at a time: for a large catalogue the whole list would not fit in memory."""
    maker = _Cases(catalogue, languages)
    showcase = catalogue.showcase
    json_envelopes = [e for e in catalogue.envelopes if e.body == "json"]
    for code in catalogue.codes:
        # Every code in the first envelope that reads it; the others differ in layout, not by
        # code, so the showcase code stands for all in them (and keeps the file small).
        found = False
        for envelope in json_envelopes:
            if found and code is not showcase:
                break
            body = envelope.example(catalogue.example_values(code))
            case = maker.case(
                f"{code.key} in the {envelope.key} envelope",
                maker.status_for(code, envelope),
                body,
                maker.media_type(envelope),
                envelope,
            )
            if maker.reads_as(case, code):
                found = True
                yield case
        first = json_envelopes[0] if json_envelopes else None
        for value in code.wire[1:] if first is not None and first.code is not None else ():
            assert first is not None
            body = first.example(replace(catalogue.example_values(code), code=value))
            yield maker.case(
                f"{code.key} sent as {value!r}",
                maker.status_for(code, first),
                body,
                maker.media_type(first),
                first,
            )
    for envelope in json_envelopes:
        for source in envelope.fields[1:]:
            body = envelope.example(catalogue.example_values(showcase), source)
            yield maker.case(
                f"{showcase.key} with field errors at {source.path}",
                maker.status_for(showcase, envelope),
                body,
                maker.media_type(envelope),
                envelope,
            )
        if envelope.errors is not None and envelope.code is not None:
            yield from _several(maker, envelope, showcase)
    yield from _fallbacks(maker)
    yield from _beside_the_body(maker)


FUTURE: Wire = "code_from_the_future"
"""A code for cases of codes a binding does not know (the reference reader says what a
binding makes of it, even for a catalogue that happens to list it)."""


def _several(maker: _Cases, envelope: Envelope, code: ErrorCode) -> Iterator[dict[str, Any]]:
    """A body with two errors: one of a code nobody knows, then a known one."""
    catalogue = maker.catalogue
    known = envelope.example(catalogue.example_values(code))
    unknown = envelope.example(replace(catalogue.example_values(code), code=FUTURE))
    assert envelope.errors is not None
    segments = jsonpath.parse(envelope.errors)
    items = [jsonpath.select(unknown, segments)[0], jsonpath.select(known, segments)[0]]
    jsonpath.put(known, segments, items)
    yield maker.case(
        f"two errors in the {envelope.key} envelope",
        maker.status_for(code, envelope),
        known,
        maker.media_type(envelope),
        envelope,
    )


def _fallbacks(maker: _Cases) -> Iterator[dict[str, Any]]:
    catalogue = maker.catalogue
    json_envelopes = [e for e in catalogue.envelopes if e.body == "json"]
    envelope = next((e for e in json_envelopes if e.when is None), None)
    first_type = catalogue.types[0] if catalogue.types else None
    if envelope is not None and envelope.code is not None:
        values = catalogue.example_values(catalogue.codes[0])
        future: Example = replace(values, code=FUTURE, fields=(), extras=())
        if first_type is not None:
            yield maker.case(
                "an unknown code of a known type",
                400,
                envelope.example(
                    replace(future, type=catalogue.type_wire(first_type), message="Something new")
                ),
                "application/json",
                envelope,
            )
        yield maker.case(
            "an unknown code and an unknown type",
            418,
            envelope.example(replace(future, type="kitchen", message="I am a teapot")),
            "application/json",
            envelope,
        )
        for gone in catalogue.removed:
            # A removed code is not known; without a type in the body, its last type stands.
            first = int(gone.status[0]) * 100 if gone.status.endswith("xx") else int(gone.status)
            yield maker.case(
                f"the removed code {gone.key}",
                first,
                envelope.example(replace(future, code=gone.sent_as[0], type=None, message="Gone")),
                "application/json",
                envelope,
            )
        if catalogue.removed and first_type is not None:
            # The body's type wins over the removed code's last one.
            gone = catalogue.removed[0]
            other = next((t for t in catalogue.types if t.key != gone.type), first_type)
            yield maker.case(
                f"the removed code {gone.key} with a type",
                400,
                envelope.example(
                    replace(future, code=gone.sent_as[-1], type=catalogue.type_wire(other))
                ),
                "application/json",
                envelope,
            )
        yield maker.case(
            "a JSON body with a byte order mark",
            400,
            "\ufeff" + escape.compact_json(envelope.example(values)),
            "application/json",
            envelope,
        )
        yield maker.case(
            "a body with NaN, which is not JSON",
            400,
            '{"error": NaN, "code": Infinity}',
            "application/json",
            envelope,
        )
    for status in catalogue.statuses:
        if not status.is_error:
            continue
        number = status.first
        for what, text, media_type in (
            (
                "a non-JSON error page",
                "<html><body><h1>Bad Gateway</h1></body></html>",
                "text/html",
            ),
            ("an empty body", "", None),
            ("a plain text body", "Service temporarily unavailable", "text/plain"),
        ):
            yield maker.case(f"{what} with status {number}", number, text, media_type)
    # Only ASCII blanks are stripped from a text message, in every language (Python's
    # str.strip and JavaScript's trim each strip more, and differently).
    first_error = next((status.first for status in catalogue.statuses if status.is_error), 500)
    yield maker.case(
        "a plain text body between blanks that are not ASCII",
        first_error,
        "\u00a0\x1c Unavailable \x85\u2028\ufeff\n",
        "text/plain",
    )
    for status_class in catalogue.status_classes:
        for key in status_class.statuses:
            number = int(key[0]) * 100 if key.endswith("xx") else int(key)
            yield maker.case(
                f"status class {status_class.key} at {number}",
                number,
                {"unrelated": True},
                "application/json",
            )
    yield maker.case("a JSON body of the wrong shape", 599, ["error", {"code": 42}])
    yield maker.case("a success body", 200, {"data": {"id": 1}}, "application/json")


# A Date, and moments 30 seconds after it in each form of HTTP date.
_DATE = "Wed, 21 Oct 2015 07:28:00 GMT"
_LATER = (
    ("as an HTTP date", "Wed, 21 Oct 2015 07:28:30 GMT"),
    ("as an RFC 850 date", "Wednesday, 21-Oct-15 07:28:30 GMT"),
    ("as an asctime date", "Wed Oct 21 07:28:30 2015"),
)


def _beside_the_body(maker: _Cases) -> Iterator[dict[str, Any]]:
    """What a response says in its headers: request ids, how long to wait, and the retry
    advice of statuses no code speaks for."""
    catalogue = maker.catalogue
    json_envelopes = [e for e in catalogue.envelopes if e.body == "json"]
    code = catalogue.codes[0]
    envelope = next((e for e in json_envelopes if e.when is None), None)
    if envelope is not None:
        body = envelope.example(catalogue.example_values(code))
        status = maker.status_for(code, envelope)
        for name in catalogue.http.request_id_headers:
            yield maker.case(
                f"a request id in {name}",
                status,
                body,
                "application/json",
                envelope,
                {name: " req_7Hf3kQ "},
            )
    waits: list[tuple[str, dict[str, str]]] = [
        ("Retry-After in seconds", {"retry-after": "30"}),
        ("retry-after-ms before Retry-After", {"retry-after-ms": "1500", "retry-after": "30"}),
        ("Retry-After that is no delay", {"retry-after": "soon"}),
        (
            "Retry-After in the past",
            {"retry-after": "Wed, 21 Oct 2015 07:27:00 GMT", "date": _DATE},
        ),
        *((f"Retry-After {how}", {"retry-after": when, "date": _DATE}) for how, when in _LATER),
    ]
    for what, headers in waits:
        yield maker.case(f"{what}, status 429", 429, "", None, None, headers)
    for status in (408, 500, 502, 503, 504):
        yield maker.case(f"status {status} with an empty body", status, "", None, None, {})
