"""Format generated Python with black, in-process and with a fixed mode.

The mode is fixed here, never read from the caller's configuration, so the output is the
same wherever the generator runs.
"""

from __future__ import annotations

from .render import TemplateError

LINE_LENGTH = 88
OLDEST_PYTHON = (3, 10)  # also requires-python of the generated package


def _mode() -> object:
    import black  # imported late: only Python output needs it

    version = getattr(black.TargetVersion, f"PY{OLDEST_PYTHON[0]}{OLDEST_PYTHON[1]}")
    return black.Mode(target_versions={version}, line_length=LINE_LENGTH)


def format_python(path: str, text: str) -> str:
    import black

    try:
        return black.format_str(text, mode=_mode())  # type: ignore[arg-type]
    except black.InvalidInput as error:
        numbered = "\n".join(
            f"{number:5} | {line}" for number, line in enumerate(text.splitlines(), 1)
        )
        raise TemplateError(f"{path}: the rendered Python does not parse: {error}\n{numbered}")


def format_files(files: dict[str, str]) -> dict[str, str]:
    return {
        path: format_python(path, text) if path.endswith(".py") else text
        for path, text in files.items()
    }
