"""Errors answered as responses, first step of the server side (Python): for every code of the
repository's catalogue and of every real API's in tests/apis, and every envelope, the response
`to_response(envelope)` gives reads back as the same error, as far as the envelope has a place
for each part. What an envelope has no place for is asserted as lost, never skipped:

- no code path: the code (the class falls back to the status's or the type's);
- no message path: the message (the class's default message is read back);
- no field errors, or field errors as bare strings: the fields, or their names;
- items that are themselves field errors: the error's own message (each item carries its
  field's message), and the fields past the deciding item's unless another envelope reads
  the whole list.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import ROOT, write_tree

import generator
from generator import catalogue as catalogue_module

APIS = ROOT / "tests" / "apis"
OWN = sorted(folder / "catalogue.yaml" for folder in APIS.iterdir() if folder.is_dir())
OWN = [path for path in OWN if path.is_file()]
CATALOGUES = [ROOT / "catalogue.yaml", *OWN]


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[tuple[Any, ModuleType]]]:
    root = tmp_path_factory.mktemp("server")
    found = []
    for index, source in enumerate(CATALOGUES):
        model = catalogue_module.load(source)
        folder = root / f"c{index}"
        write_tree(folder, generator.generate(source, ["python"]))
        name = model.options["python"]["package"]
        sys.path.insert(0, str(folder / "python"))
        try:
            sys.modules.pop(name, None)
            found.append((model, importlib.import_module(name)))
        finally:
            sys.path.pop(0)
    yield found
    for model, _ in found:
        sys.modules.pop(model.options["python"]["package"], None)


def items_are_fields(envelope: Any) -> bool:
    return envelope.errors is not None and any(source.path == "$" for source in envelope.fields)


def test_every_code_in_every_envelope_reads_back(packages: list[tuple[Any, ModuleType]]) -> None:
    pairs = lost_codes = 0
    for model, errors in packages:
        for code in model.codes:
            cls = errors.lookup(code.key)
            for envelope in model.envelopes:
                pairs += 1
                error = cls("What the server said")
                status, headers, body = error.to_response(envelope.key)
                back = errors.from_response(status, body, headers=headers)
                where = (model.api.name, code.key, envelope.key, body)
                if envelope.code is None:
                    lost_codes += 1
                    assert back.raw_code is None, where
                else:
                    assert type(back) is cls, where
                    assert back.code == error.code, where
                    assert errors.lookup(back.raw_code) is cls, where
                    assert back.type == error.type, where
                if envelope.message is not None or envelope.body == "text":
                    assert back.message == "What the server said", where
                else:
                    assert back.message == type(back).default_message, where
    assert pairs > 400 and 0 < lost_codes < pairs


def test_field_errors_read_back_where_the_envelope_holds_them(
    packages: list[tuple[Any, ModuleType]],
) -> None:
    checked = 0
    for model, errors in packages:
        code = model.codes[0]
        cls = errors.lookup(code.key)
        fields = (
            errors.FieldError("email", ("Required", "Too long")),
            errors.FieldError("name", ("Taken",)),
        )
        for envelope in model.envelopes:
            error = cls("What the server said", fields=fields)
            status, headers, body = error.to_response(envelope.key)
            back = errors.from_response(status, body, headers=headers)
            where = (model.api.name, envelope.key, body)
            source = envelope.fields[0] if envelope.fields else None
            if source is None or (envelope.code is None and envelope.errors is not None):
                assert back.fields == () or envelope.code is None, where
                continue
            checked += 1
            names = [(found.name, found.messages) for found in back.fields]
            if items_are_fields(envelope):
                # One item a field message; the deciding item's field is read back (all of
                # them where another envelope reads the list, as GitHub's does).
                assert names[0][0] == "email" and names[0][1][0] == "Required", where
                assert back.message == "Required", where
            elif source.shape == "strings":
                assert names == [("", ("Required", "Too long", "Taken"))], where
            else:
                assert names == [("email", ("Required", "Too long")), ("name", ("Taken",))], where
    assert checked >= 10


def test_responses_say_what_a_client_needs(packages: list[tuple[Any, ModuleType]]) -> None:
    errors = packages[0][1]  # the repository's catalogue: v3 first, 5xx codes
    internal = errors.lookup("storage_error")("Disk full", headers={"Retry-After": "30"})
    status, headers, body = internal.to_response()
    assert status == 500  # a code documented with 5xx answers 500
    assert headers["content-type"] == "application/json"
    assert headers["retry-after"] == "30"
    expected = {"error": {"code": "storage_error", "type": "internal", "message": "Disk full"}}
    assert internal.to_body() == expected
    assert json.loads(body) == expected
    with pytest.raises(ValueError, match="no envelope 'nope'"):
        internal.to_body("nope")
    assert errors.lookup("storage_error").answer_status is None


def test_a_code_documented_with_a_range_answers_with_the_status_the_catalogue_names(
    tmp_path: Path,
) -> None:
    text = (ROOT / "catalogue.yaml").read_text(encoding="utf-8")
    named = text.replace("    status: 5xx  #", "    answer_status: 503\n    status: 5xx  #", 1)
    assert named != text
    (tmp_path / "catalogue.yaml").write_text(named, encoding="utf-8")
    write_tree(tmp_path, generator.generate(tmp_path / "catalogue.yaml", ["python"]))
    sys.path.insert(0, str(tmp_path / "python"))
    try:
        sys.modules.pop("qonversion_errors", None)
        errors = importlib.import_module("qonversion_errors")
    finally:
        sys.path.pop(0)
        sys.modules.pop("qonversion_errors", None)
    storage = errors.lookup("storage_error")
    assert storage.answer_status == 503
    assert storage("Disk full").to_response()[0] == 503
    assert storage("Disk full", status=507).to_response()[0] == 507  # the response's own
    assert errors.lookup("network_error")("x").to_response()[0] == 500


def test_a_server_cannot_build_an_error_with_an_extra_of_the_wrong_type(
    packages: list[tuple[Any, ModuleType]],
) -> None:
    errors = packages[0][1]  # the repository's catalogue: reported_status is an integer
    with pytest.raises(TypeError, match="the extra 'reported_status' holds integer, not str"):
        errors.QonversionError("x", extras={"reported_status": "four"})
    assert errors.QonversionError("x", extras={"reported_status": 404}).reported_status == 404
    checked = 0
    for model, module in packages:
        for extra in model.envelope_extras:
            wrong = "text" if extra.kind != "string" else 1
            if extra.kind == "object":
                continue  # an object extra holds any JSON
            checked += 1
            with pytest.raises(TypeError, match=repr(extra.name)):
                module.lookup(model.codes[0].key)("x", extras={extra.name: wrong})
    assert checked >= 5
