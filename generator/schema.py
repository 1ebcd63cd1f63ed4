"""The catalogue format, defined once: the validator and the JSON Schema both come from here."""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .problems import Problem
from .source import Node

if TYPE_CHECKING:
    from .target import Target

FORMAT_VERSION = 1
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
        surrogate = _SURROGATE.search(value)
        if surrogate is not None:
            problems.append(
                Problem(
                    node.location,
                    f"{at} holds U+{ord(surrogate.group()):04X}, half of a UTF-16 surrogate "
                    "pair, which is not a character on its own",
                )
            )
            return INVALID
        if self.pattern is not None and not re.fullmatch(self.pattern, value):
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
class Flag(Spec):
    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        if type(node.value) is not bool:
            return self.reject(node, at, "true or false", problems)
        return node.value

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean", "description": self.doc}


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
            if re.fullmatch(STATUS_PATTERN, text):
                return text
            if re.fullmatch(r"[0-9]+|[0-9]xx", text):
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

    key: Text | Status
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
            key_node = Node(key, child.key_location or child.location, text=key)
            checked_key = self.key.check(key_node, f"a key of {at}", problems)
            value = self.value.check(child, _child(at, key), problems)
            if checked_key is not INVALID:
                result[checked_key] = value
        return result

    def schema(self) -> dict[str, Any]:
        key_schema = self.key.schema()
        pattern = key_schema.get("pattern") or f"^{STATUS_PATTERN}$"
        result: dict[str, Any] = {
            "type": "object",
            "propertyNames": {"pattern": pattern},
            "additionalProperties": self.value.schema(),
            "description": self.doc,
        }
        if self.min_items:
            result["minProperties"] = self.min_items
        return result


@dataclass(frozen=True)
class Key:
    spec: Spec
    required: bool = False
    default: Any = None


@dataclass(frozen=True)
class Record(Spec):
    keys: dict[str, Key]
    one_of: tuple[str, ...] = ()
    """Exactly one of these keys must be present."""
    extra: tuple[str, ...] = field(default=("$schema",))

    def check(self, node: Node, at: str, problems: list[Problem]) -> Any:
        if not isinstance(node.value, dict):
            return self.reject(node, at, "a mapping", problems)
        entries: dict[str, Node] = node.value
        result: dict[str, Any] = {}
        for name, key in self.keys.items():
            child = entries.get(name)
            if child is None:
                if key.required:
                    problems.append(
                        Problem(
                            node.key_location or node.location,
                            f"{at or 'the catalogue'} is missing the required key {name!r}",
                        )
                    )
                    result[name] = INVALID
                else:
                    result[name] = key.default
                continue
            result[name] = key.spec.check(child, _child(at, name), problems)
        for name, child in entries.items():
            if name not in self.keys and name not in self.extra:
                problems.append(
                    Problem(child.key_location or child.location, self.unknown(name, at))
                )
        if self.one_of:
            present = [name for name in self.one_of if name in entries]
            if len(present) != 1:
                names = " or ".join(repr(name) for name in self.one_of)
                problems.append(Problem(node.location, f"{at} must have exactly one of {names}"))
        return result

    def unknown(self, name: str, at: str) -> str:
        message = f"unknown key {name!r} in {at or 'the catalogue'}"
        close = difflib.get_close_matches(name, list(self.keys), n=1, cutoff=0.6)
        if close:
            return f"{message}; did you mean {close[0]!r}?"
        return f"{message}; expected one of {', '.join(repr(k) for k in self.keys)}"

    def schema(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "type": "object",
            "description": self.doc,
            "properties": {name: key.spec.schema() for name, key in self.keys.items()},
            "additionalProperties": False,
        }
        required = [name for name, key in self.keys.items() if key.required]
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
VERSION = r"v[0-9]+"
URL = r"https://[!#-&(-;=?-\[\]-_a-{}~]+"
URL_HINT = "an https:// URL of printable ASCII without quotes, <>, backslashes, backticks or pipes"

_since = Key(Text("The API version that introduced this entry, such as v4.", VERSION, "like v4"))
_doc = Key(Text("What it means, in prose."), required=True)
_fault = Choice("Whose fault: 4xx are client faults, 5xx server faults.", ("client", "server"))

FIELD_SOURCE = Record(
    "Where an envelope carries field errors: a list of objects at `path`, each naming the "
    "field under `name` and its messages under `messages` (a list) or `message` (one string).",
    {
        "path": Key(Text("Dotted path of the list in the body.", PATH, PATH_HINT), required=True),
        "name": Key(Text("Key of the field's name.", PATH, PATH_HINT), required=True),
        "messages": Key(Text("Key of the list of messages.", PATH, PATH_HINT)),
        "message": Key(Text("Key of the single message.", PATH, PATH_HINT)),
    },
    one_of=("messages", "message"),
)

ENVELOPE = Record(
    "How an error response body is laid out, as dotted paths into its JSON.",
    {
        "description": _doc,
        "since": _since,
        "type": Key(Text("Path of the error type.", PATH, PATH_HINT), required=True),
        "code": Key(Text("Path of the error code.", PATH, PATH_HINT), required=True),
        "message": Key(Text("Path of the message.", PATH, PATH_HINT), required=True),
        "reference": Key(Text("Path of the documentation link.", PATH, PATH_HINT)),
        "fields": Key(Items("Where field errors may be, first match wins.", FIELD_SOURCE)),
    },
)

EXAMPLE_FIELD = Record(
    "One field error in a code's example response.",
    {
        "name": Key(Text("The field.", min_length=1), required=True),
        "messages": Key(Items("What is wrong with it.", Text("A message.")), required=True),
    },
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
            "type": Key(Text("The error type (a key of `types`).", NAME, NAME_HINT), required=True),
            "status": Key(Status("The HTTP status it comes with (a key of `statuses`)."), True),
            "message": Key(Text("Short message the server sends.", max_length=1_000), True),
            "description": _doc,
            "retryable": Key(Flag("Whether repeating the same request may succeed."), True),
            "fault": Key(
                Choice(
                    "Whose fault: optional, as its type says; if given, it must agree with the "
                    "type and the status.",
                    ("client", "server"),
                )
            ),
            "since": _since,
            "names": Key(_names(targets)),
            "example_fields": Key(Items("Field errors for the example response.", EXAMPLE_FIELD)),
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
            "format": Key(
                Integer(
                    "Version of this file format.",
                    1,
                    FORMAT_VERSION,
                    f"{FORMAT_VERSION} (the newest format this generator reads)",
                ),
                required=True,
            ),
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
                        {"description": _doc, "fault": Key(_fault, required=True), "since": _since},
                    ),
                    min_items=1,
                ),
                required=True,
            ),
            "codes": Key(
                Table(
                    "Error codes, in the order the docs list them.",
                    Text("An error code.", NAME, NAME_HINT),
                    _code(targets),
                    min_items=1,
                ),
                required=True,
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
