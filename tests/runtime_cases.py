"""Random, hostile responses as the Python runtime reads them, and the bodies it writes for what
it read: the cases the Go runtime must agree with (tests/go/wire_python_test.go), written by
tests/golang.py for one `go test` a session. Envelopes of every feature (every path form, the
three field shapes, error lists, conditions, text) and the repository's own; bodies with odd
numbers, duplicate keys, BOMs, invalid UTF-8, deep nesting and trailing data. Seeded: the same
cases each run."""

from __future__ import annotations

import base64
import json
import math
import random
import sys
from fractions import Fraction
from pathlib import Path
from types import ModuleType
from typing import Any


def canon(v):
    sys.setrecursionlimit(10000)
    try:
        return _canon(v)
    finally:
        sys.setrecursionlimit(1000)


def _canon(v):
    if v is None or isinstance(v, bool | str):
        return v
    if isinstance(v, int):
        return {"num": str(v)}
    if isinstance(v, float):
        if math.isinf(v):
            return {"num": "+Inf" if v > 0 else "-Inf"}
        f = Fraction(v)
        return {"num": str(f.numerator) if f.denominator == 1 else f"{f.numerator}/{f.denominator}"}
    if isinstance(v, (list, tuple)):
        return [_canon(x) for x in v]
    if isinstance(v, dict):
        return {"obj": [[k, _canon(x)] for k, x in v.items()]}
    raise TypeError(type(v))


R: Any = None
P: Any = None


def env_spec(e):
    w = e.when
    return {
        "name": e.name,
        "type": e.type,
        "code": e.code,
        "message": e.message,
        "reference": e.reference,
        "fields": [dict(s._asdict()) for s in e.fields],
        "when": None
        if w is None
        else {
            "media_types": list(w.media_types),
            "statuses": list(w.statuses),
            "present": list(w.present),
            "equals": [[where, literal] for where, literal in w.equals],
        },
        "body": e.body,
        "errors": e.errors,
        "decides": e.decides,
        "code_from": e.code_from,
        "extras": [list(x) for x in e.extras],
        "request_id": e.request_id,
    }


KEYS = [
    "error",
    "errors",
    "code",
    "type",
    "message",
    "title",
    "detail",
    "fields",
    "name",
    "messages",
    "field",
    "loc",
    "msg",
    "kind",
    "items",
    "text",
    "n",
    "ok",
    "v",
    "c",
    "r",
    "0",
    "1",
    "10",
    "01",
    "data",
    "meta",
    "request_id",
    "count",
    "ratio",
    "tags",
    "flag",
    "label",
    "doc",
    "details",
    "instance",
    "invalid_params",
    "reason",
    "status",
    "errs",
    "we'irdé",
    "_meta",
    "reference",
    "id",
    "requestId",
    "code_name",
    "description",
]
STRINGS = [
    "invalid_data",
    "not_found",
    "rate_limited",
    "main",
    "x",
    "",
    " ",
    "https://e.com/errors/not_found/",
    "https://e.com/p/bad?x=1#f",
    "a.b",
    "Value is wrong",
    "é\u2028",
    "request",
    "api",
    "2",
    "10002",
    "<html>",
    "subscriber_not_found",
    "project_not_found",
    "access_denied",
]
NUMS = [0, 1, 2, 3, -1, 400, 404, 10002, 1.0, 2.0, 2.5, -0.0, 1e3, 1e300, 12345678901234567890, 0.1]
NUMTEXT = [
    "1.0",
    "2.0e0",
    "1e400",
    "-1e400",
    "1E2",
    "3.000000000000000000001",
    "9007199254740993",
    "9007199254740993.0",
    "-0",
    "100000000000000000000000000000000",
]


def value(depth):
    r = random.random()
    if depth > 3 or r < 0.45:
        c = random.random()
        if c < 0.45:
            return random.choice(STRINGS)
        if c < 0.75:
            return random.choice(NUMS)
        if c < 0.85:
            return random.choice([True, False])
        return None
    if r < 0.7:
        return {random.choice(KEYS): value(depth + 1) for _ in range(random.randint(0, 5))}
    return [value(depth + 1) for _ in range(random.randint(0, 4))]


CODES = []


def leaf(kind=None):
    c = random.random()
    if kind == "code" and c < 0.7:
        return random.choice(CODES)
    if kind == "string" and c < 0.7:
        return random.choice(STRINGS)
    if kind == "strings" and c < 0.6:
        return random.sample(STRINGS, random.randint(0, 3))
    return value(2)


def shaped(env, errors_item=False):
    node = {}
    parts = [
        (env.code, "code"),
        (env.type, "code"),
        (env.message, "string"),
        (env.reference, "string"),
        (env.request_id, "string"),
    ]
    parts += [(x.path, x.kind) for x in env.extras]
    if env.errors is None or errors_item:
        for path, kind in parts:
            if path and random.random() < 0.75:
                node = R.put(node, path, leaf(kind))
        if env.fields and random.random() < 0.7:
            source = random.choice(env.fields)
            if source.shape == "map":
                fields = {
                    random.choice(KEYS): random.choice(
                        [leaf("string"), leaf("strings"), {"x": leaf("strings")}]
                    )
                    for _ in range(random.randint(0, 3))
                }
            elif source.shape == "strings":
                fields = R.as_list(leaf("strings")) + [leaf()] * random.randint(0, 1)
            else:
                fields = []
                for _ in range(random.randint(0, 4)):
                    entry = {}
                    for path, kind in (
                        (source.name, "string"),
                        (source.pointer, "string"),
                        (source.messages, "strings"),
                        (source.message, "string"),
                        (source.code, "code"),
                        (source.type, "code"),
                    ):
                        if path and random.random() < 0.8:
                            entry = R.put(entry, path, leaf(kind))
                    fields.append(entry if random.random() < 0.9 else leaf("string"))
                if random.random() < 0.1:
                    fields = fields[0] if fields else {}
            if source.path != "$":
                node = R.put(node, source.path, fields)
            elif fields and isinstance(fields, list) and isinstance(fields[0], dict):
                node.update(fields[0])
    if env.errors is not None and not errors_item:
        items = [shaped(env, True) for _ in range(random.randint(0, 3))]
        node = R.put(
            node, env.errors, items if random.random() < 0.9 else (items[0] if items else None)
        )
    if env.when is not None and not errors_item:
        for path, literal in env.when.equals:
            node = R.put(node, path, literal if random.random() < 0.85 else leaf())
        for path in env.when.present:
            if random.random() < 0.85:
                node = R.put(node, path, leaf())
    if random.random() < 0.2:  # noise
        node = (
            R.put(node, "$." + random.choice(KEYS[:20]), value(1))
            if isinstance(node, dict)
            else node
        )
    return node


def body_of(v):
    text = json.dumps(v, ensure_ascii=random.random() < 0.5)
    c = random.random()
    if c < 0.1:  # a number literal Python reads as int or float (json.dumps wrote its own)
        text = text.replace("2.0", random.choice(NUMTEXT), 1).replace(
            " 1,", " " + random.choice(NUMTEXT) + ",", 1
        )
    elif c < 0.15:
        text = text.replace("{", '{"code": "dup", ', 1).replace(
            '"code": "dup", ', '"code": "dup", "code": 7, ', 1
        )
    raw = text.encode()
    c = random.random()
    if c < 0.05:
        raw = b"\xef\xbb\xbf" + raw
    elif c < 0.08:
        raw = raw + b" x"
    elif c < 0.11:
        raw = raw.replace(b'"', b'"\xff\xe2\x82', 1)
    elif c < 0.13:
        raw = b"\xef\xbb\xbf\xef\xbb\xbf" + raw
    return raw


TEXTS = [
    b"Service Unavailable",
    b"  Bad gateway \r\n",
    b"<html>oops</html>",
    b"",
    b"   ",
    b"\xff\xfeoops \xe2\x82",
    b"NaN",
    b"[1,]",
    b'{"a": Infinity}',
    b'"just a string"',
    b"12",
    b"null",
    b"true",
    b"[" * 1100 + b"]" * 1100,
    b"[" * 300 + b"]" * 300,
    b"1" * 4301,
    b"-" + b"1" * 4300,
    b'"\\ud800"',
    b'{"message": "\\ud83d\\ude00 ok\\u0000"}',
    b'\xef\xbb\xbf  {"code":"x"}  ',
    b'{"code": "a"} {}',
    b'{"code": "a",}',
    b'{"code":"\t"}',
    b' \t\n{"code":1}\n',
]


def item_canon(i):
    return {
        "raw_code": canon(i.raw_code),
        "raw_type": canon(i.raw_type),
        "message": i.message,
        "reference": i.reference,
        "request_id": i.request_id,
        "fields": [canon(list(f)) for f in i.fields],
        "extras": canon(dict(i.extras)),
        "envelope": i.envelope.name if i.envelope else None,
    }


def run(envs, code_extras, known_codes, n, label):
    out = []

    def known(raw, env):
        return raw is not None and R.code_key(raw, env) in known_codes

    for k in range(n):
        r = random.random()
        if r < 0.1:
            raw = random.choice(TEXTS)
        elif r < 0.15:
            raw = None
        elif r < 0.3:
            raw = body_of(value(0))
        else:
            raw = body_of(shaped(random.choice(envs)))
        status = random.choice([None, 200, 302, 400, 404, 422, 429, 500, 503, 1000])
        headers = {}
        ct = random.choice(
            [
                None,
                "application/json",
                "application/problem+json; charset=utf-8",
                " Text/HTML ;x",
                "text/plain",
                "\x1capplication/json\x1f",
            ]
        )
        if ct is not None:
            headers["content-type"] = ct
        try:
            p = R.read(status, raw, headers, envs, known, code_extras)
        except RecursionError:
            continue
        case = {
            "label": f"{label} {k}",
            "status": status,
            "body": None if raw is None else base64.b64encode(raw).decode(),
            "headers": headers,
            "expect": {
                "body": canon(p.body) if not isinstance(p.body, bytes) else {"raw": True},
                "is_json": p.is_json,
                "raw_code": canon(p.raw_code),
                "code_envelope": p.code_envelope.name if p.code_envelope else None,
                "raw_type": canon(p.raw_type),
                "message": p.message,
                "reference": p.reference,
                "request_id": p.request_id,
                "fields": [canon(list(f)) for f in p.fields],
                "extras": canon(p.extras),
                "errors": [item_canon(i) for i in p.errors],
            },
        }
        written = {}
        item = R.Item(
            raw_code=p.raw_code,
            raw_type=p.raw_type,
            message=p.message or "",
            reference=p.reference,
            fields=p.fields,
            extras=p.extras,
            request_id=p.request_id,
        )
        extras = code_extras.get(p.raw_code, ()) if p.raw_code is not None else ()
        for e in envs:
            try:
                written[e.name] = canon(R.write(e, item, extras))
            except Exception as error:
                written[e.name] = {"raised": type(error).__name__}
        case["written"] = written
        out.append(case)
    return out


def extras_spec(m):
    return [[canon(k), [list(x) for x in v]] for k, v in m.items()]


def write(path: Path, package: ModuleType) -> int:
    """Writes the cases, read by package's runtime, to path; gives how many there are."""
    global R, P
    P, R = package, package._runtime
    random.seed(18)
    F, X, C, E = R.FieldSource, R.Extra, R.Condition, R.Envelope
    mine = (
        E(
            type="$.error.type",
            code="$.error.code",
            message="$.error.message",
            reference="$.error.doc",
            fields=(
                F("$.error.fields", "$.name", "$.messages", None),
                F(
                    "$.error.details",
                    None,
                    None,
                    "$.msg",
                    pointer="$.loc",
                    code="$.code",
                    type="$.kind",
                ),
            ),
            extras=(
                X("count", "$.error.count", "integer"),
                X("ratio", "$.error.ratio", "number"),
                X("tags", "$.error.tags", "strings"),
                X("flag", "$.error.flag", "boolean"),
                X("meta", "$.error.meta", "object"),
                X("label", "$.error.label", "string"),
            ),
            request_id="$.request_id",
            name="nested",
        ),
        E(
            type=None,
            code="$.errors[0].code",
            message="$['errors'][-1]['message']",
            reference=None,
            fields=(F("$.errors", "$.field", None, "$.message"),),
            errors="$.errors",
            decides="first_known",
            when=C(statuses=("4xx", "200")),
            name="list",
            extras=(X("count", "$.count", "integer"),),
        ),
        E(
            type="$.type",
            code="$.type",
            message="$.title",
            reference="$.instance",
            fields=(F("$.invalid_params", None, None, "$.reason", pointer="$.name"),),
            code_from="last_segment",
            when=C(media_types=("application/problem+json",)),
            name="problem",
        ),
        E(
            type=None,
            code="$.code",
            message="$.message",
            reference=None,
            fields=(F("$.fields", None, None, None, shape="map"),),
            when=C(equals=(("$.ok", False),)),
            name="slack",
        ),
        E(
            type=None,
            code="$.code",
            message="$.detail",
            reference=None,
            fields=(F("$.errors", None, None, None, shape="strings"),),
            when=C(present=("$.detail",), equals=(("$.v", 2),)),
            name="numeq",
        ),
        E(
            type=None,
            code="$.items[?@.kind=='main'].code",
            message="$.items[?@.kind=='main'].text",
            reference="$.items[?@.n==1].text",
            fields=(F("$", "$.field", None, "$.message", code="$.code"),),
            errors="$.errs",
            name="filters",
        ),
        E(
            type=None,
            code="$.c",
            message="$['we\\'ird\\u00e9']",
            reference="$.r[?@==3]",
            fields=(),
            name="quoted",
        ),
        E(type=None, code=None, message=None, reference=None, fields=(), body="text", name="text"),
    )
    catalogue = tuple(P._ENVELOPES)
    mine_extras = {
        "rate_limited": (X("retry", "$.error.retry_in", "integer"),),
        404: (X("what", "$.error.what", "string"),),
        "not_found": (X("what", "$.detail", "string"),),
    }
    mine_known = {"invalid_data", "not_found", 404, "main"}
    CODES[:] = [
        *sorted(mine_known, key=repr),
        "rate_limited",
        "https://e.com/errors/not_found/",
        10002,
        "10002",
    ]
    mine_cases = run(mine, mine_extras, mine_known, 4000, "mine")
    cat_known = {c.value for c in P.ErrorCode} | set(P._CODE_ALIASES)
    CODES[:] = [*sorted(cat_known, key=repr), "unknown_code", 1, 2.0]
    catalogue_cases = run(catalogue, P._CODE_EXTRAS, cat_known, 1500, "catalogue")
    suites = [
        {
            "envelopes": [env_spec(e) for e in mine],
            "code_extras": extras_spec(mine_extras),
            "known": [canon(k) for k in mine_known],
            "cases": mine_cases,
        },
        {
            "envelopes": [env_spec(e) for e in catalogue],
            "code_extras": extras_spec(P._CODE_EXTRAS),
            "known": [canon(k) for k in cat_known],
            "cases": catalogue_cases,
        },
    ]
    path.write_text(json.dumps(suites), encoding="utf-8")
    return len(mine_cases) + len(catalogue_cases)
