"""Generate error bindings (Python, TypeScript, Markdown) from one error catalogue."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from . import catalogue as _catalogue
from . import formatting, render, write
from .problems import CatalogueError

__version__ = "0.1.0"
__all__ = ["CatalogueError", "__version__", "generate", "targets"]


def targets(templates: Sequence[Path] = ()) -> list[str]:
    return render.available_targets([*templates, render.builtin_templates()])


def generate(
    catalogue_path: Path | str,
    selected: Iterable[str] | None = None,
    templates: Sequence[Path] = (),
    shown_as: str | None = None,
) -> dict[str, str]:
    """Every output file as {path relative to the output directory: text}, written nowhere."""
    template_dirs = [*templates, render.builtin_templates()]
    chosen = list(selected) if selected else render.available_targets(template_dirs)
    model = _catalogue.load(catalogue_path, shown_as)
    files = render.render(model, chosen, template_dirs, Path(catalogue_path).name)
    if templates:  # the built-in templates are black-stable; a user's may not be
        files = formatting.format_files(files)
    return write.with_manifests(files, chosen)
