"""The simple YAML reader gives exactly the tree libyaml's events give, or leaves the file to
them: on every YAML file of the test material, and on random documents written in every style
the simple reader knows and in many it must refuse."""

from __future__ import annotations

import contextlib
import datetime
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import source
from generator.problems import CatalogueError

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _full(text: str) -> Any:
    """The tree the event reading builds, or that it refused the text."""
    try:
        return _shape(source.read_events(text, "catalogue.yaml"))
    except CatalogueError:
        return "refused"


def _simple(text: str) -> Any:
    try:
        return _shape(source._read_simple(text, source._Builder("catalogue.yaml")))
    except CatalogueError:
        return None


def _shape(node: source.Node | None) -> Any:
    """Everything a node holds, down the tree."""
    if node is None:
        return None
    value = node.value
    if isinstance(value, dict):
        value = {key: _shape(child) for key, child in value.items()}
    elif isinstance(value, list):
        value = [_shape(child) for child in value]
    else:
        value = (type(value).__name__, value)
    return (value, node.location, node.key_location, node.size, node.quoted, node.text)


def _material() -> list[Path]:
    found = [*sorted(HERE.rglob("*.yaml")), ROOT / "catalogue.yaml"]
    return [path for path in found if "node_modules" not in path.parts]


def test_every_yaml_file_of_the_tests_reads_the_same() -> None:
    read = 0
    for path in _material():
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
        simple = _simple(text)
        if simple is not None:
            read += 1
            assert simple == _full(text), path
    assert read > len(_material()) // 2


@pytest.mark.parametrize(
    "path",
    [
        "catalogue.yaml",
        *sorted(str(p.relative_to(ROOT)) for p in HERE.glob("apis/*/catalogue.yaml")),
    ],
)
def test_the_catalogues_users_write_are_read_simply(path: str) -> None:
    """Without this the test above could pass with a reader that reads nothing."""
    text = (ROOT / path).read_text(encoding="utf-8-sig")
    assert _simple(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "b" * 2000 + "\n",
        "a" * 1100 + ": b\n",
        "a: {" + "b" * 1100 + ": c}\n",
        "a: b\r\nc: d\r\n",
        "a:\n  b: c\n d: e\n",
        "a: 'b'c\n",
        "a: [b, c\n",
        "a: >\n  b\n   c\n",
        "a: |\n  b\n\n",
        "a: b\n  c: d\n",
        "a:\n- b\n- c\nd: e\n",
        "- a: b\n  c: d\n- e\n",
        'a: "\\u263a \\x41"\n',
        "a: b # c\n  d\n",
        "a:  # note\n  b: c\n",
        "? a\n: b\n",
    ],
)
def test_hand_written_documents_read_the_same(text: str) -> None:
    simple = _simple(text)
    assert simple is None or simple == _full(text)


# Random documents. Texts mix words YAML types (true, 1_000, 1:30, ~, dates) with characters
# that mean something in YAML, so that plain text often is not plain text at all.
_WORDS = [
    "true", "False", "yes", "no", "on", "null", "~", "1", "-2", "0x1F", "1_000", "1:30", "0o7",
    "3.5", ".inf", "-.5", "1e3", "2001-12-14", "2001-12-14 21:59:43.10 -5", "<<", "=", "abc",
    "The", "Not found", "it's", "a: b", "a #b", "a#b", "C#", "x:", "-", "- x", "?", ": x", "[x]",
    "{y}", "&a", "*a", "!x", "%", "@", "`", "|", ">", "'q'", '"d"', "\\", "\\n", "é", "日本",
    "https://e.example/a?b=1", "a,b", "tab\there", "", " ", "  lead", "trail  ",
]  # fmt: skip


# Escapes of double-quoted text: YAML's, and some that are not (or not whole).
_ESCAPES = [r"\x41", r"\u00e9", r"\U0001F600", r"\N", r"\/", r"\ ", r"\0", r"\e", r"\_"]
_ESCAPES += [r"\q", r"\x4", r"\ud800", r"\U0011FFFF", r"\x0a", r"\u200b"]


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 3)))


def _key(rng: random.Random) -> str:
    return rng.choice(["name", "code", "404", "5xx", "$schema", "a.b", "x-y", "true", "<<"])


def _tree(rng: random.Random, depth: int) -> Any:
    roll = rng.random()
    if depth > 3 or roll < 0.45:
        return _text(rng)
    if roll < 0.75:
        return {_key(rng) + str(i % 3 if rng.random() < 0.2 else i): _tree(rng, depth + 1)
                for i in range(rng.randint(0, 4))}  # fmt: skip
    return [_tree(rng, depth + 1) for _ in range(rng.randint(0, 4))]


def _scalar(rng: random.Random, text: str, indent: int) -> list[str]:
    """text as one of the styles, on one line or more (the first is what follows `key: `)."""
    style = rng.choice(["plain", "plain", "single", "double", "block", "folded", "long"])
    if style == "single":
        return ["'" + text.replace("'", "''") + "'"]
    if style == "double":
        escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
        escape = rng.choice(["", "", *_ESCAPES])
        return ['"' + escape + escaped + '"']
    pad = " " * (indent + rng.choice([1, 2, 4]))
    if style in ("block", "folded"):
        header = ("|" if style == "block" else ">") + rng.choice(["", "-", "+", "2"])
        body = [
            pad + part if part else ""
            for part in text.replace(" ", rng.choice([" ", "\n"])).split("\n")
        ]
        return [header + rng.choice(["", " # note", "  "]), *body]
    if style == "long":
        words = text.split(" ")
        return [words[0], *(pad + word for word in words[1:])]
    return [text + rng.choice(["", "", " # note", "  "])]


def _write(rng: random.Random, value: Any, indent: int, lines: list[str], prefix: str) -> None:
    """value at indent, its first line started by prefix (`key:` or `-`)."""
    here = " " * indent
    if (
        isinstance(value, (dict, list))
        and value
        and rng.random() < 0.15
        and all(
            isinstance(item, str) for item in (value.values() if isinstance(value, dict) else value)
        )
    ):
        items = (
            [f"{key}: {rng.choice([text, repr(text)])}" for key, text in value.items()]
            if isinstance(value, dict)
            else [rng.choice([text, repr(text)]) for text in value]
        )
        brackets = "{}" if isinstance(value, dict) else "[]"
        lines.append(f"{here}{prefix} {brackets[0]}{', '.join(items)}{brackets[1]}")
        return
    if isinstance(value, dict):
        if not value:
            lines.append(f"{here}{prefix} {{}}")
            return
        step = rng.choice([2, 4])
        if prefix.endswith("-") and rng.random() < 0.6:  # - key: value, compactly
            start = len(lines)
            for key, item in value.items():
                _write(rng, item, indent + 2, lines, key + ":")
            lines[start] = here + "- " + lines[start][indent + 2 :]
            return
        lines.append(f"{here}{prefix}")
        for key, item in value.items():
            _write(rng, item, indent + step, lines, rng.choice([key, f"'{key}'", f'"{key}"']) + ":")
    elif isinstance(value, list):
        if not value:
            lines.append(f"{here}{prefix} []")
            return
        lines.append(f"{here}{prefix}")
        inner = indent if not prefix.endswith("-") and rng.random() < 0.3 else indent + 2
        for item in value:
            _write(rng, item, inner, lines, "-")
    else:
        first, *rest = _scalar(rng, value, indent)
        lines.append(f"{here}{prefix} {first}".rstrip(" ") if first else f"{here}{prefix}")
        lines.extend(rest)
    if rng.random() < 0.1:
        lines.append(rng.choice(["", "# a comment", " " * indent + "# indented", "   "]))


def _document(rng: random.Random) -> str:
    lines: list[str] = []
    root = {f"k{i}": _tree(rng, 1) for i in range(rng.randint(1, 4))}
    for key, value in root.items():
        _write(rng, value, 0, lines, key + ":")
    return "\n".join(lines) + rng.choice(["\n", "", "\n\n"])


def test_random_documents_read_the_same() -> None:
    rng = random.Random(20261126)
    read = 0
    for _ in range(3000):
        text = _document(rng)
        simple = _simple(text)
        if simple is not None:
            read += 1
            assert simple == _full(text), text
    assert read > 600  # most random documents hold something the simple reader leaves


def test_what_is_typed_without_pyyaml_is_what_pyyaml_types() -> None:
    theirs = {
        first: [(tag, pattern.pattern, pattern.flags) for tag, pattern in resolvers]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    ours = {
        first: [(tag, pattern.pattern, pattern.flags) for tag, pattern in resolvers]
        for first, resolvers in source._IMPLICIT.items()
    }
    assert theirs == ours
    rng = random.Random(7)
    words = ["", "~", "null", "yes", "NO", "On", "oFF", "TRUE", "0", "-0", "+7", "007", "0x1F"]
    words += ["1_000", "1:30", "12e3", "1.5", ".inf", "-.Inf", ".NaN", "0.1.0", "5xx", "2001-12-14"]
    words += ["<<", "=", "The", "no way", "null-ish", "0b101", "-0o7", "1e3", "6.0e+2"]
    words += [str(rng.randint(-(10**20), 10**20)) for _ in range(300)]
    words += ["9" * 18, "9" * 19, "-" + "9" * 18, "+" + "1" * 19, "Yes", "NULL", "Null", ".5"]
    for word in words:
        typed = source._Builder("catalogue.yaml").typed(word, True, 1 << 32 | 4)
        try:
            theirs = yaml.safe_load(f"a: {word}\n")["a"]
        except yaml.constructor.ConstructorError:  # << and =, which a catalogue keeps as text
            theirs = word
        if isinstance(theirs, datetime.date):  # dates too
            theirs = word
        assert (type(typed), typed) == (type(theirs), theirs), word


def test_the_repository_catalogue_is_read_without_pyyaml() -> None:
    """Importing PyYAML is a tenth of a small catalogue's run: the simple reader needs it
    only for what it cannot type itself."""
    script = (
        "import sys\nfrom generator import catalogue\n"
        "catalogue.load('catalogue.yaml')\nprint('yaml' in sys.modules)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "False"


def test_mangled_catalogues_read_the_same_or_are_refused_plainly() -> None:
    """Lines of the repository's catalogue cut, doubled, shifted, or given a stray character:
    the simple reader reads what libyaml reads, and nothing raises but CatalogueError."""
    lines = (ROOT / "catalogue.yaml").read_text(encoding="utf-8").split("\n")
    rng = random.Random(11)
    strays = [*":#-'\"[]{},&*!|>%@`?~ \t\\", "\ufeff", "\x85", "\u2028", "é", "  ", ": x"]
    read = 0
    for _ in range(600):
        mangled = list(lines)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(mangled))
            line = mangled[at]
            cut = rng.randint(0, len(line))
            mangled[at] = rng.choice(
                [
                    line[:cut],
                    line[:cut] + rng.choice(strays) + line[cut:],
                    " " * rng.randint(1, 3) + line,
                    line[rng.randint(0, 2) :],
                    line + "\n" + line,
                ]
            )
        text = "\n".join(mangled)
        simple = _simple(text)
        if simple is not None:
            read += 1
            assert simple == _full(text), text
        with contextlib.suppress(CatalogueError):
            source.read(text.encode("utf-8"), "catalogue.yaml")
    assert read > 50
