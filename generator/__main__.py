"""`python -m generator` and the `generate-error-bindings` command. A run its stamp shows
would change nothing answers before the rest of the generator is even imported."""

import os
import sys

from . import stamp


def console(prog: str | None = None) -> int:
    arguments = sys.argv[1:]
    answered = stamp.answer(arguments)
    if answered is not None:
        return answered
    from .cli import main

    return main(arguments, prog or os.path.basename(sys.argv[0]) or "generate-error-bindings")


if __name__ == "__main__":
    raise SystemExit(console("python -m generator"))
