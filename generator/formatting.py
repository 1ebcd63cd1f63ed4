"""Format generated Python with black, in-process and with a fixed mode.

The mode is fixed here, never read from the caller's configuration, so the output is the
same wherever the generator runs.
"""

from __future__ import annotations

from .render import TemplateError

LINE_LENGTH = 88
OLDEST_PYTHON = (3, 10)  # also requires-python of the generated package


def format_python(path: str, text: str) -> str:
    # Imported here: black is the slowest import, and only Python output needs it.
    from black import format_str
    from black.mode import Mode, TargetVersion
    from black.parsing import InvalidInput

    version = TargetVersion[f"PY{OLDEST_PYTHON[0]}{OLDEST_PYTHON[1]}"]
    try:
        return format_str(text, mode=Mode(target_versions={version}, line_length=LINE_LENGTH))
    except InvalidInput as error:
        numbered = "\n".join(
            f"{number:5} | {line}" for number, line in enumerate(text.splitlines(), 1)
        )
        message = f"{path}: the rendered Python does not parse: {error}\n{numbered}"
        raise TemplateError(message) from error


def format_files(files: dict[str, str]) -> dict[str, str]:
    return {
        path: format_python(path, text) if path.endswith(".py") else text
        for path, text in files.items()
    }
