"""[tool.generator] in pyproject.toml: found the way black and ruff find theirs (the nearest
pyproject.toml with the section, from the working folder up to the repository's root), and
checked with located errors like the catalogue's."""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import stamp

KEYS: dict[str, type] = {
    "catalogue": str,
    "out": str,
    "target": list,
    "templates": list,
    "quiet": bool,
    "release_tags": str,
}


class ConfigError(Exception):
    """[tool.generator] is unusable; the message names the file, line and column."""


@dataclass(frozen=True)
class Config:
    searched: Path
    """Where the search started."""
    root: Path | None = None
    """The folder of the pyproject.toml holding [tool.generator]; None when there is none."""
    values: dict[str, Any] = field(default_factory=dict)

    def path(self, key: str, default: str) -> Path:
        """A path setting as the user would write it from the working folder: relative to
        the pyproject.toml that sets it."""
        return self._relative(self.values.get(key, default))

    def paths(self, key: str) -> list[Path]:
        return [self._relative(value) for value in self.values.get(key, [])]

    def _relative(self, value: str) -> Path:
        path = Path(value)
        if self.root is None or path.is_absolute():
            return path
        return Path(os.path.relpath(self.root / path))


def find(start: Path) -> Config:
    # The same folders the stamp reads, so that a stamp knows every settings file there is.
    for folder in map(Path, stamp.settings_folders(str(start))):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            values = read(candidate)
            if values is not None:
                return Config(start, folder, values)
    return Config(start)


def read(path: Path) -> dict[str, Any] | None:
    """The checked [tool.generator] section of a pyproject.toml; None when it has none."""
    shown = os.path.relpath(path)
    try:
        text = path.read_text(encoding="utf-8")
        document = tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError(f"{shown}:1:1: error: the file is not valid UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column (\d+)\)$", str(error))
        where = f"{found[1]}:{found[2]}" if found else "1:1"
        message = re.sub(r" \(at (line \d+, column \d+|end of document)\)$", "", str(error))
        raise ConfigError(f"{shown}:{where}: error: invalid TOML: {message}") from None
    tool = document.get("tool")
    section = tool.get("generator") if isinstance(tool, dict) else None
    if section is None:
        return None
    if not isinstance(section, dict):
        raise ConfigError(f"{shown}:{_where(text, None)}: error: tool.generator must be a table")
    values: dict[str, Any] = {}
    for key, value in section.items():
        expected = KEYS.get(key)
        if expected is None:
            close = difflib.get_close_matches(key, list(KEYS), n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else f"expected one of {', '.join(KEYS)}"
            raise ConfigError(
                f"{shown}:{_where(text, key)}: error: unknown key {key!r} in "
                f"[tool.generator]; {hint}"
            )
        if expected is list and isinstance(value, str):
            value = [value]
        if not isinstance(value, expected) or (
            isinstance(value, list) and not all(isinstance(item, str) for item in value)
        ):
            kind = {list: "a string or a list of strings", str: "a string", bool: "true or false"}
            raise ConfigError(
                f"{shown}:{_where(text, key)}: error: [tool.generator] {key} must be "
                f"{kind[expected]}, not {value!r}"
            )
        values[key] = value
    return values


def _where(text: str, key: str | None) -> str:
    """line:column of key in the [tool.generator] table (or of the table itself)."""
    inside = False
    header = "1:1"
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = re.fullmatch(r"\[\s*tool\s*\.\s*generator\s*\]\s*(#.*)?", stripped) is not None
            if inside:
                header = f"{number}:{line.index('[') + 1}"
            continue
        if inside and key is not None:
            found = re.match(rf"\s*([\"']?){re.escape(key)}\1\s*=", line)
            if found:
                return f"{number}:{len(line) - len(line.lstrip()) + 1}"
    return header
