"""Reading responses with generated bindings, many catalogues at once: one tsc run and one
node run for all their TypeScript, each Python package imported in turn. What a binding
makes of a response is put in the terms of an expectation (see `expected`), so that Python,
TypeScript, the fixtures and hand-written expectations compare as data.

A response is {status, content_type, body, expect}; `expect` holds `class` (a class name,
or {python: ..., typescript: ...}), `code`, `raw_code`, `type`, `message`, and where they
differ from nothing, `fields`, `extras`, `errors`, `reference`, `status` (the response's
unless given) and `is_error` (true unless given: whether `error_for` gives an error), and
where they matter, `request_id`, `retry_after`, `retryable`, `throttled` and `removed` (a
code the catalogue lists as removed). A response may hold `headers` besides its
`content_type`."""

from __future__ import annotations

import contextlib
import importlib
import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from types import ModuleType
from typing import Any

import fake_api
import golang
import kotlinc
from conftest import node, run, tool, tsconfig, write_tree

import generator


def python_result(error: Any) -> dict[str, Any]:
    """What a Python error holds, in the terms of an expectation."""

    def fields(found: Any) -> list[dict[str, Any]]:
        return [
            {k: v for k, v in vars(f).items() if v is not None and k != "messages"}
            | {"messages": list(f.messages)}
            for f in found
        ]

    def plain(value: Any) -> Any:
        return value.value if hasattr(value, "value") else value

    return {
        "class": type(error).__name__,
        "status": error.status,
        "code": plain(error.code),
        "raw_code": error.raw_code,
        "type": plain(error.type),
        "message": error.message,
        "reference": error.reference,
        "fields": fields(error.fields),
        "extras": dict(error.extras),
        "errors": [
            {
                "code": plain(item.code),
                "raw_code": item.raw_code,
                "type": plain(item.type),
                "message": item.message,
                "fields": fields(item.fields),
                "extras": dict(item.extras),
            }
            for item in error.errors
        ],
        "request_id": error.request_id,
        "retry_after": error.retry_after,
        "retryable": error.retryable,
        "throttled": error.throttled,
        "removed": error.removed,
        "fault": error.fault,
        "data": json.loads(json.dumps(error.to_dict())),
    }


# What both node scripts make of an error's values: null for undefined, field errors as data,
# and an error read back.
NODE_VALUES = r"""
const clean = (value) => (value === undefined ? null : value);
const fields = (found) => found.map((field) => {
  const result = { name: field.name, messages: [...field.messages] };
  for (const key of ["code", "type", "pointer"]) {
    if (field[key] !== undefined && field[key] !== null) result[key] = field[key];
  }
  return result;
});
const readBack = (back) => ({
  class: back.constructor.name,
  code: clean(back.code),
  raw_code: clean(back.rawCode),
  message: back.message,
  fields: fields(back.fields),
});
"""

NODE_RUNNER = (
    r"""
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const jobs = JSON.parse(readFileSync(process.argv[2], "utf8"));
"""
    + NODE_VALUES
    + r"""
const results = {};
const answers = {};
const descriptions = {};
for (const job of jobs) {
  const errors = await import(pathToFileURL(job.module).href);
  // What the code classes say, in the terms every language's description uses.
  const codes = {};
  for (const key of Object.keys(errors.errorCodes)) {
    const cls = errors.lookup(key);
    codes[key] = {
      statuses: [...cls.statuses],
      answer_status: clean(cls.answerStatus),
      message: cls.defaultMessage,
      description: cls.description,
      retryable: clean(cls.retryable),
      throttling: cls.throttling,
      fault: clean(cls.fault),
      type: clean(cls.type),
      deprecated: clean(cls.deprecated),
      replaced_by: clean(cls.replacedBy),
    };
  }
  descriptions[job.api] = { codes };
  // What a server answers with each code's error, in each envelope (see Python's to_response);
  // and what fetch reads from a Python server answering the same (job.served).
  answers[job.api] = (job.answers ?? []).map(([code, envelope, message]) => {
    const cls = errors.lookup(code);
    const answer = new cls(message).toResponse(envelope);
    const back = errors.fromResponse(answer.status, answer.body, answer.headers);
    return { ...answer, read: readBack(back) };
  });
  for (const [index, answer] of answers[job.api].entries()) {
    const served = await fetch(`${job.served}/${job.api}/${index}`);
    answer.fetched_by_typescript = readBack(await errors.fromFetchResponse(served));
  }
  results[job.api] = job.responses.map((response, index) => {
    const headers = { ...(response.headers ?? {}) };
    if (response.content_type) headers["Content-Type"] = response.content_type;
    const error = errors.fromResponse(response.status, response.body, headers);
    return {
      class: error.constructor.name,
      status: clean(error.status),
      code: clean(error.code),
      raw_code: clean(error.rawCode),
      type: clean(error.type),
      message: error.message,
      reference: clean(error.reference),
      fields: fields(error.fields),
      extras: { ...error.extras },
      errors: error.errors.map((item) => ({
        code: clean(item.code),
        raw_code: clean(item.rawCode),
        type: clean(item.type),
        message: clean(item.message),
        fields: fields(item.fields),
        extras: { ...item.extras },
      })),
      is_error: errors.errorFor(response.status, response.body, headers) !== undefined,
      request_id: clean(error.requestId),
      retry_after: clean(error.retryAfter),
      retryable: error.retryable,
      throttled: error.throttled,
      removed: error.removed,
      fault: error.fault ?? null,
      data: JSON.parse(JSON.stringify(error)),
      rebuilt: errors.fromJSON(job.python_data[index]).toJSON(),
    };
  });
}
console.log(JSON.stringify({ results, answers, descriptions }));
"""
)

# Serves the answers the runner made with each catalogue's TypeScript module ({name: [answer]},
# each {status, headers, body}) at /NAME/INDEX; prints its port.
NODE_SERVER = r"""
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
const answers = JSON.parse(readFileSync(process.argv[2], "utf8"));
const server = createServer((request, response) => {
  const [, api, index] = request.url.split("/");
  const answer = answers[decodeURIComponent(api)]?.[Number(index)];
  if (answer === undefined) {
    response.writeHead(400).end();
    return;
  }
  response.writeHead(answer.status, answer.headers).end(answer.body);
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
"""


def seen(got: dict[str, Any], want: dict[str, Any]) -> dict[str, Any]:
    """What a binding made of a response, in the terms the expectation uses."""
    return {key: got[key] for key in want}


def expected(
    response: dict[str, Any], language: str, renamed: dict[str, str] | None = None
) -> dict[str, Any]:
    """What a binding must make of a response; renamed maps a Python class name to this
    language's, for a case that names a class once for every language (or names none in this
    language: fixtures of a catalogue generated for Go without a `go:` section)."""
    expect = dict(response["expect"])
    cls = expect.pop("class")
    return {
        "class": (
            cls.get(language, (renamed or {}).get(cls.get("python", "")))
            if isinstance(cls, dict)
            else (renamed or {}).get(cls, cls)
        ),
        "status": expect.pop("status", response["status"]),
        "code": expect.pop("code"),
        "raw_code": expect.pop("raw_code"),
        "type": expect.pop("type"),
        "message": expect.pop("message"),
        "reference": expect.pop("reference", None),
        "fields": expect.pop("fields", []),
        "extras": expect.pop("extras", {}),
        "errors": expect.pop("errors", []),
        "is_error": expect.pop("is_error", True),
        **expect,
    }


def fixture_cases(files: dict[str, str]) -> list[dict[str, Any]]:
    """The generated conformance fixtures, as responses with expectations."""
    fixtures = json.loads(files["fixtures/conformance.json"])
    return [
        {
            "status": case["status"],
            "content_type": case["content_type"],
            "headers": case["headers"],
            "body": case["body"],
            "expect": {
                "class": case["expect"]["classes"],
                **{
                    key: case["expect"][key]
                    for key in (
                        "code",
                        "raw_code",
                        "type",
                        "message",
                        "reference",
                        "extras",
                        "request_id",
                        "retry_after",
                        "retryable",
                        "throttled",
                    )
                },
                "status": case["expect"]["status"],
                "is_error": case["is_error"],
                "removed": case["expect"].get("removed", False),
                "fault": case["expect"].get("fault"),
                "fields": [
                    {k: v for k, v in field.items() if v is not None}
                    for field in case["expect"]["fields"]
                ],
                "errors": [
                    item
                    | {
                        "fields": [
                            {k: v for k, v in field.items() if v is not None}
                            for field in item["fields"]
                        ]
                    }
                    for item in case["expect"]["errors"]
                ],
            },
            "fixture": case["name"],
        }
        for case in fixtures["cases"]
    ]


def _javascript_integer(value: int) -> int | float:
    return value if abs(value) <= 2**53 else float(value)


def read(
    root: Path,
    catalogues: dict[str, tuple[dict[str, str], list[dict[str, Any]]]],
    answers: dict[str, list[tuple[str, str, str]]] | None = None,
    probes: dict[str, list[str]] | None = None,
    refused: list[str] | None = None,
    go_probes: dict[str, str] | None = None,
    go_against_python: bool = False,
    kotlin_probes: dict[str, str] | None = None,
) -> dict[str, dict[str, Any]]:
    """{name: (generated files, responses)} read by both languages:
    {name: {"python": [...], "typescript": [...]}}, results in the order of the responses.
    answers, {name: [(code, envelope, message), ...]}, are errors each language answers with
    (to_response, toResponse): {name: {"answers": {"python": [...], "typescript": [...]}}},
    each answer {status, headers, body}. probes, {style: [.ts files under root]}, are compiled
    in the same tsc run, which refuses nothing else: each error they have goes to refused.
    go_probes, {name: Go source importing BINDING}, are built against the Go packages: the
    lines each has refused are {name: {"go_refused": [line, ...]}}; kotlin_probes alike, with
    {name: {"kotlin_refused": [...]}}, and then Kotlin reads nothing. go_against_python: the
    Go and Kotlin runtimes are checked against Python's too (golang.Harness, kotlinc.Harness)."""
    sources: dict[str, list[str]] = {"enum": [], "erasable": []}
    options: dict[str, Any] = {}
    packages: dict[str, tuple[Path, str]] = {}
    in_kotlin = {
        name: files
        for name, (files, _) in catalogues.items()
        if any(path.startswith(kotlinc.SOURCE_ROOT) for path in files)
    }
    # Kotlin compiles while the other languages run (kotlinc.BACKGROUND).
    kotlin = kotlinc.Harness(root / "kotlin", in_kotlin, go_against_python) if in_kotlin else None
    kotlin_built = kotlin.start(kotlin_probes) if kotlin else None
    for name, (files, _) in catalogues.items():
        write_tree(root / name, files)
        options = tsconfig(files["typescript/tsconfig.json"])["compilerOptions"]
        sources["erasable" if options.get("erasableSyntaxOnly") else "enum"].append(
            f"{name}/typescript/src/index.ts"
        )
        (package,) = {
            path.split("/")[1]
            for path in files
            if path.startswith("python/") and path.endswith(".py")
        }
        packages[name] = (root / name / "python", package)
    (root / "package.json").write_text('{"type": "module"}\n')
    for style, names in sources.items():
        extra = (probes or {}).get(style, [])
        if names or extra:
            settings = {**options, "rootDir": ".", "outDir": "dist"}
            settings["erasableSyntaxOnly"] = style == "erasable"
            config = root / f"tsconfig.{style}.json"
            config.write_text(json.dumps({"compilerOptions": settings, "files": names + extra}))
            result = run(
                tool("tsc"), "-p", config, "--pretty", "false", cwd=root, timeout=600, check=False
            )
            errors = [line for line in result.stdout.splitlines() if ": error " in line]
            only_probes = all(line.startswith(tuple(extra)) for line in errors)
            assert only_probes and (errors or result.returncode == 0), result.stdout
            if refused is not None:
                refused += errors
    (root / "dist" / "package.json").write_text('{"type": "module"}\n')
    python = {
        name: in_python(packages[name], lambda module, cases=cases: python_read(module, cases))
        for name, (_, cases) in catalogues.items()
    }
    answered = {
        name: in_python(
            packages[name],
            lambda module, wanted=wanted: [python_answer(module, *one) for one in wanted],
        )
        for name, wanted in (answers or {}).items()
    }
    server = fake_api.answering(
        {
            f"/{name}/{index}": (one["status"], one["headers"], one["body"].encode("utf-8"))
            for name, made in answered.items()
            for index, one in enumerate(made)
        }
    )
    job_file = root / "jobs.json"
    job_file.write_text(
        json.dumps(
            [
                {
                    "api": name,
                    "module": str(root / "dist" / name / "typescript" / "src" / "index.js"),
                    "responses": cases,
                    "python_data": [result["data"] for result in python[name]],
                    "answers": (answers or {}).get(name, []),
                    "served": server.url,
                }
                for name, (_, cases) in catalogues.items()
            ]
        )
    )
    (root / "run.mjs").write_text(NODE_RUNNER)
    in_go = {name: files for name, (files, _) in catalogues.items() if "go/go.mod" in files}
    with contextlib.ExitStack() as stack:
        stack.enter_context(server)
        output = run(node(), root / "run.mjs", job_file, timeout=600).stdout
        # Every JavaScript number is a double: one printed without a fraction beyond 2**53 is too.
        printed = json.loads(output, parse_int=lambda text: _javascript_integer(int(text)))
        typescript = printed["results"]
        for name in catalogues:
            # Each language rebuilds the other's data: from_dict(toJSON()), fromJSON(to_dict()).
            data = [result["data"] for result in typescript[name]]
            rebuilt = in_python(
                packages[name],
                lambda module, data=data: [module.from_dict(d).to_dict() for d in data],
            )
            for result, again in zip(python[name], rebuilt, strict=True):
                result["rebuilt"] = again
        served = [server.url] if answers else []
        if answers:
            # What Python's clients read from a Node server answering with TypeScript's errors.
            (root / "serve.mjs").write_text(NODE_SERVER)
            (root / "answers.json").write_text(json.dumps(printed["answers"]))
            process = stack.enter_context(
                subprocess.Popen(
                    [node(), str(root / "serve.mjs"), str(root / "answers.json")],
                    stdout=subprocess.PIPE,
                    text=True,
                )
            )
            stack.callback(process.terminate)
            assert process.stdout is not None
            url = f"http://127.0.0.1:{int(process.stdout.readline())}"
            served.append(url)
            for name, made in printed["answers"].items():
                fetched = in_python(
                    packages[name],
                    lambda module, name=name, made=made: [
                        python_fetch(module, f"{url}/{name}/{index}") for index in range(len(made))
                    ],
                )
                for answer, read in zip(made, fetched, strict=True):
                    answer["fetched_by_python"] = read
        go_results = (
            go_read(
                root / "go",
                in_go,
                catalogues,
                python,
                answers or {},
                served,
                packages,
                go_probes,
                go_against_python,
            )
            if in_go
            else {}
        )
    found: dict[str, dict[str, Any]] = {
        name: {
            "python": python[name],
            "typescript": typescript[name],
            "answers": {
                "python": answered.get(name, []),
                "typescript": printed["answers"].get(name, []),
            },
            "description": {
                "python": in_python(packages[name], python_description),
                "typescript": printed["descriptions"][name],
            },
        }
        for name in catalogues
    }
    if kotlin is not None and kotlin_built is not None:
        refused_in_kotlin = kotlin_built.result()
        if kotlin_probes:
            # The gate's catalogues: their probes alone, in one compilation with the packages
            # (how Kotlin reads a response is the other languages' way, shown everywhere else).
            for name, lines in refused_in_kotlin.items():
                found[name]["kotlin_refused"] = lines
        else:
            jobs = [{"api": name, "responses": catalogues[name][1]} for name in in_kotlin]
            for name, results in kotlin.run(jobs).items():
                found[name]["kotlin"] = results["read"]
                found[name]["description"]["kotlin"] = results["description"]
    for name, results in go_results.items():
        found[name]["go_refused"] = results.get("refused", [])
        found[name]["go"] = results["read"]
        found[name]["answers"]["go"] = results["answers"]
        found[name]["description"]["go"] = results["description"]
    return found


def go_read(
    root: Path,
    in_go: dict[str, dict[str, str]],
    catalogues: dict[str, tuple[dict[str, str], list[dict[str, Any]]]],
    python: dict[str, list[dict[str, Any]]],
    answers: dict[str, list[tuple[str, str, str]]],
    served: list[str],
    packages: dict[str, tuple[Path, str]],
    probes: dict[str, str] | None = None,
    against_python: bool = False,
) -> dict[str, Any]:
    """What the Go packages make of the same jobs, in one `go test` run; while it runs, Python
    and TypeScript read each Go answer from the loopback server it answers on. Probes are
    built first, in one `go build` (see golang.Harness.refused)."""
    # The gate's packages are a few catalogues changed one way each, from the same templates
    # that go vet sees in every other run.
    harness = golang.Harness(root, in_go, vet=not probes, against_python=against_python)
    refused = harness.refused(probes) if probes else {}
    jobs = [
        {
            "api": name,
            "responses": catalogues[name][1],
            "python_data": [result["data"] for result in python[name]],
            "answers": answers.get(name, []),
            "served": served,
        }
        for name in in_go
    ]
    fetched: dict[str, dict[str, list[Any]]] = {}

    def read_from(url: str) -> None:
        for name in in_go:
            count = len(answers.get(name, []))
            fetched[name] = {
                "python": in_python(
                    packages[name],
                    lambda module, name=name, count=count: [
                        python_fetch(module, f"{url}/{name}/{index}") for index in range(count)
                    ],
                )
            }
        (root / "fetch.mjs").write_text(NODE_FETCHER)
        wanted = {
            name: {
                "module": str(root.parent / "dist" / name / "typescript" / "src" / "index.js"),
                "count": len(answers.get(name, [])),
            }
            for name in in_go
        }
        (root / "fetch.json").write_text(json.dumps(wanted))
        output = run(node(), root / "fetch.mjs", root / "fetch.json", url, timeout=600).stdout
        for name, reads in json.loads(output).items():
            fetched[name]["typescript"] = reads

    results = harness.run(jobs, read_from if answers else None)
    for name, lines in refused.items():
        results[name]["refused"] = lines
    for name, result in results.items():
        for index, answer in enumerate(result["answers"]):
            answer["fetched_from_go"] = {
                language: reads[index] for language, reads in fetched.get(name, {}).items()
            }
    return results


# Reads each Go answer ({api: {module, count}}) from the Go server at argv[3], with fetch.
NODE_FETCHER = (
    r"""
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const wanted = JSON.parse(readFileSync(process.argv[2], "utf8"));
"""
    + NODE_VALUES
    + r"""
const reads = {};
for (const [api, { module, count }] of Object.entries(wanted)) {
  const errors = await import(pathToFileURL(module).href);
  reads[api] = [];
  for (let index = 0; index < count; index++) {
    const back = await errors.fromFetchResponse(await fetch(`${process.argv[3]}/${api}/${index}`));
    reads[api].push(readBack(back));
  }
}
console.log(JSON.stringify(reads));
"""
)


def python_description(module: ModuleType) -> dict[str, Any]:
    """What the package's code classes say, in the terms every language's description uses."""
    codes = {}
    for member in module.ErrorCode:
        cls = module.lookup(member.value)
        codes[member.value] = {
            "statuses": [str(getattr(s, "value", s)) for s in cls.statuses],
            "answer_status": cls.answer_status,
            "message": cls.default_message,
            "description": cls.description,
            "retryable": cls.retryable,
            "throttling": cls.throttling,
            "fault": cls.fault,
            "type": getattr(cls.type, "value", cls.type),
            "deprecated": cls.deprecated,
            "replaced_by": getattr(cls.replaced_by, "value", cls.replaced_by),
        }
    return {"codes": codes}


def check_answers(answers: dict[str, list[dict[str, Any]]], where: Any) -> None:
    """What read() gives of answers: Python's and TypeScript's for each error are the same
    status, headers and body, and read back alike by each language, in memory and over a
    loopback server (Python's client from a Node server, TypeScript's from a Python server).
    Class names may differ by language (`names:`), so they are left out."""
    python, typescript = answers["python"], answers["typescript"]
    assert len(python) == len(typescript), where
    for ours, theirs in zip(python, typescript, strict=True):
        reads = [theirs[key] for key in ("read", "fetched_by_typescript", "fetched_by_python")]
        same_answer(ours, theirs, reads, where)


def same_answer(
    ours: dict[str, Any], theirs: dict[str, Any], reads: list[dict[str, Any]], where: Any
) -> None:
    """Another language's answer is Python's (ours): the same status, headers and body; and
    each of reads (what a language made of one of the answers) is what Python read back."""
    assert (ours["status"], ours["headers"]) == (theirs["status"], theirs["headers"]), where
    if ours["headers"]["content-type"].startswith("text/"):
        assert ours["body"] == theirs["body"], where
    else:
        assert json.loads(ours["body"]) == json.loads(theirs["body"]), where
    read = ours["read"] | {"class": None}
    for other in reads:
        assert other | {"class": None} == read, (where, other, read)


def without_class(data: dict[str, Any]) -> dict[str, Any]:
    """Data without its class name, which is each language's own (ErrNotFound in Go)."""
    return {key: value for key, value in data.items() if key != "class"}


def classes_in(language: str, model: Any) -> dict[str, str]:
    """A language's name for each class a Python class name stands for."""
    python, other = generator.discover()["python"], generator.discover()[language]
    entries = [None, *model.status_classes, *model.types, *model.codes]
    return {python.class_name(e, model): other.class_name(e, model) for e in entries}


def go_classes(model: Any) -> dict[str, str]:
    return classes_in("go", model)


def check_kotlin(
    found: dict[str, Any], cases: list[dict[str, Any]], where: Any, model: Any
) -> None:
    """What read() gives of a catalogue in Kotlin is what it gives in the other languages:
    each response read as its expectation says, and the same description of the codes and
    types, whose wire values are the catalogue's. Class names a case gives as one name for
    every language are the model's Python ones."""
    renamed = classes_in("kotlin", model)
    for case, got in zip(cases, found["kotlin"], strict=True):
        want = expected(case, "kotlin", renamed)
        assert seen(got, want) == want, (where, case.get("fixture") or case.get("source"))
    described = found["description"]
    kotlin_codes = {
        key: {k: v for k, v in code.items() if k != "wire"}
        for key, code in described["kotlin"]["codes"].items()
    }
    assert kotlin_codes == described["python"]["codes"], where
    assert {key: code["wire"] for key, code in described["kotlin"]["codes"].items()} == {
        code.key: list(code.wire) for code in model.codes
    }, where
    assert described["kotlin"]["types"] == {
        error_type.key: {
            "wire": list(error_type.wire),
            "fault": error_type.fault,
            "deprecated": error_type.deprecated.notice if error_type.deprecated else None,
            "description": error_type.description,
        }
        for error_type in model.types
    }, where


def check_go(found: dict[str, Any], cases: list[dict[str, Any]], where: Any, model: Any) -> None:
    """What read() gives of a catalogue in Go is what it gives in Python and TypeScript: each
    response read as its expectation says, the same data (less the class name) both ways
    (MarshalJSON, and FromJSON of Python's data), the same answers read back alike over
    every loopback, and the same description of the codes. Class names a case gives as one
    name for every language are the model's Python ones."""
    renamed = go_classes(model)
    for case, got in zip(cases, found["go"], strict=True):
        want = expected(case, "go", renamed)
        assert seen(got, want) == want, (where, case.get("fixture") or case.get("source"))
    for python, go in zip(found["python"], found["go"], strict=True):
        assert without_class(go["data"]) == without_class(python["data"]), where
        assert without_class(go["rebuilt"]) == without_class(python["data"]), where
    python_answers, go_answers = found["answers"]["python"], found["answers"].get("go", [])
    assert len(python_answers) == len(go_answers), where
    for ours, theirs in zip(python_answers, go_answers, strict=True):
        reads = [theirs["read"], *theirs["fetched"].values(), *theirs["fetched_from_go"].values()]
        assert len(reads) == 5, where
        same_answer(ours, theirs, reads, where)
    described = found["description"]
    go_codes = {
        key: {k: v for k, v in code.items() if k != "wire"}
        for key, code in described["go"]["codes"].items()
    }
    assert go_codes == described["python"]["codes"] == described["typescript"]["codes"], where


def read_back(error: Any) -> dict[str, Any]:
    """What an error read back holds, in the terms the node runner uses."""
    back = python_result(error)
    read = {key: back[key] for key in ("class", "code", "raw_code", "message")}
    read["fields"] = [
        {k: v for k, v in field.items() if k in ("name", "messages", "code", "type", "pointer")}
        for field in back["fields"]
    ]
    return read


def python_answer(module: ModuleType, code: str, envelope: str, message: str) -> dict[str, Any]:
    """An error's answer, and what reading it back gives."""
    status, headers, body = module.lookup(code)(message).to_response(envelope)
    back = read_back(module.from_response(status, body, headers=headers))
    return {"status": status, "headers": headers, "body": body.decode("utf-8"), "read": back}


def python_fetch(module: ModuleType, url: str) -> dict[str, Any]:
    """What urllib reads from url, made an error by the package."""
    try:
        response: Any = urllib.request.urlopen(url, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    return read_back(
        module.from_response(response.status, response.read(), headers=response.headers)
    )


def in_python(package: tuple[Path, str], work: Any) -> Any:
    """work(module) with the generated package imported, then forgotten again."""
    folder, name = package
    sys.path.insert(0, str(folder))
    try:
        return work(importlib.import_module(name))
    finally:
        sys.path.remove(str(folder))
        for loaded in [m for m in sys.modules if m.split(".")[0] == name]:
            del sys.modules[loaded]


def python_read(module: ModuleType, cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for case in cases:
        headers = {**case.get("headers", {})}
        if case["content_type"]:
            headers["Content-Type"] = case["content_type"]
        error = module.from_response(case["status"], case["body"], headers=headers)
        result = python_result(error)
        result["is_error"] = (
            module.error_for(case["status"], case["body"], headers=headers) is not None
        )
        found.append(result)
    return found
