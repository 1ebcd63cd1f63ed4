"""A worked example of a code target of one's own: `example`, a made-up language whose files
declare error classes. Everything particular to it is here and in example/ beside this
file; no module of the generator changes. A real language's module looks the same (the
built-in ones are generator/target/python.py and typescript.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from generator import naming
from generator.model import Catalogue, ErrorCode, ErrorType, StatusClass
from generator.problems import Location, Problem
from generator.schema import NAME, NAME_HINT, PASCAL, PASCAL_HINT, Key, Record, Text
from generator.target import Language, Target

_SPECIAL = re.compile(r'["\\]|[^\x20-\x7e]')


def string(text: str) -> str:
    """An example string literal: double quotes, backslash escapes, \\u{...} for the rest."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return "\\" + char if char in '"\\' else f"\\u{{{ord(char):x}}}"

    return f'"{_SPECIAL.sub(escape, text)}"'


def entry_class(entry: ErrorCode | ErrorType | StatusClass) -> str:
    if isinstance(entry, ErrorCode | StatusClass):
        return entry.name_in("example") or f"{naming.pascal(entry.key)}Failure"
    return f"{naming.pascal(entry.key)}Failures"


def class_name(entry: ErrorCode | ErrorType | StatusClass | None, catalogue: Catalogue) -> str:
    return f"{catalogue.api.prefix}Failure" if entry is None else entry_class(entry)


def package(catalogue: Catalogue) -> str:
    name: str = catalogue.options.get("example", {}).get("package", "errors")
    return name


class Example(Target):
    language = "Example"
    options = Record(
        "The generated example package.",
        {"package": Key(Text("Its name.", NAME, NAME_HINT), required=True)},
    )
    opt_in = True
    class_name_key = Text("Example class name.", PASCAL, PASCAL_HINT)
    module_names = frozenset({"Failure", "Code"})

    def filters(self) -> Mapping[str, Callable[..., Any]]:
        return {"ex_str": string, "ex_class": entry_class}

    def variables(self, catalogue: Catalogue, languages: Sequence[Language]) -> Mapping[str, Any]:
        return {"package": package(catalogue), "base": class_name(None, catalogue)}

    def header(self, catalogue_name: str) -> str:
        return f"Made from {catalogue_name} by error-bindings; edits are lost."

    def output_path(self, path: str, catalogue: Catalogue) -> str:
        return path.replace("__package__", package(catalogue))

    def top_level_names(self, catalogue: Catalogue) -> list[tuple[str, Location, str]]:
        return [
            (class_name(None, catalogue), catalogue.api.location, "the base error class"),
            *((class_name(c, catalogue), c.location, f"code {c.key!r}") for c in catalogue.codes),
        ]

    def check(self, catalogue: Catalogue) -> list[Problem]:
        names = self.top_level_names(catalogue)
        problems = naming.shadowing(names, self.module_names, "a name example files define")
        return problems + naming.collisions("example class", names)

    def format(self, files: dict[str, str], by_user: Mapping[str, str]) -> dict[str, str]:
        # Its layout: no trailing spaces.
        return {path: re.sub(r"[ \t]+$", "", text, flags=re.M) for path, text in files.items()}

    def class_name(
        self, entry: ErrorCode | ErrorType | StatusClass | None, catalogue: Catalogue
    ) -> str:
        return class_name(entry, catalogue)

    def symbol(self, entry: ErrorCode | ErrorType | StatusClass, catalogue: Catalogue) -> str:
        return f"{package(catalogue)}::{class_name(entry, catalogue)}"

    def package(self, catalogue: Catalogue) -> str:
        return package(catalogue)


TARGET = Example("example")
