"""Load a catalogue: read the YAML, check it against the format, check its meaning, build the
model. Every problem found on the way is reported at once, each with its location."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import naming, source
from .model import (
    Api,
    Catalogue,
    Change,
    Condition,
    Deprecation,
    Envelope,
    ErrorCode,
    ErrorType,
    Extra,
    FieldError,
    FieldSource,
    Http,
    PreviousName,
    Status,
    StatusClass,
    Tombstone,
    Wire,
)
from .problems import START, CatalogueError, Location, Problem
from .schema import FORMAT, FORMAT_VERSION, INVALID, MAX_BYTES, spec
from .target import Target
from .target import builtin as builtin_targets


def load(
    path: Path | str,
    shown_as: str | None = None,
    targets: Sequence[Target] | None = None,
    *,
    names: bool = True,
) -> Catalogue:
    """The catalogue at path, checked for the targets given (by default the built-in ones);
    names=False: see parse."""
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
    return parse(data, shown, targets, names=names)


def parse(
    data: bytes, shown_as: str, targets: Sequence[Target] | None = None, *, names: bool = True
) -> Catalogue:
    """The catalogue in data. names=False leaves the names to check_names, unless the
    catalogue has other problems: those are reported with its names' as one."""
    chosen = list(builtin_targets().values()) if targets is None else list(targets)
    tree = source.read(data, shown_as)
    problems: list[Problem] = []
    token = FORMAT.set(_format_of(tree))
    try:
        checked = spec(chosen).check(tree, "", problems)
        if checked is INVALID:
            raise CatalogueError(shown_as, problems)
        catalogue = _build(tree, checked, problems, chosen)
    finally:
        FORMAT.reset(token)
    if catalogue is not None and (names or problems):
        problems += naming.check(catalogue, _named(catalogue, chosen))
    if problems:
        raise CatalogueError(shown_as, problems)
    assert catalogue is not None
    return catalogue


def check_names(
    catalogue: Catalogue, found: Sequence[Target], chosen: Sequence[Target], shown_as: str
) -> None:
    """What parse(names=False) leaves, for a run of the targets chosen, as a CatalogueError."""
    problems = naming.check(catalogue, _named(catalogue, found, chosen))
    if problems:
        raise CatalogueError(shown_as, problems)


def _named(
    catalogue: Catalogue, found: Sequence[Target], chosen: Sequence[Target] = ()
) -> list[Target]:
    """The targets whose names a catalogue must allow: every one generated for it (any
    template may name any language's classes), and those a run chose. An opt-in target's
    names matter only where it is generated."""
    return [t for t in found if t.generated_for(catalogue) or t in chosen]


def _format_of(tree: source.Node) -> int:
    """The format the catalogue says it is in, for checking which keys it may use (a bad
    value is reported by the format check; meanwhile the newest format applies)."""
    node = tree.value.get("format") if isinstance(tree.value, dict) else None
    value = node.value if node is not None else None
    return value if type(value) is int and 1 <= value <= FORMAT_VERSION else FORMAT_VERSION


def _where(tree: source.Node, *keys: str | int) -> Location:
    """The location of the value at keys (names, or indices of lists), or of the nearest
    enclosing one that exists."""
    return _node(tree, *keys).location


def _key_at(tree: source.Node, *keys: str | int) -> Location:
    """The location of the last key of keys (where a mapping names it), else _where's."""
    return _keys_at(tree, *keys[:-1])(keys[-1])


def _keys_at(tree: source.Node, *table: str | int) -> Callable[[str | int], Location]:
    """_key_at(tree, *table, key) for any key of one table, found without walking down to
    the table again: for each code, that was a fifth of building 10,000 codes."""
    parent = _node(tree, *table)
    children: dict[Any, source.Node] = parent.value if isinstance(parent.value, dict) else {}

    def at(key: str | int) -> Location:
        child = children.get(key)
        return parent.location if child is None else child.key_location or child.location

    return at


def _node(tree: source.Node, *keys: str | int) -> source.Node:
    """The node at keys, or the nearest enclosing one that exists."""
    node = tree
    for key in keys:
        child = None
        if isinstance(node.value, dict) and isinstance(key, str):
            child = node.value.get(key)
        elif isinstance(node.value, list) and isinstance(key, int) and key < len(node.value):
            child = node.value[key]
        if child is None:
            break
        node = child
    return node


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
            _key_at(tree, "statuses", key),
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
            _key_at(tree, "types", key),
            wire=tuple(entry["wire"] or ()),
            deprecated=_deprecation(entry["deprecated"]),
            previous_names=_previous(tree, entry["previous_names"], "types", key),
        )
        for key, entry in _entries(checked["types"])
    }
    _check_wire(tree, "types", "type", types.values(), problems)
    envelopes = [
        _envelope(tree, key, entry, problems) for key, entry in _entries(checked["envelopes"])
    ]
    _check_extras_agree(envelopes, problems)
    references = _References(
        statuses,
        types,
        _keys(checked["statuses"]),
        _keys(checked["types"]) if checked["types"] is not None else (),
        tuple(envelopes),
    )
    code_at = _keys_at(tree, "codes")
    codes = [
        _code(tree, key, entry, references, problems, code_at(key))
        for key, entry in _entries(checked["codes"])
    ]
    _check_wire(tree, "codes", "code", codes, problems)
    status_classes = [
        _status_class(tree, key, entry, references, problems)
        for key, entry in _entries(checked["status_classes"])
    ]
    _check_status_classes(tree, status_classes, problems)
    removed = [
        _tombstone(tree, key, entry) for key, entry in _entries(checked.get("removed") or {})
    ]
    _check_lifecycle(tree, codes, removed, problems)
    if not (clean or _valid(checked)):
        return None
    return Catalogue(
        format=checked["format"],
        api=Api(**checked["api"], location=_where(tree, "api", "prefix")),
        statuses=tuple(statuses.values()),
        types=tuple(types.values()),
        codes=tuple(codes),
        envelopes=tuple(envelopes),
        options={
            target.name: checked[target.name]
            for target in targets
            if target.options is not None and checked.get(target.name) is not None
        },
        status_classes=tuple(status_classes),
        http=_http(checked["http"]),
        removed=tuple(removed),
        changes=_changes(tree, checked.get("changes") or {}, problems),
        settings={
            f"{section}.{key}": _key_at(tree, section, key)
            for section in ("api", "http", *(t.name for t in targets if t.options is not None))
            if isinstance(checked.get(section), dict)
            for key in checked[section]
        },
    )


def _changes(
    tree: source.Node, table: dict[str, Any], problems: list[Problem]
) -> tuple[Change, ...]:
    from .breaking import RULES  # the gate's registry says which rule ids there are

    found = []
    for version, entries in table.items():
        for index, entry in enumerate(entries or ()):
            where = _where(tree, "changes", version, index, "rule")
            if entry["rule"] not in RULES:
                close = difflib.get_close_matches(entry["rule"], RULES, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                problems.append(
                    Problem(where, f"changes.{version}: no rule {entry['rule']!r}{hint}")
                )
            about = tuple(
                (name, value)
                for name, value in entry.items()
                if name not in ("rule", "reason") and value is not None
            )
            found.append(Change(version, entry["rule"], entry["reason"], about, where))
    return tuple(found)


def _deprecation(entry: dict[str, Any] | None) -> Deprecation | None:
    if entry is None:
        return None
    return Deprecation(
        since=entry["since"],
        message=entry["message"],
        replaced_by=entry.get("replaced_by"),
        sunset=entry["sunset"],
    )


def _previous(
    tree: source.Node, entry: dict[str, Any] | None, *at: str
) -> tuple[PreviousName, ...]:
    if not entry:  # as for most entries: at 10,000 codes the empty tuples add up
        return ()
    return tuple(
        PreviousName(target, name, _where(tree, *at, "previous_names", target, index))
        for target, names in (entry or {}).items()
        for index, name in enumerate(names or ())
    )


def _names(table: dict[str, str | None] | None) -> tuple[tuple[str, str], ...]:
    """(target, class name) of each name a `names:` table sets."""
    if not table:
        return ()
    return tuple((target, name) for target, name in table.items() if name)


def _tombstone(tree: source.Node, key: str, entry: dict[str, Any]) -> Tombstone:
    return Tombstone(
        key=key,
        status=entry["status"],
        removed_in=entry["removed_in"],
        type=entry["type"],
        wire=tuple(entry["wire"] or ()),
        note=entry["note"],
        replaced_by=entry["replaced_by"],
        names=_names(entry["names"]),
        location=_key_at(tree, "removed", key),
    )


def _check_lifecycle(
    tree: source.Node, codes: list[ErrorCode], removed: list[Tombstone], problems: list[Problem]
) -> None:
    """A replacement is a live code that is not deprecated itself; a removed code's key and
    wire values are never used again (its class names: naming.check)."""
    live = {code.key: code for code in codes}

    def replacement(name: str | None, where: Location, owner: str, what: str) -> None:
        found = live.get(name) if name is not None else None
        if name is None or (found is not None and found.deprecated is None and name != owner):
            return
        why = (
            "the code itself"
            if name == owner
            else f"{name!r}, which is no code"
            if found is None
            else f"{name!r}, which is deprecated too"
        )
        problems.append(Problem(where, f"{what} {owner!r}: replaced_by names {why}"))

    for code in codes:
        if code.deprecated is not None:
            replacement(
                code.deprecated.replaced_by,
                _where(tree, "codes", code.key, "deprecated", "replaced_by"),
                code.key,
                "code",
            )
    sent: dict[tuple[type, Wire], Tombstone] = {}
    for tombstone in removed:
        replacement(
            tombstone.replaced_by,
            _where(tree, "removed", tombstone.key, "replaced_by"),
            tombstone.key,
            "removed code",
        )
        for index, value in enumerate(tombstone.sent_as):
            owner = sent.setdefault((type(value), value), tombstone)
            if owner is not tombstone:
                problems.append(
                    Problem(
                        _where(tree, "removed", tombstone.key, "wire", index),
                        f"removed code {tombstone.key!r}: the server sent {value!r} for "
                        f"removed code {owner.key!r} already",
                    )
                )
    for code in codes:
        if code.key in {tombstone.key for tombstone in removed}:
            gone = next(tombstone for tombstone in removed if tombstone.key == code.key)
            problems.append(
                Problem(
                    code.location,
                    f"code {code.key!r} was removed in {gone.removed_in} (line "
                    f"{gone.location.line}); a removed code's key is never used again: "
                    "choose another key",
                )
            )
            continue
        for index, value in enumerate(code.wire or (code.key,)):
            gone_by_value = sent.get((type(value), value))
            if gone_by_value is not None:
                problems.append(
                    Problem(
                        _where(tree, "codes", code.key, "wire", index)
                        if code.wire
                        else code.location,
                        f"code {code.key!r}: the server sent {value!r} for removed code "
                        f"{gone_by_value.key!r} (removed in {gone_by_value.removed_in}); a "
                        "removed code's wire values are never used again",
                    )
                )


def _http(entry: dict[str, Any] | None) -> Http:
    if entry is None:
        return Http()
    default = Http()
    return Http(
        request_id_headers=tuple(entry["request_id_headers"] or default.request_id_headers),
        retry_statuses=tuple(
            default.retry_statuses if entry["retry_statuses"] is None else entry["retry_statuses"]
        ),
        secret_headers=tuple(entry["secret_headers"] or ()),
    )


@dataclass(frozen=True)
class _References:
    """What codes may refer to: the valid entries, and every declared key (None when the
    table itself is unusable, which is reported once, not once per code)."""

    statuses: dict[str, Status]
    types: dict[str, ErrorType]
    declared_statuses: tuple[str, ...] | None
    declared_types: tuple[str, ...] | None
    envelopes: tuple[Envelope, ...]

    @functools.cached_property
    def envelope_extras(self) -> dict[str, Extra]:
        return {extra.name: extra for envelope in self.envelopes for extra in envelope.extras}

    def read_at(self, status: Status) -> bool:
        """Whether some envelope reads bodies of this (non-error) status as errors."""
        return any(
            envelope.when is not None
            and any(_status_covers(entry, status.key) for entry in envelope.when.statuses)
            for envelope in self.envelopes
        )


def _status_covers(entry: str, key: str) -> bool:
    """Whether a status or range (200, 2xx) covers a status or range of `statuses`."""
    return entry == key or (entry.endswith("xx") and entry[0] == key[0])


def _keys(table: Any) -> tuple[str, ...] | None:
    return tuple(table) if isinstance(table, dict) else None


def _listing(names: Any) -> str:
    return ", ".join(str(name) for name in names) or "none"


def _fault_of_status(status: Status) -> str | None:
    return "client" if 400 <= status.first < 500 else "server" if status.first >= 500 else None


def _code(
    tree: source.Node,
    key: str,
    entry: dict[str, Any],
    references: _References,
    problems: list[Problem],
    location: Location,
) -> ErrorCode:
    def problem(field: str, message: str) -> None:
        problems.append(Problem(_where(tree, "codes", key, field), f"code {key!r}: {message}"))

    error_type = references.types.get(entry["type"]) if entry["type"] else None
    declared_types = references.declared_types
    if (
        entry["type"] is not None
        and declared_types is not None
        and entry["type"] not in declared_types
    ):
        problem("type", f"unknown type {entry['type']!r}; the types are {_listing(declared_types)}")
    keys: list[str] = entry["status"]
    statuses = [references.statuses[k] for k in keys if k in references.statuses]
    declared = references.declared_statuses
    for status_key in keys:
        if (
            status_key not in references.statuses
            and declared is not None
            and status_key not in declared
        ):
            problem(
                "status",
                f"unknown status {status_key}; add it under `statuses` "
                f"(known: {_listing(declared)})",
            )
    # A code is its type's fault unless it says otherwise (and then it must agree); without
    # a type, its status's.
    fault = entry["fault"] or (error_type.fault if error_type is not None else None)
    if fault is None and statuses:
        fault = _fault_of_status(statuses[0])
    for status in statuses:
        expected = _fault_of_status(status)
        if expected is None:
            if not references.read_at(status):
                problem(
                    "status",
                    f"status {status.key} is not an error status (4xx or 5xx)"
                    + (
                        "; an envelope whose `when: statuses` lists it can read errors sent with it"
                        if FORMAT.get() > 1
                        else ""
                    ),
                )
            elif fault is None:
                problem("fault", f"its status {status.key} is not an error status: give a `fault`")
        elif fault is not None and fault != expected:
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
    answer = entry["answer_status"]
    if answer is not None and not any(_status_covers(k, str(answer)) for k in keys):
        problem(
            "answer_status",
            f"answer_status {answer} is not among its statuses ({_listing(keys)}); a server "
            "must answer with a status the code is documented with",
        )
    names = _names(entry["names"])
    extras = _extras(tree, entry["extras"], "codes", key)
    for extra in extras:
        if extra.name in references.envelope_extras:
            problems.append(
                Problem(
                    extra.location,
                    f"code {key!r}: the extra {extra.name!r} is an envelope's already, "
                    "on every error",
                )
            )
    example_extras = tuple((entry["example_extras"] or {}).items())
    known_extras = (
        {extra.name: extra for extra in extras} | references.envelope_extras
        if example_extras
        else {}
    )
    for name, value in example_extras:
        extra_declared = known_extras.get(name)
        if extra_declared is None:
            problems.append(
                Problem(
                    _key_at(tree, "codes", key, "example_extras", name),
                    f"code {key!r}: example_extras names {name!r}, which is no extra of the "
                    f"code or of an envelope (extras: {_listing(known_extras)})",
                )
            )
        elif not _of_kind(value, extra_declared.kind):
            problems.append(
                Problem(
                    _where(tree, "codes", key, "example_extras", name),
                    f"code {key!r}: example_extras.{name} is not of its type, "
                    f"{extra_declared.kind}",
                )
            )
    return ErrorCode(
        key=key,
        type=entry["type"],
        status=keys[0],
        message=entry["message"],
        description=entry["description"],
        retryable=entry["retryable"],
        fault=fault or "client",  # only when a problem is reported above
        since=entry["since"],
        names=names,
        example_fields=tuple(
            FieldError(item["name"], tuple(item["messages"])) for item in entry["example_fields"]
        )
        if entry["example_fields"]
        else (),
        location=location,
        wire=tuple(entry["wire"] or ()),
        statuses=tuple(keys),
        reference_url=entry["reference_url"],
        extras=extras,
        example_extras=example_extras,
        throttling=entry["throttling"],
        answer_status=entry["answer_status"],
        deprecated=_deprecation(entry["deprecated"]),
        previous_names=_previous(tree, entry["previous_names"], "codes", key),
    )


def _of_kind(value: Any, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return type(value) is int
    if kind == "number":
        return type(value) in (int, float)
    if kind == "boolean":
        return type(value) is bool
    if kind == "strings":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    return True


def _extras(tree: source.Node, table: dict[str, Any] | None, *at: str) -> tuple[Extra, ...]:
    if not table:
        return ()
    return tuple(
        Extra(
            name,
            entry["path"],
            entry["type"],
            entry["description"],
            _key_at(tree, *at, "extras", name),
            _deprecation(entry["deprecated"]),
        )
        for name, entry in (table or {}).items()
    )


def _check_extras_agree(envelopes: list[Envelope], problems: list[Problem]) -> None:
    """An extra several envelopes read is one attribute, so it has one type."""
    first: dict[str, tuple[Envelope, Extra]] = {}
    for envelope in envelopes:
        for extra in envelope.extras:
            owner, declared = first.setdefault(extra.name, (envelope, extra))
            if declared.kind != extra.kind:
                problems.append(
                    Problem(
                        extra.location,
                        f"envelope {envelope.key!r}: the extra {extra.name!r} is of type "
                        f"{extra.kind}, but envelope {owner.key!r} reads it as {declared.kind}; "
                        "it is one attribute, of one type",
                    )
                )


def _check_wire(
    tree: source.Node,
    table: str,
    what: str,
    entries: Iterable[ErrorCode | ErrorType],
    problems: list[Problem],
) -> None:
    """Every value a server sends names one entry: matched exactly, 10003 is not "10003"."""
    owners: dict[tuple[type, Wire], ErrorCode | ErrorType] = {}
    for entry in entries:
        for index, value in enumerate(entry.wire or (entry.key,)):
            owner = owners.setdefault((type(value), value), entry)
            if owner is entry:
                continue
            why = "" if owner.wire else "; that is its key, sent because it has no `wire:`"
            where = _where(tree, table, entry.key, "wire", index) if entry.wire else entry.location
            problems.append(
                Problem(
                    where,
                    f"{what} {entry.key!r}: the server sends {value!r} for {what} "
                    f"{owner.key!r} already{why}",
                )
            )


def _status_class(
    tree: source.Node,
    key: str,
    entry: dict[str, Any],
    references: _References,
    problems: list[Problem],
) -> StatusClass:
    declared = references.declared_statuses
    for index, status in enumerate(entry["statuses"]):
        where = _where(tree, "status_classes", key, "statuses", index)
        message = None
        if status in entry["statuses"][:index]:
            message = f"status {status} is listed twice"
        elif declared is not None and status not in declared:
            message = f"unknown status {status}; add it under `statuses`"
        elif (
            status in references.statuses
            and _fault_of_status(references.statuses[status]) is None
            and not references.read_at(references.statuses[status])
        ):
            message = (
                f"status {status} is not an error status, and no envelope's `when: statuses` "
                "reads it, so this class would never be chosen"
            )
        if message is not None:
            problems.append(Problem(where, f"status class {key!r}: {message}"))
    return StatusClass(
        key=key,
        statuses=tuple(entry["statuses"]),
        description=entry["description"],
        wins_over_type=entry["wins_over_type"],
        names=_names(entry["names"]),
        location=_key_at(tree, "status_classes", key),
        deprecated=_deprecation(entry["deprecated"]),
        previous_names=_previous(tree, entry["previous_names"], "status_classes", key),
    )


def _check_status_classes(
    tree: source.Node, classes: list[StatusClass], problems: list[Problem]
) -> None:
    owners: dict[str, StatusClass] = {}
    for status_class in classes:
        for index, status in enumerate(status_class.statuses):
            owner = owners.setdefault(status, status_class)
            if owner is not status_class:
                problems.append(
                    Problem(
                        _where(tree, "status_classes", status_class.key, "statuses", index),
                        f"status class {status_class.key!r}: status {status} belongs to status "
                        f"class {owner.key!r} already",
                    )
                )


def _envelope(
    tree: source.Node, key: str, entry: dict[str, Any], problems: list[Problem]
) -> Envelope:
    def problem(message: str, *at: str | int) -> None:
        problems.append(
            Problem(_where(tree, "envelopes", key, *at), f"envelope {key!r}: {message}")
        )

    fields = []
    for index, item in enumerate(entry["fields"] or ()):
        shape, at = item["shape"], f"envelopes.{key}.fields[{index}]"
        where = _where(tree, "envelopes", key, "fields", index)
        if shape == "objects":
            if item["name"] is None and item["pointer"] is None:
                problems.append(Problem(where, f"{at} names the field under 'name' or 'pointer'"))
            if (item["messages"] is None) == (item["message"] is None):
                message = f"{at} must have exactly one of 'messages' or 'message'"
                problems.append(Problem(where, message))
        else:
            given = [
                k for k in ("name", "messages", "message", "code", "type", "pointer") if item[k]
            ]
            if given:
                message = f"{at} is of shape {shape}, which has no {given[0]!r}"
                problems.append(Problem(where, message))
        fields.append(FieldSource(**item))
    if entry["body"] == "json" and not any(entry[k] for k in ("code", "type", "message")):
        problem("it must say where the code, the type or the message is")
    if entry["body"] == "text" and any(
        entry[k] for k in ("code", "type", "errors", "fields", "request_id")
    ):
        problem("a text body has no code, type, errors or fields: its text is the message")
    if entry["decides"] != "first" and not entry["errors"]:
        problem("`decides` chooses among `errors`, which it does not give", "decides")
    if entry["code_from"] != "whole" and not entry["code"]:
        problem("`code_from` says how to read the code, which it does not give", "code_from")
    # A path to a single value cannot lead further; a path to field errors or to an object
    # extra may (Stripe's field source is the error object itself).
    values = [
        entry[name]
        for name in ("type", "code", "message", "reference", "request_id")
        if entry[name]
    ]
    values += [
        extra["path"]
        for extra in (entry["extras"] or {}).values()
        if extra["type"] not in ("object", "strings")
    ]
    paths = values + [field.path for field in fields]
    paths += [extra["path"] for extra in (entry["extras"] or {}).values()]
    for path in values:
        for other in paths:
            if other.startswith((path + ".", path + "[")):
                problem(f"{path!r} holds a value, so it cannot also contain {other!r}")
    when = entry["when"]
    condition = None
    if when is not None:
        condition = Condition(
            media_types=tuple(when["media_type"] or ()),
            statuses=tuple(when["statuses"] or ()),
            present=tuple(when["present"] or ()),
            equals=tuple((when["equals"] or {}).items()),
        )
    return Envelope(
        key=key,
        description=entry["description"],
        type=entry["type"],
        code=entry["code"],
        message=entry["message"],
        reference=entry["reference"],
        fields=tuple(fields),
        since=entry["since"],
        when=condition,
        body=entry["body"],
        errors=entry["errors"],
        decides=entry["decides"],
        code_from=entry["code_from"],
        extras=_extras(tree, entry["extras"], "envelopes", key),
        request_id=entry["request_id"],
        location=_key_at(tree, "envelopes", key),
    )
