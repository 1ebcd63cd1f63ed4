"""What every target's names share: how words join, the docs URL of a code, and the checks
that keep names safe. Each target's own rules live in its module (generator/targets/).

Catalogue keys are validated as lower_snake_case before they get here, so deriving a name is
a matter of joining words; what can still go wrong is a name that shadows something (a
builtin, a keyword, a name the generated module defines itself) or two entries landing on
the same name. Both are reported as located problems, never silently renamed: the user fixes
them with a `names:` override on the code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .model import Catalogue, ErrorCode, ErrorType, StatusClass, Tombstone
from .problems import Location, Problem

if TYPE_CHECKING:
    from .target import Target


@functools.cache  # every target asks for the same names
def pascal(key: str) -> str:
    return "".join([word[:1].upper() + word[1:] for word in key.split("_")])


@functools.cache  # asked for by every template, several times per code
def error_class(key: str) -> str:
    """A class named after a key: storage_error gives StorageError, not StorageErrorError."""
    return pascal(key) if key.endswith("_error") else f"{pascal(key)}Error"


# The classes of failures to get an answer, under the base class and named alike in every
# language: (kind, class name suffix).
TRANSPORT_CLASSES = (
    ("transport", "TransportError"),
    ("connection", "ConnectionError"),
    ("timeout", "TimeoutError"),
)


def transport_classes(catalogue: Catalogue) -> dict[str, str]:
    return {kind: f"{catalogue.api.prefix}{suffix}" for kind, suffix in TRANSPORT_CLASSES}


def title_words(title: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", title)


@functools.cache
def pascal_case(title: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in title_words(title))


def docs_url(catalogue: Catalogue, code: ErrorCode) -> str:
    """Where a code is described in the published docs: the docs target's anchor for it."""
    return f"{catalogue.api.docs_url}#{code.key}"


def check(catalogue: Catalogue, targets: Sequence[Target]) -> list[Problem]:
    """Every name of the targets given that shadows something or collides with another, with
    both locations, and every status whose title gives no name."""
    problems = [problem for target in targets for problem in target.check(catalogue)]
    for status in catalogue.statuses:
        words = title_words(status.title)
        if not status.name and any(c.isalnum() and not c.isascii() for c in status.title):
            problems.append(
                Problem(
                    status.location,
                    f"status {status.key}: its title {status.title!r} has letters a name in "
                    "code cannot hold; give the status a `name:`",
                )
            )
        elif not status.name and (not words or words[0][0].isdigit()):
            problems.append(
                Problem(
                    status.location,
                    f"status {status.key}: its title {status.title!r} gives no name in code "
                    "(it needs a word starting with a letter); give the status a `name:`",
                )
            )
    return problems


def previous_names(catalogue: Catalogue, target: str) -> list[tuple[str, Location, str]]:
    """(name, where, whose) for each class name a target's bindings keep as an alias."""
    entries: list[tuple[str, ErrorCode | ErrorType | StatusClass]] = [
        *(("status class", entry) for entry in catalogue.status_classes),
        *(("type", entry) for entry in catalogue.types),
        *(("code", entry) for entry in catalogue.codes),
    ]
    return [
        (found.name, found.location, f"a previous name of {what} {entry.key!r}")
        for what, entry in entries
        for found in entry.previous_names
        if found.target == target
    ]


def class_names(
    catalogue: Catalogue,
    target: str,
    entry_class: Callable[[ErrorCode | ErrorType | StatusClass], str],
    *fixed: tuple[str, str],
) -> list[tuple[str, Location, str]]:
    """(name, where, whose) of every name a language's module gives at its top level for the
    catalogue: the fixed ones ((name, what): its base class, ...), the classes of failures to
    get an answer, each status class's, type's and code's class, and their previous names."""
    where = catalogue.api.location
    return [
        *((name, where, what) for name, what in fixed),
        *(
            (name, where, f"the {kind} error class")
            for kind, name in transport_classes(catalogue).items()
        ),
        *(
            (entry_class(s), s.location, f"status class {s.key!r}")
            for s in catalogue.status_classes
        ),
        *((entry_class(t), t.location, f"type {t.key!r}") for t in catalogue.types),
        *((entry_class(c), c.location, f"code {c.key!r}") for c in catalogue.codes),
        *previous_names(catalogue, target),
    ]


def removed_classes(
    catalogue: Catalogue, class_of: Callable[[Tombstone], str]
) -> list[tuple[str, Location, str]]:
    """(class name, where, whose) of each removed code, never to be used again: to be listed
    before the live names, so that a collision is reported where a live name takes one. (A
    removed key used again is reported as such, not as its class too.)"""
    live = {code.key for code in catalogue.codes}
    return [
        (class_of(gone), gone.location, f"removed code {gone.key!r}")
        for gone in catalogue.removed
        if gone.key not in live
    ]


def shadowing(
    names: Sequence[tuple[str, Location, str]],
    reserved: frozenset[str],
    what: str,
    fix: str = "choose another under `names:`",
) -> list[Problem]:
    if reserved.isdisjoint([name for name, _, _ in names]):  # as nearly always
        return []
    return [
        Problem(location, f"{owner} is named {name}, which would shadow {what}; {fix}")
        for name, location, owner in names
        if name in reserved
    ]


def attribute_problems(target: Target, catalogue: Catalogue, language: str) -> list[Problem]:
    """Extras whose attribute shadows one every error has, or is another extra's on the
    same class. An extra's key is only its attribute's name, so the fix is renaming it."""
    problems = shadowing(
        target.attributes(catalogue),
        target.attribute_names,
        f"an attribute every {language} error has",
        "rename the extra (its `path:` says what it reads)",
    )
    shared = [
        (target.attribute(extra), extra.location, f"the extra {extra.name!r}")
        for extra in catalogue.envelope_extras
    ]
    problems += collisions(f"{language} attribute", shared)
    envelope_names = {extra.name for extra in catalogue.envelope_extras}
    for code in catalogue.codes:
        if not code.extras:  # most codes: nothing of their own to collide
            continue
        # One named like an envelope's is reported by the catalogue check.
        own = [
            (target.attribute(extra), extra.location, f"the extra {extra.name!r} of {code.key!r}")
            for extra in code.extras
            if extra.name not in envelope_names
        ]
        places = {location for _, location, _ in own}
        problems += [
            problem
            for problem in collisions(f"{language} attribute", shared + own)
            if problem.location in places
        ]
    return problems


def collisions(role: str, names: Sequence[tuple[str, Location, str]]) -> list[Problem]:
    if len({name for name, _, _ in names}) == len(names):  # as nearly always
        return []
    problems: list[Problem] = []
    seen: dict[str, tuple[Location, str]] = {}
    for name, location, owner in names:
        if name in seen:
            first_location, first_owner = seen[name]
            problems.append(
                Problem(
                    location,
                    f"{owner} and {first_owner} (line {first_location.line}, "
                    f"column {first_location.column}) both become the {role} "
                    f"{name}",
                )
            )
        else:
            seen[name] = (location, owner)
    return problems
