"""Every value a built-in template writes reaches the text through a filter for its context:
the templates are read as Jinja syntax trees and each `{{ ... }}` is checked."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import jinja2
import pytest
from conftest import CATALOGUE
from jinja2 import nodes

import generator
from generator import catalogue, render
from generator import model as model_module
from generator import target as target_module
from generator.naming import TRANSPORT_CLASSES

TEMPLATES = sorted(render.builtin_templates().rglob("*.jinja"))
# Names the render context gives that are identifiers naming.py derived and checked, the
# separator of an enum member, or a fixed comment: never catalogue text.
IDENTIFIERS = {
    "py_base",
    "py_uses_deprecated",
    "ts_base",
    "ts_guard",
    "ts_assign",
    "go_package",
    "go_version",
    "kotlin_package",
    "kt_base",
    "kt_other",
    *(f"{language}_{kind}" for language in ("py", "ts", "kt") for kind, _ in TRANSPORT_CLASSES),
}
# The filters whose result may be written: the escaping filters, the ones giving identifiers,
# and int for numbers.
TARGETS = generator.discover()
WRITERS = {*render.filters(TARGETS.values()), "int"}


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
    parameters = set(parameters)
    for child in tree.iter_child_nodes():
        if isinstance(child, nodes.Assign) and isinstance(child.target, nodes.Name):
            # A name set to what a writer made (a class named once per code) is as written
            # by it, until it is set to anything else.
            if unfiltered(child.node, parameters):
                parameters.discard(child.target.name)
            else:
                parameters.add(child.target.name)
        if isinstance(child, nodes.Macro):
            found += outputs(child, parameters | {arg.name for arg in child.args})
        elif (
            isinstance(child, nodes.For)
            and isinstance(child.iter, nodes.Name)
            and child.iter.name in parameters
            and isinstance(child.target, nodes.Name)
        ):
            # An item of a macro's parameter is as the caller made it, like the parameter.
            found += outputs(child, parameters | {child.target.name})
        elif isinstance(child, nodes.Output):
            found += [(expression, set(parameters)) for expression in child.nodes]
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


def test_the_check_follows_a_name_set_to_a_value() -> None:
    tree = jinja2.Environment().parse(
        "{% set a = code | ts_class %}{{ a }}\n{% set b = code.key %}{{ b }}\n"
        "{% set a = code.key | upper %}{{ a }}\n{% set c = x | ts_str if y else ts_base %}{{ c }}"
    )
    found = [part for e, p in outputs(tree, set()) for part in unfiltered(e, p)]
    assert [part.lineno for part in found] == [2, 3]


REFERENCE = Path(__file__).parent.parent / "docs" / "templates.md"


def documented(heading: str) -> set[str]:
    """The names in the first column of the table under a heading of docs/templates.md."""
    text = REFERENCE.read_text(encoding="utf-8")
    level = heading.split(" ", 1)[0]
    section = text.split(f"\n{heading}\n", 1)[1]
    section = re.split(rf"\n{level} |\n#{{1,{len(level) - 1}}} ", section, maxsplit=1)[0]
    return set(re.findall(r"^\| `([^`]+)` \|", section, re.M))


def test_the_template_reference_lists_every_filter_and_variable() -> None:
    model = catalogue.load(CATALOGUE)
    filters = {*render.filters(TARGETS.values()), *render.catalogue_filters(model)}
    assert documented("## Filters") == filters
    languages = target_module.languages(TARGETS.values(), model)
    variables = {
        name
        for target in TARGETS.values()
        for name in render.variables(model, target, languages, "catalogue.yaml")
    }
    assert documented("## Variables") == variables
    assert documented("### `Language`") == public_attributes(target_module.Language)


def public_attributes(cls: type) -> set[str]:
    fields = {field.name for field in dataclasses.fields(cls)}
    defined = {name for name in vars(cls) if not name.startswith("_")}
    return fields | defined


def test_the_template_reference_describes_every_model_attribute() -> None:
    classes = {
        name: cls
        for name, cls in vars(model_module).items()
        if dataclasses.is_dataclass(cls) and cls.__module__ == model_module.__name__
    }
    text = REFERENCE.read_text(encoding="utf-8")
    assert set(re.findall(r"^### `(\w+)`$", text, re.M)) == {*classes, "Language"}
    for name, cls in classes.items():
        assert documented(f"### `{name}`") == public_attributes(cls), name  # type: ignore[arg-type]


def test_the_quicker_context_calls_as_jinja_does() -> None:
    """render's context calls functions, methods and macros without asking each whether it
    wants the context: a template makes the same of every kind of callable either way."""

    class Thing:
        def named(self, obj: object, self_: object = None) -> str:
            return f"{obj}/{self_}"

    def stop() -> str:
        raise StopIteration

    @jinja2.pass_context
    def seen(context: jinja2.runtime.Context, name: str) -> object:
        return context.get(name)

    @jinja2.pass_environment
    def environment_of(environment: jinja2.Environment) -> str:
        return "an environment" if isinstance(environment, jinja2.Environment) else "?"

    source = (
        "{% macro twice(x) %}{{ x }}{{ x }}{% endmacro %}"
        "{% for item in [1, 2] %}{{ thing.named(item, self_=loop.index) }} {{ twice(item) }} "
        "{{ seen('item') }} {{ seen('outer') }} {{ stop() is undefined }} {{ environment_of() }} "
        "{{ [3, 1].index(1) }} {{ dict(a=item) }}|{% endfor %}"
    )
    values = {
        "thing": Thing(),
        "stop": stop,
        "seen": seen,
        "environment_of": environment_of,
        "outer": "o",
    }
    ours = render.environment([]).from_string(source).render(values)
    plain = jinja2.Environment(undefined=jinja2.StrictUndefined, trim_blocks=True)
    assert ours == plain.from_string(source).render(values)
    assert ours.startswith("1/1 11 None o True an environment 1 {'a': 1}|")


def test_the_quicker_environment_looks_up_attributes_as_jinja_does() -> None:
    """render's environment looks an attribute up by name in an object that holds no
    items without asking for the item first: what it finds, or fails to, is the same."""

    @dataclasses.dataclass
    class Code:
        key: str
        deprecated: bool = False

    class Holder:
        key = "attribute"

        def __getitem__(self, name: str) -> str:
            return f"item {name}"

    source = (
        "{{ codes | selectattr('deprecated') | map(attribute='key') | join(',') }} "
        "{{ codes | rejectattr('deprecated') | map(attribute='key') | list }} "
        "{{ (codes | sort(attribute='key', reverse=true))[0].key }} "
        "{{ [holder] | map(attribute='key') | first }} {{ holder['key'] }} {{ codes[0]['key'] }} "
        "{{ [{'key': 'mapped'}] | map(attribute='key') | first }} "
        "{{ (codes | groupby('key'))[0][0] }} {{ kind['int'] }}"
    )
    values = {
        "codes": [Code("b", True), Code("a"), Code("c", True)],
        "holder": Holder(),
        "kind": list,  # a class holds items of its own: list["int"] is list['int']
    }
    plain = jinja2.Environment(undefined=jinja2.StrictUndefined)
    ours = render.environment([]).from_string(source).render(values)
    assert ours == plain.from_string(source).render(values)
    assert ours == "b,c ['a'] c item key item key b mapped a list['int']"
    missing = "{{ codes | map(attribute='nothing') | join(',') }}"
    for environment in (plain, render.environment([])):
        with pytest.raises(jinja2.UndefinedError, match="has no attribute 'nothing'"):
            environment.from_string(missing).render(values)
