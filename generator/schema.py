"""The catalogue format, defined once: the validator and the JSON Schema both come from here."""

from __future__ import annotations

import contextvars
import datetime
import difflib
import functools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import jsonpath
from .model import Http
from .problems import Location, Problem
from .source import Node

if TYPE_CHECKING:
    from .target import Target

FORMAT_VERSION = 2

FORMAT: contextvars.ContextVar[int] = contextvars.ContextVar("format", default=FORMAT_VERSION)
"""The format of the catalogue being checked: keys newer than it are refused, and keys it
requires are required."""
SCHEMA_FILE = "catalogue.schema.json"

INVALID: Any = object()
"""What a check returns for a value it rejected; the problem is already recorded."""

_KINDS = {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}


def _child(at: str, name: str) -> str:
    return f"{at}.{name}" if at else name


def _describe(node: Node) -> str:
    if node.kind != "scalar":
        return f"a {node.kind}"
    if node.value is None:
        return "null (an empty value)"
    return f"{_KINDS.get(type(node.value), 'a value')} ({node.text!r})"


@dataclass(frozen=True)
class Spec:
    doc: str

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def reject(self, node: Node, at: str, expected: str, problems: list[Problem]) -> Any:
        what = at or "the catalogue"
        problems.append(Problem(node.location, f"{what} must be {expected}, not {_describe(node)}"))
        return INVALID


_SURROGATE = re.compile("[\ud800-\udfff]")
_compiled = functools.cache(re.compile)


def _fullmatch(pattern: str, text: str) -> bool:
    """re.fullmatch without its cache's bookkeeping: this runs for most values of a catalogue."""
    return _compiled(pattern).fullmatch(text) is not None


@dataclass(frozen=True)
class Text(Spec):
    pattern: str | None = None
    hint: str = ""
    min_length: int = 1
    max_length: int = 10_000
    """Prose may be long; names, paths and URLs are held shorter below."""

    def __post_init__(self) -> None:
        if self.pattern is not None and self.max_length == 10_000:
            object.__setattr__(self, "max_length", 2_000 if self.pattern == URL else 100)

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        if not isinstance(node.value, str):
            return self.reject(node, at, "a string", problems)
        value: str = node.value
        if len(value) < self.min_length:
            problems.append(Problem(node.location, f"{at} must not be empty"))
            return INVALID
        if len(value) > self.max_length:
            problems.append(
                Problem(node.location, f"{at} is longer than {self.max_length:,} characters")
            )
            return INVALID
        surrogate = None if value.isascii() else _SURROGATE.search(value)
        if surrogate is not None:
            problems.append(
                Problem(
                    node.location,
                    f"{at} holds U+{ord(surrogate.group()):04X}, half of a UTF-16 surrogate "
                    "pair, which is not a character on its own",
                )
            )
            return INVALID
        if self.pattern is not None and not _fullmatch(self.pattern, value):
            problems.append(Problem(node.location, f"{at} must be {self.hint}, not {value!r}"))
            return INVALID
        return value

    def schema(self) -> dict[str, Any]:
        result: dict[str, Any] = {"type": "string", "description": self.doc}
        if self.min_length:
            result["minLength"] = self.min_length
        result["maxLength"] = self.max_length
        if self.pattern is not None:
            result["pattern"] = f"^(?:{self.pattern})$"
        return result


@dataclass(frozen=True)
class Integer(Spec):
    minimum: int
    maximum: int
    hint: str = ""

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        if type(node.value) is not int:
            return self.reject(node, at, "an integer", problems)
        if not self.minimum <= node.value <= self.maximum:
            expected = self.hint or f"from {self.minimum} to {self.maximum}"
            problems.append(Problem(node.location, f"{at} must be {expected}, not {node.value}"))
            return INVALID
        return node.value

    def schema(self) -> dict[str, Any]:
        return {
            "type": "integer",
            "minimum": self.minimum,
            "maximum": self.maximum,
            "description": self.doc,
        }


@dataclass(frozen=True)
class FormatNumber(Integer):
    """The catalogue's format: a newer one than this generator reads asks for a newer one."""

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        if type(node.value) is int and node.value > self.maximum:
            problems.append(
                Problem(
                    node.location,
                    f"format {node.value} needs a newer generator: this one reads formats "
                    f"{self.minimum} to {self.maximum} (pip install --upgrade error-bindings)",
                )
            )
            return INVALID
        return super().check(node, at, problems)


@dataclass(frozen=True)
class Flag(Spec):
    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        if type(node.value) is not bool:
            return self.reject(node, at, "true or false", problems)
        return node.value

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean", "description": self.doc}


DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"


@dataclass(frozen=True)
class Date(Spec):
    """A calendar day as YYYY-MM-DD (read as written, though YAML reads it as a date)."""

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        text = node.text if node.kind == "scalar" else None
        if text is None or not _fullmatch(DATE, text):
            return self.reject(node, at, "a day written YYYY-MM-DD, such as 2027-06-30", problems)
        try:
            datetime.date.fromisoformat(text)
        except ValueError:
            problems.append(Problem(node.location, f"{at}: {text} is not a day of the calendar"))
            return INVALID
        return text

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^{DATE}$", "format": "date", "description": self.doc}


@dataclass(frozen=True)
class Deprecated(Spec):
    """`true`, or a mapping saying since when, why, what instead and until when."""

    record: Record

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        if node.value is True:
            return {name: key.default for name, key in self.record.keys.items()}
        if node.value is False:
            return None
        if not isinstance(node.value, dict):
            return self.reject(node, at, "true or a mapping", problems)
        return self.record.check(node, at, problems)

    def schema(self) -> dict[str, Any]:
        return {
            "oneOf": [{"type": "boolean"}, self.record.schema()],
            "description": self.doc,
        }


@dataclass(frozen=True)
class Choice(Spec):
    values: tuple[str, ...]

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        if node.value in self.values and isinstance(node.value, str):
            return node.value
        choices = ", ".join(repr(value) for value in self.values)
        return self.reject(node, at, f"one of {choices}", problems)

    def schema(self) -> dict[str, Any]:
        return {"enum": list(self.values), "description": self.doc}


STATUS_PATTERN = r"[1-5](?:[0-9]{2}|xx)"


@dataclass(frozen=True)
class Status(Spec):
    """An HTTP status (``404``) or a range of them (``5xx``); always read as text."""

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        text = node.text if node.kind == "scalar" and not isinstance(node.value, bool) else None
        if text is not None and type(node.value) in (int, str):
            if _fullmatch(STATUS_PATTERN, text):
                return text
            if _fullmatch(r"[0-9]+|[0-9]xx", text):
                problems.append(Problem(node.location, f"{at} must be from 100 to 599, not {text}"))
                return INVALID
        expected = "an HTTP status from 100 to 599 (404) or a range of them (5xx)"
        return self.reject(node, at, expected, problems)

    def schema(self) -> dict[str, Any]:
        return {
            "oneOf": [
                {"type": "integer", "minimum": 100, "maximum": 599},
                {"type": "string", "pattern": f"^{STATUS_PATTERN}$"},
            ],
            "description": self.doc,
        }


_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)")


def _json_number(node: Node, at: str, problems: list[Problem]) -> Any:
    """A number a body can hold as written: finite, an integer JavaScript keeps exactly, and
    an integer written in decimal (YAML 1.1 reads 012 as 10 and 1:30 as 90)."""
    value = node.value
    if isinstance(value, float) and not math.isfinite(value):
        message = f"{at} must be a finite number, not {node.text}"
    elif type(value) is int and node.text is not None and not _DECIMAL.fullmatch(node.text):
        message = (
            f"{at} is written {node.text}, which YAML reads as the integer {value}; write "
            f'{value}, or quote it ("{node.text}") for the text'
        )
    elif type(value) is int and abs(value) > jsonpath.MAX_INTEGER:
        message = (
            f"{at} is beyond ±{jsonpath.MAX_INTEGER:,}, where JavaScript loses integers; "
            "quote it to keep it as text"
        )
    else:
        return value
    problems.append(Problem(node.location, message))
    return INVALID


@dataclass(frozen=True)
class WireValue(Spec):
    """A value a server sends: a string, or an integer JSON can carry exactly."""

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        value = node.value
        if isinstance(value, str):
            return Text(self.doc, max_length=1_000).check(node, at, problems)
        if type(value) is int:
            return _json_number(node, at, problems)
        if node.kind == "scalar" and value is None and not node.text:
            problems.append(Problem(node.location, f"{at} is empty: write a value or remove it"))
            return INVALID
        if node.kind == "scalar":
            problems.append(
                Problem(
                    node.location,
                    f"{at} must be a string or an integer, not {_describe(node)}; quote it "
                    f'("{node.text}") if the server sends it as text',
                )
            )
            return INVALID
        return self.reject(node, at, "a string or an integer", problems)

    def schema(self) -> dict[str, Any]:
        return {
            "oneOf": [
                {"type": "string", "minLength": 1, "maxLength": 1_000},
                {
                    "type": "integer",
                    "minimum": -jsonpath.MAX_INTEGER,
                    "maximum": jsonpath.MAX_INTEGER,
                },
            ],
            "description": self.doc,
        }


@dataclass(frozen=True)
class JsonPath(Spec):
    """A path into a JSON body: a JSONPath subset ($.error.code), or a dotted path
    (error.code); read as its canonical JSONPath."""

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        legacy = FORMAT.get() < 2
        checked = Text(self.doc, PATH if legacy else None, PATH_HINT, max_length=500).check(
            node, at, problems
        )
        if checked is INVALID:
            return INVALID
        text: str = checked
        if legacy and text.split(".")[0] == "$":
            message = (
                f"{at} is a JSONPath ({text}), which needs `format: 2` (format 1 has only "
                "dotted paths such as error.code)"
            )
            problems.append(Problem(node.location, message))
            return INVALID
        if not legacy and not text.startswith("$") and not _fullmatch(PATH, text):
            problems.append(Problem(node.location, f"{at} must be {JSONPATH_HINT}, not {text!r}"))
            return INVALID
        try:
            return jsonpath.normalize(text, legacy=legacy or not text.startswith("$"))
        except jsonpath.PathError as error:
            line, column = node.location
            where = Location(line, column + error.offset + (1 if node.quoted else 0))
            problems.append(Problem(where, f"{at}: {error} (in {text!r})"))
            return INVALID

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "maxLength": 500, "description": self.doc}


@dataclass(frozen=True)
class OneOrMore(Spec):
    """One value, or a list of them (read as a list)."""

    item: Spec

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        if isinstance(node.value, list):
            return Items(self.doc, self.item, min_items=1).check(node, at, problems)
        checked = self.item.check(node, at, problems)
        return INVALID if checked is INVALID else [checked]

    def schema(self) -> dict[str, Any]:
        item = self.item.schema()
        return {
            "oneOf": [item, {"type": "array", "items": item, "minItems": 1}],
            "description": self.doc,
        }


def one_or_more(item: Spec) -> OneOrMore:
    return OneOrMore(item.doc, item)


@dataclass(frozen=True)
class Literal(Spec):
    """A JSON scalar to compare with: a string, a number, true, false or null."""

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        if node.kind != "scalar":
            return self.reject(node, at, "a string, a number, true, false or null", problems)
        if isinstance(node.value, str):
            return Text(self.doc, min_length=0, max_length=1_000).check(node, at, problems)
        return _json_number(node, at, problems)

    def schema(self) -> dict[str, Any]:
        return {"type": ["string", "number", "boolean", "null"], "description": self.doc}


@dataclass(frozen=True)
class Anything(Spec):
    """Any value (for examples): checked only for the limits every string has."""

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        if isinstance(node.value, dict):
            return {
                key: self.check(child, _child(at, key), problems)
                for key, child in node.value.items()
            }
        if isinstance(node.value, list):
            return [self.check(c, f"{at}[{i}]", problems) for i, c in enumerate(node.value)]
        if isinstance(node.value, str):
            return Text(self.doc, min_length=0).check(node, at, problems)
        return _json_number(node, at, problems)

    def schema(self) -> dict[str, Any]:
        return {"description": self.doc}


@dataclass(frozen=True)
class Items(Spec):
    item: Spec
    min_items: int = 0

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        if not isinstance(node.value, list):
            return self.reject(node, at, "a list", problems)
        if len(node.value) < self.min_items:
            problems.append(
                Problem(node.location, f"{at} must have at least {self.min_items} item(s)")
            )
            return INVALID
        return [
            self.item.check(child, f"{at}[{i}]", problems) for i, child in enumerate(node.value)
        ]

    def schema(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "type": "array",
            "items": self.item.schema(),
            "description": self.doc,
        }
        if self.min_items:
            result["minItems"] = self.min_items
        return result


@dataclass(frozen=True)
class Table(Spec):
    """A mapping from names the user chooses (codes, statuses) to entries of one shape."""

    key: Text | Status | JsonPath
    value: Spec
    min_items: int = 0

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        if not isinstance(node.value, dict):
            return self.reject(node, at, "a mapping", problems)
        if len(node.value) < self.min_items:
            problems.append(
                Problem(node.location, f"{at} must have at least {self.min_items} entry")
            )
        result: dict[str, Any] = {}
        for key, child in node.value.items():
            key_node = child.key_as_node(key)
            checked_key = self.key.check(key_node, f"a key of {at}", problems)
            value = self.value.check(child, _child(at, key), problems)
            if checked_key is not INVALID:
                result[checked_key] = value
        return result

    def schema(self) -> dict[str, Any]:
        key_schema = self.key.schema()
        names = (
            {"pattern": f"^{STATUS_PATTERN}$"}
            if isinstance(self.key, Status)
            else {k: v for k, v in key_schema.items() if k in ("pattern", "minLength", "maxLength")}
        )
        result: dict[str, Any] = {
            "type": "object",
            "propertyNames": names,
            "additionalProperties": self.value.schema(),
            "description": self.doc,
        }
        if self.min_items:
            result["minProperties"] = self.min_items
        return result


@dataclass(frozen=True)
class Key:
    spec: Spec
    required: bool | int = False
    """True, or the first format in which the key became optional."""
    default: Any = None
    since_format: int = 1
    """The first format that has the key."""

    def is_required(self, format: int) -> bool:
        return self.required is True or (self.required is not False and format < self.required)


@dataclass(frozen=True)
class Record(Spec):
    keys: dict[str, Key]
    one_of: tuple[str, ...] = ()
    """Exactly one of these keys must be present."""
    extra: tuple[str, ...] = field(default=("$schema",))
    # Looked up for every entry of a large catalogue: what its keys default to, and which it
    # needs in each format.
    _defaults: dict[str, Any] = field(init=False, repr=False, compare=False)
    _required: dict[int, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        defaults = {name: key.default for name, key in self.keys.items()}
        required = {
            format: tuple(name for name, key in self.keys.items() if key.is_required(format))
            for format in range(1, FORMAT_VERSION + 1)
        }
        object.__setattr__(self, "_defaults", defaults)
        object.__setattr__(self, "_required", required)

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        if not isinstance(node.value, dict):
            return self.reject(node, at, "a mapping", problems)
        entries: dict[str, Node] = node.value
        result: dict[str, Any] = dict(self._defaults)  # every key, in the keys' order
        format = FORMAT.get()
        keys = self.keys
        for name, child in entries.items():
            key = keys.get(name)
            if key is None:
                if name not in self.extra:
                    problems.append(
                        Problem(child.key_location or child.location, self.unknown(name, at))
                    )
            elif key.since_format > format:
                problems.append(
                    Problem(
                        child.key_location or child.location,
                        f"{_child(at, name)} needs `format: {key.since_format}` (this catalogue "
                        f"says format: {format})",
                    )
                )
                result[name] = INVALID
            else:
                result[name] = key.spec.check(child, _child(at, name), problems)
        for name in self._required[format]:
            if name not in entries:
                problems.append(
                    Problem(
                        node.key_location or node.location,
                        f"{at or 'the catalogue'} is missing the required key {name!r}",
                    )
                )
                result[name] = INVALID
        if self.one_of:
            present = [name for name in self.one_of if name in entries]
            if len(present) != 1:
                names = " or ".join(repr(name) for name in self.one_of)
                problems.append(Problem(node.location, f"{at} must have exactly one of {names}"))
        return result

    def unknown(self, name: str, at: str) -> str:
        message = f"unknown key {name!r} in {at or 'the catalogue'}"
        format = FORMAT.get()
        keys = [key for key, spec in self.keys.items() if spec.since_format <= format]
        close = difflib.get_close_matches(name, keys, n=1, cutoff=0.6)
        if close:
            return f"{message}; did you mean {close[0]!r}?"
        return f"{message}; expected one of {', '.join(repr(k) for k in keys)}"

    def schema(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "type": "object",
            "description": self.doc,
            "properties": {name: key.spec.schema() for name, key in self.keys.items()},
            "additionalProperties": False,
        }
        required = [name for name, key in self.keys.items() if key.required is True]
        if required:
            result["required"] = required
        if self.one_of:
            result["oneOf"] = [{"required": [name]} for name in self.one_of]
        return result


NAME = r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*"
NAME_HINT = "lower_snake_case (a-z, 0-9, single underscores, starting with a letter)"
PASCAL = r"[A-Z][A-Za-z0-9]*"
PASCAL_HINT = "a PascalCase identifier (A-Z first, then letters and digits)"
PATH = r"[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*"
PATH_HINT = "a dotted path of JSON keys such as error.code"
JSONPATH_HINT = (
    "a JSONPath such as $.error.code or $.errors[0].code (or a dotted path such as error.code)"
)
VERSION = r"v[0-9]+"
URL = r"https://[!#-&(-;=?-\[\]-_a-{}~]+"
URL_HINT = "an https:// URL of printable ASCII without quotes, <>, backslashes, backticks or pipes"

_since = Key(Text("The API version that introduced this entry, such as v4.", VERSION, "like v4"))


def _deprecated(what: str, replaced_by: bool = False) -> Key:
    """`deprecated:` of a code (which may name its replacement), type, status class or extra."""
    keys = {
        "since": Key(Text("The API version that deprecated it, such as v4.", VERSION, "like v4")),
        "message": Key(Text("Why, or what to do instead.", max_length=1_000)),
        "sunset": Key(Date("The day the API stops sending it (YYYY-MM-DD).")),
    }
    if replaced_by:
        keys["replaced_by"] = Key(
            Text("The code to use instead: a live code that is not deprecated.", NAME, NAME_HINT)
        )
    record = Record(f"That this {what} is on its way out.", keys)
    return Key(Deprecated(record.doc + " `true` says only that.", record), since_format=2)


def _previous_names(targets: Sequence[Target]) -> Key:
    return Key(
        Record(
            "Class names the bindings used before, kept as deprecated aliases of the class.",
            {
                t.name: Key(Items(f"Earlier {t.name} class names.", t.class_name_key, min_items=1))
                for t in targets
                if t.class_name_key is not None
            },
        ),
        since_format=2,
    )


_doc = Key(Text("What it means, in prose."), required=True)
_fault = Choice("Whose fault: 4xx are client faults, 5xx server faults.", ("client", "server"))

_path = JsonPath
_item_path_doc = " Inside an item, $ is the item; a plain name is a member of it."

FIELD_SOURCE = Record(
    "Where an envelope carries field errors, in one of three shapes (`shape`): `objects`, a "
    "list of objects (or one object) naming the field under `name` (or `pointer`) and its "
    "messages under `messages` (a list) or `message`; `map`, an object from field to its "
    "message or messages (nested objects give dotted names); `strings`, a list of messages "
    "that name no field.",
    {
        "path": Key(_path("Path of the field errors in the body."), required=True),
        "shape": Key(
            Choice("How they are laid out.", ("objects", "map", "strings")),
            default="objects",
            since_format=2,
        ),
        "name": Key(_path("Path of an item's field name." + _item_path_doc), required=2),
        "messages": Key(_path("Path of an item's list of messages." + _item_path_doc)),
        "message": Key(_path("Path of an item's single message." + _item_path_doc)),
        "code": Key(_path("Path of an item's own code." + _item_path_doc), since_format=2),
        "type": Key(_path("Path of an item's own type." + _item_path_doc), since_format=2),
        "pointer": Key(
            _path("Path of an item's JSON Pointer to the field, kept as sent." + _item_path_doc),
            since_format=2,
        ),
    },
)

EXTRA_KINDS = ("string", "integer", "number", "boolean", "strings", "object")

EXTRA = Record(
    "A member the server sends besides code, type and message, exposed on the error as an "
    "attribute named after its key (snake_case in Python, camelCase in TypeScript). A value "
    "of another type is left out (it stays in the body).",
    {
        "path": Key(_path("Where it is in the body (in an error item, with `errors`)."), True),
        "type": Key(
            Choice(
                "Its JSON type: string, integer, number, boolean, strings (a list of them) or "
                "object (any JSON, kept as it is).",
                EXTRA_KINDS,
            ),
            default="string",
        ),
        "description": Key(Text("What it means, for the docs.")),
        "deprecated": _deprecated("extra"),
    },
)


def _extras(doc: str) -> Key:
    return Key(Table(doc, Text("An attribute name.", NAME, NAME_HINT), EXTRA), since_format=2)


MEDIA_TYPE = r"[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+"

WHEN = Record(
    "When an envelope applies to a response: every condition given must hold. An envelope "
    "without conditions applies to every 4xx and 5xx response.",
    {
        "media_type": Key(
            one_or_more(
                Text(
                    "A media type of the response (its Content-Type without parameters).",
                    MEDIA_TYPE,
                    "a media type such as application/problem+json",
                )
            )
        ),
        "statuses": Key(
            one_or_more(Status("An HTTP status or range; 2xx ones let errors arrive as success."))
        ),
        "present": Key(one_or_more(_path("A path the body must have a value at."))),
        "equals": Key(
            Table(
                "Paths whose value must equal a literal (Slack: `$.ok: false`).",
                _path("A path."),
                Literal("The value it must equal."),
            )
        ),
    },
)

ENVELOPE = Record(
    "How an error response body is laid out, as paths into its JSON.",
    {
        "description": _doc,
        "since": _since,
        "when": Key(WHEN, since_format=2),
        "body": Key(
            Choice(
                "What the body is: JSON, or text (which becomes the message; HTML never does).",
                ("json", "text"),
            ),
            default="json",
            since_format=2,
        ),
        "errors": Key(
            _path(
                "Path of a list of errors (or one), when a body may carry several: the other "
                "paths are then inside each, and every one is kept."
            ),
            since_format=2,
        ),
        "decides": Key(
            Choice(
                "Which of several errors decides the class: the first, or the first whose "
                "code is known.",
                ("first", "first_known"),
            ),
            default="first",
            since_format=2,
        ),
        "type": Key(_path("Path of the error type."), required=2),
        "code": Key(_path("Path of the error code."), required=2),
        "code_from": Key(
            Choice(
                "How the code is read from its value: whole, or the last segment of a URI "
                "(RFC 9457 type URIs such as https://example.com/problems/not-found).",
                ("whole", "last_segment"),
            ),
            default="whole",
            since_format=2,
        ),
        "message": Key(_path("Path of the message."), required=2),
        "reference": Key(_path("Path of the documentation link.")),
        "request_id": Key(
            _path("Path of the request id, for a body that carries it (a header's wins)."),
            since_format=2,
        ),
        "fields": Key(
            Items("Where field errors may be; the first that has some wins.", FIELD_SOURCE)
        ),
        "extras": _extras("Members of this layout exposed as attributes of every error."),
    },
)

EXAMPLE_FIELD = Record(
    "One field error in a code's example response.",
    {
        "name": Key(Text("The field.", min_length=1), required=True),
        "messages": Key(Items("What is wrong with it.", Text("A message.")), required=True),
    },
)

_PAGE_CHARS = r"[!#-&(-;=?-\[\]-_a-z~]"  # a URL's characters but braces
_PLACEHOLDER = r"\{code(?::kebab)?\}"
PAGE = rf"https://{_PAGE_CHARS}+"
PAGE_HINT = "an https:// URL (its own page: {code} belongs in api.reference_url)"
HEADER = r"[a-z0-9!#$%&'*+.^_`|~-]+"
HEADER_HINT = "a header name in lowercase, such as x-request-id"
REQUEST_ID_HEADERS = Http().request_id_headers
RETRY_STATUSES = Http().retry_statuses

HTTP = Record(
    "What the API's responses say besides the body, and how to retry.",
    {
        "request_id_headers": Key(
            Items(
                "Headers holding the request id, the first present one taken (by default "
                + ", ".join(REQUEST_ID_HEADERS)
                + ").",
                Text("A header name.", HEADER, HEADER_HINT),
                min_items=1,
            )
        ),
        "retry_statuses": Key(
            Items(
                "Statuses worth retrying when the code does not say (by default "
                + ", ".join(map(str, RETRY_STATUSES))
                + ").",
                Integer("An HTTP status.", 100, 599),
            )
        ),
        "secret_headers": Key(
            Items(
                "Headers shown as [redacted] besides authorization, proxy-authorization, "
                "cookie, set-cookie, x-api-key and any *-token.",
                Text("A header name.", HEADER, HEADER_HINT),
            )
        ),
    },
)

REFERENCE_PATTERN = (
    rf"https://(?:{_PAGE_CHARS}|{_PLACEHOLDER})*{_PLACEHOLDER}(?:{_PAGE_CHARS}|{_PLACEHOLDER})*"
)

STATUS_CLASS_DOC = (
    "A class for responses of some statuses whatever their body says (Stripe's SDKs raise "
    "AuthenticationError for any 401): chosen when the code is not known, before the type "
    "unless it says otherwise."
)


def _names(targets: Sequence[Target]) -> Record:
    return Record(
        "Names to use instead of the derived ones, for example to avoid shadowing a builtin.",
        {t.name: Key(t.class_name_key) for t in targets if t.class_name_key is not None},
    )


def _code(targets: Sequence[Target]) -> Record:
    return Record(
        "One error code the API returns.",
        {
            "wire": Key(
                Items(
                    "The values the server sends for it (strings or integers, matched exactly); "
                    "the first is what a server writes and the docs show. By default, its key.",
                    WireValue("A value the server sends."),
                    min_items=1,
                ),
                since_format=2,
            ),
            "type": Key(Text("The error type (a key of `types`).", NAME, NAME_HINT), required=2),
            "status": Key(
                one_or_more(
                    Status(
                        "The HTTP status it comes with (a key of `statuses`), or several, the "
                        "first being the one documented."
                    )
                ),
                True,
            ),
            "answer_status": Key(
                Integer(
                    "The status a server answers with for it when the error has none: one "
                    "its statuses cover; by default the documented status (a range's first, "
                    "so 500 for 5xx).",
                    100,
                    599,
                ),
                since_format=2,
            ),
            "message": Key(Text("Short message the server sends.", max_length=1_000), True),
            "description": _doc,
            "retryable": Key(Flag("Whether repeating the same request may succeed."), True),
            "throttling": Key(
                Flag("Whether it says the client is sending too much (a rate limit)."),
                default=False,
                since_format=2,
            ),
            "fault": Key(
                Choice(
                    "Whose fault: optional, as its type (else its status) says; if given, it "
                    "must agree with the type and the status.",
                    ("client", "server"),
                )
            ),
            "since": _since,
            "names": Key(_names(targets)),
            "reference_url": Key(
                Text(
                    "Its page in the API's own reference, instead of api.reference_url's.",
                    PAGE,
                    PAGE_HINT,
                    max_length=2_000,
                ),
                since_format=2,
            ),
            "extras": _extras("Members only this code's bodies carry, exposed on its class."),
            "deprecated": _deprecated("code", replaced_by=True),
            "previous_names": _previous_names(targets),
            "example_fields": Key(Items("Field errors for the example response.", EXAMPLE_FIELD)),
            "example_extras": Key(
                Table(
                    "Values of its extras for the example response (the docs show no others).",
                    Text("An extra's name.", NAME, NAME_HINT),
                    Anything("Its value."),
                ),
                since_format=2,
            ),
        },
    )


def spec(targets: Sequence[Target]) -> Record:
    """The format of a catalogue for these targets: their sections and `names:` keys."""
    return _spec(tuple(targets))


@functools.cache
def _spec(targets: tuple[Target, ...]) -> Record:
    sections = {
        target.name: Key(target.options, required=target.required)
        for target in targets
        if target.options is not None
    }
    return Record(
        "An HTTP API's error catalogue, the single source of its error bindings.",
        {
            "format": Key(FormatNumber("Version of this file format.", 1, FORMAT_VERSION), True),
            "api": Key(
                Record(
                    "The API and the names its bindings are published under.",
                    {
                        "name": Key(Text("Human name of the API."), required=True),
                        "prefix": Key(
                            Text(
                                "Prefix of the base error class: Acme gives AcmeError.",
                                PASCAL,
                                PASCAL_HINT,
                            ),
                            required=True,
                        ),
                        "reference": Key(
                            Text("The API's own error reference.", URL, URL_HINT), True
                        ),
                        "docs_url": Key(
                            Text(
                                "Where the generated reference is published; each code's docs "
                                "URL is this plus its anchor.",
                                URL,
                                URL_HINT,
                            ),
                            required=True,
                        ),
                        "version": Key(
                            Text(
                                "Version of the generated packages.",
                                r"[0-9]+\.[0-9]+\.[0-9]+",
                                "a version such as 1.2.3",
                            ),
                            required=True,
                        ),
                        "reference_url": Key(
                            Text(
                                "Each code's page in the API's own reference: a URL where "
                                "{code} stands for the code's first wire value and "
                                "{code:kebab} for it in kebab-case, percent-encoded.",
                                REFERENCE_PATTERN,
                                "an https:// URL holding {code} or {code:kebab} (and no "
                                "other braces)",
                                max_length=2_000,
                            ),
                            since_format=2,
                        ),
                        "codes": Key(
                            Choice(
                                "open: a new code is a minor change, and users must not match "
                                "codes exhaustively without a default branch; closed: the "
                                "catalogue promises exhaustiveness, so a new code is major.",
                                ("open", "closed"),
                            ),
                            default="open",
                            since_format=2,
                        ),
                        "messages": Key(
                            Choice(
                                "prose: a changed message is a patch; contract: clients match "
                                "messages, so a changed one is major.",
                                ("prose", "contract"),
                            ),
                            default="prose",
                            since_format=2,
                        ),
                    },
                ),
                required=True,
            ),
            **sections,
            "statuses": Key(
                Table(
                    "HTTP statuses the API answers with, by status or range (5xx).",
                    Status("An HTTP status or range."),
                    Record(
                        "An HTTP status.",
                        {
                            "title": Key(Text("Its reason phrase.", max_length=200), True),
                            "description": _doc,
                            "since": _since,
                            "name": Key(
                                Text(
                                    "Its name in code (HttpStatus members), when the title's "
                                    "words will not do.",
                                    NAME,
                                    NAME_HINT,
                                )
                            ),
                        },
                    ),
                    min_items=1,
                ),
                required=True,
            ),
            "types": Key(
                Table(
                    "Error types: the broad families codes belong to.",
                    Text("An error type.", NAME, NAME_HINT),
                    Record(
                        "An error type.",
                        {
                            "wire": Key(
                                Items(
                                    "The values the server sends for it; by default its key.",
                                    WireValue("A value the server sends."),
                                    min_items=1,
                                ),
                                since_format=2,
                            ),
                            "description": _doc,
                            "fault": Key(_fault, required=True),
                            "since": _since,
                            "deprecated": _deprecated("type"),
                            "previous_names": _previous_names(targets),
                        },
                    ),
                    min_items=1,
                ),
                required=2,
            ),
            "status_classes": Key(
                Table(
                    "Classes for statuses rather than codes. " + STATUS_CLASS_DOC,
                    Text("A status class.", NAME, NAME_HINT),
                    Record(
                        STATUS_CLASS_DOC,
                        {
                            "statuses": Key(
                                one_or_more(Status("A status or range (a key of `statuses`).")),
                                True,
                            ),
                            "description": _doc,
                            "wins_over_type": Key(
                                Flag(
                                    "Whether it is chosen before the error type (true), or "
                                    "only when the type is not known either."
                                ),
                                default=True,
                            ),
                            "names": Key(_names(targets)),
                            "deprecated": _deprecated("status class"),
                            "previous_names": _previous_names(targets),
                        },
                    ),
                ),
                since_format=2,
            ),
            "http": Key(HTTP, since_format=2),
            "codes": Key(
                Table(
                    "Error codes, in the order the docs list them.",
                    Text("An error code.", NAME, NAME_HINT),
                    _code(targets),
                    min_items=1,
                ),
                required=True,
            ),
            "changes": Key(
                Table(
                    "Changes each release makes on purpose, by api.version: what the breaking "
                    "change gate reports and a release acknowledges; also the changelog.",
                    Text(
                        "A version such as 1.2.3.",
                        r"[0-9]+\.[0-9]+\.[0-9]+",
                        "a version such as 1.2.3",
                    ),
                    Items(
                        "The changes of that release.",
                        Record(
                            "A change acknowledged, and why.",
                            {
                                "rule": Key(
                                    Text(
                                        "The gate's rule id, such as code-removed.",
                                        r"[a-z]+(?:-[a-z]+)*",
                                        "a rule id such as code-removed",
                                    ),
                                    True,
                                ),
                                "reason": Key(Text("Why.", max_length=1_000), True),
                                **{
                                    name: Key(Text(f"The {name.replace('_', ' ')} it is about."))
                                    for name in (
                                        "code",
                                        "type",
                                        "status_class",
                                        "envelope",
                                        "extra",
                                        "target",
                                    )
                                },
                                # 404 or 5xx, as everywhere: read as text however written.
                                "status": Key(Status("The status it is about.")),
                            },
                        ),
                        min_items=1,
                    ),
                ),
                since_format=2,
            ),
            "removed": Key(
                Table(
                    "Codes the API no longer sends, kept so that their keys, wire values and "
                    "class names are never used again, and their docs anchors keep working.",
                    Text("The removed code.", NAME, NAME_HINT),
                    Record(
                        "A removed code.",
                        {
                            "removed_in": Key(
                                Text(
                                    "The API version that stopped sending it, such as v4.",
                                    VERSION,
                                    "like v4",
                                ),
                                True,
                            ),
                            "status": Key(Status("The last status it came with."), True),
                            "type": Key(
                                Text("The last type it had (it may be gone too).", NAME, NAME_HINT)
                            ),
                            "wire": Key(
                                Items(
                                    "The values the server sent for it; by default its key.",
                                    WireValue("A value the server sent."),
                                    min_items=1,
                                )
                            ),
                            "note": Key(Text("Why, or what to do instead.", max_length=1_000)),
                            "replaced_by": Key(
                                Text("The live code to use instead.", NAME, NAME_HINT)
                            ),
                            "names": Key(_names(targets)),
                        },
                    ),
                ),
                since_format=2,
            ),
            "envelopes": Key(
                Table(
                    "Error body layouts the API uses; parsers try them in order.",
                    Text("An envelope name.", NAME, NAME_HINT),
                    ENVELOPE,
                    min_items=1,
                ),
                required=True,
            ),
        },
    )


def builtin_spec() -> Record:
    """The format of a catalogue for the built-in targets."""
    from . import target

    return spec(list(target.builtin().values()))


MAX_BYTES = 64 * 1024 * 1024
"""The largest catalogue file read (the 100,000-code benchmark catalogue is 22 MB)."""


def _text_limits(spec: Spec, at: str) -> list[tuple[str, int]]:
    """(path, the most characters its text may hold) for every text in the format."""
    if isinstance(spec, Text):
        return [(at, spec.max_length)]
    if isinstance(spec, Record):
        return [
            found
            for name, key in spec.keys.items()
            for found in _text_limits(key.spec, _child(at, name))
        ]
    if isinstance(spec, Table):
        keys = _text_limits(spec.key, f"{at} keys") if isinstance(spec.key, Text) else []
        return keys + _text_limits(spec.value, f"{at}.*")
    if isinstance(spec, Items):
        return _text_limits(spec.item, f"{at}[]")
    if isinstance(spec, Deprecated):
        return _text_limits(spec.record, at)
    return []


def limits_markdown() -> str:
    """The README's table of limits, from the format itself."""
    from .source import MAX_ALIAS_NODES, MAX_DEPTH

    rows = [
        ("the catalogue file", f"{MAX_BYTES // (1024 * 1024)} MiB"),
        ("nesting of mappings and lists", f"{MAX_DEPTH} levels"),
        ("what YAML aliases expand to", f"{MAX_ALIAS_NODES:,} nodes"),
    ]
    by_limit: dict[int, list[str]] = {}
    for path, limit in _text_limits(builtin_spec(), ""):
        shown = f"keys of `{path.removesuffix(' keys')}`" if path.endswith(" keys") else f"`{path}`"
        by_limit.setdefault(limit, []).append(shown)
    for limit, paths in sorted(by_limit.items(), reverse=True):
        rows.append((", ".join(paths), f"{limit:,} characters"))
    lines = ["| what | at most |", "| --- | --- |"]
    lines += [f"| {what} | {limit} |" for what, limit in rows]
    return "\n".join(lines) + "\n"


def json_schema() -> str:
    """The JSON Schema of the catalogue format, as committed text."""
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": "Generated from generator/schema.py by `python -m generator --schema`; "
        "do not edit.",
        "title": "Error catalogue",
        **builtin_spec().schema(),
    }
    document["properties"]["$schema"] = {"type": "string"}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
