"""The reference the generated Python package's import is measured against: a plain module
holding the same codes' metadata in one dict, and a from_response doing the same lookup.

    import plain
    Path("plain_errors.py").write_text(plain.python_module(catalogue["codes"]))

The module imports json, as any reader of a JSON body does, parses the body, looks the code
up and returns a small Exception holding the status, code, message, the code's metadata and
the parsed body. Nothing in it is slow on purpose; nothing is lazy either.
"""

from __future__ import annotations

from typing import Any

# The metadata each code carries, as the catalogue states it.
FIELDS = ("type", "status", "message", "description", "retryable", "fault")

HEAD = '''"""Error codes as one plain dict (the benchmark's reference)."""

import json

CODES = {
'''

TAIL = """}


class PlainError(Exception):
    def __init__(self, status, code, message, meta, body):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.meta = meta
        self.body = body


def from_response(status, body):
    data = json.loads(body)
    error = data.get("error") if isinstance(data, dict) else None
    error = error if isinstance(error, dict) else {}
    code = error.get("code")
    meta = CODES.get(code, {})
    message = error.get("message") or meta.get("message")
    return PlainError(status, code, message, meta, data)
"""


def python_module(codes: dict[str, dict[str, Any]]) -> str:
    """plain_errors.py for the codes of a catalogue (its `codes:` section, by key)."""
    lines = [
        f"    {key!r}: {{{', '.join(f'{name!r}: {entry.get(name)!r}' for name in FIELDS)}}},\n"
        for key, entry in codes.items()
    ]
    return HEAD + "".join(lines) + TAIL
