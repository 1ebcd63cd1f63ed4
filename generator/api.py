"""What `generator` offers Python callers: load a catalogue, render its targets, generate
every file. The package's __init__ imports this module on first use."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import jinja2

from . import catalogue as _catalogue
from . import render, write
from .model import Catalogue
from .target import Target
from .target import discover as discover_targets

load = _catalogue.load


def discover(templates: Sequence[Path] = ()) -> dict[str, Target]:
    """Every target the built-in templates and the folders given provide, by name."""
    return discover_targets([*templates, render.builtin_templates()])


def targets(templates: Sequence[Path] = ()) -> list[str]:
    """The names of every target the built-in templates and the folders given provide."""
    return list(discover(templates))


def default_targets(model: Catalogue, found: Mapping[str, Target]) -> list[str]:
    """What a run generates unless told: every target but the opt-in ones whose section the
    catalogue lacks (so a catalogue never gains a target when the generator grows one)."""
    return [name for name, t in found.items() if t.generated_for(model)]


def generate(
    catalogue_path: Path | str,
    selected: Iterable[str] | None = None,
    templates: Sequence[Path] = (),
    shown_as: str | None = None,
) -> dict[str, str]:
    """Every output file as {path relative to the output directory: text}. Writes nothing,
    anywhere: not even a cache."""
    found = discover(templates)
    model = _catalogue.load(catalogue_path, shown_as, list(found.values()), names=False)
    chosen = list(selected or default_targets(model, found))
    _catalogue.check_names(
        model,
        list(found.values()),
        [found[name] for name in chosen],
        shown_as or str(catalogue_path),
    )
    files: dict[str, str] = {}
    for target in chosen:
        files.update(render_target(model, target, templates, Path(catalogue_path).name, found))
    return dict(sorted(files.items()))


def render_target(
    model: Catalogue,
    target: str,
    templates: Sequence[Path] = (),
    catalogue_name: str = "catalogue.yaml",
    found: Mapping[str, Target] | None = None,
    cache: jinja2.BytecodeCache | None = None,
) -> dict[str, str]:
    """One target's files, its manifest included. The command line renders and writes one
    target at a time, so a catalogue of 100,000 codes never holds all its output at once.
    found: every target the folders provide, as discover() gives them."""
    files: dict[str, str] = {}
    for path, text in render_spooled(
        model, target, templates, catalogue_name, found, cache
    ).items():
        assert isinstance(text, str), "without a spool, nothing is spooled"
        files[path] = text
    return files


def render_spooled(
    model: Catalogue,
    target: str,
    templates: Sequence[Path] = (),
    catalogue_name: str = "catalogue.yaml",
    found: Mapping[str, Target] | None = None,
    cache: jinja2.BytecodeCache | None = None,
    spool: int | None = None,
) -> dict[str, write.Text]:
    """render_target's files, those of the built-in templates written to spool when there
    is one (see render.render), as the command line writes them."""
    found = discover(templates) if found is None else found
    template_dirs = [*templates, render.builtin_templates()]
    rendered = render.render(model, [target], found, template_dirs, catalogue_name, cache, spool)
    # The built-in templates produce their language's layout themselves (what they spooled
    # is written as it is); a user's may not.
    held = {path: text for path, text in rendered.files.items() if isinstance(text, str)}
    files = {**rendered.files, **found[target].format(held, rendered.by_user)}
    return write.with_manifests(files, [target])
