"""Random valid catalogues for property-based tests, with hostile strings in every place a
string can go, and what each string must come back as."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

HOSTILE = [
    text
    for text in json.loads((Path(__file__).parent / "data" / "hostile-strings.json").read_text())
    if text
]
# Our own, beyond the shared floor.
HOSTILE += [
    "\x00",
    "\ufeff leading BOM",
    "\x1b[31mred\x1b[0m",
    "a\u0301 combining",
    "\u200f rlm",
    "\\u0041 is not A",
    '""""',
    "''''",
    "*/*/",
    "`${`",
    "\U0001f600\U0010ffff",
    "\x85 NEL",
    "}} {{",
    "{#id}",
    "<br>",
    "|",
    "\\|",
    "=====",
    "1. ordered",
    "+ plus",
    "> quote",
    "```",
    "~~~",
    "<!--",
    "&#x41;",
    "&nbsp;",
    " \t ",
    "line\r\n\r\nparagraph",
    "\u2029",
    "$(rm -rf /)",
    "#{x}",
    "__init_subclass__",
    "__dict__",
    "prototype",
    "hasOwnProperty",
]

MULTIPLIER = 10 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 1
settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "thorough",
    max_examples=1000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def examples(count: int) -> int:
    """How many examples a test runs: its CI count, times ten under the thorough profile."""
    return count * MULTIPLIER


texts = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(min_size=1, max_size=30),
    st.text(st.characters(max_codepoint=0x7F), min_size=1, max_size=120),
)
words = st.from_regex(r"[a-z][a-z0-9]{0,12}(?:_[a-z0-9]{1,10}){0,5}", fullmatch=True)


def _pascal(key: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in key.split("_"))


def _file_name(text: str) -> bool:
    return "/" not in text and "\0" not in text and len(text.encode()) < 200


# Generated headers name the catalogue file, so its name is drawn too.
file_names = st.one_of(
    st.just("catalogue.yaml"), texts.filter(_file_name).map(lambda text: f"{text}.yaml")
)


@dataclass
class Drawn:
    """A catalogue as YAML and as the data it was made from."""

    data: dict[str, Any]
    yaml: str
    file_name: str = "catalogue.yaml"

    def write(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / self.file_name
        path.write_text(self.yaml, encoding="utf-8")
        return path


@st.composite
def catalogues(draw: st.DrawFn, style: str | None = None) -> Drawn:
    type_keys = draw(st.lists(words, min_size=1, max_size=3, unique_by=_pascal))
    code_keys = draw(st.lists(words, min_size=1, max_size=4, unique_by=_pascal))
    types = {
        # No builtin or JavaScript global starts with Q or X, so no name derived here shadows
        # one (t would give TabError, c ConnectionError).
        f"q{key}": {"fault": "client" if i % 2 == 0 else "server", "description": draw(texts)}
        for i, key in enumerate(type_keys)
    }
    statuses = {
        "400": {"title": draw(texts), "description": draw(texts), "name": "bad"},
        "404": {"title": draw(texts), "description": draw(texts), "name": "missing"},
        "5xx": {"title": draw(texts), "description": draw(texts), "name": "broken"},
    }
    codes = {}
    for key in code_keys:
        type_key = draw(st.sampled_from(sorted(types)))
        fault = types[type_key]["fault"]
        code: dict[str, Any] = {
            "type": type_key,
            "status": draw(st.sampled_from(["400", "404"])) if fault == "client" else "5xx",
            "message": draw(texts),
            "description": draw(texts),
            "retryable": draw(st.booleans()),
            "fault": fault,
        }
        if draw(st.booleans()):
            code["example_fields"] = [
                {"name": draw(texts), "messages": draw(st.lists(texts, min_size=1, max_size=2))}
                for _ in range(draw(st.integers(1, 2)))
            ]
        codes[f"x{key}"] = code
    data = {
        "format": 1,
        "api": {
            "name": draw(texts),
            "prefix": "Acme",
            "reference": "https://acme.example/errors",
            "docs_url": "https://acme.example/docs/",
            "version": "1.0.0",
        },
        "python": {"package": "acme_errors"},
        "typescript": {
            "package": "@acme/errors",
            "style": style or draw(st.sampled_from(["enum", "erasable"])),
        },
        "statuses": statuses,
        "types": types,
        "codes": codes,
        "envelopes": {
            "v3": {
                "description": draw(texts),
                "type": "error.type",
                "code": "error.code",
                "message": "error.message",
                "reference": "_meta.reference",
                "fields": [{"path": "_meta.fields", "name": "name", "messages": "messages"}],
            },
            "v4": {
                "description": draw(texts),
                "type": "error.type",
                "code": "error.code",
                "message": "error.message",
                "fields": [{"path": "error.details", "name": "field", "message": "message"}],
            },
        },
    }
    if draw(st.booleans()):  # an envelope without field errors
        del data["envelopes"]["v4"]["fields"]
    if draw(st.booleans()):  # else Kotlin, chosen with --target kotlin, takes its defaults
        data["kotlin"] = {
            "package": draw(st.sampled_from(["com.acme.errors", "a_b.c9.d"])),
            "jvm_target": draw(st.sampled_from(["1.8", "17"])),
        }
    text = yaml.safe_dump(
        data, default_style='"', allow_unicode=draw(st.booleans()), sort_keys=False, width=10**9
    )
    return Drawn(data, text, draw(file_names))


# Format 2 ----------------------------------------------------------------------------------

# What a server sends as a code: hostile text, or integers up to JavaScript's exact limit.
wire_values = st.one_of(
    texts.filter(lambda text: len(text) <= 1_000),
    st.integers(-(2**53) + 1, 2**53 - 1),
    st.sampled_from([0, -1, 2**53 - 1, "0", "10003", "NOT_FOUND"]),
)
# Names of body members: hostile, so paths reach them only through the bracket form.
member_names = st.one_of(
    st.sampled_from([*HOSTILE, "__proto__", "constructor", "toString"]),
    st.text(max_size=8),
    words,
)
EXTRA_KINDS = ["string", "integer", "number", "boolean", "strings", "object"]


def quoted_path(*names: str) -> str:
    """$['a']['b']: a JSONPath naming each member in brackets, whatever its characters."""

    def quote(name: str) -> str:
        escaped = "".join(
            "\\" + char if char in "\\'" else f"\\u{ord(char):04x}" if ord(char) < 0x20 else char
            for char in name
        )
        return f"['{escaped}']"

    return "$" + "".join(quote(name) for name in names)


@st.composite
def extra_values(draw: st.DrawFn, kind: str) -> Any:
    return draw(
        {
            "string": texts,
            "integer": st.integers(-(2**53) + 1, 2**53 - 1),
            "number": st.floats(allow_nan=False, allow_infinity=False, width=32),
            "boolean": st.booleans(),
            "strings": st.lists(texts, max_size=2),
            "object": st.dictionaries(member_names, texts, max_size=2),
        }[kind]
    )


@st.composite
def deprecations(draw: st.DrawFn) -> Any:
    """`deprecated:` as `true`, or with each of its keys, its message hostile."""
    if draw(st.booleans()):
        return True
    return {"since": "v2", "message": draw(texts), "sunset": "2027-06-30"}


@st.composite
def extras(
    draw: st.DrawFn, prefix: str, taken: set[str], deprecate_first: bool = False
) -> dict[str, Any]:
    """Extras named apart (also once camelCased), each at a hostile path; the first one
    deprecated with every key of `deprecated:` if asked."""
    found: dict[str, Any] = {}
    # Each under a member of its own, beside (never inside) what the envelope reads.
    members = draw(st.lists(member_names, min_size=2, max_size=2, unique=True))
    for name in draw(st.lists(st.one_of(words, st.sampled_from(["from", "class"])), max_size=2)):
        name = f"{prefix}{name}" if name not in ("from", "class") else name
        camel = name.replace("_", "").lower()
        if camel in taken:
            continue
        taken.add(camel)
        found[name] = {
            "path": quoted_path(prefix, members.pop()),
            "type": draw(st.sampled_from(EXTRA_KINDS)),
            "description": draw(texts),
        }
        if deprecate_first and len(found) == 1:
            found[name]["deprecated"] = {
                "since": "v2",
                "message": draw(texts),
                "sunset": "2027-06-30",
            }
        elif draw(st.booleans()):
            found[name]["deprecated"] = draw(deprecations())
    return found


@st.composite
def wire_catalogues(draw: st.DrawFn) -> Drawn:
    """A format 2 catalogue using every key the format grew, hostile wherever a string goes:
    wire values, paths, literals, extras and their examples, status classes."""
    typed = draw(st.booleans())
    type_keys = draw(st.lists(words, min_size=1, max_size=2, unique_by=_pascal)) if typed else []
    code_keys = draw(st.lists(words, min_size=1, max_size=4, unique_by=_pascal))
    removed_count = draw(st.integers(0, 2))
    count = len(code_keys) + len(type_keys) + removed_count
    sent = draw(
        st.lists(wire_values, min_size=count, max_size=count, unique_by=lambda v: (type(v), v))
    )
    types = {
        f"q{key}": {
            "wire": [sent.pop()],
            "fault": "client" if i % 2 == 0 else "server",
            "description": draw(texts),
        }
        for i, key in enumerate(type_keys)
    }
    for key in types:
        if draw(st.booleans()):
            types[key]["deprecated"] = draw(deprecations())
            types[key]["previous_names"] = {
                "go": [f"ErrFormerly{_pascal(key)}"],
                "kotlin": [f"Formerly{_pascal(key)}Error"],
                "python": [f"Formerly{_pascal(key)}Error"],
                "typescript": [f"Formerly{_pascal(key)}Error"],
            }
    reads_success = draw(st.booleans())
    statuses = {
        "400": {"title": draw(texts), "description": draw(texts), "name": "bad"},
        "404": {"title": draw(texts), "description": draw(texts), "name": "missing"},
        "5xx": {"title": draw(texts), "description": draw(texts), "name": "broken"},
    }
    if reads_success:
        statuses["200"] = {"title": draw(texts), "description": draw(texts), "name": "fine"}
    taken: set[str] = set()
    envelope_extras = draw(extras("e_", taken, deprecate_first=True))
    codes = {}
    for key in code_keys:
        code: dict[str, Any] = {"wire": [sent.pop()]}
        if typed:
            type_key = draw(st.sampled_from(sorted(types)))
            code["type"] = type_key
            fault = types[type_key]["fault"]
        else:
            fault = draw(st.sampled_from(["client", "server"]))
        status = draw(st.sampled_from(["400", "404"])) if fault == "client" else "5xx"
        code["status"] = [status, "200"] if reads_success and draw(st.booleans()) else status
        answer = draw(st.sampled_from([None, 503, 599])) if status == "5xx" else None
        if answer is not None:  # a concrete status for the range, instead of 500
            code["answer_status"] = answer
        if not typed and reads_success:
            code["fault"] = fault
        code |= {
            "message": draw(texts),
            "description": draw(texts),
            "retryable": draw(st.booleans()),
            "throttling": draw(st.booleans()),
        }
        if draw(st.booleans()):  # its own page, instead of api.reference_url's
            code["reference_url"] = f"https://acme.example/pages/{len(codes)}?a=1&b=~"
        own = draw(extras(f"c{len(codes)}_", set(taken)))
        if own:
            code["extras"] = own
        examples = {**envelope_extras, **own}
        chosen = draw(st.lists(st.sampled_from(sorted(examples)), unique=True)) if examples else []
        if chosen:
            code["example_extras"] = {
                name: draw(extra_values(examples[name]["type"])) for name in chosen
            }
        if draw(st.booleans()):
            code["example_fields"] = [
                {"name": draw(texts), "messages": draw(st.lists(texts, min_size=1, max_size=2))}
            ]
        if draw(st.booleans()):
            code["deprecated"] = draw(deprecations())
        if draw(st.booleans()):  # classes renamed, a name a language apiece
            code["previous_names"] = {
                "go": [f"ErrFormerly{len(codes)}"],
                "kotlin": [f"Was{len(codes)}Error"],
                "python": [f"Formerly{len(codes)}Error"],
                "typescript": [f"Formerly{len(codes)}Error", f"Once{len(codes)}Error"],
            }
        codes[f"x{key}"] = code
    live = [key for key, code in codes.items() if "deprecated" not in code]
    for code in codes.values():
        if isinstance(code.get("deprecated"), dict) and live and draw(st.booleans()):
            code["deprecated"]["replaced_by"] = draw(st.sampled_from(live))
    removed: dict[str, Any] = {}
    for index in range(removed_count):
        gone: dict[str, Any] = {
            "removed_in": "v2",
            "status": draw(st.sampled_from(["400", "404", "5xx"])),
            "wire": [sent.pop()],
            "note": draw(texts),
        }
        if types or draw(st.booleans()):  # its last type, perhaps one the API has no more
            gone["type"] = draw(st.sampled_from([*types, "qvanished"]))
        if live and draw(st.booleans()):
            gone["replaced_by"] = draw(st.sampled_from(live))
        if draw(st.booleans()):  # the class names it had, not the derived ones
            gone["names"] = {
                "go": f"ErrLost{index}",
                "kotlin": f"Lost{index}Error",
                "python": f"Lost{index}Error",
                "typescript": f"Lost{index}Error",
            }
        removed[f"gone_{index}"] = gone
    error = draw(member_names.filter(lambda name: name not in ("ok", "flag", "e_", "errors")))
    error = error if not error.startswith("c") else f"_{error}"  # apart from codes' extras
    literal = draw(texts)
    envelopes: dict[str, Any] = {
        # Slack-like: errors sent with 200 too, told apart by members equal to literals.
        "flagged": {
            "description": draw(texts),
            "when": {
                "statuses": ["200", "4xx", "5xx"] if reads_success else ["4xx", "5xx"],
                "equals": {"$.ok": False, quoted_path("flag", error): literal},
            },
            "code": quoted_path(error, "code"),
            "message": quoted_path(error, "message"),
            "request_id": quoted_path(error, "request"),
            "extras": envelope_extras,
            "fields": [{"path": quoted_path(error, "fields"), "shape": "map"}],
        },
        # GitHub-like: a list of errors, each with its own code and field.
        "listed": {
            "description": draw(texts),
            "errors": "$.errors",
            "decides": draw(st.sampled_from(["first", "first_known"])),
            "code": "$.code",
            "type": "$.kind",
            "message": "$.message",
            "fields": [{"path": "$", "pointer": "$.pointer", "message": "$.message"}],
        },
        "text": {
            "description": draw(texts),
            "when": {"media_type": ["text/plain"]},
            "body": "text",
        },
        # Problem details: the code is the type URI's last segment; a filter picks a detail.
        "problem": {
            "description": draw(texts),
            "when": {"media_type": ["application/problem+json"], "present": ["$.type"]},
            "code": "$.type",
            "code_from": "last_segment",
            "message": "$.detail",
            "extras": {
                "p_reason": {
                    "path": f"$.details[?@['@type']=={quoted_path(draw(texts))[2:-1]}].reason",
                    "description": draw(texts),
                }
            },
        },
    }
    order = draw(st.permutations(sorted(envelopes)))
    data: dict[str, Any] = {
        "format": 2,
        "api": {
            "name": draw(texts),
            "prefix": "Acme",
            "reference": "https://acme.example/errors",
            "docs_url": "https://acme.example/docs/",
            "version": "1.0.0",
            "reference_url": "https://acme.example/errors/{code}#{code:kebab}",
        },
        "python": {"package": "acme_errors"},
        "typescript": {
            "package": "@acme/errors",
            "style": draw(st.sampled_from(["enum", "erasable"])),
        },
        "statuses": statuses,
        "http": {
            "request_id_headers": draw(
                st.lists(
                    st.sampled_from(["x-request-id", "x-amzn-requestid", "cf-ray"]),
                    min_size=1,
                    unique=True,
                )
            ),
            "retry_statuses": draw(
                st.lists(st.sampled_from([408, 409, 429, 500, 503]), unique=True)
            ),
            "secret_headers": draw(
                st.lists(st.sampled_from(["x-secret", "x-client-id"]), unique=True)
            ),
        },
        "codes": codes,
        "envelopes": {key: envelopes[key] for key in order},
    }
    if removed:
        data["removed"] = removed
    if draw(st.booleans()):  # else Go, chosen with --target go, takes its defaults
        data["go"] = {
            "module": draw(st.sampled_from(["example.com/acme/errors", "a.b/~c+d/e_f.g/v2"])),
            "package": "acmeerrors",
        }
    if draw(st.booleans()):  # what the gate holds the api to, and the changelog
        data["api"] |= {
            "codes": draw(st.sampled_from(["open", "closed"])),
            "messages": draw(st.sampled_from(["prose", "contract"])),
        }
        key = next(iter(codes))
        data["changes"] = {
            "1.0.0": [{"rule": "code-added", "code": key, "reason": draw(texts)}],
            "0.9.10": [
                {"rule": "envelope-changed", "envelope": "flagged", "reason": draw(texts)},
                {"rule": "package-renamed", "target": "python", "reason": draw(texts)},
                {"rule": "status-added", "status": "404", "reason": draw(texts)},
                {"rule": "status-class-added", "status_class": "missing", "reason": "x"},
                {"rule": "type-added", "type": "qnew", "reason": draw(texts)},
                {"rule": "extra-added", "extra": "e_x", "code": key, "reason": draw(texts)},
            ],
        }
    if typed:
        data["types"] = types
    if draw(st.booleans()):
        data["status_classes"] = {
            "missing": {
                "statuses": ["404"],
                "description": draw(texts),
                "wins_over_type": draw(st.booleans()),
            }
        }
        if draw(st.booleans()):
            data["status_classes"]["missing"] |= {
                "names": {
                    "go": "ErrAbsent",
                    "kotlin": "AbsentError",
                    "python": "AbsentError",
                    "typescript": "AbsentError",
                },
                "deprecated": draw(deprecations()),
                "previous_names": {
                    "go": ["ErrGoneMissing"],
                    "kotlin": ["GoneMissingError"],
                    "python": ["GoneMissingError"],
                    "typescript": ["NoneError"],
                },
            }
    if draw(st.booleans()):  # else Kotlin, chosen with --target kotlin, takes its defaults
        data["kotlin"] = {
            "package": draw(st.sampled_from(["com.acme.errors", "a_b.c9.d"])),
            "jvm_target": draw(st.sampled_from(["1.8", "17"])),
        }
    text = yaml.safe_dump(
        data, default_style='"', allow_unicode=draw(st.booleans()), sort_keys=False, width=10**9
    )
    return Drawn(data, text, draw(file_names))
