"""What changed between two versions of a catalogue, and whom it breaks.

Each rule of the registry compares the old catalogue with the new and reports findings: a
stable rule id, the semantic-version impact, the categories of users it breaks (`wire`: what
servers and clients send and read; `source:<target>`: code compiled against that target's
bindings; `behaviour`: what a program does with the same code; `docs`: published links), the
subject (`code x`, `envelope v3`, ...) and a location, on the new side, or on the old side for
what is gone. The registry is the documentation too: `python -m generator breaking --rules`
prints it, and docs/breaking.md is that page (a test keeps them equal).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .model import Catalogue, Envelope, ErrorCode, ErrorType, Extra, Tombstone
from .problems import Location

if TYPE_CHECKING:
    from .target import Target

IMPACTS = ("patch", "minor", "major")
CATEGORIES = ("wire", "source", "behaviour", "docs")


@dataclass(frozen=True)
class Finding:
    rule: str
    impact: str
    categories: tuple[str, ...]
    """wire, source:<target>, behaviour, docs: whom it breaks (none for an addition)."""
    message: str
    location: Location
    old_side: bool = False
    """Whether the location is in the old catalogue (what it points at is gone)."""
    about: tuple[tuple[str, str], ...] = ()
    """What it is about, as an acknowledgement names it: (code, x), (envelope, v3), ..."""

    @property
    def breaking(self) -> bool:
        return self.impact == "major"


@dataclass(frozen=True)
class Rule:
    id: str
    impact: str
    """Its impact; some rules say more in each finding (see the description)."""
    categories: tuple[str, ...]
    summary: str
    description: str
    check: Callable[[Diff], Iterator[Finding]] = field(repr=False, compare=False)


RULES: dict[str, Rule] = {}


def rule(
    id: str, impact: str, categories: Sequence[str], summary: str, description: str
) -> Callable[[Callable[[Diff], Iterator[Finding]]], Callable[[Diff], Iterator[Finding]]]:
    def register(check: Callable[[Diff], Iterator[Finding]]) -> Callable[[Diff], Iterator[Finding]]:
        assert id not in RULES and impact in IMPACTS and set(categories) <= set(CATEGORIES), id
        RULES[id] = Rule(id, impact, tuple(categories), summary, description, check)
        return check

    return register


class Diff:
    """The two catalogues a rule compares, and the findings it makes of them."""

    def __init__(self, old: Catalogue, new: Catalogue, targets: Sequence[Target]) -> None:
        self.old, self.new = old, new
        # An opt-in target's bindings exist where either catalogue has its section.
        self.languages = [
            target
            for target in targets
            if target.language is not None
            and (target.generated_for(old) or target.generated_for(new))
        ]
        self.old_codes = {code.key: code for code in old.codes}
        self.new_codes = {code.key: code for code in new.codes}
        self.old_removed = {gone.key: gone for gone in old.removed}
        self.new_removed = {gone.key: gone for gone in new.removed}
        self.renamed = self._renames()
        """{old key: new key} of each code whose key changed but whose wire values did not."""

    def _renames(self) -> dict[str, str]:
        added = [c for k, c in self.new_codes.items() if k not in self.old_codes]
        found = {}
        for key, old in self.old_codes.items():
            if key in self.new_codes or key in self.new_removed:
                continue
            heir = next(
                (code for code in added if all(_has(_sent(code), v) for v in _sent(old))), None
            )
            if heir is not None:
                found[key] = heir.key
        return found

    def finding(
        self,
        rule_id: str,
        message: str,
        at: Location,
        *,
        old_side: bool = False,
        impact: str | None = None,
        categories: Sequence[str] | None = None,
        about: Sequence[tuple[str, str]] = (),
    ) -> Finding:
        found = RULES[rule_id]
        chosen = found.categories if categories is None else tuple(categories)
        expanded: list[str] = []
        for category in chosen:
            if category == "source":
                expanded += [f"source:{target.name}" for target in self.languages]
            else:
                expanded.append(category)
        return Finding(
            rule_id,
            impact or found.impact,
            tuple(expanded),
            message,
            at,
            old_side,
            tuple(about),
        )

    def only_in(self, side: Catalogue, table: str) -> list[Any]:
        """The entries of a table (types, statuses, ...) that side has and the other has not."""
        other = self.new if side is self.old else self.old
        keys = {entry.key for entry in getattr(other, table)}
        return [entry for entry in getattr(side, table) if entry.key not in keys]

    def both_codes(self) -> Iterator[tuple[ErrorCode, ErrorCode]]:
        for key, new in self.new_codes.items():
            old = self.old_codes.get(key)
            if old is not None:
                yield old, new


def compare(old: Catalogue, new: Catalogue, targets: Sequence[Target]) -> list[Finding]:
    """Every finding of every rule, in registry order, each rule's in catalogue order."""
    diff = Diff(old, new, targets)
    return [finding for found in RULES.values() for finding in found.check(diff)]


def _sent(entry: ErrorCode | ErrorType | Tombstone) -> tuple[Any, ...]:
    values: tuple[Any, ...] = entry.wire or (entry.key,)
    return values


def _show(values: Sequence[Any]) -> str:
    return ", ".join(repr(value) for value in values)


# Codes ----------------------------------------------------------------------------------


@rule(
    "code-removed",
    "major",
    ("wire", "source", "behaviour", "docs"),
    "A code was deleted without a tombstone.",
    "Its classes are gone from every binding, clients that still receive it fall back to "
    "its type's class, its docs anchor no longer resolves, and nothing stops a later edit "
    "from giving its key or wire values another meaning. Move it under `removed:` instead.",
)
def _code_removed(diff: Diff) -> Iterator[Finding]:
    for key, old in diff.old_codes.items():
        gone = key not in diff.new_codes and key not in diff.new_removed
        if gone and key not in diff.renamed:
            yield diff.finding(
                "code-removed",
                f"code {key!r} was deleted; keep it under `removed:` (a tombstone)",
                old.location,
                old_side=True,
                about=[("code", key)],
            )


@rule(
    "code-renamed",
    "major",
    ("source", "behaviour", "docs"),
    "A code's key changed; a new code is sent as every value the old one was.",
    "Servers send the same values, but its `ErrorCode` member and the `code` errors hold "
    "change, its docs anchor moves, and its class is renamed unless the new code keeps the "
    "old class names under `previous_names:`.",
)
def _code_renamed(diff: Diff) -> Iterator[Finding]:
    for key, heir in diff.renamed.items():
        yield diff.finding(
            "code-renamed",
            f"code {key!r} is now {heir!r} (sent as the same values)",
            diff.new_codes[heir].location,
            about=[("code", heir)],
        )


@rule(
    "code-retired",
    "major",
    ("source", "behaviour"),
    "A code was removed, leaving a tombstone.",
    "What was compiled against its classes breaks, and a client receiving it gets an error "
    "of its type's class that says it was removed; the wire and the docs anchor stay safe. "
    "The finding says whether the code was deprecated first, as it should be.",
)
def _code_retired(diff: Diff) -> Iterator[Finding]:
    for key, old in diff.old_codes.items():
        gone = diff.new_removed.get(key)
        if key not in diff.new_codes and gone is not None:
            # A code of a deprecated type is deprecated with it.
            deprecated = old.deprecated or (old.type and diff.old.type(old.type).deprecated)
            before = "after its deprecation" if deprecated else "without a deprecation first"
            yield diff.finding(
                "code-retired",
                f"code {key!r} was removed in {gone.removed_in}, {before}",
                gone.location,
                about=[("code", key)],
            )


@rule(
    "tombstone-removed",
    "major",
    ("wire", "docs"),
    "A removed code's tombstone was deleted.",
    "Its key, wire values and class names become free to mean something else, and its docs "
    "section, where links from old clients land, is gone.",
)
def _tombstone_removed(diff: Diff) -> Iterator[Finding]:
    for key, gone in diff.old_removed.items():
        if key not in diff.new_removed and key not in diff.new_codes:
            yield diff.finding(
                "tombstone-removed",
                f"the tombstone of removed code {key!r} was deleted",
                gone.location,
                old_side=True,
                about=[("code", key)],
            )


@rule(
    "tombstone-changed",
    "major",
    ("wire",),
    "A removed code's tombstone keeps fewer of the values servers sent for it.",
    "The values it no longer lists become free to mean another code.",
)
def _tombstone_changed(diff: Diff) -> Iterator[Finding]:
    for key, gone in diff.new_removed.items():
        was = diff.old_removed.get(key)
        lost = [v for v in _sent(was) if not _has(_sent(gone), v)] if was is not None else []
        if lost:
            yield diff.finding(
                "tombstone-changed",
                f"the tombstone of removed code {key!r} no longer keeps {_show(lost)}",
                gone.location,
                about=[("code", key)],
            )


@rule(
    "tombstone-reused",
    "major",
    ("wire", "behaviour"),
    "A live code takes the key or a wire value of a removed one.",
    "Clients of the old bindings read the new code as the removed one, or as unknown.",
)
def _tombstone_reused(diff: Diff) -> Iterator[Finding]:
    old_values = {
        (type(value), value): gone for gone in diff.old_removed.values() for value in _sent(gone)
    }
    for code in diff.new.codes:
        reused, taken = diff.old_removed.get(code.key), "the key"
        for value in _sent(code) if reused is None else ():
            if (type(value), value) in old_values:
                reused, taken = old_values[(type(value), value)], f"the wire value {value!r}"
                break
        if reused is not None:
            yield diff.finding(
                "tombstone-reused",
                f"code {code.key!r} takes {taken} of removed code {reused.key!r}",
                code.location,
                about=[("code", code.key)],
            )


@rule(
    "code-added",
    "minor",
    (),
    "A code was added.",
    "Codes are open by contract: bindings read a code they do not know, and users must not "
    "match codes exhaustively without a default branch. A catalogue that promised "
    "exhaustiveness (`api.codes: closed` in the old version, whatever the new one says) makes "
    "this major: it breaks exhaustive matches.",
)
def _code_added(diff: Diff) -> Iterator[Finding]:
    # The promise users relied on is the old version's: dropping it does not unbreak them.
    closed = diff.old.api.codes == "closed"
    still = "are" if diff.new.api.codes == "closed" else "were"
    heirs = set(diff.renamed.values())
    for key, code in diff.new_codes.items():
        if key not in diff.old_codes and key not in diff.old_removed and key not in heirs:
            yield diff.finding(
                "code-added",
                f"code {key!r} was added" + (f" (codes {still} closed)" if closed else ""),
                code.location,
                impact="major" if closed else "minor",
                categories=("source", "behaviour") if closed else (),
                about=[("code", key)],
            )


@rule(
    "code-deprecated",
    "minor",
    (),
    "A code was deprecated.",
    "Nothing breaks; type checkers and editors start flagging its uses.",
)
def _code_deprecated(diff: Diff) -> Iterator[Finding]:
    for old, new in diff.both_codes():
        if new.deprecated is not None and old.deprecated is None:
            yield diff.finding(
                "code-deprecated",
                f"code {new.key!r} was deprecated",
                new.location,
                about=[("code", new.key)],
            )


@rule(
    "deprecated",
    "minor",
    (),
    "A type, a status class or an extra was deprecated.",
    "Nothing breaks; type checkers and editors start flagging the uses of a deprecated class, "
    "and the docs say what to use instead.",
)
def _deprecated(diff: Diff) -> Iterator[Finding]:
    for what, table in (("type", "types"), ("status_class", "status_classes")):
        before = {entry.key: entry for entry in getattr(diff.old, table)}
        for entry in getattr(diff.new, table):
            was = before.get(entry.key)
            if was is not None and entry.deprecated is not None and was.deprecated is None:
                yield diff.finding(
                    "deprecated",
                    f"{what.replace('_', ' ')} {entry.key!r} was deprecated",
                    entry.location,
                    about=[(what, entry.key)],
                )
    old_extras = _extras(diff.old)
    for (owner, name), extra in _extras(diff.new).items():
        was_extra = old_extras.get((owner, name))
        if was_extra is not None and extra.deprecated is not None and was_extra.deprecated is None:
            yield diff.finding(
                "deprecated",
                f"the extra {name!r} of {_owner(owner)} was deprecated",
                extra.location,
                about=_about(owner, name),
            )


@rule(
    "throttling-changed",
    "minor",
    ("behaviour",),
    "Whether a code says the client is sending too much flipped.",
    "Its errors' `throttled` answer changes, and with it what clients that back off do.",
)
def _throttling_changed(diff: Diff) -> Iterator[Finding]:
    for old, new in diff.both_codes():
        if old.throttling != new.throttling:
            yield diff.finding(
                "throttling-changed",
                f"code {new.key!r} {'now says' if new.throttling else 'no longer says'} the "
                "client is sending too much",
                new.location,
                about=[("code", new.key)],
            )


@rule(
    "wire-value-removed",
    "major",
    ("wire", "behaviour"),
    "A value a server sends for a code or a type is no longer read as it.",
    "A server still sending it is read as an unknown code or type. Covers changing the "
    "canonical value, which servers built from the bindings write.",
)
def _wire_removed(diff: Diff) -> Iterator[Finding]:
    for what, old, new in _wired(diff):
        before, after = _sent(old), _sent(new)
        lost = [value for value in before if not _has(after, value)]
        if lost:
            yield diff.finding(
                "wire-value-removed",
                f"{what} {new.key!r} is no longer read from {_show(lost)}",
                new.location,
                about=[(what, new.key)],
            )
        elif before[0] != after[0] or type(before[0]) is not type(after[0]):
            yield diff.finding(
                "wire-value-removed",
                f"{what} {new.key!r} is now written as {after[0]!r}, not {before[0]!r}",
                new.location,
                categories=("wire",),
                about=[(what, new.key)],
            )


def _wired(diff: Diff) -> list[tuple[str, Any, Any]]:
    """("code" or "type", old, new) for each code and each type in both catalogues."""
    pairs: list[tuple[str, Any, Any]] = [("code", old, new) for old, new in diff.both_codes()]
    old_types = {entry.key: entry for entry in diff.old.types}
    pairs += [("type", old_types[t.key], t) for t in diff.new.types if t.key in old_types]
    return pairs


def _has(values: Sequence[Any], value: Any) -> bool:
    return any(type(other) is type(value) and other == value for other in values)


@rule(
    "wire-value-added",
    "minor",
    (),
    "A code or a type is read from another value too.",
    "Old bindings read the new value as unknown; nothing they read before changes.",
)
def _wire_added(diff: Diff) -> Iterator[Finding]:
    for what, old, new in _wired(diff):
        before, after = _sent(old), _sent(new)
        added = [value for value in after if not _has(before, value)]
        if added:
            yield diff.finding(
                "wire-value-added",
                f"{what} {new.key!r} is also read from {_show(added)}",
                new.location,
                about=[(what, new.key)],
            )


@rule(
    "code-status-changed",
    "major",
    ("behaviour", "docs"),
    "The statuses a code comes with changed.",
    "Its documented status, the statuses it lists, or the status a server answers with "
    "(including a range such as 5xx becoming a concrete status) changed: servers answer "
    "otherwise, and clients choosing by status see other classes.",
)
def _status_changed(diff: Diff) -> Iterator[Finding]:
    for old, new in diff.both_codes():
        said = []
        if old.statuses != new.statuses:
            said.append(f"statuses {', '.join(old.statuses)} became {', '.join(new.statuses)}")
        if old.answer_status != new.answer_status:
            said.append(
                f"answer_status {new.answer_status} was added"
                if old.answer_status is None
                else f"answer_status {old.answer_status} was dropped"
                if new.answer_status is None
                else f"answer_status {old.answer_status} became {new.answer_status}"
            )
        if said:
            yield diff.finding(
                "code-status-changed",
                f"code {new.key!r}: " + "; ".join(said),
                new.location,
                about=[("code", new.key)],
            )


@rule(
    "code-type-changed",
    "major",
    ("source", "behaviour"),
    "A code moved to another type.",
    "Its class moves under another type's class: `except`/`instanceof` of the old type no "
    "longer catch it.",
)
def _type_changed(diff: Diff) -> Iterator[Finding]:
    for old, new in diff.both_codes():
        if old.type != new.type:
            yield diff.finding(
                "code-type-changed",
                f"code {new.key!r} moved from {_type_of(old)} to {_type_of(new)}",
                new.location,
                about=[("code", new.key)],
            )


def _type_of(code: ErrorCode) -> str:
    return "no type" if code.type is None else f"type {code.type!r}"


@rule(
    "fault-changed",
    "major",
    ("behaviour",),
    "Whose fault a code or a type is changed.",
    "Programs deciding by fault (report to the user, or page the team) act otherwise; a "
    "type's fault is what errors of an unknown code of that type say.",
)
def _fault_changed(diff: Diff) -> Iterator[Finding]:
    for old, new in diff.both_codes():
        if old.fault != new.fault:
            yield diff.finding(
                "fault-changed",
                f"code {new.key!r} is a {new.fault} fault, not a {old.fault} one",
                new.location,
                about=[("code", new.key)],
            )
    before = {entry.key: entry for entry in diff.old.types}
    for entry in diff.new.types:
        was = before.get(entry.key)
        if was is not None and was.fault != entry.fault:
            yield diff.finding(
                "fault-changed",
                f"type {entry.key!r} is a {entry.fault} fault, not a {was.fault} one",
                entry.location,
                about=[("type", entry.key)],
            )


@rule(
    "retryable-changed",
    "major",
    ("behaviour",),
    "Whether a code is retryable flipped.",
    "False to true is major: clients start repeating requests, which may repeat writes. "
    "True to false is minor: clients stop retrying.",
)
def _retryable_changed(diff: Diff) -> Iterator[Finding]:
    for old, new in diff.both_codes():
        if old.retryable != new.retryable:
            yield diff.finding(
                "retryable-changed",
                f"code {new.key!r} is {'now' if new.retryable else 'no longer'} retryable",
                new.location,
                impact="major" if new.retryable else "minor",
                about=[("code", new.key)],
            )


@rule(
    "message-changed",
    "patch",
    ("behaviour",),
    "A code's message changed.",
    "Patch by default: messages are prose. A catalogue whose clients match messages says "
    "`api.messages: contract`, which makes this major (as the old version says it, whatever "
    "the new one does).",
)
def _message_changed(diff: Diff) -> Iterator[Finding]:
    contract = diff.old.api.messages == "contract"
    for old, new in diff.both_codes():
        if old.message != new.message:
            yield diff.finding(
                "message-changed",
                f"code {new.key!r}: message {old.message!r} became {new.message!r}",
                new.location,
                impact="major" if contract else "patch",
                about=[("code", new.key)],
            )


# Types, statuses, status classes ------------------------------------------------------------


@rule(
    "type-removed",
    "major",
    ("wire", "source", "behaviour", "docs"),
    "An error type was removed.",
    "Its class and enum member are gone, and responses of it read as an unknown type.",
)
def _type_removed(diff: Diff) -> Iterator[Finding]:
    for entry in diff.only_in(diff.old, "types"):
        yield diff.finding(
            "type-removed",
            f"type {entry.key!r} was removed",
            entry.location,
            old_side=True,
            about=[("type", entry.key)],
        )


@rule(
    "type-added",
    "minor",
    ("source",),
    "An error type was added.",
    "Old bindings read a body of it as of an unknown type (the base class, or a status "
    "class); nothing they read before changes. Major where a language's error classes are "
    "sealed by type (Kotlin): an exhaustive `when` over the types no longer compiles.",
)
def _type_added(diff: Diff) -> Iterator[Finding]:
    sealed = [target for target in diff.languages if target.sealed_by_type]
    for entry in diff.only_in(diff.new, "types"):
        yield diff.finding(
            "type-added",
            f"type {entry.key!r} was added",
            entry.location,
            impact="major" if sealed else None,
            categories=[f"source:{target.name}" for target in sealed],
            about=[("type", entry.key)],
        )


@rule(
    "status-removed",
    "major",
    ("source", "docs"),
    "An HTTP status was removed.",
    "Its `HttpStatus` member and its docs section are gone.",
)
def _status_removed(diff: Diff) -> Iterator[Finding]:
    for status in diff.only_in(diff.old, "statuses"):
        yield diff.finding(
            "status-removed",
            f"status {status.key} was removed",
            status.location,
            old_side=True,
            about=[("status", status.key)],
        )


@rule(
    "status-added",
    "minor",
    (),
    "An HTTP status was added.",
    "A new `HttpStatus` member and docs section; nothing that compiled or read before changes.",
)
def _status_added(diff: Diff) -> Iterator[Finding]:
    for status in diff.only_in(diff.new, "statuses"):
        yield diff.finding(
            "status-added",
            f"status {status.key} was added",
            status.location,
            about=[("status", status.key)],
        )


@rule(
    "status-class-removed",
    "major",
    ("source", "behaviour"),
    "A status class was removed.",
    "Its class is gone, and responses of its statuses get another class.",
)
def _status_class_removed(diff: Diff) -> Iterator[Finding]:
    for entry in diff.only_in(diff.old, "status_classes"):
        yield diff.finding(
            "status-class-removed",
            f"status class {entry.key!r} was removed",
            entry.location,
            old_side=True,
            about=[("status_class", entry.key)],
        )


@rule(
    "status-class-added",
    "minor",
    ("behaviour",),
    "A status class was added.",
    "Responses of its statuses whose code is unknown get its class instead of another one; "
    "it is a subclass of the base class, so catching the base still works.",
)
def _status_class_added(diff: Diff) -> Iterator[Finding]:
    for entry in diff.only_in(diff.new, "status_classes"):
        yield diff.finding(
            "status-class-added",
            f"status class {entry.key!r} was added",
            entry.location,
            about=[("status_class", entry.key)],
        )


@rule(
    "status-class-changed",
    "major",
    ("behaviour",),
    "A status class is for other statuses, or ranks otherwise against the types.",
    "A status taken from it, or `wins_over_type` flipped, is major: responses that got its "
    "class get another one, or the reverse, so `except`/`instanceof` of either catch "
    "otherwise. A status added to it is minor, as a status class added is.",
)
def _status_class_changed(diff: Diff) -> Iterator[Finding]:
    old = {entry.key: entry for entry in diff.old.status_classes}
    for entry in diff.new.status_classes:
        before = old.get(entry.key)
        if before is None:
            continue
        added = [status for status in entry.statuses if status not in before.statuses]
        taken = [status for status in before.statuses if status not in entry.statuses]
        flipped = before.wins_over_type != entry.wins_over_type
        said = []
        if added:
            said.append(f"is also for {', '.join(added)}")
        if taken:
            said.append(f"is no longer for {', '.join(taken)}")
        if flipped:
            said.append(("now wins" if entry.wins_over_type else "no longer wins") + " over types")
        if said:
            yield diff.finding(
                "status-class-changed",
                f"status class {entry.key!r} " + "; ".join(said),
                entry.location,
                impact="major" if taken or flipped else "minor",
                about=[("status_class", entry.key)],
            )


# Envelopes and extras -----------------------------------------------------------------------


_LAYOUT = (
    "type",
    "code",
    "message",
    "reference",
    "fields",
    "when",
    "body",
    "errors",
    "decides",
    "code_from",
    "request_id",
)
"""Every key of an envelope that decides how a body reads, but its extras (extra rules)."""


def _relaid(before: Envelope, after: Envelope) -> list[str]:
    """The keys of _LAYOUT whose values differ."""
    return [key for key in _LAYOUT if getattr(before, key) != getattr(after, key)]


@rule(
    "envelope-removed",
    "major",
    ("wire", "behaviour"),
    "A body layout was removed.",
    "Bodies in it are no longer read: their code, type, message and fields are lost.",
)
def _envelope_removed(diff: Diff) -> Iterator[Finding]:
    for envelope in diff.only_in(diff.old, "envelopes"):
        yield diff.finding(
            "envelope-removed",
            f"envelope {envelope.key!r} was removed",
            envelope.location,
            old_side=True,
            about=[("envelope", envelope.key)],
        )


@rule(
    "envelope-added",
    "minor",
    ("behaviour",),
    "A body layout was added.",
    "Bodies it reads may have been read by a later layout before, or not at all; servers "
    "answering in it are not read by old bindings.",
)
def _envelope_added(diff: Diff) -> Iterator[Finding]:
    for envelope in diff.only_in(diff.new, "envelopes"):
        yield diff.finding(
            "envelope-added",
            f"envelope {envelope.key!r} was added",
            envelope.location,
            about=[("envelope", envelope.key)],
        )


@rule(
    "envelope-changed",
    "major",
    ("wire", "behaviour"),
    "A body layout's condition, a path, or its order changed.",
    "Bodies read before are read otherwise, or not at all.",
)
def _envelope_changed(diff: Diff) -> Iterator[Finding]:
    old = {envelope.key: envelope for envelope in diff.old.envelopes}
    old_order = [key for key in old if key in {e.key for e in diff.new.envelopes}]
    new_order = [envelope.key for envelope in diff.new.envelopes if envelope.key in old]
    for envelope in diff.new.envelopes:
        before = old.get(envelope.key)
        changed = _relaid(before, envelope) if before is not None else []
        if changed:
            yield diff.finding(
                "envelope-changed",
                f"envelope {envelope.key!r} reads bodies otherwise: its "
                + ", ".join(f"`{key}`" for key in changed)
                + " changed",
                envelope.location,
                about=[("envelope", envelope.key)],
            )
    if old_order != new_order:
        yield diff.finding(
            "envelope-changed",
            f"the envelopes are tried in another order: {', '.join(new_order)}",
            diff.new.envelopes[0].location,
            about=[("envelope", "*")],
        )


def _extras(catalogue: Catalogue) -> dict[tuple[str, str], Extra]:
    found = {("envelope", extra.name): extra for extra in catalogue.envelope_extras}
    for code in catalogue.codes:
        found |= {(code.key, extra.name): extra for extra in code.extras}
    return found


def _holder(extras: dict[tuple[str, str], Extra], owner: str, name: str) -> Extra | None:
    """What gives owner's extra of that name in a catalogue: its own, else (for a code's) the
    envelopes' of that name, which every error has: a code's extra moved to the envelopes is
    still the code's."""
    return extras.get((owner, name)) or extras.get(("envelope", name))


def _owner(owner: str) -> str:
    return "every error" if owner == "envelope" else f"code {owner!r}"


def _about(owner: str, name: str) -> list[tuple[str, str]]:
    return [("extra", name)] + ([("code", owner)] if owner != "envelope" else [])


@rule(
    "extra-removed",
    "major",
    ("source", "behaviour"),
    "An extra was removed.",
    "Its attribute is gone from the classes, and its value is no longer read. A code's extra "
    "that moves to the envelopes is not removed: every error has it, the code's too.",
)
def _extra_removed(diff: Diff) -> Iterator[Finding]:
    new = _extras(diff.new)
    for (owner, name), extra in _extras(diff.old).items():
        if owner != "envelope" and owner not in diff.new_codes:
            continue  # the code is gone, and reported so
        if _holder(new, owner, name) is None:
            yield diff.finding(
                "extra-removed",
                f"the extra {name!r} of {_owner(owner)} was removed",
                extra.location,
                old_side=True,
                about=_about(owner, name),
            )


@rule(
    "extra-retyped",
    "major",
    ("source", "behaviour"),
    "An extra's JSON type changed.",
    "Its attribute's type changes, and values of the old type are no longer read.",
)
def _extra_retyped(diff: Diff) -> Iterator[Finding]:
    new = _extras(diff.new)
    for (owner, name), before in _extras(diff.old).items():
        if owner != "envelope" and owner not in diff.new_codes:
            continue
        extra = _holder(new, owner, name)
        if extra is not None and before.kind != extra.kind:
            yield diff.finding(
                "extra-retyped",
                f"the extra {name!r} of {_owner(owner)} holds {extra.kind}, not {before.kind}",
                extra.location,
                about=_about(owner, name),
            )


@rule(
    "extra-moved",
    "major",
    ("wire", "behaviour"),
    "An extra is read from another place.",
    "Its path changed, or an envelope that read it no longer does: bodies that carry it "
    "where it was read before no longer give its value, and its attribute is empty.",
)
def _extra_moved(diff: Diff) -> Iterator[Finding]:
    old_envelopes = {envelope.key: envelope for envelope in diff.old.envelopes}
    still = {extra.name for extra in diff.new.envelope_extras}
    for envelope in diff.new.envelopes:
        before = old_envelopes.get(envelope.key)
        if before is None:
            continue  # an envelope added; one removed is envelope-removed
        now = {extra.name: extra for extra in envelope.extras}
        for old in before.extras:
            extra = now.get(old.name)
            if extra is not None and extra.path != old.path:
                yield diff.finding(
                    "extra-moved",
                    f"the extra {old.name!r} of every error is read from {extra.path} in "
                    f"envelope {envelope.key!r}, not {old.path}",
                    extra.location,
                    about=[("extra", old.name), ("envelope", envelope.key)],
                )
            elif extra is None and old.name in still:  # else extra-removed
                yield diff.finding(
                    "extra-moved",
                    f"the extra {old.name!r} of every error is no longer read in envelope "
                    f"{envelope.key!r}",
                    old.location,
                    old_side=True,
                    about=[("extra", old.name), ("envelope", envelope.key)],
                )
    new = _extras(diff.new)
    for code in diff.old.codes:
        for old in code.extras if code.key in diff.new_codes else ():
            extra = _holder(new, code.key, old.name)
            if extra is not None and extra.path != old.path:
                yield diff.finding(
                    "extra-moved",
                    f"the extra {old.name!r} of code {code.key!r} is read from {extra.path}, "
                    f"not {old.path}",
                    extra.location,
                    about=_about(code.key, old.name),
                )


@rule(
    "extra-added",
    "minor",
    (),
    "An extra was added.",
    "A new attribute on the errors that carry it; old bindings leave its value in the body.",
)
def _extra_added(diff: Diff) -> Iterator[Finding]:
    old = _extras(diff.old)
    for (owner, name), extra in _extras(diff.new).items():
        if (owner, name) not in old and (owner == "envelope" or owner in diff.old_codes):
            yield diff.finding(
                "extra-added",
                f"the extra {name!r} of {_owner(owner)} was added",
                extra.location,
                about=_about(owner, name),
            )


# Names, packages, links ---------------------------------------------------------------------


@rule(
    "identifier-changed",
    "major",
    ("source",),
    "A class name, or an HttpStatus member, changed, and the old one is not kept.",
    "Code naming the old class no longer compiles. Keep the old name under `previous_names:` "
    "(a deprecated alias of the class), which makes it minor: the class's own name, in its "
    "repr and its data, is the new one all the same. Dropping a previous name, an alias code "
    "may still use, is major too.",
)
def _identifier_changed(diff: Diff) -> Iterator[Finding]:
    entries: list[tuple[str, Any, Any]] = [("code", old, new) for old, new in diff.both_codes()]
    for table in ("types", "status_classes"):
        earlier = {entry.key: entry for entry in getattr(diff.old, table)}
        what = "type" if table == "types" else "status class"
        entries += [(what, earlier[e.key], e) for e in getattr(diff.new, table) if e.key in earlier]
    old_statuses = {status.key: status for status in diff.old.statuses}
    for target in diff.languages:
        for status in diff.new.statuses:
            was = old_statuses.get(status.key)
            if was is None:
                continue
            old_name, new_name = target.status_name(was), target.status_name(status)
            if old_name != new_name:
                yield diff.finding(
                    "identifier-changed",
                    f"status {status.key} is HttpStatus {new_name} in {target.language}, not "
                    f"{old_name} (its title or name changed)",
                    status.location,
                    categories=(f"source:{target.name}",),
                    about=[("status", status.key), ("target", target.name)],
                )
        old_base = target.class_name(None, diff.old)
        new_base = target.class_name(None, diff.new)
        if old_base != new_base:
            yield diff.finding(
                "identifier-changed",
                f"the base class is {new_base} in {target.language}, not {old_base}",
                diff.new.where("api.prefix"),
                categories=(f"source:{target.name}",),
                about=[("target", target.name)],
            )
        for what, old, new in entries:
            before, after = target.class_name(old, diff.old), target.class_name(new, diff.new)
            about = [(what.replace(" ", "_"), new.key), ("target", target.name)]
            aliases = new.previous_names_in(target.name)
            if before != after:
                kept = before in aliases
                yield diff.finding(
                    "identifier-changed",
                    f"{what} {new.key!r} is {after} in {target.language}, not {before}"
                    + (" (kept as a previous name)" if kept else ""),
                    new.location,
                    impact="minor" if kept else "major",
                    # Kept, the old name still compiles; the class's own name (in repr, in
                    # to_dict's "class") is the new one all the same.
                    categories=("behaviour",) if kept else (f"source:{target.name}",),
                    about=about,
                )
            for alias in old.previous_names_in(target.name):
                if alias != after and alias not in aliases:
                    yield diff.finding(
                        "identifier-changed",
                        f"{what} {new.key!r}: its previous name {alias} is gone in "
                        f"{target.language}",
                        new.location,
                        categories=(f"source:{target.name}",),
                        about=about,
                    )


@rule(
    "package-renamed",
    "major",
    ("source",),
    "A generated package was renamed.",
    "Every import of it breaks, and what is published under the old name stays as it was.",
)
def _package_renamed(diff: Diff) -> Iterator[Finding]:
    for target in diff.languages:
        if not (target.generated_for(diff.old) and target.generated_for(diff.new)):
            continue  # bindings that did not exist before, or no longer do
        # What code imports: the package's name (Go's, its module path), defaults and all.
        before, after = target.package(diff.old), target.package(diff.new)
        if before != after:
            yield diff.finding(
                "package-renamed",
                f"the {target.language} package is {after}, not {before}",
                diff.new.where(f"{target.name}.package"),
                categories=(f"source:{target.name}",),
                about=[("target", target.name)],
            )


@rule(
    "typescript-style-changed",
    "major",
    ("source",),
    "The TypeScript style changed (enum or erasable).",
    "The enums become `as const` objects or the reverse: code using them as types or "
    "values may no longer compile.",
)
def _style_changed(diff: Diff) -> Iterator[Finding]:
    before = diff.old.options.get("typescript", {}).get("style")
    after = diff.new.options.get("typescript", {}).get("style")
    if before is not None and after is not None and before != after:
        yield diff.finding(
            "typescript-style-changed",
            f"typescript.style is {after}, not {before}",
            diff.new.where("typescript.style"),
            categories=("source:typescript",),
            about=[("target", "typescript")],
        )


@rule(
    "docs-url-changed",
    "major",
    ("docs",),
    "Where the docs are published changed.",
    "Every docs link the old bindings give (each error's `docs_url`) points elsewhere.",
)
def _docs_url_changed(diff: Diff) -> Iterator[Finding]:
    if diff.old.api.docs_url != diff.new.api.docs_url:
        yield diff.finding(
            "docs-url-changed",
            f"api.docs_url is {diff.new.api.docs_url}, not {diff.old.api.docs_url}",
            diff.new.where("api.docs_url"),
        )


@rule(
    "reference-url-changed",
    "minor",
    ("docs",),
    "A code's page in the API's own reference moved.",
    "The `reference_url` old bindings give points elsewhere.",
)
def _reference_url_changed(diff: Diff) -> Iterator[Finding]:
    for old, new in diff.both_codes():
        before, after = diff.old.reference_url(old), diff.new.reference_url(new)
        if before != after:
            yield diff.finding(
                "reference-url-changed",
                f"code {new.key!r}: "
                + (
                    f"its reference {before} is gone"
                    if after is None
                    else f"its reference is {after}, where it had none"
                    if before is None
                    else f"its reference is {after}, not {before}"
                ),
                new.location,
                about=[("code", new.key)],
            )


@rule(
    "retry-statuses-changed",
    "major",
    ("behaviour",),
    "The statuses retried when the code does not say changed.",
    "A status added is major (clients retry more, which may repeat writes); one removed is minor.",
)
def _retry_statuses_changed(diff: Diff) -> Iterator[Finding]:
    before, after = set(diff.old.http.retry_statuses), set(diff.new.http.retry_statuses)
    if after - before:
        yield diff.finding(
            "retry-statuses-changed",
            f"responses of status {', '.join(map(str, sorted(after - before)))} are now retried",
            diff.new.where("http.retry_statuses"),
        )
    if before - after:
        yield diff.finding(
            "retry-statuses-changed",
            f"responses of status {', '.join(map(str, sorted(before - after)))} are no longer "
            "retried",
            diff.new.where("http.retry_statuses"),
            impact="minor",
        )
