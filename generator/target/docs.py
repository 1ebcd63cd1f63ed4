"""The docs target: a Markdown reference published with mkdocs (templates/docs/).

What is particular to it: the anchors of its sections, which the other targets' docs URLs
point at (naming.docs_url), and the filters that write them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..model import Envelope, ErrorCode, ErrorType, Status, Tombstone
from . import Target


def anchor(entry: ErrorCode | Tombstone | ErrorType | Status | Envelope) -> str:
    """The id of an entry's section; a code's is its key (naming.docs_url relies on it), and
    so is a removed code's: the links the bindings gave while it was live still lead to it.
    (Keys are unique among live and removed codes together, and no other id is a bare key.)"""
    if isinstance(entry, (ErrorCode, Tombstone)):
        return entry.key
    if isinstance(entry, ErrorType):
        return f"type-{entry.key}"
    if isinstance(entry, Envelope):
        return f"envelope-{entry.key}"
    return f"status-{entry.key}"


def version_sorted(versions: list[str]) -> list[str]:
    """Versions such as 1.2.3, newest first."""
    return sorted(versions, key=lambda v: tuple(int(part) for part in v.split(".")), reverse=True)


class Docs(Target):
    def filters(self) -> Mapping[str, Callable[..., Any]]:
        return {
            "anchor": anchor,
            "md_id": lambda id_: f"{{#{id_}}}",
            "version_sorted": version_sorted,
        }


TARGET = Docs("docs")
