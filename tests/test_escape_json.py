"""The json filter writes what json.dumps(indent=2) writes, with unsafe characters escaped:
orjson does the writing, and json.dumps's own path is taken where orjson writes otherwise."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import escape

scalars = (
    st.none()
    | st.booleans()
    | st.integers()  # beyond 64 bits too, which orjson refuses
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.floats(min_value=-1e-3, max_value=1e-3)  # where orjson's notation differs
    | st.text()
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        | st.dictionaries(st.integers(), inner, max_size=2)
    ),  # keys json.dumps turns into text
    max_leaves=20,
)


def _expected(value: Any, level: int) -> str:
    text = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * level)
    return "".join(
        escape.utf16_escape(char) if char != "\n" and escape.is_unsafe(char) else char
        for char in text
    )


@settings(max_examples=600, deadline=None)
@given(values, st.integers(min_value=0, max_value=3))
def test_json_is_what_json_dumps_writes(value: Any, level: int) -> None:
    assert escape.to_json(value, level) == _expected(value, level)


def test_small_floats_take_json_dumps_notation() -> None:
    for number in (1e-05, 2.5e-07, 0.0001, 1e-300, -5e-324, 1e16, 0.1):
        assert escape.to_json({"n": [number]}) == json.dumps({"n": [number]}, indent=2)
