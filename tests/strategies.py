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
    text = yaml.safe_dump(
        data, default_style='"', allow_unicode=draw(st.booleans()), sort_keys=False, width=10**9
    )
    return Drawn(data, text, draw(file_names))
