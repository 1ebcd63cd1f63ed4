"""Located problems in a user's input: every stage reports them the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class Location(NamedTuple):  # a tuple: there is one for every node of a catalogue
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


START = Location(1, 1)


@dataclass(frozen=True, order=True)
class Problem:
    location: Location
    message: str

    def render(self, path: str) -> str:
        return f"{path}:{self.location}: error: {self.message}"


class CatalogueError(Exception):
    """The catalogue is unusable; `problems` says every reason, each with its location."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = sorted(set(problems))
        super().__init__("\n".join(problem.render(path) for problem in self.problems))

    def __reduce__(self) -> tuple[type[CatalogueError], tuple[str, list[Problem]]]:
        return CatalogueError, (self.path, self.problems)  # back from a worker process


class GateError(Exception):
    """The breaking-change gate cannot read the other version: the message says why and
    what to do."""


class TemplateError(Exception):
    """A template failed to render or rendered invalid code: a bug in a template, not in the
    catalogue."""


class UserTemplateError(Exception):
    """A template from the user's --templates folder failed: bad input, naming the template
    file and line."""
