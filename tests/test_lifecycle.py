"""Codes have a life (tests/cases/lifecycle): what the Python package makes of deprecated,
renamed and removed codes at run time. The type checkers' view is proven by
tests/typing/deprecations.py (tests/test_usage_probe.py); what every binding makes of a
removed code in a response, by the conformance fixtures; the catalogue's mistakes, by the
cases under tests/cases (removed-*, deprecated-*, previous-name-*)."""

from __future__ import annotations

import importlib
import pickle
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from conftest import ROOT, write_tree

import generator

CATALOGUE = ROOT / "tests" / "cases" / "lifecycle" / "catalogue.yaml"


@pytest.fixture(scope="module")
def ae(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("lifecycle")
    write_tree(out, generator.generate(CATALOGUE, ["python"]))
    sys.path.insert(0, str(out / "python"))
    sys.modules.pop("acme_errors", None)
    try:
        yield importlib.import_module("acme_errors")
    finally:
        sys.path.remove(str(out / "python"))
        sys.modules.pop("acme_errors", None)


def test_a_deprecated_class_says_so_and_names_its_replacement(ae: ModuleType) -> None:
    notice = (
        "Deprecated since v2. Servers send invalid_data now. Use the code invalid_data "
        "instead. Sunset on 2027-06-30."
    )
    error = ae.from_response(400, {"error": {"code": "invalid_request"}})
    assert type(error) is ae.InvalidRequestError
    assert (error.deprecated, error.replaced_by) == (notice, ae.ErrorCode.INVALID_DATA)
    assert ae.InvalidRequestError.__deprecated__ == notice  # PEP 702, as warnings.deprecated
    assert ae.UnauthorizedError.deprecated == "Deprecated."
    # A code of a deprecated type is deprecated with it; one of a live type is not.
    assert ae.NotFoundError.deprecated == ae.LegacyError.deprecated is not None
    assert ae.InvalidDataError.deprecated is None and ae.InvalidDataError.replaced_by is None
    assert ae.ErrorCode.INVALID_REQUEST.__doc__ is not None  # a member cannot be marked


def test_the_package_never_warns_of_what_a_server_sends(ae: ModuleType) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for code in ("invalid_request", "gone_away", "not_found", 10002):
            ae.from_response(404, {"error": {"code": code, "type": "legacy"}})
        ae.InvalidRequestError("built by a server")
        ae.BadDataError("built by its previous name")


def test_a_previous_name_is_the_same_class(ae: ModuleType) -> None:
    assert ae.BadDataError is ae.InvalidDataError
    assert ae.OldStyleError is ae.LegacyError
    with pytest.raises(ae.BadDataError):
        raise ae.from_response(400, {"error": {"code": "invalid_data"}})
    assert {"BadDataError", "OldStyleError"} <= set(ae.__all__)


def test_a_removed_code_is_unknown_and_says_it_was_removed(ae: ModuleType) -> None:
    gone = ae.from_response(400, {"error": {"code": 10002, "message": "Old"}})
    # The body has no type: the removed code's last one chooses the class.
    assert (type(gone), gone.type, gone.code, gone.raw_code) == (
        ae.RequestError,
        ae.ErrorType.REQUEST,
        10002,
        10002,
    )
    assert gone.removed and gone.message == "Old"
    typed = ae.from_response(400, {"error": {"code": "receipt_invalid", "type": "legacy"}})
    assert (type(typed), typed.removed) == (ae.LegacyError, True)
    # 10002 as text is no value the server sent for it.
    assert not ae.from_response(400, {"error": {"code": "10002"}}).removed
    assert not ae.from_response(400, {"error": {"code": "invalid_data"}}).removed
    # A removed code whose last type is no type at all: the status decides.
    assert type(ae.from_response(503, {"error": {"code": "quota_exceeded"}})) is ae.InternalError
    for kept in (pickle.loads(pickle.dumps(gone)), ae.from_dict(gone.to_dict())):
        assert (type(kept), kept.removed, kept.raw_code) == (ae.RequestError, True, 10002)


def test_tombstone_finds_a_removed_code_by_key_or_value(ae: ModuleType) -> None:
    record = ae.tombstone("receipt_invalid")
    assert record is ae.tombstone(10002)
    assert record == ae.Tombstone(
        key="receipt_invalid",
        wire=(10002, "receipt_invalid"),
        status="400",
        type=ae.ErrorType.REQUEST,
        removed_in="v2",
        note="Receipts are checked by the stores now.",
        replaced_by=ae.ErrorCode.INVALID_DATA,
    )
    assert ae.tombstone("quota_exceeded").type is None
    for other in ("10002", True, "invalid_data", "nothing"):
        assert ae.tombstone(other) is None
    assert ae.lookup("receipt_invalid", None) is None
    with pytest.raises(KeyError):
        ae.lookup(10002)


def test_an_error_made_before_its_code_was_removed_loads_as_removed(tmp_path: Path) -> None:
    """A pickle, and to_dict's data, made while the code was live load in the package of the
    catalogue that removed it: of its last type's class, with removed set."""
    data = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    gone = data.pop("removed")["receipt_invalid"]
    data["codes"]["receipt_invalid"] = {
        "type": "request",
        "wire": gone["wire"],
        "status": 400,
        "message": "Receipt invalid",
        "description": "The receipt is invalid.",
        "retryable": False,
    }
    made: dict[str, object] = {}
    for version, catalogue in (("live", data), ("removed", None)):
        source = CATALOGUE
        if catalogue is not None:
            source = tmp_path / version / "catalogue.yaml"
            source.parent.mkdir()
            source.write_text(yaml.safe_dump(catalogue), encoding="utf-8")
        write_tree(tmp_path / version, generator.generate(source, ["python"]))
        sys.path.insert(0, str(tmp_path / version / "python"))
        saved = sys.modules.pop("acme_errors", None)
        try:
            module = importlib.import_module("acme_errors")
            if version == "live":
                error = module.from_response(400, {"error": {"code": 10002}})
                assert (type(error).__name__, error.removed) == ("ReceiptInvalidError", False)
                made = {"pickle": pickle.dumps(error), "data": error.to_dict()}
            else:
                for loaded in (pickle.loads(made["pickle"]), module.from_dict(made["data"])):
                    assert type(loaded) is module.RequestError
                    assert (loaded.removed, loaded.raw_code) == (True, 10002)
        finally:
            sys.path.pop(0)
            sys.modules.pop("acme_errors", None)
            if saved is not None:
                sys.modules["acme_errors"] = saved
