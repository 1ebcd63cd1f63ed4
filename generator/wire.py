"""How a response is read, once, in the generator's own terms: the reference that the
conformance fixtures are computed with, and that every language's runtime must agree with.

    1. The body: bytes are UTF-8 (a BOM dropped); text is JSON when it parses as strict JSON
       (no NaN or Infinity), else it stays text.
    2. The envelopes that apply, in catalogue order: a JSON body to JSON envelopes, a text
       body that is not HTML to text envelopes; each one's `when` must hold (a media type
       holds when the response has none; an envelope without `when: statuses` applies to
       4xx, 5xx and unknown statuses only).
    3. Each member (code, type, message, reference, field errors, each extra) comes from the
       first applying envelope that has it. An envelope with `errors` reads its members
       from the deciding error of its list, and keeps every error.
    4. The class: the code's, else a status class that wins over the type, else the type's,
       else any other status class, else the one type of the status's codes, else the base.
       A code the catalogue lists as removed is not known: the error says it was removed,
       and when the body has no type, the removed code's last type (if it still exists)
       stands for it.
    5. Besides the body: the request id (the first of the catalogue's request id headers),
       how long to wait (retry-after-ms, else Retry-After in seconds or as an HTTP date
       counted from the response's Date), whether to retry (the code's word when the code
       is known, else whether the status is one of the catalogue's retry statuses) and
       whether the client is throttled (a 429, or a code that says so).
"""

from __future__ import annotations

import calendar
import json
import math
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import jsonpath
from .model import (
    Catalogue,
    Envelope,
    ErrorCode,
    ErrorType,
    Extra,
    FieldError,
    FieldSource,
    Status,
    StatusClass,
    Tombstone,
    Wire,
    filled_at_once,
)

_MISSING = jsonpath.MISSING
BLANK = " \t\n\f\r"
"""What a text body's message is stripped of: ASCII whitespace as WHATWG defines it, the same
in every language (Python's str.strip and JavaScript's trim each strip more, and differently)."""


@filled_at_once
@dataclass(frozen=True)
class Field:
    name: str
    messages: tuple[str, ...]
    code: Wire | None = None
    type: Wire | None = None
    pointer: str | None = None


@filled_at_once
@dataclass(frozen=True)
class Item:
    """One error a body carries."""

    raw_code: Wire | None = None
    raw_type: Wire | None = None
    message: str | None = None
    reference: str | None = None
    fields: tuple[Field, ...] = ()
    extras: Mapping[str, Any] = field(default_factory=dict)
    request_id: str | None = None


@filled_at_once
@dataclass(frozen=True)
class Reading:
    """What a binding must make of a response."""

    entry: ErrorCode | ErrorType | StatusClass | None
    status: int | None
    raw_code: Wire | None
    code: Wire | None
    raw_type: Wire | None
    type: Wire | None
    message: str
    reference: str | None
    fields: tuple[Field, ...]
    extras: Mapping[str, Any]
    errors: tuple[Item, ...]
    body: Any
    body_is_json: bool
    request_id: str | None = None
    retry_after: float | None = None
    retryable: bool = False
    throttled: bool = False
    removed: bool = False
    """Whether the code is one the catalogue lists as removed."""
    fault: str | None = None
    """Whose fault the class says it is: its code's, else its type's; None for others."""


def parse(body: bytes | str) -> tuple[Any, bool]:
    """(the body as JSON, True) when it is strict JSON, else (its text, False)."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    text = text.removeprefix("\ufeff")

    def refuse(constant: str) -> Any:
        raise ValueError(constant)

    try:
        return json.loads(text, parse_constant=refuse), True
    except (ValueError, RecursionError):
        return text, False


def _wire(value: Any) -> Wire | None:
    """A code or type as a binding holds it: a string, or an integer (1.0 is 1)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return None


def _select(node: Any, path: str | None) -> Any:
    return _MISSING if path is None else jsonpath.select_text(node, path)


def _status_matches(entry: str, status: int) -> bool:
    if entry.endswith("xx"):
        return len(str(status)) == 3 and str(status)[0] == entry[0]
    return entry == str(status)


def _is_html(text: str, media_type: str | None) -> bool:
    return media_type == "text/html" or text.lstrip(BLANK)[:1] == "<"


def applies(
    envelope: Envelope, status: int | None, media_type: str | None, body: Any, is_json: bool
) -> bool:
    if envelope.body == "text":
        if is_json or not isinstance(body, str) or not body.strip(BLANK):
            return False
        if _is_html(body, media_type):
            return False
    elif not is_json:
        return False
    when = envelope.when
    if when is None or not when.statuses:
        if status is not None and not 400 <= status <= 599:
            return False
    elif status is None or not any(_status_matches(entry, status) for entry in when.statuses):
        return False
    if when is None:
        return True
    if when.media_types and media_type is not None and media_type not in when.media_types:
        return False
    if any(_select(body, path) is _MISSING for path in when.present):
        return False
    return all(
        (value := _select(body, path)) is not _MISSING and jsonpath._equal(value, literal)
        for path, literal in when.equals
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _of_kind(value: Any, kind: str) -> bool:
    if value is _MISSING or value is None:
        return False
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return _wire(value) is not None and not isinstance(value, str)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "strings":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    return True


def _extra_value(node: Any, extra: Extra) -> Any:
    value = _select(node, extra.path)
    if not _of_kind(value, extra.kind):
        return _MISSING
    return _wire(value) if extra.kind == "integer" else value


def _fields(node: Any, source: FieldSource) -> tuple[Field, ...]:
    found = _select(node, source.path)
    if found is _MISSING:
        return ()
    if source.shape == "map":
        return tuple(_map_fields(found, ""))
    if source.shape == "strings":
        texts = [item for item in found if isinstance(item, str)] if isinstance(found, list) else []
        return (Field("", tuple(texts)),) if texts else ()
    items = found if isinstance(found, list) else [found]
    grouped: dict[tuple[Any, ...], list[str]] = {}
    for item in items:
        if isinstance(item, str):  # a bare message in a list of objects names no field
            grouped.setdefault(("", None, None, None), []).append(item)
            continue
        pointer = _text(_select(item, source.pointer))
        name = _text(_select(item, source.name)) if source.name is not None else pointer
        if name is None:
            continue
        if source.messages is not None:
            raw = _select(item, source.messages)
            texts = [t for t in raw if isinstance(t, str)] if isinstance(raw, list) else []
        else:
            single = _text(_select(item, source.message))
            texts = [single] if single is not None else []
        key = (
            name,
            _wire(_select(item, source.code)),
            _wire(_select(item, source.type)),
            pointer,
        )
        grouped.setdefault(key, []).extend(texts)
    return tuple(
        Field(name, tuple(texts), code, kind, pointer)
        for (name, code, kind, pointer), texts in grouped.items()
    )


def _map_fields(node: Any, prefix: str) -> list[Field]:
    if not isinstance(node, dict):
        return []
    found: list[Field] = []
    for key, value in jsonpath.members(node):
        name = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, str):
            found.append(Field(name, (value,)))
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            found.append(Field(name, tuple(value)))
        else:
            found += _map_fields(value, name)
    return found


class Reader:
    """Reads responses the way the catalogue says."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.codes: dict[tuple[type, Wire], ErrorCode] = {
            (type(value), value): code
            for code in catalogue.codes
            for value in code.wire or (code.key,)
        }
        self.removed: dict[tuple[type, Wire], Tombstone] = {
            (type(value), value): gone for gone in catalogue.removed for value in gone.sent_as
        }
        self.types: dict[tuple[type, Wire], ErrorType] = {
            (type(value), value): error_type
            for error_type in catalogue.types
            for value in error_type.wire or (error_type.key,)
        }

    def code_for(self, raw: Wire | None, envelope: Envelope) -> ErrorCode | None:
        return self.codes.get(_code_key(raw, envelope)) if raw is not None else None

    def tombstone_for(self, raw: Wire | None, envelope: Envelope) -> Tombstone | None:
        """The removed code a server sent, if it sent one."""
        return self.removed.get(_code_key(raw, envelope)) if raw is not None else None

    def type_for(self, raw: Wire | None) -> ErrorType | None:
        return self.types.get((type(raw), raw)) if raw is not None else None

    def _item(self, node: Any, envelope: Envelope) -> Item:
        extras = {}
        for extra in envelope.extras:
            value = _extra_value(node, extra)
            if value is not _MISSING:
                extras[extra.name] = value
        raw_code = _wire(_select(node, envelope.code))
        code = self.code_for(raw_code, envelope)
        for extra in code.extras if code is not None else ():
            value = _extra_value(node, extra)
            if value is not _MISSING:
                extras[extra.name] = value
        fields: tuple[Field, ...] = ()
        for source in envelope.fields:
            fields = _fields(node, source)
            if fields:
                break
        return Item(
            raw_code=raw_code,
            raw_type=_wire(_select(node, envelope.type)),
            message=_text(_select(node, envelope.message)),
            reference=_text(_select(node, envelope.reference)),
            fields=fields,
            extras=extras,
            request_id=_text(_select(node, envelope.request_id)),
        )

    def _items(self, body: Any, envelope: Envelope) -> tuple[Item | None, tuple[Item, ...]]:
        """(the item that decides, every item) of an envelope for a body."""
        if envelope.body == "text":
            return Item(message=body.strip(BLANK)), ()
        if envelope.errors is None:
            return self._item(body, envelope), ()
        found = _select(body, envelope.errors)
        nodes = found if isinstance(found, list) else [] if found is _MISSING else [found]
        items = tuple(self._item(node, envelope) for node in nodes if isinstance(node, dict))
        deciding = items[0] if items else None
        if envelope.decides == "first_known":
            deciding = next(
                (i for i in items if self.code_for(i.raw_code, envelope) is not None), deciding
            )
        return deciding, items

    def read(
        self,
        status: int | None,
        body: bytes | str,
        media_type: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Reading:
        """What a binding must make of a response; headers other than Content-Type are by
        lowercase name."""
        parsed, is_json = parse(body)
        return self.read_parsed(status, parsed, is_json, media_type, headers)

    def read_parsed(
        self,
        status: int | None,
        parsed: Any,
        is_json: bool,
        media_type: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Reading:
        """read, for a body already parsed (is_json) or text that is not JSON."""
        headers = headers or {}
        envelopes = [
            envelope
            for envelope in self.catalogue.envelopes
            if applies(envelope, status, media_type, parsed, is_json)
        ]
        members: dict[str, Any] = {}
        extras: dict[str, Any] = {}
        errors: tuple[Item, ...] = ()
        code_envelope: Envelope | None = None
        for envelope in envelopes:
            item, items = self._items(parsed, envelope)
            if items and not errors:
                errors = items
            if item is None:
                continue
            if "raw_code" not in members and item.raw_code is not None:
                members["raw_code"], code_envelope = item.raw_code, envelope
            for name in ("raw_type", "message", "reference", "request_id"):
                value = getattr(item, name)
                if name not in members and value is not None:
                    members[name] = value
            if "fields" not in members and item.fields:
                members["fields"] = item.fields
            for name, value in item.extras.items():
                extras.setdefault(name, value)
        raw_code = members.get("raw_code")
        code = self.code_for(raw_code, code_envelope) if code_envelope is not None else None
        raw_type = members.get("raw_type")
        error_type = self.type_for(raw_type)
        gone = (
            self.tombstone_for(raw_code, code_envelope)
            if code is None and code_envelope is not None
            else None
        )
        known_types = {error_type.key for error_type in self.catalogue.types}
        if error_type is None and raw_type is None and gone is not None:
            error_type = self.catalogue.type(gone.type) if gone.type in known_types else None
        entry = self.choose(code, error_type, status)
        # What the body leaves out, the class says.
        if error_type is not None:
            type_: Wire | None = error_type.key
        elif raw_type is not None:
            type_ = raw_type
        elif isinstance(entry, ErrorCode):
            type_ = entry.type
        else:
            type_ = entry.key if isinstance(entry, ErrorType) else None
        message = members.get("message")
        if message is None:
            message = entry.message if isinstance(entry, ErrorCode) else "Unknown error"
        return Reading(
            entry=entry,
            status=status,
            raw_code=raw_code,
            code=code.key if code is not None else raw_code,
            raw_type=raw_type,
            type=type_,
            message=message,
            reference=members.get("reference"),
            fields=members.get("fields", ()),
            extras=extras,
            errors=errors,
            body=parsed,
            body_is_json=is_json,
            request_id=next(
                (
                    headers[name].strip(" \t")
                    for name in self.catalogue.http.request_id_headers
                    if headers.get(name, "").strip(" \t")
                ),
                members.get("request_id"),
            ),
            retry_after=retry_after(headers),
            retryable=(
                entry.retryable
                if isinstance(entry, ErrorCode)
                else status in self.catalogue.http.retry_statuses
            ),
            throttled=status == 429 or (isinstance(entry, ErrorCode) and entry.throttling),
            removed=gone is not None,
            fault=entry.fault if isinstance(entry, ErrorCode | ErrorType) else None,
        )

    def choose(
        self, code: ErrorCode | None, error_type: ErrorType | None, status: int | None
    ) -> ErrorCode | ErrorType | StatusClass | None:
        if code is not None:
            return code
        status_class = self.status_class(status)
        if status_class is not None and status_class.wins_over_type:
            return status_class
        if error_type is not None:
            return error_type
        if status_class is not None:
            return status_class
        entry = self.status_entry(status)
        return self.catalogue.type_for_status(entry) if entry is not None else None

    def status_entry(self, status: int | None) -> Status | None:
        """The catalogue's entry for a numeric status: the exact one, else its range."""
        if status is None:
            return None
        exact = [s for s in self.catalogue.statuses if not s.is_range and s.first == status]
        ranged = [s for s in self.catalogue.statuses if s.is_range and s.first <= status <= s.last]
        return next(iter(exact or ranged), None)

    def status_class(self, status: int | None) -> StatusClass | None:
        if status is None:
            return None
        exact = str(status)
        ranged = f"{exact[0]}xx" if len(exact) == 3 else None
        for key in (exact, ranged):
            for status_class in self.catalogue.status_classes:
                if key in status_class.statuses:
                    return status_class
        return None


def _code_key(raw: Wire, envelope: Envelope) -> tuple[type, Wire]:
    """How a code a server sent is looked up: exactly, or by its URL's last segment."""
    if envelope.code_from == "last_segment" and isinstance(raw, str):
        return (str, raw.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1])
    return (type(raw), raw)


def as_field_error(field: Field) -> FieldError:
    return FieldError(field.name, field.messages)


_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_TIME = r"(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})"
_HTTP_DATES = [  # the three forms RFC 9110 reads
    re.compile(
        rf"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?P<day>[0-9]{{2}}) (?P<month>[A-Za-z]{{3}}) "
        rf"(?P<year>[0-9]{{4}}) {_TIME} GMT"
    ),
    re.compile(
        rf"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?P<day>[0-9]{{2}})-"
        rf"(?P<month>[A-Za-z]{{3}})-(?P<year>[0-9]{{2}}) {_TIME} GMT"
    ),
    re.compile(
        rf"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?P<month>[A-Za-z]{{3}}) (?P<day>[ 0-9][0-9]) "
        rf"{_TIME} (?P<year>[0-9]{{4}})"
    ),
]


def http_date(text: str) -> float | None:
    """Seconds since the epoch of an HTTP date, or None."""
    for pattern in _HTTP_DATES:
        match = pattern.fullmatch(text.strip(" \t"))
        if match is None or match["month"] not in _MONTHS:
            continue
        year = int(match["year"])
        if len(match["year"]) == 2:
            year += 1900 if year >= 70 else 2000
        day, hour = int(match["day"]), int(match["hour"])
        minute, second = int(match["minute"]), int(match["second"])
        if not (1 <= day <= 31 and hour <= 23 and minute <= 59 and second <= 60):
            return None
        month = _MONTHS.index(match["month"]) + 1
        return float(calendar.timegm((year, month, day, hour, minute, second)))
    return None


def retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds to wait before retrying, as the response asks; never negative."""
    milliseconds = headers.get("retry-after-ms", "").strip(" \t")
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", milliseconds):
        return float(milliseconds) / 1000
    text = headers.get("retry-after", "").strip(" \t")
    if re.fullmatch(r"[0-9]+", text):
        return float(int(text))
    when = http_date(text)
    if when is None:
        return None
    now = http_date(headers.get("date", ""))
    return max(0.0, when - (time.time() if now is None else now))
