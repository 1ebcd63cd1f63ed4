"""The names each target's built-in templates define are reserved, and the list of them in
generator/naming.py is tied to the templates: every top-level name a rendered module defines,
less the names that come from the catalogue, must be reserved, and every reserved name must
be defined. The globals a module relies on must be among the names a class may not shadow."""

from __future__ import annotations

import ast
import json
import re
import symtable
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CATALOGUE, ROOT, node, run, write_tree

import generator
from generator import naming
from generator.schema import PASCAL

# What a catalogue can name at a module's top level: classes, and the TypeScript guard.
DERIVABLE = re.compile(rf"{PASCAL}|is{PASCAL}Error")
TOP_LEVEL_NAMES = Path(__file__).parent / "typescript" / "top_level_names.cjs"


def python_names(paths: list[Path]) -> tuple[set[str], set[str]]:
    """Top-level names the modules define, and the names they use without defining."""
    declared: set[str] = set()
    used: set[str] = set()
    for path in paths:
        source = path.read_text(encoding="utf-8")
        defined: set[str] = set()
        for statement in ast.parse(source).body:
            if isinstance(statement, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                defined.add(statement.name)
            elif isinstance(statement, ast.Import | ast.ImportFrom):
                defined |= {(a.asname or a.name).split(".")[0] for a in statement.names}
            elif isinstance(statement, ast.Assign | ast.AnnAssign | ast.AugAssign):
                targets = (
                    statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                )
                defined |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        tables = [symtable.symtable(source, str(path), "exec")]
        while tables:
            table = tables.pop()
            tables += table.get_children()
            used |= {
                symbol.get_name()
                for symbol in table.get_symbols()
                if symbol.is_global() and not symbol.is_assigned()
            }
        declared |= defined
        used -= defined
    return declared, used


def typescript_names(paths: list[Path]) -> tuple[set[str], set[str]]:
    typescript = ROOT / "node_modules" / "typescript"
    report = json.loads(run(node(), TOP_LEVEL_NAMES, typescript, *paths).stdout)
    declared = {name for entry in report.values() for name in entry["declared"]}
    used = {name for entry in report.values() for name in entry["globals"]}
    return declared, used


COLLECTORS: dict[str, tuple[str, Callable[[list[Path]], tuple[set[str], set[str]]]]] = {
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
                if path.startswith(f"{target}/") and path.endswith(suffix)
            ]
    return modules


def test_every_target_with_reserved_names_has_a_collector() -> None:
    assert set(naming.MODULE_NAMES) == set(COLLECTORS) == set(naming.GLOBALS)


@pytest.mark.parametrize("target", sorted(COLLECTORS))
def test_reserved_names_are_what_the_templates_define(
    target: str, rendered: dict[str, list[Path]]
) -> None:
    assert rendered[target], f"no {target} module was rendered"
    declared, used = COLLECTORS[target][1](rendered[target])
    model = generator.load(CATALOGUE)
    from_catalogue = {name for name, _, _ in naming.top_level_names(model)[target]}
    assert from_catalogue <= declared
    defined_by_templates = {name for name in declared - from_catalogue if DERIVABLE.fullmatch(name)}
    assert defined_by_templates == naming.MODULE_NAMES[target], (
        f"not reserved: {sorted(defined_by_templates - naming.MODULE_NAMES[target])}; "
        f"reserved but defined by no template: "
        f"{sorted(naming.MODULE_NAMES[target] - defined_by_templates)}"
    )
    relied_on = {name for name in used if DERIVABLE.fullmatch(name)}
    assert relied_on <= naming.GLOBALS[target], sorted(relied_on - naming.GLOBALS[target])
