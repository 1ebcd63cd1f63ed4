"""Load a catalogue: read the YAML, check it against the format, check its meaning, build the
model. Every problem found on the way is reported at once, each with its location."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import naming, source
from .model import Api, Catalogue, Envelope, ErrorCode, ErrorType, FieldError, FieldSource, Status
from .problems import START, CatalogueError, Location, Problem
from .schema import INVALID, MAX_BYTES, spec
from .target import Target
from .target import builtin as builtin_targets


def load(
    path: Path | str, shown_as: str | None = None, targets: Sequence[Target] | None = None
) -> Catalogue:
    """The catalogue at path, checked for the targets given (by default the built-in ones)."""
    shown = shown_as or str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            problem = Problem(
                START,
                f"the catalogue is {size / 1024 / 1024:,.0f} MiB; catalogues of more than "
                f"{MAX_BYTES // 1024 // 1024} MiB are refused (this one was not read)",
            )
            raise CatalogueError(shown, [problem])
        data = Path(path).read_bytes()
    except OSError as error:
        problem = Problem(START, f"cannot read the catalogue: {error.strerror}")
        raise CatalogueError(shown, [problem]) from None
    return parse(data, shown, targets)


def parse(data: bytes, shown_as: str, targets: Sequence[Target] | None = None) -> Catalogue:
    chosen = list(builtin_targets().values()) if targets is None else list(targets)
    tree = source.read(data, shown_as)
    problems: list[Problem] = []
    checked = spec(chosen).check(tree, "", problems)
    if checked is INVALID:
        raise CatalogueError(shown_as, problems)
    catalogue = _build(tree, checked, problems, chosen)
    if catalogue is not None:
        problems += naming.check(catalogue, chosen)
    if problems:
        raise CatalogueError(shown_as, problems)
    assert catalogue is not None
    return catalogue


def _where(tree: source.Node, *keys: str) -> Location:
    """The location of the value at keys, or of the nearest enclosing one that exists."""
    node = tree
    for key in keys:
        child = node.value.get(key) if isinstance(node.value, dict) else None
        if child is None:
            break
        node = child
    return node.location


def _valid(value: Any) -> bool:
    if value is INVALID:
        return False
    if isinstance(value, dict):
        return all(_valid(item) for item in value.values())
    if isinstance(value, list):
        return all(_valid(item) for item in value)
    return True


def _build(
    tree: source.Node, checked: dict[str, Any], problems: list[Problem], targets: Sequence[Target]
) -> Catalogue | None:
    # With no problem so far every value is valid, and big catalogues skip the validity walks.
    clean = not problems

    def _entries(table: Any) -> list[tuple[str, dict[str, Any]]]:
        if not isinstance(table, dict):
            return []
        return [(key, entry) for key, entry in table.items() if clean or _valid(entry)]

    statuses = {
        key: Status(
            key,
            entry["title"],
            entry["description"],
            entry["since"],
            _key_where(tree, "statuses", key),
            entry["name"],
        )
        for key, entry in _entries(checked["statuses"])
    }
    types = {
        key: ErrorType(
            key,
            entry["description"],
            entry["fault"],
            entry["since"],
            _key_where(tree, "types", key),
        )
        for key, entry in _entries(checked["types"])
    }
    references = _References(statuses, types, _keys(checked["statuses"]), _keys(checked["types"]))
    codes = [
        _code(tree, key, entry, references, problems) for key, entry in _entries(checked["codes"])
    ]
    envelopes = [
        _envelope(tree, key, entry, problems) for key, entry in _entries(checked["envelopes"])
    ]
    if not (clean or _valid(checked)):
        return None
    return Catalogue(
        format=checked["format"],
        api=Api(**checked["api"], location=_where(tree, "api", "prefix")),
        statuses=tuple(statuses.values()),
        types=tuple(types.values()),
        codes=tuple(code for code in codes if code is not None),
        envelopes=tuple(envelopes),
        options={
            target.name: checked[target.name]
            for target in targets
            if target.options is not None and checked.get(target.name) is not None
        },
    )


@dataclass(frozen=True)
class _References:
    """What codes may refer to: the valid entries, and every declared key (None when the
    table itself is unusable, which is reported once, not once per code)."""

    statuses: dict[str, Status]
    types: dict[str, ErrorType]
    declared_statuses: tuple[str, ...] | None
    declared_types: tuple[str, ...] | None


def _keys(table: Any) -> tuple[str, ...] | None:
    return tuple(table) if isinstance(table, dict) else None


def _listing(names: Any) -> str:
    return ", ".join(str(name) for name in names) or "none"


def _code(
    tree: source.Node,
    key: str,
    entry: dict[str, Any],
    references: _References,
    problems: list[Problem],
) -> ErrorCode:
    def problem(field: str, message: str) -> None:
        problems.append(Problem(_where(tree, "codes", key, field), f"code {key!r}: {message}"))

    error_type = references.types.get(entry["type"])
    status = references.statuses.get(entry["status"])
    # A code is its type's fault unless it says otherwise (and then it must agree).
    fault = entry["fault"] or (error_type.fault if error_type is not None else None)
    declared_types = references.declared_types
    if declared_types is not None and entry["type"] not in declared_types:
        problem("type", f"unknown type {entry['type']!r}; the types are {_listing(declared_types)}")
    declared = references.declared_statuses
    if status is None:
        if declared is not None and entry["status"] not in declared:
            problem(
                "status",
                f"unknown status {entry['status']}; add it under `statuses` "
                f"(known: {_listing(declared)})",
            )
    elif not status.is_error:
        problem("status", f"status {status.key} is not an error status (4xx or 5xx)")
    elif fault is not None:
        expected = "client" if status.first < 500 else "server"
        if fault != expected:
            given = (
                f"fault is {fault!r}"
                if entry["fault"]
                else f"its type {entry['type']!r} makes it a {fault} fault"
            )
            problem(
                "fault" if entry["fault"] else "status",
                f"{given} but status {status.key} is a "
                f"{expected} error ({'4xx' if expected == 'client' else '5xx'})",
            )
    if error_type is not None and entry["fault"] and entry["fault"] != error_type.fault:
        problem(
            "fault",
            f"fault is {entry['fault']!r} but its type {error_type.key!r} is a "
            f"{error_type.fault} fault",
        )
    names = tuple((key, name) for key, name in (entry["names"] or {}).items() if name)
    return ErrorCode(
        key=key,
        type=entry["type"],
        status=entry["status"],
        message=entry["message"],
        description=entry["description"],
        retryable=entry["retryable"],
        fault=fault or "client",  # only without a valid type, which is reported above
        since=entry["since"],
        names=names,
        example_fields=tuple(
            FieldError(item["name"], tuple(item["messages"]))
            for item in entry["example_fields"] or ()
        ),
        location=_key_where(tree, "codes", key),
    )


def _key_where(tree: source.Node, table: str, key: str) -> Location:
    node: source.Node = tree.value[table].value[key]
    return node.key_location or node.location


def _envelope(
    tree: source.Node, key: str, entry: dict[str, Any], problems: list[Problem]
) -> Envelope:
    fields = tuple(FieldSource(**item) for item in entry["fields"] or ())
    paths = [entry[name] for name in ("type", "code", "message", "reference") if entry[name]]
    paths += [field.path for field in fields]
    for path in paths:
        for other in paths:
            if other.startswith(path + "."):
                problems.append(
                    Problem(
                        _where(tree, "envelopes", key),
                        f"envelope {key!r}: {path!r} holds a value, so it cannot also "
                        f"contain {other!r}",
                    )
                )
    return Envelope(
        key=key,
        description=entry["description"],
        type=entry["type"],
        code=entry["code"],
        message=entry["message"],
        reference=entry["reference"],
        fields=fields,
        since=entry["since"],
    )
