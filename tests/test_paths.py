"""Every path a catalogue accepts selects the same node everywhere: in the generator's
reference, in the Python and TypeScript runtimes (which read the canonical form the generator
writes), and as the first node of what jsonpath-rfc9535, an RFC 9535 implementation, selects.
Paths are drawn at random in every accepted spelling, with documents built to reach them, and
taken from every real API's catalogue, read against that API's real bodies. TypeScript runs
once, for all of them."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from pathlib import Path
from typing import Any

import jsonpath_rfc9535
import pytest
import yaml
from conftest import node, run, tool
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import examples

import generator
from generator import jsonpath
from generator.jsonpath import Filter, Index, Name, Segment

ROOT = Path(__file__).parent.parent
RUNTIMES = ROOT / "templates"
APIS = Path(__file__).parent / "apis"

# Names and literals are drawn from small pools, so that paths and documents meet.
NAMES = ["a", "b", "error", "@type", "x.y", "0", "1", "10", "é", "'", '"', "\\", " ", "", "😀"]
NAMES += ["\u2028", "\x01", "a'b", "ü_x", "_1", "2", "01", "4294967295"]
LITERALS: list[Any] = ["a", "b", "", "é", "'", 0, 1, -1, 1.5, 2.0, True, False, None]

names = st.one_of(st.sampled_from(NAMES), st.text(max_size=4))
literals = st.one_of(st.sampled_from(LITERALS), st.text(max_size=3))
documents = st.recursive(
    literals,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(NAMES), inner, max_size=4)
    ),
    max_leaves=20,
)
simple_segments = st.one_of(names.map(Name), st.integers(-3, 3).map(Index))
segments: st.SearchStrategy[Segment] = st.one_of(
    simple_segments,
    st.builds(Filter, st.lists(simple_segments, max_size=2).map(tuple), literals),
)


@st.composite
def quoted(draw: st.DrawFn, text: str) -> str:
    """text as a quoted string, in one of the ways a path may spell it."""
    quote = draw(st.sampled_from(["'", '"']))
    chars = []
    for char in text:
        if char in (quote, "\\"):
            chars.append("\\" + char)
        elif ord(char) < 0x20 or (ord(char) > 0x7F and draw(st.booleans())):
            chars.append("".join(f"\\u{unit:04x}" for unit in utf16(char)))
        else:
            chars.append(char)
    return f"{quote}{''.join(chars)}{quote}"


def utf16(char: str) -> list[int]:
    encoded = char.encode("utf-16-be")
    return [int.from_bytes(encoded[i : i + 2], "big") for i in range(0, len(encoded), 2)]


@st.composite
def spelled(draw: st.DrawFn, segment: Segment) -> str:
    """One of the ways a path may spell a segment."""
    blank = draw(st.sampled_from(["", " ", "\t"]))
    if isinstance(segment, Name):
        name = segment.name
        shorthand = jsonpath._NAME_FIRST.match(name[:1]) and jsonpath._NAME_CHARS.fullmatch(
            name[1:]
        )
        if shorthand and draw(st.booleans()):
            return f".{name}"
        return f"[{blank}{draw(quoted(name))}{blank}]"
    if isinstance(segment, Index):
        return f"[{blank}{segment.index}{blank}]"
    inner = "".join(draw(spelled(part)) for part in segment.path)
    literal = segment.literal
    text = draw(quoted(literal)) if isinstance(literal, str) else json.dumps(literal)
    return f"[?@{inner}{blank}=={blank}{text}]"


@st.composite
def reaching(draw: st.DrawFn, path: tuple[Segment, ...]) -> Any:
    """A document a path may reach: along the path, containers whose other members are
    noise; at a filter, several children that pass it, not all of which go on."""
    if not path:
        return draw(documents)
    segment, rest = path[0], path[1:]
    if isinstance(segment, Name):
        found = draw(st.dictionaries(st.sampled_from(NAMES), documents, max_size=3))
        found[segment.name] = draw(reaching(rest))
        return found
    if isinstance(segment, Index):
        items = draw(st.lists(documents, min_size=abs(segment.index) + 1, max_size=5))
        items[segment.index] = draw(reaching(rest))
        return items
    children = []
    for _ in range(draw(st.integers(1, 4))):
        child = draw(st.one_of(reaching(rest), documents))
        if draw(st.integers(0, 2)):  # most children pass the filter
            if not segment.path:
                child = segment.literal
            elif not jsonpath.put(child, segment.path, segment.literal):
                child = {} if isinstance(segment.path[0], Name) else []
                jsonpath.put(child, segment.path, segment.literal)
        children.append(child)
    if draw(st.booleans()):  # an object's members: the order JavaScript keeps is not as sent
        keys = draw(st.permutations(["a", "0", "b", "1", "x.y", "10", "é", "2", "01"]))
        return dict(zip(keys, children, strict=False))
    return children


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, Any]:
    """(a path in any accepted spelling, a document), the document often built to reach it."""
    path = tuple(draw(st.lists(segments, min_size=1, max_size=4)))
    text = "$" + "".join(draw(spelled(segment)) for segment in path)
    document = draw(st.one_of(documents, reaching(path), reaching(path)))
    return text, document


def as_javascript_orders(value: Any) -> Any:
    """value with every object's members in the order JavaScript keeps them."""
    if isinstance(value, dict):
        return {key: as_javascript_orders(item) for key, item in jsonpath.members(value)}
    if isinstance(value, list):
        return [as_javascript_orders(item) for item in value]
    return value


def tagged(value: Any) -> Any:
    """A JSON value in a form that compares as JSON does (1 is 1.0, true is not 1)."""
    if value is jsonpath.MISSING:
        return ("missing",)
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return (type(value).__name__, value)
    if isinstance(value, int | float):
        return ("number", float(value))
    if isinstance(value, list):
        return ("list", tuple(tagged(item) for item in value))
    return ("object", tuple(sorted((key, tagged(item)) for key, item in value.items())))


def python_runtime() -> Any:
    spec = importlib.util.spec_from_file_location(
        "path_runtime", RUNTIMES / "python" / "__package__" / "_runtime.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def real_cases() -> list[tuple[str, Any]]:
    """Every path of every real API's catalogue, against each of its real JSON bodies."""
    found = []
    for folder in sorted(APIS.iterdir()):
        responses = yaml.safe_load((folder / "responses.yaml").read_text())
        bodies = []
        for response in responses:
            try:
                bodies.append(json.loads(response["body"]))
            except (TypeError, ValueError):
                continue
        own = folder / "catalogue.yaml"
        catalogue = generator.load(own if own.is_file() else ROOT / "catalogue.yaml")
        paths = sorted(
            {path for envelope in catalogue.envelopes for path in paths_of(envelope)}
            | {path for code in catalogue.codes for extra in code.extras for path in [extra.path]}
        )
        found += [(path, body) for path in paths for body in bodies]
    return found


def paths_of(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.startswith("$") else []
    if dataclasses.is_dataclass(value):
        return [p for f in dataclasses.fields(value) for p in paths_of(getattr(value, f.name))]
    if isinstance(value, tuple):
        return [p for item in value for p in paths_of(item)]
    return []


NODE_SELECT = r"""
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const runtime = await import(pathToFileURL(process.argv[2]).href);
const cases = JSON.parse(readFileSync(process.argv[3], "utf8"));
const missing = runtime.select(undefined, "$.x");
console.log(JSON.stringify(cases.map(([path, document]) => {
  const found = runtime.select(JSON.parse(document), path);
  return found === missing ? { missing: true } : { value: found };
})));
"""


def collect(count: int) -> list[tuple[str, Any]]:
    drawn: list[tuple[str, Any]] = []

    @settings(max_examples=count)
    @given(cases())
    def gather(case: tuple[str, Any]) -> None:
        drawn.append(case)

    gather()
    return drawn


@pytest.fixture(scope="module")
def typescript_runtime(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("runtime")
    source = folder / "runtime.ts"
    source.write_text((RUNTIMES / "typescript" / "src" / "runtime.ts").read_text())
    (folder / "package.json").write_text('{"type": "module"}\n')
    tsconfig = (ROOT / "generated" / "typescript" / "tsconfig.json").read_text()
    options = json.loads("\n".join(line for line in tsconfig.splitlines() if line[:2] != "//"))
    settings = {**options["compilerOptions"], "rootDir": ".", "outDir": "dist"}
    (folder / "tsconfig.json").write_text(
        json.dumps({"compilerOptions": settings, "files": ["runtime.ts"]})
    )
    run(tool("tsc"), "-p", folder / "tsconfig.json", timeout=600)
    (folder / "dist" / "package.json").write_text('{"type": "module"}\n')
    return folder / "dist" / "runtime.js"


@pytest.mark.parametrize("source", ["drawn", "real"])
def test_every_runtime_selects_what_rfc_9535_selects(
    source: str, typescript_runtime: Path, tmp_path: Path
) -> None:
    chosen = collect(examples(600)) if source == "drawn" else real_cases()
    runtime = python_runtime()
    jobs, expected, python = [], [], []
    for text, document in chosen:
        segments = jsonpath.parse(text)
        canonical = jsonpath.canonical(segments)
        assert jsonpath.parse(canonical) == segments, text
        reference = jsonpath.select(document, segments)
        # The canonical form: jsonpath-rfc9535 1.0 refuses shorthand names holding characters
        # above U+10FF after the first (a typo in its pattern), which RFC 9535 allows.
        nodes = jsonpath_rfc9535.find(canonical, as_javascript_orders(document))
        assert tagged(reference) == tagged(nodes[0].value if nodes else jsonpath.MISSING), text
        found = runtime.select(document, canonical)
        python.append(tagged(jsonpath.MISSING if found is runtime.MISSING else found))
        expected.append(tagged(reference))
        jobs.append((canonical, json.dumps(document)))
    assert python == expected
    (tmp_path / "cases.json").write_text(json.dumps(jobs))
    (tmp_path / "select.mjs").write_text(NODE_SELECT)
    output = run(node(), tmp_path / "select.mjs", typescript_runtime, tmp_path / "cases.json")
    typescript = [
        ("missing",) if "missing" in result else tagged(result["value"])
        for result in json.loads(output.stdout)
    ]
    mismatches = [
        (text, document, want, got)
        for (text, document), want, got in zip(chosen, expected, typescript, strict=True)
        if want != got
    ]
    assert not mismatches
    if source == "drawn":  # the drawn documents must reach their paths, not only miss them
        reached = sum(want != ("missing",) for want in expected)
        assert reached > len(expected) / 4, reached


path_texts = st.text(
    st.sampled_from(list("$.[]'\"?@=!<>*,:() \\u0123abx_-é\t")), min_size=1, max_size=16
)


@settings(max_examples=examples(2000))
@given(path_texts)
def test_what_the_subset_accepts_rfc_9535_accepts(text: str) -> None:
    try:
        segments = jsonpath.parse(text)
    except jsonpath.PathError as error:
        assert 0 <= error.offset <= len(text)
        return
    jsonpath_rfc9535.compile(text)  # raises if RFC 9535 refuses it
    assert jsonpath.parse(jsonpath.canonical(segments)) == segments
