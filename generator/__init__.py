"""Generate error bindings (Python, TypeScript, Markdown, ...) from one error catalogue.

The stages are imported on first use, so that a run on an unchanged tree answers from its
stamp (stamp.py) before jinja2 or the catalogue's reader are imported."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "CatalogueError",
    "Target",
    "__version__",
    "default_targets",
    "discover",
    "generate",
    "load",
    "render_target",
    "targets",
]

if TYPE_CHECKING:
    from .api import default_targets, discover, generate, load, render_target, targets
    from .problems import CatalogueError
    from .target import Target


_HOMES = {"CatalogueError": "problems", "Target": "target"}
"""Where a name of __all__ is defined, when not in api."""


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module(f"{__name__}.{_HOMES.get(name, 'api')}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
