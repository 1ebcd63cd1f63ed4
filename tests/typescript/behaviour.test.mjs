// Behaviour of the generated TypeScript module, compiled by tsc and run by node's test
// runner. The pytest suite compiles it and passes paths in the environment:
//   ERRORS_MODULE  the compiled index.js      OTHER_COPY  a second, separate compile of it
//   FIXTURES       conformance.json            CATALOGUE  the catalogue as JSON
//   API_URL        the loopback server answering /cases/N (optional)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const errors = await import(pathToFileURL(process.env.ERRORS_MODULE).href);
const other = await import(pathToFileURL(process.env.OTHER_COPY).href);
const { cases } = JSON.parse(readFileSync(process.env.FIXTURES, "utf8"));
const catalogue = JSON.parse(readFileSync(process.env.CATALOGUE, "utf8"));
const base = errors[catalogue.base];
const guard = errors[catalogue.guard];

const orUndefined = (value) => (value === null ? undefined : value);
const fields = (found) =>
  found.map((field) => ({
    name: field.name,
    messages: [...field.messages],
    code: field.code ?? null,
    type: field.type ?? null,
    pointer: field.pointer ?? null,
  }));

function check(error, expect, body) {
  assert.equal(error.constructor.name, expect.classes.typescript);
  assert.equal(error.name, expect.classes.typescript);
  assert.ok(error instanceof base);
  assert.ok(error instanceof Error);
  assert.equal(error.status, orUndefined(expect.status));
  assert.equal(error.code, orUndefined(expect.code));
  assert.equal(error.rawCode, orUndefined(expect.raw_code));
  assert.equal(error.type, orUndefined(expect.type));
  assert.equal(error.message, expect.message);
  assert.deepEqual(fields(error.fields), expect.fields);
  assert.equal(error.reference, orUndefined(expect.reference));
  assert.deepEqual({ ...error.extras }, expect.extras);
  assert.deepEqual(
    error.errors.map((item) => ({
      code: item.code ?? null,
      raw_code: item.rawCode ?? null,
      type: item.type ?? null,
      message: item.message ?? null,
      fields: fields(item.fields),
      extras: { ...item.extras },
    })),
    expect.errors,
  );
  const text = body.startsWith("\ufeff") ? body.slice(1) : body;
  assert.deepEqual(error.body, expect.body_is_json ? JSON.parse(text) : text);
  assert.equal(error.requestId, orUndefined(expect.request_id));
  assert.equal(error.retryAfter, orUndefined(expect.retry_after));
  assert.equal(error.retryable, expect.retryable);
  assert.equal(error.throttled, expect.throttled);
  assert.equal(error.removed, expect.removed ?? false);
  assert.equal(error.fault ?? null, expect.fault);
}

for (const fixture of cases) {
  test(`conformance: ${fixture.name}`, () => {
    const headers = { ...fixture.headers };
    if (fixture.content_type) {
      headers["Content-Type"] = fixture.content_type;
    }
    const encoded = new TextEncoder().encode(fixture.body);
    const bodies = [fixture.body, encoded, encoded.buffer];
    if (fixture.expect.body_is_json) {
      bodies.push(JSON.parse(fixture.body.replace(/^\ufeff/, "")));
    }
    for (const body of bodies) {
      check(errors.fromResponse(fixture.status, body, headers), fixture.expect, fixture.body);
      const found = errors.errorFor(fixture.status, body, headers);
      assert.equal(found !== undefined, fixture.is_error);
      if (found !== undefined) {
        check(found, fixture.expect, fixture.body);
      }
    }
  });
}

test("every code carries its catalogue entry", () => {
  for (const code of catalogue.codes) {
    const cls = errors.lookup(code.key);
    assert.equal(cls, errors[code.class_name]);
    for (const number of code.wire.filter((value) => typeof value === "number")) {
      assert.equal(errors.lookup(number), cls);
    }
    assert.equal(cls.code, code.key);
    assert.equal(cls.type, code.type);
    assert.equal(cls.httpStatus, code.status);
    assert.equal(cls.defaultMessage, code.message);
    assert.equal(cls.description, code.description);
    assert.equal(cls.retryable, code.retryable);
    assert.equal(cls.fault, code.fault);
    assert.equal(cls.docsUrl, code.docs_url);
    assert.deepEqual(errors.errorCodes[code.key], {
      type: code.type,
      status: code.status,
      message: code.message,
      description: code.description,
      retryable: code.retryable,
      fault: code.fault,
      docsUrl: code.docs_url,
    });
    const error = new cls();
    assert.equal(error.code, code.key);
    assert.equal(error.type, code.type);
    assert.equal(error.message, code.message);
    assert.equal(error.name, code.class_name);
    assert.ok(error instanceof errors[code.type_class]);
    for (const other of catalogue.types) {
      if (other.class_name !== code.type_class) {
        assert.ok(!(error instanceof errors[other.class_name]));
      }
    }
  }
});

test("enums hold the catalogue's values, in catalogue order", () => {
  assert.deepEqual(Object.values(errors.ErrorCode), catalogue.codes.map((c) => c.key));
  assert.deepEqual(Object.values(errors.ErrorType), catalogue.types.map((t) => t.key));
  assert.deepEqual(Object.values(errors.HttpStatus), catalogue.statuses);
  assert.equal(errors.lookup("no_such_code"), undefined);
  assert.equal(errors.lookup(2 ** 53 - 1), undefined);
  assert.equal(errors.lookupOr("no_such_code", null), null);
  for (const code of catalogue.codes) {
    const cls = errors.lookup(code.key);
    assert.equal(errors.lookup(code.class_name), cls);
    assert.equal(errors.lookupOr(code.class_name.toUpperCase(), null), cls);
    for (const value of code.wire.filter((item) => typeof item === "string")) {
      assert.equal(errors.lookup(value), cls);
    }
  }
  assert.equal(errors.lookup("constructor"), undefined);
  assert.equal(errors.lookup("__proto__"), undefined);
});

test("guards work across two copies of the module", () => {
  const code = catalogue.codes[0];
  const foreign = other.fromResponse(400, { error: { code: code.key } });
  assert.ok(!(foreign instanceof base));
  assert.ok(guard(foreign));
  assert.ok(other[catalogue.guard](errors.fromResponse(400, "")));
  for (const value of [null, undefined, 0, "", {}, new Error("x"), { code: code.key }]) {
    assert.ok(!guard(value));
  }
  assert.ok(errors.isErrorCode(code.key));
  assert.ok(!errors.isErrorCode("no_such_code"));
  assert.ok(!errors.isErrorCode("toString"));
  assert.ok(errors.isErrorType(catalogue.types[0].key));
});

test("toString names the code, message and status", () => {
  const error = errors.fromResponse(404, { error: { code: "gone_for_good", message: "No user" } });
  assert.equal(String(error), "gone_for_good: No user (HTTP 404)");
  assert.equal(String(new base("plain")), "plain");
  const found = errors.fromResponse(404, "{}", { "Request-Id": "req_9" });
  assert.equal(String(found), "Unknown error (HTTP 404, request req_9)");
});

test("headers keep their secrets out of logs and JSON", () => {
  const headers = new Headers([
    ["Authorization", "Bearer sk_live_1"],
    ["X-Request-Id", "req_1"],
    ["Set-Cookie", "a=1"],
    ["X-Session-Token", "t"],
    ["Retry-After", "7"],
  ]);
  const error = errors.fromResponse(503, "", headers);
  assert.equal(error.headers["authorization"], "Bearer sk_live_1");
  assert.equal(error.requestId, "req_1");
  assert.equal(error.retryAfter, 7);
  assert.equal(error.retryable, true);
  assert.deepEqual({ ...error.redactedHeaders() }, {
    authorization: "[redacted]",
    "x-request-id": "req_1",
    "set-cookie": "[redacted]",
    "x-session-token": "[redacted]",
    "retry-after": "7",
  });
  assert.ok(!Object.keys(error).includes("headers"));
  assert.ok(!JSON.stringify(error).includes("sk_live"));
  const pairs = errors.fromResponse(500, "", [["A", "1"], ["a", "2"]]);
  assert.equal(pairs.headers["a"], "1, 2");
});

test("an error's status is only ever the response's; classes document theirs", () => {
  for (const code of catalogue.codes) {
    const cls = errors.lookup(code.key);
    assert.equal(new cls().status, undefined);
    assert.deepEqual(cls.statuses, code.statuses);
    assert.equal(cls.httpStatus, code.statuses[0]);
    assert.equal(new cls().retryable, code.retryable);
  }
});

const hostile = [
  undefined, null, "", "not json", "[]", "null", "123", '"text"', "{\"error\": 5}",
  '{"error": {"code": 5, "type": [], "message": {}}}', '{"error": {"code": "__proto__"}}',
  '{"error": {"code": "constructor", "type": "toString", "message": "hasOwnProperty"}}',
  '{"__proto__": {"error": {"code": "x"}}}', '{"_meta": {"fields": [1, null, {"name": 2}]}}',
  "[".repeat(100000) + "]".repeat(100000), '{"a": '.repeat(50000) + "1" + "}".repeat(50000),
  JSON.stringify({ error: { message: "x".repeat(5000000) } }), new Uint8Array([0xff, 0xfe]),
  new ArrayBuffer(3), 42, true, Symbol("s"), () => 1, new Map(), [1, 2],
  Object.create(null), { get error() { throw new Error("getter"); } },
  new Proxy({}, { get() { throw new Error("trap"); }, has() { throw new Error("trap"); } }),
];

test("fromResponse never throws, whatever it is given", () => {
  for (const body of hostile) {
    for (const status of [undefined, 400, 503, 999, -1, 1.5, Number.NaN]) {
      const error = errors.fromResponse(status, body);
      assert.ok(error instanceof base);
      assert.equal(typeof error.message, "string");
      String(error);
    }
  }
});

if (process.env.API_URL) {
  test("real HTTP through fetch", async () => {
    for (const [index, fixture] of cases.entries()) {
      const response = await fetch(`${process.env.API_URL}/cases/${index}`);
      const error = errors.errorFor(response.status, await response.text(), response.headers);
      assert.equal(error !== undefined, fixture.is_error);
      if (error !== undefined) {
        check(error, fixture.expect, fixture.body);
      }
    }
  });
}

if (process.env.API_URL) {
  const api = process.env.API_URL;
  const prefix = catalogue.base.replace(/Error$/, "");
  const [transport, connection, timeout] = ["Transport", "Connection", "Timeout"].map(
    (kind) => errors[`${prefix}${kind}Error`],
  );

  test("fetch Responses read once, by fromFetchResponse and errorForFetchResponse", async () => {
    for (const [index, fixture] of cases.entries()) {
      const response = await fetch(`${api}/cases/${index}`);
      const found = await errors.errorForFetchResponse(response);
      assert.equal(found !== undefined, fixture.is_error);
      if (found !== undefined) {
        check(found, fixture.expect, fixture.body);
        assert.ok(response.bodyUsed);
        const again = await fetch(`${api}/cases/${index}`);
        check(await errors.fromFetchResponse(again), fixture.expect, fixture.body);
        // A body read already is not read again: the status and headers remain.
        const used = await errors.fromFetchResponse(again);
        assert.equal(used.status, fixture.status);
        assert.equal(used.body, undefined);
      }
    }
  });

  test("axios errors for error statuses become the response's error", async () => {
    const { default: axios } = await import("axios");
    for (const [index, fixture] of cases.entries()) {
      if (!fixture.is_error || fixture.status < 400) {
        continue;
      }
      const url = `${api}/cases/${index}`;
      const thrown = await axios.get(url, { responseType: "text" }).catch((error) => error);
      const found = errors.translate(thrown);
      check(found, fixture.expect, fixture.body);
      assert.equal(found.cause, thrown);
      await assert.rejects(errors.call(() => axios.get(url, { responseType: "text" })), base);
    }
  });

  test("transport failures of fetch, axios and node:http are errors of the API", async () => {
    const { default: axios } = await import("axios");
    const http = await import("node:http");
    const refused = `http://127.0.0.1:${process.env.CLOSED_PORT}/`;
    const viaHttp = (url, ms) =>
      new Promise((resolve, reject) => {
        const request = http.get(url, { timeout: ms }, (response) => {
          response.resume();
          response.on("end", resolve);
          response.on("error", reject);
        });
        request.on("timeout", () => request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })));
        request.on("error", reject);
      });
    const clients = {
      fetch: (url, ms) => fetch(url, { signal: AbortSignal.timeout(ms) }).then((r) => r.text()),
      axios: (url, ms) => axios.get(url, { timeout: ms }),
      "node:http": viaHttp,
    };
    // Only the timeout waits for its limit; a generous one keeps the others from timing out.
    const failures = [
      ["refused", refused, connection, false, 10000],
      ["timeout", `${api}/slow/2000`, timeout, true, 150],
      ["dropped", `${api}/drop`, transport, true, 10000],
    ];
    for (const [client, get] of Object.entries(clients)) {
      for (const [what, url, cls, sent, limit] of failures) {
        const thrown = await get(url, limit).then(
          () => assert.fail(`${client} did not fail for ${what}`),
          (error) => error,
        );
        const found = errors.translate(thrown);
        assert.equal(found?.constructor, cls, `${client}, ${what}: ${thrown?.code} ${thrown}`);
        assert.ok(found instanceof transport && found instanceof base && guard(found));
        assert.equal(found.sent, sent);
        assert.equal(found.retryable, true);
        assert.equal(found.status, undefined);
        assert.equal(found.cause, thrown);
        const data = JSON.parse(JSON.stringify(found));
        assert.equal(data.sent, sent);
        assert.equal(errors.fromJSON(data).constructor, cls);
        await assert.rejects(
          errors.call(() => get(url, limit)),
          (error) => error instanceof cls && error.cause !== undefined,
        );
      }
    }
  });

  test("what is no HTTP failure is left alone", async () => {
    const aborted = new AbortController();
    aborted.abort();
    const abort = await fetch(`${api}/slow/10`, { signal: aborted.signal }).catch((e) => e);
    for (const error of [new RangeError("no"), abort, "text", undefined, { code: 1 }]) {
      assert.equal(errors.translate(error), undefined);
      await assert.rejects(
        errors.call(() => Promise.reject(error)),
        (thrown) => thrown === error,
      );
    }
    const own = new base("mine");
    assert.equal(errors.translate(own), own);
  });
}

test("a server cannot build an error with an extra of the wrong type", () => {
  // The repository's catalogue declares reported_status an integer (legacy bodies).
  assert.throws(() => new base("x", { extras: { reported_status: "four" } }), {
    name: "TypeError",
    message: 'the extra "reported_status" holds integer, not string',
  });
  assert.equal(new base("x", { extras: { reported_status: 404 } }).reportedStatus, 404);
  assert.equal(new base("x", { extras: { reported_status: null } }).reportedStatus, null);
});
