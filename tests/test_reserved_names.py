"""The names each target's built-in templates define are reserved, and the list of them in
generator/naming.py is tied to the templates: every top-level name a rendered module defines,
less the names that come from the catalogue, must be reserved, and every reserved name must
be defined. The globals a module relies on must be among the names a class may not shadow."""

from __future__ import annotations

import ast
import functools
import json
import re
import symtable
from collections.abc import Callable
from pathlib import Path
from typing import Any

import golang
import kotlinc
import pytest
from conftest import CATALOGUE, ROOT, node, run, write_tree

import generator
from generator.schema import PASCAL

# What a catalogue can name at a module's top level: classes, and the TypeScript guard.
DERIVABLE = re.compile(rf"{PASCAL}|is{PASCAL}Error")
TOP_LEVEL_NAMES = Path(__file__).parent / "typescript" / "top_level_names.cjs"


def python_names(paths: list[Path]) -> dict[Path, tuple[set[str], set[str]]]:
    """Per module: the top-level names it defines (under an `if` too, such as `if
    TYPE_CHECKING:`), and the names it uses without defining."""
    found: dict[Path, tuple[set[str], set[str]]] = {}
    for path in paths:
        source = path.read_text(encoding="utf-8")
        defined: set[str] = set()
        statements = list(ast.parse(source).body)
        while statements:
            statement = statements.pop()
            if isinstance(statement, ast.If):
                statements += statement.body + statement.orelse
            if isinstance(statement, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                defined.add(statement.name)
            elif isinstance(statement, ast.Import | ast.ImportFrom):
                defined |= {(a.asname or a.name).split(".")[0] for a in statement.names}
            elif isinstance(statement, ast.Assign | ast.AnnAssign | ast.AugAssign):
                targets = (
                    statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                )
                defined |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        used: set[str] = set()
        tables = [symtable.symtable(source, str(path), "exec")]
        while tables:
            table = tables.pop()
            tables += table.get_children()
            used |= {
                symbol.get_name()
                for symbol in table.get_symbols()
                if symbol.is_global() and not symbol.is_assigned()
            }
        found[path] = (defined, used - defined)
    return found


def typescript_names(paths: list[Path]) -> dict[Path, tuple[set[str], set[str]]]:
    typescript = ROOT / "node_modules" / "typescript"
    report = json.loads(run(node(), TOP_LEVEL_NAMES, typescript, *paths).stdout)
    return {
        path: (set(report[str(path)]["declared"]), set(report[str(path)]["globals"]))
        for path in paths
    }


GO_NAMES = Path(__file__).parent / "go" / "names" / "main.go"


@functools.cache
def go_names_program() -> Path:
    """tests/go/names/main.go, built once, into the ignored cache folder."""
    built = ROOT / ".cache" / "go" / "names"
    golang.run_go("build", "-o", built, GO_NAMES, cwd=ROOT)
    return built


def go_report(paths: list[Path]) -> dict[str, Any]:
    """What go/parser finds in one package's files (see tests/go/names/main.go)."""
    program = go_names_program()
    found: dict[str, Any] = json.loads(run(program, *paths, env=golang.environment()).stdout)
    return found


def go_names(paths: list[Path]) -> dict[Path, tuple[set[str], set[str]]]:
    """Per package (a Go module is its files together): what it declares and what it uses
    without declaring."""
    found = {}
    for folder in sorted({path.parent for path in paths}):
        report = go_report([path for path in paths if path.parent == folder])
        declared = set().union(*map(set, report["declared"].values()))
        found[folder] = (declared, set(report["used"]))
    return found


def kotlin_tree(path: Path) -> Any:
    import tree_sitter
    import tree_sitter_kotlin

    parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_kotlin.language()))
    tree = parser.parse(path.read_bytes())
    assert not tree.root_node.has_error, path
    return tree.root_node


def _nodes(tree: Any) -> Any:
    yield tree
    for child in tree.children:
        yield from _nodes(child)


def _declared_name(node: Any) -> str | None:
    name = node.child_by_field_name("name")
    if name is None:  # a property: its variable_declaration holds the name
        found = next((c for c in node.children if c.type == "variable_declaration"), None)
        name = found.children[0] if found is not None else None
    return name.text.decode() if name is not None else None


KOTLIN_DECLARATIONS = {
    "class_declaration",
    "object_declaration",
    "function_declaration",
    "property_declaration",
    "type_alias",
}


def kotlin_names(paths: list[Path]) -> dict[Path, tuple[set[str], set[str]]]:
    """Per package folder: the top-level names its files declare, and the names they use
    without declaring anywhere (types, calls, imports)."""
    found = {}
    for folder in sorted({path.parent for path in paths}):
        declared: set[str] = set()
        anywhere: set[str] = set()
        used: set[str] = set()
        for path in (p for p in paths if p.parent == folder):
            root = kotlin_tree(path)
            declared |= {
                name
                for child in root.children
                if child.type in KOTLIN_DECLARATIONS
                for name in [_declared_name(child)]
                if name
            }
            for part in _nodes(root):
                if part.type in KOTLIN_DECLARATIONS | {"enum_entry", "companion_object"}:
                    anywhere.add(_declared_name(part) or "Companion")
                elif part.type == "type_parameter":
                    anywhere.add(part.children[-1].text.decode())
                elif part.type == "user_type" or part.type == "import":
                    used |= {c.text.decode() for c in _nodes(part) if c.type == "identifier"}
                elif part.type in ("call_expression", "callable_reference"):
                    callee = (
                        part.children[-1] if part.type == "callable_reference" else part.children[0]
                    )
                    if callee.type == "identifier":
                        used.add(callee.text.decode())
        found[folder] = (declared, used - anywhere - declared)
    return found


Collector = Callable[[list[Path]], dict[Path, tuple[set[str], set[str]]]]
COLLECTORS: dict[str, tuple[str, Collector]] = {
    "go": (".go", go_names),
    "kotlin": (".kt", kotlin_names),
    "python": (".py", python_names),
    "typescript": (".ts", typescript_names),
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Every built-in code template rendered, the TypeScript one in both styles."""
    root = tmp_path_factory.mktemp("rendered")
    catalogue = CATALOGUE.read_text(encoding="utf-8")
    modules: dict[str, list[Path]] = {target: [] for target in COLLECTORS}
    for style in ("enum", "erasable"):
        folder = root / style
        folder.mkdir()
        (folder / "catalogue.yaml").write_text(
            catalogue.replace("  style: enum", f"  style: {style}"), encoding="utf-8"
        )
        files = generator.generate(folder / "catalogue.yaml")
        write_tree(folder / "out", files)
        for target, (suffix, _) in COLLECTORS.items():
            modules[target] += [
                folder / "out" / path
                for path in files
                if path.startswith(f"{target}/")
                and path.endswith(suffix)
                # Kotlin's runtime is a package of its own, whose names clash with none.
                and not path.endswith("/wire/Wire.kt")
            ]
    return modules


def test_every_target_that_reserves_names_has_a_collector() -> None:
    reserving = {name for name, t in generator.discover().items() if t.module_names}
    assert reserving == set(COLLECTORS)


@pytest.mark.parametrize("target", sorted(COLLECTORS))
def test_reserved_names_are_what_the_templates_define(
    target: str, rendered: dict[str, list[Path]]
) -> None:
    assert rendered[target], f"no {target} module was rendered"
    module = generator.discover()[target]
    model = generator.load(CATALOGUE)
    from_catalogue = {name for name, _, _ in module.top_level_names(model)}
    defined_by_templates: set[str] = set()
    for path, (declared, used) in COLLECTORS[target][1](rendered[target]).items():
        if not from_catalogue & declared:
            continue  # a module the catalogue names nothing in (a runtime): no name can clash
        assert from_catalogue <= declared, path
        defined_by_templates |= {
            name for name in declared - from_catalogue if DERIVABLE.fullmatch(name)
        }
        relied_on = {name for name in used if DERIVABLE.fullmatch(name)}
        assert relied_on <= module.globals, sorted(relied_on - module.globals)
    assert defined_by_templates == module.module_names, (
        f"not reserved: {sorted(defined_by_templates - module.module_names)}; "
        f"reserved but defined by no template: "
        f"{sorted(module.module_names - defined_by_templates)}"
    )


def python_attributes(path: Path, base: str) -> set[str]:
    """What an error of the base class has: its class's names, what __init__ sets on self,
    and Exception's public attributes."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    (cls,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == base]
    names = {name for name in dir(Exception) if not name.startswith("_")}
    for part in ast.walk(cls):
        if isinstance(part, ast.AnnAssign) and isinstance(part.target, ast.Name):
            names.add(part.target.id)
        elif isinstance(part, ast.FunctionDef):
            names.add(part.name)
        elif (
            isinstance(part, ast.Attribute)
            and isinstance(part.ctx, ast.Store)
            and isinstance(part.value, ast.Name)
            and part.value.id == "self"
        ):
            names.add(part.attr)
    return names


# What every JavaScript error has besides its class's members.
ERROR_MEMBERS = {"name", "message", "stack", "cause"} | {
    "constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
    "toLocaleString", "toString", "valueOf",
}  # fmt: skip


# What every JVM exception has besides its class's members, as Kotlin sees them (getters as
# properties too: a property stackTrace would clash with getStackTrace()).
THROWABLE_MEMBERS = {
    "addSuppressed", "cause", "equals", "fillInStackTrace", "getLocalizedMessage",
    "getStackTrace", "hashCode", "initCause", "localizedMessage", "message",
    "printStackTrace", "setStackTrace", "stackTrace", "suppressed", "toString",
}  # fmt: skip


def kotlin_members(paths: list[Path], classes: set[str]) -> set[str]:
    """The names of the properties and functions the classes declare."""
    found: set[str] = set()
    for path in paths:
        for part in _nodes(kotlin_tree(path)):
            if part.type == "class_declaration" and _declared_name(part) in classes:
                body = next(c for c in part.children if c.type == "class_body")
                found |= {
                    parameter.child_by_field_name("name").text.decode()
                    if parameter.child_by_field_name("name")
                    else next(c for c in parameter.children if c.type == "identifier").text.decode()
                    for parameter in _nodes(part)
                    if parameter.type == "class_parameter"
                    and any(c.type in ("val", "var") for c in parameter.children)
                }
                found |= {
                    name
                    for member in body.children
                    if member.type in ("property_declaration", "function_declaration")
                    for name in [_declared_name(member)]
                    if name
                }
    return found


@pytest.mark.parametrize("target", sorted(COLLECTORS))
def test_attribute_names_are_what_every_error_has(
    target: str, rendered: dict[str, list[Path]]
) -> None:
    module = generator.discover()[target]
    model = generator.load(CATALOGUE)
    base = module.class_name(None, model)
    if target == "python":
        found = set().union(*(python_attributes(p, base) for p in rendered[target]
                               if p.name == "__init__.py"))  # fmt: skip
        pattern = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
    elif target == "kotlin":
        from generator.target import kotlin

        classes = {base, kotlin.base_class(model)}
        found = THROWABLE_MEMBERS | kotlin_members(rendered[target], classes)
        pattern = re.compile(r"[a-z][A-Za-z0-9]*")
    elif target == "go":
        found = set(
            go_report([p for p in rendered[target] if p.parent.name == "go"])["members"][base]
        )
        pattern = re.compile(PASCAL)
    else:
        report = json.loads(
            run(
                node(), TOP_LEVEL_NAMES, ROOT / "node_modules" / "typescript", *rendered[target]
            ).stdout
        )
        found = ERROR_MEMBERS | {
            member for entry in report.values() for member in entry["members"].get(base, [])
        }
        pattern = re.compile(r"[a-z][A-Za-z0-9]*")
    extras = {name for name, _, _ in module.attributes(model)}
    derivable = {name for name in found - extras if pattern.fullmatch(name)}
    assert derivable == module.attribute_names, (
        f"not reserved: {sorted(derivable - module.attribute_names)}; "
        f"reserved but no error has it: {sorted(module.attribute_names - derivable)}"
    )


def test_go_keywords_and_predeclared_names_are_go_s() -> None:
    """The names a Go package name may not take are those of go/token and go/types."""
    from generator.target import go

    report = go_report([])
    assert set(report["keywords"]) == go.KEYWORDS
    assert set(report["predeclared"]) == go.PREDECLARED


def test_kotlin_keywords_are_the_compiler_s() -> None:
    """The words a Kotlin package or name may not hold are the pinned compiler's hard
    keywords (KtTokens.KEYWORDS)."""
    from generator.target import kotlin

    program = Path(__file__).parent / "kotlin" / "Keywords.java"
    jar = kotlinc.COMPILER / "lib" / "kotlin-compiler.jar"
    words = run(kotlinc.java(), "-cp", jar, program).stdout.split()
    assert {word for word in words if word.isidentifier()} == kotlin.KEYWORDS
