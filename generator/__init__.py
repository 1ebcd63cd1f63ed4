"""Generate error bindings (Python, TypeScript, Markdown) from one error catalogue."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import jinja2

from . import catalogue as _catalogue
from . import formatting, render, write
from .model import Catalogue
from .problems import CatalogueError

__version__ = "0.1.0"
__all__ = ["CatalogueError", "__version__", "generate", "load", "render_target", "targets"]
load = _catalogue.load


def targets(templates: Sequence[Path] = ()) -> list[str]:
    return render.available_targets([*templates, render.builtin_templates()])


def generate(
    catalogue_path: Path | str,
    selected: Iterable[str] | None = None,
    templates: Sequence[Path] = (),
    shown_as: str | None = None,
) -> dict[str, str]:
    """Every output file as {path relative to the output directory: text}. Writes nothing,
    anywhere: not even a cache."""
    model = _catalogue.load(catalogue_path, shown_as)
    files: dict[str, str] = {}
    for target in selected or targets(templates):
        files.update(render_target(model, target, templates, Path(catalogue_path).name))
    return dict(sorted(files.items()))


def render_target(
    model: Catalogue,
    target: str,
    templates: Sequence[Path] = (),
    catalogue_name: str = "catalogue.yaml",
    cache: jinja2.BytecodeCache | None = None,
) -> dict[str, str]:
    """One target's files, its manifest included. The command line renders and writes one
    target at a time, so a catalogue of 100,000 codes never holds all its output at once."""
    template_dirs = [*templates, render.builtin_templates()]
    rendered = render.render(model, [target], template_dirs, catalogue_name, cache)
    # The built-in templates produce black's layout themselves; a user's may not.
    files = formatting.format_files(rendered.files, rendered.by_user)
    return write.with_manifests(files, [target])
