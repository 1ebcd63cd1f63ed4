"""What the Kotlin target decides in Python, before kotlinc sees it: how its tables are cut to
fit the JVM's limits, and the literals it writes. (Everything else about the Kotlin binding is
proven compiled and run: tests/bindings.py, test_cases.py, test_real_apis.py.)"""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import CATALOGUE

import generator
from generator.target import kotlin


def test_the_tables_are_cut_below_the_jvms_limits_in_catalogue_order() -> None:
    code = generator.load(CATALOGUE).codes[0]
    codes = [
        replace(code, key=f"c{index}", wire=("x",) * (index % 7), statuses=("400",) * (index % 3))
        for index in range(2_000)
    ]
    groups = kotlin.chunks(codes)
    assert [c for group in groups for c in group] == codes
    assert all(sum(kotlin._cost(c) for c in group) <= kotlin.CHUNK for group in groups)
    assert len(groups) > 1
    # A code costing more than a whole group still gets one of its own.
    huge = replace(code, wire=("x",) * (kotlin.CHUNK * 2))
    assert kotlin.chunks([code, huge, code]) == [[code], [huge], [code]]
    assert kotlin.chunks([]) == []


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ("$5 ${price}", '"\\$5 \\${price}"'),
        ('say "hi" \\ there', '"say \\"hi\\" \\\\ there"'),
        ("\x00\x0c\u2028", '"\\u0000\\u000c\\u2028"'),
        ("🚀", '"🚀"'),
        ("\U000e0001", '"\\udb40\\udc01"'),
    ],
)
def test_string_literals_escape_what_kotlin_reads_otherwise(text: str, literal: str) -> None:
    assert kotlin.string(text) == literal


def test_doc_comments_neither_end_nor_open_a_comment() -> None:
    said = kotlin.doc("see /api/v1/* and */ then /*/")
    assert "*/" not in said and "/*" not in said
