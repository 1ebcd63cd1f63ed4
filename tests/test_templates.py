"""Every value a built-in template writes reaches the text through a filter for its context:
the templates are read as Jinja syntax trees and each `{{ ... }}` is checked."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

from generator import render

TEMPLATES = sorted(render.builtin_templates().rglob("*.jinja"))
# Names the render context gives that are identifiers naming.py derived and checked, or the
# separator of an enum member: never catalogue text.
IDENTIFIERS = {"py_base", "ts_base", "ts_guard", "ts_assign"}
# The filters whose result may be written: the escaping filters, the ones giving identifiers,
# and int for numbers.
WRITERS = {*render.FILTERS, "int"}


def unfiltered(expression: nodes.Expr, parameters: set[str]) -> list[nodes.Expr]:
    """The parts of an output expression that could write a value no filter escaped."""
    if isinstance(expression, nodes.Filter) and expression.name in WRITERS:
        return []
    if isinstance(expression, nodes.Const | nodes.TemplateData):
        return []
    if isinstance(expression, nodes.CondExpr):
        branches = [expression.expr1, expression.expr2]
        return [part for branch in branches if branch for part in unfiltered(branch, parameters)]
    if isinstance(expression, nodes.Name) and expression.name in IDENTIFIERS | parameters:
        return []
    if isinstance(expression, nodes.Call) and isinstance(expression.node, nodes.Name):
        return []  # a macro of the same template: its own output is checked where it is defined
    return [expression]


def outputs(tree: nodes.Node, parameters: set[str]) -> list[tuple[nodes.Expr, set[str]]]:
    found: list[tuple[nodes.Expr, set[str]]] = []
    for child in tree.iter_child_nodes():
        if isinstance(child, nodes.Macro):
            found += outputs(child, parameters | {arg.name for arg in child.args})
        elif isinstance(child, nodes.Output):
            found += [(expression, parameters) for expression in child.nodes]
            found += outputs(child, parameters)
        else:
            found += outputs(child, parameters)
    return found


@pytest.mark.parametrize(
    "template", TEMPLATES, ids=lambda path: str(path.relative_to(render.builtin_templates()))
)
def test_every_output_goes_through_a_filter(template: Path) -> None:
    tree = render.environment([render.builtin_templates()]).parse(template.read_text())
    raw = [
        f"line {part.lineno}: {part}"
        for expression, parameters in outputs(tree, set())
        for part in unfiltered(expression, parameters)
    ]
    assert not raw, "\n".join(raw)


def test_the_check_finds_a_raw_value() -> None:
    tree = jinja2.Environment().parse(
        "{% macro m(x) %}{{ x }}{% endmacro %}{{ code.key }}\n{{ code.key | upper }}"
    )
    found = [part for e, p in outputs(tree, set()) for part in unfiltered(e, p)]
    assert [part.lineno for part in found] == [1, 2] and "attr='key'" in str(found[0])
