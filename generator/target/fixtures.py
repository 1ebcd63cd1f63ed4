"""The fixtures target: the conformance cases every language's bindings must pass
(templates/fixtures/), made by generator/conformance.py for every target with a language."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Catalogue
from . import Language, Target


class Fixtures(Target):
    def variables(self, catalogue: Catalogue, languages: Sequence[Language]) -> Mapping[str, Any]:
        from .. import conformance  # and the wire model: only when the fixtures are rendered

        return {"conformance_cases": lambda: conformance.cases(catalogue, languages)}


TARGET = Fixtures("fixtures")
