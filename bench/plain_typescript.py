"""The yardstick for loading the generated TypeScript module: a plain JavaScript (ES) module
of one object literal holding every code, and a small fromResponse.

    {code: {type, status, message, description, retryable, fault}}

fromResponse JSON-parses the body ({"error": {"code", "message"}}, the catalogue's first
envelope), looks the code up and returns an instance of one Error subclass. It is what a
person would write by hand for the least a module can do, so the generated module's load time
is measured against it.
"""

from __future__ import annotations

import json

FIELDS = ("type", "status", "message", "description", "retryable", "fault")


def javascript_module(codes: dict[str, dict]) -> str:
    """The module's text, for codes keyed by code, each a catalogue entry (its FIELDS read)."""
    table = json.dumps(
        {key: {field: entry.get(field) for field in FIELDS} for key, entry in codes.items()},
        ensure_ascii=False,
        indent=1,
    )
    return f"""\
export const errorCodes = {table};

export class ApiError extends Error {{
  constructor(message, status, code, info) {{
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.info = info;
  }}
}}

export function fromResponse(status, body) {{
  let error = {{}};
  try {{
    error = (JSON.parse(typeof body === "string" ? body : "{{}}") ?? {{}}).error ?? {{}};
  }} catch {{}}
  const info = Object.hasOwn(errorCodes, error.code) ? errorCodes[error.code] : undefined;
  return new ApiError(error.message ?? info?.message ?? "Unknown error", status, error.code, info);
}}
"""
