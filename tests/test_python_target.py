"""The generated Python package, imported and used the way an SDK would use it."""

from __future__ import annotations

import asyncio
import copy
import functools
import importlib
import json
import pickle
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import aiohttp
import fake_api
import httpx
import pytest
import requests
from conftest import GENERATED, PYTHON, ROOT, run, tool, write_tree

from generator import catalogue as catalogue_module

PACKAGE = GENERATED / "python"
CATALOGUE = catalogue_module.load(ROOT / "catalogue.yaml")
FIXTURES = json.loads((GENERATED / "fixtures" / "conformance.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def errors() -> Iterator[ModuleType]:
    sys.path.insert(0, str(PACKAGE))
    try:
        yield importlib.import_module(CATALOGUE.options["python"]["package"])
    finally:
        sys.path.remove(str(PACKAGE))


def fields(found: Any) -> list[dict[str, Any]]:
    return [
        {
            "name": f.name,
            "messages": list(f.messages),
            "code": f.code,
            "type": f.type,
            "pointer": f.pointer,
        }
        for f in found
    ]


def check(error: Any, expect: dict[str, Any], body: str, errors: ModuleType) -> None:
    """What a conformance case says of an error, checked member by member."""
    assert type(error).__name__ == expect["classes"]["python"]
    assert isinstance(error, errors.QonversionError)
    assert error.status == expect["status"]
    assert error.code == expect["code"] and type(error.code) is not bool
    assert error.raw_code == expect["raw_code"]
    assert type(error.raw_code) is type(expect["raw_code"])  # 10003 is not "10003"
    assert error.type == expect["type"]
    assert error.message == expect["message"]
    assert fields(error.fields) == expect["fields"]
    assert error.reference == expect["reference"]
    assert error.extras == expect["extras"]
    for name, value in expect["extras"].items():
        assert getattr(error, name) == value
    assert [
        {
            "code": item.code,
            "raw_code": item.raw_code,
            "type": item.type,
            "message": item.message,
            "fields": fields(item.fields),
            "extras": dict(item.extras),
        }
        for item in error.errors
    ] == expect["errors"]
    text = body.removeprefix("\ufeff")
    assert error.body == (json.loads(text) if expect["body_is_json"] else text)
    assert error.request_id == expect["request_id"]
    assert error.retry_after == expect["retry_after"]
    assert (error.retryable, error.throttled) == (expect["retryable"], expect["throttled"])
    assert (error.fault, error.removed) == (expect["fault"], expect.get("removed", False))


@pytest.mark.parametrize("case", FIXTURES["cases"], ids=lambda case: case["name"])
def test_conformance_fixture(case: dict[str, Any], errors: ModuleType) -> None:
    headers = {**case["headers"]}
    if case["content_type"]:
        headers["Content-Type"] = case["content_type"]
    for body in (case["body"], case["body"].encode("utf-8")):
        error = errors.from_response(case["status"], body, headers=headers)
        check(error, case["expect"], case["body"], errors)
        found = errors.error_for(case["status"], body, headers=headers)
        assert (found is not None) is case["is_error"]
        if found is not None:
            check(found, case["expect"], case["body"], errors)
    if case["expect"]["body_is_json"]:
        parsed = json.loads(case["body"].removeprefix("\ufeff"))
        error = errors.from_response(case["status"], parsed, headers=headers)
        check(error, case["expect"], case["body"], errors)


@pytest.mark.parametrize("code", CATALOGUE.codes, ids=lambda code: code.key)
def test_every_code_class_carries_its_catalogue_entry(code: Any, errors: ModuleType) -> None:
    cls = errors.lookup(code.key)
    assert cls is errors.lookup(errors.ErrorCode(code.key))
    for number in [value for value in code.wire if isinstance(value, int)]:
        assert errors.lookup(number) is cls
    type_class = errors.lookup(code.key).__mro__[1]
    assert type_class.type == errors.ErrorType(code.type)
    assert cls.code == errors.ErrorCode(code.key)
    assert cls.type == code.type
    assert cls.http_status == errors.HttpStatus(code.status)
    status = CATALOGUE.status(code.status)
    assert cls.status == status.code
    assert cls.default_message == code.message
    assert cls.description == code.description
    assert cls.retryable is code.retryable
    assert cls.fault == code.fault
    assert cls.docs_url == f"{CATALOGUE.api.docs_url}#{code.key}"
    assert cls.__doc__ == code.description
    assert cls.statuses == tuple(errors.HttpStatus(key) for key in code.statuses)
    error = cls()
    assert (error.code, error.type, error.message) == (code.key, code.type, code.message)
    assert error.status is None, "an error's status is only ever the response's"
    assert error.retryable is code.retryable


def test_catch_by_type_or_by_code(errors: ModuleType) -> None:
    body = json.dumps(CATALOGUE.example(CATALOGUE.showcase))
    with pytest.raises(errors.RequestError) as caught:
        raise errors.from_response(400, body)
    assert isinstance(caught.value, errors.InvalidDataError)
    with pytest.raises(errors.InvalidDataError):
        raise errors.from_response(400, body)
    for error_type in CATALOGUE.types:
        type_class = getattr(errors, f"{error_type.key.capitalize()}Error")
        for code in CATALOGUE.codes_of(error_type):
            assert issubclass(errors.lookup(code.key), type_class)
            assert not any(
                issubclass(errors.lookup(code.key), getattr(errors, f"{o.key.capitalize()}Error"))
                for o in CATALOGUE.types
                if o != error_type
            )


def test_enums_and_statuses(errors: ModuleType) -> None:
    assert [m.value for m in errors.ErrorCode] == [c.key for c in CATALOGUE.codes]
    assert [m.value for m in errors.ErrorType] == [t.key for t in CATALOGUE.types]
    assert [m.value for m in errors.HttpStatus] == [s.key for s in CATALOGUE.statuses]
    assert str(errors.ErrorCode.INVALID_DATA) == "invalid_data"
    assert errors.HttpStatus.of(503) is errors.HttpStatus.SERVER_ERRORS
    assert errors.HttpStatus.of(404) is errors.HttpStatus.NOT_FOUND
    assert errors.HttpStatus.of(418) is None
    assert errors.HttpStatus.SERVER_ERRORS.statuses == range(500, 600)
    assert errors.HttpStatus.NOT_FOUND.title == "Not Found"
    with pytest.raises(KeyError):
        errors.lookup("no_such_code")
    with pytest.raises(KeyError):
        errors.lookup(2**53 - 1)
    assert errors.lookup("no_such_code", None) is None
    for code in CATALOGUE.codes:
        cls = errors.lookup(code.key)
        assert errors.lookup(cls.__name__) is cls
        assert errors.lookup(cls.__name__.upper(), None) is cls
        for value in [value for value in code.wire if isinstance(value, str)]:
            assert errors.lookup(value) is cls


def all_classes(errors: ModuleType) -> list[type]:
    return [errors.QonversionError, *errors.QonversionError.__subclasses__()] + [
        cls for base in errors.QonversionError.__subclasses__() for cls in base.__subclasses__()
    ]


def test_every_class_pickles_and_copies_with_every_attribute(errors: ModuleType) -> None:
    classes = all_classes(errors)
    transport = 3  # the transport error and its connection and timeout errors
    assert len(classes) == 1 + transport + len(CATALOGUE.types) + len(CATALOGUE.codes)
    field = errors.FieldError("email", ("Required", "Too long"))
    for cls in classes:
        error = cls(
            "what the server said",
            status=409,
            type="kitchen",
            code="teapot",
            fields=(field,),
            reference="https://example.invalid/ref",
            body={"raw": [1, 2]},
        )
        for clone in (pickle.loads(pickle.dumps(error)), copy.copy(error), copy.deepcopy(error)):
            assert type(clone) is cls
            assert vars(clone) == vars(error)
            assert str(clone) == str(error) and repr(clone) == repr(error)
            assert clone.args == error.args


def test_headers_keep_their_secrets_out_of_pickles(errors: ModuleType) -> None:
    headers = [
        ("Authorization", "Bearer sk_live_1"),
        ("X-Request-Id", "req_1"),
        ("Set-Cookie", "a=1"),
        ("Set-Cookie", "b=2"),
        ("X-Session-Token", "t"),
        (b"Retry-After", b"7"),
    ]
    error = errors.from_response(503, "", headers=headers)
    assert dict(error.headers) == {
        "authorization": "Bearer sk_live_1",
        "x-request-id": "req_1",
        "set-cookie": "a=1, b=2",
        "x-session-token": "t",
        "retry-after": "7",
    }
    assert (error.request_id, error.retry_after, error.retryable) == ("req_1", 7.0, True)
    clone = pickle.loads(pickle.dumps(error))
    assert dict(clone.headers) == {
        "authorization": "[redacted]",
        "x-request-id": "req_1",
        "set-cookie": "[redacted]",
        "x-session-token": "[redacted]",
        "retry-after": "7",
    }
    assert "sk_live" not in repr(error) + str(error)
    assert error.headers["authorization"] == "Bearer sk_live_1", "the live error keeps it"


def test_str_and_repr(errors: ModuleType) -> None:
    error = errors.from_response(404, '{"error": {"code": "not_found", "message": "No user"}}')
    assert str(error) == "not_found: No user (HTTP 404)"
    assert repr(error).startswith("NotFoundError(message='No user', status=404,")
    assert str(errors.QonversionError("plain")) == "plain"
    found = errors.from_response(404, "{}", headers={"Request-Id": "req_9"})
    assert str(found) == "Unknown error (HTTP 404, request req_9)"
    assert repr(found).endswith("request_id='req_9')")


HOSTILE_BODIES: list[Any] = [
    None,
    b"",
    "",
    b"\xff\xfe\x00garbage",
    "not json",
    "[]",
    "null",
    "123",
    "true",
    '"text"',
    '{"error": 5}',
    '{"error": {"code": 5, "type": [], "message": {}}}',
    '{"error": {"code": "__proto__"}}',
    '{"error": {"code": "constructor", "type": "toString"}}',
    '{"_meta": {"fields": "not a list"}}',
    '{"_meta": {"fields": [1, null, {"name": 2}]}}',
    '{"error": {"details": [{"field": "a", "message": 5}, {"field": "a", "message": "x"}]}}',
    "[" * 100_000 + "]" * 100_000,
    '{"a": ' * 50_000 + "1" + "}" * 50_000,
    '{"error": {"message": "' + "x" * 5_000_000 + '"}}',
    bytearray(b'{"error": {"code": "not_found"}}'),
    memoryview(b"{}"),
    {"error": {"code": object()}},
    {1: 2},
    [object()],
    object(),
    3.5,
    float("nan"),
]


@pytest.mark.parametrize("body", HOSTILE_BODIES, ids=range(len(HOSTILE_BODIES)))
@pytest.mark.parametrize("status", [None, 400, 503, 999, -1, True])
def test_from_response_never_raises(body: Any, status: Any, errors: ModuleType) -> None:
    error = errors.from_response(status, body)
    assert isinstance(error, errors.QonversionError)
    assert isinstance(error.message, str)
    str(error)
    repr(error)


def test_field_errors_from_each_envelope(errors: ModuleType) -> None:
    v4 = {
        "error": {
            "type": "request",
            "code": "invalid_data",
            "message": "m",
            "details": [
                {"field": "a", "message": "x"},
                {"field": "a", "message": "y"},
                {"field": "b", "message": "z"},
            ],
        }
    }
    error = errors.from_response(400, v4)
    assert error.fields == (errors.FieldError("a", ("x", "y")), errors.FieldError("b", ("z",)))


class FakeResponse:
    def __init__(self, status: int, content: bytes) -> None:
        self.status_code, self.content = status, content


class FakeUrllibError:
    def __init__(self, status: int, content: bytes) -> None:
        self.code, self._content = status, content

    def read(self) -> bytes:
        return self._content


def test_raise_for_response_with_any_response_shape(errors: ModuleType) -> None:
    body = b'{"error": {"type": "resource", "code": "not_found", "message": "gone"}}'
    for response in (FakeResponse(404, body), FakeUrllibError(404, body)):
        with pytest.raises(errors.NotFoundError) as caught:
            errors.raise_for_response(response)
        assert caught.value.message == "gone" and caught.value.status == 404
    for status in (200, 201, 204, 301):
        assert errors.raise_for_response(FakeResponse(status, body)) is None


def test_mypy_strict_on_the_package_at_the_oldest_supported_python(tmp_path: Path) -> None:
    current = f"{sys.version_info[0]}.{sys.version_info[1]}"
    for version in ("3.10", current):
        run(
            PYTHON,
            "-m",
            "mypy",
            "--strict",
            "--python-version",
            version,
            "--cache-dir",
            tmp_path / version,
            CATALOGUE.options["python"]["package"],
            cwd=PACKAGE,
        )


def test_pyright_strict_on_the_package(tmp_path: Path) -> None:
    # The files named on the command line, not the config's folder, are what pyright checks.
    config = tmp_path / "pyrightconfig.json"
    config.write_text(json.dumps({"typeCheckingMode": "strict", "pythonVersion": "3.10"}))
    package = PACKAGE / CATALOGUE.options["python"]["package"]
    result = run(tool("pyright"), "--project", config, "--outputjson", package, check=False)
    report = json.loads(result.stdout)
    assert report["summary"]["errorCount"] == 0, result.stdout
    assert report["summary"]["filesAnalyzed"] == len(list(package.glob("*.py")))


def test_black_and_ruff_are_clean_on_the_package() -> None:
    # Generating never runs black: the templates must already produce black's layout.
    run(PYTHON, "-m", "black", "--check", "--target-version", "py310", ".", cwd=PACKAGE)
    # Catalogue prose makes long lines black cannot split, and __all__ keeps catalogue order.
    run(
        PYTHON,
        "-m",
        "ruff",
        "check",
        "--isolated",
        "--no-cache",
        "--select",
        "E,F,W,I,B,UP,RUF",
        "--ignore",
        "E501,RUF022",
        "--target-version",
        "py310",
        ".",
        cwd=PACKAGE,
    )


@pytest.fixture(scope="module")
def api() -> Iterator[str]:
    with fake_api.serving(FIXTURES["cases"]) as url:
        yield url


def fetch_with_urllib(url: str) -> Any:
    try:
        return urllib.request.urlopen(url, timeout=10)
    except urllib.error.HTTPError as error:
        return error


@functools.cache
def httpx_client() -> httpx.Client:
    """One client for every request: making one per request costs tens of milliseconds."""
    return httpx.Client(timeout=10)


CLIENTS = {
    "httpx": lambda url: httpx_client().get(url),
    "requests": lambda url: requests.get(url, timeout=10),
    "urllib": fetch_with_urllib,
}


def read_all(client: str, urls: list[str], errors: ModuleType) -> list[tuple[Any, Any]]:
    """(error_for_response, what raise_for_response raised) for each URL, read by a real
    client: sync ones, httpx streaming (the body not read yet), httpx async and aiohttp."""

    def raised(call: Any) -> Any:
        try:
            call()
        except errors.QonversionError as error:
            return error
        return None

    if client in CLIENTS:
        # A urllib response reads once: each function gets its own.
        get = CLIENTS[client]
        return [
            (
                errors.error_for_response(get(url)),
                raised(lambda url=url: errors.raise_for_response(get(url))),
            )
            for url in urls
        ]
    if client == "httpx streamed":
        found = []
        with httpx.Client(timeout=10) as session:
            for url in urls:
                with session.stream("GET", url) as response:
                    error = errors.error_for_response(response)
                with session.stream("GET", url) as response:
                    found.append((error, raised(lambda: errors.raise_for_response(response))))
        return found

    async def araised(response: Any) -> Any:
        try:
            await errors.araise_for_response(response)
        except errors.QonversionError as error:
            return error
        return None

    async def read() -> list[tuple[Any, Any]]:
        found = []
        if client == "httpx async":
            async with httpx.AsyncClient(timeout=10) as session:
                for url in urls:
                    async with session.stream("GET", url) as response:
                        error = await errors.aerror_for_response(response)
                    async with session.stream("GET", url) as response:
                        found.append((error, await araised(response)))
        else:
            async with aiohttp.ClientSession() as session:
                for url in urls:
                    async with session.get(url) as response:
                        error = await errors.aerror_for_response(response)
                    async with session.get(url) as response:
                        found.append((error, await araised(response)))
        return found

    return asyncio.run(read())


@pytest.mark.parametrize("client", [*CLIENTS, "httpx streamed", "httpx async", "aiohttp"])
def test_real_http_responses_raise_the_right_error(
    client: str, api: str, errors: ModuleType
) -> None:
    urls = [f"{api}/cases/{index}" for index in range(len(FIXTURES["cases"]))]
    for case, (error, raised) in zip(
        FIXTURES["cases"], read_all(client, urls, errors), strict=True
    ):
        if not case["is_error"]:
            assert error is None and raised is None
            continue
        check(error, case["expect"], case["body"], errors)
        check(raised, case["expect"], case["body"], errors)


def fail_with(client: str, url: str, timeout: float) -> BaseException:
    """What a real client raises for url, with timeout seconds to answer in."""
    try:
        if client == "requests":
            requests.get(url, timeout=timeout).raise_for_status()
        elif client == "httpx":
            httpx.get(url, timeout=timeout).raise_for_status()
        elif client == "urllib":
            urllib.request.urlopen(url, timeout=timeout)
        else:

            async def get() -> None:
                limit = aiohttp.ClientTimeout(total=timeout)
                session = aiohttp.ClientSession(timeout=limit, raise_for_status=True)
                async with session, session.get(url) as response:
                    await response.read()

            asyncio.run(get())
    except Exception as error:
        return error
    raise AssertionError(f"{client} did not fail for {url}")


TRANSPORT_CLIENTS = ("requests", "httpx", "urllib", "aiohttp")


@pytest.mark.parametrize("client", TRANSPORT_CLIENTS)
def test_transport_failures_are_errors_of_the_api(
    client: str, api: str, errors: ModuleType
) -> None:
    # Only the timeout waits for its limit: the others answer (or refuse) at once, and a
    # generous limit keeps a busy machine from turning them into timeouts.
    failures = {
        "refused": (
            f"http://127.0.0.1:{fake_api.closed_port()}/",
            errors.QonversionConnectionError,
            False,
            10,
        ),
        "timeout": (f"{api}/slow/2000", errors.QonversionTimeoutError, True, 0.3),
        "dropped": (f"{api}/drop", errors.QonversionTransportError, True, 10),
    }
    for what, (url, cls, sent, limit) in failures.items():
        original = fail_with(client, url, timeout=limit)
        found = errors.translate(original)
        assert type(found) is cls, (what, repr(original))
        assert isinstance(found, errors.QonversionTransportError)
        assert (found.sent, found.retryable, found.status, found.code) == (sent, True, None, None)
        assert found.__cause__ is original
        with pytest.raises(errors.QonversionError) as caught, errors.translated():
            raise original
        assert type(caught.value) is cls and caught.value.__cause__ is original

        async def inside(original: BaseException = original) -> None:
            async with errors.translated():
                raise original

        with pytest.raises(cls):
            asyncio.run(inside())
        data = found.to_dict()
        assert data["sent"] is sent and data["class"] == cls.__name__
        assert type(errors.from_dict(data)) is cls and errors.from_dict(data).sent is sent


@pytest.mark.parametrize("client", TRANSPORT_CLIENTS)
def test_status_errors_of_clients_become_the_response_s_error(
    client: str, api: str, errors: ModuleType
) -> None:
    index, case = next(
        (index, case)
        for index, case in enumerate(FIXTURES["cases"])
        if case["is_error"] and case["expect"]["code"] is not None and 400 <= case["status"] < 600
    )
    original = fail_with(client, f"{api}/cases/{index}", timeout=10)
    found = errors.translate(original)
    assert found is not None and found.__cause__ is original
    if client == "aiohttp":
        # aiohttp's ClientResponseError keeps no body: the status and headers make the error.
        assert (found.status, found.raw_code) == (case["status"], None)
    else:
        check(found, case["expect"], case["body"], errors)


def test_what_is_no_http_failure_is_left_alone(errors: ModuleType) -> None:
    for error in (
        ValueError("no"),
        KeyError("x"),
        RuntimeError(),
        requests.exceptions.InvalidURL("u"),
    ):
        assert errors.translate(error) is None
        with pytest.raises(type(error)), errors.translated():
            raise error
    api_error = errors.NotFoundError()
    assert errors.translate(api_error) is api_error


def test_a_pickle_outlives_its_code(tmp_path: Path) -> None:
    """An error pickled by one package loads in a newer one: by its class name, else its
    code, else its type (here the code is gone, so the type's class)."""
    import yaml

    import generator

    data = yaml.safe_load((ROOT / "tests" / "cases" / "minimal" / "catalogue.yaml").read_text())
    pickles = {}
    for version in ("old", "new"):
        if version == "new":
            del data["codes"]["not_found"]
        source = tmp_path / version / "catalogue.yaml"
        source.parent.mkdir()
        source.write_text(yaml.safe_dump(data))
        files = generator.generate(source, ["python"])
        for path, text in files.items():
            (tmp_path / version / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / version / path).write_text(text)
        sys.path.insert(0, str(tmp_path / version / "python"))
        try:
            module = importlib.import_module("acme_errors")
            if version == "old":
                body = '{"error": {"code": "not_found", "type": "resource", "message": "Gone"}}'
                error = module.from_response(404, body, headers={"X-Request-Id": "r1"})
                assert type(error).__name__ == "NotFoundError"
                pickles["error"] = pickle.dumps(error)
            else:
                loaded = pickle.loads(pickles["error"])
                assert type(loaded) is module.ResourceError
                assert (loaded.code, loaded.message, loaded.request_id) == (
                    "not_found",
                    "Gone",
                    "r1",
                )
        finally:
            sys.path.pop(0)
            for name in [name for name in sys.modules if name.split(".")[0] == "acme_errors"]:
                del sys.modules[name]


# Run in a process of its own: the package imported fresh, no class of a code made yet.
LAZY_CLASSES = """
import json, pickle, sys, threading
import qonversion_errors as m

names, key, previous, other = json.loads(sys.argv[1]), *sys.argv[2:5]
report = {"made_at_import": sorted(set(names) & set(vars(m)))}
# Threads racing to make one class all get the one the module keeps.
found = []
threads = [threading.Thread(target=lambda: found.append(m.lookup(key))) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
cls = found[0]
from qonversion_errors import *  # noqa: F403

ways = [
    *found,
    getattr(m, cls.__name__),
    globals()[cls.__name__],
    m.lookup(m.ErrorCode(key)),
    type(m.from_response(400, {"error": {"code": key}})),
    pickle.loads(pickle.dumps(cls)),
    type(pickle.loads(pickle.dumps(cls()))),
    m.from_dict(cls().to_dict()).__class__,
]
report["one_class"] = all(way is cls for way in ways)
# A test patching a class it never used before: the package goes on with the one class.
from unittest import mock

with mock.patch.object(m, other):
    inside = m.lookup(m._code_keys()[other])
report["patched"] = inside is getattr(m, other) is m.lookup(m._code_keys()[other])
report["patched_is_class"] = isinstance(inside, type)
report["previous"] = getattr(m, previous) is m.lookup(m._PREVIOUS_CODE_NAMES[previous])
report["listed"] = sorted(set(names) - set(dir(m)))
report["star"] = sorted(set(names) - set(globals()))
try:
    m.NoSuchError
except AttributeError as error:
    report["missing"] = str(error)
print(json.dumps(report))
"""


def test_code_classes_are_made_on_first_use_and_stay_one_class(tmp_path: Path) -> None:
    """Importing the package makes no code's class (making thousands of them was most of an
    import); a class is made when first used, however it is reached, and is the same class
    every way after. The module's __getattr__ finds a class by its name or a previous one."""
    import yaml

    import generator
    from generator.target import python

    data = yaml.safe_load((ROOT / "catalogue.yaml").read_text(encoding="utf-8"))
    data["codes"]["invalid_data"]["previous_names"] = {"python": ["BadDataError"]}
    source = tmp_path / "catalogue.yaml"
    source.write_text(yaml.safe_dump(data), encoding="utf-8")
    write_tree(tmp_path / "out", generator.generate(source, ["python"]))
    names = [python.code_class(code) for code in CATALOGUE.codes]
    result = run(
        PYTHON,
        "-c",
        LAZY_CLASSES,
        json.dumps(names),
        CATALOGUE.codes[0].key,
        "BadDataError",
        names[1],
        cwd=tmp_path / "out" / "python",
    )
    assert json.loads(result.stdout) == {
        "made_at_import": [],
        "one_class": True,
        "patched": True,
        "patched_is_class": True,
        "previous": True,
        "listed": [],
        "star": [],
        "missing": "module 'qonversion_errors' has no attribute 'NoSuchError'",
    }


def test_code_literals_give_way_to_the_size_pyright_analyzes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above python.CODE_LITERALS_UP_TO codes, classes do not declare their code's literal
    (bench/run.py proves pyright passes on 10,000 codes): the package still works alike."""
    import generator
    from generator.target import python

    source = ROOT / "tests" / "cases" / "minimal" / "catalogue.yaml"
    outputs = {}
    for limit in (0, 1_000):
        monkeypatch.setattr(python, "CODE_LITERALS_UP_TO", limit)
        outputs[limit] = generator.generate(source, ["python"])
    module = "python/acme_errors/__init__.py"
    assert "def code(self) -> Literal[" in outputs[1_000][module]
    assert "Literal" not in outputs[0][module]
    assert "_runtime.readonly\n    def code" not in outputs[0][module]
    for limit, files in outputs.items():
        write_tree(tmp_path / str(limit), files)
        result = run(
            PYTHON,
            "-c",
            "import acme_errors as e; print(e.lookup('not_found').code, "
            "e.from_response(404, {'error': {'code': 'not_found'}}).code)",
            cwd=tmp_path / str(limit) / "python",
        )
        assert result.stdout.split() == ["not_found", "not_found"], result.stdout


def test_failures_are_known_by_the_names_of_their_classes(errors: ModuleType) -> None:
    """The package imports no HTTP library: a failure is known by its classes' module and
    name, so asyncio's own TimeoutError (before Python 3.11) counts as a timeout too."""
    stand_in = type("TimeoutError", (Exception,), {"__module__": "asyncio.exceptions"})
    found = errors.translate(stand_in("timed out"))
    assert type(found) is errors.QonversionTimeoutError and found.sent is True
    unrelated = type("TimeoutError", (Exception,), {"__module__": "myapp.jobs"})
    assert errors.translate(unrelated()) is None


@pytest.mark.parametrize("length", [40, 60, 64, 68, 72, 76, 100])
def test_long_extra_names_are_laid_out_as_black_would(length: int, tmp_path: Path) -> None:
    """Attributes and the Extras TypedDict at every width around the line length."""
    import black
    import yaml

    import generator
    from generator.target import python

    data = yaml.safe_load((ROOT / "tests" / "cases" / "minimal" / "catalogue.yaml").read_text())
    data["format"] = 2
    envelope = next(iter(data["envelopes"].values()))
    envelope["extras"] = {
        "x" * length: {"path": "$.a", "type": "strings"},
        "y" * length: {"path": "$.b"},
        "z" * length: {"path": "$.c", "type": "object"},
    }
    data["codes"]["not_found"]["extras"] = {"w" * length: {"path": "$.d", "type": "boolean"}}
    source = tmp_path / "catalogue.yaml"
    source.write_text(yaml.safe_dump(data))
    text = generator.generate(source, ["python"])["python/acme_errors/__init__.py"]
    assert black.format_str(text, mode=python.black_mode()) == text
