"""Targets: each is a folder of templates (templates/<target>/) and, when it needs more than
the shared filters, one module that owns what is particular to it: its naming rules and
reserved words, its filters, its header, its formatting, its template variables and its
options in the catalogue. The shared stages name no language; they ask the targets.

Built-in targets' modules live in this package (python.py for templates/python/). A folder
passed with --templates may hold a target of its own, `<folder>/<target>/` with its
templates, and beside it `<folder>/<target>.py` with a module defining `TARGET`, an instance
of `Target` (or a subclass); a target without a module gets this class's defaults.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..problems import Location, Problem

if TYPE_CHECKING:
    from ..model import Catalogue, ErrorCode, ErrorType, Extra, Status, StatusClass
    from ..schema import Spec

BUILTIN = ("docs", "fixtures", "go", "kotlin", "python", "typescript")
"""The built-in targets that have a module here."""


class Target:
    """A target; as it is, one whose templates see only the shared filters and variables."""

    language: str | None = None
    """For a target giving code that catches errors: the language, as the docs name it."""
    options: Spec | None = None
    """The format of the target's section in the catalogue (`python:`), if it has one."""
    required: bool = False
    """Whether every catalogue must have the section (true only for the first two targets)."""
    opt_in: bool = False
    """Generated only for catalogues that have its section, or when chosen with --target."""
    class_name_key: Spec | None = None
    """The format of a code's `names: {<target>: ...}` override, if its classes have names."""
    module_names: frozenset[str] = frozenset()
    """Names its modules define at the top level that a catalogue name must not take."""
    globals: frozenset[str] = frozenset()
    """Names of its language's globals that a catalogue name must not shadow."""
    attribute_names: frozenset[str] = frozenset()
    """What every error object already has, which an extra must not be named."""
    sealed_by_type: bool = False
    """Whether its base error class is sealed with a class per type as its direct subclasses
    (so that a match over the types is exhaustive, and a type added breaks it)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def generated_for(self, catalogue: Catalogue) -> bool:
        """Whether a run generates it for catalogue unless told otherwise: an opt-in target
        only for a catalogue with its section (so a catalogue never gains a target when the
        generator grows one)."""
        return not self.opt_in or self.name in catalogue.options

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"

    def filters(self) -> Mapping[str, Callable[..., Any]]:
        """Filters its templates need beyond the shared ones (every template sees them)."""
        return {}

    def variables(self, catalogue: Catalogue, languages: Sequence[Language]) -> Mapping[str, Any]:
        """Variables its templates see beyond the shared ones; languages are the targets
        that give code catching errors."""
        return {}

    def header(self, catalogue_name: str) -> str:
        """What its files say first, as text for its templates to write as a comment."""
        return f"Generated from {catalogue_name} by error-bindings. Do not edit."

    def output_path(self, path: str, catalogue: Catalogue) -> str:
        """Where a template's output goes, from the template's path less `.jinja`."""
        return path

    def top_level_names(self, catalogue: Catalogue) -> list[tuple[str, Location, str]]:
        """(name, where the catalogue says so, what it names) for every name the catalogue
        gives something at the top level of one of its modules."""
        return []

    def attribute(self, extra: Extra) -> str:
        """The attribute an extra becomes on an error, in this target's language."""
        return extra.name

    def attributes(self, catalogue: Catalogue) -> list[tuple[str, Location, str]]:
        """(attribute, where the catalogue says so, what it is) for every attribute the
        catalogue gives error objects (its extras)."""
        return [
            *(
                (self.attribute(extra), extra.location, f"the extra {extra.name!r}")
                for extra in catalogue.envelope_extras
            ),
            *(
                (self.attribute(extra), extra.location, f"the extra {extra.name!r} of {code.key!r}")
                for code in catalogue.codes
                for extra in code.extras
            ),
        ]

    def check(self, catalogue: Catalogue) -> list[Problem]:
        """Problems with the names the catalogue gives in this target (reported, never
        renamed): shadowing, collisions, names its language cannot hold."""
        return []

    def format(self, files: dict[str, str], by_user: Mapping[str, str]) -> dict[str, str]:
        """files in its language's layout; by_user: {path: template} of what a user's
        template produced (built-in templates already produce the layout)."""
        return files

    def class_name(
        self, entry: ErrorCode | ErrorType | StatusClass | None, catalogue: Catalogue
    ) -> str:
        """The class an error of entry (a code, a type, a status class, or None for the
        base) is, in this target's language. Only for targets with a language."""
        raise NotImplementedError(f"target {self.name!r} names no classes")

    def symbol(self, entry: ErrorCode | ErrorType | StatusClass, catalogue: Catalogue) -> str:
        """How the docs name entry's class, for a reader of this language."""
        return self.class_name(entry, catalogue)

    def status_name(self, status: Status) -> str | None:
        """The name a status has in this language's code (its HttpStatus member), if any."""
        return None

    def package(self, catalogue: Catalogue) -> str:
        """The package the docs name for this language."""
        raise NotImplementedError(f"target {self.name!r} has no package")


@dataclass(frozen=True)
class Language:
    """A target that gives code catching errors, as templates of any target see it: the
    docs list each language's package and classes, the fixtures each language's class."""

    target: Target
    catalogue: Catalogue

    @property
    def name(self) -> str:
        return self.target.name

    @property
    def label(self) -> str:
        return self.target.language or self.target.name

    @property
    def package(self) -> str:
        return self.target.package(self.catalogue)

    def class_name(self, entry: ErrorCode | ErrorType | StatusClass | None) -> str:
        return self.target.class_name(entry, self.catalogue)

    def symbol(self, entry: ErrorCode | ErrorType | StatusClass) -> str:
        return self.target.symbol(entry, self.catalogue)


def _builtin(name: str) -> Target:
    module = importlib.import_module(f"{__name__}.{name}")
    target: Target = module.TARGET
    return target


def _from_file(path: Path, name: str) -> Target:
    spec = importlib.util.spec_from_file_location(f"error_bindings_target_{name}", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    target = getattr(module, "TARGET", None)
    if not isinstance(target, Target) or target.name != name:
        raise TypeError(f"{path} must define TARGET, a Target named {name!r}")
    return target


def discover(template_dirs: Sequence[Path]) -> dict[str, Target]:
    """Every target the folders provide, by name, in name order: a user folder's module
    first, then a built-in one, else the shared defaults."""
    names = sorted(
        {
            entry.name
            for folder in template_dirs
            if folder.is_dir()
            for entry in folder.iterdir()
            if entry.is_dir() and not entry.name.startswith(".")
        }
    )
    found: dict[str, Target] = {}
    for name in names:
        module = next(
            (
                folder / f"{name}.py"
                for folder in template_dirs
                if (folder / f"{name}.py").is_file()
            ),
            None,
        )
        if module is not None:
            found[name] = _from_file(module, name)
        elif name in BUILTIN:
            found[name] = _builtin(name)
        else:
            found[name] = Target(name)
    return found


def builtin() -> dict[str, Target]:
    return {name: _builtin(name) for name in BUILTIN}


def languages(targets: Iterable[Target], catalogue: Catalogue) -> list[Language]:
    """The targets that give code catching errors, in name order: the opt-in ones only for a
    catalogue that has their section."""
    return [
        Language(target, catalogue)
        for target in targets
        if target.language is not None and target.generated_for(catalogue)
    ]
