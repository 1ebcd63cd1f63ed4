"""Python output in black's layout.

The built-in templates lay code out exactly as black would (the test suite proves it on the
repository's catalogue and on random ones), so generating never imports black: importing it
costs more than everything else the generator does for a typical catalogue, and formatting a
module of thousands of classes takes seconds. The one layout that depends on catalogue
values, `name = value`, is done by python_assignment. Output from user templates is unknown,
so it goes through black itself, with a fixed mode that never reads the caller's
configuration.
"""

from __future__ import annotations

from collections.abc import Mapping

from .problems import UserTemplateError

LINE_LENGTH = 88
OLDEST_PYTHON = (3, 10)  # also requires-python of the generated package


def python_assignment(target: str, value: str, indent: int = 0) -> str:
    """`target = value` as black lays it out: on one line, or, when that is too long and the
    value fits on a line of its own, with the value in parentheses. Values here are ASCII,
    so their width is their length."""
    pad = " " * indent
    line = f"{pad}{target} = {value}"
    if len(line) <= LINE_LENGTH or indent + 4 + len(value) > LINE_LENGTH:
        return line
    return f"{pad}{target} = (\n{pad}    {value}\n{pad})"


def black_mode() -> object:
    from black.mode import Mode, TargetVersion

    version = TargetVersion[f"PY{OLDEST_PYTHON[0]}{OLDEST_PYTHON[1]}"]
    return Mode(target_versions={version}, line_length=LINE_LENGTH)


def format_python(path: str, text: str, template: str) -> str:
    # Imported here: black is by far the slowest import, and only user templates need it.
    from black import format_str
    from black.parsing import InvalidInput

    try:
        return format_str(text, mode=black_mode())  # type: ignore[arg-type]
    except InvalidInput as error:
        numbered = "\n".join(
            f"{number:5} | {line}" for number, line in enumerate(text.splitlines(), 1)
        )
        message = (
            f"{template}: the Python it rendered for {path} does not parse: {error}\n{numbered}"
        )
        raise UserTemplateError(message) from error


def format_files(files: dict[str, str], by_user: Mapping[str, str]) -> dict[str, str]:
    """files with the Python ones a user's template produced ({path: template}) formatted
    by black."""
    return {
        path: (
            format_python(path, text, by_user[path])
            if path in by_user and path.endswith(".py")
            else text
        )
        for path, text in files.items()
    }
